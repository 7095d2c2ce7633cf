import KehoachCorpus
import KehoachGrammar
import KehoachRender
import KehoachText

/// The filters and the order of the plan table, read from the query (`?level=commune&year=2025
/// &issuer=an+lao&sort=date&dir=desc&page=2`); unknown values are ignored, not errors.
struct PlanFilter: Equatable {
    enum Column: String, CaseIterable {
        case number, issuer, level, date, title, targets

        var label: String {
            switch self {
            case .number: return "Số"
            case .issuer: return "Cơ quan ban hành"
            case .level: return "Cấp"
            case .date: return "Ngày"
            case .title: return "Tiêu đề"
            case .targets: return "Chỉ tiêu"
            }
        }
    }

    var level: PlanLevel?
    var year: Int?
    var issuer: String = ""
    var sort: Column?
    var descending = false
    var page = 1

    init(level: PlanLevel? = nil, year: Int? = nil, issuer: String = "") {
        self.level = level
        self.year = year
        self.issuer = issuer
    }

    init(_ request: HTTPRequest) {
        level = request.query("level").flatMap(PlanLevel.init(named:))
        year = request.query("year").flatMap { Int($0.filter { $0 != " " }) }
        issuer = String((request.query("issuer") ?? "").prefix(200))
        sort = request.query("sort").flatMap(Column.init(rawValue:))
        descending = request.query("dir") == "desc"
        page = max(1, min(100_000, request.query("page").flatMap { Int($0) } ?? 1))
    }


    func apply(_ plans: [PlanSummary]) -> [PlanSummary] {
        let issuerKey = Folding.searchKey(issuer)
        var out = plans.filter { p in
            if let level, p.level != level { return false }
            if let year, !(p.years?.contains(year) ?? false) { return false }
            if !issuerKey.isEmpty, !Folding.searchKey(p.issuer ?? "").contains(issuerKey) { return false }
            return true
        }
        if let sort {
            func key(_ p: PlanSummary) -> String {
                switch sort {
                case .number: return Folding.searchKey(p.number ?? "")
                case .issuer: return Folding.searchKey(p.issuer ?? "")
                case .level: return p.level.map { String($0.rank) } ?? "9"
                case .date: return p.date ?? ""
                case .title: return Folding.searchKey(p.title ?? "")
                case .targets: return String(repeating: "0", count: max(0, 9 - String(p.targetCount).count)) + String(p.targetCount)
                }
            }
            let keyed = out.enumerated().map { (key($0.element), $0.offset, $0.element) }
            out = keyed.sorted { a, b in
                if a.0 != b.0 { return descending ? a.0 > b.0 : a.0 < b.0 }
                return a.1 < b.1
            }.map(\.2)
        }
        return out
    }

    /// The query items that keep these filters (and the order, unless `sorting: false`).
    func items(sorting: Bool = true, page: Int? = nil) -> [(String, String)] {
        var items: [(String, String)] = [("level", level?.rawValue ?? ""), ("year", year.map(String.init) ?? ""), ("issuer", issuer)]
        if sorting, let sort { items += [("sort", sort.rawValue), ("dir", descending ? "desc" : "")] }
        if let page, page > 1 { items.append(("page", String(page))) }
        return items
    }

    /// The filter form: level, year, issuer (GET, so it works without script).
    func form(action: String, extra: [(String, String)] = []) -> String {
        var h = PageWriter()
        h.raw("<form class=\"filters\" method=\"get\" action=\"\(action)\">")
        for (name, value) in extra { h.raw("<input type=\"hidden\" name=\"\(name)\" value=\""); h.text(value); h.raw("\">") }
        h.raw("<label>Cấp<select name=\"level\"><option value=\"\">tất cả</option>")
        for l in PlanLevel.allCases {
            h.raw("<option value=\"\(l.rawValue)\"\(l == level ? " selected" : "")>"); h.text(Labels.level(l)); h.raw("</option>")
        }
        h.raw("</select></label><label>Năm<input type=\"number\" name=\"year\" min=\"1990\" max=\"2100\" value=\"\(year.map(String.init) ?? "")\"></label>")
        h.raw("<label>Cơ quan ban hành<input type=\"text\" name=\"issuer\" placeholder=\"vd. an lao\" value=\""); h.text(issuer); h.raw("\"></label>")
        if let sort { h.raw("<input type=\"hidden\" name=\"sort\" value=\"\(sort.rawValue)\"><input type=\"hidden\" name=\"dir\" value=\"\(descending ? "desc" : "asc")\">") }
        h.raw("<button type=\"submit\">Lọc</button> <a class=\"button light\" href=\"\(action)\">Bỏ lọc</a></form>\n")
        return h.out
    }
}
