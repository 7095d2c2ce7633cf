import KehoachGrammar
import KehoachText

/// What `kehoach search` asks: words (all must match, folded and with abbreviations expanded)
/// and filters on the plan and the target.
public struct SearchQuery: Sendable, Equatable {
    public enum Scope: Sendable, Equatable {
        /// Targets only: the paragraphs that state a number.
        case targets
        /// Any item: targets, objectives, deadline tasks, section titles.
        case allItems
    }

    public var text: String
    public var scope: Scope = .targets
    public var level: PlanLevel? = nil
    /// Matches a target due that year, or one without a year in a plan about that year.
    public var year: Int? = nil
    /// A substring of the issuer, both folded: "an lao" finds "Phòng Giáo dục và Đào tạo huyện An Lão".
    public var issuer: String? = nil
    /// A taxonomy id (grammars/indicators.grammar).
    public var indicator: String? = nil
    public var minValue: Double? = nil
    public var maxValue: Double? = nil
    /// At most this many hits (0: all).
    public var limit: Int = 20

    public init(_ text: String, scope: Scope = .targets, level: PlanLevel? = nil, year: Int? = nil, issuer: String? = nil,
                indicator: String? = nil, minValue: Double? = nil, maxValue: Double? = nil, limit: Int = 20) {
        self.text = text
        self.scope = scope
        self.level = level
        self.year = year
        self.issuer = issuer
        self.indicator = indicator
        self.minValue = minValue
        self.maxValue = maxValue
        self.limit = limit
    }

    /// True when a filter concerns the target itself, so items without targets cannot match.
    var filtersTargets: Bool { indicator != nil || minValue != nil || maxValue != nil }

    /// True when the query has nothing to look for (no words and no filter).
    public var isEmpty: Bool {
        Folding.searchKey(text).isEmpty && level == nil && year == nil && issuer == nil && !filtersTargets
    }
}
