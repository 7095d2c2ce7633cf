import KehoachDocument
import KehoachTestSupport
import KehoachText
import XCTest
@testable import KehoachDocx

/// A hostile or broken Word file ends in a one-line error that says what to do, or in a text.
final class HostileDocxTests: XCTestCase {
    private func error(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> DecodingError? {
        do {
            _ = try DocumentDecoder.decode(bytes)
            XCTFail("read without error", file: file, line: line)
            return nil
        } catch {
            XCTAssertFalse(error.description.contains("\n"), file: file, line: line)
            return error
        }
    }

    private let document = DocxBuilder.docx(body: DocxBuilder.paragraph("KẾ HOẠCH") + DocxBuilder.paragraph("I. MỤC TIÊU"))

    func test_zipBomb_isRefusedWithItsSize() {
        let bomb = ZipBuilder([.init("word/document.xml", Deflate.zeros(100_000_000), raw: true, declaredSize: 100_000_000, crc: 0)]).bytes()
        guard case .unreadableDocument(_, let reason)? = error(bomb) else { return XCTFail() }
        XCTAssertTrue(reason.contains("ZIP bomb"), reason)
    }

    func test_entryNamedOutsideTheArchive_isRefused() {
        let zip = ZipBuilder(parts: [("word/document.xml", "<w:document/>"), ("../../etc/cron.d/x", "boom")]).bytes()
        guard case .unreadableDocument(_, let reason)? = error(zip) else { return XCTFail() }
        XCTAssertTrue(reason.contains("'../../etc/cron.d/x'"), reason)
    }

    func test_truncatedDocx_saysToCopyItAgain() {
        for cut in [30, document.count / 2, document.count - 10] {
            guard case .unreadableDocument(_, let reason)? = error(Array(document.prefix(cut))) else { return XCTFail("\(cut)") }
            XCTAssertTrue(reason.contains("incomplete") || reason.contains("damaged"), reason)
        }
    }

    func test_zipThatIsNoWordFile_saysWhatItIs() {
        let xlsx = ZipBuilder(parts: [("xl/workbook.xml", "<workbook/>")]).bytes()
        guard case .unreadableDocument(_, let reason)? = error(xlsx) else { return XCTFail() }
        XCTAssertTrue(reason.contains("Excel"), reason)
    }

    func test_passwordProtectedDocx_isRefusedAsEncrypted() {
        var ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)
        ole += "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(error(ole), .encrypted(format: DocxReader.format))
        // without the stream it is an old .doc, refused as before
        guard case .binary? = error(Array(ole.prefix(608))) else { return XCTFail() }
    }

    func test_malformedXML_readsAsFarAsItGoes() throws {
        let xml = "<w:document xmlns:w=\"\(DocxBuilder.namespace)\"><w:body><w:p><w:r><w:t>Kế hoạch &bogus; &#99999999; <![CDATA[a<b]]></w:t></w:r></w:p><w:p><w:r><w:t>cụt"
        let text = try DocxReader.read(ZipBuilder(parts: [("word/document.xml", xml)]).bytes()).text
        XCTAssertEqual(text, "Kế hoạch &bogus; &#99999999; a<b")
    }

    func test_formatIsKnownByItsBytesNotItsName() {
        XCTAssertEqual(DocumentFormat(sniffing: document), .zip)
        XCTAssertEqual(DocumentFormat(sniffing: Array("   %PDF-1.7\n".utf8)), .pdf)
        XCTAssertEqual(DocumentFormat(sniffing: Array("KẾ HOẠCH".utf8)), .text)
    }
}
