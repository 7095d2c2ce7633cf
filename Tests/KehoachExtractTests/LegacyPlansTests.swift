import Foundation
import XCTest
@testable import KehoachExtract
@testable import KehoachText

/// A plan typed with old fonts must give the same plan as its Unicode original. Each shipped
/// plan is written out in TCVN3 and VNI-Windows with `LegacyDecoder.encode`, both as 8-bit
/// bytes and as the mojibake a Windows-1252 program makes of them, and read with `PlanReader`.
final class LegacyPlansTests: XCTestCase {
    /// The shipped plans by file name. The package root is three levels above this file.
    static let plans: [(name: String, bytes: [UInt8])] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { (name, [UInt8]($0)) }
        }
    }()

    /// The fields a target must keep whatever the encoding (the quote and population may differ
    /// in the case of a capital TCVN3 cannot write).
    private struct TargetFields: Equatable, CustomStringConvertible {
        var line: Int
        var value: Double
        var unit: String
        var comparator: KehoachExtract.Comparator
        var aspirational: Bool
        var indicator: String?
        var year: Int?

        init(_ target: Target) {
            line = target.line
            value = target.value
            unit = target.unit
            comparator = target.comparator
            aspirational = target.aspirational
            indicator = target.indicator
            year = target.year
        }

        var description: String {
            "line \(line): \(comparator.rawValue)\(value) \(unit) \(indicator ?? "-") \(year.map(String.init) ?? "-")\(aspirational ? " aspirational" : "")"
        }
    }

    private func assertReadsLikeTheOriginal(_ encoding: SourceEncoding, misdecoded: Bool,
                                            file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertFalse(Self.plans.isEmpty, "no corpus/*.txt found", file: file, line: line)
        let reader = PlanReader()
        for plan in Self.plans {
            let original = try reader.read(plan.bytes, source: plan.name)
            let text = String(decoding: plan.bytes, as: UTF8.self).precomposedStringWithCanonicalMapping
            let legacy = misdecoded ? Array(LegacyDecoder.misdecodedForm(of: text, as: encoding).utf8)
                                    : LegacyDecoder.encode(text, as: encoding)
            let read = try reader.read(legacy, source: plan.name)
            let form = "\(plan.name) as \(misdecoded ? "misdecoded " : "")\(encoding.rawValue)"
            XCTAssertEqual(read.metadata.number, original.metadata.number, "number: \(form)", file: file, line: line)
            XCTAssertEqual(read.metadata.date, original.metadata.date, "date: \(form)", file: file, line: line)
            XCTAssertEqual(read.metadata.title, original.metadata.title, "title: \(form)", file: file, line: line)
            XCTAssertNotNil(original.metadata.title, "the original has no title: \(plan.name)", file: file, line: line)
            XCTAssertEqual(read.targets.map(TargetFields.init), original.targets.map(TargetFields.init), "targets: \(form)", file: file, line: line)
            XCTAssertFalse(original.targets.isEmpty, "the original has no targets: \(plan.name)", file: file, line: line)
            XCTAssertTrue(read.diagnostics.contains { $0.id == (misdecoded ? "decode.misdecoded" : "decode.legacy") }, form, file: file, line: line)
        }
    }

    func test_tcvn3Bytes_readAsTheUnicodePlan() throws {
        try assertReadsLikeTheOriginal(.tcvn3, misdecoded: false)
    }

    func test_vniWindowsBytes_readAsTheUnicodePlan() throws {
        try assertReadsLikeTheOriginal(.vniWindows, misdecoded: false)
    }

    func test_tcvn3MisdecodedAsWindows1252_readsAsTheUnicodePlan() throws {
        try assertReadsLikeTheOriginal(.tcvn3, misdecoded: true)
    }

    func test_vniWindowsMisdecodedAsWindows1252_readsAsTheUnicodePlan() throws {
        try assertReadsLikeTheOriginal(.vniWindows, misdecoded: true)
    }
}
