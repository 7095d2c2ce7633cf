import KehoachGrammar
import KehoachText

/// Reads the number at the start of a heading line: `I.`, `II`, `2.1.`, `1)`, `a)`, `A.`,
/// `PHẦN I`, `PHỤ LỤC 2`, `Điều 3.`. Tolerant of a missing dot (`II NHIỆM VỤ`, `2 Tổ chức`)
/// or space (`V.TỔ CHỨC`) where the title makes the reading safe.
public enum NumberingReader {
    /// The Vietnamese alphabet used for lettered points: no f, j, w, z.
    public static let letters: [Character] = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"]

    public static func label(_ text: String, key: String? = nil, grammar: SectionGrammar? = nil) -> (label: NumberingLabel, title: String)? {
        // most lines start with a letter no numbering uses: reject them on the first bytes
        guard let head = text.utf8.first else { return nil }
        let second = text.utf8.dropFirst().first ?? 0
        let isDigit = head >= 0x30 && head <= 0x39
        // a run of I V X L C followed by punctuation or a space ("Các", "Lưu" are words)
        let romanEnd = text.utf8.first { !($0 == 0x49 || $0 == 0x56 || $0 == 0x58 || $0 == 0x4C || $0 == 0x43) } ?? 0x20
        let isRomanLetter = (head == 0x49 || head == 0x56 || head == 0x58 || head == 0x4C || head == 0x43)
            && (romanEnd == 0x2E || romanEnd == 0x29 || romanEnd == 0x3A || romanEnd == 0x2D || romanEnd == 0x20 || romanEnd == 0xE2 || romanEnd == 0x09)
        let isLetterPoint = (head >= 0x41 && head <= 0x5A || head >= 0x61 && head <= 0x7A) && (second == 0x29 || second == 0x2E)
        let mayBeWord = head == 0x50 || head == 0x70 || head == 0xC4   // Phần, Phụ lục, Điều, đ)
        guard isDigit || isRomanLetter || isLetterPoint || mayBeWord else { return nil }
        if let grammar, mayBeWord, let special = wordLabel(text, key: key ?? Folding.matchKey(text), grammar: grammar) { return special }
        let third = text.utf8.dropFirst(2).first ?? 0
        let isDPoint = head == 0xC4 && (third == 0x29 || third == 0x2E)   // "đ)"
        guard isDigit || isRomanLetter || isLetterPoint || isDPoint else { return nil }
        // NFC text: one scalar is one character, so skip grapheme breaking. A label ends at its
        // first space; the schemes look one character past it, never further.
        var window = 0
        for scalar in text.unicodeScalars.prefix(40) {
            window += 1
            if scalar == " " { window += 1; break }
        }
        let chars = Array(text.unicodeScalars.prefix(window))
        guard let first = chars.first else { return nil }
        if first.isDigit { return arabic(text, chars) }
        if first.isUpper, let roman = roman(text, chars) { return roman }
        if first.isLower, let letter = letter(text, chars) { return letter }
        if first.isUpper, let letter = upperLetter(text, chars) { return letter }
        return nil
    }

    // MARK: - Schemes

