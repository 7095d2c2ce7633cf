import KehoachExtract
import KehoachGrammar

/// One immutable index segment, read in place from its bytes (`SegmentFormat`): opening it
/// checks the header and nothing else, so loading the index costs the same for 10 plans or
/// 100,000; each lookup reads only the records it needs.
final class Segment: @unchecked Sendable {
    let name: String
    private let storage: SegmentBytes
    private let r: ByteReader
    let planCount: Int
    let itemCount: Int
    let targetCount: Int
    let termCount: Int
    let totalWords: Int
    private let plansOffset: Int
    private let headsOffset: Int
    private let itemsOffset: Int
    private let targetsOffset: Int
    private let termsOffset: Int
    private let postingsOffset: Int
    private let postingsLength: Int
    private let stringsOffset: Int
    private let stringsLength: Int

    struct Damaged: Error, CustomStringConvertible {
        let description: String
    }

    init(name: String, storage: SegmentBytes) throws(Damaged) {
        self.name = name
        self.storage = storage
        r = ByteReader(base: storage.buffer)
        guard r.count >= SegmentFormat.headerSize,
              Array(UnsafeRawBufferPointer(rebasing: r.base[0..<8])) == SegmentFormat.magic else {
            throw Damaged(description: "\(name): not an index segment (bad header)")
        }
        planCount = Int(r.u32(8))
        itemCount = Int(r.u32(12))
        targetCount = Int(r.u32(16))
        termCount = Int(r.u32(20))
        totalWords = Int(r.u64(24))
        plansOffset = Int(r.u64(32))
        itemsOffset = Int(r.u64(40))
        targetsOffset = Int(r.u64(48))
        termsOffset = Int(r.u64(56))
        postingsOffset = Int(r.u64(64))
        postingsLength = Int(r.u64(72))
        stringsOffset = Int(r.u64(80))
        stringsLength = Int(r.u64(88))
        let fileLength = Int(clamping: r.u64(96))
        headsOffset = Int(clamping: r.u64(104))
        guard fileLength == r.count,
              r.contains(plansOffset, planCount * SegmentFormat.planSize),
              r.contains(headsOffset, itemCount * SegmentFormat.headSize),
              r.contains(itemsOffset, itemCount * SegmentFormat.itemSize),
              r.contains(targetsOffset, targetCount * SegmentFormat.targetSize),
              r.contains(termsOffset, termCount * SegmentFormat.termSize),
              r.contains(postingsOffset, postingsLength),
              r.contains(stringsOffset, stringsLength) else {
            throw Damaged(description: "\(name): truncated or inconsistent index segment")
        }
    }

    /// Gives the pages read so far back to the kernel (a mapped file only: they are read from
    /// the file again when needed).
    func releasePages() {
        (storage as? MappedFile)?.releasePages()
    }

    // MARK: strings

    private func string(at offset: Int) -> String? {
        let start = Int(r.u32(offset)), length = r.u32(offset + 4)
        guard length != SegmentFormat.noString, start + Int(length) <= stringsLength else { return nil }
        return r.string(stringsOffset + start, Int(length))
    }

    // MARK: plans

    private func planRecord(_ p: Int) -> Int { plansOffset + p * SegmentFormat.planSize }

    func planID(_ p: Int) -> PlanID {
        let hex = String(r.u64(planRecord(p)), radix: 16)
        return PlanID(rawValue: String(repeating: "0", count: 16 - hex.count) + hex)
    }

    func planSummary(_ p: Int) -> PlanSummary {
        let o = planRecord(p)
        let level = r.u8(o + 72)
        return PlanSummary(id: planID(p), source: string(at: o + 8) ?? "", number: string(at: o + 16),
                           issuer: string(at: o + 24), level: level < PlanLevel.allCases.count ? PlanLevel.allCases[Int(level)] : nil,
                           date: string(at: o + 48), title: string(at: o + 40), years: years(at: o + 68),
                           targetCount: Int(r.u32(o + 64)))
    }

    func planLevel(_ p: Int) -> PlanLevel? {
        let level = r.u8(planRecord(p) + 72)
        return level < PlanLevel.allCases.count ? PlanLevel.allCases[Int(level)] : nil
    }

    /// The issuer folded with `Folding.searchKey`.
    func planIssuerKey(_ p: Int) -> String? { string(at: planRecord(p) + 32) }

