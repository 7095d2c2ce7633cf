#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import KehoachCorpus
import KehoachTestSupport
@testable import KehoachServe
import XCTest

/// The server on a free port of 127.0.0.1: import over HTTP, search, pages; then a thousand
/// hostile requests, and it still answers.
final class ServerEndToEndTests: ServeTestCase {
    var server: HTTPServer!
    var port: UInt16 = 0

    override func setUp() {
        super.setUp()
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.headerTimeout = 1
        configuration.idleTimeout = 1
        configuration.maxConnections = 48
        // The router needs the port for its Host check: bind once, then serve on that port.
        let probe = HTTPServer(configuration: configuration) { _ in HTTPResponse(status: 503) }
        port = try! probe.start()
        probe.stop()
        configuration.port = port
        let router = Router(store: CorpusStore(directory: folder), token: Self.token, hosts: .forServer(host: "127.0.0.1", port: port))
        self.router = router
        server = HTTPServer(configuration: configuration) { router.respond($0) }
        XCTAssertEqual(try server.start(), port)
    }

    override func tearDown() {
        server.stop()
        super.tearDown()
    }

    // MARK: a raw client

    var client: RawClient { RawClient(port: port) }

    func exchange(_ bytes: [UInt8], pieces: Int = 1, pause: Double = 0, keepOpen: Bool = false, timeout: Double = 5) -> [UInt8]? {
        client.exchange(bytes, pieces: pieces, pause: pause, keepOpen: keepOpen, timeout: timeout)
    }

    func status(_ response: [UInt8]?) -> Int? { RawClient.status(response) }

    func body(_ response: [UInt8]?) -> String {
        guard let response, let end = Multipart.find(response, [13, 10, 13, 10], from: 0) else { return "" }
        return String(decoding: response[(end + 4)...], as: UTF8.self)
    }

