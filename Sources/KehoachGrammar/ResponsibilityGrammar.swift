/// grammars/responsibilities.grammar: how units are named and given duties.
public struct ResponsibilityGrammar: Sendable {
    public enum Role: String, Sendable { case lead, support }

    public let columns: PhraseMatcher<Role>
    public let unitHeads: PhraseMatcher<Bool>
    public let unitPrefixes: PhraseMatcher<Bool>
    public let dutyVerbs: PhraseMatcher<Bool>
    public let requests: PhraseMatcher<Bool>
    public let localityWords: PhraseMatcher<Bool>
    public let canonicalNames: PhraseMatcher<String>

    init(_ file: GrammarFile) throws(GrammarError) {
        try file.requireSections(["columns", "unit heads", "unit prefixes", "duty verbs", "requests", "locality words", "canonical names"])
        var columns = PhraseMatcher<Role>()
        for entry in file.section("columns")?.entries ?? [] {
            guard let key = entry.key, let role = Role(rawValue: key) else { throw file.error(entry, "expected 'lead = …' or 'support = …'") }
            for phrase in entry.values { columns.insert(phrase, role) }
        }
        self.columns = columns
        unitHeads = file.phraseSet("unit heads")
        unitPrefixes = file.phraseSet("unit prefixes")
        dutyVerbs = file.phraseSet("duty verbs")
        requests = file.phraseSet("requests")
        localityWords = file.phraseSet("locality words")
        canonicalNames = try file.keyedPhrases("canonical names")
    }
}
