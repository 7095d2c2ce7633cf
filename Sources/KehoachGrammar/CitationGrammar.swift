/// grammars/citations.grammar: the words that name a cited document's type and end its issuer.
public struct CitationGrammar: Sendable {
    public let typeWords: PhraseMatcher<String>
    public let issuerEnds: PhraseMatcher<Bool>

    init(_ file: GrammarFile) throws(GrammarError) {
        try file.requireSections(["type words", "issuer ends"])
        typeWords = try file.keyedPhrases("type words")
        issuerEnds = file.phraseSet("issuer ends")
    }
}
