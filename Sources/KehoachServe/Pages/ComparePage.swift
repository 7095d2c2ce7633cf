import KehoachCompare
import KehoachCorpus
import KehoachExtract
import KehoachGrammar
import KehoachRender

/// What to compare, from the query: `plan=ID` (repeated) and optionally `parent=ID`, ids or
/// unique prefixes of stored plans.
struct ComparisonChoice: Equatable {
    static let maximum = 60

    var plans: [String]
    var parent: String?

    init(_ request: HTTPRequest) {
        var seen = Set<String>()
        plans = request.queryValues("plan").filter { !$0.isEmpty && seen.insert($0).inserted }
        parent = request.query("parent").flatMap { $0.isEmpty ? nil : $0 }
        if let parent { plans.removeAll { $0 == parent } }
    }

    var isEmpty: Bool { plans.isEmpty && parent == nil }

    var items: [(String, String)] {
        (parent.map { [("parent", $0)] } ?? []) + plans.map { ("plan", $0) }
    }

    /// The report for the choice: with a parent, the matrix, the chain and the parent aligned
    /// against every other plan chosen; without, what `kehoach report` shows for them.
    func report(_ access: CorpusAccess, grammar: Grammar) -> Result<ComparisonReport, HTTPError> {
        guard plans.count + (parent == nil ? 0 : 1) <= Self.maximum else {
            return .failure(HTTPError(400, "chọn tối đa \(Self.maximum) kế hoạch một lần"))
        }
        if parent != nil && plans.isEmpty { return .failure(HTTPError(400, "chọn thêm ít nhất một kế hoạch cấp dưới để đối chiếu")) }
        do throws(CorpusError) {
            let stored = try access.store.storedPlans()
            var loaded: [ComparablePlan] = []
            for name in (parent.map { [$0] } ?? []) + plans {
                let summary = try stored.snapshot.resolve(name)
                loaded.append(try access.comparable(summary.id, index: loaded.count, plans: stored))
            }
            guard parent != nil, let first = loaded.first else { return .success(ComparisonReport.full(loaded, grammar: grammar)) }
            let chain = PlanChain(loaded, grammar: grammar)
            let aligner = Aligner(parent: first, grammar: grammar)
            let alignments = loaded.dropFirst().map { child in
                aligner.align(child, basis: chain.allLinks.first { $0.parent == first.index && $0.child == child.index }?.basis ?? .given)
            }
            return .success(ComparisonReport(plans: loaded.map(\.ref), matrix: IndicatorMatrix(loaded, indicators: grammar.indicators),
                                             chain: chain, alignments: alignments))
        } catch {
            switch error {
            case .notFound(let id): return .failure(HTTPError(404, "không có kế hoạch mã '\(id)' trong kho"))
            case .ambiguous: return .failure(HTTPError(400, error.description))
            default: return .failure(HTTPError(500, error.description))
            }
        }
    }

    /// The chain among every stored plan, for suggestions (none past `ChainSuggestions.limit`).
    static func suggestions(_ access: CorpusAccess, _ current: CorpusAccess.Current, grammar: Grammar) -> ChainSuggestions {
        guard current.plans.count <= ChainSuggestions.limit, !current.plans.isEmpty else {
            return ChainSuggestions(families: [], computed: current.plans.isEmpty, notImported: [])
        }
        guard let stored = try? access.store.storedPlans() else { return ChainSuggestions(families: [], computed: false, notImported: []) }
        var loaded: [ComparablePlan] = []
        var summaries: [PlanSummary] = []
        for summary in current.plans {
            guard let plan = try? stored.plan(summary.id) else { continue }
            loaded.append(ComparablePlan(index: loaded.count, plan: plan))
            summaries.append(summary)
        }
        let chain = PlanChain(loaded, grammar: grammar)
        var families: [ChainSuggestions.Family] = []
        for (i, summary) in summaries.enumerated() {
            let children = chain.children(of: i)
            if !children.isEmpty { families.append(.init(parent: summary, children: children.map { summaries[$0] })) }
        }
        let missing = chain.notImported.map { (plan: summaries[$0.plan], citation: ReportLabels.notImported($0)) }
        return ChainSuggestions(families: families, computed: true, notImported: missing)
    }
}

/// "So sánh / Đối chiếu": pick plans (or a parent and its children, as the chain suggests) and
/// see the matrix, the chain and the alignments with their charts, as `kehoach report` draws
/// them; download them as CSV (Excel) or as one HTML file.
struct ComparePage {
    var plans: [PlanSummary]
    var filter: PlanFilter
    var choice: ComparisonChoice
    var suggestions: ChainSuggestions
    var report: ComparisonReport?
    var indicators: IndicatorGrammar

    static let pickerRows = 300

    func render() -> String {
        var h = PageWriter()
        h.raw("<h1>So sánh và đối chiếu kế hoạch</h1>\n")
        if let report {
            result(report, &h)
        }
        suggestionsBlock(&h)
        picker(&h)
        return Layout.page(title: "So sánh / Đối chiếu", section: .compare, body: h.out)
    }

