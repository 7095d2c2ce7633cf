import KehoachTestSupport
import XCTest
@testable import KehoachZip

final class InflateTests: XCTestCase {
    private func inflate(_ stream: [UInt8], limit: Int = 1 << 24) throws(InflateError) -> [UInt8] {
        try stream.withUnsafeBytes { raw in Result { () throws(InflateError) in try Inflater.inflate(raw, limit: limit) } }.get()
    }

    func test_storedBlocks_giveTheirBytes() throws {
        let data = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 >> 3) }
        XCTAssertEqual(try inflate(Deflate.stored(data)), data)
        XCTAssertEqual(try inflate(Deflate.stored([])), [])
    }

    func test_fixedCodesWithLongCopies_giveTheirBytes() throws {
        XCTAssertEqual(try inflate(Deflate.zeros(10_000)), [UInt8](repeating: 0, count: 10_000))
    }

    /// Dynamic codes: every part of the Word fixtures (zipped by Python's zlib) passes its CRC.
    func test_dynamicCodesOfRealArchives_passTheirCRC() throws {
        let archive = try ZipArchive(PackageFiles.document(PackageFiles.planNames[0], "docx"))
        XCTAssertGreaterThan(archive.entries.count, 5)
        for entry in archive.entries { XCTAssertEqual(try archive.contents(of: entry).count, entry.size, entry.name) }
    }

    func test_streamCutShort_isTruncated() {
        let stream = Deflate.zeros(100_000)
        XCTAssertThrowsError(try inflate(Array(stream.prefix(stream.count / 2)))) { XCTAssertEqual($0 as? InflateError, .truncated) }
        XCTAssertThrowsError(try inflate(Array(Deflate.stored(Array(repeating: 7, count: 1000)).prefix(300)))) {
            XCTAssertEqual($0 as? InflateError, .truncated)
        }
    }

    func test_outputPastTheLimit_stopsThere() {
        XCTAssertThrowsError(try inflate(Deflate.zeros(1_000_000), limit: 10_000)) { XCTAssertEqual($0 as? InflateError, .outputLimit(10_000)) }
    }

    func test_blockType3_andDistanceBeforeTheStart_areDamage() {
        XCTAssertThrowsError(try inflate([0b0000_0111])) { guard case .invalid? = $0 as? InflateError else { return XCTFail("\($0)") } }
        // a fixed-code block whose first symbol copies 3 bytes from 1 back, with nothing written
        XCTAssertThrowsError(try inflate([0x03, 0x02, 0x00])) { guard case .invalid? = $0 as? InflateError else { return XCTFail("\($0)") } }
    }

    func test_prefix_keepsWhatDecodedBeforeTheDamage() {
        let whole = Deflate.stored(Array(repeating: 65, count: 100)) + [0xFF]
        let (bytes, problem) = whole.withUnsafeBytes { Inflater.inflatePrefix($0, limit: 1000) }
        XCTAssertEqual(bytes.count, 100)
        XCTAssertNil(problem)
        let cut = Array(Deflate.zeros(5000).dropLast(3))
        let partial = cut.withUnsafeBytes { Inflater.inflatePrefix($0, limit: 1 << 20) }
        XCTAssertNotNil(partial.problem)
        XCTAssertGreaterThan(partial.bytes.count, 4000)
    }

    func test_zlibStream_skipsItsHeader() {
        let data = Array("BT /F1 12 Tf (Kế hoạch) Tj ET".utf8)
        let (bytes, problem) = Deflate.zlib(data).withUnsafeBytes { ZlibStream.inflatePrefix($0, limit: 1000) }
        XCTAssertEqual(bytes, data)
        XCTAssertNil(problem)
    }
}
