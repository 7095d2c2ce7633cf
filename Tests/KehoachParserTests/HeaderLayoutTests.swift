import XCTest
import KehoachGrammar
import KehoachText
@testable import KehoachParser

/// The letterhead in the layouts real copies have (issue: plans nobody here has seen). Each
/// fixture is cut from a real plan of the evaluation set (Tests/Fixtures/real/), shortened.
final class HeaderLayoutTests: XCTestCase {
    private func parse(_ text: String) -> PlanDocument { Parser().parse(SourceText(text)) }

    /// real_02 (UBND tỉnh Tuyên Quang): the two columns as cells of one line, rules glued on.
    func test_headerColumnsOnOneLine_issuerWithoutMotto() {
        let h = parse("""
        ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
        Số: 986/QĐ-UBND | Tuyên Quang, ngày 13 tháng 8 năm 2024
        QUYẾT ĐỊNH
        BAN HÀNH KẾ HOẠCH THỜI GIAN NĂM HỌC 2024-2025 ĐỐI VỚI GIÁO DỤC MẦM NON
        CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG
        Căn cứ Luật Giáo dục ngày 14/6/2019;
        """).header
        XCTAssertEqual(h.issuer?.value, "Ủy ban nhân dân tỉnh Tuyên Quang")
        XCTAssertEqual(h.level, .province)
        XCTAssertEqual(h.number?.value, "986/QĐ-UBND")
        XCTAssertEqual(h.place?.value, "Tuyên Quang")
        XCTAssertEqual(h.date?.value.iso, "2024-08-13")
        XCTAssertEqual(h.documentType?.value, "Quyết định")
        XCTAssertEqual(h.title?.value, "BAN HÀNH KẾ HOẠCH THỜI GIAN NĂM HỌC 2024-2025 ĐỐI VỚI GIÁO DỤC MẦM NON",
                       "the authority line 'CHỦ TỊCH …' ends the title")
    }

    /// The same columns copied from a PDF: no cell border, the motto glued onto the issuer line
    /// by line, the number and the place-date glued into one line.
    func test_headerColumnsGluedWithoutBorder_issuerWithoutMotto() {
        let h = parse("""
        ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc
        Số: 986/KH-SGDĐT Tuyên Quang, ngày 13 tháng 8 năm 2024
        KẾ HOẠCH
        Chuyển đổi số năm 2025
        """).header
        XCTAssertEqual(h.issuer?.value, "Sở Giáo dục và Đào tạo tỉnh Tuyên Quang")
        XCTAssertEqual(h.level, .department)
        XCTAssertEqual(h.number?.value, "986/KH-SGDĐT")
        XCTAssertEqual(h.place?.value, "Tuyên Quang")
        XCTAssertEqual(h.issuerLines, ["ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"])
    }

    /// real_10 (Ban Thường trực Ủy ban MTTQ xã Lương Minh): the number glued to the issuer cell,
    /// the place-date glued after the motto, an organ named after the body above it.
    func test_numberAndPlaceDateInsideCells_organUnderItsParent() {
        let h = parse("""
        ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH BAN THƯỜNG TRỰC Số: 16/KH-MTTQ-BTT | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Lương Minh, ngày 18 tháng 11 năm 2025
        KẾ HOẠCH
        Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI
        và bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031
        Căn cứ Luật Bầu cử số 85/2015/QH13;
        """).header
        XCTAssertEqual(h.number?.value, "16/KH-MTTQ-BTT")
        XCTAssertEqual(h.place?.value, "Lương Minh")
        XCTAssertEqual(h.date?.value.iso, "2025-11-18")
        XCTAssertEqual(h.issuer?.value, "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh")
        XCTAssertEqual(h.level, .commune)
        XCTAssertEqual(h.title?.value, "Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI và bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031")
    }

