import XCTest
@testable import KehoachCorpus
import KehoachExtract
import KehoachGrammar
import KehoachText

/// The index pieces on their own: analyzer, segment format, ranking, manifest, merging, generator.
final class IndexTests: XCTestCase {
    let analyzer = TextAnalyzer(grammar: .bundled)

    func plan(_ id: UInt64, _ texts: [String], level: PlanLevel? = .school) -> IndexedPlan {
        let hex = String(id, radix: 16)
        let summary = PlanSummary(id: PlanID(rawValue: String(repeating: "0", count: 16 - hex.count) + hex), source: "p\(id).txt",
                                  number: "\(id)/KH-TH", issuer: "Trường \(id)", level: level, date: "2025-01-02", title: "Kế hoạch",
                                  years: 2025...2025, targetCount: texts.count)
        let items = texts.enumerated().map { i, text in
            IndexedItem(kind: .paragraph, line: i + 1, section: ["I", "\(i + 1)"], text: text,
                        targets: [IndexedTarget(line: i + 1, value: 100, unit: "%", comparator: .equal, aspirational: false,
                                                indicator: nil, years: 2025...2025)])
        }
        return IndexedPlan(summary: summary, items: items)
    }

    func snapshot(_ plans: [IndexedPlan]) throws -> CorpusSnapshot {
        var builder = SegmentBuilder(analyzer: analyzer)
        for p in plans { builder.add(p) }
        let segment = try Segment(name: "test", storage: InMemorySegmentBytes(builder.encode()))
        var manifest = Manifest()
        manifest.segments = [.init(name: "test", planCount: plans.count)]
        return CorpusSnapshot(segments: [segment], manifest: manifest, analyzer: analyzer)
    }

    // MARK: analyzer

    func test_words_areFoldedWithTheirByteRanges() {
        let text = "Chữ ký số, ĐẠT 100%"
        let words = TextAnalyzer.words(text)
        XCTAssertEqual(words.map(\.term), ["chu", "ky", "so", "dat", "100"])
        let bytes = Array(text.utf8)
        XCTAssertEqual(words.map { String(decoding: bytes[$0.range], as: UTF8.self) }, ["Chữ", "ký", "số", "ĐẠT", "100"])
        XCTAssertEqual(words.map(\.term).joined(separator: " "), Folding.searchKey(text), "same folding as searchKey")
    }

    func test_abbreviationGroups_becomeOneConceptTerm_inTextAndQuery() {
        XCTAssertEqual(analyzer.queryTerms("CBQL"), analyzer.queryTerms("cán bộ quản lý"))
        XCTAssertEqual(analyzer.queryTerms("GDĐT"), analyzer.queryTerms("GD&ĐT"))
        XCTAssertEqual(analyzer.queryTerms("GDĐT"), analyzer.queryTerms("Giáo dục và Đào tạo"))
        XCTAssertEqual(analyzer.queryTerms("chu ky so"), ["chu", "ky", "so"])
        let concept = analyzer.queryTerms("CBQL")[0]
        XCTAssertTrue(analyzer.tokens("100% cán bộ quản lý được cấp").contains { $0.term == concept })
        XCTAssertTrue(analyzer.tokens("100% CBQL được cấp").contains { $0.term == concept })
    }

    func test_overlappingGroups_areAllIndexed() {
        // "cán bộ, giáo viên, nhân viên" is CBGVNV and contains "giáo viên" (GV).
        let terms = Set(analyzer.tokens("cán bộ, giáo viên, nhân viên").map(\.term))
        XCTAssertTrue(terms.contains(analyzer.queryTerms("CBGVNV")[0]))
        XCTAssertTrue(terms.contains(analyzer.queryTerms("GV")[0]))
    }

    // MARK: segment format