    func planItems(_ p: Int) -> Range<Int> {
        let o = planRecord(p)
        let first = Int(r.u32(o + 56)), count = Int(r.u32(o + 60))
        return first..<min(first + count, itemCount)
    }

    func planYears(_ p: Int) -> ClosedRange<Int>? { years(at: planRecord(p) + 68) }

    private func years(at offset: Int) -> ClosedRange<Int>? {
        let lo = Int(r.u16(offset)), hi = Int(r.u16(offset + 2))
        return lo == 0 ? nil : lo...max(lo, hi)
    }

    // MARK: item heads (dense: read for every candidate)

    @inline(__always) func headPlan(_ i: Int) -> Int { Int(r.u32(headsOffset + i * SegmentFormat.headSize)) }
    @inline(__always) func headWords(_ i: Int) -> Int { Int(r.u16(headsOffset + i * SegmentFormat.headSize + 4)) }
    @inline(__always) func headTargetCount(_ i: Int) -> Int { Int(r.u8(headsOffset + i * SegmentFormat.headSize + 7)) }

    // MARK: items

    private func itemRecord(_ i: Int) -> Int { itemsOffset + i * SegmentFormat.itemSize }

    func itemPlan(_ i: Int) -> Int { Int(r.u32(itemRecord(i))) }
    func itemLine(_ i: Int) -> Int { Int(r.u32(itemRecord(i) + 4)) }
    func itemText(_ i: Int) -> String { string(at: itemRecord(i) + 8) ?? "" }

    func itemSection(_ i: Int) -> [String] {
        guard let joined = string(at: itemRecord(i) + 16), !joined.isEmpty else { return [] }
        return joined.split(separator: SegmentFormat.sectionSeparator, omittingEmptySubsequences: false).map(String.init)
    }

    func itemTargets(_ i: Int) -> Range<Int> {
        let o = itemRecord(i)
        let first = Int(r.u32(o + 24)), count = Int(r.u32(o + 28))
        return first..<min(first + count, targetCount)
    }

    func itemKind(_ i: Int) -> IndexedItem.Kind { IndexedItem.Kind(rawValue: r.u8(itemRecord(i) + 36)) ?? .paragraph }

    // MARK: targets

    private func targetRecord(_ t: Int) -> Int { targetsOffset + t * SegmentFormat.targetSize }

    func targetValue(_ t: Int) -> Double { r.f64(targetRecord(t)) }
    func targetYears(_ t: Int) -> ClosedRange<Int>? { years(at: targetRecord(t) + 32) }
    func targetIndicator(_ t: Int) -> String? { string(at: targetRecord(t) + 24) }

    func target(_ t: Int) -> IndexedTarget {
        let o = targetRecord(t)
        let c = Int(r.u8(o + 36))
        return IndexedTarget(line: Int(r.u32(o + 8)), value: r.f64(o), unit: string(at: o + 16) ?? "",
                             comparator: c < Comparator.allCases.count ? Comparator.allCases[c] : .equal,
                             aspirational: r.u8(o + 37) != 0, indicator: string(at: o + 24), years: years(at: o + 32))
    }

    // MARK: terms

    /// The term's row in the term table, by binary search.
    func termIndex(_ term: String) -> Int? {
        var key = term
        return key.withUTF8 { utf8 -> Int? in
            let raw = UnsafeRawBufferPointer(utf8)
            var lo = 0, hi = termCount
            while lo < hi {
                let mid = (lo + hi) / 2
                let o = termsOffset + mid * SegmentFormat.termSize
                let start = Int(r.u32(o)), length = Int(r.u32(o + 4))
                guard start + length <= stringsLength else { return nil }
                let c = r.compare(stringsOffset + start, length, with: raw)
                if c == 0 { return mid }
                if c < 0 { lo = mid + 1 } else { hi = mid }
            }
            return nil
        }
    }

    func documentFrequency(_ term: String) -> Int {
        termIndex(term).map { Int(r.u32(termsOffset + $0 * SegmentFormat.termSize + 12)) } ?? 0
    }

