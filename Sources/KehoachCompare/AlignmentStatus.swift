/// How an upper plan's target is carried by a lower plan (DESIGN.md section 4).
public enum AlignmentStatus: String, Codable, Sendable, CaseIterable {
    /// Same indicator and population, value at least as strict, due no later.
    case met
    /// Lower value, or due later.
    case weaker
    /// The lower plan names the topic as a task but sets no number.
    case unquantified
    /// Not mentioned.
    case missing
    /// A lower-plan target with no upper counterpart.
    case extra

    /// The label a Vietnamese analyst reads in a report.
    public var label: String {
        switch self {
        case .met: return "Đạt"
        case .weaker: return "Thấp hơn"
        case .unquantified: return "Chưa lượng hóa"
        case .missing: return "Thiếu"
        case .extra: return "Bổ sung"
        }
    }
}