    func test_segment_readsBackWhatWasWritten() throws {
        let plans = [plan(1, ["100% giáo viên có chữ ký số", "Học bạ số"]), plan(2, ["CBQL dùng email công vụ"], level: nil)]
        var builder = SegmentBuilder(analyzer: analyzer)
        for p in plans { builder.add(p) }
        let segment = try Segment(name: "s", storage: InMemorySegmentBytes(builder.encode()))
        XCTAssertEqual(segment.planCount, 2)
        XCTAssertEqual(segment.indexedPlan(0), plans[0])
        XCTAssertEqual(segment.indexedPlan(1), plans[1])
        XCTAssertEqual(segment.allTerms(), segment.allTerms().sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        XCTAssertEqual(segment.postings("so").items, [0, 1])
        XCTAssertEqual(segment.postings("nothing").items, [])
    }

    func test_segment_rejectsTruncatedBytes() {
        var builder = SegmentBuilder(analyzer: analyzer)
        builder.add(plan(1, ["Học bạ số"]))
        let bytes = builder.encode()
        XCTAssertThrowsError(try Segment(name: "s", storage: InMemorySegmentBytes(Array(bytes.dropLast(3)))))
        XCTAssertThrowsError(try Segment(name: "s", storage: InMemorySegmentBytes(Array("garbage".utf8))))
    }

    // MARK: ranking

    /// N = 4 items, average length 5.25 words. For "ký": the two-word item beats the item that
    /// repeats it (length normalisation outweighs tf 2 there), and the long one comes last.
    func test_bm25_ordersByTermFrequencyLengthAndRarity() throws {
        let a = "chữ ký số chữ ký số", b = "chữ ký số cho giáo viên học sinh toàn trường", c = "chữ ký", d = "học bạ số"
        let corpus = try snapshot([plan(1, [a]), plan(2, [b]), plan(3, [c]), plan(4, [d])])
        let hits = corpus.search(SearchQuery("ký", limit: 0)).hits
        XCTAssertEqual(hits.map(\.snippet.text), [c, a, b])
        let bm25 = BM25(documents: 4, totalWords: 6 + 10 + 2 + 3)
        let idf = bm25.idf(documentFrequency: 3)
        XCTAssertEqual(hits[1].score, bm25.score(termFrequency: 2, length: 6, idf: idf), accuracy: 1e-9)
        XCTAssertEqual(hits[0].score, log(1 + 1.5 / 3.5) * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / 5.25)), accuracy: 1e-9)

        // "chữ ký số": c lacks "số"; a (tf 2, shorter) before b.
        XCTAssertEqual(corpus.search(SearchQuery("chu ky so", limit: 0)).hits.map(\.snippet.text), [a, b])

