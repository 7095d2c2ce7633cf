import KehoachCorpus
import KehoachExtract
import KehoachText

/// The export of one plan as bytes: its record (or one record per target) as JSON lines, and in
/// a bulk export each record after its action line. A pure function of the plan, so a corpus
/// of any size exports one plan at a time.
public struct Exporter {
    public let format: ExportFormat
    public let records: ExportRecords
    /// The bulk action's `_index`.
    public let index: IndexName

    public init(format: ExportFormat, records: ExportRecords, index: String? = nil) throws(ExportError) {
        self.format = format
        self.records = records
        self.index = try IndexName(index ?? records.defaultIndex)
    }

    /// What one plan becomes.
    public struct Output: Sendable {
        /// Whole lines, each ending in "\n".
        public var bytes: [UInt8]
        /// Records (documents) written: 1 for a plan, its target count with `.targets`.
        public var records: Int
    }

    public func export(_ summary: PlanSummary, _ plan: Plan) throws(ExportError) -> Output {
        // a value JSON cannot hold (NaN, infinity) fails the plan, not the line it would break
        if let bad = plan.targets.first(where: { !$0.value.isFinite }) {
            throw .unencodable(plan: summary.id.rawValue, reason: "target value \(bad.value) at line \(bad.line) is not a JSON number")
        }
        var out = Output(bytes: [], records: 0)
        switch records {
        case .plans:
            append(PlanRecord(summary: summary, plan: plan).write, id: summary.id.rawValue, to: &out)
        case .targets:
            out.bytes.reserveCapacity(plan.targets.count * 1_024)
            for (ordinal, target) in plan.targets.enumerated() {
                let record = TargetRecord(summary: summary, target: target, ordinal: ordinal)
                append(record.write, id: record.id, to: &out)
            }
        }
        return out
    }

    private func append(_ write: (inout JSONWriter) -> Void, id: String, to out: inout Output) {
        if format == .opensearchBulk { JSONLine.append(to: &out.bytes, BulkAction(index: index, id: id).write) }
        JSONLine.append(to: &out.bytes, write)
        out.records += 1
    }
}
