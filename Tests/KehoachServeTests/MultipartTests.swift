import XCTest
@testable import KehoachServe

/// multipart/form-data as a pure function, with hostile bodies.
final class MultipartTests: XCTestCase {
    static func body(boundary: String, _ parts: [(name: String, filename: String?, bytes: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        for p in parts {
            out += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(p.name)\"".utf8)
            if let f = p.filename { out += Array("; filename=\"\(f)\"\r\nContent-Type: application/octet-stream".utf8) }
            out += Array("\r\n\r\n".utf8) + p.bytes + Array("\r\n".utf8)
        }
        return out + Array("--\(boundary)--\r\n".utf8)
    }

    func test_fieldsAndFiles_areRead_withBinaryContentIntact() {
        let binary: [UInt8] = [0, 13, 10, 45, 45, 255, 13, 10, 13, 10] + Array("--XYZ".utf8)
        let b = Self.body(boundary: "XYZ123", [("token", nil, Array("abc".utf8)), ("file", "kế hoạch.txt", binary), ("file", "b.txt", [])])
        guard case .success(let parts) = Multipart.parse(b, boundary: "XYZ123") else { return XCTFail() }
        XCTAssertEqual(parts.map(\.name), ["token", "file", "file"])
        XCTAssertEqual(parts[0].text, "abc")
        XCTAssertNil(parts[0].filename)
        XCTAssertEqual(parts[1].filename, "kế hoạch.txt")
        XCTAssertEqual(parts[1].body, binary)
        XCTAssertEqual(parts[2].body, [])
    }

    func test_boundary_isReadFromTheContentType_andOddOnesRefused() {
        XCTAssertEqual(Multipart.boundary(contentType: "multipart/form-data; boundary=----WebKitFormBoundaryAbC"), "----WebKitFormBoundaryAbC")
        XCTAssertEqual(Multipart.boundary(contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"a b\""), "a b")
        XCTAssertNil(Multipart.boundary(contentType: "application/x-www-form-urlencoded"))
        XCTAssertNil(Multipart.boundary(contentType: "multipart/form-data"))
        XCTAssertNil(Multipart.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "a", count: 71)))
        XCTAssertNil(Multipart.boundary(contentType: "multipart/form-data; boundary=a\u{1}b"))
    }

    func test_malformedBodies_are4xx_neverACrash() {
        let good = Self.body(boundary: "B", [("file", "a.txt", Array("hello".utf8))])
        var cases: [[UInt8]] = [[], Array("garbage".utf8), Array("--B".utf8), Array("--B\r\n".utf8),
                                Array("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n".utf8),
                                Array("--B\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--B--".utf8),
                                Array("--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--B--".utf8),
                                Array("--B\r\nX: " .utf8) + Array(repeating: 65, count: 10000) + Array("\r\n\r\nx\r\n--B--".utf8),
                                Array("--Bjunk".utf8)]
        for n in stride(from: 0, to: good.count - 8, by: 3) { cases.append(Array(good[0..<n])) }
        for c in cases {
            switch Multipart.parse(c, boundary: "B") {
            case .failure(let e): XCTAssertTrue((400..<500).contains(e.status))
            case .success(let parts): XCTFail("read \(parts.count) parts from \(String(decoding: c, as: UTF8.self).debugDescription)")
            }
        }
    }

    func test_tooManyParts_is413() {
        let parts = (0..<200).map { (name: "f\($0)", filename: String?.none, bytes: [UInt8]()) }
        guard case .failure(let e) = Multipart.parse(Self.body(boundary: "B", parts), boundary: "B") else { return XCTFail() }
        XCTAssertEqual(e.status, 413)
    }

    func test_randomBodies_neverCrash_andAreLinear() {
        var rng = SplitMix(seed: 11)
        let alphabet = Array("--B\r\n\"=;: abcContent-Disposition form-data name filename".utf8)
        for _ in 0..<500 {
            let bytes = (0..<Int(rng.next() % 400)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            _ = Multipart.parse(Array("--B\r\n".utf8) + bytes, boundary: "B")
        }
        // A body full of near-boundaries: time stays linear.
        let near = Array(repeating: Array("\r\n--".utf8), count: 250_000).flatMap { $0 }
        let body = Array("--BBBBBBBBBBBBBBBBBBBB\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n".utf8) + near
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = Multipart.parse(body, boundary: "BBBBBBBBBBBBBBBBBBBB") }
        XCTAssertLessThan(elapsed, .seconds(3))
    }
}
