import Foundation
import KehoachCorpus
import KehoachTestSupport
@testable import KehoachServe
import XCTest

/// A temporary corpus holding the shipped plans (and, when asked, a plan with a planted
/// script), and a router over it answering to 127.0.0.1:8080.
class ServeTestCase: XCTestCase {
    var folder = ""
    var router: Router!
    static let token = SessionToken(value: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
    static let host = "127.0.0.1:8080"
    static let payload = "<script>alert(\"kehoach\")</script>"

    override func setUp() {
        super.setUp()
        folder = NSTemporaryDirectory() + "kehoach-serve-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        router = Router(store: CorpusStore(directory: folder), token: Self.token, hosts: .forServer(host: "127.0.0.1", port: 8080))
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
        super.tearDown()
    }

    var store: CorpusStore { CorpusStore(directory: folder) }

    func importShipped(planted: Bool = false) {
        // The planted copy of plan 004 stands in for it (same number and issuer).
        var inputs = PackageFiles.planNames.filter { !planted || !$0.hasPrefix("004") }.map { ImportInput(name: $0 + ".txt", bytes: PackageFiles.plan($0)) }
        if planted { inputs.append(ImportInput(name: "planted.txt", bytes: Self.plantedPlan())) }
        var failures: [String] = []
        try! store.importPlans(inputs, replace: false) { outcome in
            if case .imported = outcome {} else { failures.append("\(outcome)") }
        }
        XCTAssertEqual(failures, [])
    }

    /// Plan 004 with a script in its title and in its first target.
    static func plantedPlan() -> [UInt8] {
        var text = String(decoding: PackageFiles.plan("004_20279ad623c16fd7"), as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        for (i, line) in lines.enumerated() {
            if line.contains("%") && !line.contains("<") { lines[i] = line.replacingOccurrences(of: "%", with: "% " + payload, options: [], range: line.range(of: "%")); break }
        }
        if let i = lines.firstIndex(where: { $0.hasPrefix("KẾ HOẠCH") }) { lines[i] = lines[i] + " " + payload }
        text = lines.joined(separator: "\n")
        return Array(text.utf8)
    }

    func plans() -> [PlanSummary] { (try? store.snapshot().plans()) ?? [] }

    /// A request as a browser on this server sends it.
    func get(_ target: String, headers: [(String, String)] = []) -> HTTPResponse {
        router.respond(request("GET", target, headers: headers))
    }

    func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) -> HTTPRequest {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: \(Self.host)\r\n"
        for (n, v) in headers { text += "\(n): \(v)\r\n" }
        if !body.isEmpty || method == "POST" { text += "Content-Length: \(body.count)\r\n" }
        text += "\r\n"
        guard case .complete(let r, _) = HTTPRequestParser.parse(Array(text.utf8) + body) else {
            XCTFail("bad test request \(target)")
            return HTTPRequest(method: method, target: target, path: target)
        }
        return r
    }

    /// A POST of the upload form, from this server's own page unless told otherwise.
    func upload(_ files: [(name: String, bytes: [UInt8])], token: String? = ServeTestCase.token.value, replace: Bool = false,
                origin: String? = "http://127.0.0.1:8080") -> HTTPResponse {
        let boundary = "----kehoachTestBoundary7MA4YWxk"
        var parts: [(name: String, filename: String?, bytes: [UInt8])] = []
        if let token { parts.append(("token", nil, Array(token.utf8))) }
        if replace { parts.append(("replace", nil, Array("1".utf8))) }
        parts += files.map { ("file", $0.name, $0.bytes) }
        var headers = [("Content-Type", "multipart/form-data; boundary=\(boundary)")]
        if let origin { headers.append(("Origin", origin)) }
        return router.respond(request("POST", "/import", headers: headers, body: MultipartTests.body(boundary: boundary, parts)))
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
