import XCTest
import KehoachText
@testable import KehoachParser

/// Depth comes from the numbering scheme, never from Markdown `#`s; odd numbering is reported.
final class SectionTreeTests: XCTestCase {
    private func parse(_ text: String) -> PlanDocument { Parser().parse(SourceText(text)) }

    private func outline(_ sections: [Section], depth: Int = 0) -> [String] {
        sections.flatMap { [String(repeating: "  ", count: depth) + $0.label.text] + outline($0.children, depth: depth + 1) }
    }

    /// Cut from 002: Markdown heading depth that does not match the numbering depth.
    func test_markdownDepth_isIgnored_numberingDecides() {
        let document = parse("""
        ### **I. MỤC TIÊU**
        #### **1. Mục tiêu chung**
        - Thực hiện phương châm
        #### **2. Mục tiêu cụ thể**
        ##### **2.1. Về công tác lãnh đạo**
        ## **2.2. Về hạ tầng số**
        - 100% CBQL được cấp chữ ký số.
        ## **II. NHIỆM VỤ, GIẢI PHÁP**
        ### **1. Tăng cường công tác lãnh đạo**
        ## **6. Chính quyền số, Kinh tế số, Xã hội số**
        """)
        XCTAssertEqual(outline(document.sections), ["I", "  1", "  2", "    2.1", "    2.2", "II", "  1", "  6"])
        XCTAssertEqual(document.sections[0].kind, .objectives)
        XCTAssertEqual(document.sections[0].children[1].kind, .specificObjectives)
    }

    func test_romanArabicLetter_nest_andAppendixIsTopLevel() {
        let document = parse("""
        1. Mục đích, yêu cầu
        2. Một số nhiệm vụ trọng tâm
        2.1. Tăng cường công tác lãnh đạo
        a) Tiếp tục triển khai
        b) Xây dựng cơ sở dữ liệu
        2.2. Đẩy mạnh cải cách
        3. Tổ chức thực hiện
        PHỤ LỤC
        DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2025
        """)
        XCTAssertEqual(outline(document.sections), ["1", "2", "  2.1", "    a", "    b", "  2.2", "3", "PHỤ LỤC"])
        XCTAssertEqual(document.sections.last?.title.text, "DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2025")
        XCTAssertEqual(document.sections.last?.kind, .appendix)
    }

    func test_partAbove_romanSections() {
        let document = parse("PHẦN I. ĐÁNH GIÁ KẾT QUẢ\nI. KẾT QUẢ ĐẠT ĐƯỢC\nII. TỒN TẠI\nPHẦN II. NHIỆM VỤ NĂM 2026\nI. MỤC TIÊU\n")
        XCTAssertEqual(outline(document.sections), ["PHẦN I", "  I", "  II", "PHẦN II", "  I"])
    }

    /// Cut from 000: the plan repeats "III." by mistake.
    func test_repeatedLabel_isKept_andReported() {
        let document = parse("II. MỤC TIÊU\nIII. NHIỆM VỤ\nIII. MỘT SỐ GIẢI PHÁP CƠ BẢN\nIV. KINH PHÍ THỰC HIỆN\n")
        XCTAssertEqual(outline(document.sections), ["II", "III", "III", "IV"])
        let diagnostic = document.diagnostics.first { $0.id == "section.repeated-label" }
        XCTAssertEqual(diagnostic?.location?.line, 3)
    }

    func test_skippedLabel_isReported() {
        let document = parse("1. Mục đích\n2. Yêu cầu\n4. Tổ chức thực hiện\n")
        XCTAssertEqual(document.diagnostics.first { $0.id == "section.skipped-label" }?.location?.line, 3)
    }

    func test_upperLetterAfterB_isALetterNotARomanNumeral() {
        let document = parse("A. MỤC TIÊU\nB. NHIỆM VỤ\nC. GIẢI PHÁP\nI. Về hạ tầng\n")
        XCTAssertEqual(document.sections.map { $0.label.text }, ["A", "B", "C"])
        XCTAssertEqual(document.sections[2].children.first?.label.text, "I")
    }

    /// Cut from 001: a paragraph broken by a page break continues on a lower-case line.
    func test_pageBreakMidSentence_isRejoined_keepingBothLines() {
        let document = parse("I. MỤC ĐÍCH\n\n- tăng cường ứng dụng trí tuệ nhân tạo đi cùng với các giải pháp bảo đảm an toàn\n\nmôi trường học tập số; nâng cao năng lực số.\n\n- Đảm bảo thực hiện kiểm tra.\n")
        guard case .paragraph(let p)? = document.sections.first?.blocks.first else { return XCTFail("a paragraph") }
        XCTAssertTrue(p.text.hasSuffix("bảo đảm an toàn môi trường học tập số; nâng cao năng lực số."))
        XCTAssertEqual(p.run.line(atUTF8: p.text.utf8.count - 5), 5)
        XCTAssertEqual(document.sections.first?.blocks.count, 2)
    }

    func test_planWithNoSections_isParagraphs_withADiagnostic() {
        let document = parse("Kính gửi các trường.\nĐề nghị các đơn vị thực hiện.\n")
        XCTAssertTrue(document.sections.isEmpty)
        XCTAssertEqual(document.preamble.count, 2)
        XCTAssertTrue(document.diagnostics.contains { $0.id == "section.none" })
    }
}

final class WrappedHeadingTests: XCTestCase {
    /// gh-quangngai-1627: a caps title wrapped onto a line that starts with a padded number.
    func test_aPaddedNumberStartingALine_isNoHeading() {
        let document = Parser().parse(SourceText("I. MỤC TIÊU\nTRIỂN KHAI TỔNG KIỂM KÊ THỜI ĐIỂM 0H00 NGÀY\n01 THÁNG 01 NĂM 2026\n1. Mục đích\n"))
        XCTAssertEqual(document.sections.first?.children.map(\.label.text), ["1"])
    }

    /// web-bentre-2889: a part is labelled as printed ("Phần I").
    func test_partLabel_keepsItsPrintedCase() {
        XCTAssertEqual(Parser().parse(SourceText("Phần I\nTHỰC TRẠNG\nI. MỤC TIÊU\n")).sections.first?.label.text, "Phần I")
    }

    /// gh-quangngai-1627: "*1.1.*" alone on its line, its title on the next.
    func test_aDecimalLabelAloneOnItsLine_titledByTheNextLine() {
        let document = Parser().parse(SourceText("IV. NHIỆM VỤ CỤ THỂ\n1. Nhiệm vụ của thành viên Ban Chỉ đạo\n*1.1.\nTrưởng Ban Chỉ đạo*\n- Phụ trách chung.\n"))
        let child = document.sections.first?.children.first?.children.first
        XCTAssertEqual(child?.label.text, "1.1")
        XCTAssertEqual(child?.title.text, "Trưởng Ban Chỉ đạo")
    }
}
