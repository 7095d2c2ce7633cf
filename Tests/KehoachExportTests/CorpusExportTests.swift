import Foundation
import XCTest
import KehoachCorpus
import KehoachExport
import KehoachExtract
import KehoachTestSupport

/// An export read back from a real corpus, through the store's public API as the command does.
final class CorpusExportTests: XCTestCase {
    private var folder = ""

    override func setUp() {
        super.setUp()
        folder = NSTemporaryDirectory() + "kehoach-export-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
        super.tearDown()
    }

    /// Every plan of the store, exported one at a time.
    private func export(_ store: CorpusStore, _ exporter: Exporter) throws -> [UInt8] {
        var out: [UInt8] = []
        for summary in try store.snapshot().plans() { out += try exporter.export(summary, store.plan(summary.id)).bytes }
        return out
    }

    func test_corpusExport_targetsPerIndicator_equalThePlansOwn() throws {
        let store = CorpusStore(directory: folder)
        let inputs = PackageFiles.planNames.map { ImportInput(name: $0 + ".txt", bytes: PackageFiles.plan($0)) }
        try store.importPlans(inputs, replace: false) { _ in }
        let summaries = try store.snapshot().plans()
        XCTAssertEqual(summaries.count, PackageFiles.planNames.count)

        let lines = ExportFixtures.lines(try export(store, Exporter(format: .jsonl, records: .targets))).dropLast()
        var exported: [String: Int] = [:]
        var planIDs: Set<String> = []
        for line in lines {
            let record = try XCTUnwrap(ExportFixtures.object(Array(line)))
            exported[record["indicator"] as? String ?? "(none)", default: 0] += 1
            planIDs.insert(try XCTUnwrap(record["planId"] as? String))
        }
        var expected: [String: Int] = [:]
        for plan in ExportFixtures.shipped.map(\.plan) {
            for target in plan.targets { expected[target.indicator ?? "(none)", default: 0] += 1 }
        }
        XCTAssertEqual(exported, expected)
        XCTAssertGreaterThan(expected.count, 3, "several indicators to count")
        XCTAssertEqual(planIDs, Set(summaries.filter { $0.targetCount > 0 }.map(\.id.rawValue)))
        XCTAssertEqual(lines.count, summaries.reduce(0) { $0 + $1.targetCount }, "the summaries' counts agree")
    }

    func test_corpusExport_planLinesInImportOrder_withTheStoredIds() throws {
        let store = CorpusStore(directory: folder)
        let names = PackageFiles.planNames.reversed()
        try store.importPlans(names.map { ImportInput(name: $0 + ".txt", bytes: PackageFiles.plan($0)) }, replace: false) { _ in }
        let bulk = ExportFixtures.lines(try export(store, Exporter(format: .opensearchBulk, records: .plans))).dropLast()
        XCTAssertEqual(bulk.count, 2 * names.count)
        let documents = bulk.enumerated().filter { $0.offset % 2 == 1 }.compactMap { ExportFixtures.object($0.element) }
        XCTAssertEqual(documents.compactMap { $0["source"] as? String }, names.map { $0 + ".txt" })
        XCTAssertEqual(documents.compactMap { $0["id"] as? String }, names.map { PlanID(content: PackageFiles.plan($0)).rawValue })
    }

    func test_emptyCorpus_exportsNothing() throws {
        let store = CorpusStore(directory: folder)
        XCTAssertEqual(try export(store, Exporter(format: .jsonl, records: .plans)), [])
    }
}
