/// Why a DEFLATE stream could not be decoded to its end.
public enum InflateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The stream stops before its last block ends.
    case truncated
    /// A block type, code table or code that DEFLATE does not allow.
    case invalid(String)
    /// The output would pass the limit the caller set (a ZIP bomb, or a size that lies).
    case outputLimit(Int)

    public var description: String {
        switch self {
        case .truncated: return "the compressed data stops before its end"
        case .invalid(let what): return "the compressed data is damaged (\(what))"
        case .outputLimit(let limit): return "the data expands past \(limit) bytes"
        }
    }
}
