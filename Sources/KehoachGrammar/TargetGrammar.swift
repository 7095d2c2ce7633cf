import Foundation
import KehoachText

/// The comparator words of grammars/targets.grammar, by meaning.
public enum ComparatorWord: String, Sendable, CaseIterable {
    case atLeast = "at least"
    case moreThan = "more than"
    case exactly
    case atMost = "at most"
    case lessThan = "less than"
}

/// A ratio written around its number: "{n} học sinh/máy", "mỗi học sinh {n} máy tính".
public struct RatioPattern: Sendable {
    public let unit: String
    /// Match keys of the words before and after the number.
    public let before: String
    public let after: String
    /// The same keys as bytes, for comparing with a plan's key in place.
    public let beforeBytes: [UInt8]
    public let afterBytes: [UInt8]

    public init(unit: String, before: String, after: String) {
        self.unit = unit
        self.before = before
        self.after = after
        beforeBytes = Array(before.utf8)
        afterBytes = Array(after.utf8)
    }
}

/// grammars/targets.grammar: what makes a number a target and how to read it.
public struct TargetGrammar: Sendable {
    public let comparatorsBefore: PhraseMatcher<ComparatorWord>
    public let comparatorsAfter: PhraseMatcher<ComparatorWord>
    public let comparatorFillers: PhraseMatcher<Bool>
    public let aspirational: PhraseMatcher<Bool>
    public let countUnits: PhraseMatcher<String>
    public let ratios: [RatioPattern]
    public let levelWords: PhraseMatcher<String>
    public let commitmentVerbs: PhraseMatcher<Bool>
    public let estimates: PhraseMatcher<Bool>
    public let changeWords: PhraseMatcher<Bool>
    public let statusWords: PhraseMatcher<Bool>
    public let nameWords: PhraseMatcher<Bool>
    public let timeWords: PhraseMatcher<Bool>
    public let predicateWords: PhraseMatcher<Bool>
    /// indicator id → (population words, replacement id)
    public let populationOverrides: [String: (words: [String], indicator: String)]

    init(_ file: GrammarFile) throws(GrammarError) {
        try file.requireSections(["comparators before", "comparators after", "comparator fillers", "aspirational",
                                  "count units", "ratios", "level words", "commitment verbs", "estimates", "change words", "status words", "name words",
                                  "time words", "predicate words", "population overrides"])
        func comparators(_ name: String) throws(GrammarError) -> PhraseMatcher<ComparatorWord> {
            var matcher = PhraseMatcher<ComparatorWord>()
            for entry in file.section(name)?.entries ?? [] {
                guard let key = entry.key, let word = ComparatorWord(rawValue: key) else {
                    throw file.error(entry, "expected one of \(ComparatorWord.allCases.map(\.rawValue).joined(separator: ", ")) before '='")
                }
                for phrase in entry.values { matcher.insert(phrase, word) }
            }
            return matcher
        }
        comparatorsBefore = try comparators("comparators before")
        comparatorsAfter = try comparators("comparators after")
        comparatorFillers = file.phraseSet("comparator fillers")
        aspirational = file.phraseSet("aspirational")
        var units = PhraseMatcher<String>()
        for entry in file.section("count units")?.entries ?? [] {
            for phrase in entry.values { units.insert(phrase, entry.key ?? phrase) }
        }
        countUnits = units
        var ratios: [RatioPattern] = []
        for entry in file.section("ratios")?.entries ?? [] {
            guard let unit = entry.key else { throw file.error(entry, "expected 'unit = pattern with {n} | …'") }
            for pattern in entry.values {
                let parts = pattern.components(separatedBy: "{n}")
                guard parts.count == 2 else { throw file.error(entry, "pattern '\(pattern)' must hold {n} once") }
                ratios.append(RatioPattern(unit: unit, before: Folding.matchKey(parts[0].trimmedSpaces),
                                           after: Folding.matchKey(parts[1].trimmedSpaces)))
            }
        }
        self.ratios = ratios
        levelWords = try file.keyedPhrases("level words")
        commitmentVerbs = file.phraseSet("commitment verbs")
        estimates = file.phraseSet("estimates")
        changeWords = file.phraseSet("change words")
        statusWords = file.phraseSet("status words")
        nameWords = file.phraseSet("name words")
        timeWords = file.phraseSet("time words")
        predicateWords = file.phraseSet("predicate words")
        var overrides: [String: ([String], String)] = [:]
        for entry in file.section("population overrides")?.entries ?? [] {
            guard let id = entry.key, entry.values.count == 1 else { throw file.error(entry, "expected 'indicator = words -> indicator'") }
            let parts = entry.values[0].components(separatedBy: "->")
            guard parts.count == 2 else { throw file.error(entry, "expected 'words -> indicator'") }
            overrides[id] = (parts[0].split(separator: ",").map { Folding.matchKey($0.trimmedSpaces) }, parts[1].trimmedSpaces)
        }
        populationOverrides = overrides
    }
}
