import KehoachExtract
import KehoachGrammar
import KehoachText

/// Deadline conflicts, kept simple: a child deadline conflicts with a parent deadline when
/// - both have a dated kind (before / on / during) with a year — recurring deadlines and dates
///   without a year ("ngày 10/10 hằng năm") are skipped;
/// - they are about the same work: their tasks name a common indicator (taxonomy terms), or
///   share at least half their words (Jaccard ≥ 0.5 over folded syllables);
/// - and the child's date ends later than the parent's: each date is read as the last day of
///   what it states ("2025" → 2025-12-31, "2025-05" → 2025-05-31, "2025-01/2025-02" → 2025-02-31).
struct DeadlineMatcher: Sendable {
    private struct Prepared: Sendable {
        var deadline: Deadline
        var end: Int
        var indicators: Set<String>
        var words: Set<String>
    }

    private let parent: [Prepared]
    private let indicators: IndicatorGrammar

    init(parent deadlines: [Deadline], indicators: IndicatorGrammar) {
        self.indicators = indicators
        parent = deadlines.compactMap { Self.prepare($0, indicators) }
    }

    private static func prepare(_ d: Deadline, _ indicators: IndicatorGrammar) -> Prepared? {
        guard d.kind != .recurring, let date = d.date, let end = endKey(date) else { return nil }
        return Prepared(deadline: d, end: end, indicators: Set(PlanTopics.indicators(in: d.task, indicators: indicators)),
                        words: Set(Folding.searchWords(d.task).map(String.init)))
    }

    /// "2025-05-25" → 20250525; "2025-05" → 20250531; "2025" → 20251231; an interval by its end.
    static func endKey(_ iso: String) -> Int? {
        let end = iso.split(separator: "/").last.map(String.init) ?? iso
        guard !end.hasPrefix("-") else { return nil }
        let parts = end.split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first, year > 1900 else { return nil }
        let month = parts.count > 1 ? parts[1] : 12
        let day = parts.count > 2 ? parts[2] : 31
        return year * 10000 + month * 100 + day
    }

    func conflicts(with childDeadlines: [Deadline]) -> [DeadlineConflict] {
        guard !parent.isEmpty else { return [] }
        var found: [DeadlineConflict] = []
        for d in childDeadlines {
            guard let c = Self.prepare(d, indicators) else { continue }
            for p in parent where c.end > p.end {
                let shared = p.indicators.intersection(c.indicators)
                if !shared.isEmpty {
                    found.append(DeadlineConflict(parent: p.deadline, child: c.deadline, basis: .indicator, indicators: shared.sorted()))
                } else {
                    let union = p.words.union(c.words).count
                    if union > 0, Double(p.words.intersection(c.words).count) / Double(union) >= 0.5 {
                        found.append(DeadlineConflict(parent: p.deadline, child: c.deadline, basis: .wording, indicators: []))
                    }
                }
            }
        }
        return found
    }
}
