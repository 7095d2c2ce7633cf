import KehoachCompare
import KehoachExtract
import KehoachGrammar

/// Parent → child alignments as a terminal report, Markdown or CSV.
public struct AlignmentRenderer {
    public var width: Int
    public var color: Bool
    public var indicators: IndicatorGrammar

    public init(width: Int = 100, color: Bool = false, indicators: IndicatorGrammar = Grammar.bundled.indicators) {
        self.width = width
        self.color = color
        self.indicators = indicators
    }

    static func style(_ s: AlignmentStatus) -> TerminalStyle {
        switch s {
        case .met: return .green
        case .weaker: return .yellow
        case .unquantified: return .cyan
        case .missing: return .red
        case .extra: return .magenta
        }
    }

    /// "Đạt 2 · Thấp hơn 1 · Chưa lượng hóa 1 · Thiếu 0 — 50% đạt · Bổ sung 17 · Xung đột thời hạn 2".
    public static func coverageLine(_ c: Coverage) -> String {
        let counts = [AlignmentStatus.met, .weaker, .unquantified, .missing].map { "\($0.label) \(c.count($0))" }
        return counts.joined(separator: " · ") + " — \(ReportLabels.percent(c.metPercent)) đạt (\(c.met)/\(c.total))"
            + " · \(AlignmentStatus.extra.label) \(c.extra) · Xung đột thời hạn \(c.deadlineConflicts)"
    }

    public func text(_ alignments: [Alignment]) -> String {
        alignments.map(text).joined(separator: "\n" + String(repeating: "═", count: min(width, 60)) + "\n\n")
    }

