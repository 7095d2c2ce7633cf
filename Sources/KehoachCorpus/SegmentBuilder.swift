import KehoachExtract
import KehoachGrammar
import KehoachText

/// Builds one index segment in memory from indexed plans, then encodes it (`SegmentFormat`).
/// Used for a new import batch, for merging segments and for `reindex` alike: the postings
/// always come from analysing the item texts, so a merged segment equals a freshly built one.
struct SegmentBuilder {
    private let analyzer: TextAnalyzer
    private var planRecords = ByteWriter()
    private var itemRecords = ByteWriter()
    private var itemHeads = ByteWriter()
    private var targetRecords = ByteWriter()
    private var strings = StringTable()
    private var termIDs: [String: Int] = [:]
    private var termNames: [String] = []
    /// Per term: item id, term frequency, item id, term frequency…
    private var postings: [[UInt32]] = []
    private(set) var planCount = 0
    private var itemCount = 0
    private var targetCount = 0
    private var totalWords: UInt64 = 0

    init(analyzer: TextAnalyzer) {
        self.analyzer = analyzer
    }

    var isEmpty: Bool { planCount == 0 }

    /// The terms of one item and its length in words: what the postings need from its text.
    struct ItemTerms: Sendable {
        var frequencies: [(term: String, count: UInt32)]
        var words: UInt32
    }

    /// The analysis of each item of a plan; it can run ahead of `add`, on another thread.
    static func analyze(_ plan: IndexedPlan, analyzer: TextAnalyzer) -> [ItemTerms] {
        plan.items.map { item in
            var frequencies: [String: UInt32] = [:]
            var words: UInt32 = 0
            for token in analyzer.tokens(item.text) {
                frequencies[token.term, default: 0] += 1
                if !token.isConcept { words += 1 }
            }
            return ItemTerms(frequencies: frequencies.map { ($0.key, $0.value) }, words: words)
        }
    }

    mutating func add(_ plan: IndexedPlan, terms: [ItemTerms]? = nil) {
        let terms = terms ?? Self.analyze(plan, analyzer: analyzer)
        let s = plan.summary
        planRecords.u64(UInt64(s.id.rawValue, radix: 16) ?? 0)
        planRecords.str(strings.add(s.source, intern: false))
        planRecords.str(strings.add(s.number, intern: false))
        planRecords.str(strings.add(s.issuer, intern: true))
        planRecords.str(strings.add(s.issuer.map { Folding.searchKey($0) }, intern: true))
        planRecords.str(strings.add(s.title, intern: false))
        planRecords.str(strings.add(s.date, intern: true))
        planRecords.u32(UInt32(itemCount))
        planRecords.u32(UInt32(plan.items.count))
        planRecords.u32(UInt32(s.targetCount))
        planRecords.u16(UInt16(clamping: s.years?.lowerBound ?? 0))
        planRecords.u16(UInt16(clamping: s.years?.upperBound ?? 0))
        planRecords.u8(s.level.map { UInt8($0.rank) } ?? SegmentFormat.noLevel)
        planRecords.pad(to: SegmentFormat.planSize)
        for (item, itemTerms) in zip(plan.items, terms) { add(item, terms: itemTerms, plan: planCount) }
        planCount += 1
    }

    private mutating func add(_ item: IndexedItem, terms: ItemTerms, plan: Int) {
        let itemID = UInt32(itemCount)
        let words = terms.words
        for (term, tf) in terms.frequencies {
            let id: Int
            if let known = termIDs[term] {
                id = known
            } else {
                id = termNames.count
                termIDs[term] = id
                termNames.append(term)
                postings.append([])
            }
            postings[id].append(itemID)
            postings[id].append(tf)
        }
        totalWords += UInt64(words)
        itemHeads.u32(UInt32(plan))
        itemHeads.u16(UInt16(clamping: words))
        itemHeads.u8(item.kind.rawValue)
        itemHeads.u8(UInt8(clamping: item.targets.count))
        itemRecords.u32(UInt32(plan))
        itemRecords.u32(UInt32(clamping: item.line))
        itemRecords.str(strings.add(item.text, intern: false))
        itemRecords.str(strings.add(item.section.joined(separator: String(SegmentFormat.sectionSeparator)), intern: true))
        itemRecords.u32(UInt32(targetCount))
        itemRecords.u32(UInt32(item.targets.count))
        itemRecords.u32(words)
        itemRecords.u8(item.kind.rawValue)
        itemRecords.pad(to: SegmentFormat.itemSize)
        for t in item.targets {
            targetRecords.f64(t.value)
            targetRecords.u32(UInt32(clamping: t.line))
            targetRecords.u32(itemID)
            targetRecords.str(strings.add(t.unit, intern: true))
            targetRecords.str(strings.add(t.indicator, intern: true))
            targetRecords.u16(UInt16(clamping: t.years?.lowerBound ?? 0))
            targetRecords.u16(UInt16(clamping: t.years?.upperBound ?? 0))
            targetRecords.u8(UInt8(Comparator.allCases.firstIndex(of: t.comparator) ?? 0))
            targetRecords.u8(t.aspirational ? 1 : 0)
            targetRecords.pad(to: SegmentFormat.targetSize)
            targetCount += 1
        }
        itemCount += 1
    }

