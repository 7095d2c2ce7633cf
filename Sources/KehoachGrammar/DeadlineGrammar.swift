/// grammars/deadlines.grammar: words that make a time expression a deadline, by kind.
public struct DeadlineGrammar: Sendable {
    public let before: PhraseMatcher<Bool>
    public let on: PhraseMatcher<Bool>
    public let during: PhraseMatcher<Bool>
    public let recurring: PhraseMatcher<Bool>
    public let ongoing: PhraseMatcher<Bool>
    public let timeColumns: PhraseMatcher<Bool>
    public let periodWords: PhraseMatcher<Bool>
    public let programmeWords: PhraseMatcher<Bool>
    public let goalWords: PhraseMatcher<Bool>
    public let clockWords: PhraseMatcher<Bool>

    init(_ file: GrammarFile) throws(GrammarError) {
        try file.requireSections(["before", "on", "during", "recurring", "ongoing", "time columns", "period words", "programme words", "goal words", "clock words"])
        before = file.phraseSet("before")
        on = file.phraseSet("on")
        during = file.phraseSet("during")
        recurring = file.phraseSet("recurring")
        ongoing = file.phraseSet("ongoing")
        timeColumns = file.phraseSet("time columns")
        periodWords = file.phraseSet("period words")
        programmeWords = file.phraseSet("programme words")
        goalWords = file.phraseSet("goal words")
        clockWords = file.phraseSet("clock words")
    }
}
