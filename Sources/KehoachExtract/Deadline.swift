/// When something is due or recurs: "trước ngày 25/5/2026", "tháng 1-2/2025", "hằng quý".
public struct Deadline: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case before, on, during, recurring
    }

    public var line: Int
    public var quote: String
    /// ISO 8601 date or interval (`2025-01/2025-02`) at the printed precision; nil for a
    /// recurrence with no date.
    public var date: String?
    public var kind: Kind
    /// The task the deadline belongs to: the item it stands in.
    public var task: String
    public var section: [String]
}

/// A unit the plan gives duties to ("Phòng Văn hóa - Xã hội", "Các cơ sở giáo dục").
public struct Responsibility: Codable, Sendable, Hashable {
    public enum Role: String, Codable, Sendable {
        case lead, support
    }

    /// The name normalised: abbreviations expanded, locality words of sub-units dropped.
    public var unit: String
    public var role: Role
    public var line: Int
    /// The duties it owns, as printed (first words of each item).
    public var tasks: [String]
}

/// An item under MỤC TIÊU / MỤC ĐÍCH, with the targets it sets.
public struct Objective: Codable, Sendable, Hashable {
    public var line: Int
    public var text: String
    public var section: [String]
    /// Indexes into `Plan.targets`.
    public var targets: [Int]
}
