import XCTest
import KehoachGrammar
@testable import KehoachExtract

/// What counts as a target and how each of its fields is read (DESIGN.md section 3).
final class TargetTests: XCTestCase {
    private func targets(_ body: String, title: String = "Chuyển đổi số năm học 2025 - 2026") -> [Target] {
        PlanReader().read(text: "KẾ HOẠCH\n\(title)\n\nII. MỤC TIÊU\n\n\(body)\n").targets
    }

    private func only(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> Target? {
        let found = targets(body)
        XCTAssertEqual(found.count, 1, "targets in: \(body)", file: file, line: line)
        return found.first
    }

    func test_comparatorPhrases() {
        let cases: [(String, KehoachExtract.Comparator)] = [
            ("- 80% trở lên giáo viên có tài khoản VNeID mức 2.", .atLeast),
            ("- Đạt tối thiểu 70% hồ sơ công việc được xử lý trên môi trường điện tử.", .atLeast),
            ("- Sử dụng VNeID trong ít nhất 02 dịch vụ công trực tuyến.", .atLeast),
            ("- Tỷ lệ xác thực thành công đạt từ 98,5% trở lên.", .atLeast),
            ("- Trên 90% viên chức làm chủ được kỹ năng số.", .greater),
            ("- Hơn 60% học sinh được tập huấn.", .greater),
            ("- Tối đa 2 học sinh học chung 1 máy tính ở cấp Tiểu học.", .atMost),
            ("- Không quá 5% hồ sơ trễ hạn.", .atMost),
            ("- Tỷ lệ hài lòng của người dân đạt 90%.", .equal),
            ("- 100% các trường sử dụng chữ ký số.", .equal),
        ]
        for (text, comparator) in cases {
            XCTAssertEqual(only(text)?.comparator, comparator, text)
        }
    }

    func test_decimalComma() {
        XCTAssertEqual(only("- Tỷ lệ xác thực thành công đạt từ 98,5% trở lên.")?.value, 98.5)
        XCTAssertEqual(only("- Tỷ lệ hồ sơ đạt 99.5 %.")?.value, 99.5)
    }

    /// Cut from 002: "tối thiểu 15%, phần đầu đạt tới 50%" is two targets, only the second aspirational.
    func test_twoTargetsInOneSentence_andTheMisspeltPhanDau() {
        let found = targets("- Tỷ lệ học liệu trong chương trình giáo dục phổ thông được số hóa đạt tối thiểu 15%, phần đầu đạt tới 50%.")
        XCTAssertEqual(found.map(\.value), [15, 50])
        XCTAssertEqual(found.map(\.comparator), [.atLeast, .equal])
        XCTAssertEqual(found.map(\.aspirational), [false, true])
        XCTAssertEqual(Set(found.compactMap(\.indicator)), ["digital-learning-materials"])
    }

    /// Cut from 000: "Phần đầu" covers its own clause only.
    func test_aspirational_endsAtTheClause() {
        let found = targets("4. Phần đầu 80% trở lên cán bộ quản lý, giáo viên, học sinh có tài khoản VNeID mức 2; sử dụng VneID trong ít nhất 02 dịch vụ công trực tuyến của ngành.")
        XCTAssertEqual(found.map(\.value), [80, 2])
        XCTAssertEqual(found.map(\.aspirational), [true, false])
        XCTAssertEqual(found.map(\.indicator), ["vneid-level2", "online-public-service"])
        XCTAssertEqual(found.map(\.unit), ["%", "dịch vụ"])
    }

    func test_twoPercentagesForTwoPopulations() {
        let found = targets("7. 75% các trường tiểu học công lập đánh giá mức độ chuyển đổi số đạt mức 2 trở lên; 70% các trường mầm non công lập đánh giá mức độ chuyển đổi số đạt mức 2 trở lên.")
        XCTAssertEqual(found.map(\.value), [75, 70], "'mức 2 trở lên' is the threshold of each percentage, not a target")
        XCTAssertEqual(found.map(\.comparator), [.equal, .equal])
        XCTAssertEqual(found.map(\.population), ["các trường tiểu học công lập", "các trường mầm non công lập"])
    }

    func test_levelAndRatioTargets() {
        let found = targets("- Mua sắm máy tính để dạy môn Tin học, tối thiểu đáp ứng mức độ cơ bản (mức độ 2 theo Quyết định 4725/QĐ-BGDĐT: Tối đa 2 học sinh học chung 1 máy tính ở cấp Tiểu học; mỗi học sinh 01 máy tính ở cấp học THPT).")
        XCTAssertEqual(found.map(\.value), [2, 2, 1])
        XCTAssertEqual(found.map(\.unit), ["mức", "học sinh/máy", "học sinh/máy"])
        XCTAssertEqual(found.map(\.comparator), [.atLeast, .atMost, .equal])
        XCTAssertEqual(Set(found.compactMap(\.indicator)), ["computers-per-student"])
    }

    func test_indicator_isWhatTheNumberMeasures_notTheSentenceTopic() {
        XCTAssertEqual(only("1. 100% các trường sử dụng hệ thống điều hành văn bản điện tử thống nhất và chữ ký số chuyên dùng.")?.indicator, "e-office")
        XCTAssertEqual(only("b) Tiếp tục rà soát cung cấp chữ ký số cá nhân cho 100% cán bộ, giáo viên phục vụ quản lý hồ sơ chuyên môn.")?.indicator, "digital-signature")
        XCTAssertEqual(only("- Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công: Đạt 83%.")?.indicator, "online-fee-payment")
    }

    func test_studentsOnly_turnTrainingIntoStudentCompetence() {
        let found = targets("- 100% đội ngũ nhà giáo và tối thiểu 65% học sinh được tập huấn kỹ năng cơ bản về dạy – học trên nền tảng số.")
        XCTAssertEqual(found.map(\.indicator), ["digital-skills-training", "student-digital-competence"])
    }

    func test_staffingCounts_areTargets() {
        let found = targets("- Phân công 01 lãnh đạo và 01 chuyên viên làm đầu mối phụ trách chuyển đổi số.")
        XCTAssertEqual(found.map(\.unit), ["lãnh đạo", "chuyên viên"])
        XCTAssertEqual(Set(found.compactMap(\.indicator)), ["dx-focal-staff"])
    }

    func test_aCountAfterCho_isATarget() {
        let found = targets("1. Sở GDĐT tổ chức 02 lớp tập huấn về AI cho 500 giáo viên cốt cán.")
        XCTAssertEqual(found.map(\.value), [2, 500])
        XCTAssertEqual(found.map(\.unit), ["lớp tập huấn", "giáo viên"])
        XCTAssertEqual(Set(found.compactMap(\.indicator)), ["ai-training"])
    }

    func test_aLongLetteredObjective_isNoYearHeading() {
        let plan = PlanReader().read(text: "KẾ HOẠCH\nChuyển đổi số năm 2026\n\nI. MỤC TIÊU\ne) Đến hết năm 2026: 90% học sinh tiểu học được học tiếng Anh trực tuyến trên hệ thống của Bộ.\n")
        XCTAssertEqual(plan.targets.map(\.year), [2026])
        XCTAssertEqual(plan.deadlines.count, 0, "the plan's own year is its scope, not a deadline")
    }

    func test_numbersThatAreNames_datesOrCodes_areNotTargets() {
        let body = """
        - Triển khai Đề án 06 và mô hình 21 theo Nghị quyết số 57, Thông tư số 02/2025/TT-BGDĐT ngày 24/01/2025.
        - Hoàn thiện thông tin học sinh lớp 1, lớp 6 và lớp 10; báo cáo định kỳ 06 tháng.
        - Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10; Mô hình số 32 của Đề án 06; mạng 5G.
        - Thực hiện phổ cập tài khoản định danh điện tử VNeID mức độ 2 cho đội ngũ.
        """
        XCTAssertEqual(targets(body).map(\.value), [])
    }

    func test_year_fromTheSubsection_thenTheAnnualPlan() {
        let text = """
        KẾ HOẠCH
        Chuyển đổi số năm 2025

        II. MỤC TIÊU
        1. Mục tiêu cụ thể năm 2025
        - 100% cán bộ có chữ ký số.
        2. Mục tiêu đến năm 2030
        - 100% học sinh có học bạ số.
        III. NHIỆM VỤ
        - Bảo đảm 100% cơ sở giáo dục có đường Internet cáp quang băng rộng.
        """
        let plan = PlanReader().read(text: text)
        XCTAssertEqual(plan.targets.map(\.year), [2025, 2030, 2025])
        XCTAssertTrue(plan.deadlines.contains { $0.date == "2025" && $0.kind == .during })
        XCTAssertTrue(plan.deadlines.contains { $0.date == "2030" && $0.kind == .before })
    }

    func test_schoolYearPlan_leavesTheYearEmpty() {
        XCTAssertNil(only("- 100% học sinh được cấp phát và sử dụng Học bạ số.")?.year)
    }

    func test_targetKeepsItsLine_inAParagraphRejoinedAfterAPageBreak() {
        let plan = PlanReader().read(text: "II. MỤC TIÊU\n\n- Đẩy mạnh chuyển đổi số trong nhà trường, bảo đảm an toàn\n\nmôi trường học tập; 100% học sinh có học bạ số.\n")
        XCTAssertEqual(plan.targets.first?.line, 5)
        XCTAssertEqual(plan.targets.first?.section, ["II"])
    }
}

/// Target forms of real plans outside digital transformation (real_03, real_08, gh-congbot-773).
final class RealTargetFormTests: XCTestCase {
    private func targets(_ body: String) -> [Target] {
        PlanReader().read(text: "KẾ HOẠCH\nVề bình đẳng giới\n\nII. MỤC TIÊU\n\n\(body)\n").targets
    }

