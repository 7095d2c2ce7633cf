import XCTest
@testable import KehoachExtract

/// Every deadline form in the extraction issue, normalised to a date or interval and a kind.
final class DeadlineTests: XCTestCase {
    private func deadlines(_ body: String) -> [Deadline] {
        PlanReader().read(text: "KẾ HOẠCH\nChuyển đổi số năm học 2025 - 2026\n\nV. TỔ CHỨC THỰC HIỆN\n\n\(body)\n").deadlines
    }

    private func pairs(_ body: String) -> [String] {
        deadlines(body).map { "\($0.kind.rawValue) \($0.date ?? "-")" }
    }

    func test_beforeADate() {
        XCTAssertEqual(pairs("- Báo cáo về Sở Giáo dục và Đào tạo trước ngày 25/5/2026."), ["before 2026-05-25"])
        XCTAssertEqual(pairs("- Gửi báo cáo: học kỳ I trước ngày 25/12/2025, tổng kết năm học trước ngày 25/5/2026."),
                       ["before 2025-12-25", "before 2026-05-25"])
    }

    func test_monthsAndMonthRanges() {
        XCTAssertEqual(pairs("- Gửi báo cáo về Phòng GDĐT (tháng 1-2/2025)."), ["during 2025-01/2025-02"])
        XCTAssertEqual(pairs("- Hoàn thành trong tháng 9/2025."), ["during 2025-09"])
    }

    func test_recurrences_withAndWithoutTheirDay() {
        XCTAssertEqual(pairs("- Hưởng ứng Ngày Chuyển đổi số Quốc gia vào ngày 10/10 hằng năm."), ["recurring --10-10"])
        XCTAssertEqual(pairs("- Định kỳ hằng quý (trước ngày 15 tháng cuối quý), và hằng năm (trước ngày 05/12) báo cáo kết quả."),
                       ["recurring -", "recurring --12-05"])
        XCTAssertEqual(pairs("- Lồng ghép vào kế hoạch kiểm tra hàng năm."), ["recurring -"])
        XCTAssertEqual(pairs("- Báo cáo định kỳ hàng tuần, tháng, quý, 06 tháng, năm."), ["recurring -"], "five report cycles, one recurrence")
    }

    func test_quartersAndDateRanges() {
        XCTAssertEqual(pairs("- Rà soát hạ tầng trong quý I/2025."), ["during 2025-01/2025-03"])
        XCTAssertEqual(pairs("- Hoàn thành trong Quý 3 năm 2026."), ["during 2026-07/2026-09"])
        XCTAssertEqual(pairs("- Tổ chức Ngày hội từ ngày 10/10/2025 đến ngày 15/10/2025."), ["during 2025-10-10/2025-10-15"])
    }

    func test_onADay() {
        XCTAssertEqual(pairs("- Tiếp tục triển khai các hoạt động vào ngày 10 tháng 10."), ["on --10-10"])
    }

    func test_yearRanges_andYearsAfterDueWords() {
        XCTAssertEqual(pairs("- Triển khai mô hình trường học số đến năm 2030."), ["before 2030"])
        XCTAssertEqual(pairs("- Thực hiện trong năm 2027."), ["during 2027"])
    }

    func test_notDeadlines() {
        let body = """
        - Thực hiện Quyết định số 131/QĐ-TTg ngày 25/01/2022 của Thủ tướng Chính phủ.
        - Khai thác phần mềm hàng ngày; thực hiện thường xuyên, định kỳ.
        - Tổng kết năm học 2025-2026; Đề án giai đoạn 2022 - 2025, định hướng đến năm 2030.
        """
        XCTAssertEqual(pairs(body), [])
    }

    /// Cut from 004's appendix: every cell of the time column is a deadline.
    func test_tableTimeColumn() {
        let header = "STT\tDanh mục\tChủ trì\tPhối hợp\tThời gian hoàn thành"
        let found = deadlines("""
        \(header)
        1\tTổ chức bồi dưỡng\tSở GDĐT\tPhòng GDĐT\tNhiệm vụ thường xuyên
        2\tThí điểm mô hình\tSở GDĐT\tPhòng GDĐT\t2025
        3\tBáo cáo đánh giá\tSở GDĐT\tPhòng GDĐT\t6/2025
        4\tNgày Chuyển đổi số quốc gia (10/10/2025)\tSở GDĐT\tPhòng GDĐT\tNăm 2025 - 2030
        """)
        XCTAssertEqual(found.map { "\($0.line) \($0.kind.rawValue) \($0.date ?? "-")" },
                       ["7 recurring -", "8 during 2025", "9 during 2025-06", "10 on 2025-10-10", "10 during 2025/2030"])
    }
}
