import XCTest
import KehoachCompare
import KehoachExtract

/// Each status on small plans built target by target.
final class AlignmentTests: XCTestCase {
    private func parentPlan() -> Plan {
        var p = TestPlans.plan(number: "10/KH-SGDĐT", level: "department", issuer: "Sở Giáo dục và Đào tạo Hải Phòng", period: "2025-2026")
        p.targets = [
            TestPlans.target(100, indicator: "digital-signature", population: "cán bộ, giáo viên", year: 2025, line: 20),
            TestPlans.target(80, .atLeast, indicator: "vneid-level2", population: "cán bộ quản lý, giáo viên, học sinh", line: 21),
            TestPlans.target(100, indicator: "digital-transcript", population: "các trường", line: 22),
            TestPlans.target(100, indicator: "sso", population: "cán bộ quản lý, giáo viên", line: 23),
            TestPlans.target(2, .atMost, "học sinh/máy", indicator: "computers-per-student", line: 24),
            TestPlans.target(100, indicator: "official-email", population: "cán bộ quản lý, giáo viên", line: 25),
            TestPlans.target(70, .atLeast, indicator: "teacher-digital-competence", population: "giáo viên", line: 26),
            TestPlans.target(95, .atLeast, indicator: "online-public-service", population: "thủ tục hành chính", year: 2025, line: 27),
            TestPlans.target(3, indicator: nil, line: 28),
        ]
        p.deadlines = [
            TestPlans.deadline("2025-05-25", task: "Công bố mức độ chuyển đổi số của các đơn vị, gửi báo cáo về Sở", line: 40),
            TestPlans.deadline(nil, kind: .recurring, task: "Báo cáo mức độ chuyển đổi số hằng năm", line: 41),
        ]
        return p
    }

    private func childPlan() -> Plan {
        var c = TestPlans.plan(level: "commune", issuer: "Ủy ban nhân dân phường Lê Ích Mộc", period: "2025-2026")
        c.targets = [
            // digital-signature: a lower value → weaker.
            TestPlans.target(90, .atLeast, indicator: "digital-signature", population: "giáo viên", line: 30),
            // vneid: stricter → met.
            TestPlans.target(85, .atLeast, indicator: "vneid-level2", population: "giáo viên, học sinh", line: 31),
            // computers: same ceiling as an equality → met.
            TestPlans.target(2, .equal, "học sinh/máy", indicator: "computers-per-student", line: 32),
            // official-email only as words inside another indicator's target → met by wording.
            TestPlans.target(100, indicator: "e-office", population: "cán bộ quản lý, giáo viên", line: 33,
                             quote: "100% cán bộ quản lý, giáo viên sử dụng phần mềm quản lý văn bản và email công vụ"),
            // teacher competence: only aspirational → weaker.
            TestPlans.target(70, .atLeast, indicator: "teacher-digital-competence", population: "giáo viên", aspirational: true, line: 34),
            // online public service: later year → weaker; and in another unit → not compared.
            TestPlans.target(95, .atLeast, indicator: "online-public-service", population: "thủ tục hành chính", year: 2026, line: 35),
            // Not targeted by the parent → extra.
            TestPlans.target(50, indicator: "ai-adoption", population: "giáo viên", line: 36),
        ]
        // học bạ số named as a task, with no number → unquantified.
        c.objectives = [TestPlans.objective("Triển khai học bạ số tại các trường tiểu học, THCS.", line: 12)]
        c.deadlines = [
            TestPlans.deadline("2026-05-25", task: "Tổng hợp mức độ chuyển đổi số của các cơ sở giáo dục, báo cáo", line: 50),
            TestPlans.deadline("2025-04-30", task: "Đánh giá mức độ chuyển đổi số", line: 51),
        ]
        return c
    }

    private func align() -> Alignment {
        let parent = ComparablePlan(index: 0, plan: parentPlan())
        return Aligner(parent: parent).align(ComparablePlan(index: 1, plan: childPlan()))
    }

    private func result(_ a: Alignment, _ indicator: String) -> TargetAlignment {
        a.results.first { $0.indicator == indicator }!
    }

    func test_met_whenAtLeastAsStrict_andPopulationsShareAClass() {
        let a = align()
        let vneid = result(a, "vneid-level2")
        XCTAssertEqual(vneid.status, .met)
        XCTAssertEqual(vneid.childTarget?.line, 31)
        XCTAssertEqual(vneid.parentTarget.line, 21)
        XCTAssertEqual(result(a, "computers-per-student").status, .met)
    }

    func test_met_byWording_whenTheNumberIsFiledUnderAnotherIndicator() {
        let email = result(align(), "official-email")
        XCTAssertEqual(email.status, .met)
        XCTAssertEqual(email.match, .wording)
        XCTAssertEqual(email.childTarget?.line, 33)
    }

