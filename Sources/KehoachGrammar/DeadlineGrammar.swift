/// grammars/deadlines.grammar: words that make a time expression a deadline, by kind.
public struct DeadlineGrammar: Sendable {
    public let before: PhraseMatcher<Bool>
    public let on: PhraseMatcher<Bool>
    public let during: PhraseMatcher<Bool>
    public let recurring: PhraseMatcher<Bool>
    public let ongoing: PhraseMatcher<Bool>
    public let timeColumns: PhraseMatcher<Bool>

    init(_ file: GrammarFile) throws(GrammarError) {
        try file.requireSections(["before", "on", "during", "recurring", "ongoing", "time columns"])
        before = file.phraseSet("before")
        on = file.phraseSet("on")
        during = file.phraseSet("during")
        recurring = file.phraseSet("recurring")
        ongoing = file.phraseSet("ongoing")
        timeColumns = file.phraseSet("time columns")
    }
}
