import Foundation
import KehoachCorpus
import KehoachExtract
import KehoachGrammar
import KehoachRender
import KehoachText

/// The search of `kehoach search`, from a query string: `q` (folded words), `all` (every item,
/// not only targets), `level`, `year`, `issuer`, `indicator`, `min`, `max`, `limit`.
struct SearchForm {
    var text = ""
    var all = false
    var level = ""
    var year = ""
    var issuer = ""
    var indicator = ""
    var min = ""
    var max = ""
    var limit = 50

    init(_ request: HTTPRequest) {
        text = String((request.query("q") ?? "").prefix(500))
        all = request.query("all").map { !$0.isEmpty && $0 != "0" } ?? false
        level = request.query("level") ?? ""
        year = request.query("year") ?? ""
        issuer = String((request.query("issuer") ?? "").prefix(200))
        indicator = request.query("indicator") ?? ""
        min = request.query("min") ?? ""
        max = request.query("max") ?? ""
        if let l = request.query("limit").flatMap({ Int($0) }) { limit = Swift.max(1, Swift.min(200, l)) }
    }

    /// The query, or the first problem with a filter (as the CLI words it).
    func query(indicators: IndicatorGrammar) -> Result<SearchQuery, HTTPError> {
        var q = SearchQuery(text, scope: all ? .allItems : .targets)
        q.limit = limit
        if !level.isEmpty {
            guard let l = PlanLevel(named: level) else {
                return .failure(HTTPError(400, "--level must be one of \(PlanLevel.allCases.map(\.rawValue).joined(separator: ", ")), not '\(level)'"))
            }
            q.level = l
        }
        if !year.isEmpty {
            guard let y = Int(year.trimmed(" ")) else { return .failure(HTTPError(400, "--year needs a year, not '\(year)'")) }
            q.year = y
        }
        if !issuer.trimmed(" ").isEmpty { q.issuer = issuer }
        if !indicator.isEmpty {
            guard indicators.indicators.contains(where: { $0.id == indicator }) else {
                return .failure(HTTPError(400, "unknown indicator '\(indicator)'"))
            }
            q.indicator = indicator
        }
        for (name, text) in [("min", min), ("max", max)] where !text.isEmpty {
            let cleaned = String(text.filter { $0 != "%" && $0 != " " }.map { $0 == "," ? "." : $0 })
            guard let v = Double(cleaned), v.isFinite else { return .failure(HTTPError(400, "--\(name) needs a number, not '\(text)'")) }
            if name == "min" { q.minValue = v } else { q.maxValue = v }
        }
        return .success(q)
    }

    var items: [(String, String)] {
        [("q", text), ("all", all ? "1" : ""), ("level", level), ("year", year), ("issuer", issuer), ("indicator", indicator), ("min", min), ("max", max)]
    }
}

/// How a hit reads, for the page and for `/api/search`: the value, where it stands, and the
/// snippet cut into plain and matched pieces (so that a script renders it with textContent).
struct HitView: Encodable {
    var id: String
    var short: String
    var number: String
    var issuer: String
    var level: String
    var kind: String
    var value: String
    var section: String
    var line: Int
    var href: String
    /// Alternating pieces of the snippet: `[text, matched]`.
    var pieces: [Piece]

    struct Piece: Encodable {
        var text: String
        var match: Bool
    }

    init(_ hit: SearchHit) {
        id = hit.plan.id.rawValue
        short = hit.plan.id.short
        number = hit.plan.number ?? "(chưa số)"
        issuer = hit.plan.issuer ?? "?"
        level = hit.plan.level.map(Labels.level) ?? ""
        kind = hit.target != nil ? "target" : (hit.kind == .section ? "section" : "paragraph")
        value = hit.target.map(Self.value) ?? (hit.kind == .section ? "(mục)" : "")
        section = hit.section.joined(separator: " › ")
        line = hit.line
        href = "/plan/\(hit.plan.id.rawValue)?line=\(hit.line)#L\(hit.line)"
        pieces = Self.pieces(hit.snippet)
    }

    static func value(_ t: IndexedTarget) -> String {
        let number = t.value == t.value.rounded() && abs(t.value) < 1e15
            ? String(Int(t.value)) : String(t.value).replacingOccurrences(of: ".", with: ",")
        let unit = t.unit == "%" ? "%" : " \(t.unit)"
        return "\(t.comparator.symbol)\(number)\(unit)\(t.aspirational ? "*" : "")"
    }

