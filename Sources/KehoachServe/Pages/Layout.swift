import KehoachRender

/// The frame of every page: Vietnamese, the report's stylesheet plus the server's own, a nav
/// bar (Kế hoạch · Tìm kiếm · So sánh / Đối chiếu · Nhập kế hoạch), print rules that leave out
/// the nav and the forms. No resource from elsewhere: the one script is `/assets/app.js`.
enum Layout {
    enum Section: String, CaseIterable {
        case plans, search, compare, importing

        var label: String {
            switch self {
            case .plans: return "Kế hoạch"
            case .search: return "Tìm kiếm"
            case .compare: return "So sánh / Đối chiếu"
            case .importing: return "Nhập kế hoạch"
            }
        }

        var path: String {
            switch self {
            case .plans: return "/"
            case .search: return "/search"
            case .compare: return "/compare"
            case .importing: return "/import"
            }
        }
    }

    static func page(title: String, section: Section?, wide: Bool = false, script: Bool = false, body: String) -> String {
        var h = PageWriter()
        h.raw("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        h.text(title + " · kehoach")
        h.raw("</title>\n<style>\n\(HTMLReport.css)\(css)</style>\n")
        if script { h.raw("<script src=\"/assets/app.js\" defer></script>\n") }
        h.raw("</head>\n<body\(wide ? " class=\"wide\"" : "")>\n<nav class=\"top\"><span class=\"brand\">kehoach</span>")
        for s in Section.allCases {
            h.raw("<a href=\"\(s.path)\"\(s == section ? " class=\"active\" aria-current=\"page\"" : "")>")
            h.text(s.label)
            h.raw("</a>")
        }
        h.raw("</nav>\n<main>\n")
        h.raw(body)
        h.raw("</main>\n<footer class=\"muted\">Tạo bởi kehoach serve · dữ liệu chỉ nằm trên máy này.</footer>\n</body>\n</html>\n")
        return h.out
    }

    /// An error page: what went wrong, in Vietnamese, and the technical reason.
    static func error(status: Int, title: String, detail: String) -> String {
        var h = PageWriter()
        h.raw("<h1>"); h.text("\(status) · \(title)"); h.raw("</h1>\n<p class=\"note\">"); h.text(detail); h.raw("</p>\n")
        h.raw("<p><a href=\"/\">Về danh sách kế hoạch</a></p>\n")
        return page(title: title, section: nil, body: h.out)
    }

    static let css = """
    nav.top { display: flex; flex-wrap: wrap; gap: 4px 18px; align-items: baseline; border-bottom: 2px solid var(--accent);
              padding: 6px 0 8px; margin-bottom: 14px; }
    nav.top a { color: var(--accent); text-decoration: none; font-weight: 600; padding: 2px 4px; }
    nav.top a.active { border-bottom: 3px solid var(--accent); }
    nav.top .brand { font-weight: 800; color: var(--ink); margin-right: 8px; }
    body.wide { max-width: 1500px; }
    a { color: var(--accent); }
    form.filters { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: end; background: var(--head);
                   padding: 8px 10px; border-radius: 6px; margin: 8px 0 12px; }
    form.filters label { display: flex; flex-direction: column; font-size: 12px; color: #3b4148; }
    input, select, button { font: inherit; padding: 3px 6px; }
    input[type=search] { min-width: 320px; }
    button, .button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: 5px 12px; cursor: pointer;
                      text-decoration: none; display: inline-block; }
    .button.light { background: #e4e9f1; color: var(--accent); }
    th a { color: inherit; text-decoration: none; }
    th a:hover { text-decoration: underline; }
    .pager { margin: 8px 0; }
    .columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 18px; align-items: start; }
    .plantext { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto; border: 1px solid var(--rule);
                border-radius: 6px; background: #fcfcfd; }
    .plantext h2 { margin: 0; padding: 6px 10px; position: sticky; top: 0; background: #fcfcfd; }
    ol.text { list-style: none; margin: 0; padding: 4px 0; font-size: 13px; }
    ol.text li { display: grid; grid-template-columns: 3.6em 1fr; gap: 6px; padding: 0 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
    ol.text li a.n { color: #9aa1ab; text-align: right; text-decoration: none; user-select: none; font-size: 11px; padding-top: 2px; }
    ol.text li.hl, ol.text li:target { background: #fff1a8; outline: 1px solid #e0c200; }
    a.ln { font-size: 11px; white-space: nowrap; }
    mark { background: #fff1a8; padding: 0 1px; }
    ul.hits { list-style: none; padding: 0; }
    ul.hits li { border-bottom: 1px solid var(--rule); padding: 6px 2px; }
    ul.hits .where { font-size: 12px; color: #5f6670; }
    .outline ul { list-style: none; padding-left: 16px; margin: 2px 0; }
    .outline > ul { padding-left: 0; }
    .result-ok td { background: var(--met); } .result-refused td { background: var(--weaker); } .result-bad td { background: var(--missing); }
    .downloads { display: flex; gap: 10px; flex-wrap: wrap; margin: 8px 0; }
    .pick td, .pick th { font-size: 13px; }
    @media (max-width: 900px) { .columns { grid-template-columns: 1fr; } .plantext { position: static; max-height: none; } }
    @media print {
      nav.top, form, .pager, .downloads, .noprint { display: none !important; }
      .columns { display: block; }
      .plantext { position: static; max-height: none; overflow: visible; border: 0; break-before: page; }
      ol.text li.hl { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}
