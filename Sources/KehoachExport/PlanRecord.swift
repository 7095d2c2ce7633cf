import KehoachCorpus
import KehoachExtract
import KehoachText

/// A plan as one exported record: what the corpus knows of it (id, file, header fields, years)
/// beside the plan itself, as `kehoach parse --format json` prints it (docs/json.md).
///
/// Every field is written, `null` where unknown, so that every line has the same keys and a
/// reader that infers a schema from a sample (DuckDB, Spark) sees all of them.
public struct PlanRecord: Sendable {
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

    /// The record as one JSON object, keys in sorted (byte) order as the rest of kehoach's JSON.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("date", orNull: date)
        json.field("id", id)
        json.field("issuer", orNull: issuer)
        json.field("level", orNull: level)
        json.field("number", orNull: number)
        json.key("plan")
        plan.write(to: &json)
        json.field("source", source)
        json.field("targetCount", targetCount)
        json.field("title", orNull: title)
        json.field("yearFrom", orNull: yearFrom)
        json.field("yearTo", orNull: yearTo)
        json.endObject()
    }
}
