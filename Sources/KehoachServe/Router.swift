import Foundation
import KehoachCompare
import KehoachCorpus
import KehoachExtract
import KehoachGrammar
import KehoachRender

/// Paths to pages: a request and the corpus in, a response out, with no socket in sight
/// (tests call `respond` directly). Every request first passes the Host check; a POST to
/// `/import` also needs the session token and a same-origin Origin or Referer.
///
/// | path | page |
/// |---|---|
/// | `/` | Kế hoạch: the plan table (`level`, `year`, `issuer`, `sort`, `dir`, `page`) |
/// | `/plan/ID` | a plan (`line=N` highlights a line) |
/// | `/search`, `/api/search` | Tìm kiếm (`q`, `all`, `level`, `year`, `issuer`, `indicator`, `min`, `max`) |
/// | `/compare`, `/compare/matrix.csv`, `/compare/alignment.csv`, `/compare/report.html` | So sánh / Đối chiếu (`plan`, `parent`) |
/// | `/import` | Nhập kế hoạch (GET: the form; POST: multipart upload) |
/// | `/assets/app.js` | the search script |
public final class Router: Sendable {
    public let access: CorpusAccess
    public let grammar: Grammar
    public let token: SessionToken
    public let hosts: HostCheck
    public let upload: UploadLimits

    public init(store: CorpusStore, token: SessionToken = .random(), hosts: HostCheck, upload: UploadLimits = UploadLimits()) {
        access = CorpusAccess(store: store)
        grammar = store.reader.grammar
        self.token = token
        self.hosts = hosts
        self.upload = upload
    }

    public func respond(_ request: HTTPRequest) -> HTTPResponse {
        guard hosts.accepts(host: request.header("host")) else {
            return error(421, "Sai địa chỉ máy chủ", "this server answers only to its own address (Host: \(request.header("host") ?? "none"))")
        }
        let method = request.method == "HEAD" ? "GET" : request.method
        let path = request.path
        if path == "/import" {
            switch method {
            case "GET": return importForm()
            case "POST": return importPost(request)
            default: return notAllowed("GET, HEAD, POST")
            }
        }
        guard method == "GET" else { return notAllowed("GET, HEAD") }
        if let asset = Assets.file(path) { return asset }
        switch path {
        case "/", "/plans": return plansPage(request)
        case "/search": return searchPage(request)
        case "/api/search": return searchAPI(request)
        case "/compare": return comparePage(request)
        case "/compare/matrix.csv", "/compare/alignment.csv", "/compare/report.html": return compareDownload(request)
        case "/favicon.ico": return HTTPResponse(status: 204)
        default:
            if path.hasPrefix("/plan/") { return planPage(request, id: String(path.dropFirst("/plan/".count))) }
            return error(404, "Không tìm thấy trang", "no page at \(path)")
        }
    }

    // MARK: pages

    private func current() -> Result<CorpusAccess.Current, PageFailure> {
        do throws(CorpusError) {
            return .success(try access.current())
        } catch {
            return .failure(PageFailure(response: self.error(500, "Không đọc được kho", error.description)))
        }
    }

    private func plansPage(_ request: HTTPRequest) -> HTTPResponse {
        switch current() {
        case .failure(let r): return r.response
        case .success(let c):
            var page = HTTPResponse.html(PlansPage(plans: c.plans, filter: PlanFilter(request), directory: access.store.layout.directory).render())
            if c.snapshot.needsReindex { page = error(500, "Kho cần lập lại chỉ mục", "\(access.store.layout.root): the corpus has plan texts but no index; run 'kehoach reindex'") }
            return page
        }
    }

