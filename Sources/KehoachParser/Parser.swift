import KehoachGrammar
import KehoachLexer
import KehoachText

/// tokens → document tree. Never fails on a document: what it cannot place becomes a
/// paragraph, what looks odd becomes a diagnostic.
public struct Parser: Sendable {
    public let grammar: Grammar
    let lexer: Lexer

    public init(grammar: Grammar = .bundled) {
        self.grammar = grammar
        lexer = Lexer(grammar: grammar)
    }

    public func parse(_ source: SourceText) -> PlanDocument {
        parse(tokens: lexer.tokens(source), diagnostics: source.diagnostics)
    }

    public func parse(tokens: [Token], diagnostics: [Diagnostic] = []) -> PlanDocument {
        let headerResult = HeaderReader(grammar: grammar, lexer: lexer).read(tokens)
        var body = BodyReader(grammar: grammar, lexer: lexer)
        let rest = tokens[headerResult.bodyStart...]
        var footerNotes: [Diagnostic] = []
        if let footer = SiteFooter.start(in: rest, grammar: grammar.header) {
            body.read(rest[..<footer])
            footerNotes.append(Diagnostic("parse.site-footer", .note, at: tokens[footer].location,
                                          "a website's footer starts here (\"\(tokens[footer].text)\"): the text after it is not read"))
        } else {
            body.read(rest)
        }
        var document = PlanDocument(header: headerResult.header, preamble: body.preamble,
                                    sections: body.sections, tables: body.tables, citations: [],
                                    closing: body.closing, diagnostics: diagnostics + headerResult.diagnostics + body.diagnostics + footerNotes)
        IssuerInference(grammar: grammar).complete(&document)
        document.citations = citations(of: document)
        if document.sections.isEmpty {
            document.diagnostics.append(Diagnostic("section.none", at: nil, "no numbered sections found: the plan is read as a list of paragraphs"))
        }
        return document
    }

    private func citations(of document: PlanDocument) -> [Citation] {
        var scanner = CitationScanner(grammar: grammar, ownNumber: document.header.number?.value)
        for paragraph in document.preamble { scanner.scan(paragraph.run) }
        func visit(_ sections: [Section]) {
            for section in sections {
                scanner.scan(section.title)
                for block in section.blocks {
                    switch block {
                    case .paragraph(let p): scanner.scan(p.run)
                    case .table(let index):
                        for row in document.tables[index].rows {
                            for cell in row.cells where CitationScanner.mayCite(cell) { scanner.scan(TextRun(cell, at: row.location)) }
                        }
                    }
                }
                visit(section.children)
            }
        }
        visit(document.sections)
        return scanner.citations
    }
}
