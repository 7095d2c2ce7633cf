/// An OpenSearch / Elasticsearch index name, checked against the rules the engines enforce, so
/// that a bad `--index` is refused before hours of export rather than by the bulk request.
public struct IndexName: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(_ name: String) throws(ExportError) {
        if name.isEmpty { throw .indexName(name, reason: "it is empty") }
        if name == "." || name == ".." { throw .indexName(name, reason: "'.' and '..' are reserved") }
        if name.utf8.count > 255 { throw .indexName(name, reason: "it is longer than 255 bytes") }
        if let first = name.first, "-_+".contains(first) {
            throw .indexName(name, reason: "it may not start with '\(first)'")
        }
        if name != name.lowercased() { throw .indexName(name, reason: "it must be lower case") }
        if let bad = name.unicodeScalars.first(where: { "\\/*?\"<>| ,#:".unicodeScalars.contains($0) || $0.value < 0x20 || $0.value == 0x7F }) {
            throw .indexName(name, reason: "it may not contain \(String(reflecting: Character(bad)))")
        }
        rawValue = name
    }

    public var description: String { rawValue }
}
