import KehoachText

/// grammars/abbreviations.grammar: full forms and the abbreviations that stand for them.
public struct AbbreviationGrammar: Sendable {
    /// (full form, its abbreviations and variants), in file order.
    public let expansions: [(full: String, variants: [String])]
    /// Any variant → its full form.
    public let variants: PhraseMatcher<String>

    init(_ file: GrammarFile) throws(GrammarError) {
        try file.requireSections(["expansions"])
        var expansions: [(String, [String])] = []
        var matcher = PhraseMatcher<String>()
        for entry in file.section("expansions")?.entries ?? [] {
            guard let full = entry.key else { throw file.error(entry, "expected 'full form = ABBR | ABBR'") }
            expansions.append((full, entry.values))
            for variant in entry.values { matcher.insert(variant, full) }
        }
        self.expansions = expansions
        variants = matcher
    }

    /// The text with every known abbreviation replaced by its full form.
    public func expand(_ text: String) -> String {
        let key = Folding.matchKey(text)
        let found = variants.matches(in: key)
        guard !found.isEmpty else { return text }
        var out = ""
        var last = 0
        let bytes = Array(text.utf8)
        for match in found {
            out += String(decoding: bytes[last..<match.range.lowerBound], as: UTF8.self)
            out += match.value
            last = match.range.upperBound
        }
        out += String(decoding: bytes[last...], as: UTF8.self)
        return out
    }
}
