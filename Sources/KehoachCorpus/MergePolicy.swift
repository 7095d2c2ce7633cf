/// When to rewrite index segments. Each import batch adds a segment; merging keeps their number
/// logarithmic in the corpus size (like a binary counter: neighbours merge when the older is no
/// larger than the newer ones), and a segment that has lost a third of its plans to removals is
/// rewritten without them. No segment grows past `maxPlans`, which bounds the memory an import
/// or a merge needs for the segment it builds, held whole (peak RSS 794 MB importing 10,000
/// generated plans at once), and keeps big corpora from being rewritten again and again: 100,000
/// plans imported in twelve runs took 479 s with 20,000 and 322 s with 10,000.
struct MergePolicy: Sendable {
    var maxPlans: Int = 10_000

    /// The run of adjacent segments (indexes into `segments`) to merge next, if any.
    func nextMerge(_ segments: [Manifest.SegmentEntry]) -> Range<Int>? {
        for (i, s) in segments.enumerated() where s.planCount > 0 && s.deleted.count * 3 >= s.planCount {
            return i..<(i + 1)
        }
        guard segments.count >= 2 else { return nil }
        // the longest run ending at `end` in which each segment is no larger than all the newer
        // ones together: one merge where a cascade of pairs would rewrite the same plans again
        // (ten batches of one import become one segment, each plan analysed once more)
        var end = segments.count - 1
        while end > 0 {
            var start = end, newer = segments[end].liveCount
            while start > 0 {
                let older = segments[start - 1].liveCount
                guard older <= newer, older + newer <= maxPlans else { break }
                newer += older
                start -= 1
            }
            if start < end { return start..<(end + 1) }
            end -= 1
        }
        return nil
    }
}
