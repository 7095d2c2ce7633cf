import KehoachText

/// One file of `grammars/`, read into sections of entries. The format is meant to be edited by
/// an analyst in any text editor:
///
///     # a comment
///     [section]
///     key = phrase | another phrase
///     phrase | phrase
///
/// Every entry keeps its line, so that a typed grammar can report a bad value as `file:line`.
public struct GrammarFile: Sendable {
    public let name: String
    public let sections: [GrammarSection]

    public init(name: String, text: String) throws(GrammarError) {
        self.name = name
        var sections: [GrammarSection] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let content = raw.trimming(" \t\r")
            if content.isEmpty || content.hasPrefix("#") { continue }
            if content.hasPrefix("[") {
                guard content.hasSuffix("]"), content.count > 2 else {
                    throw GrammarError(file: name, line: line, "a section header must look like [name]")
                }
                sections.append(GrammarSection(name: String(content.dropFirst().dropLast()).trimming(" "), line: line, entries: []))
                continue
            }
            guard !sections.isEmpty else {
                throw GrammarError(file: name, line: line, "an entry must follow a [section] header")
            }
            var key: String? = nil
            var body = Substring(content)
            if let eq = Self.unescapedIndex(of: "=", in: body) {
                key = body[..<eq].trimming(" \t")
                body = body[body.index(after: eq)...]
                if key!.isEmpty { throw GrammarError(file: name, line: line, "nothing before '='") }
            }
            let values = Self.splitValues(body)
            if values.isEmpty || values.contains(where: \.isEmpty) {
                throw GrammarError(file: name, line: line, "empty phrase (two '|' in a row, or nothing after '=')")
            }
            sections[sections.count - 1].entries.append(GrammarEntry(key: key, values: values, line: line))
        }
        self.sections = sections
    }

    public func section(_ name: String) -> GrammarSection? {
        sections.first { $0.name == name }
    }

    /// Fails with the line of the first section whose name is not one of `known`.
    public func requireSections(_ known: Set<String>) throws(GrammarError) {
        for section in sections where !known.contains(section.name) {
            throw GrammarError(file: name, line: section.line,
                               "unknown section [\(section.name)]; expected one of \(known.sorted().joined(separator: ", "))")
        }
    }

    public func error(_ entry: GrammarEntry, _ message: String) -> GrammarError {
        GrammarError(file: name, line: entry.line, message)
    }

    private static func unescapedIndex(of character: Character, in text: Substring) -> Substring.Index? {
        var escaped = false
        for index in text.indices {
            let c = text[index]
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == character { return index }
        }
        return nil
    }

    private static func splitValues(_ text: Substring) -> [String] {
        var values: [String] = []
        var current = ""
        var escaped = false
        for c in text {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "|" { values.append(current); current = ""; continue }
            current.append(c)
        }
        values.append(current)
        return values.map { $0.trimming(" \t") }
    }
}

public struct GrammarSection: Sendable {
    public let name: String
    public let line: Int
    public var entries: [GrammarEntry]
}

public struct GrammarEntry: Sendable {
    public let key: String?
    public let values: [String]
    public let line: Int
}

/// A grammar file that cannot be used, with the place to fix it.
public struct GrammarError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