    func test_anEstimate_isNoTarget() {
        XCTAssertEqual(targets("- Trong đó, tỷ lệ vốn ngân sách nhà nước dự kiến: 85%-90% tổng vốn đầu tư.").count, 0)
        XCTAssertEqual(targets("- Tỷ lệ hộ nghèo ước đạt 3%.").count, 0)
    }

    func test_aBaselineBeforeXuong_isNoTarget_andACountPerUnitKeepsItsUnit() {
        let found = targets("- Tỷ suất sinh ở trẻ vị thành niên giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh/1.000 phụ nữ vào năm 2025.")
        XCTAssertEqual(found.map(\.value), [18])
        XCTAssertEqual(found.first?.unit, "ca sinh/1.000 phụ nữ")
    }

    /// The 98% after ";" is under the lettered heading "e) Đến năm 2020, …", which scopes it.
    func test_eachYearOfAList_givesItsTargetsYear() {
        let found = targets("e) Đến năm 2020, phấn đấu đạt 100% gia đình người có công có mức sống trung bình, năm 2018 đạt 99%, năm 2019 đạt 99,5%; 98% xã phường làm tốt công tác.")
        XCTAssertEqual(found.map { "\($0.value) \($0.year.map(String.init) ?? "-")" }, ["100.0 2020", "99.0 2018", "99.5 2019", "98.0 2020"])
    }

