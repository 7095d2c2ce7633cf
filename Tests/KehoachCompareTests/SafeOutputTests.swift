import XCTest
@testable import KehoachRender

final class SafeOutputTests: XCTestCase {
    func test_csvCellStartingWithFormulaCharacter_isPrefixedWithQuote() {
        XCTAssertEqual(CSV.cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"")
        XCTAssertEqual(CSV.cell("+1"), "'+1")
        XCTAssertEqual(CSV.cell("-5%"), "'-5%")
        XCTAssertEqual(CSV.cell("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSV.cell("100% giáo viên"), "100% giáo viên")
    }

    func test_csvDocument_startsWithBOM_forExcel() {
        var csv = CSV(header: ["Chỉ tiêu", "Giá trị"])
        csv.append(["Chữ ký số", "100%"])
        XCTAssertTrue(csv.text.hasPrefix("\u{FEFF}Chỉ tiêu,Giá trị\r\n"))
    }

    func test_htmlEscape_makesScriptInert() {
        XCTAssertEqual(HTML.escape("<script>alert('x')</script> & \"q\""),
                       "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
    }
}
