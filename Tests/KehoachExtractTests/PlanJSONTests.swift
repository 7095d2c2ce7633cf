import Foundation
import KehoachExtract
import KehoachTestSupport
import KehoachText
import XCTest

/// `Plan.jsonBytes` writes the same bytes as Foundation's `JSONEncoder` (sorted keys, no
/// escaped slashes), pretty and compact: on every real plan the package holds, and on values
/// chosen to hit each rule of the layout.
final class PlanJSONTests: XCTestCase {
    private func foundation<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value))
    }

    private func assertSameBytes(_ plan: Plan, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for pretty in [true, false] {
            let expected = try foundation(plan, pretty: pretty)
            let written = plan.jsonBytes(pretty: pretty)
            if written != expected {
                let at = zip(written, expected).prefix { $0 == $1 }.count
                XCTFail("\(name) (pretty: \(pretty)) differs at byte \(at): "
                        + "\(String(decoding: written[at..<min(written.count, at + 80)], as: UTF8.self)) vs "
                        + "\(String(decoding: expected[at..<min(expected.count, at + 80)], as: UTF8.self))", file: file, line: line)
            }
        }
    }

    func test_realPlans_sameBytesAsJSONEncoder() throws {
        let reader = PlanReader()
        let real = PackageFiles.root.appendingPathComponent("Tests/Fixtures/real")
        let parts = try FileManager.default.contentsOfDirectory(atPath: real.path)
        var names = PackageFiles.planNames.map { "corpus/\($0).txt" }
        for part in parts.sorted() where !part.contains(".") && part != "floors" {
            let files = try FileManager.default.contentsOfDirectory(atPath: real.appendingPathComponent(part).path)
            names += files.filter { $0.hasSuffix(".txt") }.sorted().map { "Tests/Fixtures/real/\(part)/\($0)" }
        }
        XCTAssertGreaterThan(names.count, 50)
        for name in names {
            try assertSameBytes(try reader.read(PackageFiles.bytes(name), source: name), name)
        }
    }

    func test_wordAndPDFPlans_sameBytesWithTheirDocumentMap() throws {
        let reader = PlanReader()
        for name in PackageFiles.planNames {
            for format in ["docx", "pdf"] {
                let plan = try reader.read(PackageFiles.document(name, format), source: "\(name).\(format)")
                XCTAssertNotNil(plan.document)
                try assertSameBytes(plan, "\(name).\(format)")
            }
        }
    }

    func test_escapesAndNumbers_sameBytesAsJSONEncoder() throws {
        var plan = PlanReader().read(text: "KẾ HOẠCH\nI. MỤC TIÊU\n1. Đạt 95,5% học sinh.", source: nil)
        let awkward = "tab\there \"quoted\" back\\slash a/b \u{1}\u{8}\u{C}\r\n\u{1F} đủ 😀 \u{7F} \u{2028}"
        plan.source = awkward
        plan.recipients = [awkward, "", "-"]
        plan.metadata.title = awkward
        let values: [Double] = [0, -0.0, 1, 95.5, 0.1, 1.0 / 3, 100, 1e-7, 123_456_789_012, 1e15, 1e16, 2.5e20, -3, 99.999]
        let template = try XCTUnwrap(plan.targets.first)
        plan.targets = values.map { var t = template; t.value = $0; t.population = nil; t.year = nil; return t }
        plan.sections = []
        plan.citations = []
        try assertSameBytes(plan, "awkward")
    }

    func test_emptyArrays_bracketsAroundBlankLineWhenPretty() {
        var plan = PlanReader().read(text: "", source: nil)
        plan.recipients = []
        let pretty = String(decoding: plan.jsonBytes(pretty: true), as: UTF8.self)
        XCTAssertTrue(pretty.contains("\"recipients\" : [\n\n  ]"), pretty)
        XCTAssertTrue(String(decoding: plan.jsonBytes(pretty: false), as: UTF8.self).contains("\"recipients\":[]"))
    }
}