    public func text(_ a: Alignment) -> String {
        var out: [String] = []
        out.append(TerminalStyle.bold.apply(clip("Đối chiếu: \(ReportLabels.tag(a.parent)) \(ReportLabels.longName(a.parent))"), enabled: color))
        out.append(TerminalStyle.bold.apply(clip("     với → \(ReportLabels.tag(a.child)) \(ReportLabels.longName(a.child))"), enabled: color))
        out.append("Liên kết: \(ReportLabels.basis(a.basis))")
        if a.periodsDiffer { out += wrap("Lưu ý: \(ReportLabels.periodsDifferNote) (\(a.parent.period ?? "?") / \(a.child.period ?? "?"))") }
        out += wrap("Bao phủ: \(Self.coverageLine(a.coverage))")
        if a.coverage.unclassified > 0 { out.append("(\(a.coverage.unclassified) chỉ tiêu cấp trên chưa phân loại chỉ số, không đối chiếu)") }
        out.append("")
        let statusWidth = 14
        let parentWidth = (width - statusWidth - 6) / 2
        let childWidth = width - statusWidth - parentWidth - 6
        let table = TerminalTable(widths: [statusWidth, parentWidth, childWidth], color: color)
        var rows: [[String]] = []
        var styles: [[TerminalStyle?]] = []
        for r in a.results {
            rows.append([r.status.label, parentCell(r), childCell(r)])
            styles.append([Self.style(r.status), nil, nil])
        }
        out += table.render(header: ["Trạng thái", "Chỉ tiêu cấp trên", "Cấp dưới"], rows: rows, styles: styles)
        if a.results.isEmpty { out.append("(cấp trên không có chỉ tiêu phân loại được)") }
        if !a.extras.isEmpty {
            out.append("")
            out.append(TerminalStyle.bold.apply("Chỉ tiêu bổ sung của cấp dưới (\(a.extras.count)):", enabled: color))
            for t in a.extras {
                out.append(clip("  dòng \(pad(String(t.line), 4)) \(pad(ReportLabels.target(t), 16)) \(ReportLabels.indicator(t.indicator ?? "", indicators))\(t.population.map { " — \($0)" } ?? "")"))
            }
        }
        if !a.deadlineConflicts.isEmpty {
            out.append("")
            out.append(TerminalStyle.bold.apply("Xung đột thời hạn (\(a.deadlineConflicts.count)):", enabled: color))
            for c in a.deadlineConflicts {
                out.append(clip("  cấp trên dòng \(c.parent.line): \(ReportLabels.deadline(c.parent)) ↔ cấp dưới dòng \(c.child.line): \(ReportLabels.deadline(c.child)) — \(conflictTopic(c))"))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func parentCell(_ r: TargetAlignment) -> String {
        let t = r.parentTarget
        return ReportLabels.indicator(r.indicator, indicators) + "\n"
            + ([ReportLabels.target(t), t.population, "dòng \(t.line)"].compactMap { $0 }.joined(separator: " · "))
    }

    func childCell(_ r: TargetAlignment) -> String {
        var lines: [String] = []
        if let c = r.childTarget {
            lines.append([ReportLabels.target(c), c.population, "dòng \(c.line)"].compactMap { $0 }.joined(separator: " · "))
        }
        if r.childTarget == nil, let e = r.evidence {
            lines.append("dòng \(e.line): “\(e.excerpt)”")
        }
        lines.append(ReportLabels.explanation(r))
        return lines.joined(separator: "\n")
    }

    func conflictTopic(_ c: DeadlineConflict) -> String {
        c.indicators.isEmpty ? "cùng nội dung nhiệm vụ" : c.indicators.map { ReportLabels.indicator($0, indicators) }.joined(separator: "; ")
    }

    public func markdown(_ alignments: [Alignment]) -> String {
        var out: [String] = []
        for a in alignments {
            out.append("## Đối chiếu \(MarkdownText.cell("\(ReportLabels.tag(a.parent)) \(ReportLabels.longName(a.parent))")) → \(MarkdownText.cell("\(ReportLabels.tag(a.child)) \(ReportLabels.longName(a.child))"))")
            out.append("")
            out.append("- Liên kết: \(ReportLabels.basis(a.basis))")
            out.append("- Bao phủ: \(Self.coverageLine(a.coverage))")
            if a.periodsDiffer { out.append("- Lưu ý: \(ReportLabels.periodsDifferNote)") }
            out.append("")
            out.append(MarkdownText.row(["Trạng thái", "Chỉ số", "Cấp trên", "Dòng", "Cấp dưới", "Dòng", "Giải thích"]))
            out.append("|" + String(repeating: " --- |", count: 7))
            for r in a.results {
                let child = r.childTarget.map(ReportLabels.target) ?? r.evidence.map { "“\($0.excerpt)”" } ?? "—"
                let childLine = r.childTarget.map { String($0.line) } ?? r.evidence.map { String($0.line) } ?? ""
                out.append(MarkdownText.row([r.status.label, ReportLabels.indicator(r.indicator, indicators),
                                             ReportLabels.target(r.parentTarget) + (r.parentTarget.population.map { " — \($0)" } ?? ""),
                                             String(r.parentTarget.line), child, childLine, ReportLabels.explanation(r)]))
            }
            if !a.extras.isEmpty {
                out.append("")
                out.append("**Chỉ tiêu bổ sung của cấp dưới (\(a.extras.count))**")
                out.append("")
                for t in a.extras {
                    out.append("- dòng \(t.line): \(MarkdownText.cell(ReportLabels.target(t))) — \(MarkdownText.cell(ReportLabels.indicator(t.indicator ?? "", indicators)))")
                }
            }
            if !a.deadlineConflicts.isEmpty {
                out.append("")
                out.append("**Xung đột thời hạn (\(a.deadlineConflicts.count))**")
                out.append("")
                for c in a.deadlineConflicts {
                    out.append("- cấp trên dòng \(c.parent.line) (\(MarkdownText.cell(ReportLabels.deadline(c.parent)))) ↔ cấp dưới dòng \(c.child.line) (\(MarkdownText.cell(ReportLabels.deadline(c.child)))): \(MarkdownText.cell(conflictTopic(c)))")
                }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// One row per parent target, then the child's extra targets and the deadline conflicts.
    public func csv(_ alignments: [Alignment]) -> String {
        var csv = CSV(header: ["Kế hoạch cấp trên", "Kế hoạch cấp dưới", "Trạng thái", "Mã trạng thái", "Mã chỉ số", "Chỉ số",
                               "Chỉ tiêu cấp trên", "Dòng cấp trên", "Câu cấp trên", "Chỉ tiêu cấp dưới", "Dòng cấp dưới",
                               "Câu cấp dưới", "Giải thích"])
        for a in alignments {
            let parent = "\(ReportLabels.tag(a.parent)) \(ReportLabels.longName(a.parent))"
            let child = "\(ReportLabels.tag(a.child)) \(ReportLabels.longName(a.child))"
            for r in a.results {
                csv.append([parent, child, r.status.label, r.status.rawValue, r.indicator, ReportLabels.indicator(r.indicator, indicators),
                            ReportLabels.target(r.parentTarget), String(r.parentTarget.line), r.parentTarget.quote,
                            r.childTarget.map(ReportLabels.target) ?? "",
                            r.childTarget.map { String($0.line) } ?? r.evidence.map { String($0.line) } ?? "",
                            r.childTarget?.quote ?? r.evidence?.excerpt ?? "", ReportLabels.explanation(r)])
            }
            for t in a.extras {
                csv.append([parent, child, AlignmentStatus.extra.label, AlignmentStatus.extra.rawValue, t.indicator ?? "",
                            ReportLabels.indicator(t.indicator ?? "", indicators), "", "", "", ReportLabels.target(t), String(t.line), t.quote,
                            "cấp trên không đặt chỉ tiêu cho chỉ số này"])
            }
            for c in a.deadlineConflicts {
                csv.append([parent, child, "Xung đột thời hạn", "deadline-conflict", c.indicators.joined(separator: " "), conflictTopic(c),
                            ReportLabels.deadline(c.parent), String(c.parent.line), c.parent.task,
                            ReportLabels.deadline(c.child), String(c.child.line), c.child.task, "hạn cấp dưới muộn hơn cấp trên"])
            }
        }
        return csv.text
    }

    /// Word-wrapped to the width, continuation lines indented.
    private func wrap(_ s: String) -> [String] {
        let lines = TerminalTable.wrap(s, width: width - 2)
        return [lines[0]] + lines.dropFirst().map { "  " + $0 }
    }

    private func clip(_ s: String) -> String {
        s.count <= width ? s : String(s.prefix(width - 1)) + "…"
    }

    private func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }
}
