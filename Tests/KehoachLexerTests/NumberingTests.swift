import XCTest
import KehoachGrammar
import KehoachText
@testable import KehoachLexer

/// Each numbering scheme a plan uses, as the lexer reads it from one line.
final class NumberingTests: XCTestCase {
    let lexer = Lexer()

    private func token(_ line: String) -> Token {
        lexer.token(SourceLine(number: 1, text: line))
    }

    private func heading(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) -> (String, NumberingScheme, String)? {
        let t = token(line)
        guard let label = t.heading else { return nil }
        return (label.text, label.scheme, t.text)
    }

    func test_romanHeading_withDot() {
        XCTAssertEqual(heading("I. MỤC ĐÍCH, YÊU CẦU")?.0, "I")
        XCTAssertEqual(heading("IV. KINH PHÍ THỰC HIỆN")?.1, .roman)
        XCTAssertEqual(heading("IV. KINH PHÍ THỰC HIỆN")?.2, "KINH PHÍ THỰC HIỆN")
    }

    func test_romanHeading_withoutSpaceAfterDot() {
        XCTAssertEqual(heading("V.TỔ CHỨC THỰC HIỆN")?.0, "V")
        XCTAssertEqual(heading("V.TỔ CHỨC THỰC HIỆN")?.2, "TỔ CHỨC THỰC HIỆN")
    }

    func test_romanHeading_withoutDot_onlyBeforeAnUppercaseTitle() {
        XCTAssertEqual(heading("II NHIỆM VỤ CHỦ YẾU")?.0, "II")
        XCTAssertNil(heading("II nhiệm vụ chủ yếu"))
    }

    func test_arabicHeading() {
        let h = heading("1. Mục đích")
        XCTAssertEqual(h?.0, "1")
        XCTAssertEqual(h?.1, .decimal(depth: 1))
        XCTAssertEqual(h?.2, "Mục đích")
    }

    func test_arabicHeading_withoutDot_beforeAnUppercaseWord() {
        XCTAssertEqual(heading("2 Tổ chức thực hiện")?.0, "2")
        XCTAssertNil(heading("2 học sinh/máy đối với cấp tiểu học"))
    }

    func test_decimalHeading_depthFromItsComponents() {
        XCTAssertEqual(heading("2.1. Chuyển đổi số trong dạy, học")?.1, .decimal(depth: 2))
        XCTAssertEqual(heading("2.1 Chuyển đổi số trong dạy, học")?.0, "2.1")
        XCTAssertEqual(heading("1.1.1. Hạ tầng")?.1, .decimal(depth: 3))
    }

    func test_letterHeading_usesTheVietnameseAlphabet() {
        XCTAssertEqual(heading("a) Tiếp tục triển khai học bạ số")?.1, .letter)
        XCTAssertEqual(heading("đ) Thanh toán không dùng tiền mặt")?.0, "đ")
        XCTAssertEqual(token("đ) Thanh toán").heading?.ordinal, 5)
        XCTAssertNil(heading("f) not a Vietnamese point letter"))
    }

    func test_markdownLeftovers_areStripped_andDoNotSetDepth() {
        let t = token("## **2.2. Về hạ tầng số**")
        XCTAssertEqual(t.heading?.scheme, .decimal(depth: 2))
        XCTAssertEqual(t.text, "Về hạ tầng số")
        XCTAssertEqual(t.markdownLevel, 2)
        XCTAssertEqual(token("### **I. MỤC TIÊU**").heading?.text, "I")
        XCTAssertEqual(token("1\\. Mục đích").heading?.text, "1")
    }

    func test_partAndAppendixHeadings() {
        XCTAssertEqual(heading("PHẦN I. TÌNH HÌNH THỰC HIỆN")?.1, .part)
        XCTAssertEqual(heading("PHỤ LỤC")?.0, "PHỤ LỤC")
        XCTAssertEqual(heading("Phụ lục 2")?.1, .appendix)
        XCTAssertNil(heading("Phụ lục kèm theo Kế hoạch này gồm các nhiệm vụ"))
        XCTAssertNil(heading("Phần đầu 80% trở lên cán bộ quản lý"), "'Phần đầu' (misspelt 'Phấn đấu') is no part heading")
    }

    func test_numbersThatAreNotHeadings() {
        XCTAssertNil(heading("100% các trường sử dụng hệ thống điều hành"))
        XCTAssertNil(heading("1.000 học sinh tham gia"))
        XCTAssertNil(heading("2025. Kết quả"))
        XCTAssertNil(heading("v.v. và các nội dung khác"))
    }

    func test_bullets() {
        for (line, marker) in [("- Tổ chức triển khai", "-"), ("+ Đối với học sinh: truyền thông", "+"), ("• Nội dung", "•")] {
            guard case .bullet(let m) = token(line).kind else { return XCTFail("\(line) is a bullet") }
            XCTAssertEqual(String(m), marker)
        }
        XCTAssertEqual(token("- Tổ chức triển khai").text, "Tổ chức triển khai")
    }

    func test_tableRows_tabOrPipeSeparated() {
        XCTAssertEqual(token("1\tTổ chức bồi dưỡng\tSở GDĐT\tPhòng GDĐT\t2025").cells?.count, 5)
        XCTAssertEqual(token("| Số hiệu | Ngày ban hành |").cells, ["Số hiệu", "Ngày ban hành"])
        if case .rule = token("|").kind {} else { XCTFail("a lone '|' from a web copy is a rule") }
        if case .rule = token("|---|---|").kind {} else { XCTFail("a Markdown table rule is a rule") }
    }

    func test_tabAfterANumber_isAHeadingNotATable() {
        XCTAssertEqual(heading("I.\tMỤC TIÊU")?.0, "I")
    }

    func test_headerLines() {
        if case .motto = token("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").kind {} else { XCTFail("motto") }
        if case .motto = token("Độc lập - Tự do - Hạnh phúc").kind {} else { XCTFail("motto") }
        if case .documentNumber = token("Số: /KH-UBND").kind {} else { XCTFail("number line") }
        if case .placeDate = token("An Lão, ngày 30 tháng 9 năm 2024").kind {} else { XCTFail("place-date line") }
    }
}