    /// The segment file's bytes.
    mutating func encode() -> [UInt8] {
        let order = termNames.indices.sorted { termNames[$0].utf8.lexicographicallyPrecedes(termNames[$1].utf8) }
        var terms = ByteWriter()
        var postingBytes = ByteWriter()
        for id in order {
            let ref = strings.add(termNames[id], intern: false)
            terms.u32(ref.0)
            terms.u32(ref.1)
            terms.u32(UInt32(postingBytes.count))
            let list = postings[id]
            let df = list.count / 2
            terms.u32(UInt32(df))
            var data = ByteWriter()
            var skips: [(UInt32, UInt32)] = []
            var previous: UInt32 = 0
            for k in 0..<df {
                if k % SegmentFormat.postingBlock == 0 && df > SegmentFormat.postingBlock {
                    skips.append((k == 0 ? 0 : previous, UInt32(data.count)))
                }
                data.varint(list[2 * k] - previous)
                data.varint(list[2 * k + 1])
                previous = list[2 * k]
            }
            postingBytes.u32(UInt32(skips.count))
            for (item, offset) in skips {
                postingBytes.u32(item)
                postingBytes.u32(offset)
            }
            postingBytes.append(data.bytes)
        }
        var out = ByteWriter()
        let plansOffset = SegmentFormat.headerSize
        let headsOffset = plansOffset + planRecords.count
        let itemsOffset = headsOffset + itemHeads.count
        let targetsOffset = itemsOffset + itemRecords.count
        let termsOffset = targetsOffset + targetRecords.count
        let postingsOffset = termsOffset + terms.count
        let stringsOffset = postingsOffset + postingBytes.count
        let fileLength = stringsOffset + strings.bytes.count
        out.reserve(fileLength)
        out.append(SegmentFormat.magic)
        out.u32(UInt32(planCount))
        out.u32(UInt32(itemCount))
        out.u32(UInt32(targetCount))
        out.u32(UInt32(termNames.count))
        out.u64(totalWords)
        for offset in [plansOffset, itemsOffset, targetsOffset, termsOffset, postingsOffset, postingBytes.count,
                       stringsOffset, strings.bytes.count, fileLength, headsOffset] {
            out.u64(UInt64(offset))
        }
        out.pad(to: SegmentFormat.headerSize)
        out.append(planRecords.bytes)
        out.append(itemHeads.bytes)
        out.append(itemRecords.bytes)
        out.append(targetRecords.bytes)
        out.append(terms.bytes)
        out.append(postingBytes.bytes)
        out.append(strings.bytes.bytes)
        return out.bytes
    }
}

/// The strings section of a segment being built; short repeated strings (units, indicators,
/// section paths, issuers) are stored once.
private struct StringTable {
    private(set) var bytes = ByteWriter()
    private var interned: [String: (UInt32, UInt32)] = [:]

    mutating func add(_ value: String?, intern: Bool) -> (UInt32, UInt32) {
        guard let value else { return (0, SegmentFormat.noString) }
        if intern, let known = interned[value] { return known }
        let ref = (UInt32(bytes.count), UInt32(value.utf8.count))
        bytes.append(value.utf8)
        if intern { interned[value] = ref }
        return ref
    }
}

extension ByteWriter {
    mutating func str(_ ref: (UInt32, UInt32)) {
        u32(ref.0)
        u32(ref.1)
    }
}
