import KehoachDocument
import KehoachTestSupport
import KehoachText
import XCTest
@testable import KehoachPDF

/// A hostile or broken PDF ends in a one-line error that says what to do, or in a best-effort text.
final class HostilePDFTests: XCTestCase {
    private let content = "BT /F1 12 Tf 72 700 Td (KE HOACH) Tj 0 -28 Td (I. MUC TIEU) Tj ET"

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

    func test_scannedPDF_isRefusedWithOCRAdvice() {
        var pdf = PDFBuilder()
        let catalog = pdf.add("<< /Type /Catalog /Pages 2 0 R >>")
        pdf.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>")
        pdf.addStream(Array("q 595 0 0 842 0 0 cm /Im1 Do Q".utf8))
        pdf.addStream([0xFF, 0xD8, 0xFF], dictionary: "/Type /XObject /Subtype /Image /Width 1 /Height 1 /Filter /DCTDecode ", compress: false)
        let refusal = error(pdf.bytes(root: catalog))
        XCTAssertEqual(refusal, .noTextLayer(pages: 1))
        XCTAssertTrue(refusal?.description.contains("OCR") == true)
    }

    func test_encryptedPDF_isRefused() {
        var pdf = PDFBuilder()
        let catalog = pdf.add("<< /Type /Catalog /Pages 2 0 R >>")
        pdf.add("<< /Type /Pages /Kids [] /Count 0 >>")
        pdf.add("<< /Filter /Standard /V 2 /R 3 /O (x) /U (y) /P -4 >>")
        XCTAssertEqual(error(pdf.bytes(root: catalog, trailer: "/Encrypt 3 0 R ")), .encrypted(format: "PDF"))
    }

    func test_brokenXref_isRepairedByScanningTheFile() throws {
        for startxref in [5, 999_999] {
            let whole = PDFBuilder.document(pages: [content])
            let marker = Array("startxref\n".utf8)
            let at = Self.lastOffset(of: marker, in: whole)!
            let broken = Array(whole[..<(at + marker.count)]) + Array("\(startxref)\n%%EOF\n".utf8)
            let decoded = try PDFReader.read(broken)
            XCTAssertEqual(decoded.text, "KE HOACH\n\nI. MUC TIEU")
            XCTAssertTrue(decoded.diagnostics.contains { $0.id == "decode.pdf-repaired" })
        }
    }

    func test_wrongOffsetsInTheTable_areRepairedToo() throws {
        var whole = PDFBuilder.document(pages: [content])
        let entry = Array("0000000015 00000 n".utf8)
        let at = Self.lastOffset(of: entry, in: whole)!
        whole.replaceSubrange(at..<(at + entry.count), with: Array("0000000099 00000 n".utf8))
        XCTAssertEqual(try PDFReader.read(whole).text, "KE HOACH\n\nI. MUC TIEU")
    }

    func test_streamLengthsThatLie_readToEndstream() throws {
        for length in [3, 100_000] {
            var pdf = PDFBuilder()
            let catalog = pdf.add("<< /Type /Catalog /Pages 2 0 R >>")
            pdf.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            pdf.add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
            pdf.addStream(Array(content.utf8), length: length)
            pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
            XCTAssertEqual(try PDFReader.read(pdf.bytes(root: catalog)).text, "KE HOACH\n\nI. MUC TIEU", "\(length)")
        }
    }

    func test_truncatedPDF_readsWhatItCanOrSaysItIsDamaged() {
        let whole = PDFBuilder.document(pages: [content, content])
        for cut in stride(from: 10, to: whole.count, by: 37) {
            do {
                _ = try DocumentDecoder.decode(Array(whole.prefix(cut)))
            } catch {
                XCTAssertFalse(error.description.contains("\n"))
            }
        }
    }

    func test_xrefStreamAndObjectStream_areRead() throws {
        // PDF 1.5: catalog, pages, page and font inside an object stream; a cross-reference stream
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
        var body = ""
        var header = ""
        for (i, object) in objects.enumerated() {
            header += "\(i + 1) \(body.utf8.count) "
            body += object + "\n"
        }
        let objectStream = Array((header + body).utf8)
        var out = Array("%PDF-1.5\n".utf8)
        let contentOffset = out.count
        let contentData = Deflate.zlib(Array(content.utf8))
        out += Array("5 0 obj\n<< /Length \(contentData.count) /Filter /FlateDecode >>\nstream\n".utf8) + contentData + Array("\nendstream\nendobj\n".utf8)
        let streamOffset = out.count
        let packed = Deflate.zlib(objectStream)
        out += Array("6 0 obj\n<< /Type /ObjStm /N 4 /First \(header.utf8.count) /Length \(packed.count) /Filter /FlateDecode >>\nstream\n".utf8)
            + packed + Array("\nendstream\nendobj\n".utf8)
        var rows: [UInt8] = [0, 0, 0, 0]
        for i in 0..<4 { rows += [2, 0, 6, UInt8(i)] }
        for offset in [contentOffset, streamOffset] { rows += [1, UInt8(offset >> 8), UInt8(offset & 0xFF), 0] }
        let xrefOffset = out.count
        rows += [1, UInt8(xrefOffset >> 8), UInt8(xrefOffset & 0xFF), 0]
        let xref = Deflate.zlib(rows)
        out += Array("7 0 obj\n<< /Type /XRef /Size 8 /W [1 2 1] /Root 1 0 R /Length \(xref.count) /Filter /FlateDecode >>\nstream\n".utf8)
            + xref + Array("\nendstream\nendobj\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        let decoded = try PDFReader.read(out)
        XCTAssertEqual(decoded.text, "KE HOACH\n\nI. MUC TIEU")
        XCTAssertFalse(decoded.diagnostics.contains { $0.id == "decode.pdf-repaired" })
    }

    func test_deepNestingAndEndlessOperators_endInTime() throws {
        let nested = String(repeating: "[", count: 100_000) + "(x) Tj"
        XCTAssertNoThrow(try? PDFReader.read(PDFBuilder.document(pages: [nested])))
        let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>\n".utf8)
        guard case .unreadableDocument? = error(pdf) else { return XCTFail() }
    }

    private static func lastOffset(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        stride(from: bytes.count - pattern.count, through: 0, by: -1).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}
