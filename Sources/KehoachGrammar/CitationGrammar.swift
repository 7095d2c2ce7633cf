/// grammars/citations.grammar: the words that name a cited document's type and end its issuer.
public struct CitationGrammar: Sendable {
    public let typeWords: PhraseMatcher<String>
    public let issuerEnds: PhraseMatcher<Bool>
    public let formWords: PhraseMatcher<Bool>

    init(_ file: GrammarFile) throws(GrammarError) {
        try file.requireSections(["type words", "issuer ends", "form words"])
        typeWords = try file.keyedPhrases("type words")
        issuerEnds = file.phraseSet("issuer ends")
        formWords = file.phraseSet("form words")
    }
}
