import KehoachExtract
import KehoachText

/// The values a target allows, as an interval with open or closed ends: `≥ 80` of a percentage
/// is [80, 100], `> 70` is (70, 100], `= 100` is [100, 100], `≤ 2 học sinh/máy` is [0, 2].
/// Percentages live in [0, 100]; counts and ratios in [0, ∞).
public struct TargetInterval: Sendable, Hashable, CustomStringConvertible {
    public var lower: Double
    public var lowerOpen: Bool
    public var upper: Double
    public var upperOpen: Bool

    public init(lower: Double, lowerOpen: Bool = false, upper: Double, upperOpen: Bool = false) {
        self.lower = lower
        self.lowerOpen = lowerOpen
        self.upper = upper
        self.upperOpen = upperOpen
    }

    public init(_ target: Target) {
        let ceiling = target.unit == "%" ? 100 : Double.infinity
        let v = target.value
        switch target.comparator {
        case .atLeast: self.init(lower: v, upper: ceiling)
        case .greater: self.init(lower: v, lowerOpen: true, upper: ceiling)
        case .equal: self.init(lower: v, upper: v)
        case .atMost: self.init(lower: 0, upper: v)
        case .less: self.init(lower: 0, upper: v, upperOpen: true)
        }
    }

    public var description: String {
        func number(_ x: Double) -> String {
            x == .infinity ? "∞" : x == x.rounded() ? String(Int(x)) : String(x)
        }
        return "\(lowerOpen ? "(" : "[")\(number(lower)), \(number(upper))\(upperOpen || upper == .infinity ? ")" : "]")"
    }
}

/// Which end of a requirement binds. "≥ 80%" and "> 70%" are floors; "≤ 2 học sinh/máy" is a
/// ceiling. A bare number ("đạt 83%", "100%", "2 học sinh/máy") is a level to reach: a floor,
/// except for ratios whose unit has a slash (people per device), where lower is better.
public enum TargetDirection: String, Sendable {
    case higherIsBetter, lowerIsBetter

    public static func of(_ target: Target) -> TargetDirection {
        switch target.comparator {
        case .atLeast, .greater: return .higherIsBetter
        case .atMost, .less: return .lowerIsBetter
        case .equal: return UnitKey.lowerIsBetter(target.unit) ? .lowerIsBetter : .higherIsBetter
        }
    }
}

/// "At least as strict", comparator-aware, on intervals.
public enum Strictness {
    /// True when every value the child's target allows satisfies the parent's requirement at its
    /// binding end: for a floor, the child's lower end is at least the parent's (an open end beats
    /// a closed one at the same number: `> 70` is stricter than `≥ 70`); for a ceiling, the
    /// child's upper end is at most the parent's. So `= 100` meets `≥ 80` but `≥ 80` does not
    /// meet `= 100`; `= 2 học sinh/máy` meets `≤ 2 học sinh/máy` and the reverse.
    public static func childIsAtLeastAsStrict(child: Target, parent: Target) -> Bool {
        let p = TargetInterval(parent)
        let c = TargetInterval(child)
        switch TargetDirection.of(parent) {
        case .higherIsBetter:
            if c.lower != p.lower { return c.lower > p.lower }
            return c.lowerOpen || !p.lowerOpen
        case .lowerIsBetter:
            if c.upper != p.upper { return c.upper < p.upper }
            return c.upperOpen || !p.upperOpen
        }
    }
}

/// Units compared across plans: "%" as is, counted nouns folded ("Học sinh/máy" = "học sinh/máy").
public enum UnitKey {
    public static func key(_ unit: String) -> String {
        unit == "%" ? "%" : Folding.searchKey(unit)
    }

    /// A ratio of people per device ("học sinh/máy"): fewer is better.
    public static func lowerIsBetter(_ unit: String) -> Bool {
        unit.contains("/")
    }
}
