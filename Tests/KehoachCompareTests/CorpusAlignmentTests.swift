import XCTest
import KehoachCompare
import KehoachExtract
import KehoachRender

/// The shipped plans 000 (ward Lê Ích Mộc, 2025-2026) and 001 (Phòng GDĐT An Lão, 2024-2025),
/// aligned both ways. Each assertion was checked by reading the two texts.
final class CorpusAlignmentTests: XCTestCase {
    static let ward = TestPlans.corpus("000", index: 0)
    static let anLao = TestPlans.corpus("001", index: 1)

    private func results(_ a: Alignment, _ indicator: String) -> [TargetAlignment] {
        a.results.filter { $0.indicator == indicator }
    }

    /// An Lão (district) as the parent of the ward.
    func test_anLaoParent_wardChild() {
        let a = Aligner(parent: Self.anLao).align(Self.ward)
        XCTAssertTrue(a.periodsDiffer, "2024-2025 against 2025-2026")
        // 001 line 62 "chữ ký số cá nhân cho 100% cán bộ, giáo viên" ← 000 line 41 "100% cán bộ
        // quản lý, giáo viên được cấp và sử dụng email công vụ … và chữ ký số": met, found by its words.
        let signature = results(a, "digital-signature")
        XCTAssertEqual(signature.map(\.status), [.met])
        XCTAssertEqual(signature.first?.parentTarget.line, 62)
        XCTAssertEqual(signature.first?.childTarget?.line, 41)
        XCTAssertEqual(signature.first?.match, .wording)
        // 001 line 98 "Tối đa 2 học sinh học chung 1 máy tính ở cấp Tiểu học, THCS" ← 000 line 131
        // "2 học sinh/máy đối với cấp tiểu học và THCS": met. "mỗi học sinh 01 máy tính ở cấp
        // THPT" is stricter than 2/máy: weaker (the ward runs no THPT, a reader discounts it);
        // "mức độ 2" is counted in levels, the ward in students per computer: unquantified.
        let computers = results(a, "computers-per-student")
        XCTAssertEqual(computers.map { ReportLabels.target($0.parentTarget) }, ["≥2 mức", "≤2 học sinh/máy", "1 học sinh/máy"])
        XCTAssertEqual(computers.map(\.status), [.unquantified, .met, .weaker])
        XCTAssertEqual(computers.map { $0.childTarget?.line }, [131, 131, 131])
        XCTAssertEqual(computers[0].reasons, [.otherUnit])
        XCTAssertEqual(computers[2].reasons, [.lowerValue])
        XCTAssertEqual(a.coverage.met, 2)
        XCTAssertEqual(a.coverage.total, 4)
        XCTAssertEqual(a.coverage.metPercent, 50)
        // The ward's own targets (học bạ số, VNeID, SSO, …) are extra to An Lão's four.
        XCTAssertTrue(a.extras.contains { $0.indicator == "digital-transcript" && $0.line == 47 })
        XCTAssertTrue(a.extras.contains { $0.indicator == "vneid-level2" && $0.line == 45 })
        // 001 line 127 "gửi báo cáo về Sở GDĐT trước ngày 25/5/2025" (mức độ chuyển đổi số) against
        // 000 line 169 "… trước ngày 25/5/2026": later — the next school year's deadline.
        XCTAssertTrue(a.deadlineConflicts.contains { $0.parent.line == 127 && $0.child.line == 169 })
    }

    /// The ward's richer plan as the parent: which of its 19 targets An Lão's plan carries.
    func test_wardParent_anLaoChild() {
        let a = Aligner(parent: Self.ward).align(Self.anLao)
        func status(_ id: String) -> [AlignmentStatus] { results(a, id).map(\.status) }
        // Nowhere in 001: email công vụ, VNeID, SSO.
        XCTAssertEqual(status("official-email"), [.missing])
        XCTAssertEqual(status("vneid-level2"), [.missing])
        XCTAssertEqual(status("sso"), [.missing])
        // Named without a number: học bạ số (001 line 23 "triển khai học bạ số"), the population
        // database (line 68 "cơ sở dữ liệu dân cư"), mức độ chuyển đổi số (line 87 heading),
        // dịch vụ công trực tuyến (line 23), đầu mối (line 85 "phân công lãnh đạo phụ trách").
        XCTAssertEqual(status("digital-transcript"), [.unquantified])
        XCTAssertEqual(results(a, "digital-transcript").first?.evidence?.line, 23)
        XCTAssertEqual(status("population-id-verification"), [.unquantified, .unquantified])
        XCTAssertEqual(results(a, "population-id-verification").first?.evidence?.line, 68)
        XCTAssertEqual(status("dx-maturity-level"), [.unquantified, .unquantified])
        XCTAssertEqual(results(a, "dx-maturity-level").first?.evidence?.line, 87)
        XCTAssertEqual(status("online-public-service"), [.unquantified])
        XCTAssertEqual(results(a, "dx-focal-staff").first?.evidence?.line, 85)
        // 000 line 131 "2 học sinh/máy" ← 001 line 98 "Tối đa 2 học sinh học chung 1 máy tính": met.
        XCTAssertEqual(status("computers-per-student"), [.met])
        XCTAssertEqual(results(a, "computers-per-student").first?.childTarget?.line, 98)
        XCTAssertEqual(a.coverage.total, 19)
        XCTAssertEqual(a.coverage.met, 1)
        // 001's chữ ký số target is extra: the ward files its chữ ký số numbers under other indicators.
        XCTAssertEqual(a.extras.map(\.line), [62])
    }

    func test_renderedAlignment_fits100Columns() {
        let a = Aligner(parent: Self.ward).align(Self.anLao)
        let text = AlignmentRenderer().text(a)
        for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 100, String(line)) }
        XCTAssertTrue(text.contains("Chưa lượng hóa"))
        XCTAssertTrue(AlignmentRenderer(color: true).text(a).contains("\u{1B}[31m"), "missing in red when colour is asked")
        XCTAssertFalse(text.contains("\u{1B}["))
    }
}
