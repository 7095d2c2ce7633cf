import XCTest
import KehoachCompare
import KehoachExtract

final class IntervalTests: XCTestCase {
    private func t(_ v: Double, _ c: KehoachExtract.Comparator, _ unit: String = "%") -> Target {
        TestPlans.target(v, c, unit, indicator: "x")
    }

    func test_intervals_areBoundedByTheUnitsDomain() {
        XCTAssertEqual(TargetInterval(t(80, .atLeast)).description, "[80, 100]")
        XCTAssertEqual(TargetInterval(t(70, .greater)).description, "(70, 100]")
        XCTAssertEqual(TargetInterval(t(100, .equal)).description, "[100, 100]")
        XCTAssertEqual(TargetInterval(t(2, .atMost, "học sinh/máy")).description, "[0, 2]")
        XCTAssertEqual(TargetInterval(t(2, .atLeast, "dịch vụ")).description, "[2, ∞)")
    }

    func test_atLeast80_vs_equal100() {
        // A child's "100%" meets a parent's "≥ 80%"; a child's "≥ 80%" does not meet "= 100%".
        XCTAssertTrue(Strictness.childIsAtLeastAsStrict(child: t(100, .equal), parent: t(80, .atLeast)))
        XCTAssertFalse(Strictness.childIsAtLeastAsStrict(child: t(80, .atLeast), parent: t(100, .equal)))
        XCTAssertTrue(Strictness.childIsAtLeastAsStrict(child: t(90, .atLeast), parent: t(80, .atLeast)))
        XCTAssertFalse(Strictness.childIsAtLeastAsStrict(child: t(75, .equal), parent: t(80, .atLeast)))
    }

    func test_greater70_vs_atLeast70() {
        // "> 70" excludes 70 itself: stricter than "≥ 70", not the other way round.
        XCTAssertTrue(Strictness.childIsAtLeastAsStrict(child: t(70, .greater), parent: t(70, .atLeast)))
        XCTAssertFalse(Strictness.childIsAtLeastAsStrict(child: t(70, .atLeast), parent: t(70, .greater)))
        XCTAssertTrue(Strictness.childIsAtLeastAsStrict(child: t(70, .greater), parent: t(70, .greater)))
    }

    func test_studentsPerComputer_atMost2_vs_equal2() {
        // Fewer students per computer is better: "2 học sinh/máy" reaches "tối đa 2", and the reverse.
        let unit = "học sinh/máy"
        XCTAssertEqual(TargetDirection.of(t(2, .equal, unit)), .lowerIsBetter)
        XCTAssertTrue(Strictness.childIsAtLeastAsStrict(child: t(2, .equal, unit), parent: t(2, .atMost, unit)))
        XCTAssertTrue(Strictness.childIsAtLeastAsStrict(child: t(2, .atMost, unit), parent: t(2, .equal, unit)))
        XCTAssertTrue(Strictness.childIsAtLeastAsStrict(child: t(1, .equal, unit), parent: t(2, .atMost, unit)))
        XCTAssertFalse(Strictness.childIsAtLeastAsStrict(child: t(3, .equal, unit), parent: t(2, .atMost, unit)))
        XCTAssertFalse(Strictness.childIsAtLeastAsStrict(child: t(2, .equal, unit), parent: t(1, .equal, unit)))
    }

    func test_ceilingOnAPercentage_comparesUpperEnds() {
        XCTAssertTrue(Strictness.childIsAtLeastAsStrict(child: t(3, .atMost), parent: t(5, .atMost)))
        XCTAssertFalse(Strictness.childIsAtLeastAsStrict(child: t(5, .less), parent: t(3, .atMost)))
        // A floor never satisfies a ceiling: "≥ 80%" allows 100%.
        XCTAssertFalse(Strictness.childIsAtLeastAsStrict(child: t(80, .atLeast), parent: t(90, .atMost)))
    }

    func test_populations_compareByClass() {
        XCTAssertTrue(Population.compatible("cán bộ, giáo viên", "CBQL"))
        XCTAssertTrue(Population.compatible("cán bộ, giáo viên", "cán bộ quản lý, giáo viên, học sinh"))
        XCTAssertFalse(Population.compatible("các trường", "học sinh"))
        XCTAssertFalse(Population.compatible("hồ sơ giáo viên, học sinh", "giáo viên"))
        XCTAssertFalse(Population.compatible("Hiệu trưởng", "các trường"))
        XCTAssertTrue(Population.compatible("theo Quyết định", "các trường"), "unknown compares with anything")
        XCTAssertTrue(Population.compatible(nil, "học sinh"))
    }
}
