import KehoachCorpus
import KehoachExtract
import KehoachGrammar
import KehoachRender
import KehoachText

/// One plan: its header, citations, outline, targets, deadlines and responsible units on the
/// left, each pointing at its line; the plan's own text on the right, numbered, with the chosen
/// line highlighted (`?line=N#LN`, and `:target` when only the anchor changes).
struct PlanPage {
    var id: PlanID
    var plan: Plan
    var lines: [SourceLine]
    var highlight: Int?
    var indicators: IndicatorGrammar

    func render() -> String {
        let m = plan.metadata
        var h = PageWriter()
        h.raw("<h1>"); h.text("\(m.docType ?? "Văn bản") \(m.number ?? "(chưa số)")"); h.raw("</h1>\n")
        h.raw("<p><strong>"); h.text(m.issuer ?? "(không rõ cơ quan ban hành)"); h.raw("</strong>")
        if let title = m.title { h.raw("<br>"); h.text(title) }
        h.raw("</p>\n<p class=\"muted\">")
        var facts: [String] = []
        if let level = m.level { facts.append("Cấp: \(Labels.level(level))") }
        if let place = m.place { facts.append("Nơi ban hành: \(place)") }
        if let date = m.date { facts.append("Ngày: \(date)") }
        if let signer = m.signer { facts.append("Người ký: \(signer)\(m.signerTitle.map { " (\($0))" } ?? "")") }
        facts.append("Mã: \(id.short)")
        h.text(facts.joined(separator: " · "))
        h.raw("</p>\n<p class=\"noprint\">")
        h.link("/compare?plan=\(id.rawValue)", "So sánh kế hoạch này")
        h.raw(" · ")
        h.link("/search?issuer=\(URLText.encode(m.issuer ?? ""))", "Tìm trong các chỉ tiêu của cơ quan này")
        h.raw("</p>\n<div class=\"columns\">\n<div class=\"structure\">\n")
        citations(&h)
        outline(&h)
        targets(&h)
        deadlines(&h)
        units(&h)
        diagnostics(&h)
        h.raw("</div>\n")
        text(&h)
        h.raw("</div>\n")
        return Layout.page(title: m.number ?? "Kế hoạch", section: .plans, wide: true, script: true, body: h.out)
    }

    private func lineLink(_ line: Int, _ h: inout PageWriter) {
        h.raw("<a class=\"ln\" href=\"/plan/\(id.rawValue)?line=\(line)#L\(line)\">dòng \(line)</a>")
    }

    private func citations(_ h: inout PageWriter) {
        guard !plan.citations.isEmpty else { return }
        h.raw("<h2>Căn cứ (\(plan.citations.count))</h2>\n<ul>\n")
        for c in plan.citations {
            h.raw("<li>"); lineLink(c.line, &h); h.raw(" ")
            h.text("\(c.type) \(c.number)" + ([c.date, c.issuer].compactMap { $0 }.isEmpty ? "" : " — " + [c.date, c.issuer].compactMap { $0 }.joined(separator: ", ")))
            h.raw("</li>\n")
        }
        h.raw("</ul>\n")
    }

    private func outline(_ h: inout PageWriter) {
        h.raw("<h2>Mục lục</h2>\n")
        guard !plan.sections.isEmpty else { h.raw("<p class=\"muted\">(không có mục đánh số)</p>\n"); return }
        h.raw("<div class=\"outline\">")
        func visit(_ sections: [SectionRecord]) {
            h.raw("<ul>")
            for s in sections {
                h.raw("<li>"); lineLink(s.line, &h); h.raw(" <strong>"); h.text(s.label + "."); h.raw("</strong> "); h.text(s.title)
                if !s.children.isEmpty { visit(s.children) }
                h.raw("</li>")
            }
            h.raw("</ul>\n")
        }
        visit(plan.sections)
        h.raw("</div>\n")
    }

