import KehoachText

/// One indicator of the taxonomy: what a target's number measures.
public struct Indicator: Sendable, Hashable {
    public let id: String
    /// Vietnamese label for reports.
    public let label: String
}

/// grammars/indicators.grammar: the taxonomy and the terms that signal each indicator.
public struct IndicatorGrammar: Sendable {
    /// In file order (the order reports list them).
    public let indicators: [Indicator]
    public let terms: PhraseMatcher<String>

    init(_ file: GrammarFile) throws(GrammarError) {
        var indicators: [Indicator] = []
        var terms = PhraseMatcher<String>()
        for section in file.sections {
            var label: String? = nil
            for entry in section.entries {
                switch entry.key {
                case "label": label = entry.values.joined(separator: " | ")
                case "terms": for term in entry.values { terms.insert(term, section.name) }
                default: throw file.error(entry, "expected 'label = …' or 'terms = …' in an indicator section")
                }
            }
            guard let label else { throw GrammarError(file: file.name, line: section.line, "indicator [\(section.name)] has no label") }
            indicators.append(Indicator(id: section.name, label: label))
        }
        self.indicators = indicators
        self.terms = terms
    }

    /// The id of a target that no term of the taxonomy names: its section `[other]`.
    public static let other = "other"

    public func label(of id: String) -> String? {
        indicators.first { $0.id == id }?.label
    }
}