    func test_aTargetNoTermNames_isOther() {
        XCTAssertEqual(targets("- Tỷ lệ nữ đại biểu Hội đồng nhân dân đạt 35%.").first?.indicator, "other")
    }
}

/// Counts and rates of gh-nghean-987 (heldout, read after its first score) and gh-cantho-165 (dev3).
final class CountFormTests: XCTestCase {
    private func targets(_ body: String) -> [Target] {
        PlanReader().read(text: "KẾ HOẠCH\nPhát triển hạ tầng số năm 2026\n\nII. MỤC TIÊU\n\n\(body)\n").targets
    }

    func test_aCountAfterItsLabelsColon_isATarget() {
        XCTAssertEqual(targets("- VNPT: 25 trạm BTS.").map { "\($0.value) \($0.unit)" }, ["25.0 trạm BTS"])
    }

    func test_aBoundedCount_ofANounTheGrammarLacks_takesThatNoun() {
        XCTAssertEqual(targets("- Phấn đấu có ít nhất 02 làng nghề đạt chuẩn.").map(\.unit), ["làng nghề"])
        XCTAssertEqual(targets("- Hỗ trợ tối thiểu 100 hộ kinh doanh chuyển đổi số.").map(\.comparator), [.atLeast])
    }

    func test_aBoundedCount_besideAPercentage_orInAQuotedTitle_isNoTarget() {
        XCTAssertEqual(targets("- 70% phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh bẩm sinh.").map(\.value), [70])
        XCTAssertEqual(targets("- Thực hiện Đề án “Đầu tư xây dựng ít nhất 01 triệu căn hộ nhà ở xã hội”.").count, 0)
    }

    func test_anAge_isNoCount() {
        XCTAssertEqual(targets("- Tỷ lệ trẻ em dưới 15 tuổi đạt khoảng 22%.").map(\.value), [22])
    }

    func test_whatIsNow_orWhatWouldBe_isNoTarget() {
        XCTAssertEqual(targets("- Hiện nay, tổng số trạm BTS trên địa bàn là 87 trạm.").count, 0)
        XCTAssertEqual(targets("- Nếu có từ 02 địa phương trở lên bằng điểm nhau thì xét theo thứ tự.").count, 0)
    }

    func test_aRatePerOneOfSomething_keepsItsUnit() {
        let found = targets("- Phấn đấu tổng tỷ suất sinh đạt 2,1 con/phụ nữ.")
        XCTAssertEqual(found.map { "\($0.value) \($0.unit)" }, ["2.1 con/phụ nữ"])
        XCTAssertEqual(found.first?.aspirational, true)
    }
}

/// The year and the standing of a target from where it stands (gh-nghean-987, web-bentre-2889,
/// gh-bacninh-141).
final class TargetContextTests: XCTestCase {
    private func read(_ body: String, title: String) -> Plan {
        PlanReader().read(text: "KẾ HOẠCH\n\(title)\n\n\(body)\n")
    }

