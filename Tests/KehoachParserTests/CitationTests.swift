import XCTest
import KehoachText
@testable import KehoachParser

final class CitationTests: XCTestCase {
    private func citations(_ text: String) -> [Citation] {
        Parser().parse(SourceText("Số: 524/KH-PGDĐT\n\nKẾ HOẠCH\nVề việc\n\n" + text)).citations
    }

    /// Cut from 000's preamble.
    func test_typeNumberDateAndIssuer() {
        let found = citations("Thực hiện Kế hoạch số 7462/KH-SGDĐT ngày 08/10/2025 của Sở Giáo dục và Đào tạo Hải Phòng về thực hiện nhiệm vụ; Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá, Kế hoạch hành động số 12-KH/TU ngày 26/8/2025 của Ban Thường vụ Thành ủy.")
        XCTAssertEqual(found.map(\.number), ["7462/KH-SGDĐT", "57-NQ/TW", "12-KH/TU"])
        XCTAssertEqual(found[0].type, "Kế hoạch")
        XCTAssertEqual(found[0].date?.iso, "2025-10-08")
        XCTAssertEqual(found[0].issuer, "Sở Giáo dục và Đào tạo Hải Phòng")
        XCTAssertEqual(found[1].type, "Nghị quyết")
        XCTAssertEqual(found[2].type, "Kế hoạch hành động")
    }

    func test_strayAndMissingSpaces_andCodesWithoutType() {
        let found = citations("Căn cứ Kế hoạch hành động số 24- KH/ĐU ngày 18/9/2025; Quyết định số 1813/QĐ- TTg; Thông tư 26/2020/TT-BGD ĐT, Quyết định 749/QĐ-TTg , Công văn số 1734/SGDĐT-KH&CNTT; văn bản 812/PGD&ĐT; Kế hoạch 03-KH/BCĐTW; Kế hoạch số 38a/KH-UBND.")
        XCTAssertEqual(found.map(\.number), ["24-KH/ĐU", "1813/QĐ-TTg", "26/2020/TT-BGDĐT", "749/QĐ-TTg", "1734/SGDĐT-KH&CNTT", "812/PGD&ĐT", "03-KH/BCĐTW", "38a/KH-UBND"])
        XCTAssertEqual(found[5].type, "Công văn")
    }

    func test_theSameDocumentSpelledTwoWays_isOneCitation_atItsFirstMention() {
        let found = citations("Căn cứ Kế hoạch số 344/KH-PGDDT ngày 10/3/2023;\n\n2.4. Rà soát các nhiệm vụ tại Kế hoạch số 344/KH-PGDĐT ngày 10/3/2023.")
        XCTAssertEqual(found.map(\.number), ["344/KH-PGDDT"])
    }

    func test_thePlansOwnNumber_isNoCitation() {
        XCTAssertTrue(citations("(Kèm theo Kế hoạch số 524/KH-PGDDT ngày 21/4/2025 của Phòng Giáo dục và Đào tạo)").isEmpty)
    }

    func test_numbersWithoutSymbol_areNotCitations() {
        XCTAssertTrue(citations("Thực hiện Nghị quyết số 57 của Bộ Chính trị và Đề án 06; ngày 10/10/2025; 2 học sinh/máy.").isEmpty)
    }

    /// gh-luongminh (fresh3) lines 63 and 229: form numbers name forms, not documents.
    func test_formNumbers_areNoCitations() {
        let document = Parser().parse(SourceText("""
        KẾ HOẠCH
        Tổ chức hội nghị hiệp thương
        - Căn cứ Kế hoạch số 16/KH-MTTQ-BTT ngày 18/11/2025 của Ban Thường trực Ủy ban MTTQ xã.
        - Kết quả: Biên bản Hội nghị hiệp thương lần thứ nhất (Mẫu số 01 và 02/HNMT).
        Mẫu số 01/HNCT
        """))
        XCTAssertEqual(document.citations.map(\.number), ["16/KH-MTTQ-BTT"])
    }
}
