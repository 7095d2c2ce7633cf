import KehoachTestSupport
import XCTest
@testable import KehoachExtract

/// The Word and PDF copies of the shipped plans (Tests/Fixtures/documents, made as offices
/// make them) read as the plans their texts are.
final class DocumentPlansTests: XCTestCase {
    private let reader = PlanReader()

    private struct Shape: Equatable {
        var metadata: Metadata
        var citations: [String]
        var sections: [String]
        var targets: [String]
        var deadlines: [String]
        var responsibilities: Set<String>
        var tables: [String]

        /// `lines`: whether line numbers must agree too.
        init(_ plan: Plan, lines: Bool) {
            func line(_ n: Int) -> String { lines ? "\(n) " : "" }
            metadata = plan.metadata
            citations = plan.citations.map(\.number)
            func flatten(_ records: [SectionRecord], depth: Int) -> [String] {
                records.flatMap { ["\(depth) \($0.label) \($0.title.replacingOccurrences(of: "*", with: ""))"] + flatten($0.children, depth: depth + 1) }
            }
            sections = flatten(plan.sections, depth: 0)
            targets = plan.targets.map { "\(line($0.line))\($0.value) \($0.unit) \($0.comparator) \($0.aspirational) \($0.indicator ?? "-") \($0.year ?? 0)" }
            deadlines = plan.deadlines.map { "\(line($0.line))\($0.date ?? "-") \($0.kind)" }
            responsibilities = Set(plan.responsibilities.map { "\($0.unit) \($0.role)" })
            tables = plan.tables.map { "\(line($0.line))\($0.rows)" }
        }
    }

    private func plans(_ format: String) throws -> [(name: String, text: Plan, document: Plan)] {
        try PackageFiles.planNames.map { name in
            (name, try reader.read(PackageFiles.plan(name)), try reader.read(PackageFiles.document(name, format)))
        }
    }

    /// One paragraph per line of the text: the same lines, so the same line numbers.
    func test_docxOfEachShippedPlan_givesTheSamePlanAsItsText_lineForLine() throws {
        for (name, text, document) in try plans("docx") {
            XCTAssertEqual(Shape(document, lines: true), Shape(text, lines: true), name)
            XCTAssertEqual(document.document?.format, .docx, name)
        }
    }

    /// PDF lines are rebuilt from the page layout: the same plan, its lines where the layout
    /// gives them back (empty paragraphs at page breaks and in the letterhead are guessed).
    func test_pdfOfEachShippedPlan_givesTheSameStructureAsItsText() throws {
        for (name, text, document) in try plans("pdf") {
            XCTAssertEqual(Shape(document, lines: false), Shape(text, lines: false), name)
            XCTAssertEqual(document.document?.spans.first?.page, 1, name)
        }
    }
}
