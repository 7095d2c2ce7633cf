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

/// Deadline forms of real plans the shipped ones lack (real_10, gh-congbot-252, -773, gh-day7-199).
final class RealDeadlineFormTests: XCTestCase {
    private func pairs(_ body: String, title: String = "Chuyển đổi số năm học 2025 - 2026") -> [String] {
        PlanReader().read(text: "KẾ HOẠCH\n\(title)\n\nII. NHIỆM VỤ\n\n\(body)\n").deadlines.map { "\($0.kind.rawValue) \($0.date ?? "-")" }
    }

    func test_fromOneTimeToAnother_isOneInterval() {
        XCTAssertEqual(pairs("- Thời gian thực hiện: Từ tháng 12/2025 đến quý I/2026."), ["during 2025-12/2026-03"])
        XCTAssertEqual(pairs("- Thời gian hoàn thành: tháng 11/2025 đến tháng 4/2026;"), ["during 2025-11/2026-04"])
        XCTAssertEqual(pairs("- Tổ chức đợt cao điểm (từ ngày 15/11 đến ngày 15/12)."), ["during --11-15/--12-15"])
        XCTAssertEqual(pairs("- Thời gian: Từ năm 2013 đến năm 2020 và tiếp theo."), ["during 2013/2020"])
    }

    func test_monthListWithASpace() {
        XCTAssertEqual(pairs("- Thời gian thực hiện: Tháng 11, 12/2013."), ["during 2013-11/2013-12"])
    }

    func test_yearOpeningAPartOfAList_isDuringThatYear() {
        XCTAssertEqual(pairs("- Đến năm 2020, đạt 100% gia đình có mức sống trung bình, năm 2018 đạt 99%, năm 2019 đạt 99,5%.",
                             title: "Tổ chức thực hiện Chỉ thị"), ["before 2020", "during 2018", "during 2019"])
        XCTAssertEqual(pairs("- Năm 2018: Hoàn thành rà soát hồ sơ.", title: "Tổ chức thực hiện Chỉ thị"), ["during 2018"])
    }

    func test_periodOfATask_isADeadline_butAProgrammesPeriodIsNot() {
        XCTAssertEqual(pairs("- Triển khai các mô hình trong giai đoạn 2026-2030."), ["during 2026/2030"])
        XCTAssertEqual(pairs("- Thực hiện Đề án chuyển đổi số giai đoạn 2022-2025, tầm nhìn đến năm 2030."), [])
    }

    func test_yearInTheTitleOfACitedDocument_isNoDeadline() {
        XCTAssertEqual(pairs("- Quán triệt Nghị quyết số 09-NQ/TU của Ban Thường vụ Tỉnh ủy về phòng, chống ma túy đến năm 2030."), [])
    }

    /// gh-dongnai-182 (fresh): in a plan to 2030, "đến hết năm 2030" is when its target is due.
    func test_theHorizonOfAPlanForYears_isADeadline_butAnAnnualPlansYearIsNot() {
        XCTAssertEqual(pairs("- Bảo đảm đến hết năm 2030, có ít nhất 50% xã không ma túy.", title: "Phòng, chống ma túy đến năm 2030"), ["before 2030"])
        XCTAssertEqual(pairs("- Hoàn thành trong năm 2025.", title: "Chuyển đổi số năm 2025"), [])
    }

    func test_monthRecurringEveryYear_keepsItsMonth() {
        XCTAssertEqual(pairs("- Tổ chức Ngày hội vào tháng 10 hằng năm."), ["recurring --10"])
    }
}

/// Time fields and years beside a task (md-chinhphu-2623, md-hcm-2820).
final class TaskTimeFieldTests: XCTestCase {
    private func pairs(_ body: String) -> [String] {
        PlanReader().read(text: "KẾ HOẠCH\nTriển khai Luật Dữ liệu\n\nII. NHIỆM VỤ\n\n\(body)\n").deadlines.map { "\($0.line) \($0.kind.rawValue) \($0.date ?? "-")" }
    }

    func test_timeFieldOfATaskList_isReadLikeATimeCell() {
        XCTAssertEqual(pairs("- Thời gian thực hiện: năm 2025 và các năm tiếp theo."), ["6 during 2025"])
        XCTAssertEqual(pairs("- Thời gian hoàn thành: Thường xuyên."), ["6 recurring -"])
    }

    func test_yearsInParenthesesAfterATask() {
        XCTAssertEqual(pairs("a) Ban hành quy chế (2025 - 2026).\nb) Vận hành hệ thống (2026 trở đi).\nc) Duy trì (xuyên suốt 2025 - 2035)."),
                       ["6 during 2025/2026", "7 during 2026", "8 during 2025/2035"])
    }

    func test_aTimeField_namesThePlansOwnYearToo() {
        let plan = PlanReader().read(text: "KẾ HOẠCH\nTriển khai Luật Dữ liệu năm 2025\n\nII. NHIỆM VỤ\n\n- Rà soát cơ sở dữ liệu.\n- Thời gian thực hiện: năm 2025.\n")
        XCTAssertEqual(plan.deadlines.map { "\($0.kind.rawValue) \($0.date ?? "-")" }, ["during 2025"])
    }

    func test_aPeriodHeading_isTheTimeOfItsObjectives_andTheirYearIsItsEnd() {
        let plan = PlanReader().read(text: "KẾ HOẠCH\nPhát triển giáo dục\n\nII. MỤC TIÊU\n\n1. Giai đoạn 2026 - 2030\n- 100% trường học có kết nối Internet.\n")
        XCTAssertEqual(plan.deadlines.map { "\($0.line) \($0.kind.rawValue) \($0.date ?? "-")" }, ["6 during 2026/2030"])
        XCTAssertEqual(plan.targets.map(\.year), [2030])
    }

