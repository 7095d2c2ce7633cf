import XCTest
@testable import KehoachText

/// The byte-level scans that stand in for String methods on hot paths: each must give the
/// answer the plain method would, at every offset (they read eight or more bytes at a time).
final class ByteScanTests: XCTestCase {
    func test_containsDigit_findsADigitAtEveryOffset() {
        for offset in 0..<20 {
            var bytes = Array(repeating: UInt8(ascii: "a"), count: 20)
            bytes[offset] = UInt8(ascii: "7")
            XCTAssertTrue(bytes.withUnsafeBufferPointer(TextBytes.containsDigit), "digit at \(offset)")
        }
    }

    func test_containsDigit_ignoresVietnameseBytesThatLookLikeDigitsWithoutTheirHighBit() {
        // "ư" is C6 B0 and "ỹ" E1 BB B9: B0 and B9 are digits once their high bit is dropped
        let key = Array("ưu tiên người dùng ỹ ưu ưu ưu".utf8)
        XCTAssertFalse(key.withUnsafeBufferPointer(TextBytes.containsDigit))
        XCTAssertTrue(Array("tỷ lệ đạt 9".utf8).withUnsafeBufferPointer(TextBytes.containsDigit))
    }

    func test_firstOffset_findsTheFirstOccurrence_evenAfterAPartialMatch() {
        XCTAssertEqual(Array("aaab".utf8).firstOffset(of: "aab".utf8), 1)
        XCTAssertEqual(Array("kế hoạch số 12".utf8).firstOffset(of: "số".utf8), 13)
        XCTAssertEqual(Array("ngày".utf8).firstOffset(of: "ngày".utf8), 0)
        XCTAssertNil(Array("ngà".utf8).firstOffset(of: "ngày".utf8))
        XCTAssertEqual(Array("abc".utf8).firstOffset(of: [UInt8]()), 0)
    }
}