    /// web-kontum-1469 (a web copy): each cell on lines of its own between lone `|` lines, the
    /// body and its place on two lines, the motto in two halves, the date broken over lines.
    func test_bodyAndPlaceOnTwoLines_cellsBetweenLoneBars() {
        let h = parse("""
        ỦY BAN NHÂN DÂN
        TỈNH KON TUM
        -------
        |
        CỘNG HÒA XÃ HỘI
        CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        ---------------
        |
        Số: 1469/KH-UBND
        |
        Kon Tun, ngày 17
        tháng 5 năm 2022
        |
        KẾ HOẠCH
        TRIỂN KHAI THỰC HIỆN ĐỀ ÁN “TĂNG CƯỜNG ỨNG DỤNG CÔNG NGHỆ
        THÔNG TIN VÀ CHUYỂN ĐỔI SỐ” TRÊN ĐỊA BÀN TỈNH KON TUM
        Triển khai Quyết định số
        131/QĐ-TTg ngày 25 tháng 01 năm 2022 của Thủ tướng Chính phủ;
        """).header
        XCTAssertEqual(h.issuer?.value, "Ủy ban nhân dân tỉnh Kon Tum")
        XCTAssertEqual(h.level, .province)
        XCTAssertEqual(h.place?.value, "Kon Tun", "the place as printed, typo kept")
        XCTAssertEqual(h.date?.value.iso, "2022-05-17")
        XCTAssertEqual(h.title?.value, "TRIỂN KHAI THỰC HIỆN ĐỀ ÁN “TĂNG CƯỜNG ỨNG DỤNG CÔNG NGHỆ THÔNG TIN VÀ CHUYỂN ĐỔI SỐ” TRÊN ĐỊA BÀN TỈNH KON TUM",
                       "a title in capitals ends at the first line in sentence case")
    }

    /// web-hcm-1273 (Sở GDĐT TP HCM): a site's search box, headline and banner above the
    /// letterhead; the parent body above the issuer.
    func test_parentBodyAboveIssuer_bannerAndHeadlinePassedOver() {
        let document = parse("""
        Từ khoá: Số Hiệu, Tiêu đề hoặc Nội dung ngắn gọn của Văn Bản...

        Đang tải văn bản...

        Kế hoạch 1273/KH-SGDĐT 2021 Chương trình Chuyển đổi số của Ngành Giáo dục Hồ Chí Minh

        Số hiệu: 1273/KH-SGDĐT Loại văn bản: Kế hoạch
        Nơi ban hành: Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh Người ký: Lê Hồng Sơn
        Ngày ban hành: 04/05/2021 Ngày hiệu lực: Đã biết

        ỦY BAN NHÂN DÂN
        THÀNH PHỐ HỒ CHÍ MINH
        SỞ GIÁO DỤC VÀ ĐÀO TẠO
        -------

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc

        Số: 1273/KH-SGDĐT

        Thành phố Hồ Chí Minh, ngày 04 tháng 5 năm 2021

        KẾ HOẠCH

        TRIỂN KHAI CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ CỦA NGÀNH GIÁO DỤC VÀ ĐÀO TẠO

        Căn cứ Quyết định số 6179/QĐ-UBND ngày 23 tháng 11 năm 2017 của Ủy ban nhân dân Thành phố;
        """)
        let h = document.header
        XCTAssertEqual(h.issuer?.value, "Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh")
        XCTAssertEqual(h.level, .department)
        XCTAssertEqual(h.number?.value, "1273/KH-SGDĐT")
        XCTAssertEqual(h.date?.value.iso, "2021-05-04")
        XCTAssertEqual(document.citations.map(\.number), ["6179/QĐ-UBND"], "the headline and banner are not the plan's text")
    }

    /// web-ttg-131 and real_03: central bodies, with no place added from "Hà Nội, ngày …".
    func test_centralBodies_areMinistryLevel_withoutPlace() {
        let pm = parse("""
        THỦ TƯỚNG CHÍNH PHỦ
        -------
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        ---------------
        Số: 131/QĐ-TTg Hà Nội, ngày 19 tháng 01 năm 2026
        QUYẾT ĐỊNH
        BAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH NGHỊ QUYẾT SỐ 248/2025/QH15 CỦA
        QUỐC HỘI VỀ MỘT SỐ CƠ CHẾ, CHÍNH SÁCH ĐẶC THÙ
        THỦ TƯỚNG CHÍNH PHỦ
        Căn cứ Luật Tổ chức Chính phủ;
        """).header
        XCTAssertEqual(pm.issuer?.value, "Thủ tướng Chính phủ")
        XCTAssertEqual(pm.level, .ministry)
        XCTAssertEqual(pm.place?.value, "Hà Nội")
        XCTAssertEqual(pm.title?.value, "BAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH NGHỊ QUYẾT SỐ 248/2025/QH15 CỦA QUỐC HỘI VỀ MỘT SỐ CƠ CHẾ, CHÍNH SÁCH ĐẶC THÙ",
                       "a title line that starts with a body's name is still the title")
        let ministry = parse("""
        BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
        Số: 4385/QĐ-BVHTTDL | Hà Nội, ngày 18 tháng 11 năm 2025
        QUYẾT ĐỊNH
        VỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN QUY HOẠCH MẠNG LƯỚI CƠ SỞ VĂN HÓA VÀ THỂ THAO
        BỘ TRƯỞNG BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH
        Căn cứ Luật Quy hoạch ngày 24/11/2017;
        """).header
        XCTAssertEqual(ministry.issuer?.value, "Bộ Văn hóa, Thể thao và Du lịch", "a Bộ the grammar names only by its head")
        XCTAssertEqual(ministry.level, .ministry)
    }

