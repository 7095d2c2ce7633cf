import KehoachCorpus
import KehoachExtract
import KehoachText

/// One target as one exported record, flat: its plan's id and header fields, then the target's
/// own fields (docs/json.md `targets[]`), so that a table reader gets one usable row per target.
///
/// Every field is written, `null` where unknown, so that every line has the same keys.
public struct TargetRecord: Sendable {
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

    /// The record as one JSON object, keys in sorted (byte) order.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("aspirational", aspirational)
        json.field("comparator", comparator)
        json.field("date", orNull: date)
        json.field("id", id)
        json.field("indicator", orNull: indicator)
        json.field("issuer", orNull: issuer)
        json.field("level", orNull: level)
        json.field("line", line)
        json.field("number", orNull: number)
        json.field("ordinal", ordinal)
        json.field("planId", planId)
        json.field("population", orNull: population)
        json.field("quote", quote)
        json.field("section", section)
        json.field("text", text)
        json.field("unit", unit)
        json.field("value", value)
        json.field("year", orNull: year)
        json.field("yearFrom", orNull: yearFrom)
        json.field("yearTo", orNull: yearTo)
        json.endObject()
    }
}
