import Foundation
import KehoachExtract
import KehoachTestSupport
import KehoachText
import XCTest

/// `Plan.binaryBytes` and `Plan(binary:)` give back the plan they were given, on every real
/// plan the package holds; damaged bytes give nil, never a crash.
final class PlanBinaryCodingTests: XCTestCase {
    private func roundTrip(_ plan: Plan) -> Plan? {
        plan.binaryBytes().withUnsafeBytes { Plan(binary: $0) }
    }

    func test_realPlans_roundTripToTheSamePlan() throws {
        let reader = PlanReader()
        let real = PackageFiles.root.appendingPathComponent("Tests/Fixtures/real")
        var names = PackageFiles.planNames.map { "corpus/\($0).txt" }
        for part in try FileManager.default.contentsOfDirectory(atPath: real.path).sorted() where !part.contains(".") && part != "floors" {
            let files = try FileManager.default.contentsOfDirectory(atPath: real.appendingPathComponent(part).path)
            names += files.filter { $0.hasSuffix(".txt") }.sorted().map { "Tests/Fixtures/real/\(part)/\($0)" }
        }
        XCTAssertGreaterThan(names.count, 50)
        for name in names {
            let plan = try reader.read(PackageFiles.bytes(name), source: name)
            let back = try XCTUnwrap(roundTrip(plan), name)
            XCTAssertEqual(back.jsonBytes(pretty: false), plan.jsonBytes(pretty: false), name)
            XCTAssertLessThan(plan.binaryBytes().count * 5, plan.jsonBytes(pretty: false).count * 4, "\(name): compact")
        }
    }

    func test_wordAndPDFPlans_keepTheirDocumentMap() throws {
        for format in ["docx", "pdf"] {
            let plan = try PlanReader().read(PackageFiles.document(PackageFiles.planNames[0], format))
            let back = try XCTUnwrap(roundTrip(plan))
            XCTAssertEqual(back.document?.format, plan.document?.format)
            XCTAssertEqual(back.document?.spans, plan.document?.spans)
            XCTAssertEqual(back.jsonBytes(pretty: false), plan.jsonBytes(pretty: false))
        }
    }

    func test_everyTruncation_andAnotherVersion_giveNil() throws {
        let bytes = try PlanReader().read(PackageFiles.plan(PackageFiles.planNames[2])).binaryBytes()
        for length in stride(from: 0, to: bytes.count, by: 7) {
            XCTAssertNil(Array(bytes[0..<length]).withUnsafeBytes { Plan(binary: $0) }, "cut at \(length)")
        }
        var other = bytes
        other[0] = Plan.binaryVersion &+ 1
        XCTAssertNil(other.withUnsafeBytes { Plan(binary: $0) })
        XCTAssertNil((bytes + [0]).withUnsafeBytes { Plan(binary: $0) }, "trailing bytes")
    }

    func test_flippedBytes_neverCrash() throws {
        let bytes = try PlanReader().read(PackageFiles.plan(PackageFiles.planNames[0])).binaryBytes()
        var random = SplitMix64(seed: 12)
        for _ in 0..<500 {
            var damaged = bytes
            for _ in 0..<3 { damaged[Int.random(in: 1..<damaged.count, using: &random)] = UInt8.random(in: 0...255, using: &random) }
            _ = damaged.withUnsafeBytes { Plan(binary: $0) }
        }
        // a deeply nested section list cannot exhaust the stack
        // version, no source, 12 empty metadata fields, no citations, one section…
        var nested: [UInt8] = [Plan.binaryVersion, 0] + [UInt8](repeating: 0, count: 13) + [1]
        for _ in 0..<100_000 { nested += [0, 0, 0, 0, 1] }
        XCTAssertNil(nested.withUnsafeBytes { Plan(binary: $0) })
    }
}
