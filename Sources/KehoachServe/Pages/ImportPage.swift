import KehoachCorpus
import KehoachExtract
import KehoachRender

/// What became of one uploaded file, in the words `kehoach import` prints (the same
/// refusals, the same messages) with a Vietnamese heading.
struct ImportLine {
    enum Kind { case imported, refused, unreadable, superseded }

    var kind: Kind
    var name: String
    var message: String
    var plan: PlanSummary?

    init(_ outcome: ImportOutcome) {
        switch outcome {
        case .imported(let name, let plan, let replaced):
            let replaces = replaced.isEmpty ? "" : "  (replaces \(replaced.map(\.id.short).joined(separator: ", ")))"
            self.init(kind: .imported, name: name, message: "\(plan.id.short)  \(plan.number ?? "(chưa số)")  \(plan.issuer ?? "(không rõ cơ quan)")\(replaces)", plan: plan)
        case .refused(let name, let existing, let conflict):
            let what = conflict == .sameContent ? "the same text" : "the same number and issuer"
            self.init(kind: .refused, name: name,
                      message: "\(name): refused: \(what) as \(existing.id.short) (\(existing.number ?? "chưa số"), \(existing.issuer ?? "?")) already in the corpus; use --replace to update it",
                      plan: existing)
        case .unreadable(let name, let error):
            self.init(kind: .unreadable, name: name, message: "\(name): cannot import: \(error)", plan: nil)
        case .superseded(let name, let by):
            self.init(kind: .superseded, name: name, message: "\(name): not imported: \(by) replaces it (--replace)", plan: nil)
        }
    }

    init(kind: Kind, name: String, message: String, plan: PlanSummary?) {
        self.kind = kind
        self.name = name
        self.message = message
        self.plan = plan
    }

    var heading: String {
        switch kind {
        case .imported: return "Đã nhập"
        case .refused: return "Từ chối (đã có trong kho)"
        case .unreadable: return "Không đọc được"
        case .superseded: return "Bị tệp sau thay thế"
        }
    }
}

/// "Nhập kế hoạch": the upload form (files, "replace", the session token), and after a post
/// the fate of each file.
struct ImportPage {
    var token: SessionToken
    var limits: UploadLimits
    var results: [ImportLine]? = nil
    var problem: String? = nil

    func render() -> String {
        var h = PageWriter()
        h.raw("<h1>Nhập kế hoạch vào kho</h1>\n")
        if let problem { h.raw("<p class=\"note\">"); h.text(problem); h.raw("</p>\n") }
        if let results {
            let imported = results.filter { $0.kind == .imported }.count
            h.raw("<h2>Kết quả</h2>\n<p>"); h.text("Đã nhập \(imported) / \(results.count) tệp."); h.raw("</p>\n")
            h.raw("<table class=\"align\"><colgroup><col style=\"width:24%\"><col style=\"width:18%\"><col style=\"width:58%\"></colgroup>\n<thead><tr><th>Tệp</th><th>Kết quả</th><th>Chi tiết</th></tr></thead>\n<tbody>\n")
            for r in results {
                let cls = r.kind == .imported ? "result-ok" : (r.kind == .unreadable ? "result-bad" : "result-refused")
                h.raw("<tr class=\"\(cls)\"><td>"); h.text(r.name); h.raw("</td><td>"); h.text(r.heading); h.raw("</td><td class=\"small\">")
                h.text(r.message)
                if let plan = r.plan { h.raw("<br>"); h.link("/plan/\(plan.id.rawValue)", "Xem kế hoạch \(plan.number ?? plan.id.short)") }
                h.raw("</td></tr>\n")
            }
            h.raw("</tbody></table>\n")
        }
        h.raw("<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\" class=\"filters\">\n")
        h.raw("<input type=\"hidden\" name=\"token\" value=\""); h.text(token.value); h.raw("\">\n")
        h.raw("<label>Tệp kế hoạch (.txt, .docx, .pdf, trang web đã lưu)<input type=\"file\" name=\"file\" multiple accept=\".txt,.docx,.pdf,.htm,.html,text/plain\"></label>\n")
        h.raw("<label><span><input type=\"checkbox\" name=\"replace\" value=\"1\"> thay thế kế hoạch đã có (cùng số hiệu và cơ quan)</span></label>\n")
        h.raw("<button type=\"submit\">Nhập</button>\n</form>\n")
        h.raw("<p class=\"muted\">")
        h.text("Tối đa \(limits.files) tệp, \(limits.bytes / 1024 / 1024) MB một lần. Kế hoạch đã có (cùng nội dung, hoặc cùng số hiệu và cơ quan ban hành) bị từ chối trừ khi chọn “thay thế”; tệp không đọc được (tệp .doc, ảnh quét, tệp mã hóa…) bị từ chối với lý do. Mỗi lần nhập được ghi trọn vẹn hoặc không ghi gì.")
        h.raw("</p>\n")
        return Layout.page(title: "Nhập kế hoạch", section: .importing, body: h.out)
    }
}

/// How much one upload may bring.
public struct UploadLimits: Sendable {
    public var files = 50
    public var bytes = 40 * 1024 * 1024

    public init() {}
}