    func test_aDeadlineWrappedOverTwoLines_isOnTheLineOfItsDate() {
        XCTAssertEqual(pairs("- Các bộ hoàn thành việc rà soát trước\nngày 01 tháng 01 năm 2026."), ["7 before 2026-01-01"])
    }
}

final class NoteColumnTests: XCTestCase {
    /// md-cantho-157: the grading guide of a scoring table sets no targets.
    func test_aScoringGuideColumn_setsNoTargets() {
        let plan = PlanReader().read(text: """
        PHỤ LỤC
        THANG ĐIỂM THI ĐUA
        STT\tTIÊU CHÍ THI ĐUA\tĐIỂM CHUẨN\tHƯỚNG DẪN CHẤM ĐIỂM
        1\tTỷ lệ người hưởng trợ cấp được tuyên truyền\t20\tĐơn vị đạt tỷ lệ 100% cộng 05 điểm
        2\tTỷ lệ người hưởng trợ cấp mở tài khoản\t20\tĐạt 100% cộng 05 điểm
        """)
        XCTAssertEqual(plan.targets.count, 0)
    }
}

/// gh-dongthap-617, gh-quangngai-1627, gh-cantho-165, gh-congbot-252 (unseen when these rules were written).
final class MoreRealFormTests: XCTestCase {
    private func read(_ body: String, title: String = "Thực hiện nhiệm vụ") -> Plan {
        PlanReader().read(text: "KẾ HOẠCH\n\(title)\n\nII. NHIỆM VỤ\n\n\(body)\n")
    }

    func test_quarterInTheOlderSpelling_andMonthsWithSpacedDash() {
        XCTAssertEqual(read("- Thời gian hoàn thành: Quí IV-2025.\n- Thời gian thực hiện: Tháng 11 - 12/2025.").deadlines.map { $0.date ?? "-" },
                       ["2025-10/2025-12", "2025-11/2025-12"])
    }

    func test_theSignOfAtLeast_isAComparator() {
        XCTAssertEqual(read("a) Đến hết năm 2025: Có ≥ 30% doanh nghiệp nhỏ và vừa ứng dụng công nghệ số.").targets.first?.comparator, .atLeast)
    }

    func test_aDateInTheTitle_isNotThePlansYear() {
        let plan = read("1. 100% trạm y tế thực hiện tư vấn.", title: "THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ")
        XCTAssertNil(plan.metadata.year)
        XCTAssertNil(plan.targets.first?.year)
    }

    func test_footnotesAfterTheSignature_areReadForCitations() {
        let plan = PlanReader().read(text: """
        I. MỤC TIÊU
        Nơi nhận:
        - Lưu: VT.
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
        Nguyễn Thị Ngọc Điệp
        [1]
        Chương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy Cần Thơ thực hiện Nghị quyết số 21-NQ/TW;
        """)
        XCTAssertEqual(plan.citations.map(\.number), ["30-CTr/TU", "21-NQ/TW"])
        XCTAssertEqual(plan.metadata.signer, "Nguyễn Thị Ngọc Điệp")
    }

    func test_unitHeadingsOfATaskList_withARoleRemark() {
        let plan = read("1. Nhiệm vụ của các cơ quan\n1.1. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo\n- Tuyên truyền, phổ biến.\n1.2. Chính quyền số, kinh tế số\n- Triển khai.")
        XCTAssertEqual(plan.responsibilities.map(\.unit), ["Sở Tài chính"])
    }
}

/// Years that name a programme or sit in a quoted title, and ranges with a time of day, from the
/// evaluation set.
final class DeadlineNameAndRangeTests: XCTestCase {
    private func pairs(_ body: String) -> [String] {
        PlanReader().read(text: "KẾ HOẠCH\nPhòng, chống ma túy năm 2026\n\nII. NHIỆM VỤ\n\n\(body)\n").deadlines.map { "\($0.kind.rawValue) \($0.date ?? "-")" }
    }

    /// gh-hcm-2853 (fresh2) line 84: the horizon inside a quoted title.
    func test_yearInsideAQuotedTitle_isNoDeadline() {
        XCTAssertEqual(pairs("- Triển khai Đề án “Nâng cao nhận thức cộng đồng và Quản lý rủi ro thiên tai dựa vào cộng đồng, đến năm 2030” trên địa bàn Thành phố."), [])
    }

    /// gh-dongnai-182 (fresh) line 219, gh-hanoi-310 (heldout) line 291: a programme named with its
    /// horizon; a goal due that year is still a deadline (gh-nghean-987 line 46).
    func test_programmeNamedWithItsHorizon_isNoDeadline_butAGoalDueThenIs() {
        XCTAssertEqual(pairs("- Triển khai có hiệu quả Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 phù hợp với tình hình."), [])
        XCTAssertEqual(pairs("- Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị, mục tiêu tỷ lệ phủ sóng mạng 5G tại các khu công nghiệp đến năm 2030 đạt 100%."),
                       ["before 2030"])
    }

    /// gh-baccamranh (fresh2) lines 121 and 209: a time of day before the range's end.
    func test_rangeEndingAtATimeOfDay_isOneInterval() {
        XCTAssertEqual(pairs("* Thời gian thực hiện: Trong khoảng thời gian từ ngày 17/12/2025 đến 17 giờ 00, ngày 01/02/2026."),
                       ["during 2025-12-17/2026-02-01"])
        XCTAssertEqual(pairs("- Công tác vận động bầu cử: từ ngày 26/02/2026 đến 05 giờ 00 ngày 14/3/2026."), ["during 2026-02-26/2026-03-14"])
    }
}
