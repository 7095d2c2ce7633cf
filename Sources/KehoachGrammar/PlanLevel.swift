import KehoachText

/// The administrative level a plan is issued at, top to bottom of the chain.
/// Glossary: Bộ = ministry; UBND tỉnh = province; Sở GDĐT = the province's department of
/// education; Phòng GDĐT = district office (abolished in the 2025 reform); UBND xã/phường =
/// commune or ward; trường = school.
public enum PlanLevel: String, Codable, Sendable, CaseIterable, Comparable {
    /// A level as a user names it: its raw value (`commune`), or the Vietnamese word for it in
    /// any spelling (Sở, xã, phường, trường…), for `search --level` and the server's filters.
    public init?(named text: String) {
        if let level = PlanLevel(rawValue: text) { self = level; return }
        switch Folding.searchKey(text) {
        case "bo": self = .ministry
        case "tinh", "thanh pho": self = .province
        case "so": self = .department
        case "huyen", "phong": self = .district
        case "xa", "phuong", "xa phuong": self = .commune
        case "truong": self = .school
        default: return nil
        }
    }

    case ministry, province, department, district, commune, school

    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: PlanLevel, b: PlanLevel) -> Bool { a.rank < b.rank }
}