    /// `1.`, `2.1.`, `1.1.1`, `1)`, `1/`, `2 Tổ chức`
    private static func arabic(_ text: String, _ chars: [Unicode.Scalar]) -> (NumberingLabel, String)? {
        var components: [Int] = []
        var i = 0
        var trailingDot = false
        while i < chars.count {
            var n = 0, digits = 0
            while i < chars.count, digits <= 3, chars[i].isDigit {
                n = n * 10 + Int(chars[i].value - 0x30); digits += 1; i += 1
            }
            guard digits > 0, digits <= 3 else { return nil }
            components.append(n)
            if i < chars.count, chars[i] == ".", i + 1 < chars.count, chars[i + 1].isDigit {
                i += 1
                continue
            }
            if i < chars.count, chars[i] == "." { trailingDot = true; i += 1 }
            break
        }
        guard !components.isEmpty, i <= chars.count else { return nil }
        var terminator: Unicode.Scalar? = trailingDot ? "." : nil
        if !trailingDot, i < chars.count, chars[i] == ")" || chars[i] == "/" {
            terminator = chars[i]; i += 1
        }
        // chars are scalars, so character offsets are scalar offsets: no grapheme breaking
        let rest = text.unicodeScalars.dropFirst(i)
        let title = String(rest).trimmedSpaces
        guard let titleFirst = title.first else {
            // a number alone on its line ("1.", "1.2."): a heading whose title follows on the next line
            return terminator == "." && components.count <= 3
                ? (NumberingLabel(text: components.map(String.init).joined(separator: "."), scheme: .decimal(depth: components.count),
                                  ordinal: components[components.count - 1]), "")
                : nil
        }
        guard titleFirst.isLetter || titleFirst.isNumber || "\"“'([".contains(titleFirst) else { return nil }
        // "1/ Mục đích" is a heading; "118/KH-UBND" and "1/2025" are not
        let hadSpace = rest.first == " "
        if terminator == "/" && (titleFirst.isNumber || !hadSpace) { return nil }
        let startsUpper = titleFirst.isUppercase || titleFirst.isNumber || !titleFirst.isLetter
        let labelText = components.map(String.init).joined(separator: ".")
        switch terminator {
        case ")":
            guard components.count == 1 else { return nil }
            return (NumberingLabel(text: labelText, scheme: .arabicParenthesis, ordinal: components[0]), title)
        case ".", "/":
            // "1.Title" with no space only before an uppercase letter
            if !hadSpace && !titleFirst.isUppercase { return nil }
            if components.count > 1 && !startsUpper && terminator != "." { return nil }
            return (NumberingLabel(text: labelText, scheme: .decimal(depth: components.count), ordinal: components.last), title)
        default:
            // no punctuation: "2.1 Title" or "2 Tổ chức" — only before an uppercase title, on a short line
            // "01 THÁNG 01 NĂM 2026", a wrapped line of a title, is a number: no heading pads its label
            guard hadSpace, titleFirst.isUppercase, text.utf8.count < 150 || text.unicodeScalars.count < 150, chars.first != "0",
                  !title.hasSuffix(";"), !title.hasSuffix(","), components.allSatisfy({ $0 <= 50 }) else { return nil }
            return (NumberingLabel(text: labelText, scheme: .decimal(depth: components.count), ordinal: components.last), title)
        }
    }

    /// `I.`, `IV)`, `V.TỔ CHỨC`, `II NHIỆM VỤ` (no dot: the title must be uppercase)
    private static func roman(_ text: String, _ chars: [Unicode.Scalar]) -> (NumberingLabel, String)? {
        var i = 0
        while i < chars.count, romanDigit(chars[i]) != nil { i += 1 }
        let label = String(String.UnicodeScalarView(chars[..<i]))
        guard i > 0, i <= 7, let value = romanValue(label) else { return nil }
        var j = i
        var punctuated = false
        if j < chars.count, [".", ")", ":", "-", "–"].contains(chars[j]) { punctuated = true; j += 1 }
        // "I.1" is not a Roman heading
        if j < chars.count, chars[j].isNumber { return nil }
        let title = String(text.unicodeScalars.dropFirst(j)).trimming(" \t.-–:")
        if !punctuated {
            guard j < chars.count, chars[j] == " ", isUppercaseTitle(title) else { return nil }
        } else if let f = title.first, !(f.isUppercase || f.isNumber || "\"“(".contains(f)) {
            return nil
        } else if j < chars.count, chars[j].isLetter, !title.prefix(3).allSatisfy({ $0.isUppercase || !$0.isLetter }) {
            return nil   // "V.Tổ" with no space: only an uppercase title
        }
        let ambiguous = i == 1 && ["C", "D", "I", "L", "M", "V", "X"].contains(chars[0])
        return (NumberingLabel(text: label, scheme: .roman, ordinal: value, ambiguousLetter: ambiguous), title)
    }

    /// `a)`, `b.`, `đ)`
    private static func letter(_ text: String, _ chars: [Unicode.Scalar]) -> (NumberingLabel, String)? {
        guard chars.count >= 2, let ordinal = letterScalars.firstIndex(of: chars[0]), chars[1] == ")" || chars[1] == "." else { return nil }
        // "v.v." is "and so on"
        if chars[0] == "v", chars.count > 2, chars[2] == "v" { return nil }
        let title = String(text.unicodeScalars.dropFirst(2)).trimmedSpaces
        guard let f = title.first, f.isLetter || f.isNumber || "\"“(".contains(f) else { return nil }
        if chars[1] == ".", !(chars.count > 2 && chars[2] == " ") { return nil }
        return (NumberingLabel(text: String(chars[0]), scheme: .letter, ordinal: ordinal + 1), title)
    }

    /// `A.`, `B)`
    private static func upperLetter(_ text: String, _ chars: [Unicode.Scalar]) -> (NumberingLabel, String)? {
        guard chars.count >= 3, chars[0].value &- 0x41 < 26, chars[1] == "." || chars[1] == ")", chars[2] == " ",
              let ordinal = letterScalars.firstIndex(of: Unicode.Scalar(UInt8(chars[0].value) | 0x20)) else { return nil }
        let title = String(text.unicodeScalars.dropFirst(2)).trimmedSpaces
        guard let f = title.first, f.isUppercase else { return nil }
        return (NumberingLabel(text: String(chars[0]), scheme: .upperLetter, ordinal: ordinal + 1), title)
    }

