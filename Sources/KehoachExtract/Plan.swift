import KehoachGrammar
import KehoachLexer
import KehoachText

/// A plan as structured data: what `kehoach parse --format json` prints and the corpus stores.
/// Field names follow the gold annotations (docs/json.md).
public struct Plan: Codable, Sendable {
    public var source: String?
    public var metadata: Metadata
    public var citations: [CitationRecord]
    public var sections: [SectionRecord]
    public var targets: [Target]
    public var deadlines: [Deadline]
    public var responsibilities: [Responsibility]
    public var objectives: [Objective]
    public var tables: [TableRecord]
    public var recipients: [String]
    public var diagnostics: [Diagnostic]
    /// For a plan read from a Word or PDF file: where its lines are in the document.
    public var document: DocumentMap?
}

public struct Metadata: Codable, Sendable, Hashable {
    public var number: String?
    public var symbol: String?
    public var docType: String?
    public var issuer: String?
    public var level: PlanLevel?
    public var place: String?
    /// ISO 8601 at the printed precision.
    public var date: String?
    public var title: String?
    public var signer: String?
    public var signerTitle: String?
    /// The plan's own year, or its school year's first year, when the title states one.
    public var year: Int?
    public var schoolYear: String?
}

public struct CitationRecord: Codable, Sendable, Hashable {
    public var type: String
    public var number: String
    public var date: String?
    public var issuer: String?
    public var line: Int
}

public struct SectionRecord: Codable, Sendable {
    public var label: String
    public var title: String
    public var line: Int
    public var kind: SectionKind?
    public var children: [SectionRecord]
}

public struct TableRecord: Codable, Sendable {
    public var line: Int
    public var header: [String]
    public var rows: Int
    public var groupRows: Int
}
