import XCTest
import KehoachCompare
import KehoachExtract
import KehoachRender

final class ChainTests: XCTestCase {
    func test_documentNumbers_compareWithoutSpacesCaseOrĐ() {
        XCTAssertEqual(DocumentNumberKey.key("7462 /KH-SGDĐT"), DocumentNumberKey.key("7462/kh-sgddt"))
        XCTAssertNotEqual(DocumentNumberKey.key("92/KH-UBND"), DocumentNumberKey.key("92/KH-SGDĐT"))
    }

    /// Sở → ward by citation; ward → school by place; a same-level plan and party plans are not parents.
    private func plans() -> [ComparablePlan] {
        let so = TestPlans.plan(number: "7462/KH-SGDĐT", level: "department", issuer: "Sở Giáo dục và Đào tạo Hải Phòng", place: "Hải Phòng")
        var ward = TestPlans.plan(number: "15/KH-UBND", level: "commune", issuer: "Ủy ban nhân dân phường Lê Ích Mộc", place: "Phường Lê Ích Mộc")
        ward.citations = [
            TestPlans.citation("7462 /KH-SGDDT", issuer: "Sở Giáo dục và Đào tạo Hải Phòng", date: "2025-10-08", line: 11),
            TestPlans.citation("38a/KH-UBND", issuer: "Ủy ban nhân dân phường", date: "2025-09-25", line: 11),
            TestPlans.citation("12-KH/TU", type: "Kế hoạch hành động", issuer: "Ban Thường vụ Thành ủy", line: 11),
            TestPlans.citation("1115/KH-SGDĐT", date: "2024-09-09", line: 12),
            TestPlans.citation("131/QĐ-TTg", type: "Quyết định", issuer: "Thủ tướng Chính phủ", line: 13),
        ]
        let school = TestPlans.plan(number: "3/KH-THLIM", level: "school", issuer: "Trường Tiểu học Lê Ích Mộc", place: "Lê Ích Mộc")
        let other = TestPlans.plan(number: "9/KH-THXT", level: "school", issuer: "Trường Tiểu học Xuân Tiến", place: "Xuân Trường")
        return [so, ward, school, other].enumerated().map { ComparablePlan(index: $0, plan: $1) }
    }

    func test_citationLinksChildToParent_andPlaceLinksOnlyWhatCitationsDoNot() {
        let chain = PlanChain(plans())
        XCTAssertEqual(chain.parent(of: 1), 0)
        XCTAssertEqual(chain.link(child: 1)?.basis, .citation)
        XCTAssertEqual(chain.link(child: 1)?.line, 11)
        XCTAssertEqual(chain.parent(of: 2), 1)
        XCTAssertEqual(chain.link(child: 2)?.basis, .place)
        XCTAssertEqual(chain.link(child: 2)?.detail, "le ich moc")
        XCTAssertNil(chain.parent(of: 3), "a school whose place no plan of the set names stays a root")
        XCTAssertEqual(chain.roots, [0, 3])
        XCTAssertEqual(chain.children(of: 0), [1])
    }

    func test_citedHigherPlansNotInTheSet_areListedAsNotImported() {
        let chain = PlanChain(plans())
        let missing = chain.notImported.filter { $0.plan == 1 }.map(\.citation.number)
        XCTAssertEqual(missing, ["1115/KH-SGDĐT"], "7462 is in the set; 38a is the ward's own level; TU is a party plan; QĐ is not a plan")
    }

    func test_shippedCorpus_wardCites7462_notImported() {
        let chain = PlanChain(TestPlans.shipped)
        let ward = chain.notImported.filter { $0.plan == 0 }
        XCTAssertEqual(ward.map(\.citation.number), ["7462/KH-SGDĐT"])
        XCTAssertEqual(ward.first?.level, .department)
        XCTAssertEqual(ReportLabels.notImported(ward[0]),
                       "căn cứ 7462/KH-SGDĐT của Sở Giáo dục và Đào tạo Hải Phòng, 2025-10-08 — chưa nhập (not imported)")
        // An Lão cites the Sở's 1115 (its own Phòng's 142 is the same level); the school both
        // Ninh Bình plans; Thủ Dầu Một the Sở's 782 and 360 and its city's 28/KH-UBND.
        XCTAssertEqual(chain.notImported.filter { $0.plan == 1 }.map(\.citation.number), ["1115/KH-SGDĐT"])
        XCTAssertEqual(chain.notImported.filter { $0.plan == 2 }.map(\.citation.number), ["92/KH-UBND", "92/KH-SGDĐT"])
        XCTAssertEqual(chain.notImported.filter { $0.plan == 3 }.map(\.citation.number), ["782/KH-SGDĐT", "28/KH-UBND", "360/KH-SGDĐT"])
        // The four shipped plans come from three provinces and never cite one another.
        XCTAssertTrue(chain.links.isEmpty)
        let text = ChainRenderer().text(chain)
        XCTAssertTrue(text.contains("⚠ căn cứ 7462/KH-SGDĐT của Sở Giáo dục và Đào tạo Hải Phòng, 2025-10-08 — chưa nhập"), text)
    }

    func test_chainOverTheShippedPlans_plusTheirParent_linksByCitation() {
        // Add the Sở plan the ward cites: the ward becomes its child.
        let so = TestPlans.plan(number: "7462/KH-SGDĐT", level: "department", issuer: "Sở Giáo dục và Đào tạo Hải Phòng", place: "Hải Phòng")
        let plans = TestPlans.shipped + [ComparablePlan(index: 4, plan: so)]
        let chain = PlanChain(plans)
        XCTAssertEqual(chain.parent(of: 0), 4)
        XCTAssertEqual(chain.link(child: 0)?.basis, .citation)
        XCTAssertTrue(chain.notImported.filter { $0.plan == 0 }.isEmpty)
        let report = ComparisonReport.full(plans)
        XCTAssertEqual(report.alignments.count, 1)
        XCTAssertEqual(report.alignments.first?.child.index, 0)
    }
}
