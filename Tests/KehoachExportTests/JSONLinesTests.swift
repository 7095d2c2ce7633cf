import Foundation
import XCTest
import KehoachCorpus
import KehoachExport
import KehoachExtract
import KehoachRender

final class JSONLinesTests: XCTestCase {
    func test_jsonlPlans_oneLinePerPlan_withSummaryBesideTheParsedPlan() throws {
        let exporter = try Exporter(format: .jsonl, records: .plans)
        for (summary, plan) in ExportFixtures.shipped {
            let out = try exporter.export(summary, plan)
            let lines = ExportFixtures.lines(out.bytes)
            XCTAssertEqual(lines.count, 2, "one line and the newline that ends it")
            XCTAssertEqual(lines.last, [])
            XCTAssertEqual(out.records, 1)
            let record = try XCTUnwrap(ExportFixtures.object(lines[0]))
            XCTAssertEqual(record["id"] as? String, summary.id.rawValue)
            XCTAssertEqual(record["source"] as? String, summary.source)
            XCTAssertEqual(record["number"] as? String, summary.number)
            XCTAssertEqual(record["issuer"] as? String, summary.issuer)
            XCTAssertEqual(record["level"] as? String, summary.level?.rawValue)
            XCTAssertEqual(record["date"] as? String, summary.date)
            XCTAssertEqual(record["title"] as? String, summary.title)
            XCTAssertEqual(record["yearFrom"] as? Int, summary.years?.lowerBound)
            XCTAssertEqual(record["yearTo"] as? Int, summary.years?.upperBound)
            XCTAssertEqual(record["targetCount"] as? Int, plan.targets.count)
            // The plan is the object `kehoach parse --format json` prints.
            let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(PlanJSON.encode(plan, pretty: false).utf8)) as? NSDictionary)
            XCTAssertEqual(record["plan"] as? NSDictionary, parsed)
        }
        XCTAssertEqual(ExportFixtures.shipped.map { $0.summary.number }.compactMap { $0 }.count, 3, "the shipped plans have numbers to check")
    }

    /// The plan inside a record is byte for byte `parse --format json`'s compact JSON, so that an
    /// engine indexes exactly what kehoach prints.
    func test_planInsideARecord_isTheBytesParsePrints() throws {
        let exporter = try Exporter(format: .jsonl, records: .plans)
        for (summary, plan) in ExportFixtures.shipped {
            let line = String(decoding: try exporter.export(summary, plan).bytes, as: UTF8.self)
            let printed = String(decoding: plan.jsonBytes(pretty: false), as: UTF8.self)
            XCTAssertTrue(line.contains(",\"plan\":" + printed + ",\"source\":"), "record of \(summary.source)")
        }
    }

    func test_jsonlTargets_oneLinePerTargetWithPlanMetadata() throws {
        let exporter = try Exporter(format: .jsonl, records: .targets)
        var total = 0
        for (summary, plan) in ExportFixtures.shipped {
            let out = try exporter.export(summary, plan)
            let lines = ExportFixtures.lines(out.bytes).dropLast()
            XCTAssertEqual(lines.count, plan.targets.count)
            XCTAssertEqual(out.records, plan.targets.count)
            for (ordinal, (line, target)) in zip(lines, plan.targets).enumerated() {
                let record = try XCTUnwrap(ExportFixtures.object(Array(line)))
                XCTAssertEqual(record["id"] as? String, "\(summary.id.rawValue)-\(ordinal)")
                XCTAssertEqual(record["planId"] as? String, summary.id.rawValue)
                XCTAssertEqual(record["ordinal"] as? Int, ordinal)
                XCTAssertEqual(record["number"] as? String, summary.number)
                XCTAssertEqual(record["issuer"] as? String, summary.issuer)
                XCTAssertEqual(record["level"] as? String, summary.level?.rawValue)
                XCTAssertEqual(record["date"] as? String, summary.date)
                XCTAssertEqual(record["yearFrom"] as? Int, summary.years?.lowerBound)
                XCTAssertEqual(record["yearTo"] as? Int, summary.years?.upperBound)
                XCTAssertEqual(record["indicator"] as? String, target.indicator)
                XCTAssertEqual(record["value"] as? Double, target.value)
                XCTAssertEqual(record["comparator"] as? String, target.comparator.rawValue)
                XCTAssertEqual(record["unit"] as? String, target.unit)
                XCTAssertEqual(record["population"] as? String, target.population)
                XCTAssertEqual(record["year"] as? Int, target.year)
                XCTAssertEqual(record["aspirational"] as? Bool, target.aspirational)
                XCTAssertEqual(record["line"] as? Int, target.line)
                XCTAssertEqual(record["quote"] as? String, target.quote)
                XCTAssertEqual(record["text"] as? String, target.text)
                XCTAssertEqual(record["section"] as? [String], target.section)
            }
            total += lines.count
        }
        XCTAssertGreaterThan(total, 20, "the shipped plans set targets")
    }

    func test_everyRecordHasEveryKey_nullWhereUnknown() throws {
        let (summary, plan) = ExportFixtures.plan(targets: [ExportFixtures.target(quote: "100%", text: "100% chữ ký số", indicator: nil)])
        for records in ExportRecords.allCases {
            let out = try Exporter(format: .jsonl, records: records).export(summary, plan)
            let record = try XCTUnwrap(ExportFixtures.object(ExportFixtures.lines(out.bytes)[0]))
            XCTAssertEqual(Set(record.keys), Set(records.fields.map(\.name)), "\(records)")
            XCTAssertTrue(record["number"] is NSNull, "an unknown number is null, not left out")
            XCTAssertTrue(record["level"] is NSNull)
            if records == .targets { XCTAssertTrue(record["indicator"] is NSNull) }
        }
    }

    func test_planTextWithNewlineAndQuotes_staysOneLine() throws {
        let quote = "100% \"chữ ký số\" <script>alert('x')</script>\nxuống dòng\r\n\ttab \\ gạch"
        let text = "đoạn\u{2028}tách dòng\u{2029}đoạn mới\u{85}dòng sau\u{0}\u{1F}"
        let (summary, plan) = ExportFixtures.plan(targets: [ExportFixtures.target(quote: quote, text: text)])
        for format in ExportFormat.allCases {
            for records in ExportRecords.allCases {
                let out = try Exporter(format: format, records: records).export(summary, plan)
                let lines = ExportFixtures.lines(out.bytes)
                XCTAssertEqual(lines.count, format == .jsonl ? 2 : 3, "\(format) \(records): every record on one line")
                XCTAssertEqual(lines.last, [], "ends with a newline")
                let bytes = out.bytes
                for separator: [UInt8] in [[0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xC2, 0x85], [0x0D]] {
                    XCTAssertFalse(bytes.indices.contains { bytes[$0...].starts(with: separator) },
                                   "no raw \(separator) that a line reader could split at")
                }
                // The text reads back as it was, through Python's way of splitting lines too.
                let document = try XCTUnwrap(ExportFixtures.object(lines[lines.count - 2]))
                let written = String(decoding: bytes, as: UTF8.self)
                XCTAssertEqual(written.split(whereSeparator: \.isNewline).count, lines.count - 1)
                if records == .targets {
                    XCTAssertEqual(document["quote"] as? String, quote)
                    XCTAssertEqual(document["text"] as? String, text)
                } else {
                    let target = try XCTUnwrap(((document["plan"] as? [String: Any])?["targets"] as? [[String: Any]])?.first)
                    XCTAssertEqual(target["quote"] as? String, quote)
                    XCTAssertEqual(target["text"] as? String, text)
                }
            }
        }
    }

    func test_valueJSONCannotHold_isAnError_notABrokenLine() throws {
        let (summary, plan) = ExportFixtures.plan(targets: [ExportFixtures.target(quote: "x", text: "x", value: .nan)])
        XCTAssertThrowsError(try Exporter(format: .jsonl, records: .targets).export(summary, plan)) { error in
            guard case ExportError.unencodable(let id, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(id, summary.id.rawValue)
        }
    }

    func test_planWithoutTargets_writesNoTargetLines_butItsPlanLine() throws {
        let (summary, plan) = ExportFixtures.plan(targets: [])
        XCTAssertEqual(try Exporter(format: .jsonl, records: .targets).export(summary, plan).bytes, [])
        XCTAssertEqual(try Exporter(format: .opensearchBulk, records: .targets).export(summary, plan).bytes, [])
        XCTAssertEqual(try Exporter(format: .jsonl, records: .plans).export(summary, plan).records, 1)
    }
}
