import Foundation
import KehoachCompare
import KehoachExtract
import KehoachGrammar

/// One self-contained HTML file — no network, no script: inline CSS and inline SVG — with the
/// plans, the indicator matrix, the chain tree and every alignment (table coloured by status,
/// coverage bar chart per child). Vietnamese labels; prints on A4 without cutting rows. Every
/// piece of plan text goes through `HTML.escape`.
public struct HTMLReport {
    public var title: String
    public var indicators: IndicatorGrammar

    public init(title: String = "Báo cáo so sánh và đối chiếu kế hoạch", indicators: IndicatorGrammar = Grammar.bundled.indicators) {
        self.title = title
        self.indicators = indicators
    }

    public func render(_ report: ComparisonReport) -> String {
        var h = HTMLBuffer()
        h.raw("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        h.raw("<title>"); h.text(title); h.raw("</title>\n<style>\n\(Self.css)</style>\n</head>\n<body>\n")
        h.raw("<header><h1>"); h.text(title); h.raw("</h1>\n<p class=\"muted\">")
        var summary = ["\(report.plans.count) kế hoạch"]
        if let m = report.matrix { summary.append("\(m.rows.count) chỉ số được đặt chỉ tiêu") }
        if !report.alignments.isEmpty { summary.append("\(report.alignments.count) cặp đối chiếu") }
        h.text(summary.joined(separator: " · "))
        h.raw("</p></header>\n")
        h.raw(sections(report))
        h.raw("<footer class=\"muted\">Tạo bởi kehoach. Trạng thái: ")
        h.text(AlignmentStatus.allCases.map(\.label).joined(separator: ", "))
        h.raw(". "); h.text(ReportLabels.legend); h.raw(".</footer>\n</body>\n</html>\n")
        return h.out
    }

    /// The report's sections (plans, matrix, chain, alignments with their charts) without the
    /// page around them, for a page that has its own (`kehoach serve`).
    public func sections(_ report: ComparisonReport) -> String {
        var h = HTMLBuffer()
        plans(report.plans, &h)
        var number = 1
        if let m = report.matrix { matrix(m, number: number, &h); number += 1 }
        if let c = report.chain { chain(c, number: number, &h); number += 1 }
        if !report.alignments.isEmpty { alignments(report.alignments, number: number, &h) }
        return h.out
    }

    // MARK: sections

    private func plans(_ refs: [PlanRef], _ h: inout HTMLBuffer) {
        h.raw("<section id=\"plans\">\n<h2>Các kế hoạch</h2>\n<table class=\"plans\">\n<colgroup><col style=\"width:5%\"><col style=\"width:11%\"><col style=\"width:30%\"><col style=\"width:16%\"><col style=\"width:12%\"><col style=\"width:26%\"></colgroup>\n")
        h.raw("<thead><tr><th>#</th><th>Cấp</th><th>Cơ quan ban hành · tiêu đề</th><th>Số</th><th>Ngày</th><th>Tệp</th></tr></thead>\n<tbody>\n")
        for r in refs {
            h.raw("<tr><td>"); h.text(ReportLabels.tag(r)); h.raw("</td><td>"); h.text(r.level.map(Labels.level) ?? "—")
            h.raw("</td><td><strong>"); h.text(r.issuer ?? "—"); h.raw("</strong>")
            if let t = r.title { h.raw("<br><span class=\"small\">"); h.text(t); h.raw("</span>") }
            h.raw("</td><td>"); h.text(r.number ?? "chưa số"); h.raw("</td><td>"); h.text(r.date ?? "—")
            h.raw("</td><td class=\"small\">"); h.text(r.source ?? ""); h.raw("</td></tr>\n")
        }
        h.raw("</tbody></table>\n</section>\n")
    }

    private func matrix(_ m: IndicatorMatrix, number: Int, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"matrix\">\n<h2>\(number). Ma trận chỉ tiêu</h2>\n")
        h.raw("<p class=\"muted\">"); h.text("Mỗi ô: giá trị chỉ tiêu kèm so sánh và năm đến hạn; " + ReportLabels.legend + "."); h.raw("</p>\n")
        let labelWidth = m.plans.count > 4 ? 22 : 28
        let columnWidth = m.plans.isEmpty ? 0 : Double(100 - labelWidth) / Double(m.plans.count)
        h.raw("<table class=\"matrix\">\n<colgroup><col style=\"width:\(labelWidth)%\">")
        for _ in m.plans { h.raw("<col style=\"width:\(String(format: "%.2f", columnWidth))%\">") }
        h.raw("</colgroup>\n<thead><tr><th>Chỉ số</th>")
        for r in m.plans {
            h.raw("<th>"); h.text(ReportLabels.tag(r)); h.raw(" "); h.text(ReportLabels.shortName(r)); h.raw("</th>")
        }
        h.raw("</tr></thead>\n<tbody>\n")
        for row in m.rows {
            h.raw("<tr><th scope=\"row\">"); h.text(row.label); h.raw("<br><span class=\"id\">"); h.text(row.indicator); h.raw("</span></th>")
            for cell in row.cells {
                if cell.isEmpty { h.raw("<td class=\"empty\">—</td>"); continue }
                h.raw("<td>")
                for (i, entry) in cell.enumerated() {
                    let t = entry.target
                    if i > 0 { h.raw("<br>") }
                    h.raw("<span class=\"value\(entry.match == .wording ? " wording" : "")\" title=\""); h.text("dòng \(t.line): \(t.quote)"); h.raw("\">")
                    h.text(ReportLabels.cell([entry])); h.raw("</span>")
                    if let p = t.population { h.raw(" <span class=\"small\">"); h.text(p); h.raw("</span>") }
                }
                h.raw("</td>")
            }
            h.raw("</tr>\n")
        }
        h.raw("</tbody>\n<tfoot>\n")
        for (label, value) in [("Số chỉ tiêu", \IndicatorMatrix.Totals.targets), ("Số thời hạn", \.deadlines),
                               ("Số đơn vị thực hiện", \.responsibleUnits)] as [(String, KeyPath<IndicatorMatrix.Totals, Int>)] {
            h.raw("<tr><th scope=\"row\">"); h.text(label); h.raw("</th>")
            for t in m.totals { h.raw("<td class=\"num\">\(t[keyPath: value])</td>") }
            h.raw("</tr>\n")
        }
        h.raw("</tfoot></table>\n</section>\n")
    }

