import KehoachExtract
import KehoachGrammar
import KehoachText

/// Where a plan names a topic: the line and a short excerpt around the words.
public struct TopicEvidence: Codable, Sendable, Hashable {
    public var line: Int
    public var excerpt: String

    public init(line: Int, excerpt: String) {
        self.line = line
        self.excerpt = excerpt
    }
}

/// The indicators a plan names anywhere in its body — whether or not it sets a number for them —
/// found by the taxonomy's terms (grammars/indicators.grammar), with the first place each occurs.
///
/// With the plan's text: every line from the first numbered section to "Nơi nhận" (the preamble
/// is left out: it cites documents, it does not assign tasks). Without it: the texts `Plan`
/// keeps — section titles, objectives, the items targets stand in, deadline tasks and the duties
/// of responsible units.
public struct PlanTopics: Sendable {
    private struct Found: Sendable {
        var line: Int
        var text: String
        var range: Range<Int>
    }

    /// First occurrence of each indicator; the excerpt is cut only when asked for.
    private var found: [String: Found] = [:]

    public init(_ plan: ComparablePlan, indicators: IndicatorGrammar = Grammar.bundled.indicators) {
        for (line, text, key) in Self.texts(of: plan) {
            for match in indicators.terms.matches(in: key) where found[match.value] == nil {
                found[match.value] = Found(line: line, text: text, range: match.range)
            }
        }
    }

    public func names(_ indicator: String) -> Bool { found[indicator] != nil }

    /// The indicators named, in no particular order.
    public var indicators: [String] { Array(found.keys) }

    /// Where the plan first names the indicator, with a short excerpt.
    public func evidence(for indicator: String) -> TopicEvidence? {
        found[indicator].map { TopicEvidence(line: $0.line, excerpt: Self.excerpt($0.text, around: $0.range)) }
    }

    /// The indicator ids whose terms occur in a text, in order of first occurrence.
    public static func indicators(in text: String, indicators: IndicatorGrammar) -> [String] {
        var seen: [String] = []
        for match in matches(in: text, indicators: indicators) where !seen.contains(match.value) {
            seen.append(match.value)
        }
        return seen
    }

    /// The indicators a target's own words name, for `wording` matches: as `indicators(in:)`,
    /// but words inside parentheses do not count — there a plan cites or explains ("tối thiểu
    /// đáp ứng mức độ cơ bản (mức độ 2 theo Quyết định 4725/QĐ-BGDĐT …)" is about computers, not
    /// about the school's digital-transformation level).
    public static func indicatorsOutsideParentheses(in text: String, indicators: IndicatorGrammar) -> [String] {
        var depthAt: [Int] = []
        depthAt.reserveCapacity(text.utf8.count)
        var depth = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "(") { depth += 1 }
            depthAt.append(depth)
            if byte == UInt8(ascii: ")") { depth = max(0, depth - 1) }
        }
        var seen: [String] = []
        for match in matches(in: text, indicators: indicators)
        where (match.range.lowerBound >= depthAt.count || depthAt[match.range.lowerBound] == 0) && !seen.contains(match.value) {
            seen.append(match.value)
        }
        return seen
    }

    static func matches(in text: String, indicators: IndicatorGrammar) -> [PhraseMatch<String>] {
        indicators.terms.matches(in: Folding.matchKey(text))
    }

    /// The (line, text, match key) triples to search, in line order; a line's key is the one
    /// its normalization made.
    static func texts(of comparable: ComparablePlan) -> [(Int, String, String)] {
        let plan = comparable.plan
        if let lines = comparable.lines {
            let firstSection = plan.sections.map(\.line).min() ?? 1
            var texts: [(Int, String, String)] = []
            for line in lines where line.number >= firstSection {
                if line.key.prefix(12).trimming(" -*#").hasPrefix("nơi nhận") { break }
                if !line.text.isEmpty { texts.append((line.number, line.text, line.key)) }
            }
            return texts
        }
        var texts: [(Int, String)] = []
        func visit(_ sections: [SectionRecord]) {
            for s in sections {
                texts.append((s.line, s.title))
                visit(s.children)
            }
        }
        visit(plan.sections)
        texts += plan.objectives.map { ($0.line, $0.text) }
        texts += plan.targets.map { ($0.line, $0.text) }
        texts += plan.deadlines.map { ($0.line, $0.task) }
        for r in plan.responsibilities { texts += r.tasks.map { (r.line, $0) } }
        return texts.sorted { $0.0 < $1.0 }.map { ($0.0, $0.1, Folding.matchKey($0.1)) }
    }

    /// About 40 characters before the words and 80 after, cut at word ends.
    static func excerpt(_ text: String, around range: Range<Int>) -> String {
        let bytes = Array(text.utf8)
        let start = min(range.lowerBound, bytes.count)
        let before = String(decoding: bytes[..<start], as: UTF8.self)
        let after = String(decoding: bytes[start...], as: UTF8.self)
        var head = String(before.suffix(40))
        if head.count < before.count, let space = head.firstIndex(of: " ") { head = "…" + head[head.index(after: space)...] }
        var tail = String(after.prefix(80))
        if tail.count < after.count, let space = tail.lastIndex(of: " ") { tail = tail[..<space] + "…" }
        return head + tail
    }
}
