import XCTest
@testable import KehoachText

final class FoldingTests: XCTestCase {
    func test_matchKey_lowercasesVietnamese() {
        XCTAssertEqual(Folding.matchKey("KẾ HOẠCH Phòng GIÁO DỤC và ĐÀO TẠO"), "kế hoạch phòng giáo dục và đào tạo")
    }

    func test_matchKey_movesOldStyleToneToNewStyle() {
        XCTAssertEqual(Folding.matchKey("Hoá"), Folding.matchKey("hóa"))
        XCTAssertEqual(Folding.matchKey("Uỷ ban"), Folding.matchKey("ủy ban"))
        XCTAssertEqual(Folding.matchKey("Phòng Văn hoá - Xã hội"), Folding.matchKey("Phòng Văn hóa - Xã hội"))
        XCTAssertEqual(Folding.matchKey("hoạch toán hoàn"), "hoạch toán hoàn", "closed syllables are the same in both styles")
    }

    func test_matchKey_keepsDiacritics_soPhanDauAndPhanDauStayApart() {
        XCTAssertNotEqual(Folding.matchKey("phần đầu"), Folding.matchKey("phấn đấu"))
    }

    func test_matchKey_hasTheTextsUTF8Length() {
        for text in ["Hoá học THUỶ lợi", "khoẻ mạnh, thuỳ", "ĐẠT 100% cán bộ"] {
            XCTAssertEqual(Folding.matchKey(text).utf8.count, text.utf8.count, text)
        }
    }

    func test_searchKey_foldsDiacriticsCaseAndD() {
        XCTAssertEqual(Folding.searchKey("Chữ ký số"), "chu ky so")
        XCTAssertEqual(Folding.searchKey("ĐÀO TẠO, đường"), "dao tao duong")
        XCTAssertEqual(Folding.searchKey("  Học bạ   số! "), "hoc ba so")
    }
}
