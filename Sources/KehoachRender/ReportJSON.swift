import KehoachCompare
import KehoachExtract
import KehoachText

/// A compare / align / report result as JSON (docs/report-json.md): the `ComparisonReport`
/// with each plan's display name and each matrix cell's display text added.
public enum ReportJSON {
    public static let format = "kehoach.report"
    public static let version = 1

    public static func encode(_ report: ComparisonReport, pretty: Bool = true) -> String {
        String(decoding: bytes(report, pretty: pretty), as: UTF8.self)
    }

    /// The report's JSON, written directly (`ReportJSONWriting.swift`).
    public static func bytes(_ report: ComparisonReport, pretty: Bool = true) -> [UInt8] {
        var json = JSONWriter(pretty: pretty, capacity: 65_536 + report.alignments.count * 16_384)
        Document(report).write(to: &json)
        return json.bytes
    }

    /// The same through `JSONEncoder`, which the direct writer is held equal to.
    static func encodedByFoundation(_ report: ComparisonReport, pretty: Bool = true) -> String {
        PlanJSON.encode(Document(report), pretty: pretty)
    }

    struct Document: Encodable {
        let format = ReportJSON.format
        let version = ReportJSON.version
        let plans: [PlanEntry]
        let matrix: Matrix?
        let chain: PlanChain?
        let alignments: [Alignment]

        init(_ r: ComparisonReport) {
            plans = r.plans.map(PlanEntry.init)
            matrix = r.matrix.map(Matrix.init)
            chain = r.chain
            alignments = r.alignments
        }

        enum CodingKeys: String, CodingKey { case format, version, plans, matrix, chain, alignments }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(format, forKey: .format)
            try c.encode(version, forKey: .version)
            try c.encode(plans, forKey: .plans)
            try c.encodeIfPresent(matrix, forKey: .matrix)
            try c.encodeIfPresent(chain, forKey: .chain)
            try c.encode(alignments, forKey: .alignments)
        }
    }

    struct PlanEntry: Encodable {
        let ref: PlanRef
        let name: String

        init(_ ref: PlanRef) {
            self.ref = ref
            name = ReportLabels.shortName(ref)
        }

        enum Keys: String, CodingKey { case name }

        func encode(to encoder: Encoder) throws {
            try ref.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(name, forKey: .name)
        }
    }

    struct Matrix: Encodable {
        struct Cell: Encodable {
            let display: String
            let entries: [IndicatorMatrix.Entry]
        }

        struct Row: Encodable {
            let indicator: String
            let label: String
            let cells: [Cell]
        }

        let plans: [Int]
        let rows: [Row]
        let totals: [IndicatorMatrix.Totals]

        init(_ m: IndicatorMatrix) {
            plans = m.plans.map(\.index)
            rows = m.rows.map { row in
                Row(indicator: row.indicator, label: row.label,
                    cells: row.cells.map { Cell(display: ReportLabels.cell($0), entries: $0) })
            }
            totals = m.totals
        }
    }
}
