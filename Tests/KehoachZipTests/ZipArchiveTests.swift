import KehoachTestSupport
import XCTest
@testable import KehoachZip

final class ZipArchiveTests: XCTestCase {
    private func archive(_ entries: [ZipBuilder.Entry], limits: ZipLimits = ZipLimits()) throws -> ZipArchive {
        try ZipArchive(ZipBuilder(entries).bytes(), limits: limits)
    }

    func test_storedAndDeflatedEntries_readBack() throws {
        let zip = try archive([.init("a.txt", Array("stored".utf8), method: 0), .init("b/c.xml", Array("<x/>".utf8))])
        XCTAssertEqual(zip.entries.map(\.name), ["a.txt", "b/c.xml"])
        XCTAssertEqual(try zip.contents(of: "a.txt"), Array("stored".utf8))
        XCTAssertEqual(try zip.contents(of: "b/c.xml"), Array("<x/>".utf8))
        XCTAssertNil(try zip.contents(of: "missing"))
    }

    func test_namesReachingOutside_areRefused() {
        for name in ["../evil.xml", "word/../../evil", "/etc/passwd", "C:\\evil", "..\\evil"] {
            XCTAssertThrowsError(try archive([.init(name, [1])]), name) { XCTAssertEqual($0 as? ZipError, .hostileName(name)) }
        }
        XCTAssertThrowsError(try archive([.init("word/document.xml", [1]), .init("word/document.xml", [2])])) {
            XCTAssertEqual($0 as? ZipError, .hostileName("word/document.xml"))
        }
    }

    func test_truncatedArchive_saysItIsIncomplete() throws {
        let whole = ZipBuilder([.init("word/document.xml", Array(repeating: 65, count: 5000))]).bytes()
        for cut in [10, 100, whole.count - 30, whole.count - 1] {
            XCTAssertThrowsError(try ZipArchive(Array(whole.prefix(cut))).contents(of: "word/document.xml"), "\(cut)") { error in
                guard case .truncated? = error as? ZipError else { return XCTFail("\(cut): \(error)") }
            }
        }
    }

    /// A bomb that says what it is (a size far above its compressed one) is refused before
    /// inflating; one that lies (a small declared size) stops at that size. (This hand-made
    /// bomb expands 160 times; DEFLATE's limit is about 1,000.)
    func test_zipBomb_isRefusedByItsSizeOrItsRatio() throws {
        let bomb = Deflate.zeros(50_000_000)
        let honest = try archive([.init("word/document.xml", bomb, raw: true, declaredSize: 50_000_000, crc: 0)],
                                 limits: ZipLimits(maxRatio: 100))
        XCTAssertThrowsError(try honest.contents(of: "word/document.xml")) { error in
            guard case .tooLarge? = error as? ZipError else { return XCTFail("\(error)") }
            XCTAssertFalse(String(describing: error).contains("\n"))
        }
        let lying = try archive([.init("word/document.xml", bomb, raw: true, declaredSize: 1000, crc: 0)])
        XCTAssertThrowsError(try lying.contents(of: "word/document.xml")) { error in
            guard case .tooLarge? = error as? ZipError else { return XCTFail("\(error)") }
        }
        let huge = try archive([.init("a", [0], declaredSize: 100 << 20)], limits: ZipLimits(maxEntrySize: 64 << 20))
        XCTAssertThrowsError(try huge.contents(of: "a")) { guard case .tooLarge? = $0 as? ZipError else { return XCTFail("\($0)") } }
    }

    func test_badCRC_encryptionAndOtherMethods_areRefused() throws {
        let zip = try archive([.init("crc", [1, 2, 3], crc: 42), .init("secret", [1], flags: 1), .init("bzip", [1], method: 12, raw: true)])
        XCTAssertThrowsError(try zip.contents(of: "crc")) { guard case .damaged? = $0 as? ZipError else { return XCTFail("\($0)") } }
        XCTAssertThrowsError(try zip.contents(of: "secret")) { XCTAssertEqual($0 as? ZipError, .encrypted(entry: "secret")) }
        XCTAssertThrowsError(try zip.contents(of: "bzip")) { guard case .unsupported? = $0 as? ZipError else { return XCTFail("\($0)") } }
    }
}
