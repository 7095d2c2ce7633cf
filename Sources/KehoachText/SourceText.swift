/// One physical line of a plan after normalization: NFC, spaces made plain, line end removed.
public struct SourceLine: Sendable, Hashable {
    /// 1-based, as an editor shows it.
    public let number: Int
    public let text: String
    /// `text`'s match key (`Folding.matchKey`), folded once for the whole plan.
    public let key: String

    public init(number: Int, text: String, key: String? = nil) {
        self.number = number
        self.text = text
        self.key = key ?? Folding.matchKey(text)
    }
}

/// A whole plan as normalized lines: what every later stage reads.
public struct SourceText: Sendable {
    public let lines: [SourceLine]
    public let encoding: SourceEncoding
    public let diagnostics: [Diagnostic]
    /// Bytes of the text as decoded, before normalization.
    public let byteCount: Int

    public init(lines: [SourceLine], encoding: SourceEncoding = .utf8, diagnostics: [Diagnostic] = [], byteCount: Int? = nil) {
        self.lines = lines
        self.encoding = encoding
        self.diagnostics = diagnostics
        self.byteCount = byteCount ?? lines.reduce(0) { $0 + $1.text.utf8.count + 1 }
    }

    /// Convenience for tests and callers that already hold a String.
    public init(_ text: String) {
        self = Normalizer.normalize(DecodedText(text: text, encoding: .utf8))
    }
}
