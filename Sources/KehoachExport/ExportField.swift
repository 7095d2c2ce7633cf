/// A field of an exported record and how a search engine should index it; the index mapping
/// is built from these lists, so the mapping and the records cannot drift apart.
public struct ExportField: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// An exact value for filters and counts: ids, level, indicator, unit.
        case keyword
        /// Words to search, diacritics folded ("chu ky so" finds "chữ ký số").
        case text
        /// A name to search folded and to count exactly (issuer, population): text with a keyword sub-field.
        case name
        case integer
        case double
        case boolean
        /// ISO 8601 at the printed precision: `2024-09-30`, `2025-12`, `2025`.
        case date
        /// Kept in the document as it is and not indexed (the whole plan).
        case object
    }

    public let name: String
    public let kind: Kind

    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
