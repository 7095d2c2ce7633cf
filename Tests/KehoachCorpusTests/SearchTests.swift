import XCTest
@testable import KehoachCorpus
import KehoachExtract
import KehoachGrammar
import KehoachText

/// Search over the four shipped plans.
final class SearchTests: CorpusTestCase {
    var ids: [String: PlanID] = [:]

    override func setUp() {
        super.setUp()
        for outcome in importPlans(Fixtures.allShipped) {
            if let plan = outcome.importedPlan { ids[String(outcome.name.prefix(3))] = plan.id }
        }
        XCTAssertEqual(ids.count, 4)
    }

    func all(_ text: String, _ configure: (inout SearchQuery) -> Void = { _ in }) -> [SearchHit] {
        var query = SearchQuery(text, limit: 0)
        configure(&query)
        return search(query).hits
    }

    // MARK: folding

    func test_chuKySo_findsTheDigitalSignatureTargetsOfEveryShippedPlan() {
        let hits = all("chu ky so")
        XCTAssertEqual(Set(hits.map(\.plan.id)), Set(ids.values))
        let signatures = hits.filter { $0.target?.indicator == "digital-signature" }
        XCTAssertEqual(Set(signatures.map(\.plan.id)), Set([ids["001"]!, ids["002"]!, ids["004"]!]))
        for hit in hits {
            XCTAssertTrue(hit.snippet.matches.contains { Folding.searchKey($0).contains("ky") }, hit.snippet.text)
        }
    }

    func test_foldingIgnoresCaseDiacriticsToneAndD() {
        let reference = all("chu ky so").map { "\($0.plan.id):\($0.line):\($0.target!.value)" }
        XCTAssertEqual(all("CHỮ KÝ SỐ").map { "\($0.plan.id):\($0.line):\($0.target!.value)" }, reference)
        XCTAssertEqual(all("Chữ Ký số").map { "\($0.plan.id):\($0.line):\($0.target!.value)" }, reference)
        XCTAssertFalse(all("dinh danh").isEmpty, "đ folds to d")
        XCTAssertEqual(all("hoá").count, all("hóa").count, "old and new tone placement are the same word")
    }

    func test_hocBaSo_min100_findsOnlyThe100PercentTargets() {
        let hits = all("hoc ba so") { $0.minValue = 100 }
        XCTAssertFalse(hits.isEmpty)
        XCTAssertTrue(hits.allSatisfy { $0.target?.value == 100 })
        XCTAssertEqual(Set(hits.map(\.plan.id)), [ids["000"]!, ids["002"]!])
    }

    func test_everyQueryWordMustOccur() {
        XCTAssertTrue(all("chu ky so xyzzy").isEmpty)
        XCTAssertFalse(all("xac thuc thanh cong").isEmpty)
    }

    // MARK: abbreviations

    func test_CBQL_findsCanBoQuanLy_andTheOtherWayRound() {
        let abbreviated = all("CBQL")
        XCTAssertTrue(abbreviated.contains { $0.snippet.text.contains("cán bộ quản lý") }, "CBQL finds the full form")
        XCTAssertTrue(abbreviated.contains { $0.snippet.text.contains("CBQL") })
        XCTAssertEqual(Set(all("cán bộ quản lý").map(\.line)), Set(abbreviated.map(\.line)), "the full form finds CBQL too")
        let hit = abbreviated.first { $0.snippet.text.contains("cán bộ quản lý") }!
        XCTAssertTrue(hit.snippet.matches.contains("cán bộ quản lý"), "the whole phrase is highlighted: \(hit.snippet.matches)")
    }

