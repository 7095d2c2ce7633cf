/// What can go wrong with a corpus, each with a message that says what to do.
public enum CorpusError: Error, Sendable, CustomStringConvertible {
    /// A file could not be read or written (permissions, disk full…).
    case io(String)
    /// Derived data is unreadable; the texts are intact and `kehoach reindex` rebuilds the rest.
    case damaged(String)
    case notFound(String)
    case ambiguous(String, [PlanSummary])

    public var description: String {
        switch self {
        case .io(let message):
            return message
        case .damaged(let message):
            return "the corpus index is damaged (\(message)); run 'kehoach reindex' to rebuild it from the stored texts"
        case .notFound(let id):
            return "no plan with id '\(id)' in the corpus; 'kehoach list' shows the ids"
        case .ambiguous(let id, let plans):
            let ids = plans.prefix(5).map(\.id.rawValue).joined(separator: ", ")
            return "'\(id)' matches \(plans.count) plans (\(ids)\(plans.count > 5 ? ", …" : "")); type more of the id"
        }
    }
}