    func test_weaker_forLowerValue_laterYear_orAspirationalOnly() {
        let a = align()
        XCTAssertEqual(result(a, "digital-signature").status, .weaker)
        XCTAssertEqual(result(a, "digital-signature").reasons, [.lowerValue])
        XCTAssertEqual(result(a, "online-public-service").reasons, [.laterYear])
        XCTAssertEqual(result(a, "teacher-digital-competence").reasons, [.aspirationalOnly])
    }

    func test_unquantified_whenTheChildNamesTheTopicWithoutANumber() {
        let transcript = result(align(), "digital-transcript")
        XCTAssertEqual(transcript.status, .unquantified)
        XCTAssertEqual(transcript.reasons, [.namedWithoutNumber])
        XCTAssertEqual(transcript.evidence?.line, 12)
        XCTAssertNil(transcript.childTarget)
    }

    func test_unquantified_whenTheChildCountsInAnotherUnit() {
        var child = childPlan()
        child.targets = [TestPlans.target(2, .atLeast, "dịch vụ", indicator: "online-public-service", line: 60)]
        let a = Aligner(parent: ComparablePlan(index: 0, plan: parentPlan())).align(ComparablePlan(index: 1, plan: child))
        let r = result(a, "online-public-service")
        XCTAssertEqual(r.status, .unquantified)
        XCTAssertEqual(r.reasons, [.otherUnit])
        XCTAssertEqual(r.childTarget?.line, 60)
    }

    func test_theClosestPopulationIsCompared_beforeAMetTargetOfAnotherMeasure() {
        var parent = parentPlan()
        parent.targets = [TestPlans.target(99, .atLeast, indicator: "population-id-verification", population: "xác thực thành công", line: 16)]
        var child = childPlan()
        child.targets = [
            TestPlans.target(100, indicator: "population-id-verification", population: "hồ sơ giáo viên, học sinh", line: 43),
            TestPlans.target(98.5, .atLeast, indicator: "population-id-verification", population: "xác thực thành công", line: 44),
        ]
        let a = Aligner(parent: ComparablePlan(index: 0, plan: parent)).align(ComparablePlan(index: 1, plan: child))
        XCTAssertEqual(a.results.first?.status, .weaker)
        XCTAssertEqual(a.results.first?.childTarget?.line, 44)
    }

    func test_missing_whenNotMentioned() {
        let sso = result(align(), "sso")
        XCTAssertEqual(sso.status, .missing)
        XCTAssertEqual(sso.reasons, [.notMentioned])
    }

    func test_extraTargets_andCoverage() {
        let a = align()
        XCTAssertEqual(a.extras.map(\.indicator), ["e-office", "ai-adoption"])
        XCTAssertEqual(a.coverage.total, 8)
        XCTAssertEqual(a.coverage.unclassified, 1, "the parent target with no indicator is counted, not aligned")
        XCTAssertEqual(a.coverage.met, 3)
        XCTAssertEqual(a.coverage.weaker, 3)
        XCTAssertEqual(a.coverage.unquantified, 1)
        XCTAssertEqual(a.coverage.missing, 1)
        XCTAssertEqual(a.coverage.extra, 2)
        XCTAssertEqual(a.coverage.metPercent, 37.5)
        XCTAssertFalse(a.periodsDiffer)
    }

    func test_deadlineConflict_whenTheChildIsLaterForTheSameIndicator() {
        let a = align()
        XCTAssertEqual(a.deadlineConflicts.count, 1)
        XCTAssertEqual(a.deadlineConflicts.first?.parent.line, 40)
        XCTAssertEqual(a.deadlineConflicts.first?.child.line, 50)
        XCTAssertEqual(a.deadlineConflicts.first?.indicators, ["dx-maturity-level"])
    }

    func test_topics_searchEveryLineOfTheBody_whenTheTextIsKnown() {
        let text = """
        Số: 1/KH-UBND
        KẾ HOẠCH
        Căn cứ Quyết định số 4725/QĐ-BGDĐT ngày 30/12/2022;
        I. NHIỆM VỤ
        - Cập nhật đầy đủ số định danh cá nhân của giáo viên và học sinh.
        Nơi nhận:
        - Hệ thống điều hành văn bản điện tử;
        """
        let topics = PlanTopics(ComparablePlan(index: 0, text: text))
        XCTAssertEqual(topics.evidence(for: "population-id-verification")?.line, 5)
        XCTAssertNil(topics.evidence(for: "dx-maturity-level"), "the preamble cites documents, it does not assign tasks")
        XCTAssertNil(topics.evidence(for: "e-office"), "nothing after Nơi nhận")
    }
}
