import KehoachText

/// What `reindex` did.
public struct ReindexSummary: Sendable {
    /// Plans in the rebuilt corpus.
    public var plans: Int
    /// Texts that could not be read as plans any more: kept in the corpus (listed, with no
    /// header fields) but not searchable.
    public var unreadable: [(id: PlanID, error: DecodingError)]
    /// Live plans whose text is gone (dropped from the corpus).
    public var missing: [PlanID]
    /// Leftovers of interrupted writes that were deleted (texts, plans, segments no commit reached).
    public var removedLeftovers: Int
}