    /// A cursor over the items containing the term, ascending; nil when no item does.
    func cursor(_ term: String) -> PostingCursor? {
        guard let row = termIndex(term) else { return nil }
        let o = termsOffset + row * SegmentFormat.termSize
        let df = Int(r.u32(o + 12))
        let start = postingsOffset + Int(r.u32(o + 8))
        let limit = postingsOffset + postingsLength
        guard df > 0, start + 4 <= limit else { return nil }
        let skips = Int(r.u32(start))
        let dataStart = start + 4 + skips * 8
        guard dataStart <= limit else { return nil }
        return PostingCursor(r: r, skipsStart: start + 4, skipCount: skips, dataStart: dataStart, limit: limit, count: df)
    }

    /// The items containing the term, ascending, with the term's frequency in each.
    func postings(_ term: String) -> Postings {
        var out = Postings(items: [], frequencies: [])
        guard var c = cursor(term) else { return out }
        while c.next() {
            out.items.append(c.item)
            out.frequencies.append(c.frequency)
        }
        return out
    }

    /// Every term with its postings, in term order (for checks and tests).
    func allTerms() -> [String] {
        (0..<termCount).map { row in
            let o = termsOffset + row * SegmentFormat.termSize
            return r.string(stringsOffset + Int(r.u32(o)), Int(r.u32(o + 4)))
        }
    }

    // MARK: whole plans (merging)

    func indexedPlan(_ p: Int) -> IndexedPlan {
        let items = planItems(p).map { i in
            IndexedItem(kind: itemKind(i), line: itemLine(i), section: itemSection(i), text: itemText(i),
                        targets: itemTargets(i).map(target))
        }
        return IndexedPlan(summary: planSummary(p), items: items)
    }
}

/// Walks one posting list: `next()` decodes the following posting; `advance(to:)` finds the
/// first item at or after a target, jumping over whole blocks with the skip entries.
struct PostingCursor {
    let r: ByteReader
    let skipsStart: Int
    let skipCount: Int
    let dataStart: Int
    let limit: Int
    /// Postings in the list.
    let count: Int
    private var offset: Int
    /// Postings decoded so far.
    private var decoded = 0
    private(set) var item: UInt32 = 0
    private(set) var frequency: UInt32 = 0

    init(r: ByteReader, skipsStart: Int, skipCount: Int, dataStart: Int, limit: Int, count: Int) {
        self.r = r
        self.skipsStart = skipsStart
        self.skipCount = skipCount
        self.dataStart = dataStart
        self.limit = limit
        self.count = count
        offset = dataStart
    }

    @inline(__always) mutating func next() -> Bool {
        guard decoded < count, offset < limit else { return false }
        item &+= r.varint(&offset, limit: limit)
        frequency = r.varint(&offset, limit: limit)
        decoded += 1
        return true
    }

    /// Moves to the first posting whose item is ≥ `target` (staying put if the current one is);
    /// false when the list has none.
    mutating func advance(to target: UInt32) -> Bool {
        if decoded > 0 && item >= target { return true }
        if skipCount > 1 {
            // The last block whose items all lie after its base yet whose base is below target.
            let block = SegmentFormat.postingBlock
            let current = decoded == 0 ? -1 : (decoded - 1) / block
            var lo = max(current + 1, 1), hi = skipCount
            while lo < hi {
                let mid = (lo + hi) / 2
                if r.u32(skipsStart + mid * 8) < target { lo = mid + 1 } else { hi = mid }
            }
            let jump = lo - 1
            if jump > current && jump >= 1 {
                item = r.u32(skipsStart + jump * 8)
                offset = dataStart + Int(r.u32(skipsStart + jump * 8 + 4))
                decoded = jump * block
            }
        }
        while next() {
            if item >= target { return true }
        }
        return false
    }
}

/// A term's posting list, decoded.
struct Postings {
    var items: [UInt32]
    var frequencies: [UInt32]
}

/// The bytes a segment is read from: a memory-mapped file (`MappedFile`), or a copy in memory.
protocol SegmentBytes: AnyObject, Sendable {
    /// Valid for the object's lifetime.
    var buffer: UnsafeRawBufferPointer { get }
}

final class InMemorySegmentBytes: SegmentBytes, @unchecked Sendable {
    private let pointer: UnsafeMutableRawBufferPointer
    private let count: Int

    init(_ bytes: [UInt8]) {
        count = bytes.count
        pointer = .allocate(byteCount: max(bytes.count, 1), alignment: 8)
        pointer.copyBytes(from: bytes)
    }

    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: pointer.baseAddress, count: count) }

    deinit { pointer.deallocate() }
}
