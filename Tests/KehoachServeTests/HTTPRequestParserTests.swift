import XCTest
@testable import KehoachServe

/// The request parser as a pure function over bytes, fed hostile input.
final class HTTPRequestParserTests: XCTestCase {
    private func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) -> HTTPParseResult {
        HTTPRequestParser.parse(Array(text.utf8), limits: limits)
    }

    private func status(_ text: String, limits: HTTPLimits = HTTPLimits(), file: StaticString = #filePath, line: UInt = #line) -> Int? {
        if case .failure(let e) = parse(text, limits: limits) { return e.status }
        return nil
    }

    private func request(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> HTTPRequest? {
        guard case .complete(let r, _) = parse(text) else {
            XCTFail("not complete: \(parse(text))", file: file, line: line)
            return nil
        }
        return r
    }

    func test_simpleGet_isReadWithDecodedPathAndQuery() {
        let r = request("GET /search?q=ch%E1%BB%AF+k%C3%BD&level=commune&plan=a&plan=b HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-A:  padded  \r\n\r\n")
        XCTAssertEqual(r?.method, "GET")
        XCTAssertEqual(r?.path, "/search")
        XCTAssertEqual(r?.query("q"), "chữ ký")
        XCTAssertEqual(r?.queryValues("plan"), ["a", "b"])
        XCTAssertEqual(r?.header("x-a"), "padded")
        XCTAssertEqual(r?.header("HOST"), "127.0.0.1:8080")
        XCTAssertEqual(r?.keepAlive, true)
    }

    func test_bodyOfContentLength_isReadAndPipelinedRequestLeft() {
        let text = "POST /import HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\n"
        guard case .complete(let r, let consumed) = parse(text) else { return XCTFail() }
        XCTAssertEqual(r.body, Array("hello".utf8))
        XCTAssertEqual(consumed, text.utf8.count - "GET / HTTP/1.1\r\n".utf8.count)
    }

    func test_partialRequests_areIncomplete_withTheExpectedLengthOnceHeadersAreRead() {
        XCTAssertEqual(parse("GET / HTTP/1.1\r\nHost: h\r\n"), .incomplete(expected: nil))
        XCTAssertEqual(parse("GET /sea"), .incomplete(expected: nil))
        XCTAssertEqual(parse(""), .incomplete(expected: nil))
        let head = "POST /import HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n"
        XCTAssertEqual(parse(head + "abc"), .incomplete(expected: head.utf8.count + 10))
    }

    func test_pathWithDotDot_is400() {
        XCTAssertEqual(status("GET /../etc/passwd HTTP/1.1\r\nHost: h\r\n\r\n"), 400)
        XCTAssertEqual(status("GET /plan/../../x HTTP/1.1\r\nHost: h\r\n\r\n"), 400)
        XCTAssertEqual(status("GET /%2e%2e/etc HTTP/1.1\r\nHost: h\r\n\r\n"), 400)
        XCTAssertEqual(status("GET /a/%2E%2E%2Fb HTTP/1.1\r\nHost: h\r\n\r\n"), 400)
        XCTAssertEqual(status("GET /./x HTTP/1.1\r\nHost: h\r\n\r\n"), 400)
        XCTAssertEqual(status("GET /a%5c..%5cb HTTP/1.1\r\nHost: h\r\n\r\n"), 400, "backslash")
        XCTAssertEqual(status("GET /a%00b HTTP/1.1\r\nHost: h\r\n\r\n"), 400, "NUL")
        XCTAssertEqual(status("GET http://evil/ HTTP/1.1\r\nHost: h\r\n\r\n"), 400, "absolute form")
        XCTAssertEqual(status("GET /%zz HTTP/1.1\r\nHost: h\r\n\r\n"), 400, "bad escape")
        XCTAssertEqual(status("GET /%C3%28 HTTP/1.1\r\nHost: h\r\n\r\n"), 400, "not UTF-8")
        XCTAssertNotNil(request("GET /a..b/c. HTTP/1.1\r\nHost: h\r\n\r\n"), "dots inside a name are fine")
    }

    func test_headerOver8KB_is431() {
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "a", count: 9000) + "\r\n\r\n"), 431)
        // Before its end arrives, too.
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "a", count: 9000)), 431)
        // Many headers of fair size: the total counts.
        let many = (0..<40).map { "X-\($0): " + String(repeating: "b", count: 500) + "\r\n" }.joined()
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: h\r\n" + many + "\r\n"), 431)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: h\r\n" + many), 431)
        let count = (0..<150).map { "X-\($0): v\r\n" }.joined()
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: h\r\n" + count + "\r\n"), 431)
    }

    func test_requestLineOver8KB_is414() {
        XCTAssertEqual(status("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: h\r\n\r\n"), 414)
        XCTAssertEqual(status("GET /" + String(repeating: "a", count: 9000)), 414)
    }

    func test_randomBytes_areRefusedAtOnce() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<2000 {
            let bytes = (0..<Int(rng.next() % 300 + 1)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            switch HTTPRequestParser.parse(bytes) {
            case .failure(let e): XCTAssertTrue((400..<500).contains(e.status) || e.status == 505, "\(e)")
            case .incomplete: XCTAssertTrue(bytes.allSatisfy { $0 >= 32 && $0 < 127 || $0 == 13 }, "garbage left waiting: \(bytes.prefix(20))")
            case .complete(let r, _): XCTFail("random bytes read as a request: \(r)")
            }
        }
    }

    func test_everyPrefixOfARequest_isIncompleteThenComplete() {
        let text = Array("POST /import?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc".utf8)
        for n in 0..<text.count {
            guard case .incomplete = HTTPRequestParser.parse(Array(text[0..<n])) else { return XCTFail("prefix of \(n) bytes: \(HTTPRequestParser.parse(Array(text[0..<n])))") }
        }
        guard case .complete = HTTPRequestParser.parse(text) else { return XCTFail() }
    }

    func test_malformedLinesAndHeaders_are400() {
        let cases = [
            "GET / HTTP/1.1\nHost: h\n\n",                       // bare LF
            "GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n",            // bare CR
            "GET  / HTTP/1.1\r\nHost: h\r\n\r\n",                 // two spaces
            "GET /\r\nHost: h\r\n\r\n",                           // no version
            "G(T / HTTP/1.1\r\nHost: h\r\n\r\n",                  // method not a token
            "GET / FTP/1.1\r\nHost: h\r\n\r\n",
            "GET / HTTP/1.1\r\nHost : h\r\n\r\n",                 // space before colon
            "GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n",       // obs-fold
            "GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{0}b\r\n\r\n",    // NUL in a value
            "GET / HTTP/1.1\r\n\r\n",                             // no Host
            "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",       // two Hosts
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1e3\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc",
            "GET /#frag HTTP/1.1\r\nHost: h\r\n\r\n",
        ]
        for c in cases { XCTAssertEqual(status(c), 400, c.debugDescription) }
    }

    func test_chunkedBody_is411_andHugeBody_is413_andNewVersion_is505() {
        XCTAssertEqual(status("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"), 411)
        var limits = HTTPLimits()
        limits.bodyBytes = 1000
        XCTAssertEqual(status("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1001\r\n\r\n", limits: limits), 413)
        XCTAssertEqual(status("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999\r\n\r\n"), 413)
        XCTAssertEqual(status("GET / HTTP/2.0\r\nHost: h\r\n\r\n"), 505)
    }

    func test_http10_withoutHost_isRead_andClosesByDefault() {
        let r = request("GET / HTTP/1.0\r\n\r\n")
        XCTAssertEqual(r?.keepAlive, false)
        XCTAssertEqual(request("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")?.keepAlive, false)
    }

    func test_parsingIsLinear_inAHugeQuery() {
        let query = (0..<150).map { "k\($0)=" + String(repeating: "%41", count: 15) }.joined(separator: "&")
        let text = "GET /search?" + query + " HTTP/1.1\r\nHost: h\r\n\r\n"
        let clock = ContinuousClock()
        let elapsed = clock.measure { for _ in 0..<20 { _ = parse(text) } }
        XCTAssertNotNil(request(text))
        XCTAssertLessThan(elapsed, .seconds(2))
        XCTAssertEqual(status("GET /?" + (0..<300).map { "a\($0)=1" }.joined(separator: "&") + " HTTP/1.1\r\nHost: h\r\n\r\n"), 400)
    }

    func test_responseHeaders_cannotBeInjected() {
        let r = HTTPResponse(status: 200, headers: [("X-Name", "a\r\nSet-Cookie: evil=1"), ("Bad Name", "x")], body: Array("hi".utf8))
        let text = String(decoding: r.serialized(keepAlive: false), as: UTF8.self)
        XCTAssertFalse(text.contains("\r\nSet-Cookie"))
        XCTAssertTrue(text.contains("X-Name: a  Set-Cookie: evil=1\r\n"))
        XCTAssertFalse(text.contains("Bad Name"))
        XCTAssertTrue(text.contains("Content-Security-Policy: default-src 'none'"))
        XCTAssertTrue(text.contains("X-Content-Type-Options: nosniff\r\n"))
        XCTAssertTrue(text.hasSuffix("Connection: close\r\n\r\nhi"))
        XCTAssertTrue(text.contains("Content-Length: 2\r\n"))
        let head = String(decoding: r.serialized(includeBody: false, keepAlive: true), as: UTF8.self)
        XCTAssertTrue(head.hasSuffix("Connection: keep-alive\r\n\r\n"))
    }
}

/// A small deterministic generator for hostile inputs.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
