/// What can stop an export, each with a message that says what is wrong.
public enum ExportError: Error, Sendable, CustomStringConvertible {
    /// A record JSON cannot hold (a number that is not finite).
    case unencodable(plan: String, reason: String)
    /// An index name OpenSearch would refuse.
    case indexName(String, reason: String)

    public var description: String {
        switch self {
        case .unencodable(let plan, let reason):
            return "plan \(plan) cannot be written as JSON (\(reason))"
        case .indexName(let name, let reason):
            return "\(String(reflecting: name)) cannot be an index name: \(reason)"
        }
    }
}