    /// gh-congbot-252: a central steering committee known by its head "Ban" and "quốc gia"; a
    /// symbol whose code ends in digits.
    func test_nationalSteeringCommittee_isCentral_andCodeKeepsItsDigits() {
        let h = parse("""
        BAN CHỈ ĐẠO QUỐC GIA VỀ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
        Số: 252/KH-BCĐQG1237 | Hà Nội, ngày 12 tháng 3 năm 2013
        KẾ HOẠCH
        """).header
        XCTAssertEqual(h.number?.value, "252/KH-BCĐQG1237")
        XCTAssertEqual(h.level, .ministry)
        XCTAssertEqual(h.issuer.map { Folding.matchKey($0.value) }, "ban chỉ đạo quốc gia về tìm kiếm, quy tập hài cốt liệt sĩ")
    }

    /// A letterhead that names the body without its place ("ỦY BAN NHÂN DÂN |", a web copy of
    /// 186/KH-UBND of Bắc Ninh): the place comes from the place-date line, the administrative
    /// word from the body's own sentence.
    func test_letterheadWithoutPlace_completedFromPlaceDateAndBody() {
        let h = parse("""
        | Số hiệu | 186/KH-UBND |
        | Ngày ban hành | 29/12/2025 |
        | Cơ quan ban hành | Tỉnh Bắc Ninh |
        |
        ỦY BAN NHÂN DÂN |
        CỘNG HÒA XÃ HỘI
        CHỦ NGHĨA VIỆT NAM |
        |
        Số: 186/KH-UBND |
        Bắc Ninh, ngày 29 tháng 12 năm 2025 |
        KẾ HOẠCH
        PHÁT TRIỂN CHÍNH QUYỀN SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026-2030
        Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;
        Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển Chính quyền số tỉnh Bắc Ninh giai đoạn 2026-2030, cụ thể như sau:
        I. MỤC ĐÍCH, YÊU CẦU
        """).header
        XCTAssertEqual(h.issuer?.value, "Ủy ban nhân dân tỉnh Bắc Ninh")
        XCTAssertEqual(h.level, .province)
        XCTAssertEqual(h.number?.value, "186/KH-UBND")
        XCTAssertEqual(h.title?.value, "PHÁT TRIỂN CHÍNH QUYỀN SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026-2030")
    }

    /// web-tinhtra: a site's headline (sentence case, citing a document) above the letterhead,
    /// cells ending in " |", a blank number, a title in sentence case wrapped over capitalised lines.
    func test_siteHeadlineAboveLetterhead_isPassedOver() {
        let h = parse("""
        Triển khai thực hiện Nghị quyết số 13-NQ/TU ngày 06/9/2023 Của Ban Thường vụ Tỉnh ủy khóa XX
        ỦY BAN NHÂN DÂN XÃ TỊNH TRÀ |
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc |
        Số: /KH-UBND |
        Tịnh Trà, ngày 26 tháng 4 năm 2024 |
        KẾ HOẠCH
        Triển khai thực hiện Nghị quyết số 13-NQ/TU ngày 06/9/2023
        Của Ban Thường vụ Tỉnh ủy khóa XX về Chuyển đổi số tỉnh Quảng Ngãi
        Đến năm 2025, định hướng đến năm 2030
        ![]() |
        Thực hiện Kế hoạch số 50/KH-UBND ngày 11/3/2024 của UBND huyện Sơn Tịnh; UBND xã Tịnh Trà ban hành Kế hoạch như sau:
        I. MỤC TIÊU
        """).header
        XCTAssertEqual(h.issuer?.value, "Ủy ban nhân dân xã Tịnh Trà")
        XCTAssertEqual(h.level, .commune)
        XCTAssertNil(h.number)
        XCTAssertEqual(h.symbol?.value, "KH-UBND")
        XCTAssertEqual(h.date?.value.iso, "2024-04-26")
        XCTAssertEqual(h.title?.value, "Triển khai thực hiện Nghị quyết số 13-NQ/TU ngày 06/9/2023 Của Ban Thường vụ Tỉnh ủy khóa XX về Chuyển đổi số tỉnh Quảng Ngãi Đến năm 2025, định hướng đến năm 2030")
    }