    private func result(_ report: ComparisonReport, _ h: inout PageWriter) {
        let query = URLText.query(choice.items)
        h.raw("<p class=\"muted\">")
        var summary = ["\(report.plans.count) kế hoạch"]
        if let m = report.matrix { summary.append("\(m.rows.count) chỉ số được đặt chỉ tiêu") }
        summary.append("\(report.alignments.count) cặp đối chiếu")
        h.text(summary.joined(separator: " · "))
        h.raw("</p>\n<div class=\"downloads\">")
        h.link("/compare/matrix.csv" + query, "Tải ma trận (CSV, Excel)", class: "button")
        if !report.alignments.isEmpty { h.link("/compare/alignment.csv" + query, "Tải đối chiếu (CSV, Excel)", class: "button") }
        h.link("/compare/report.html" + query, "Tải báo cáo (HTML)", class: "button")
        h.link("/compare", "Chọn lại", class: "button light")
        h.raw("</div>\n")
        if report.alignments.isEmpty && report.plans.count > 1 {
            h.raw("<p class=\"note\">Chuỗi không thấy liên kết cấp trên – cấp dưới giữa các kế hoạch đã chọn; chọn một kế hoạch làm “cấp trên” để đối chiếu.</p>\n")
        }
        h.raw(HTMLReport(indicators: indicators).sections(report))
        h.raw("<hr class=\"noprint\">\n")
    }

    private func suggestionsBlock(_ h: inout PageWriter) {
        h.raw("<section class=\"noprint\" id=\"suggest\">\n<h2>Gợi ý từ chuỗi kế hoạch</h2>\n")
        if !suggestions.computed {
            h.raw("<p class=\"muted\">"); h.text("Kho có hơn \(ChainSuggestions.limit) kế hoạch: chuỗi không được dựng để gợi ý; lọc và chọn kế hoạch ở bảng dưới."); h.raw("</p>\n")
        } else if suggestions.families.isEmpty {
            h.raw("<p class=\"muted\">Chưa thấy cặp cấp trên – cấp dưới nào trong kho (theo căn cứ trích dẫn hoặc địa bàn).</p>\n")
        } else {
            h.raw("<ul>\n")
            for f in suggestions.families {
                let href = "/compare" + URLText.query([("parent", f.parent.id.rawValue)] + f.children.map { ("plan", $0.id.rawValue) })
                h.raw("<li>"); h.link(href, "Đối chiếu \(name(f.parent)) với \(f.children.count) kế hoạch cấp dưới")
                h.raw("<br><span class=\"small\">"); h.text(f.children.map(name).joined(separator: "; ")); h.raw("</span></li>\n")
            }
            h.raw("</ul>\n")
        }
        if suggestions.computed && (2...ComparisonChoice.maximum).contains(plans.count) {
            h.raw("<p>"); h.link("/compare" + URLText.query(plans.map { ("plan", $0.id.rawValue) }), "So sánh tất cả \(plans.count) kế hoạch (ma trận chỉ tiêu và đối chiếu theo chuỗi)"); h.raw("</p>\n")
        }
        if !suggestions.notImported.isEmpty {
            h.raw("<p class=\"small\">Văn bản cấp trên được trích dẫn nhưng chưa nhập:</p><ul class=\"small\">")
            for m in suggestions.notImported.prefix(30) {
                h.raw("<li>"); h.text(name(m.plan) + ": " + m.citation); h.raw("</li>")
            }
            h.raw("</ul>\n")
        }
        h.raw("</section>\n")
    }

    private func name(_ p: PlanSummary) -> String {
        "\(p.number ?? "(chưa số)") · \(p.issuer.map(ReportLabels.issuer) ?? p.source)"
    }

    private func picker(_ h: inout PageWriter) {
        h.raw("<section class=\"noprint\" id=\"pick\">\n<h2>Chọn kế hoạch</h2>\n")
        h.raw("<p class=\"muted\">Đánh dấu các kế hoạch để so sánh (ma trận chỉ tiêu, chuỗi, đối chiếu theo chuỗi); chọn thêm “cấp trên” để đối chiếu kế hoạch đó với các kế hoạch còn lại.</p>\n")
        h.raw(filter.form(action: "/compare"))
        let shown = filter.apply(plans)
        h.raw("<form method=\"get\" action=\"/compare\">\n<table class=\"pick\"><colgroup><col style=\"width:8%\"><col style=\"width:8%\"><col style=\"width:16%\"><col style=\"width:30%\"><col style=\"width:10%\"><col style=\"width:28%\"></colgroup>\n")
        h.raw("<thead><tr><th>So sánh</th><th>Cấp trên</th><th>Số</th><th>Cơ quan ban hành</th><th>Cấp</th><th>Tiêu đề</th></tr></thead>\n<tbody>\n")
        let chosen = Set(choice.plans)
        for p in shown.prefix(Self.pickerRows) {
            let id = p.id.rawValue
            h.raw("<tr><td><input type=\"checkbox\" name=\"plan\" value=\"\(id)\"\(chosen.contains(id) ? " checked" : "") aria-label=\"so sánh\"></td>")
            h.raw("<td><input type=\"radio\" name=\"parent\" value=\"\(id)\"\(choice.parent == id ? " checked" : "") aria-label=\"cấp trên\"></td><td>")
            h.link("/plan/\(id)", p.number ?? "(chưa số)"); h.raw("</td><td>"); h.text(p.issuer ?? "—")
            h.raw("</td><td>"); h.text(p.level.map(Labels.level) ?? "—"); h.raw("</td><td class=\"small\">"); h.text(p.title ?? p.source); h.raw("</td></tr>\n")
        }
        h.raw("</tbody></table>\n")
        if shown.count > Self.pickerRows {
            h.raw("<p class=\"muted\">"); h.text("Hiện \(Self.pickerRows) / \(shown.count) kế hoạch; dùng bộ lọc để thu hẹp."); h.raw("</p>\n")
        }
        h.raw("<button type=\"submit\">So sánh / Đối chiếu</button></form>\n</section>\n")
    }
}