    private func planPage(_ request: HTTPRequest, id text: String) -> HTTPResponse {
        guard !text.isEmpty, text.count <= 16, text.allSatisfy(\.isHexDigit) else {
            return error(404, "Không tìm thấy kế hoạch", "'\(text)' is not a plan id")
        }
        do throws(CorpusError) {
            let summary = try access.current().snapshot.resolve(text)
            let plan = try access.store.plan(summary.id)
            let lines = try access.lines(summary.id)
            let line = request.query("line").flatMap { Int($0) }
            return .html(PlanPage(id: summary.id, plan: plan, lines: lines, highlight: line, indicators: grammar.indicators).render())
        } catch {
            switch error {
            case .notFound: return self.error(404, "Không tìm thấy kế hoạch", error.description)
            case .ambiguous: return self.error(400, "Mã kế hoạch chưa đủ", error.description)
            default: return self.error(500, "Không đọc được kế hoạch", error.description)
            }
        }
    }

    private func search(_ request: HTTPRequest) -> (SearchForm, Result<SearchAnswer, PageFailure>) {
        let form = SearchForm(request)
        let c: CorpusAccess.Current
        switch current() {
        case .failure(let r): return (form, .failure(r))
        case .success(let s): c = s
        }
        switch form.query(indicators: grammar.indicators) {
        case .failure(let e):
            return (form, .success(SearchAnswer(query: form.text, total: 0, shown: 0, plans: c.plans.count, results: [], error: e.message)))
        case .success(let query):
            guard !query.isEmpty else { return (form, .success(SearchAnswer(query: "", total: 0, shown: 0, plans: c.plans.count, results: []))) }
            let results = c.snapshot.search(query)
            return (form, .success(SearchAnswer(query: query.text, total: results.total, shown: results.hits.count, plans: c.plans.count,
                                                results: results.hits.map(HitView.init))))
        }
    }

    private func searchPage(_ request: HTTPRequest) -> HTTPResponse {
        let (form, answer) = search(request)
        switch answer {
        case .failure(let r): return r.response
        case .success(let a):
            let asked = !SearchForm(request).items.allSatisfy { $0.1.isEmpty }
            return .html(SearchPage(form: form, answer: asked ? a : nil, indicators: grammar.indicators).render(), status: a.error == nil ? 200 : 400)
        }
    }

    private func searchAPI(_ request: HTTPRequest) -> HTTPResponse {
        switch search(request).1 {
        case .failure(let r): return r.response
        case .success(let a): return .json(a.json(), status: a.error == nil ? 200 : 400)
        }
    }

    private func comparePage(_ request: HTTPRequest) -> HTTPResponse {
        let c: CorpusAccess.Current
        switch current() {
        case .failure(let r): return r.response
        case .success(let s): c = s
        }
        let choice = ComparisonChoice(request)
        var report: ComparisonReport? = nil
        if !choice.isEmpty {
            switch choice.report(access, grammar: grammar) {
            case .failure(let e): return error(e.status, "Không so sánh được", e.message)
            case .success(let r): report = r
            }
        }
        let suggestions = c.suggestions { ComparisonChoice.suggestions(access, c, grammar: grammar) }
        return .html(ComparePage(plans: c.plans, filter: PlanFilter(request), choice: choice, suggestions: suggestions,
                                 report: report, indicators: grammar.indicators).render())
    }

    private func compareDownload(_ request: HTTPRequest) -> HTTPResponse {
        let choice = ComparisonChoice(request)
        guard !choice.isEmpty else { return error(400, "Chưa chọn kế hoạch", "choose plans with ?plan=ID (and ?parent=ID)") }
        switch choice.report(access, grammar: grammar) {
        case .failure(let e): return error(e.status, "Không so sánh được", e.message)
        case .success(let report):
            switch request.path {
            case "/compare/matrix.csv":
                let csv = report.matrix.map { MatrixRenderer().csv($0) } ?? CSV(header: []).text
                return .download(Array(csv.utf8), type: "text/csv; charset=utf-8", filename: "ma-tran-chi-tieu.csv")
            case "/compare/alignment.csv":
                let csv = AlignmentRenderer(indicators: grammar.indicators).csv(report.alignments)
                return .download(Array(csv.utf8), type: "text/csv; charset=utf-8", filename: "doi-chieu.csv")
            default:
                let html = HTMLReport(indicators: grammar.indicators).render(report)
                return .download(Array(html.utf8), type: "text/html; charset=utf-8", filename: "bao-cao-kehoach.html")
            }
        }
    }