        // A rare word weighs more than a common one: repeating "học" (in 2 of 4 items) counts for
        // more than repeating "số" (in all 4).
        let x = "học học số", y = "học số số"
        let rarity = try snapshot([plan(1, [y]), plan(2, [x]), plan(3, ["số"]), plan(4, ["số"])])
        XCTAssertEqual(rarity.search(SearchQuery("hoc so", limit: 0)).hits.map(\.snippet.text), [x, y])
    }

    func test_topHits_keepsTheBestInOrder() {
        var top = TopHits(limit: 3)
        for (i, score) in [1.0, 5, 3, 5, 0.5, 4].enumerated() { top.insert(Candidate(score: score, segment: 0, item: i, target: 0)) }
        XCTAssertEqual(top.sorted().map(\.item), [1, 3, 5])
    }

    func test_postingCursor_advancesAcrossBlocks_likeALinearScan() throws {
        // 1,000 items: "alpha" in all, "beta" in every 7th, "gamma" in the last one only.
        let texts = (0..<1000).map { i in "alpha" + (i % 7 == 0 ? " beta" : "") + (i == 999 ? " gamma gamma" : "") }
        var builder = SegmentBuilder(analyzer: analyzer)
        builder.add(plan(1, texts))
        let segment = try Segment(name: "s", storage: InMemorySegmentBytes(builder.encode()))
        XCTAssertEqual(segment.postings("alpha").items, (0..<1000).map(UInt32.init))
        XCTAssertEqual(segment.postings("beta").items, stride(from: 0, to: 1000, by: 7).map(UInt32.init))
        XCTAssertEqual(segment.postings("gamma").frequencies, [2])
        let beta = segment.postings("beta").items
        for start in [0, 5, 130, 500] {
            for target in stride(from: start, through: 1001, by: 37) {
                var c = try XCTUnwrap(segment.cursor("beta"))
                _ = c.advance(to: UInt32(start))
                let expected = beta.first { $0 >= UInt32(max(start, target)) }
                XCTAssertEqual(c.advance(to: UInt32(target)) ? c.item : nil, expected, "from \(start) to \(target)")
            }
        }
        let corpus = try snapshot([plan(1, texts)])
        XCTAssertEqual(corpus.search(SearchQuery("beta alpha", limit: 0)).total, beta.count)
        XCTAssertEqual(corpus.search(SearchQuery("alpha gamma", limit: 0)).hits.map(\.line), [1000])
    }

    // MARK: manifest and merging

    func test_manifest_roundTrips_andRejectsATruncatedFile() throws {
        var manifest = Manifest()
        let a = manifest.nextSegmentName(), b = manifest.nextSegmentName()
        manifest.segments = [.init(name: a, planCount: 10, deleted: [3, 7]), .init(name: b, planCount: 2)]
        XCTAssertEqual(try Manifest(decoding: manifest.encoded()), manifest)
        XCTAssertThrowsError(try Manifest(decoding: String(manifest.encoded().dropLast(4))))
        XCTAssertThrowsError(try Manifest(decoding: "hello\n"))
    }

    func test_mergePolicy_keepsSegmentsFewLikeABinaryCounter_andCompactsDeletions() {
        let policy = MergePolicy(maxPlans: 100)
        var sizes: [Int] = []
        for _ in 0..<11 {
            sizes.append(10)
            var entries = sizes.enumerated().map { Manifest.SegmentEntry(name: "\($0.offset)", planCount: $0.element) }
            while let run = policy.nextMerge(entries) {
                let merged = entries[run].reduce(0) { $0 + $1.liveCount }
                entries.replaceSubrange(run, with: [Manifest.SegmentEntry(name: "m", planCount: merged)])
            }
            sizes = entries.map(\.planCount)
        }
        XCTAssertEqual(sizes, [80, 20, 10])
        XCTAssertEqual(policy.nextMerge([.init(name: "a", planCount: 9, deleted: [1, 2, 3])]), 0..<1)
        XCTAssertNil(policy.nextMerge([.init(name: "a", planCount: 80), .init(name: "b", planCount: 80)]), "would exceed maxPlans")
    }

    func test_mergePolicy_batchesOfOneImport_mergeInOneRun() {
        let batches = (0..<10).map { Manifest.SegmentEntry(name: "\($0)", planCount: 10) }
        XCTAssertEqual(MergePolicy(maxPlans: 100).nextMerge(batches), 0..<10)
        XCTAssertEqual(MergePolicy(maxPlans: 50).nextMerge(batches), 5..<10, "no bigger than maxPlans")
        XCTAssertEqual(MergePolicy(maxPlans: 100).nextMerge([.init(name: "a", planCount: 40)] + batches.prefix(2)), 1..<3)
    }

    // MARK: generator

    func test_generator_isDeterministic_andVariesThePlans() throws {
        let templates = Fixtures.shippedPlans.map(\.bytes)
        let a = PlanGenerator(templates: templates, seed: 7), b = PlanGenerator(templates: templates, seed: 7)
        XCTAssertEqual(a.plan(3).bytes, b.plan(3).bytes)
        XCTAssertNotEqual(a.plan(3).bytes, PlanGenerator(templates: templates, seed: 8).plan(3).bytes)
        let plans = (0..<20).map { a.plan($0) }
        XCTAssertEqual(Set(plans.map(\.bytes)).count, 20)
        let reader = PlanReader()
        for (_, bytes) in plans.prefix(8) {
            let plan = try reader.read(bytes)
            XCTAssertFalse(plan.targets.isEmpty)
            XCTAssertNotNil(plan.metadata.issuer)
        }
    }

    func test_generatedPlans_importWithoutConflicts() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generator = PlanGenerator(templates: Fixtures.shippedPlans.map(\.bytes), seed: 1)
        var store = CorpusStore(directory: folder)
        store.batchSize = 16
        var refused = 0
        try store.importPlans((0..<60).map { let p = generator.plan($0); return ImportInput(name: p.name, bytes: p.bytes) },
                              replace: false) { if case .refused = $0 { refused += 1 } }
        XCTAssertEqual(refused, 0)
        let snapshot = try store.snapshot()
        XCTAssertEqual(snapshot.planCount, 60)
        XCTAssertLessThanOrEqual(snapshot.segments.count, 3)
        XCTAssertFalse(snapshot.search(SearchQuery("chu ky so")).hits.isEmpty)
    }
}