    func test_aSectionOnWhatIsNow_setsNoTargets() {
        let plan = read("I. THỰC TRẠNG\nToàn tỉnh có 183 trường đạt chuẩn, 95% trường có kết nối Internet.\nII. MỤC TIÊU\n- 100% trường có kết nối Internet.",
                        title: "Chuyển đổi số năm 2025")
        XCTAssertEqual(plan.targets.map(\.value), [100])
    }

    func test_aTargetWithNoYear_isForTheEndOfThePlansPeriod_notItsVision() {
        let plan = read("II. MỤC TIÊU\n- 100% khu công nghiệp có sóng 5G.", title: "Phát triển sóng 5G giai đoạn 2026 - 2030, tầm nhìn đến năm 2045")
        XCTAssertEqual(plan.targets.map(\.year), [2030])
    }
}

/// Counts that describe what funds buy, and measures in hectares, megawatts and Gbps (dev
/// gh-congbot-518, fresh gh-dongthap-556).
final class AllocationAndMeasureTests: XCTestCase {
    private func targets(_ body: String) -> [String] {
        PlanReader().read(text: "KẾ HOẠCH\nPhát triển kinh tế biển năm 2026\n\n\(body)\n").targets.map { "\($0.value) \($0.unit)" }
    }

    /// gh-congbot-518 lines 50-96: a table of capital per project; "02 phòng học" is what is built.
    func test_rowsOfACapitalAllocationTable_setNoTargets() {
        XCTAssertEqual(targets("""
        I. DANH MỤC
        | STT | Danh mục dự án/ Cơ quan, đơn vị, địa phương thực hiện | Kế hoạch vốn năm 2023 | Ghi chú |
        |---|---|---|---|
        | 1 | Trường MN Tây Xuân, Hạng mục: 04 phòng học, 03 phòng bộ môn, chức năng | 2.800 |  |
        | 2 | Trường THCS An Hòa: Xây dựng 04 phòng học, 04 phòng bộ môn | 1.000 |  |
        """), [])
    }

    /// The same counts in a task table with a unit column are the task's targets.
    func test_theSameCountsInATaskTable_areTargets() {
        XCTAssertEqual(targets("""
        I. NHIỆM VỤ
        | STT | Nhiệm vụ | Đơn vị chủ trì | Kinh phí |
        |---|---|---|---|
        | 1 | Xây dựng 04 phòng học | Ủy ban nhân dân xã | 2.800 |
        """), ["4.0 phòng học"])
    }

    /// gh-dongthap-556 lines 255 and 548.
    func test_areaAndPowerMeasures_areUnits() {
        XCTAssertEqual(targets("""
        I. MỤC TIÊU
        - Phấn đấu đến năm 2030 diện tích rừng ngập mặn ven biển của tỉnh đạt 1.700 ha.
        - Phát triển khu vực điện gió với công suất đạt 100 MW.
        """), ["1700.0 ha", "100.0 MW"])
    }

    /// gh-bacninh-144 (fresh3) lines 96-101: a heading among the objectives names the year its
    /// targets are due.
    func test_aHeadingAmongObjectives_givesItsYearToTheTargetsUnderIt() {
        let plan = PlanReader().read(text: """
        KẾ HOẠCH
        Phát triển kinh tế số, xã hội số tỉnh Bắc Ninh giai đoạn 2026 - 2030

        II. MỤC TIÊU

        1. Phát triển
        kinh tế số đến năm 2030

        - Kinh tế số chiếm 45% GRDP tỉnh.
        - Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định đạt 100%.
        """)
        XCTAssertEqual(plan.targets.map(\.year), [2030, 2030])
        XCTAssertEqual(plan.targets.last?.indicator, "fiber-internet")
    }

    /// md-cantho-157 (dev2) lines 444-470: a scoring grid's criteria earn points; no targets.
    func test_criteriaOfAScoringGrid_areNoTargets() {
        XCTAssertEqual(targets("""
        PHỤ LỤC
        TIÊU CHÍ THI ĐUA
        STT\tTIÊU CHÍ THI ĐUA\tĐIỂM CHUẨN
        1\tĐơn vị đạt tỷ lệ 100% người hưởng trợ cấp mở tài khoản ngân hàng\t5
        2\tĐơn vị có tỷ lệ người nhận tiền qua tài khoản đạt trên 88%\t10
        """), [])
    }

    /// web-thcs-hiepluc-08 (dev2) lines 43-49: "Đặc điểm tình hình" tells what is now.
    func test_numbersUnderTheSchoolsCharacteristics_areNoTargets() {
        XCTAssertEqual(targets("""
        2. Đặc điểm tình hình nhà trường
        - Sỹ số toàn trường có 394 em, 163 nữ chiếm tỉ lệ 41,5%.
        """), [])
    }
}
