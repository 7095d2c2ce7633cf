import XCTest
import KehoachCompare
import KehoachExtract
import KehoachRender

final class MatrixTests: XCTestCase {
    func test_cells_joinTargets_markAspirational_andYear_inTaxonomyOrder() {
        var a = TestPlans.plan(level: "commune", issuer: "Ủy ban nhân dân phường A", period: "2025-2026")
        a.targets = [
            TestPlans.target(80, .atLeast, indicator: "vneid-level2", year: 2025, aspirational: true, line: 5),
            TestPlans.target(100, indicator: "vneid-level2", line: 7),
            TestPlans.target(100, indicator: "digital-signature", line: 6),
            TestPlans.target(1, indicator: nil, line: 8),
        ]
        var b = TestPlans.plan(level: "school", issuer: "Trường Tiểu học B")
        b.targets = [TestPlans.target(98.5, .greater, indicator: "digital-transcript", line: 3)]
        let m = IndicatorMatrix([ComparablePlan(index: 0, plan: a), ComparablePlan(index: 1, plan: b)])
        XCTAssertEqual(m.rows.map(\.indicator), ["digital-signature", "vneid-level2", "digital-transcript"])
        XCTAssertEqual(ReportLabels.cell(m.row("vneid-level2")!.cells[0]), "≥80%* (2025); 100%")
        XCTAssertEqual(ReportLabels.cell(m.row("digital-transcript")!.cells[1]), ">98,5%")
        XCTAssertTrue(m.row("digital-transcript")!.cells[0].isEmpty)
        XCTAssertEqual(m.row("vneid-level2")?.label, "Tài khoản định danh điện tử VNeID mức 2")
        XCTAssertEqual(m.totals[0].targets, 4)
        XCTAssertEqual(m.totals[0].unclassifiedTargets, 1)
        XCTAssertEqual(ReportLabels.shortName(m.plans[0]), "xã/phường · UBND phường A · 2025-2026")
    }

    /// Read against the texts: 000 line 41 "100% cán bộ quản lý, giáo viên … email công vụ … và
    /// chữ ký số", line 45 "Phần đầu 80% trở lên … VNeID mức 2", line 47 "100% các trường tiểu
    /// học, THCS triển khai học bạ số"; 001 line 62 "chữ ký số cá nhân cho 100% cán bộ, giáo
    /// viên"; 002 lines 37/39/55 (2026); 004 line 80 (2025).
    func test_shippedCorpus_digitalSignature_transcript_vneid_sideBySide() {
        let m = IndicatorMatrix(TestPlans.shipped)
        func cells(_ id: String) -> [String] { m.row(id)!.cells.map(ReportLabels.cell) }
        XCTAssertEqual(cells("digital-signature"), ["~100%; ~100%", "100%", "100% (2026); 100%* (2026)", "100% (2025)"])
        XCTAssertEqual(m.row("digital-signature")!.cells[0].map(\.target.line), [39, 41])
        XCTAssertEqual(cells("digital-transcript"), ["100%", "", "100% (2026)", ""])
        XCTAssertEqual(cells("vneid-level2"), ["≥80%*", "", "", ""])
        XCTAssertEqual(cells("computers-per-student"), ["2 học sinh/máy", "≥2 mức; ≤2 học sinh/máy; 1 học sinh/máy", "", ""])
        XCTAssertEqual(m.totals.map(\.targets), [19, 4, 17, 17])
        // 004 line 88 "… mô hình quản trị số, …, kho học liệu số mở đạt 80%": a number for học liệu
        // số too. 001 line 98 names "mức độ 2 theo Quyết định 4725" only in parentheses, about
        // computers: no digital-transformation-level entry for An Lão.
        XCTAssertEqual(cells("digital-learning-materials"), ["", "", "≥15% (2026); 50%* (2026)", "~80% (2025)"])
        XCTAssertEqual(cells("dx-maturity-level"), ["75%; 70%", "", "≥2 mức (2026)", ""])
        XCTAssertEqual(m.plans.map(\.period), ["2025-2026", "2024-2025", "2026", "2025"])
    }

    func test_terminalMatrix_fits100Columns_andHasNoColourUnlessAsked() {
        let m = IndicatorMatrix(TestPlans.shipped)
        let plain = MatrixRenderer().text(m)
        for line in plain.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 100, String(line)) }
        XCTAssertFalse(plain.contains("\u{1B}["))
        XCTAssertTrue(MatrixRenderer(color: true).text(m).contains("\u{1B}[1m"))
        XCTAssertTrue(plain.contains("Học bạ số"))
    }

    func test_manyPlans_splitIntoSeveralTablesThatStillFit() {
        let plans = (0..<9).map { TestPlans.corpus(["000", "001", "002", "004"][$0 % 4], index: $0) }
        let text = MatrixRenderer().text(IndicatorMatrix(plans))
        for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 100, String(line)) }
        XCTAssertTrue(text.contains("[9]"))
    }
}