    static func pieces(_ snippet: Snippet) -> [Piece] {
        let bytes = Array(snippet.text.utf8)
        var out: [Piece] = []
        var last = 0
        for r in snippet.highlights.sorted(by: { $0.lowerBound < $1.lowerBound })
            where r.lowerBound >= last && r.upperBound <= bytes.count && r.lowerBound < r.upperBound {
            if r.lowerBound > last { out.append(Piece(text: String(decoding: bytes[last..<r.lowerBound], as: UTF8.self), match: false)) }
            out.append(Piece(text: String(decoding: bytes[r], as: UTF8.self), match: true))
            last = r.upperBound
        }
        if last < bytes.count { out.append(Piece(text: String(decoding: bytes[last...], as: UTF8.self), match: false)) }
        return out
    }
}

/// `/api/search` answers: the total and the hits.
struct SearchAnswer: Encodable {
    var query: String
    var total: Int
    var shown: Int
    var plans: Int
    var results: [HitView]
    var error: String?

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// "Tìm kiếm": a search box that answers as one types (`/assets/app.js` asks `/api/search`)
/// and, without script, on submit (`?q=` rendered here).
struct SearchPage {
    var form: SearchForm
    var answer: SearchAnswer?
    var indicators: IndicatorGrammar

    func render() -> String {
        var h = PageWriter()
        h.raw("<h1>Tìm kiếm chỉ tiêu</h1>\n")
        h.raw("<p class=\"muted\">Không phân biệt hoa thường, dấu và cách bỏ dấu (“chu ky so” tìm được “chữ ký số”); chữ viết tắt khớp dạng đầy đủ (CBQL ↔ cán bộ quản lý).</p>\n")
        h.raw("<form class=\"filters\" id=\"search-form\" method=\"get\" action=\"/search\">")
        h.raw("<label>Từ khóa<input type=\"search\" name=\"q\" id=\"q\" autofocus autocomplete=\"off\" placeholder=\"vd. chu ky so\" value=\""); h.text(form.text); h.raw("\"></label>")
        h.raw("<label>Cấp<select name=\"level\"><option value=\"\">tất cả</option>")
        for l in PlanLevel.allCases {
            h.raw("<option value=\"\(l.rawValue)\"\(PlanLevel(named: form.level) == l ? " selected" : "")>"); h.text(Labels.level(l)); h.raw("</option>")
        }
        h.raw("</select></label>")
        h.raw("<label>Năm<input type=\"number\" name=\"year\" min=\"1990\" max=\"2100\" value=\""); h.text(form.year); h.raw("\"></label>")
        h.raw("<label>Cơ quan<input type=\"text\" name=\"issuer\" value=\""); h.text(form.issuer); h.raw("\"></label>")
        h.raw("<label>Chỉ số<select name=\"indicator\"><option value=\"\">tất cả</option>")
        for i in indicators.indicators {
            h.raw("<option value=\""); h.text(i.id); h.raw("\"\(i.id == form.indicator ? " selected" : "")>"); h.text(i.label); h.raw("</option>")
        }
        h.raw("</select></label>")
        h.raw("<label>Từ (≥)<input type=\"text\" name=\"min\" size=\"5\" value=\""); h.text(form.min); h.raw("\"></label>")
        h.raw("<label>Đến (≤)<input type=\"text\" name=\"max\" size=\"5\" value=\""); h.text(form.max); h.raw("\"></label>")
        h.raw("<label><span><input type=\"checkbox\" name=\"all\" value=\"1\"\(form.all ? " checked" : "")> mọi mục (không chỉ chỉ tiêu)</span></label>")
        h.raw("<button type=\"submit\">Tìm</button></form>\n")
        h.raw("<p id=\"status\" class=\"muted\" aria-live=\"polite\">")
        if let a = answer {
            if let e = a.error { h.raw("<span class=\"note\">"); h.text(e); h.raw("</span>") }
            else { h.text(a.total == 0 ? "Không tìm thấy trong \(a.plans) kế hoạch." : "\(a.total) kết quả" + (a.total > a.shown ? ", hiện \(a.shown) đầu tiên" : "")) }
        } else {
            h.text("Gõ từ khóa để tìm.")
        }
        h.raw("</p>\n<ul class=\"hits\" id=\"results\">\n")
        for hit in answer?.results ?? [] {
            h.raw("<li><span class=\"value\">"); h.text(hit.value); h.raw("</span> ")
            h.link(hit.href, "\(hit.number) · \(hit.issuer)")
            h.raw(" <span class=\"where\">"); h.text([hit.level, hit.section.isEmpty ? "" : "mục " + hit.section, "dòng \(hit.line)"].filter { !$0.isEmpty }.joined(separator: " · "))
            h.raw("</span><br><span class=\"quote\">")
            for p in hit.pieces {
                if p.match { h.raw("<mark>"); h.text(p.text); h.raw("</mark>") } else { h.text(p.text) }
            }
            h.raw("</span></li>\n")
        }
        h.raw("</ul>\n")
        return Layout.page(title: "Tìm kiếm", section: .search, script: true, body: h.out)
    }
}
