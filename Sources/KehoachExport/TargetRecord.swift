import KehoachCorpus
import KehoachExtract

/// One target as one exported record, flat: its plan's id and header fields, then the target's
/// own fields (docs/json.md `targets[]`), so that a table reader gets one usable row per target.
///
/// Every field is written, `null` where unknown, so that every line has the same keys.
public struct TargetRecord: Encodable, Sendable {
    /// `planId-ordinal`: the document id in a search engine.
    public var id: String
    public var planId: String
    /// The target's position in its plan's `targets` (0-based, as `objectives[].targets` count).
    public var ordinal: Int
    public var number: String?
    public var issuer: String?
    public var level: String?
    public var date: String?
    public var yearFrom: Int?
    public var yearTo: Int?
    public var indicator: String?
    public var value: Double
    public var comparator: String
    public var unit: String
    public var population: String?
    public var year: Int?
    public var aspirational: Bool
    public var line: Int
    public var quote: String
    public var text: String
    public var section: [String]

    public init(summary: PlanSummary, target: Target, ordinal: Int) {
        id = "\(summary.id.rawValue)-\(ordinal)"
        planId = summary.id.rawValue
        self.ordinal = ordinal
        number = summary.number
        issuer = summary.issuer
        level = summary.level?.rawValue
        date = summary.date
        yearFrom = summary.years?.lowerBound
        yearTo = summary.years?.upperBound
        indicator = target.indicator
        value = target.value
        comparator = target.comparator.rawValue
        unit = target.unit
        population = target.population
        year = target.year
        aspirational = target.aspirational
        line = target.line
        quote = target.quote
        text = target.text
        section = target.section
    }

    public static let fields: [ExportField] = [
        ExportField("id", .keyword), ExportField("planId", .keyword), ExportField("ordinal", .integer),
        ExportField("number", .keyword), ExportField("issuer", .name), ExportField("level", .keyword),
        ExportField("date", .date), ExportField("yearFrom", .integer), ExportField("yearTo", .integer),
        ExportField("indicator", .keyword), ExportField("value", .double), ExportField("comparator", .keyword),
        ExportField("unit", .keyword), ExportField("population", .name), ExportField("year", .integer),
        ExportField("aspirational", .boolean), ExportField("line", .integer), ExportField("quote", .text),
        ExportField("text", .text), ExportField("section", .keyword),
    ]

    enum CodingKeys: String, CodingKey {
        case id, planId, ordinal, number, issuer, level, date, yearFrom, yearTo, indicator, value, comparator, unit,
             population, year, aspirational, line, quote, text, section
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(planId, forKey: .planId)
        try c.encode(ordinal, forKey: .ordinal)
        try c.encode(number, forKey: .number)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(level, forKey: .level)
        try c.encode(date, forKey: .date)
        try c.encode(yearFrom, forKey: .yearFrom)
        try c.encode(yearTo, forKey: .yearTo)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(value, forKey: .value)
        try c.encode(comparator, forKey: .comparator)
        try c.encode(unit, forKey: .unit)
        try c.encode(population, forKey: .population)
        try c.encode(year, forKey: .year)
        try c.encode(aspirational, forKey: .aspirational)
        try c.encode(line, forKey: .line)
        try c.encode(quote, forKey: .quote)
        try c.encode(text, forKey: .text)
        try c.encode(section, forKey: .section)
    }
}
