import KehoachTestSupport
import XCTest
@testable import KehoachDocx

/// List labels come from numbering.xml, as Word draws them: the text of the paragraphs holds none.
final class NumberingTests: XCTestCase {
    private func lines(_ body: String, numbering: String, styles: String? = nil) throws -> [String] {
        try DocxReader.read(DocxBuilder.docx(body: body, numbering: numbering, styles: styles)).text
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private let sections = DocxBuilder.list(id: 1, levels: [("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3."), ("lowerLetter", "%4)")])

    func test_automaticNumbering_drawsUpperRomanDecimalAndLetterLabels() throws {
        let body = [("MỤC ĐÍCH", 0), ("Mục đích", 1), ("Yêu cầu", 1), ("Nội dung", 3), ("Thời gian", 3), ("NHIỆM VỤ", 0)]
            .map { DocxBuilder.paragraph($0.0, numbered: (1, $0.1)) }.joined()
        XCTAssertEqual(try lines(body, numbering: sections),
                       ["I. MỤC ĐÍCH", "1. Mục đích", "2. Yêu cầu", "a) Nội dung", "b) Thời gian", "II. NHIỆM VỤ"])
    }

    func test_numberingLevels_restartUnderAHigherLevel() throws {
        let body = [0, 1, 1, 0, 1].map { DocxBuilder.paragraph("x", numbered: (1, $0)) }.joined()
        XCTAssertEqual(try lines(body, numbering: sections), ["I. x", "1. x", "2. x", "II. x", "1. x"])
    }

    func test_multiLevelFormat_showsTheCountersOfTheLevelsAbove() throws {
        let body = [1, 2, 2, 1, 2].map { DocxBuilder.paragraph("x", numbered: (1, $0)) }.joined()
        XCTAssertEqual(try lines(body, numbering: sections), ["1. x", "1.1. x", "1.2. x", "2. x", "2.1. x"])
    }

    /// Two instances of one list share its counters; an instance with a start override counts
    /// on its own from there.
    func test_startOverride_restartsAnInstance() throws {
        let numbering = DocxBuilder.list(id: 1, levels: [("decimal", "%1.")])
            + "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
        let body = [1, 1, 2, 3, 3].map { DocxBuilder.paragraph("x", numbered: ($0, 0)) }.joined()
        XCTAssertEqual(try lines(body, numbering: numbering), ["1. x", "2. x", "3. x", "1. x", "2. x"])
    }

    func test_headingStyleWithNumbering_labelsItsParagraphs() throws {
        let styles = "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"MyHeading\"><w:basedOn w:val=\"Heading1\"/></w:style>"
        let body = DocxBuilder.paragraph("MỤC TIÊU", style: "Heading1") + DocxBuilder.paragraph("NHIỆM VỤ", style: "MyHeading")
            + DocxBuilder.paragraph("Không số", numbered: (0, 0))
        XCTAssertEqual(try lines(body, numbering: sections, styles: styles), ["I. MỤC TIÊU", "II. NHIỆM VỤ", "Không số"])
    }

    func test_bulletsAndPrivateUseSymbols_becomeTheMarksAReaderSees() throws {
        let numbering = DocxBuilder.list(id: 5, levels: [("bullet", "-"), ("bullet", "\u{F0B7}")])
        let body = DocxBuilder.paragraph("một", numbered: (5, 0)) + DocxBuilder.paragraph("hai", numbered: (5, 1))
        XCTAssertEqual(try lines(body, numbering: numbering), ["- một", "• hai"])
    }

    func test_numberFormats_renderAsWordDoes() {
        XCTAssertEqual([1, 4, 9, 14, 40, 3999].map(NumberFormat.upperRoman.render), ["I", "IV", "IX", "XIV", "XL", "MMMCMXCIX"])
        XCTAssertEqual([1, 26, 27, 53].map(NumberFormat.lowerLetter.render), ["a", "z", "aa", "aaa"])
        XCTAssertEqual([3, 12].map(NumberFormat.decimalZero.render), ["03", "12"])
    }
}
