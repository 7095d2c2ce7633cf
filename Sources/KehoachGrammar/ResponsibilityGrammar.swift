/// grammars/responsibilities.grammar: how units are named and given duties.
public struct ResponsibilityGrammar: Sendable {
    public enum Role: String, Sendable { case lead, support }

    public let columns: PhraseMatcher<Role>
    public let unitHeads: PhraseMatcher<Bool>
    public let unitPrefixes: PhraseMatcher<Bool>
    public let dutyVerbs: PhraseMatcher<Bool>
    public let requests: PhraseMatcher<Bool>
    public let localityWords: PhraseMatcher<Bool>
    public let subUnitHeads: PhraseMatcher<Bool>
    public let subUnitLocalityWords: PhraseMatcher<Bool>
    public let canonicalNames: PhraseMatcher<String>
    public let taskVerbs: PhraseMatcher<Bool>
    public let posts: PhraseMatcher<Bool>
    public let nameEnds: PhraseMatcher<Bool>
    public let lowercaseNameEnds: PhraseMatcher<Bool>
    public let genericNouns: PhraseMatcher<Bool>
    public let nominalizers: PhraseMatcher<Bool>
    public let openers: PhraseMatcher<Bool>
    public let groupQualifiers: PhraseMatcher<Bool>
    public let areaWords: PhraseMatcher<Bool>
    public let roleRemarks: PhraseMatcher<Bool>
    public let vagueUnits: PhraseMatcher<Bool>
    public let boilerplate: PhraseMatcher<Bool>

    init(_ file: GrammarFile) throws(GrammarError) {
        try file.requireSections(["columns", "unit heads", "unit prefixes", "duty verbs", "task verbs", "name ends", "lowercase name ends", "nominalizers", "openers", "generic nouns", "group qualifiers", "area words", "role remarks", "vague units", "boilerplate",
                                  "requests", "locality words", "sub-unit heads", "sub-unit locality words", "posts", "canonical names"])
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
        subUnitHeads = file.phraseSet("sub-unit heads")
        subUnitLocalityWords = file.phraseSet("sub-unit locality words")
        canonicalNames = try file.keyedPhrases("canonical names")
        taskVerbs = file.phraseSet("task verbs")
        posts = file.phraseSet("posts")
        nameEnds = file.phraseSet("name ends")
        lowercaseNameEnds = file.phraseSet("lowercase name ends")
        genericNouns = file.phraseSet("generic nouns")
        nominalizers = file.phraseSet("nominalizers")
        openers = file.phraseSet("openers")
        groupQualifiers = file.phraseSet("group qualifiers")
        areaWords = file.phraseSet("area words")
        roleRemarks = file.phraseSet("role remarks")
        vagueUnits = file.phraseSet("vague units")
        boilerplate = file.phraseSet("boilerplate")
    }
}
