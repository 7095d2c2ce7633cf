import KehoachText

/// A file given to `import`: its name (for messages and `list`) and its bytes.
public struct ImportInput: Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// What became of one imported file.
public enum ImportOutcome: Sendable {
    public enum Conflict: Sendable, Equatable {
        /// The very same bytes are stored already.
        case sameContent
        /// Another text of the same document (same number and issuer) is stored.
        case sameDocument
    }

    /// Stored (and committed), replacing the listed plans.
    case imported(name: String, plan: PlanSummary, replaced: [PlanSummary])
    /// Refused: it conflicts with a stored plan (or one earlier in the same import); nothing written.
    case refused(name: String, existing: PlanSummary, conflict: Conflict)
    /// Refused: not readable as text; nothing written.
    case unreadable(name: String, error: DecodingError)
    /// With `--replace`, a later file of the same import replaced this one before it was stored.
    case superseded(name: String, by: String)

    public var name: String {
        switch self {
        case .imported(let name, _, _), .refused(let name, _, _), .unreadable(let name, _), .superseded(let name, _):
            return name
        }
    }
}
