/// How a target's number is bounded: "trở lên" / "tối thiểu" → ≥, "trên" → >, "tối đa" → ≤.
public enum Comparator: String, Codable, Sendable, CaseIterable {
    case atLeast = ">="
    case greater = ">"
    case equal = "="
    case atMost = "<="
    case less = "<"

    /// How people read it in a report.
    public var symbol: String {
        switch self {
        case .atLeast: return "≥"
        case .greater: return ">"
        case .equal: return ""
        case .atMost: return "≤"
        case .less: return "<"
        }
    }
}

/// A number the plan commits someone to reach ("chỉ tiêu"): `100% cán bộ quản lý … chữ ký số`.
public struct Target: Codable, Sendable, Hashable {
    public var line: Int
    /// The words of the plan that state the target.
    public var quote: String
    public var value: Double
    /// "%", or the counted noun ("dịch vụ", "học sinh/máy", "mức").
    public var unit: String
    public var comparator: Comparator
    /// "Phấn đấu" (also misspelt "phần đầu"): a goal to strive for, not a firm commitment.
    public var aspirational: Bool
    /// Who or what is counted.
    public var population: String?
    /// Taxonomy id (grammars/indicators.grammar).
    public var indicator: String?
    /// The year the target is due, when the plan gives one.
    public var year: Int?
    /// The item (paragraph or heading) the target came from.
    public var text: String
    /// Labels of the sections it stands in, outermost first: ["II", "2", "2.1"].
    public var section: [String]
}