    private static let letterScalars: [Unicode.Scalar] = letters.map { $0.unicodeScalars.first! }

    /// `PHẦN I`, `Phần thứ hai`, `PHỤ LỤC`, `Phụ lục 2`, `Điều 1.`
    private static func wordLabel(_ text: String, key: String, grammar: SectionGrammar) -> (NumberingLabel, String)? {
        if key.hasPrefix("điều ") {
            let rest = text.dropFirst(5)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 3, let n = Int(digits) else { return nil }
            let title = String(rest.dropFirst(digits.count)).trimming(" .:")
            return (NumberingLabel(text: "Điều \(n)", scheme: .article, ordinal: n), title)
        }
        let isAppendix: Bool
        let word: PhraseMatch<Bool>
        if let m = grammar.appendixWords.prefixMatch(of: key) { word = m; isAppendix = true }
        else if let m = grammar.partWords.prefixMatch(of: key) { word = m; isAppendix = false }
        else { return nil }
        let wordText = String(decoding: Array(text.utf8)[word.range], as: UTF8.self)
        let afterWord = String(decoding: Array(text.utf8)[word.range.upperBound...], as: UTF8.self)
        // the numeral: Roman, digits or one capital letter
        let numeral = afterWord.drop(while: { $0 == " " }).prefix { $0.isNumber || "IVXLC".contains($0) }
        let numeralIsValid = !numeral.isEmpty && (numeral.allSatisfy(\.isNumber) || romanValue(String(numeral)) != nil)
        let afterNumeral = numeralIsValid ? String(afterWord.drop(while: { $0 == " " }).dropFirst(numeral.count)) : afterWord
        if let next = afterNumeral.first, next.isLetter { return nil }   // "Phần đầu", "Phụ lục kèm theo" are words
        let title = afterNumeral.trimming(" .:-–")
        let uppercaseWord = wordText.allSatisfy { !$0.isLetter || $0.isUppercase }
        if isAppendix {
            // "Phụ lục" in prose is no heading: uppercase, or alone with its numeral
            guard uppercaseWord || title.isEmpty else { return nil }
            let label = numeralIsValid ? "\(wordText.uppercased()) \(numeral)" : wordText.uppercased()
            let ordinal = numeralIsValid ? (Int(numeral) ?? romanValue(String(numeral))) : 1
            return (NumberingLabel(text: label, scheme: .appendix, ordinal: ordinal), title)
        }
        guard numeralIsValid, uppercaseWord || title.isEmpty || isUppercaseTitle(title) else { return nil }
        return (NumberingLabel(text: "\(wordText) \(numeral)", scheme: .part, ordinal: Int(numeral) ?? romanValue(String(numeral))), title)
    }

    // MARK: - Helpers

    /// The value of a Roman numeral up to 39 (XXXIX), or nil when the letters are not one.
    public static func romanValue(_ text: String) -> Int? {
        var total = 0
        var digits: [Int] = []
        for scalar in text.unicodeScalars {
            guard let digit = romanDigit(scalar) else { return nil }
            digits.append(digit)
        }
        guard !digits.isEmpty else { return nil }
        for (i, v) in digits.enumerated() {
            if i + 1 < digits.count, digits[i + 1] > v { total -= v } else { total += v }
        }
        // only the canonical spelling counts ("IIII", "VX" are words, not numbers)
        guard total > 0, total < 90, romanNumeral(total) == text else { return nil }
        return total
    }

    private static func romanDigit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "I": return 1
        case "V": return 5
        case "X": return 10
        case "L": return 50
        case "C": return 100
        default: return nil
        }
    }

    public static func romanNumeral(_ value: Int) -> String {
        let table: [(Int, String)] = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = value, out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }

    static func isUppercaseTitle(_ title: String) -> Bool {
        var letters = 0
        for c in title.prefix(30) where c.isLetter {
            guard c.isUppercase else { return false }
            letters += 1
        }
        return letters >= 2
    }
}

/// The character tests a label needs, on the scalars of NFC text (where a letter is one scalar):
/// Character's own tests would break graphemes for every line that may be a heading.
private extension Unicode.Scalar {
    var isDigit: Bool { value &- 0x30 < 10 }
    var isUpper: Bool { value < 0x80 ? value &- 0x41 < 26 : properties.isUppercase }
    var isLower: Bool { value < 0x80 ? value &- 0x61 < 26 : properties.isLowercase }
    var isNumber: Bool { isDigit || value >= 0x80 && properties.numericType != nil }
    var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) &- 0x61 < 26 }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
