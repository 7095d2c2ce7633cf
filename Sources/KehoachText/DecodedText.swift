/// A plan's text as Unicode, with how it was written and what decoding had to repair.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: SourceEncoding
    public var diagnostics: [Diagnostic]

    public init(text: String, encoding: SourceEncoding, diagnostics: [Diagnostic] = []) {
        self.text = text
        self.encoding = encoding
        self.diagnostics = diagnostics
    }
}
