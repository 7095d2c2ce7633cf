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

/// grammars/responsibilities.grammar: how units are named and given duties.
public struct ResponsibilityGrammar: Sendable {
    public enum Role: String, Sendable { case lead, support }

    public let columns: PhraseMatcher<Role>
    public let unitHeads: PhraseMatcher<Bool>
    public let dutyVerbs: PhraseMatcher<Bool>
    public let requests: PhraseMatcher<Bool>
    public let localityWords: PhraseMatcher<Bool>
    public let canonicalNames: PhraseMatcher<String>

    init(_ file: GrammarFile) throws(GrammarError) {
        try file.requireSections(["columns", "unit heads", "duty verbs", "requests", "locality words", "canonical names"])
        var columns = PhraseMatcher<Role>()
        for entry in file.section("columns")?.entries ?? [] {
            guard let key = entry.key, let role = Role(rawValue: key) else { throw file.error(entry, "expected 'lead = …' or 'support = …'") }
            for phrase in entry.values { columns.insert(phrase, role) }
        }
        self.columns = columns
        unitHeads = file.phraseSet("unit heads")
        dutyVerbs = file.phraseSet("duty verbs")
        requests = file.phraseSet("requests")
        localityWords = file.phraseSet("locality words")
        canonicalNames = try file.keyedPhrases("canonical names")
    }
}