    func test_GDDT_findsGDandDT_andGiaoDucVaDaoTao() {
        let hits = all("GDĐT") { $0.scope = .allItems }
        let texts = hits.map(\.snippet.text)
        XCTAssertTrue(texts.contains { $0.contains("GDĐT") })
        XCTAssertTrue(texts.contains { $0.contains("GD&ĐT") })
        XCTAssertTrue(texts.contains { $0.contains("Giáo dục và Đào tạo") })
        XCTAssertEqual(all("GD&ĐT") { $0.scope = .allItems }.count, hits.count)
        XCTAssertEqual(all("giao duc va dao tao") { $0.scope = .allItems }.count, hits.count)
    }

    // MARK: filters

    func test_levelFilter_keepsPlansOfThatLevel() {
        let hits = all("chu ky so") { $0.level = .school }
        XCTAssertFalse(hits.isEmpty)
        XCTAssertTrue(hits.allSatisfy { $0.plan.id == ids["002"] })
    }

    func test_yearFilter_keepsTargetsDueThatYear_orInPlansAboutIt() {
        let hits = all("chu ky so") { $0.year = 2025 }
        XCTAssertFalse(hits.isEmpty)
        XCTAssertTrue(hits.allSatisfy { $0.target?.years?.contains(2025) ?? false })
        XCTAssertTrue(hits.contains { $0.plan.id == ids["004"] }, "2025 plan")
        XCTAssertFalse(hits.contains { $0.plan.id == ids["002"] }, "2026 plan")
    }

    func test_issuerFilter_isAFoldedSubstring() {
        let hits = all("chu ky so") { $0.issuer = "AN LAO" }
        XCTAssertEqual(Set(hits.map(\.plan.id)), [ids["001"]!])
    }

    func test_indicatorFilter_keepsTargetsOfThatIndicator() {
        let hits = all("") { $0.indicator = "digital-signature" }
        XCTAssertEqual(hits.count, 4)
        XCTAssertTrue(hits.allSatisfy { $0.target?.indicator == "digital-signature" })
    }

    func test_minAndMax_boundTheTargetValue() {
        let hits = all("giao vien") { $0.minValue = 70; $0.maxValue = 90 }
        XCTAssertFalse(hits.isEmpty)
        XCTAssertTrue(hits.allSatisfy { (70...90).contains($0.target!.value) })
    }

    func test_targetsOnlyByDefault_andAnyItemWithAll() {
        XCTAssertTrue(all("muc dich yeu cau").isEmpty, "a section title states no target")
        let items = all("muc dich yeu cau") { $0.scope = .allItems }
        XCTAssertTrue(items.contains { $0.kind == .section && $0.target == nil })
        XCTAssertTrue(all("muc dich yeu cau") { $0.scope = .allItems; $0.minValue = 0 }.isEmpty,
                      "a filter on the value keeps only targets")
    }

    func test_limit_cutsTheListButCountsAll() {
        let results = search(SearchQuery("chu ky so", limit: 3))
        XCTAssertEqual(results.hits.count, 3)
        XCTAssertEqual(results.total, 8)
        XCTAssertEqual(results.hits.map(\.line), Array(all("chu ky so").prefix(3)).map(\.line))
    }

    func test_hitsCarryPlanSectionLineValueAndHighlightRanges() throws {
        // Line 43 of plan 000 states two targets: 100% verified, and a success rate of ≥98,5%.
        let hits = all("xac thuc thanh cong")
        XCTAssertEqual(hits.map { $0.target!.value }, [100, 98.5])
        let hit = hits[1]
        XCTAssertEqual(hit.plan.id, ids["000"])
        XCTAssertEqual(hit.plan.issuer, "Ủy ban nhân dân phường Lê Ích Mộc")
        XCTAssertEqual(hit.section, ["II", "3"])
        XCTAssertEqual(hit.line, 43)
        XCTAssertEqual(hit.target?.comparator, .atLeast)
        XCTAssertEqual(hit.target?.indicator, "population-id-verification")
        XCTAssertEqual(hit.snippet.matches.last, "xác thực thành công")
        XCTAssertTrue(hit.snippet.matches.allSatisfy { Folding.searchKey($0).hasPrefix("xac thuc") })
    }
}