    private func targets(_ h: inout PageWriter) {
        h.raw("<h2>Chỉ tiêu (\(plan.targets.count))</h2>\n")
        guard !plan.targets.isEmpty else { h.raw("<p class=\"muted\">Không có chỉ tiêu định lượng.</p>\n"); return }
        h.raw("<table class=\"align\"><colgroup><col style=\"width:13%\"><col style=\"width:17%\"><col style=\"width:22%\"><col style=\"width:48%\"></colgroup>\n")
        h.raw("<thead><tr><th>Dòng</th><th>Giá trị</th><th>Chỉ số</th><th>Nội dung</th></tr></thead>\n<tbody>\n")
        for t in plan.targets {
            h.raw("<tr><td>"); lineLink(t.line, &h); h.raw("</td><td><span class=\"value\">"); h.text(ReportLabels.target(t)); h.raw("</span>")
            if let p = t.population { h.raw("<br><span class=\"small\">"); h.text(p); h.raw("</span>") }
            h.raw("</td><td class=\"small\">"); h.text(t.indicator.map { ReportLabels.indicator($0, indicators) } ?? "—")
            h.raw("</td><td class=\"quote\">"); h.text(t.quote); h.raw("</td></tr>\n")
        }
        h.raw("</tbody></table>\n")
    }

    private func deadlines(_ h: inout PageWriter) {
        h.raw("<h2>Thời hạn (\(plan.deadlines.count))</h2>\n")
        guard !plan.deadlines.isEmpty else { h.raw("<p class=\"muted\">Không có thời hạn.</p>\n"); return }
        h.raw("<table class=\"align\"><colgroup><col style=\"width:13%\"><col style=\"width:22%\"><col style=\"width:65%\"></colgroup>\n")
        h.raw("<thead><tr><th>Dòng</th><th>Thời hạn</th><th>Nhiệm vụ</th></tr></thead>\n<tbody>\n")
        for d in plan.deadlines {
            h.raw("<tr><td>"); lineLink(d.line, &h); h.raw("</td><td><strong>"); h.text(ReportLabels.deadline(d))
            h.raw("</strong></td><td class=\"quote\">"); h.text(d.task.isEmpty ? d.quote : d.task); h.raw("</td></tr>\n")
        }
        h.raw("</tbody></table>\n")
    }

    private func units(_ h: inout PageWriter) {
        h.raw("<h2>Đơn vị thực hiện (\(plan.responsibilities.count))</h2>\n")
        guard !plan.responsibilities.isEmpty else { h.raw("<p class=\"muted\">Không nêu đơn vị thực hiện.</p>\n"); return }
        h.raw("<table class=\"align\"><colgroup><col style=\"width:13%\"><col style=\"width:30%\"><col style=\"width:12%\"><col style=\"width:45%\"></colgroup>\n")
        h.raw("<thead><tr><th>Dòng</th><th>Đơn vị</th><th>Vai trò</th><th>Nhiệm vụ</th></tr></thead>\n<tbody>\n")
        for r in plan.responsibilities {
            h.raw("<tr><td>"); lineLink(r.line, &h); h.raw("</td><td>"); h.text(r.unit)
            h.raw("</td><td>"); h.text(r.role == .lead ? "chủ trì" : "phối hợp"); h.raw("</td><td class=\"quote\">")
            let tasks = r.tasks.prefix(3).joined(separator: "; ")
            h.text(r.tasks.count > 3 ? tasks + "; … (\(r.tasks.count) nhiệm vụ)" : tasks)
            h.raw("</td></tr>\n")
        }
        h.raw("</tbody></table>\n")
    }

    private func diagnostics(_ h: inout PageWriter) {
        let shown = plan.diagnostics.filter { $0.severity != .note }
        guard !shown.isEmpty else { return }
        h.raw("<h2>Cảnh báo khi đọc (\(shown.count))</h2>\n<ul class=\"small\">\n")
        for d in shown.prefix(200) {
            h.raw("<li>")
            if let line = d.location?.line { lineLink(line, &h); h.raw(" ") }
            h.text(d.message); h.raw("</li>\n")
        }
        h.raw("</ul>\n")
    }

    private func text(_ h: inout PageWriter) {
        h.raw("<section class=\"plantext\" aria-label=\"Văn bản kế hoạch\">\n<h2>Văn bản (\(lines.count) dòng)</h2>\n<ol class=\"text\">\n")
        for line in lines {
            h.raw("<li id=\"L\(line.number)\"\(line.number == highlight ? " class=\"hl\"" : "")><a class=\"n\" href=\"#L\(line.number)\">\(line.number)</a><span>")
            h.text(line.text)
            h.raw("</span></li>\n")
        }
        h.raw("</ol>\n</section>\n")
    }
}
