import XCTest
import KehoachCompare
import KehoachExtract
@testable import KehoachRender

/// `ReportJSON` writes the same bytes as `JSONEncoder` over `ReportJSON.Document`: for the
/// whole report of the shipped plans (matrix and chain), for each pair
/// of them aligned both ways, and for a report with text that must be escaped.
final class ReportJSONTests: XCTestCase {
    private func assertSameBytes(_ report: ComparisonReport, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        for pretty in [true, false] {
            let written = ReportJSON.encode(report, pretty: pretty)
            let expected = ReportJSON.encodedByFoundation(report, pretty: pretty)
            guard written != expected else { continue }
            let w = Array(written.utf8), e = Array(expected.utf8)
            let at = zip(w, e).prefix { $0 == $1 }.count
            XCTFail("\(name) (pretty: \(pretty)) differs at byte \(at): \(String(decoding: w[at..<min(w.count, at + 80)], as: UTF8.self)) "
                    + "vs \(String(decoding: e[at..<min(e.count, at + 80)], as: UTF8.self))", file: file, line: line)
        }
    }

    func test_fullReportOfTheShippedPlans_sameBytesAsJSONEncoder() {
        let report = ComparisonReport.full(TestPlans.shipped)
        XCTAssertNotNil(report.matrix)
        XCTAssertNotNil(report.chain)
        assertSameBytes(report, "full")
    }

    func test_everyPairAligned_sameBytesAsJSONEncoder() {
        let plans = TestPlans.shipped
        for parent in plans {
            let aligner = Aligner(parent: parent)
            let alignments = plans.filter { $0.index != parent.index }.map { aligner.align($0) }
            assertSameBytes(ComparisonReport(plans: plans.map(\.ref), alignments: alignments), "parent \(parent.index)")
        }
    }

    func test_textToEscape_sameBytesAsJSONEncoder() {
        let parent = TestPlans.corpus("000", index: 0)
        let child = ComparablePlan(index: 1, text: ReportOutputTests.planted + "\n\"quoted\" \\ back\tslash", source: "a\"b\\c.txt")
        let report = ComparisonReport(plans: [parent.ref, child.ref], matrix: IndicatorMatrix([parent, child]),
                                      chain: PlanChain([parent, child]), alignments: [Aligner(parent: parent).align(child)])
        assertSameBytes(report, "planted")
    }
}
