import KehoachCorpus
import KehoachExtract

/// The export of one plan as bytes: its record (or one record per target) as JSON lines, and in
/// a bulk export each record after its action line. A pure function of the plan, so a corpus
/// of any size exports one plan at a time.
public struct Exporter {
    public let format: ExportFormat
    public let records: ExportRecords
    /// The bulk action's `_index`.
    public let index: IndexName
    private let json = JSONLine()

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
        var out = Output(bytes: [], records: 0)
        do {
            switch records {
            case .plans:
                try append(PlanRecord(summary: summary, plan: plan), id: summary.id.rawValue, to: &out)
            case .targets:
                for (ordinal, target) in plan.targets.enumerated() {
                    let record = TargetRecord(summary: summary, target: target, ordinal: ordinal)
                    try append(record, id: record.id, to: &out)
                }
            }
        } catch {
            throw .unencodable(plan: summary.id.rawValue, reason: "\(error)")
        }
        return out
    }

    private func append<T: Encodable>(_ record: T, id: String, to out: inout Output) throws {
        if format == .opensearchBulk { out.bytes += try json.bytes(BulkAction(index: index, id: id)) }
        out.bytes += try json.bytes(record)
        out.records += 1
    }
}
