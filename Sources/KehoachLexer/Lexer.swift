import KehoachGrammar
import KehoachText

/// lines → tokens. Each line is classified on its own (tolerant first); the parser then
/// builds the tree from the sequence with the context a single line does not have.
public struct Lexer: Sendable {
    public let grammar: Grammar

    public init(grammar: Grammar = .bundled) {
        self.grammar = grammar
    }

    public func tokens(_ source: SourceText) -> [Token] {
        source.lines.map(token)
    }

    public func token(_ line: SourceLine) -> Token {
        // white space, Markdown heading #s and a quote mark, on the bytes: each is one byte,
        // so byte offsets are columns too
        let (start, end, markdownLevel) = line.text.withBytes { bytes -> (Int, Int, Int) in
            func isBlank(_ i: Int) -> Bool { bytes[i] == 0x20 || bytes[i] == 0x09 }
            var start = 0
            while start < bytes.count, isBlank(start) { start += 1 }
            var end = bytes.count
            while end > start, isBlank(end - 1) { end -= 1 }
            guard start < end else { return (start, end, -1) }
            var level = 0
            var i = start
            while i < end, bytes[i] == UInt8(ascii: "#") { i += 1; level += 1 }
            if level > 0, i < end, bytes[i] != 0x20 {
                // "#1" is not a Markdown heading: the line from its first non-blank, to its very end
                return (start, bytes.count, 0)
            }
            if level == 0, i < end, bytes[i] == UInt8(ascii: ">") { i += 1 }
            return (i, end, level)
        }
        if markdownLevel < 0 { return Token(kind: .blank, text: "", key: "", location: SourceLocation(line: line.number, column: 1)) }
        // most lines are their own content: no copy of the text or its key then
        let whole = start == 0 && end == line.text.utf8.count
        let content = line.text[line.text.utf8Range(start..<end)]
        let column = start + 1

        let (plain, emphasized) = whole ? Self.stripEmphasis(line.text) : Self.stripEmphasis(content)
        let location = SourceLocation(line: line.number, column: column)
        // the content is already trimmed: only removed Markdown can leave spaces at an end
        let text = markdownLevel == 0 && plain.utf8.count == content.utf8.count ? plain : plain.trimmedSpaces
        // a line of marks only (a Markdown image "![]()", "…", "* * *") carries no text
        if text.isEmpty || !Self.hasLetterOrDigit(text) {
            var rule = Token(kind: .rule, text: "", key: "", location: location, markdownLevel: markdownLevel)
            rule.isCellBorder = text == "|"
            return rule
        }
        // unless Markdown was taken out of it, the content's key is the same stretch of the line's key
        let key: String
        if text.utf8.count == content.utf8.count {
            key = whole ? line.key : String(line.key[line.key.utf8Range(start..<end)])
        } else {
            key = Folding.matchKey(text)
        }
        var token = classify(text, key: key, location: location, markdownLevel: markdownLevel, emphasized: emphasized)
        token.leavesBoldOpen = plain.utf8.count != content.utf8.count && Self.hasOddBoldMarks(content)
        return token
    }

    /// Whether a line has an odd number of `**` marks.
    private static func hasOddBoldMarks(_ text: Substring) -> Bool {
        var marks = 0
        var run = 0
        for byte in text.utf8 {
            if byte == 0x2A { run += 1; continue }
            marks += run / 2
            run = 0
        }
        return (marks + run / 2) % 2 == 1
    }

    private func classify(_ text: String, key: String, location: SourceLocation, markdownLevel: Int, emphasized: Bool) -> Token {
        /// A token whose content is usually the end of `text` (after a label or marker): its key
        /// is then the same end of `key`, since keys keep the text's byte length. A title with
        /// punctuation trimmed off its end is folded on its own.
        func token(_ kind: Token.Kind, _ content: String) -> Token {
            let n = content.utf8.count
            let contentKey = n == key.utf8.count ? key
                : text.hasByteSuffix(content) ? String(key[key.utf8Range((key.utf8.count - n)..<key.utf8.count)])
                : Folding.matchKey(content)
            return Token(kind: kind, text: content, key: contentKey, location: location, markdownLevel: markdownLevel, emphasized: emphasized)
        }
        if Self.isRule(text) { return token(.rule, "") }
        if let cells = Self.cells(text) {
            let filled = cells.filter { !$0.isEmpty }
            if filled.count >= 2 {
                // "I.<tab>MỤC TIÊU": Word's tab after a number is not a table
                if filled.count == 2, text.contains("\t"), let first = filled.first, let label = NumberingReader.label(first + " " + filled[1]),
                   label.title.count == filled[1].count {
                    return token(.heading(label.label), label.title)
                }
                return token(.tableRow(cells: cells), text)
            }
            if filled.count == 1 {
                return classify(filled[0], key: Folding.matchKey(filled[0]), location: location, markdownLevel: markdownLevel, emphasized: emphasized)
            }
            return token(.rule, "")
        }
        if let motto = grammar.header.motto.prefixMatch(of: key), motto.range.count * 10 >= key.utf8.count * 6 {
            return token(.motto, text)
        }
        if key.hasBytePrefix("số:") || key.hasBytePrefix("số :") || key.hasBytePrefix("số ") && key.utf8.dropFirst(5).first.map({ (0x30...0x39).contains($0) || $0 == 0x2F }) == true {
            return token(.documentNumber, text)
        }
        if text.utf8.count < 160, DateReader.placeDate(text, key: key) != nil {
            return token(.placeDate, text)
        }
        if let (marker, rest) = Self.bullet(text) {
            return token(.bullet(marker: marker), rest)
        }
        if let found = NumberingReader.label(text, key: key, grammar: grammar.sections) {
            return token(.heading(found.label), found.title)
        }
        return token(.text, text)
    }