    private func chain(_ c: PlanChain, number: Int, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"chain\">\n<h2>\(number). Chuỗi kế hoạch</h2>\n")
        h.raw("<p class=\"muted\">Liên kết theo số hiệu văn bản được trích dẫn (căn cứ); nếu không có, theo cấp và tên địa bàn (suy đoán).</p>\n")
        h.raw("<ul class=\"tree\">\n")
        func visit(_ index: Int) {
            guard let ref = c.ref(index) else { return }
            h.raw("<li><div class=\"node\"><span class=\"lvl\">"); h.text(ref.level.map(Labels.level) ?? "?"); h.raw("</span> ")
            h.raw("<strong>"); h.text(ReportLabels.tag(ref) + " " + (ref.issuer.map(ReportLabels.issuer) ?? ReportLabels.shortName(ref))); h.raw("</strong> ")
            h.text("— \(ref.number ?? "chưa số")\(ref.period.map { ", \($0)" } ?? "")")
            if let link = c.link(child: index) {
                h.raw(" <span class=\"how\">"); h.text(ChainRenderer().how(link)); h.raw("</span>")
            }
            for m in c.notImported where m.plan == index {
                h.raw("<div class=\"missing-parent\">⚠ "); h.text(ReportLabels.notImported(m)); h.raw("</div>")
            }
            h.raw("</div>")
            let children = c.children(of: index)
            if !children.isEmpty {
                h.raw("\n<ul>\n")
                for child in children { visit(child) }
                h.raw("</ul>\n")
            }
            h.raw("</li>\n")
        }
        for root in c.roots { visit(root) }
        h.raw("</ul>\n")
        if !c.otherLinks.isEmpty {
            h.raw("<p>Liên kết khác:</p><ul>")
            for link in c.otherLinks {
                h.raw("<li>"); h.text("[\(link.child + 1)] → [\(link.parent + 1)] " + ChainRenderer().how(link)); h.raw("</li>")
            }
            h.raw("</ul>\n")
        }
        h.raw("</section>\n")
    }

    private func alignments(_ list: [Alignment], number: Int, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"alignments\">\n<h2>\(number). Đối chiếu chỉ tiêu cấp trên – cấp dưới</h2>\n")
        h.raw("<p class=\"muted\">")
        h.text("Đạt: cùng chỉ số, đối tượng tương thích, giá trị bằng hoặc chặt hơn, hạn không muộn hơn. Thấp hơn: giá trị thấp hơn, hạn muộn hơn hoặc chỉ “phấn đấu”. Chưa lượng hóa: có nêu nhưng không đặt số (hoặc đặt theo đơn vị/đối tượng khác). Thiếu: không đề cập.")
        h.raw("</p>\n<div class=\"keep\">\n<h3>Mức độ bao phủ</h3>\n")
        h.raw(CoverageChart.svg(list.map { ("\(ReportLabels.tag($0.parent))→\(ReportLabels.tag($0.child)) \(ReportLabels.shortName($0.child))", $0.coverage) }))
        h.raw("\n</div>\n")
        for (i, a) in list.enumerated() { alignment(a, id: i + 1, &h) }
        h.raw("</section>\n")
    }

    private func alignment(_ a: Alignment, id: Int, _ h: inout HTMLBuffer) {
        h.raw("<article class=\"alignment\" id=\"align-\(id)\">\n<h3>")
        h.text("\(ReportLabels.tag(a.parent)) \(ReportLabels.longName(a.parent)) → \(ReportLabels.tag(a.child)) \(ReportLabels.longName(a.child))")
        h.raw("</h3>\n<p>Liên kết: "); h.text(ReportLabels.basis(a.basis)); h.raw(". Bao phủ: <strong>")
        h.text(ReportLabels.percent(a.coverage.metPercent)); h.raw("</strong> đạt (")
        h.text("\(a.coverage.met)/\(a.coverage.total)"); h.raw(").")
        if a.coverage.unclassified > 0 { h.text(" \(a.coverage.unclassified) chỉ tiêu cấp trên chưa phân loại, không đối chiếu.") }
        h.raw("</p>\n")
        if a.periodsDiffer {
            h.raw("<p class=\"note\">"); h.text("\(ReportLabels.periodsDifferNote) (\(a.parent.period ?? "?") / \(a.child.period ?? "?"))"); h.raw("</p>\n")
        }
        h.raw("<div class=\"keep\">")
        h.raw(CoverageChart.svg([(ReportLabels.shortName(a.child), a.coverage)]))
        h.raw("</div>\n")
        h.raw("<table class=\"align\">\n<colgroup><col style=\"width:12%\"><col style=\"width:18%\"><col style=\"width:29%\"><col style=\"width:29%\"><col style=\"width:12%\"></colgroup>\n")
        h.raw("<thead><tr><th>Trạng thái</th><th>Chỉ số</th><th>Chỉ tiêu cấp trên</th><th>Cấp dưới</th><th>Giải thích</th></tr></thead>\n<tbody>\n")
        for r in a.results {
            h.raw("<tr class=\"st-\(r.status.rawValue)\"><td><span class=\"badge\">"); h.text(r.status.label); h.raw("</span></td><td>")
            h.text(ReportLabels.indicator(r.indicator, indicators)); h.raw("</td><td>")
            targetBlock(r.parentTarget, &h)
            h.raw("</td><td>")
            if let c = r.childTarget { targetBlock(c, &h) }
            else if let e = r.evidence {
                h.raw("<span class=\"line\">"); h.text("dòng \(e.line)"); h.raw("</span> <span class=\"quote\">“"); h.text(e.excerpt); h.raw("”</span>")
            } else { h.raw("<span class=\"muted\">—</span>") }
            h.raw("</td><td class=\"small\">"); h.text(ReportLabels.explanation(r)); h.raw("</td></tr>\n")
        }
        h.raw("</tbody></table>\n")
        if !a.extras.isEmpty {
            h.raw("<h4>"); h.text("Chỉ tiêu bổ sung của cấp dưới (\(a.extras.count))"); h.raw("</h4>\n")
            h.raw("<table class=\"align\">\n<colgroup><col style=\"width:30%\"><col style=\"width:70%\"></colgroup>\n<thead><tr><th>Chỉ số</th><th>Chỉ tiêu</th></tr></thead>\n<tbody>\n")
            for t in a.extras {
                h.raw("<tr class=\"st-extra\"><td>"); h.text(ReportLabels.indicator(t.indicator ?? "", indicators)); h.raw("</td><td>")
                targetBlock(t, &h); h.raw("</td></tr>\n")
            }
            h.raw("</tbody></table>\n")
        }
        if !a.deadlineConflicts.isEmpty {
            h.raw("<h4>"); h.text("Xung đột thời hạn (\(a.deadlineConflicts.count))"); h.raw("</h4>\n")
            h.raw("<table class=\"align\">\n<colgroup><col style=\"width:40%\"><col style=\"width:40%\"><col style=\"width:20%\"></colgroup>\n<thead><tr><th>Cấp trên</th><th>Cấp dưới (muộn hơn)</th><th>Nội dung chung</th></tr></thead>\n<tbody>\n")
            for c in a.deadlineConflicts {
                h.raw("<tr class=\"st-weaker\"><td>"); deadlineBlock(c.parent, &h); h.raw("</td><td>"); deadlineBlock(c.child, &h)
                h.raw("</td><td class=\"small\">")
                h.text(c.indicators.isEmpty ? "cùng nội dung nhiệm vụ" : c.indicators.map { ReportLabels.indicator($0, indicators) }.joined(separator: "; "))
                h.raw("</td></tr>\n")
            }
            h.raw("</tbody></table>\n")
        }
        h.raw("</article>\n")
    }

    private func targetBlock(_ t: Target, _ h: inout HTMLBuffer) {
        h.raw("<span class=\"value\">"); h.text(ReportLabels.target(t)); h.raw("</span>")
        if let p = t.population { h.raw(" · "); h.text(p) }
        h.raw(" <span class=\"line\">"); h.text("dòng \(t.line)"); h.raw("</span><br><span class=\"quote\">“"); h.text(t.quote); h.raw("”</span>")
    }

    private func deadlineBlock(_ d: Deadline, _ h: inout HTMLBuffer) {
        h.raw("<span class=\"value\">"); h.text(ReportLabels.deadline(d)); h.raw("</span> <span class=\"line\">"); h.text("dòng \(d.line)")
        h.raw("</span><br><span class=\"quote\">"); h.text(d.task); h.raw("</span>")
    }

    public static let css = """
    :root { --met:#d6efd2; --weaker:#fde6bd; --unquantified:#d9e5f7; --missing:#f6d0d0; --extra:#ebebeb;
            --met-ink:#1e6b2a; --weaker-ink:#8a5a00; --unquantified-ink:#1f4f8f; --missing-ink:#9b1c1c; --extra-ink:#555;
            --ink:#1d232a; --rule:#c6ccd4; --head:#eef2f7; --accent:#2b5797; }
    * { box-sizing: border-box; }
    body { font-family: "Noto Sans", "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: var(--ink); margin: 24px auto;
           max-width: 1100px; padding: 0 16px; font-size: 14px; line-height: 1.4; background: #fff; }
    h1 { font-size: 22px; margin: 0 0 4px; color: var(--accent); }
    h2 { font-size: 18px; border-bottom: 2px solid var(--accent); padding-bottom: 3px; margin: 28px 0 10px; color: var(--accent); }
    h3 { font-size: 15px; margin: 18px 0 6px; }
    h4 { font-size: 14px; margin: 12px 0 4px; }
    table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 6px 0 14px; }
    th, td { border: 1px solid var(--rule); padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
    thead th { background: var(--head); }
    tbody th { font-weight: 600; background: #fafbfc; }
    tfoot th, tfoot td { background: var(--head); font-weight: 600; }
    .num { text-align: right; }
    .matrix td.empty { color: #b0b4ba; text-align: center; }
    .matrix { font-size: 13px; }
    .value { font-weight: 600; white-space: nowrap; }
    .wording { font-weight: 400; font-style: italic; }
    .id { font-weight: 400; font-size: 11px; color: #777; font-family: "DejaVu Sans Mono", monospace; }
    .small { font-size: 12px; }
    .muted { color: #5f6670; }
    .quote { font-size: 12px; color: #3b4148; }
    .line { font-size: 11px; color: #5f6670; white-space: nowrap; }
    .note { background: #fff7e0; border-left: 4px solid #e0a800; padding: 4px 8px; }
    .badge { display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 12px; font-weight: 700; background: #fff8; }
    tr.st-met td { background: var(--met); } tr.st-met .badge { color: var(--met-ink); }
    tr.st-weaker td { background: var(--weaker); } tr.st-weaker .badge { color: var(--weaker-ink); }
    tr.st-unquantified td { background: var(--unquantified); } tr.st-unquantified .badge { color: var(--unquantified-ink); }
    tr.st-missing td { background: var(--missing); } tr.st-missing .badge { color: var(--missing-ink); }
    tr.st-extra td { background: var(--extra); }
    ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 22px; }
    ul.tree { padding-left: 0; }
    ul.tree ul { border-left: 2px solid var(--rule); margin-left: 8px; }
    ul.tree li { margin: 6px 0; position: relative; }
    ul.tree ul > li::before { content: ""; position: absolute; left: -22px; top: 12px; width: 18px; border-top: 2px solid var(--rule); }
    .node { display: inline-block; border: 1px solid var(--rule); border-radius: 6px; padding: 4px 8px; background: #fafbfc; }
    .lvl { display: inline-block; background: var(--accent); color: #fff; border-radius: 4px; padding: 0 6px; font-size: 12px; }
    .how { font-size: 12px; color: #5f6670; }
    .missing-parent { font-size: 12px; color: var(--missing-ink); margin-top: 2px; }
    svg { max-width: 100%; height: auto; }
    footer { margin-top: 28px; font-size: 12px; border-top: 1px solid var(--rule); padding-top: 6px; }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      body { margin: 0; padding: 0; max-width: none; font-size: 10pt; }
      h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
      tr, .keep, .node, li { break-inside: avoid; page-break-inside: avoid; }
      thead { display: table-header-group; }
      tfoot { display: table-row-group; }
      .matrix { font-size: 8.5pt; }
      article.alignment { break-before: page; page-break-before: always; }
      tr.st-met td, tr.st-weaker td, tr.st-unquantified td, tr.st-missing td, tr.st-extra td, .lvl, thead th {
        -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}

/// Stacked horizontal bars, one per child: met, weaker, unquantified, missing, scaled to the
/// parent's target count, with the share met at the end. Plain SVG, no script.
enum CoverageChart {
    static let colors: [(AlignmentStatus, String)] = [(.met, "#3f9b4f"), (.weaker, "#e3a21a"), (.unquantified, "#4a7cc4"), (.missing, "#c94444")]

    static func svg(_ rows: [(label: String, coverage: Coverage)]) -> String {
        let labelWidth = 300.0, barWidth = 380.0, rowHeight = 30.0, top = 26.0
        let width = labelWidth + barWidth + 90
        let height = top + rowHeight * Double(rows.count) + 6
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"coverage\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Mức độ bao phủ\" font-family=\"Noto Sans, DejaVu Sans, Arial, sans-serif\" font-size=\"12\">"
        // Legend.
        var x = labelWidth
        for (status, color) in colors {
            s += "<rect x=\"\(Int(x))\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(color)\"/>"
            s += "<text x=\"\(Int(x) + 16)\" y=\"16\">\(HTML.escape(status.label))</text>"
            x += 30 + 7.5 * Double(status.label.count)
        }
        for (i, row) in rows.enumerated() {
            let y = top + rowHeight * Double(i)
            var label = row.label
            if label.count > 40 { label = String(label.prefix(39)) + "…" }
            s += "<text x=\"0\" y=\"\(Int(y + 18))\">\(HTML.escape(label))</text>"
            s += "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y + 4))\" width=\"\(Int(barWidth))\" height=\"20\" fill=\"#f0f2f5\" stroke=\"#c6ccd4\"/>"
            let total = max(1, row.coverage.total)
            var offset = labelWidth
            for (status, color) in colors {
                let n = row.coverage.count(status)
                guard n > 0 else { continue }
                let w = barWidth * Double(n) / Double(total)
                s += "<rect x=\"\(fmt(offset))\" y=\"\(Int(y + 4))\" width=\"\(fmt(w))\" height=\"20\" fill=\"\(color)\"><title>\(HTML.escape("\(status.label): \(n)"))</title></rect>"
                if w >= 16 { s += "<text x=\"\(fmt(offset + w / 2))\" y=\"\(Int(y + 18))\" text-anchor=\"middle\" fill=\"#fff\" font-weight=\"700\">\(n)</text>" }
                offset += w
            }
            s += "<text x=\"\(Int(labelWidth + barWidth + 8))\" y=\"\(Int(y + 18))\" font-weight=\"700\">\(HTML.escape(ReportLabels.percent(row.coverage.metPercent))) đạt</text>"
        }
        return s + "</svg>"
    }

    private static func fmt(_ x: Double) -> String {
        String(Int((x * 10).rounded()) / 10) + (Int((x * 10).rounded()) % 10 == 0 ? "" : ".\(Int((x * 10).rounded()) % 10)")
    }
}

/// Builds HTML: `raw` for the report's own markup, `text` for anything that came from a plan.
struct HTMLBuffer {
    private(set) var out = ""

    mutating func raw(_ markup: String) { out += markup }

    mutating func text(_ text: String) { out += HTML.escape(text) }
}
