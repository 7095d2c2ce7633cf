import KehoachGrammar
import KehoachLexer
import KehoachParser
import KehoachText

/// document tree → Plan: metadata, citations and tables as the parser read them, plus the
/// targets, deadlines, responsible units and objectives found in the sections.
public struct Extractor: Sendable {
    public let grammar: Grammar

    public init(grammar: Grammar = .bundled) {
        self.grammar = grammar
    }

    public func extract(_ document: PlanDocument, source: String? = nil) -> Plan {
        let plan = Plan(source: source, metadata: metadata(document), citations: citations(document),
                        sections: document.sections.map(record), targets: [], deadlines: [],
                        responsibilities: [], objectives: [], tables: document.tables.map(record),
                        recipients: document.closing.recipients, diagnostics: document.diagnostics)
        return plan
    }

    func metadata(_ document: PlanDocument) -> Metadata {
        let header = document.header
        let title = header.title?.value
        let scope = title.map(PlanScope.init(title:))
        return Metadata(number: header.number?.value, symbol: header.symbol?.value, docType: header.documentType?.value,
                        issuer: header.issuer?.value, level: header.level, place: header.place?.value,
                        date: header.date?.value.iso, title: title, signer: document.closing.signer,
                        signerTitle: document.closing.signerTitle, year: scope?.year, schoolYear: scope?.schoolYear)
    }

    func citations(_ document: PlanDocument) -> [CitationRecord] {
        document.citations.map {
            CitationRecord(type: $0.type, number: $0.number, date: $0.date?.iso, issuer: $0.issuer, line: $0.location.line)
        }
    }

    func record(_ section: Section) -> SectionRecord {
        SectionRecord(label: section.label.text, title: section.title.text, line: section.location.line,
                      kind: section.kind, children: section.children.map(record))
    }

    func record(_ table: Table) -> TableRecord {
        TableRecord(line: table.location.line, header: table.header, rows: table.dataRows.count,
                    groupRows: table.rows.count - table.dataRows.count)
    }
}

/// The period a plan covers, read from its title: "năm 2026" or "năm học 2025 - 2026".
struct PlanScope {
    var year: Int?
    var schoolYear: String?

    init(title: String) {
        let key = Folding.matchKey(title)
        var scanner = ByteScanner(key: key)
        while !scanner.isAtEnd {
            if scanner.scan("năm học") {
                scanner.skipSpaces()
                if let first = scanner.scanNumber(maxDigits: 4) {
                    scanner.skipSpaces()
                    _ = scanner.scan(byte: UInt8(ascii: "-")) || scanner.scan("–", wholeWord: false)
                    scanner.skipSpaces()
                    if let second = scanner.scanNumber(maxDigits: 4), second == first + 1 {
                        schoolYear = "\(first)-\(second)"
                        return
                    }
                }
            } else if scanner.scan("năm") {
                scanner.skipSpaces()
                if let value = scanner.scanNumber(maxDigits: 4), (1990...2100).contains(value) {
                    // "giai đoạn 2021 - 2025" is a range, not the plan's year
                    year = value
                }
            } else {
                scanner.position += 1
            }
        }
    }
}