    // MARK: - Pieces of a line

    /// Whether the text has a letter or a digit (or any non-ASCII character, which may be one);
    /// most lines answer on their first byte.
    static func hasLetterOrDigit(_ text: String) -> Bool {
        text.withBytes { bytes in bytes.contains(where: TextBytes.isWordByte) }
    }

    static let bulletMarkers: Set<Character> = ["-", "+", "•", "–", "—", "*", "○", "●", "◦", "▪", "■", "□", "➢", "✓", "·", "→", "⁃", "❖", "♦", "►", "✔"]
    /// The markers as scalars (each is one), so that a line is tested without grapheme breaking.
    private static let bulletScalars: Set<Unicode.Scalar> = Set(bulletMarkers.map { $0.unicodeScalars.first! })

    static func bullet(_ text: String) -> (Character, String)? {
        // every marker is "-", "+", "*" or not ASCII: most lines are rejected on one byte
        guard let head = text.utf8.first, head == 0x2D || head == 0x2B || head == 0x2A || head >= 0xC2,
              let scalar = text.unicodeScalars.first, bulletScalars.contains(scalar),
              let first = text.first, first.unicodeScalars.count == 1 else { return nil }
        let rest = text.dropFirst()
        let body = rest.trimmedSpaces
        guard !body.isEmpty else { return nil }
        // "-5%" or "--" are not bullets; "-Text" (lost space) is
        if rest.first != " " && rest.first != "\t" {
            guard let next = rest.first, next.isLetter || first == "•" else { return nil }
        }
        return (first, body)
    }

    /// Cells of a tab- or `|`-separated line, or nil when the line has no separators.
    static func cells(_ text: String) -> [String]? {
        // most lines have neither separator: memchr finds that at memory speed
        let (hasTab, pipes) = text.withBytes { bytes -> (Bool, Int) in
            if TextBytes.firstOffset(of: 0x09, in: bytes) != nil { return (true, 0) }
            guard TextBytes.firstOffset(of: 0x7C, in: bytes) != nil else { return (false, 0) }
            return (false, bytes.reduce(0) { $0 + ($1 == 0x7C ? 1 : 0) })
        }
        if hasTab {
            return splitBytes(text, on: 0x09).map { $0.trimmedSpaces }
        }
        guard pipes > 0 else { return nil }
        guard text.hasPrefix("|") || text.hasSuffix("|") || text.contains(" | ") || pipes >= 2 else { return nil }
        var parts = splitBytes(text, on: 0x7C).map { Self.stripEmphasis(Substring($0)).0.trimmedSpaces }
        if text.hasPrefix("|") { parts.removeFirst() }
        if text.hasSuffix("|"), !parts.isEmpty { parts.removeLast() }
        return parts
    }

    /// A line of only `|`, `-`, `:`, `=`, `_` and spaces: table borders and horizontal rules.
    static func isRule(_ text: String) -> Bool {
        var marks = 0
        for c in text.unicodeScalars {
            switch c {
            case "|": marks += 3
            case "-", "=", "_", "—", "–": marks += 1
            case ":", " ", "+", "\t": continue
            default: return false
            }
        }
        return marks >= 3
    }

    private static let escapable: Set<UInt8> = Set(".-*#_+()[]|>".utf8)

    private static func hasEmphasisMarkers(_ text: Substring) -> Bool {
        text.withBytes { bytes in [UInt8(0x2A), 0x5F, 0x5C].contains { TextBytes.firstOffset(of: $0, in: bytes) != nil } }
    }

    /// Removes Markdown emphasis (every `*` run, `__` runs) and backslash escapes (`1\.`); tells
    /// whether the whole line was emphasized. A leading `* ` is a bullet and stays. All the
    /// markers are ASCII, so the work is on bytes.
    static func stripEmphasis(_ text: String) -> (String, Bool) {
        hasEmphasisMarkers(text[...]) ? stripEmphasis(text[...]) : (text, false)
    }

    static func stripEmphasis(_ text: Substring) -> (String, Bool) {
        guard hasEmphasisMarkers(text) else { return (String(text), false) }
        let bytes = Array(text.utf8)
        let whole = bytes.first == 0x2A && bytes.last == 0x2A || bytes.starts(with: [0x5F, 0x5F]) && bytes.suffix(2).elementsEqual([0x5F, 0x5F])
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        if bytes.starts(with: [0x2A, 0x20]) { out = [0x2A, 0x20]; i = 2 }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x5C {   // backslash escape
                if i + 1 < bytes.count, Self.escapable.contains(bytes[i + 1]) { out.append(bytes[i + 1]); i += 2 } else { out.append(b); i += 1 }
            } else if b == 0x2A {
                i += 1
            } else if b == 0x5F {
                var j = i
                while j < bytes.count, bytes[j] == 0x5F { j += 1 }
                if j - i == 1 { out.append(b) }   // a lone "_" is text; "__" is emphasis
                i = j
            } else {
                out.append(b)
                i += 1
            }
        }
        return (String(decoding: out, as: UTF8.self), whole)
    }
}
