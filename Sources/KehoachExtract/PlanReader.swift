import KehoachDocument
import KehoachGrammar
import KehoachParser
import KehoachText

/// The whole pipeline from bytes to Plan in one call: decode → normalize → lex → parse →
/// extract. Reads text files, saved web pages, Word files and PDFs alike (`DocumentDecoder`);
/// throws only for input that cannot be read as a plan at all.
public struct PlanReader: Sendable {
    public let grammar: Grammar
    private let parser: Parser
    private let extractor: Extractor

    public init(grammar: Grammar = .bundled) {
        self.grammar = grammar
        parser = Parser(grammar: grammar)
        extractor = Extractor(grammar: grammar)
    }

    public func read(_ bytes: [UInt8], source: String? = nil) throws(DecodingError) -> Plan {
        try readDocument(bytes, source: source).plan
    }

    /// The plan and the text it was read from: for a Word or PDF file, the text kehoach made
    /// of it, whose lines the plan's line numbers count.
    public func readDocument(_ bytes: [UInt8], source: String? = nil) throws(DecodingError) -> (plan: Plan, text: DecodedText) {
        let decoded = try DocumentDecoder.decode(bytes)
        return (read(decoded, source: source).plan, decoded)
    }

    /// The plan and its normalized lines, which a comparison searches for the topics a plan
    /// names without a number.
    public func readLines(_ bytes: [UInt8], source: String? = nil) throws(DecodingError) -> (plan: Plan, lines: [SourceLine]) {
        let (plan, text) = read(try DocumentDecoder.decode(bytes), source: source)
        return (plan, text.lines)
    }

    private func read(_ decoded: DecodedText, source: String?) -> (plan: Plan, text: SourceText) {
        let text = Normalizer.normalize(decoded)
        var plan = extractor.extract(parser.parse(text), source: source)
        plan.document = decoded.map
        return (plan, text)
    }

    public func read(text: String, source: String? = nil) -> Plan {
        extractor.extract(parser.parse(SourceText(text)), source: source)
    }
}
