import XCTest
@testable import KehoachExtract

final class ResponsibilityTests: XCTestCase {
    private func units(_ body: String) -> [String] {
        PlanReader().read(text: body).responsibilities.map { "\($0.role.rawValue) \($0.unit)" }
    }

    /// Cut from 000: unit headings under TỔ CHỨC THỰC HIỆN, names normalised.
    func test_unitHeadingsUnderImplementation() {
        let found = units("""
        V. TỔ CHỨC THỰC HIỆN
        1. Phòng Văn hoá - Xã hội
        - Là cơ quan thường trực, tham mưu Ủy ban nhân dân phường.
        2. Phòng Kinh tế, Hạ tầng và Đô thị phường
        Tham mưu bố trí nguồn kinh phí.
        3. Các cơ sở giáo dục trên địa bàn phường
        - Phân công lực lượng phụ trách.
        """)
        // spelling variants merge into one canonical name ("hoá" = "hóa")
        XCTAssertEqual(found, ["lead Phòng Văn hóa - Xã hội", "lead Phòng Kinh tế, Hạ tầng và Đô thị", "lead Các cơ sở giáo dục"])
    }

    /// Cut from 002: a duty sentence; the closing request assigns nothing.
    func test_dutySentence_andRequestsAssignNothing() {
        let found = units("""
        V. TỔ CHỨC THỰC HIỆN
        - Xây dựng kế hoạch. Hiệu trưởng chịu trách nhiệm về tính hiệu quả, khả thi.
        Sở GDĐT yêu cầu các phòng thuộc Sở nghiêm túc triển khai. Đề nghị UBND các xã, phường chỉ đạo các cơ sở giáo dục.
        """)
        XCTAssertEqual(found, ["lead Hiệu trưởng"])
    }

    /// Cut from 004: Chủ trì is lead, Phối hợp support; abbreviations expanded; lead wins.
    func test_tableColumns_leadAndSupport() {
        let found = units("""
        PHỤ LỤC
        DANH MỤC
        STT\tDanh mục\tChủ trì\tPhối hợp\tThời gian hoàn thành
        1\tTổ chức bồi dưỡng\tSở GDĐT\tPhòng GDĐT, các cơ sở giáo dục\t2025
        2\tĐầu tư thư viện số\tUBND thành phố\tPhòng GD&ĐT, các cơ sở giáo dục\t2025
        3\tSố hóa dữ liệu\tSở GD&ĐT\tPhòng GD&ĐT, các cơ sở giáo dục\t2025
        """)
        XCTAssertEqual(found, ["lead Sở Giáo dục và Đào tạo", "support Phòng Giáo dục và Đào tạo", "support Các cơ sở giáo dục",
                               "lead Ủy ban nhân dân thành phố"])
    }

    func test_aTaskHeadingStartingWithPhanCong_isNoDutiesSection() {
        XCTAssertEqual(units("III. GIẢI PHÁP\n2. Phân công lực lượng phụ trách công nghệ thông tin\n- Đối với bộ phận phụ trách giáo dục: Phân công 01 lãnh đạo.\n"), [])
    }
}
