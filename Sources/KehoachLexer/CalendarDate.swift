/// A date as precise as the plan printed it: `ngày tháng 12 năm 2025` has no day.
public struct CalendarDate: Hashable, Codable, Sendable, CustomStringConvertible {
    public var year: Int?
    public var month: Int?
    public var day: Int?

    public init(year: Int?, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601 at the printed precision: `2024-09-30`, `2025-12`, `2025`, `--10-10` (no year).
    public var iso: String? {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch (year, month, day) {
        case let (y?, m?, d?): return "\(y)-\(two(m))-\(two(d))"
        case let (y?, m?, nil): return "\(y)-\(two(m))"
        case let (y?, nil, _): return "\(y)"
        case let (nil, m?, d?): return "--\(two(m))-\(two(d))"
        case let (nil, m?, nil): return "--\(two(m))"
        default: return nil
        }
    }

    public var description: String { iso ?? "?" }

    /// True when every printed part is in range.
    public var isValid: Bool {
        if let m = month, !(1...12).contains(m) { return false }
        if let d = day, !(1...31).contains(d) { return false }
        if let y = year, !(1900...2100).contains(y) { return false }
        return year != nil || month != nil
    }
}
