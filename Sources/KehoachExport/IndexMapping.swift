import KehoachRender

/// The body of `PUT /INDEX` for an exported index (OpenSearch, and Elasticsearch 7 and later):
/// a Vietnamese analyzer and one property per field the records have, built from
/// `ExportRecords.fields` so that the mapping always fits the records. `dynamic: strict` makes
/// the engine refuse a document with a field the mapping lacks, rather than guess its type.
///
/// The analyzer `kehoach_folded` lower-cases and folds to ASCII (`asciifolding` is built in,
/// no plugin): diacritics and đ go, so "chu ky so" finds "chữ ký số", as `kehoach search` does.
/// Where the ICU plugin is installed, `icu_folding` does the same with Unicode's rules
/// (docs/export.md says how to switch). Each text field keeps an `exact` sub-field, analysed
/// with the diacritics, for queries that must tell "ma" from "mã".
public struct IndexMapping: Encodable, Sendable {
    public static let analyzer = "kehoach_folded"

    struct Settings: Encodable, Sendable {
        struct Analysis: Encodable, Sendable {
            let analyzer: [String: Analyzer]
        }

        struct Analyzer: Encodable, Sendable {
            let type: String
            let tokenizer: String
            let filter: [String]
        }

        let analysis: Analysis
    }

    struct Mappings: Encodable, Sendable {
        struct Meta: Encodable, Sendable {
            let format: String
            let version: Int
        }

        let dynamic = "strict"
        let _meta: Meta
        let properties: [String: Property]
    }

    struct Property: Encodable, Sendable {
        var type: String
        var analyzer: String? = nil
        var format: String? = nil
        var ignoreMalformed: Bool? = nil
        var ignoreAbove: Int? = nil
        var enabled: Bool? = nil
        var fields: [String: Property]? = nil

        enum CodingKeys: String, CodingKey {
            case type, analyzer, format, enabled, fields
            case ignoreMalformed = "ignore_malformed"
            case ignoreAbove = "ignore_above"
        }
    }

    let settings: Settings
    let mappings: Mappings

    public init(_ records: ExportRecords) {
        settings = Settings(analysis: .init(analyzer: [
            IndexMapping.analyzer: .init(type: "custom", tokenizer: "standard", filter: ["lowercase", "asciifolding"]),
        ]))
        var properties: [String: Property] = [:]
        for field in records.fields { properties[field.name] = IndexMapping.property(field.kind) }
        mappings = Mappings(_meta: .init(format: "kehoach.export.\(records.rawValue)", version: IndexMapping.version),
                            properties: properties)
    }

    /// Raised when a record's fields change meaning.
    public static let version = 1

    /// The field names the mapping declares.
    public var fieldNames: Set<String> { Set(mappings.properties.keys) }

    /// The mapping as the file shipped in docs/opensearch/ holds it: pretty, keys sorted, "\n" at the end.
    public var json: String { PlanJSON.encode(self, pretty: true) + "\n" }

    static func property(_ kind: ExportField.Kind) -> Property {
        let exact = ["exact": Property(type: "text", analyzer: "standard")]
        switch kind {
        case .keyword: return Property(type: "keyword", ignoreAbove: 1024)
        case .text: return Property(type: "text", analyzer: analyzer, fields: exact)
        case .name:
            return Property(type: "text", analyzer: analyzer,
                            fields: exact.merging(["raw": Property(type: "keyword", ignoreAbove: 1024)]) { a, _ in a })
        case .integer: return Property(type: "integer")
        case .double: return Property(type: "double")
        case .boolean: return Property(type: "boolean")
        // A date the engine cannot read leaves the field empty rather than refusing the document.
        case .date: return Property(type: "date", format: "strict_date||strict_year_month||strict_year", ignoreMalformed: true)
        case .object: return Property(type: "object", enabled: false)
        }
    }
}
