import KehoachTestSupport
import KehoachText
import XCTest
@testable import KehoachDocx

final class DocumentBodyTests: XCTestCase {
    private func read(_ body: String, styles: String? = nil) throws -> DecodedText {
        try DocxReader.read(DocxBuilder.docx(body: body, styles: styles))
    }

    private func lines(_ body: String, styles: String? = nil) throws -> [String] {
        try read(body, styles: styles).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func cell(_ text: String, properties: String = "") -> String {
        "<w:tc><w:tcPr>\(properties)</w:tcPr>\(text.split(separator: "|", omittingEmptySubsequences: false).map { DocxBuilder.paragraph(String($0)) }.joined())</w:tc>"
    }

    private func table(_ rows: [[String]], bordered: Bool = true) -> String {
        let borders = bordered ? "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/></w:tblBorders>" : ""
        return "<w:tbl><w:tblPr>\(borders)</w:tblPr>" + rows.map { "<w:tr>\($0.joined())</w:tr>" }.joined() + "</w:tbl>"
    }

    func test_runsOfAParagraph_joinInOrder_andEmptyParagraphsAreBlankLines() throws {
        let body = "<w:p><w:r><w:t>Kế </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>hoạch</w:t></w:r><w:hyperlink><w:r><w:t> số 5</w:t></w:r></w:hyperlink></w:p><w:p/>"
            + DocxBuilder.paragraph("cuối")
        XCTAssertEqual(try lines(body), ["Kế hoạch số 5", "", "cuối"])
    }

    func test_softBreaksTabsNonBreakingHyphensAndEntities() throws {
        let body = "<w:p><w:r><w:tab/><w:t>ỦY BAN</w:t><w:br/><w:t>PHƯỜNG A</w:t><w:br w:type=\"page\"/><w:t>12</w:t><w:noBreakHyphen/><w:t>KH &amp; &#x110;T&#160;x</w:t></w:r></w:p>"
        XCTAssertEqual(try lines(body), ["ỦY BAN", "PHƯỜNG A12-KH & ĐT\u{A0}x"])
    }

    func test_deletedRevisionsFieldInstructionsAndPageNumbers_areLeftOut() throws {
        let body = "<w:p><w:r><w:t>Đạt </w:t></w:r><w:del><w:r><w:delText>90%</w:delText></w:r></w:del><w:ins><w:r><w:t>95%</w:t></w:r></w:ins>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE \\* MERGEFORMAT </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> REF mục </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t> giáo viên</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:fldSimple w:instr=\"NUMPAGES\"><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>"
        XCTAssertEqual(try lines(body), ["Đạt 95% giáo viên"])
    }

    func test_footnoteMarksHiddenTextDrawingsAndFallbacks_areLeftOut() throws {
        let body = "<w:p><w:r><w:t>Chỉ tiêu</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r>"
            + "<w:r><w:rPr><w:vanish/></w:rPr><w:t> ẩn</w:t></w:r>"
            + "<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>hộp</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r>"
            + "<mc:AlternateContent xmlns:mc=\"m\"><mc:Choice><w:r><w:t> một</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t> một</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
            + "<w:sectPr><w:pgSz w:w=\"11906\"/></w:sectPr>"
        XCTAssertEqual(try lines(body), ["Chỉ tiêu một"])
    }

    func test_capitals_showAsCapitals() throws {
        let styles = "<w:style w:type=\"character\" w:styleId=\"Upper\"><w:rPr><w:caps/></w:rPr></w:style>"
        let body = "<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>kế hoạch</w:t></w:r><w:r><w:t> và </w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"Upper\"/></w:rPr><w:t>mục tiêu</w:t></w:r></w:p>"
        XCTAssertEqual(try lines(body, styles: styles), ["KẾ HOẠCH và MỤC TIÊU"])
    }

    func test_tableRows_becomeTabSeparatedLines() throws {
        let body = table([[cell("STT"), cell("Nội dung"), cell("Chủ trì")], [cell("1"), cell("Triển khai|học bạ số"), cell("Phòng GDĐT")]])
        XCTAssertEqual(try lines(body), ["STT\tNội dung\tChủ trì", "1\tTriển khai học bạ số\tPhòng GDĐT"])
    }

    func test_vMergedCells_becomeOneCell() throws {
        let body = table([[cell("1"), cell("Sở GDĐT", properties: "<w:vMerge w:val=\"restart\"/>"), cell("2025")],
                          [cell("2"), cell("", properties: "<w:vMerge/>"), cell("2026")]])
        XCTAssertEqual(try lines(body), ["1\tSở GDĐT\t2025", "2\t\t2026"])
    }

    func test_gridSpan_keepsLaterCellsUnderTheirColumns() throws {
        let body = table([[cell("STT"), cell("Nội dung"), cell("Chủ trì"), cell("Thời gian")],
                          [cell("I. Truyền thông", properties: "<w:gridSpan w:val=\"3\"/>"), cell("2025")]])
        XCTAssertEqual(try lines(body), ["STT\tNội dung\tChủ trì\tThời gian", "I. Truyền thông\t\t\t2025"])
    }

    /// A borderless two-column table is a letterhead: read cell by cell, a line per paragraph.
    func test_borderlessTwoColumnTable_readsAsHeaderLines() throws {
        let body = table([[cell("ỦY BAN NHÂN DÂN|PHƯỜNG LÊ ÍCH MỘC|Số: /KH-UBND"), cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc")]], bordered: false)
            + DocxBuilder.paragraph("KẾ HOẠCH")
        XCTAssertEqual(try lines(body), ["ỦY BAN NHÂN DÂN", "PHƯỜNG LÊ ÍCH MỘC", "Số: /KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                         "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH"])
    }

    func test_tableStyleWithBorders_makesADataTable() throws {
        let styles = "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:tblPr><w:tblBorders><w:insideV w:val=\"single\"/></w:tblBorders></w:tblPr></w:style>"
        let body = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr><w:tr>\(cell("a"))\(cell("b"))</w:tr></w:tbl>"
        XCTAssertEqual(try lines(body, styles: styles), ["a\tb"])
    }

    func test_nestedTable_becomesLinesOfItsCell() throws {
        let inner = table([[cell("x"), cell("y")]])
        let body = table([[cell("1"), "<w:tc>\(DocxBuilder.paragraph("trên"))\(inner)</w:tc>"]])
        XCTAssertEqual(try lines(body), ["1\ttrên x y"])
    }

    func test_lineMap_pointsAtParagraphsCellsAndRows() throws {
        let body = DocxBuilder.paragraph("") + table([[cell("Số: 1|"), cell("Hà Nội")]], bordered: false)
            + DocxBuilder.paragraph("KẾ HOẠCH") + "<w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>"
            + table([[cell("STT"), cell("Nội dung")], [cell("1"), cell("x")]])
        let map = try read(body).map
        XCTAssertEqual(map?.format, .docx)
        let spans = map?.spans.map { [$0.first, $0.last, $0.paragraph ?? 0, $0.table ?? 0, $0.row ?? 0, $0.cell ?? 0, $0.lineBreaks == true ? 1 : 0] }
        XCTAssertEqual(spans, [[1, 1, 1, 0, 0, 0, 0], [2, 3, 1, 1, 1, 1, 0], [4, 4, 1, 1, 1, 2, 0], [5, 5, 2, 0, 0, 0, 0],
                               [6, 7, 3, 0, 0, 0, 1], [8, 9, 0, 2, 1, 0, 0]])
    }

    func test_otherNamespacePrefix_isReadToo() throws {
        let xml = "<x:document xmlns:x=\"\(DocxBuilder.namespace)\"><x:body><x:p><x:r><x:t>Kế hoạch</x:t></x:r></x:p></x:body></x:document>"
        let docx = ZipBuilder(parts: [("word/document.xml", xml)]).bytes()
        XCTAssertEqual(try DocxReader.read(docx).text, "Kế hoạch")
    }
}
