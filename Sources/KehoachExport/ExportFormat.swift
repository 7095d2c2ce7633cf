/// What `kehoach export` writes: the line format, and what one record is.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// JSON Lines: one record per line (DuckDB `read_json`, Spark `spark.read.json`, jq).
    case jsonl
    /// The body of an OpenSearch / Elasticsearch `_bulk` request: an action line naming the
    /// index and the document's id, then the document, each pair ending in a newline.
    case opensearchBulk = "opensearch-bulk"
}

/// One record per plan, or one per target carrying its plan's metadata.
public enum ExportRecords: String, Sendable, CaseIterable {
    case plans
    case targets

    /// The index a bulk export goes to unless told otherwise.
    public var defaultIndex: String {
        switch self {
        case .plans: return "kehoach-plans"
        case .targets: return "kehoach-targets"
        }
    }

    /// The fields a record of this kind has, with how a search engine indexes them.
    public var fields: [ExportField] {
        switch self {
        case .plans: return PlanRecord.fields
        case .targets: return TargetRecord.fields
        }
    }
}
