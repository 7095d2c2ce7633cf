import KehoachGrammar
import KehoachLexer
import KehoachText

/// Builds the section tree from headings in document order. Depth comes from the numbering
/// scheme: a scheme already open on the path closes back to a sibling, a new scheme opens a
/// child, `2.1` goes under `2`, and an appendix is always top level. Markdown `#`s are ignored.
struct SectionTreeBuilder {
    let grammar: SectionGrammar
    private(set) var roots: [Section] = []
    /// Path of open sections from the root to the current one.
    private var path: [Section] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Last label seen per scheme key on each path, to report repeated and skipped numbers.
    private var lastOrdinal: [String: Int] = [:]
    /// Whether the plan numbers its parts with capital letters (A., B.): decides `C.`, `D.`, `I.`.
    private var lastUpperLetter: Int? = nil

    init(grammar: SectionGrammar) {
        self.grammar = grammar
    }

    var isInsideSection: Bool { !path.isEmpty }

    var currentKinds: [SectionKind] { path.compactMap(\.kind) }

    mutating func open(_ label: NumberingLabel, title: TextRun) {
        let location = title.location
        let label = resolveAmbiguous(label)
        let key = Self.schemeKey(label.scheme)
        if label.scheme == .appendix {
            closeAll()
        } else if case .decimal(let depth) = label.scheme, depth > 1 {
            // 2.1 belongs under 2 (or 2.1.3 under 2.1): close until the parent level
            let parentKey = Self.schemeKey(.decimal(depth: depth - 1))
            let parentPrefix = label.text.split(separator: ".").dropLast().joined(separator: ".")
            if let index = path.lastIndex(where: { Self.schemeKey($0.label.scheme) == parentKey && $0.label.text == parentPrefix })
                ?? path.lastIndex(where: { Self.schemeKey($0.label.scheme) == parentKey }) {
                close(downTo: index + 1)
            } else if let index = path.lastIndex(where: { Self.schemeKey($0.label.scheme) == key }) {
                close(downTo: index)
            }
        } else if let index = path.lastIndex(where: { Self.schemeKey($0.label.scheme) == key }) {
            close(downTo: index)
        }
        checkSequence(label, key: key, at: location)
        var kind = grammar.kind(ofKey: title.key)
        if label.scheme == .appendix { kind = .appendix }
        path.append(Section(label: label, title: title, kind: kind, blocks: [], children: []))
    }

    /// Adds a block to the innermost open section; false when no section is open.
    mutating func add(_ block: Block) -> Bool {
        guard !path.isEmpty else { return false }
        path[path.count - 1].blocks.append(block)
        return true
    }

    /// Continues the innermost section's title (a heading wrapped onto the next line).
    mutating func continueTitle(_ text: String, key: String, at location: SourceLocation) {
        guard !path.isEmpty else { return }
        path[path.count - 1].title.append(text, key: key, at: location)
        if path[path.count - 1].kind == nil {
            path[path.count - 1].kind = grammar.kind(ofKey: path[path.count - 1].title.key)
        }
    }

    var currentTitle: TextRun? { path.last?.title }

    /// The innermost section's last paragraph, to continue it across a page break.
    mutating func withLastParagraph(_ change: (inout Paragraph) -> Void) -> Bool {
        guard let last = path.indices.last, case .paragraph(var paragraph)? = path[last].blocks.last else { return false }
        change(&paragraph)
        path[last].blocks[path[last].blocks.count - 1] = .paragraph(paragraph)
        return true
    }

    /// A new document starts (the plan a Quyết định carries): its sections are top level.
    mutating func startDocument() {
        closeAll()
        lastUpperLetter = nil
    }

    mutating func finish() -> [Section] {
        closeAll()
        return roots
    }

    // MARK: -

    private mutating func closeAll() { close(downTo: 0) }

    private mutating func close(downTo depth: Int) {
        while path.count > depth {
            let section = path.removeLast()
            if path.isEmpty { roots.append(section) } else { path[path.count - 1].children.append(section) }
            // numbering restarts under a new parent
            for key in lastOrdinal.keys where key.hasPrefix("\(path.count + 1)/") { lastOrdinal[key] = nil }
        }
    }

    private mutating func checkSequence(_ label: NumberingLabel, key: String, at location: SourceLocation) {
        guard let ordinal = label.ordinal else { return }
        let slot = "\(path.count)/\(key)"
        if let previous = lastOrdinal[slot] {
            if ordinal == previous {
                diagnostics.append(Diagnostic("section.repeated-label", at: location, "section label '\(label.text)' repeats the one before it; both kept"))
            } else if ordinal > previous + 1 {
                diagnostics.append(Diagnostic("section.skipped-label", at: location, "section label '\(label.text)' skips \(ordinal - previous - 1) number(s) after the one before it"))
            }
        }
        lastOrdinal[slot] = ordinal
        if label.scheme == .upperLetter { lastUpperLetter = ordinal }
    }

    /// `C.` after `B.` is a letter; `I.` or `V.` elsewhere is a Roman numeral.
    private func resolveAmbiguous(_ label: NumberingLabel) -> NumberingLabel {
        guard label.ambiguousLetter, let previous = lastUpperLetter,
              let ordinal = NumberingReader.letters.firstIndex(of: Character(label.text.lowercased())).map({ $0 + 1 }),
              ordinal == previous + 1 else { return label }
        return NumberingLabel(text: label.text, scheme: .upperLetter, ordinal: ordinal)
    }

    static func schemeKey(_ scheme: NumberingScheme) -> String { scheme.description }
}