    /// web-bdvtw-1600: no letterhead at all, only a portal's headline: it gives the number, the
    /// date, the issuer and the title.
    func test_noLetterhead_headlineGivesNumberDateAndIssuer() {
        let h = parse("""
        Thứ Sáu, 7/10/2022
        Kế hoạch số 1600-KH/BDVTW ngày 28/02/2018 của Ban Dân vận Trung ương về Kế hoạch công tác năm 2018

        Căn cứ Quyết định số 78-QĐ/TW, ngày 10/4/2012 của Bộ Chính trị; để thực hiện tốt các nhiệm vụ chính trị được giao, Ban Dân vận Trung ương xây dựng Kế hoạch công tác năm 2018, như sau:

        I - NHIỆM VỤ
        """).header
        XCTAssertEqual(h.number?.value, "1600-KH/BDVTW")
        XCTAssertEqual(h.documentType?.value, "Kế hoạch")
        XCTAssertEqual(h.date?.value.iso, "2018-02-28")
        XCTAssertEqual(h.title?.value, "Công tác năm 2018")
        XCTAssertEqual(h.issuer?.value, "Ban Dân vận Trung ương")
        XCTAssertEqual(h.level, .ministry)
    }

    /// gh-congbot-773: "tháng 0 6", a zero-padded month with a stray space.
    func test_monthWithAStraySpace_isRead() {
        let h = parse("| THỦ TƯỚNG CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n| Số: 773 /QĐ-TTg | Hà Nội, ngày 26 tháng 0 6 năm 2018 |\n\nQUYẾT ĐỊNH\n").header
        XCTAssertEqual(h.date?.value.iso, "2018-06-26")
        XCTAssertEqual(h.number?.value, "773/QĐ-TTg")
    }

