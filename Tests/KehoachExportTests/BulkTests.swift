import Foundation
import XCTest
import KehoachCorpus
import KehoachExport
import KehoachExtract

final class BulkTests: XCTestCase {
    func test_bulk_endsWithNewlineAndPairsActions() throws {
        let bulk = try Exporter(format: .opensearchBulk, records: .targets)
        let jsonl = try Exporter(format: .jsonl, records: .targets)
        for (summary, plan) in ExportFixtures.shipped {
            let out = try bulk.export(summary, plan)
            XCTAssertEqual(out.bytes.last, 0x0A, "the _bulk API needs the final newline")
            let lines = ExportFixtures.lines(out.bytes).dropLast()
            XCTAssertEqual(lines.count, 2 * plan.targets.count, "an action line before each document")
            let documents = ExportFixtures.lines(try jsonl.export(summary, plan).bytes).dropLast()
            for (pair, document) in zip(stride(from: 0, to: lines.count, by: 2), documents) {
                let action = try XCTUnwrap(ExportFixtures.object(Array(lines[lines.startIndex + pair])))
                XCTAssertEqual(Array(action.keys), ["index"])
                let target = try XCTUnwrap(action["index"] as? [String: String])
                let body = Array(lines[lines.startIndex + pair + 1])
                XCTAssertEqual(body, Array(document), "the document is the JSON line")
                XCTAssertEqual(target, ["_index": "kehoach-targets", "_id": ExportFixtures.object(body)?["id"] as? String ?? "?"])
            }
        }
    }

    func test_bulkPlans_documentIdIsThePlanID_inTheIndexGiven() throws {
        let (summary, plan) = ExportFixtures.shipped[1]
        let out = try Exporter(format: .opensearchBulk, records: .plans, index: "so-gd-2026").export(summary, plan)
        let lines = ExportFixtures.lines(out.bytes)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(String(decoding: lines[0], as: UTF8.self), #"{"index":{"_id":"\#(summary.id.rawValue)","_index":"so-gd-2026"}}"#)
        XCTAssertEqual(ExportFixtures.object(lines[1])?["id"] as? String, summary.id.rawValue)
        XCTAssertEqual(out.records, 1)
    }

    func test_targetIds_areUniqueAcrossTheShippedPlans() throws {
        let exporter = try Exporter(format: .jsonl, records: .targets)
        var ids: [String] = []
        for (summary, plan) in ExportFixtures.shipped {
            ids += ExportFixtures.lines(try exporter.export(summary, plan).bytes).dropLast().compactMap { ExportFixtures.object($0)?["id"] as? String }
        }
        XCTAssertEqual(ids.count, ExportFixtures.shipped.reduce(0) { $0 + $1.plan.targets.count })
        XCTAssertEqual(Set(ids).count, ids.count, "a second load replaces a document rather than adding one")
    }

    func test_indexName_refusesWhatOpenSearchRefuses() {
        for bad in ["", ".", "..", "Plans", "a b", "a/b", "a,b", "a#b", "a*b", "a\"b", "a:b", "_plans", "-plans", "+plans",
                    "a\nb", "a\u{7}b", String(repeating: "x", count: 256)] {
            XCTAssertThrowsError(try IndexName(bad), String(reflecting: bad)) { error in
                guard case ExportError.indexName = error else { return XCTFail("\(error)") }
            }
        }
        for good in ["kehoach-plans", "kehoach-targets-2026", "so.gddt_hp", "chỉ-tiêu"] {
            XCTAssertNoThrow(try IndexName(good), good)
        }
        XCTAssertThrowsError(try Exporter(format: .opensearchBulk, records: .plans, index: "Bad Name"))
    }

    func test_indexNameMessage_showsControlCharactersEscaped() {
        do {
            _ = try IndexName("a\u{1B}[31mb")
            XCTFail("refused")
        } catch {
            XCTAssertFalse(error.description.unicodeScalars.contains { $0.value == 0x1B }, error.description)
            XCTAssertTrue(error.description.contains("\\u{1B}"), error.description)
        }
    }
}
