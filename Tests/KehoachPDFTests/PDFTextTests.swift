import KehoachTestSupport
import KehoachText
import XCTest
@testable import KehoachPDF

/// Text from the page: Helvetica without widths advances half an em per glyph, 6 points at 12.
final class PDFTextTests: XCTestCase {
    private func lines(_ pages: [String], toUnicode: String? = nil) throws -> [String] {
        try PDFReader.read(PDFBuilder.document(pages: pages, toUnicode: toUnicode)).text
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func test_textOperators_giveLinesTopToBottom() throws {
        let content = "BT /F1 12 Tf 72 700 Td (I. MUC TIEU) Tj 0 -14 Td (II. NHIEM VU) Tj ET BT /F1 12 Tf 1 0 0 1 72 728 Tm (KE HOACH) Tj ET"
        XCTAssertEqual(try lines([content]), ["KE HOACH", "", "I. MUC TIEU", "II. NHIEM VU"])
    }

    func test_kerningAndSpacesInTJ_giveWords() throws {
        let content = "BT /F1 12 Tf 14 TL 72 700 Td [(K) 20 (e) -300 (hoach)] TJ (- So 5) ' ET"
        XCTAssertEqual(try lines([content]), ["Ke hoach", "- So 5"])
    }

    func test_toUnicodeCMap_mapsGlyphCodesToVietnamese() throws {
        let cmap = """
        /CIDInit /ProcSet findresource begin 12 dict begin begincmap
        1 begincodespacerange <00> <FF> endcodespacerange
        3 beginbfchar <01> <004B> <02> <1EBF> <03> <0020> endbfchar
        1 beginbfrange <10> <12> <0068> endbfrange
        1 beginbfrange <20> <21> [<1EA1> <0063>] endbfrange
        endcmap CMapName currentdict /CMap defineresource pop end end
        """
        // K ế ␠ h i j ạ c
        XCTAssertEqual(try lines(["BT /F1 12 Tf 72 700 Td <0102031011122021> Tj ET"], toUnicode: cmap), ["Kế hijạc"])
    }

    func test_wrappedLines_joinIntoParagraphs_andSpaceBecomesBlankLines() throws {
        let full = String(repeating: "x", count: 70)          // the widest line sets the margin
        let content = "BT /F1 12 Tf 14 TL 72 700 Td (\(full) ) Tj T* (tiep theo.) Tj T* T* (- Muc moi) Tj T* (Dong moi) Tj T* (Moi dong) Tj ET"
        XCTAssertEqual(try lines([content]), ["\(full) tiep theo.", "", "- Muc moi", "Dong moi", "Moi dong"])
    }

    func test_twoColumnLetterhead_keepsItsColumnsApart() throws {
        // each column's lines centred in it; the body's widest line sets the right margin
        let content = """
        BT /F1 12 Tf 156 780 Td (UY BAN NHAN DAN) Tj 21 -14 Td (PHUONG A) Tj ET
        BT /F1 12 Tf 339 780 Td (CONG HOA XA HOI) Tj 24 -14 Td (Doc lap) Tj ET
        BT /F1 12 Tf 72 738 Td (KE HOACH) Tj 0 -28 Td (\(String(repeating: "y", count: 75))) Tj ET
        """
        XCTAssertEqual(try lines([content]), ["UY BAN NHAN DAN", "PHUONG A", "", "CONG HOA XA HOI", "Doc lap", "", "KE HOACH", "",
                                              String(repeating: "y", count: 75)])
    }

    func test_tableCells_splitByTheirXPositions() throws {
        let content = """
        BT /F1 12 Tf 72 700 Td (STT) Tj 80 0 Td (Noi dung) Tj 150 0 Td (Chu tri) Tj ET
        BT /F1 12 Tf 72 684 Td (1) Tj 80 0 Td (Trien khai) Tj 150 0 Td (Phong) Tj ET
        BT /F1 12 Tf 152 670 Td (hoc ba so) Tj 150 0 Td (GDDT) Tj ET
        BT /F1 12 Tf 72 654 Td (2) Tj 80 0 Td (Tap huan) Tj ET
        BT /F1 12 Tf 72 612 Td (Sau bang) Tj ET
        """
        XCTAssertEqual(try lines([content]), ["STT\tNoi dung\tChu tri", "1\tTrien khai hoc ba so\tPhong GDDT", "2\tTap huan\t", "", "", "Sau bang"])
    }

    func test_lineMap_givesEachLinesPage() throws {
        let long = String(repeating: "z", count: 70)
        let text = try PDFReader.read(PDFBuilder.document(pages: ["BT /F1 12 Tf 72 760 Td (\(long)) Tj 0 -14 Td (- Trang mot.) Tj ET",
                                                                  "BT /F1 12 Tf 72 760 Td (Trang hai) Tj ET"]))
        XCTAssertEqual(text.map?.format, .pdf)
        XCTAssertEqual(text.map?.spans.map { [$0.first, $0.last, $0.page ?? 0] }, [[1, 2, 1], [3, 3, 2]])
        XCTAssertEqual(text.encoding, .pdf)
    }
}

final class ListMarkTests: XCTestCase {
    func test_listMarks_startParagraphs_butYearsAndDashesDoNot() {
        for mark in ["- Nội dung", "+ Nội dung", "• a", "II. NHIỆM VỤ", "1. Mục", "2.1. Mục", "12) Mục", "a) Mục", "đ) Mục"] {
            XCTAssertTrue(TextFlow.startsListItem(mark), mark)
        }
        for text in ["2026. Trường", "– học", "18/9/2025 của", "1", "1.", "Mục 1", "-5%"] {
            XCTAssertFalse(TextFlow.startsListItem(text), text)
        }
    }
}
