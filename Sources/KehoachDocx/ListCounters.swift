/// Word's list counters while the paragraphs are read in order: each numbered paragraph
/// advances its level and restarts the levels below it, and gets the label a reader sees.
///
/// Instances of one abstract list share counters, as in Word, unless an instance overrides a
/// start value: then it counts on its own from that value.
struct ListCounters {
    private let numbering: Numbering
    private var counters: [Key: [Int?]] = [:]

    private struct Key: Hashable {
        var abstract: Int
        var instance: Int?
    }

    init(_ numbering: Numbering) {
        self.numbering = numbering
    }

    /// The label and its separator ("II. ", "2.1. ", "a) ", "- "), or nil when the paragraph
    /// shows none (no such list, `numId` 0, an empty label).
    mutating func label(numId: Int, level: Int) -> String? {
        guard (0..<Numbering.maxLevels).contains(level), let instance = numbering.instances[numId],
              let levels = numbering.abstracts[instance.abstract], let definition = levels[level] else { return nil }
        let key = Key(abstract: instance.abstract, instance: instance.overridesStart ? numId : nil)
        // taken out of the dictionary while it changes, so that it is not copied
        var values = counters.removeValue(forKey: key) ?? [Int?](repeating: nil, count: Numbering.maxLevels)
        func start(_ index: Int) -> Int { instance.startOverrides[index] ?? levels[index]?.start ?? 1 }
        values[level] = values[level].map { $0 + 1 } ?? start(level)
        for deeper in (level + 1)..<Numbering.maxLevels where level < (levels[deeper]?.restartAfter ?? deeper) {
            values[deeper] = nil
        }
        counters[key] = values
        let label = render(definition, level: level, values: values, levels: levels, start: start)
        guard !label.isEmpty else { return nil }
        return definition.noSuffix ? label : label + " "
    }

    private func render(_ definition: Numbering.Level, level: Int, values: [Int?], levels: [Numbering.Level?],
                        start: (Int) -> Int) -> String {
        if definition.format == .bullet { return Self.bullet(definition.text) }
        var out = ""
        for piece in definition.pieces {
            switch piece {
            case .literal(let text): out += text
            case .counter(let index):
                let format = definition.legal && index < level ? .decimal : levels[index]?.format ?? .decimal
                out += format.render(values[index] ?? start(index))
            }
        }
        return out
    }

    /// Bullets drawn from symbol fonts sit in the private-use area; a reader sees a bullet.
    private static func bullet(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { (0xE000...0xF8FF).contains($0.value) ? "•" : $0 }))
    }
}
