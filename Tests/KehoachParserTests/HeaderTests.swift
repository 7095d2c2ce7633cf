import XCTest
import KehoachGrammar
import KehoachText
@testable import KehoachParser

/// The header block in the forms plans arrive in (DESIGN.md section 2).
final class HeaderTests: XCTestCase {
    private func header(_ text: String) -> DocumentHeader {
        Parser().parse(SourceText(text)).header
    }

    /// Cut from 004: a three-line letterhead, the motto, a spaced number, the title after KẾ HOẠCH.
    let letterhead = """
    ỦY BAN NHÂN DÂN
    THÀNH PHỐ THỦ DẦU MỘT
    PHÒNG GIÁO DỤC VÀ ĐÀO TẠO

    Số: 524 /KH-PGDDT

    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc

    Thủ Dầu Một, ngày 21 tháng 4 năm 2025

    KẾ HOẠCH Chuyển đổi số năm 2025 của Phòng Giáo dục và Đào tạo

    Căn cứ Kế hoạch số 782/KH-SGDĐT ngày 17/3/2025 của Sở GDĐT tỉnh Bình Dương;

    1. Mục đích, yêu cầu
    """

    func test_threeLineLetterhead_givesIssuerWithPlace_andLevel() {
        let h = header(letterhead)
        XCTAssertEqual(h.issuer?.value, "Phòng Giáo dục và Đào tạo thành phố Thủ Dầu Một")
        XCTAssertEqual(h.level, .district)
        XCTAssertEqual(h.issuerLines.count, 3)
    }

    func test_spacedNumber_isNormalised() {
        let h = header(letterhead)
        XCTAssertEqual(h.number?.value, "524/KH-PGDDT")
        XCTAssertEqual(h.symbol?.value, "KH-PGDDT")
    }

    func test_titleOnTheTypeLine() {
        let h = header(letterhead)
        XCTAssertEqual(h.documentType?.value, "Kế hoạch")
        XCTAssertEqual(h.title?.value, "Chuyển đổi số năm 2025 của Phòng Giáo dục và Đào tạo")
        XCTAssertEqual(h.date?.value.iso, "2025-04-21")
        XCTAssertEqual(h.place?.value, "Thủ Dầu Một")
    }

    func test_blankNumber_givesNil_andKeepsTheSymbol() {
        let h = header("Số: /KH-UBND\n\nPhường Lê Ích Mộc, ngày tháng 12 năm 2025\n\nKẾ HOẠCH\n\nThực hiện nhiệm vụ\n\nThực hiện Kế hoạch số 7462/KH-SGDĐT;\n")
        XCTAssertNil(h.number)
        XCTAssertEqual(h.symbol?.value, "KH-UBND")
        XCTAssertEqual(h.date?.value.iso, "2025-12")
        XCTAssertEqual(h.title?.value, "Thực hiện nhiệm vụ")
    }

    func test_spacesAroundTheDash_areRemoved() {
        XCTAssertEqual(header("Số: 153/KH - THXT\n\nXuân Trường, ngày 29 tháng 5 năm 2026\n").number?.value, "153/KH-THXT")
    }

    func test_titleWrappedOverLines_isJoined() {
        let h = header("Số: 12/KH-UBND\n\nHà Nội, ngày 2 tháng 3 năm 2025\n\nKẾ HOẠCH\nTriển khai nhiệm vụ chuyển đổi số\nnăm học 2025 - 2026\n\nCăn cứ Luật Giáo dục;\n")
        XCTAssertEqual(h.title?.value, "Triển khai nhiệm vụ chuyển đổi số năm học 2025 - 2026")
    }

    func test_issuerAndMotto_sideBySideInOneLine() {
        let h = header("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHƯỜNG LÊ ÍCH MỘC\tĐộc lập - Tự do - Hạnh phúc\nSố: 15/KH-UBND\tLê Ích Mộc, ngày 3 tháng 10 năm 2025\n\nKẾ HOẠCH\nVề chuyển đổi số\n\nCăn cứ Luật;\n")
        XCTAssertEqual(h.issuer?.value, "Ủy ban nhân dân phường Lê Ích Mộc")
        XCTAssertEqual(h.level, .commune)
        XCTAssertEqual(h.number?.value, "15/KH-UBND")
        XCTAssertEqual(h.date?.value.iso, "2025-10-03")
    }

