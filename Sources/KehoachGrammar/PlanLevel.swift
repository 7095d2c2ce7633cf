/// The administrative level a plan is issued at, top to bottom of the chain.
/// Glossary: Bộ = ministry; UBND tỉnh = province; Sở GDĐT = the province's department of
/// education; Phòng GDĐT = district office (abolished in the 2025 reform); UBND xã/phường =
/// commune or ward; trường = school.
public enum PlanLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case ministry, province, department, district, commune, school

    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: PlanLevel, b: PlanLevel) -> Bool { a.rank < b.rank }
}
