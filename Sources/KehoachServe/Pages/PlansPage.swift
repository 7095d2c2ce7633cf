import KehoachCorpus
import KehoachRender

/// "Kế hoạch": the corpus as a table — number, issuer, level, date, title, targets — sortable
/// by any column (links on the headers) and filtered by level, year and issuer, a page of
/// `pageSize` rows at a time.
struct PlansPage {
    static let pageSize = 100

    var plans: [PlanSummary]
    var filter: PlanFilter
    var directory: String

    func render() -> String {
        let shown = filter.apply(plans)
        let pages = max(1, (shown.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(filter.page, pages)
        var h = PageWriter()
        h.raw("<h1>Kế hoạch trong kho</h1>\n<p class=\"muted\">")
        h.text(shown.count == plans.count ? "\(plans.count) kế hoạch" : "\(shown.count) / \(plans.count) kế hoạch khớp bộ lọc")
        h.text(" · kho: \(directory)")
        h.raw("</p>\n")
        if plans.isEmpty {
            h.raw("<p class=\"note\">Kho chưa có kế hoạch nào. <a href=\"/import\">Nhập kế hoạch</a> (tệp .txt, .docx, .pdf), hoặc chạy <code>kehoach import TỆP…</code>.</p>\n")
            return Layout.page(title: "Kế hoạch", section: .plans, body: h.out)
        }
        h.raw(filter.form(action: "/"))
        h.raw("<table class=\"plans\">\n<colgroup><col style=\"width:13%\"><col style=\"width:24%\"><col style=\"width:9%\"><col style=\"width:10%\"><col style=\"width:36%\"><col style=\"width:8%\"></colgroup>\n<thead><tr>")
        for column in PlanFilter.Column.allCases {
            var next = filter
            next.page = 1
            let ascending = next.sort == column && !next.descending
            next.sort = column
            next.descending = ascending
            let arrow = filter.sort == column ? (filter.descending ? " ▼" : " ▲") : ""
            h.raw("<th>"); h.link("/" + URLText.query(next.items()), column.label + arrow); h.raw("</th>")
        }
        h.raw("</tr></thead>\n<tbody>\n")
        for p in shown.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize) {
            h.raw("<tr><td>"); h.link("/plan/\(p.id.rawValue)", p.number ?? "(chưa số)")
            h.raw("</td><td>"); h.text(p.issuer ?? "—")
            h.raw("</td><td>"); h.text(p.level.map(Labels.level) ?? "—")
            h.raw("</td><td>"); h.text(p.date ?? "—")
            h.raw("</td><td>"); h.link("/plan/\(p.id.rawValue)", p.title ?? p.source)
            h.raw("</td><td class=\"num\">\(p.targetCount)</td></tr>\n")
        }
        h.raw("</tbody></table>\n")
        if pages > 1 {
            h.raw("<p class=\"pager\">")
            if page > 1 { h.link("/" + URLText.query(filter.items(page: page - 1)), "← trang trước"); h.raw(" ") }
            h.text("trang \(page)/\(pages)")
            if page < pages { h.raw(" "); h.link("/" + URLText.query(filter.items(page: page + 1)), "trang sau →") }
            h.raw("</p>\n")
        }
        return Layout.page(title: "Kế hoạch", section: .plans, body: h.out)
    }
}
