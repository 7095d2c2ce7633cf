import KehoachText

/// What a section is for, read from its heading's title (grammars/sections.grammar).
public enum SectionKind: String, Codable, Sendable, CaseIterable {
    case purpose, requirements, objectives
    case generalObjectives = "general-objectives"
    case specificObjectives = "specific-objectives"
    case tasks, solutions
    case tasksAndSolutions = "tasks-and-solutions"
    case funding, implementation, scope, assignment, appendix
    /// What is now ("Thực trạng", "Kết quả đạt được"): its numbers are baselines, not targets.
    case situation

    /// Sections whose items are the plan's objectives.
    public var isObjectives: Bool {
        self == .objectives || self == .generalObjectives || self == .specificObjectives || self == .purpose
    }

    /// Sections that give units their duties.
    public var assignsDuties: Bool { self == .implementation || self == .assignment }
}

public struct SectionGrammar: Sendable {
    public let kinds: PhraseMatcher<SectionKind>
    public let partWords: PhraseMatcher<Bool>
    public let appendixWords: PhraseMatcher<Bool>
    /// "TỔNG SỐ", "Cộng": the first words of a table's total row, which is no data row.
    public let totalRows: PhraseMatcher<Bool>
    /// "Ghi chú", "Hướng dẫn chấm điểm": table columns that hold notes on a row.
    public let noteColumns: PhraseMatcher<Bool>
    /// "Kế hoạch vốn năm 2023": a column of money a table allocates.
    public let allocationColumns: PhraseMatcher<Bool>
    /// "Điểm chuẩn": a column of the points a scoring grid gives its criteria.
    public let scoreColumns: PhraseMatcher<Bool>

    init(_ file: GrammarFile) throws(GrammarError) {
        try file.requireSections(["kinds", "part words", "appendix words", "total rows", "note columns", "allocation columns", "score columns"])
        var kinds = PhraseMatcher<SectionKind>()
        for entry in file.section("kinds")?.entries ?? [] {
            guard let name = entry.key, let kind = SectionKind(rawValue: name) else {
                throw file.error(entry, "unknown section kind '\(entry.key ?? "")'; known: \(SectionKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            for phrase in entry.values { kinds.insert(phrase, kind) }
        }
        self.kinds = kinds
        partWords = file.phraseSet("part words")
        appendixWords = file.phraseSet("appendix words")
        totalRows = file.phraseSet("total rows")
        noteColumns = file.phraseSet("note columns")
        allocationColumns = file.phraseSet("allocation columns")
        scoreColumns = file.phraseSet("score columns")
    }

    /// The kind of a heading title: the longest grammar phrase that starts it.
    /// A section that gives duties must be named so, not merely start so: "Phân công lực lượng
    /// phụ trách công nghệ thông tin" is a task, "PHÂN CÔNG NHIỆM VỤ" a duties section.
    public func kind(ofTitle title: String) -> SectionKind? {
        kind(ofKey: Folding.matchKey(title))
    }

    /// The kind of a heading whose title's match key is `key`.
    public func kind(ofKey key: String) -> SectionKind? {
        guard let match = kinds.prefixMatch(of: key) else { return nil }
        if match.value.assignsDuties {
            let rest = String(decoding: Array(key.utf8)[match.range.upperBound...], as: UTF8.self)
            if rest.split(whereSeparator: { $0 == " " || $0 == "," }).count > 3 { return nil }
        }
        return match.value
    }
}

extension GrammarFile {
    /// Every phrase of a section, keyed or not, as a set to test membership.
    func phraseSet(_ section: String) -> PhraseMatcher<Bool> {
        var set = PhraseMatcher<Bool>()
        for entry in self.section(section)?.entries ?? [] {
            for phrase in entry.values { set.insert(phrase, true) }
        }
        return set
    }

    /// A section whose entries are `value = phrases`, as a matcher from phrase to value.
    func keyedPhrases(_ section: String) throws(GrammarError) -> PhraseMatcher<String> {
        var matcher = PhraseMatcher<String>()
        for entry in self.section(section)?.entries ?? [] {
            guard let key = entry.key else { throw error(entry, "expected 'name = phrase | phrase'") }
            for phrase in entry.values { matcher.insert(phrase, key) }
        }
        return matcher
    }
}