    func get(_ target: String) -> [UInt8]? {
        exchange(Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8))
    }

    func post(_ files: [(String, [UInt8])]) -> [UInt8]? {
        let boundary = "----e2eBoundary"
        let parts = [("token", String?.none, Array(Self.token.value.utf8))] + files.map { ("file", Optional($0.0), $0.1) }
        let form = MultipartTests.body(boundary: boundary, parts.map { (name: $0.0, filename: $0.1, bytes: $0.2) })
        let head = "POST /import HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://127.0.0.1:\(port)\r\nContent-Type: multipart/form-data; boundary=\(boundary)\r\nContent-Length: \(form.count)\r\nConnection: close\r\n\r\n"
        return exchange(Array(head.utf8) + form, pieces: 7)
    }

    // MARK: tests

    func test_server_importsSearchesAndRenders_overHTTP() {
        XCTAssertTrue(body(get("/")).contains("Kho chưa có kế hoạch nào"))
        let names = PackageFiles.planNames
        let imported = post(names.map { ($0 + ".txt", PackageFiles.plan($0)) })
        XCTAssertEqual(status(imported), 200)
        XCTAssertTrue(body(imported).contains("Đã nhập 4 / 4 tệp."))
        let search = get("/api/search?q=chu+ky+so")
        XCTAssertEqual(status(search), 200)
        let json = try? JSONSerialization.jsonObject(with: Data(body(search).utf8)) as? [String: Any]
        XCTAssertEqual(json?["total"] as? Int, 8)
        let list = body(get("/"))
        for p in plans() { XCTAssertTrue(list.contains(p.id.rawValue)) }
        let plan = plans().first { $0.number == "364/KH-PGDĐT" }!
        XCTAssertEqual(status(get("/plan/\(plan.id.short)?line=62")), 200)
        XCTAssertEqual(status(get("/compare?parent=\(plan.id.short)&plan=\(plans().first { $0.number == nil }!.id.short)")), 200)
        // Keep-alive: two requests on one connection.
        let two = exchange(Array("GET /search HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\nGET /import HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8))
        XCTAssertEqual(String(decoding: two ?? [], as: UTF8.self).components(separatedBy: "HTTP/1.1 200 OK").count, 3)
        // HEAD: headers only.
        let head = exchange(Array("HEAD / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8))
        XCTAssertEqual(status(head), 200)
        XCTAssertEqual(body(head), "")
    }

    func test_slowClient_gets408_andOthersAreServedMeanwhile() {
        let clock = ContinuousClock()
        let start = clock.now
        let group = DispatchGroup()
        let results = ResultBox()
        let client = self.client
        for _ in 0..<8 {
            group.enter()
            Thread {
                // A byte every 0.2 s: the 1 s header deadline ends it.
                let slow = client.exchange(Array("GET /search?q=chu HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaa\r\n\r\n".utf8),
                                         pieces: 60, pause: 0.2, keepOpen: true, timeout: 6)
                results.add(RawClient.status(slow))
                group.leave()
            }.start()
        }
        usleep(300_000)
        XCTAssertEqual(status(get("/")), 200, "served while slow clients wait")
        group.wait()
        XCTAssertEqual(results.values, Array(repeating: 408, count: 8))
        XCTAssertLessThan(clock.now - start, .seconds(5))
        XCTAssertEqual(status(get("/")), 200)
    }

    func test_thousandHostileRequests_leaveItServing() {
        importShipped(planted: true)
        let port = self.port
        var rng = SplitMix(seed: 2026)
        var requests: [(kind: String, bytes: [UInt8])] = []
        let valid = Array("GET /search?q=chu+ky+so HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUser-Agent: test\r\n\r\n".utf8)
        for i in 0..<1000 {
            switch i % 10 {
            case 0:
                requests.append(("random", (0..<Int(rng.next() % 2000 + 1)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }))
            case 1:
                requests.append(("truncated", Array(valid[0..<Int(rng.next() % UInt64(valid.count - 4))])))
            case 2:
                requests.append(("huge header", Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(String(repeating: "A", count: 9000 + Int(rng.next() % 40000)))\r\n\r\n".utf8)))
            case 3:
                let paths = ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/plan/..%2f..%2fetc", "/assets/../../x", "/./import", "/a%00b", "/%c0%ae%c0%ae/"]
                requests.append(("dot-dot", Array("GET \(paths[i / 10 % paths.count]) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)))
            case 4:
                requests.append(("bad line", Array(["GET / HTTP/9.9x\r\n\r\n", "GET\r\n\r\n", "\u{1}\u{2}\u{3}\r\n\r\n", "GET / HTTP/1.1\nHost: x\n\n",
                                                    "GET /  HTTP/1.1\r\n\r\n", " / HTTP/1.1\r\n\r\n"][i / 10 % 6].utf8)))
            case 5:
                requests.append(("bad header", Array(["GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "GET / HTTP/1.1\r\n folded\r\n\r\n",
                                                      "GET / HTTP/1.1\r\nHost: a\r\nX: \u{0}\r\n\r\n", "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
                                                      "GET / HTTP/1.1\r\nHost: a\r\nX\r\n\r\n"][i / 10 % 5].utf8)))
            case 6:
                requests.append(("bad body", Array(["POST /import HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                                                    "POST /import HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 999999999999\r\n\r\n",
                                                    "POST /import HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
                                                    "POST /import HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 100\r\n\r\nshort"][i / 10 % 4].utf8)))
            case 7:
                // Uploads without the token, from another origin, or a broken form: refused.
                requests.append(("forged upload", Array(["POST /import HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://evil.example\r\nContent-Type: multipart/form-data; boundary=B\r\nContent-Length: 60\r\n\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nx\r\n--B--",
                                                         "POST /import HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://127.0.0.1:\(port)\r\nContent-Type: multipart/form-data; boundary=B\r\nContent-Length: 12\r\n\r\n--B\r\ngarbage",
                                                         "POST /import HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://127.0.0.1:\(port)\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nabc"][i / 10 % 3].utf8)))
            case 8:
                requests.append(("other host", Array("GET / HTTP/1.1\r\nHost: rebind.example:\(port)\r\n\r\n".utf8)))
            default:
                // A valid request mutated at one byte.
                var bytes = valid
                bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
                requests.append(("mutated", bytes))
            }
        }
        let tally = ResultBox()
        let problems = TextBox()
        let client = self.client
        let all = requests
        DispatchQueue.concurrentPerform(iterations: 16) { worker in
            for index in stride(from: worker, to: all.count, by: 16) {
                let (kind, bytes) = all[index]
                let code = RawClient.status(client.exchange(bytes, timeout: 5))
                if let code {
                    if kind == "mutated" && code == 200 { problems.add("valid") }
                    else if !(400..<500).contains(code) && !(kind == "bad line" && code == 505) { problems.add("\(kind): \(code)") }
                } else {
                    problems.add("\(kind): no answer")
                }
                tally.add(code)
            }
        }
        let served200 = problems.values.filter { $0 == "valid" }.count
        XCTAssertEqual(problems.values.filter { $0 != "valid" }, [], "each hostile request gets a 4xx")
        XCTAssertEqual(tally.values.count, 1000)
        XCTAssertLessThan(served200, 100, "a mutated request may still be valid, but not most")
        XCTAssertEqual(status(get("/")), 200, "still serving")
        XCTAssertEqual(status(get("/api/search?q=chu+ky+so")), 200)
        XCTAssertEqual(plans().count, 4, "nothing imported by the forged uploads")
        XCTAssertFalse(body(get("/search?q=alert&all=1")).contains("<script>alert"))
    }
}

/// A client on raw sockets: sends bytes as given (in pieces when asked) and reads the answer.
struct RawClient: Sendable {
    let port: UInt16

    /// Sends the bytes (in pieces, `pause` seconds apart, when asked), half-closes unless
    /// `keepOpen`, and reads until the server closes or `timeout`.
    func exchange(_ bytes: [UInt8], pieces: Int = 1, pause: Double = 0, keepOpen: Bool = false, timeout: Double = 5) -> [UInt8]? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else { return nil }
        var t = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &t, socklen_t(MemoryLayout<timeval>.size))
        let size = max(1, (bytes.count + pieces - 1) / pieces)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + size)
            let sent = bytes[offset..<end].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { break }
            offset = end
            if pause > 0 && offset < bytes.count { usleep(useconds_t(pause * 1e6)) }
        }
        if !keepOpen { shutdown(fd, Int32(SHUT_WR)) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            out += chunk[0..<n]
        }
        return out
    }

    static func status(_ response: [UInt8]?) -> Int? {
        guard let response, response.count >= 12, Array(response.prefix(9)) == Array("HTTP/1.1 ".utf8) else { return nil }
        return Int(String(decoding: response[9..<12], as: UTF8.self))
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int?] = []

    var values: [Int?] {
        lock.lock(); defer { lock.unlock() }
        return stored
    }

    func add(_ v: Int?) {
        lock.lock()
        stored.append(v)
        lock.unlock()
    }
}

final class TextBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    var values: [String] {
        lock.lock(); defer { lock.unlock() }
        return stored
    }

    func add(_ v: String) {
        lock.lock()
        stored.append(v)
        lock.unlock()
    }
}
