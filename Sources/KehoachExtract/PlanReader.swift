import KehoachGrammar
import KehoachParser
import KehoachText

/// The whole pipeline from bytes to Plan in one call: decode → normalize → lex → parse →
/// extract. Throws only for input that is not text at all.
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
        let decoded = try TextDecoder.decode(bytes)
        let text = Normalizer.normalize(decoded)
        return extractor.extract(parser.parse(text), source: source)
    }

    public func read(text: String, source: String? = nil) -> Plan {
        extractor.extract(parser.parse(SourceText(text)), source: source)
    }
}