    /// real_02's closing: the recipients and the signature block each glued into one cell.
    func test_signatureBlockOnOneLine_isPartedIntoItsLines() {
        let document = parse("""
        Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.
        Nơi nhận: - Bộ Giáo dục và Đào tạo; (báo cáo) - Thường trực Tỉnh uỷ; (báo cáo) - Lưu: VT, THVX (VB). | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Việt Phương
        """)
        XCTAssertEqual(document.closing.signatureLines, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
        XCTAssertEqual(document.closing.signerTitle, "PHÓ CHỦ TỊCH")
        XCTAssertEqual(document.closing.signer, "Hoàng Việt Phương")
        XCTAssertEqual(document.closing.recipients, ["Bộ Giáo dục và Đào tạo; (báo cáo)", "Thường trực Tỉnh uỷ; (báo cáo)", "Lưu: VT, THVX (VB)"])
    }

    /// real_03: the Quyết định's signature glued into a cell, then the plan it carries.
    func test_planAfterAGluedSignature_isReadAsSections() {
        let document = parse("""
        Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Quy hoạch.
        Nơi nhận: - Như Điều 3; - Lưu: VT, KHTC. | KT. BỘ TRƯỞNG THỨ TRƯỞNG Tạ Quang Đông
        KẾ HOẠCH
        THỰC HIỆN QUY HOẠCH MẠNG LƯỚI CƠ SỞ VĂN HÓA VÀ THỂ THAO
        I. MỤC ĐÍCH, YÊU CẦU
        II. NHIỆM VỤ
        """)
        XCTAssertEqual(document.closing.signerTitle, "THỨ TRƯỞNG")
        XCTAssertEqual(document.closing.signer, "Tạ Quang Đông")
        XCTAssertEqual(document.sections.map(\.label.text), ["Điều 1", "I", "II"])
    }

    /// web-thcs-nguyentrungtruc-94 (fresh): a document site's headline "KẾ HOẠCH …" above the
    /// school's letterhead is passed over.
    func test_siteHeadlineAboveTheLetterhead_isNoTypeLine() {
        let h = parse("""
        Tải bản đầy đủ (.doc) (45 trang)

        KẾ HOẠCH CHIẾN LƯỢC PHÁT TRIỂN GIÁO DỤC - TRƯỜNG THCS NGUYỄN TRUNG TRỰC

        PHÒNG GD&ĐT VẠN NINH CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TRƯỜNG THCS NGUYỄN TRUNG TRỰC Độc lập - Tự do - Hạnh phúc

        Số: 94 /KH-NTT Vạn Khánh, ngày 30 tháng 12 năm 2012
        KẾ HOẠCH
        CHIẾN LƯỢC PHÁT TRIỂN GIÁO DỤC
        Trường THCS Nguyễn Trung Trực được thành lập theo Quyết định số 912/QĐ-UBND.
        """).header
        XCTAssertEqual(h.issuer?.value, "Trường THCS Nguyễn Trung Trực")
        XCTAssertEqual(h.level, .school)
        XCTAssertEqual(h.number?.value, "94/KH-NTT")
        XCTAssertEqual(h.date?.value.iso, "2012-12-30")
        XCTAssertEqual(h.title?.value, "CHIẾN LƯỢC PHÁT TRIỂN GIÁO DỤC")
    }

    /// gh-phobang-01 (fresh2) lines 1-3 and 180-192: a Tiểu ban under the Ủy ban above it; the
    /// post printed under the signer's name is not the title they sign with.
    func test_subCommitteeUnderItsCommittee_andThePostUnderTheSignersName() {
        let document = parse("""
        ỦY BAN BẦU CỬ XÃ PHỐ BẢNG

        TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN, KHÁNH TIẾT

        Số: 01/KH-TBTTKT

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

        Độc lập - Tự do - Hạnh phúc

        Phố Bảng, ngày 20 tháng 12 năm 2025

        KẾ HOẠCH

        Triển khai công tác thông tin, tuyên truyền bầu cử

        I. MỤC ĐÍCH, YÊU CẦU

        Tuyên truyền sâu rộng.

        Nơi nhận:

        - Lưu Ban xây dựng Đảng.

        TM. TIỂU BAN

        TRƯỞNG TIỂU BAN

        Nguyễn Văn Hoàn

        TRƯỞNG BAN XÂY DỰNG ĐẢNG
        """)
        XCTAssertEqual(Folding.matchKey(document.header.issuer?.value ?? ""), "tiểu ban thông tin, tuyên truyền, khánh tiết ủy ban bầu cử xã phố bảng")
        XCTAssertEqual(document.header.level, .commune)
        XCTAssertEqual(document.closing.signer, "Nguyễn Văn Hoàn")
        XCTAssertEqual(document.closing.signerTitle, "TRƯỞNG TIỂU BAN")
    }

    /// gh-luongminh (fresh3) lines 205-240: the blank forms of an appendix carry signature
    /// blocks with no name; the plan's signer keeps the title they signed with.
    func test_blankFormsAfterTheSignature_leaveTheSignersTitle() {
        let document = parse("""
        KẾ HOẠCH
        Tổ chức hội nghị hiệp thương

        I. MỤC ĐÍCH

        Tổ chức tốt hội nghị.

        Nơi nhận:
        - Lưu VT.

        TM. BAN THƯỜNG TRỰC

        CHỦ TỊCH

        Nguyễn Thị Hoa

        PHỤ LỤC

        Mẫu số 08/PLYK

        PHIẾU LẤY Ý KIẾN

        TM. BAN THƯỜNG TRỰC

        CHỦ TỊCH HỘI NGHỊ
        """)
        XCTAssertEqual(document.closing.signer, "Nguyễn Thị Hoa")
        XCTAssertEqual(document.closing.signerTitle, "CHỦ TỊCH")
    }
}
