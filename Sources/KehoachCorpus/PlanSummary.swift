import KehoachExtract
import KehoachGrammar
import KehoachText

/// What the corpus knows about a stored plan without opening it: the header fields `list`
/// prints and the search filters use.
public struct PlanSummary: Codable, Sendable, Hashable {
    public var id: PlanID
    /// The name of the file it was imported from.
    public var source: String
    public var number: String?
    public var issuer: String?
    public var level: PlanLevel?
    /// ISO 8601 at the printed precision.
    public var date: String?
    public var title: String?
    /// The years the plan is about: its own year, its school year ("2024-2025" → 2024...2025),
    /// else the year of its date. Targets without a year of their own take these.
    public var years: ClosedRange<Int>?
    public var targetCount: Int

    public init(id: PlanID, source: String, number: String?, issuer: String?, level: PlanLevel?, date: String?,
                title: String?, years: ClosedRange<Int>?, targetCount: Int) {
        self.id = id
        self.source = source
        self.number = number
        self.issuer = issuer
        self.level = level
        self.date = date
        self.title = title
        self.years = years
        self.targetCount = targetCount
    }

    public init(id: PlanID, source: String, plan: Plan) {
        let m = plan.metadata
        var years: ClosedRange<Int>? = nil
        if let school = m.schoolYear {
            let parts = school.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if let lo = parts.min(), let hi = parts.max() { years = lo...hi }
        }
        if years == nil, let y = m.year { years = y...y }
        if years == nil, let d = m.date, d.count >= 4, let y = Int(d.prefix(4)) { years = y...y }
        self.init(id: id, source: source, number: m.number, issuer: m.issuer, level: m.level, date: m.date,
                  title: m.title, years: years, targetCount: plan.targets.count)
    }

    /// The key under which two plans are "the same document": number and issuer, folded, when
    /// both are known (a blank number "Số: /KH-UBND" identifies nothing).
    public var documentKey: String? {
        guard let number, let issuer else { return nil }
        let n = Folding.searchKey(number), i = Folding.searchKey(issuer)
        guard !n.isEmpty, !i.isEmpty else { return nil }
        return n + "|" + i
    }
}
