/// A consistent read-only view of a corpus at one commit: the live segments of the manifest,
/// mapped into memory, and which of their plans are live. Opening one reads the small manifest
/// and the segment headers only. Writers never change a file a snapshot uses (they write new
/// files and rename), so a snapshot stays valid while others import.
public struct CorpusSnapshot: Sendable {
    let segments: [Segment]
    /// Per segment, per plan ordinal: still in the corpus.
    let live: [[Bool]]
    let analyzer: TextAnalyzer
    /// Per segment, its plan pack, when it has one that reads.
    let packs: [PlanPack?]
    /// True when the store holds plan texts but no usable manifest: `reindex` restores it.
    public let needsReindex: Bool

    init(segments: [Segment], manifest: Manifest, analyzer: TextAnalyzer, packs: [PlanPack?] = [], needsReindex: Bool = false) {
        self.segments = segments
        self.packs = packs.count == segments.count ? packs : Array(repeating: nil, count: segments.count)
        live = zip(segments, manifest.segments).map { segment, entry in
            (0..<segment.planCount).map { !entry.deleted.contains($0) }
        }
        self.analyzer = analyzer
        self.needsReindex = needsReindex
    }

    public var planCount: Int { live.reduce(0) { $0 + $1.lazy.filter { $0 }.count } }

    /// Searchable items (of live and not yet compacted plans).
    public var itemCount: Int { segments.reduce(0) { $0 + $1.itemCount } }

    /// The live plans, in import order.
    public func plans() -> [PlanSummary] {
        var out: [PlanSummary] = []
        for (s, segment) in segments.enumerated() {
            for p in 0..<segment.planCount where live[s][p] { out.append(segment.planSummary(p)) }
        }
        return out
    }

    /// The live plans in import order, one at a time, with no list of them built; the index
    /// pages read are given back every 1,024 plans, so a pass over the corpus stays flat.
    public func forEachPlan(_ body: (PlanSummary) throws -> Void) rethrows {
        for (s, segment) in segments.enumerated() {
            for p in 0..<segment.planCount where live[s][p] {
                try body(segment.planSummary(p))
                if p % 64 == 63 { segment.releasePages() }
            }
            segment.releasePages()
        }
    }

    /// Where each live plan is: (segment index, plan ordinal).
    func locations() -> [PlanID: (segment: Int, plan: Int)] {
        var out: [PlanID: (Int, Int)] = [:]
        for (s, segment) in segments.enumerated() {
            for p in 0..<segment.planCount where live[s][p] { out[segment.planID(p)] = (s, p) }
        }
        return out
    }

    public func contains(_ id: PlanID) -> Bool { locations()[id] != nil }

    /// The live plan whose id starts with `prefix` (hex digits, any case).
    public func resolve(_ prefix: String) throws(CorpusError) -> PlanSummary {
        let wanted = prefix.lowercased()
        guard !wanted.isEmpty, wanted.allSatisfy(\.isHexDigit) else { throw .notFound(prefix) }
        var found: [PlanSummary] = []
        for (s, segment) in segments.enumerated() {
            for p in 0..<segment.planCount where live[s][p] && segment.planID(p).rawValue.hasPrefix(wanted) {
                found.append(segment.planSummary(p))
            }
        }
        if found.count == 1 { return found[0] }
        if found.isEmpty { throw .notFound(prefix) }
        throw .ambiguous(prefix, found)
    }

    public func search(_ query: SearchQuery) -> SearchResults {
        Searcher(snapshot: self).run(query)
    }
}
