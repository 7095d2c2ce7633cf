import Foundation
import XCTest
import KehoachExport
import KehoachTestSupport

final class MappingTests: XCTestCase {
    private func mapping(_ records: ExportRecords) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(IndexMapping(records).json.utf8)) as? [String: Any])
    }

    private func properties(_ records: ExportRecords) throws -> [String: [String: Any]] {
        let mappings = try XCTUnwrap(mapping(records)["mappings"] as? [String: Any])
        return try XCTUnwrap(mappings["properties"] as? [String: [String: Any]])
    }

    func test_mapping_declaresEveryFieldTheExporterWrites_andNoOther() throws {
        for records in ExportRecords.allCases {
            var written: Set<String> = []
            for format in ExportFormat.allCases {
                let exporter = try Exporter(format: format, records: records)
                for (summary, plan) in ExportFixtures.shipped {
                    let lines = ExportFixtures.lines(try exporter.export(summary, plan).bytes).dropLast()
                    let documents = format == .jsonl ? Array(lines) : lines.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
                    for line in documents { written.formUnion(try XCTUnwrap(ExportFixtures.object(Array(line))).keys) }
                }
            }
            XCTAssertFalse(written.isEmpty)
            XCTAssertEqual(written, Set(try properties(records).keys), "\(records): with dynamic strict, a field missing from the mapping refuses the document")
            XCTAssertEqual(IndexMapping(records).fieldNames, written)
        }
    }

    func test_mapping_foldsVietnameseText_keywordsForIds_numbersAndDatesTyped() throws {
        let analysis = try XCTUnwrap((mapping(.targets)["settings"] as? [String: Any])?["analysis"] as? [String: Any])
        let analyzer = try XCTUnwrap((analysis["analyzer"] as? [String: Any])?[IndexMapping.analyzer] as? [String: Any])
        XCTAssertEqual(analyzer["filter"] as? [String], ["lowercase", "asciifolding"])
        XCTAssertEqual(analyzer["tokenizer"] as? String, "standard")
        let mappings = try XCTUnwrap(mapping(.targets)["mappings"] as? [String: Any])
        XCTAssertEqual(mappings["dynamic"] as? String, "strict")
        let p = try properties(.targets)
        for field in ["id", "planId", "level", "indicator", "unit", "comparator"] { XCTAssertEqual(p[field]?["type"] as? String, "keyword", field) }
        XCTAssertEqual(p["value"]?["type"] as? String, "double")
        for field in ["year", "yearFrom", "yearTo", "line", "ordinal"] { XCTAssertEqual(p[field]?["type"] as? String, "integer", field) }
        XCTAssertEqual(p["aspirational"]?["type"] as? String, "boolean")
        XCTAssertEqual(p["date"]?["type"] as? String, "date")
        XCTAssertEqual(p["date"]?["format"] as? String, "strict_date||strict_year_month||strict_year", "the printed precisions: 2024-09-30, 2025-12, 2025")
        for field in ["quote", "text", "issuer", "population"] {
            XCTAssertEqual(p[field]?["type"] as? String, "text", field)
            XCTAssertEqual(p[field]?["analyzer"] as? String, IndexMapping.analyzer, field)
        }
        XCTAssertEqual(((p["issuer"]?["fields"] as? [String: Any])?["raw"] as? [String: Any])?["type"] as? String, "keyword",
                       "issuers counted exactly")
        let plans = try properties(.plans)
        XCTAssertEqual(plans["plan"]?["enabled"] as? Bool, false, "the whole plan is kept, not indexed field by field")
        XCTAssertEqual(plans["title"]?["analyzer"] as? String, IndexMapping.analyzer)
    }

    func test_shippedMappingFiles_areTheGeneratedMappings() {
        for records in ExportRecords.allCases {
            let path = "docs/opensearch/kehoach-\(records.rawValue).mapping.json"
            let shipped = String(decoding: PackageFiles.bytes(path), as: UTF8.self)
            XCTAssertEqual(shipped, IndexMapping(records).json,
                           "\(path) drifted: regenerate it with 'kehoach export --format opensearch-mapping\(records == .targets ? " --targets" : "") -o \(path)'")
        }
    }
}
