/// When to rewrite index segments. Each import batch adds a segment; merging keeps their number
/// logarithmic in the corpus size (like a binary counter: two neighbours merge when the older is
/// no larger than the newer), and a segment that has lost a third of its plans to removals is
/// rewritten without them. No segment grows past `maxPlans`, which bounds the memory a merge
/// needs (a merge holds the texts of the plans it rewrites).
struct MergePolicy: Sendable {
    var maxPlans: Int = 20_000

    /// The run of adjacent segments (indexes into `segments`) to merge next, if any.
    func nextMerge(_ segments: [Manifest.SegmentEntry]) -> Range<Int>? {
        for (i, s) in segments.enumerated() where s.planCount > 0 && s.deleted.count * 3 >= s.planCount {
            return i..<(i + 1)
        }
        guard segments.count >= 2 else { return nil }
        var i = segments.count - 1
        while i > 0 {
            let older = segments[i - 1].liveCount, newer = segments[i].liveCount
            if older <= newer && older + newer <= maxPlans { return (i - 1)..<(i + 1) }
            i -= 1
        }
        return nil
    }
}
