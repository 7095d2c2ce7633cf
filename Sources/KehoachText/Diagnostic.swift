/// Something odd about a plan, found by a stage that carried on anyway.
///
/// Stages never throw on a document: they build what they can and report what they could not
/// read as diagnostics (swift-syntax's model). Only input that cannot be read at all becomes a
/// `DecodingError`.
public struct Diagnostic: Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable {
        case note, warning, error
    }

    /// A stable identifier, e.g. `section.repeated-label`, so tools can filter on it.
    public var id: String
    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ id: String, _ severity: Severity = .warning, at location: SourceLocation? = nil, _ message: String) {
        self.id = id
        self.severity = severity
        self.location = location
        self.message = message
    }

    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message) [\(id)]"
    }
}