    // MARK: import

    private func importForm(status: Int = 200, results: [ImportLine]? = nil, problem: String? = nil) -> HTTPResponse {
        .html(ImportPage(token: token, limits: upload, results: results, problem: problem).render(), status: status)
    }

    private func importPost(_ request: HTTPRequest) -> HTTPResponse {
        guard hosts.isSameOrigin(request) else {
            return error(403, "Từ chối", "the upload does not come from a page of this server (Origin/Referer)")
        }
        guard let type = request.header("content-type"), let boundary = Multipart.boundary(contentType: type) else {
            return error(415, "Sai định dạng gửi lên", "an upload is multipart/form-data")
        }
        let parts: [MultipartPart]
        switch Multipart.parse(request.body, boundary: boundary) {
        case .failure(let e): return error(e.status, "Dữ liệu gửi lên hỏng", e.message)
        case .success(let p): parts = p
        }
        guard token.matches(parts.first { $0.name == "token" }?.text) else {
            return error(403, "Từ chối", "the upload form's session token is missing or stale; open the Nhập kế hoạch page again")
        }
        let replace = parts.contains { $0.name == "replace" && !$0.body.isEmpty && $0.text != "0" }
        let files = parts.filter { $0.filename != nil && !($0.filename?.isEmpty ?? true) }
        guard !files.isEmpty else { return importForm(status: 400, problem: "Chưa chọn tệp nào.") }
        guard files.count <= upload.files else {
            return importForm(status: 413, problem: "Tối đa \(upload.files) tệp một lần (gửi \(files.count)).")
        }
        let total = files.reduce(0) { $0 + $1.body.count }
        guard total <= upload.bytes else {
            return importForm(status: 413, problem: "Tối đa \(upload.bytes / 1024 / 1024) MB một lần.")
        }
        let inputs = files.map { ImportInput(name: Self.fileName($0.filename ?? ""), bytes: $0.body) }
        var lines: [ImportLine] = []
        do throws(CorpusError) {
            try access.store.importPlans(inputs, replace: replace) { lines.append(ImportLine($0)) }
        } catch {
            return importForm(status: 500, results: lines, problem: "Không ghi được vào kho: \(error.description)")
        }
        let status = lines.contains { $0.kind == .imported } ? 200
            : lines.contains { $0.kind == .refused } ? 409 : 422
        return importForm(status: status, results: lines)
    }

    /// The last path component of an uploaded file's name, without control characters.
    static func fileName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 32 && $0.value != 127 }.prefix(200).map(Character.init))
        return clean.isEmpty || clean == "." || clean == ".." ? "upload" : clean
    }

    // MARK: errors

    private func error(_ status: Int, _ title: String, _ detail: String) -> HTTPResponse {
        .html(Layout.error(status: status, title: title, detail: detail), status: status)
    }

    private func notAllowed(_ allow: String) -> HTTPResponse {
        var r = error(405, "Không hỗ trợ phương thức này", "allowed: \(allow)")
        r.headers.append(("Allow", allow))
        return r
    }

    /// The page for a request the parser refused (or a timeout): status and reason.
    public static func errorPage(_ e: HTTPError) -> HTTPResponse {
        let titles = [400: "Yêu cầu không hợp lệ", 408: "Hết thời gian chờ", 411: "Thiếu Content-Length", 413: "Dữ liệu quá lớn",
                      414: "Địa chỉ quá dài", 431: "Phần đầu yêu cầu quá lớn", 505: "Phiên bản HTTP không hỗ trợ", 503: "Máy chủ đang bận"]
        return .html(Layout.error(status: e.status, title: titles[e.status] ?? "Lỗi", detail: e.message), status: e.status)
    }
}

/// A page to answer with instead of the one asked for (an error page).
struct PageFailure: Error {
    var response: HTTPResponse
}
