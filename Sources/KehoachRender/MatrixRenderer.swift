import KehoachCompare
import KehoachExtract

/// The indicator × plan matrix as a terminal table, Markdown or CSV.
public struct MatrixRenderer {
    public var width: Int
    public var color: Bool

    public init(width: Int = 100, color: Bool = false) {
        self.width = width
        self.color = color
    }

    /// Narrowest plan column before the plans are split over several tables.
    static let minimumColumn = 14
    static let labelColumn = 28

    public func text(_ m: IndicatorMatrix) -> String {
        var out: [String] = []
        out.append(TerminalStyle.bold.apply("Ma trận chỉ tiêu: \(m.rows.count) chỉ số × \(m.plans.count) kế hoạch", enabled: color))
        for ref in m.plans {
            out.append(clip("  \(ReportLabels.tag(ref)) \(ReportLabels.longName(ref))\(ref.source.map { " — \($0)" } ?? "")"))
        }
        out.append("")
        if m.plans.isEmpty { return out.joined(separator: "\n") + "\n" }
        // Plans per table so that every column is at least `minimumColumn` wide.
        let available = width - Self.labelColumn
        let perTable = max(1, min(m.plans.count, available / (Self.minimumColumn + 3)))
        var start = 0
        while start < m.plans.count {
            let columns = Array(start..<min(start + perTable, m.plans.count))
            let columnWidth = max(Self.minimumColumn, (available - 3 * columns.count) / columns.count)
            let table = TerminalTable(widths: [Self.labelColumn] + columns.map { _ in columnWidth }, color: color)
            let header = ["Chỉ số"] + columns.map { i -> String in
                let ref = m.plans[i]
                return "\(ReportLabels.tag(ref)) \(ref.issuer.map(ReportLabels.issuer) ?? ReportLabels.shortName(ref))\(ref.period.map { " \($0)" } ?? "")"
            }
            var rows: [[String]] = m.rows.map { row in
                [row.label] + columns.map { i in row.cells[i].isEmpty ? "—" : ReportLabels.cell(row.cells[i]) }
            }
            let totalsAt = rows.count
            rows.append(["Số chỉ tiêu"] + columns.map { String(m.totals[$0].targets) })
            rows.append(["Số thời hạn"] + columns.map { String(m.totals[$0].deadlines) })
            rows.append(["Số đơn vị thực hiện"] + columns.map { String(m.totals[$0].responsibleUnits) })
            let styles: [[TerminalStyle?]] = rows.indices.map { r in [r >= totalsAt ? .bold : nil] }
            out += table.render(header: header, rows: rows, styles: styles, rules: [totalsAt])
            out.append("")
            start += perTable
        }
        for line in TerminalTable.wrap(ReportLabels.legend, width: width) { out.append(TerminalStyle.dim.apply(line, enabled: color)) }
        return out.joined(separator: "\n") + "\n"
    }

    public func markdown(_ m: IndicatorMatrix) -> String {
        var out: [String] = ["## Ma trận chỉ tiêu", ""]
        for ref in m.plans {
            out.append("- \(MarkdownText.cell("\(ReportLabels.tag(ref)) \(ReportLabels.longName(ref))"))\(ref.source.map { " — `\($0.replacingAll("`", with: "'"))`" } ?? "")")
        }
        out.append("")
        out.append(MarkdownText.row(["Chỉ số"] + m.plans.map { "\(ReportLabels.tag($0)) \(ReportLabels.shortName($0))" }))
        out.append("|" + String(repeating: " --- |", count: m.plans.count + 1))
        for row in m.rows {
            out.append(MarkdownText.row([row.label] + row.cells.map { $0.isEmpty ? "—" : ReportLabels.cell($0) }))
        }
        out.append(MarkdownText.row(["**Số chỉ tiêu**"] + m.totals.map { String($0.targets) }))
        out.append(MarkdownText.row(["**Số thời hạn**"] + m.totals.map { String($0.deadlines) }))
        out.append(MarkdownText.row(["**Số đơn vị thực hiện**"] + m.totals.map { String($0.responsibleUnits) }))
        out.append("")
        out.append("_\(ReportLabels.legend)_")
        return out.joined(separator: "\n") + "\n"
    }

    /// One row per indicator; plan columns named by their short names; totals at the end.
    public func csv(_ m: IndicatorMatrix) -> String {
        var csv = CSV(header: ["Mã chỉ số", "Chỉ số"] + m.plans.map { "\(ReportLabels.tag($0)) \(ReportLabels.longName($0))" })
        for row in m.rows {
            csv.append([row.indicator, row.label] + row.cells.map { ReportLabels.cell($0) })
        }
        csv.append(["", "Số chỉ tiêu"] + m.totals.map { String($0.targets) })
        csv.append(["", "Số thời hạn"] + m.totals.map { String($0.deadlines) })
        csv.append(["", "Số đơn vị thực hiện"] + m.totals.map { String($0.responsibleUnits) })
        return csv.text
    }

    private func clip(_ s: String) -> String {
        s.count <= width ? s : String(s.prefix(width - 1)) + "…"
    }
}
