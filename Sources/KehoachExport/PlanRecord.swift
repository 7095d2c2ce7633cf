import KehoachCorpus
import KehoachExtract

/// A plan as one exported record: what the corpus knows of it (id, file, header fields, years)
/// beside the plan itself, as `kehoach parse --format json` prints it (docs/json.md).
///
/// Every field is written, `null` where unknown, so that every line has the same keys and a
/// reader that infers a schema from a sample (DuckDB, Spark) sees all of them.
public struct PlanRecord: Encodable, Sendable {
    public var id: String
    /// The name of the file the plan was imported from.
    public var source: String
    public var number: String?
    public var issuer: String?
    public var level: String?
    public var date: String?
    public var title: String?
    /// The years the plan is about (its school year, else its own year or its date's).
    public var yearFrom: Int?
    public var yearTo: Int?
    public var targetCount: Int
    public var plan: Plan

    public init(summary: PlanSummary, plan: Plan) {
        id = summary.id.rawValue
        source = summary.source
        number = summary.number
        issuer = summary.issuer
        level = summary.level?.rawValue
        date = summary.date
        title = summary.title
        yearFrom = summary.years?.lowerBound
        yearTo = summary.years?.upperBound
        targetCount = plan.targets.count
        self.plan = plan
    }

    public static let fields: [ExportField] = [
        ExportField("id", .keyword), ExportField("source", .keyword), ExportField("number", .keyword),
        ExportField("issuer", .name), ExportField("level", .keyword), ExportField("date", .date),
        ExportField("title", .text), ExportField("yearFrom", .integer), ExportField("yearTo", .integer),
        ExportField("targetCount", .integer), ExportField("plan", .object),
    ]

    enum CodingKeys: String, CodingKey {
        case id, source, number, issuer, level, date, title, yearFrom, yearTo, targetCount, plan
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(source, forKey: .source)
        try c.encode(number, forKey: .number)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(level, forKey: .level)
        try c.encode(date, forKey: .date)
        try c.encode(title, forKey: .title)
        try c.encode(yearFrom, forKey: .yearFrom)
        try c.encode(yearTo, forKey: .yearTo)
        try c.encode(targetCount, forKey: .targetCount)
        try c.encode(plan, forKey: .plan)
    }
}
