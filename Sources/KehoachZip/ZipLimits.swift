/// How much an archive may make kehoach inflate. A Word file's XML rarely passes a few MB and
/// compresses ten to fifty times; a ZIP bomb claims (or produces) far more.
public struct ZipLimits: Sendable {
    /// The largest entry read, in bytes.
    public var maxEntrySize: Int
    /// The largest expansion allowed for an entry bigger than `ratioFloor`.
    public var maxRatio: Int
    /// Entries up to this size may expand any amount (small XML parts compress very well).
    public var ratioFloor: Int

    public init(maxEntrySize: Int = 64 << 20, maxRatio: Int = 200, ratioFloor: Int = 1 << 20) {
        self.maxEntrySize = maxEntrySize
        self.maxRatio = maxRatio
        self.ratioFloor = ratioFloor
    }
}
