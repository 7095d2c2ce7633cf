/// A plan's text as Unicode, with how it was written and what decoding had to repair; for a
/// text read from a Word or PDF file, the map from its lines back to the document.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: SourceEncoding
    public var diagnostics: [Diagnostic]
    public var map: DocumentMap?

    public init(text: String, encoding: SourceEncoding, diagnostics: [Diagnostic] = [], map: DocumentMap? = nil) {
        self.text = text
        self.encoding = encoding
        self.diagnostics = diagnostics
        self.map = map
    }
}