    /// A copy from a legal-document website: cells on separate lines with lone `|` lines,
    /// words and dates broken mid-way, a banner before the document.
    func test_webCopy_brokenCellsAndBanner() {
        let text = """
        Số hiệu: 118/KH-UBND Loại văn bản: Kế hoạch
        Ngày ban hành: 09/03/2023
        Đang tải nội dung...
        ỦY
        BAN NHÂN DÂN
        TỈNH QUẢNG NINH
        |
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        |
        Số:
        118/KH-UBND
        |
        Quảng
        Ninh, ngày 9 tháng 3
        năm 2023
        |
        KẾ HOẠCH
        Chuyển đổi số ngành giáo dục

        Căn cứ Quyết định số 131/QĐ-TTg ngày 25/01/2022 của Thủ tướng Chính phủ;

        I. MỤC ĐÍCH,
        YÊU CẦU
        """
        let document = Parser().parse(SourceText(text))
        let h = document.header
        XCTAssertEqual(h.number?.value, "118/KH-UBND")
        XCTAssertEqual(h.date?.value.iso, "2023-03-09")
        XCTAssertEqual(h.place?.value, "Quảng Ninh")
        XCTAssertEqual(h.issuer?.value, "Ủy ban nhân dân tỉnh Quảng Ninh")
        XCTAssertEqual(h.level, .province)
        XCTAssertEqual(h.title?.value, "Chuyển đổi số ngành giáo dục")
        XCTAssertEqual(document.citations.map(\.number), ["131/QĐ-TTg"], "the banner is not a citation")
        XCTAssertEqual(document.sections.first?.title.text, "MỤC ĐÍCH, YÊU CẦU", "a heading wrapped over two lines is joined")
    }

    func test_wholeHeaderRowOnOneLine() {
        let h = header("Số: 47/KH-UBND | Cần Thơ, ngày 5 tháng 6 năm 2024 |\n\nKẾ HOẠCH\nVề chuyển đổi số\n\nCăn cứ Luật;\n")
        XCTAssertEqual(h.number?.value, "47/KH-UBND")
        XCTAssertEqual(h.place?.value, "Cần Thơ")
        XCTAssertEqual(h.date?.value.iso, "2024-06-05")
    }

    func test_noIssuerLines_issuerReadFromThePreamble() {
        let text = """
        Số: 364/KH-PGDĐT

        An Lão, ngày 30 tháng 9 năm 2024

        KẾ HOẠCH

        Triển khai nhiệm vụ chuyển đổi số năm học 2024 – 2025

        Phòng Giáo dục và Đào tạo ban hành Kế hoạch triển khai nhiệm vụ như sau:

        I. MỤC ĐÍCH, YÊU CẦU

        Phòng Giáo dục và Đào tạo huyện yêu cầu Hiệu trưởng các trường nghiêm túc triển khai.
        """
        let h = Parser().parse(SourceText(text)).header
        XCTAssertEqual(h.issuer?.value, "Phòng Giáo dục và Đào tạo huyện An Lão")
        XCTAssertEqual(h.level, .district)
    }

    func test_schoolIssuer_fromThePreambleSentence() {
        let text = "Số: 153/KH-THXT\n\nXuân Trường, ngày 29 tháng 5 năm 2026\n\n## **KẾ HOẠCH** **Chuyển đổi số năm 2026**\n\nThực hiện Kế hoạch số 92/KH-SGDĐT ngày 13/5/2026 của Sở GDĐT. Trường Tiểu học Xuân Tiến xây dựng Kế hoạch chuyển đổi số năm 2026, cụ thể như sau:\n\n### **I. MỤC TIÊU**\n"
        let h = Parser().parse(SourceText(text)).header
        XCTAssertEqual(h.issuer?.value, "Trường Tiểu học Xuân Tiến")
        XCTAssertEqual(h.level, .school)
        XCTAssertEqual(h.title?.value, "Chuyển đổi số năm 2026")
    }
}
