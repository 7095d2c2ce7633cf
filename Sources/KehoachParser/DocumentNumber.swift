import KehoachGrammar
import KehoachText

/// A document's number and symbol as printed — `364/KH-PGDĐT`, `57-NQ/TW`, `02/2025/TT-BGDĐT`,
/// `38a/KH-UBND` — read tolerantly of the typist's stray spaces (`524 /KH-PGDDT`,
/// `1813/QĐ- TTg`, `26/2020/TT-BGD ĐT`) and of a blank serial (`Số: /KH-UBND`).
public struct DocumentNumber: Sendable, Hashable {
    /// The serial part, `364` or `38a`; nil when printed blank.
    public var serial: String?
    /// Everything after the serial (and its year) and the slash: `KH-PGDĐT`, `NQ/TW`.
    public var symbol: String
    /// The whole number with spaces removed: `364/KH-PGDĐT`.
    public var text: String
    /// The document-type code the symbol starts with (`KH`, `QĐ`, `NQ`), when it has one.
    public var leadingCode: String

    /// The same number however it was typed: uppercase, Đ as D, no spaces.
    public var comparisonKey: String { HeaderGrammar.foldCode(text) }

    /// Reads a number starting at `start` of `chars` (the scalars of NFC text); returns it and
    /// the index after it. Scalars, not Characters: a number is read where it may stand, often,
    /// and grapheme breaking would cost more than the rest of the reading.
    public static func read(_ chars: [Unicode.Scalar], at start: Int, allowBlankSerial: Bool = false) -> (DocumentNumber, Int)? {
        var i = start
        func isUpper(_ j: Int) -> Bool { Folding.isUppercase(chars[j]) }
        func isLetter(_ j: Int) -> Bool { Folding.isLetter(chars[j]) }
        func isDigit(_ j: Int) -> Bool { chars[j].value &- 0x30 < 10 }
        func skipSpaces() { while i < chars.count, chars[i] == " " { i += 1 } }
        func text(_ range: Range<Int>) -> String {
            // encoded on the stack: appending scalars to a String one by one costs more than the reading
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count * 4) { buffer in
                var count = 0
                for scalar in chars[range] { UTF8.encode(scalar) { buffer[count] = $0; count += 1 } }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
            }
        }
        func digits() -> String {
            let first = i
            while i < chars.count, isDigit(i), i - first < 6 { i += 1 }
            return text(first..<i)
        }
        /// A code: `KH`, `PGDĐT`, `TTg`, `GD&ĐT`; starts with an uppercase letter.
        func code() -> String? {
            guard i < chars.count, isUpper(i) else { return nil }
            let first = i
            var allCapitals = true
            while i < chars.count, isLetter(i) || chars[i] == "&" {
                if chars[i] != "&" && !isUpper(i) { allCapitals = false }
                i += 1
            }
            // "QH15", "BCĐQG1237": a code may end in digits (a legislature's term, a body's number)
            while i < chars.count, isDigit(i) { i += 1 }
            var code = text(first..<i)
            // "BGD ĐT": a short all-caps fragment cut off by a stray space
            if i + 1 < chars.count, chars[i] == " ", allCapitals {
                var j = i + 1
                while j < chars.count, isLetter(j), isUpper(j) { j += 1 }
                let endsWord = j == chars.count || !(isLetter(j) || Self.isNumber(chars[j]))
                let fragment = text((i + 1)..<j)
                if endsWord, fragment == "ĐT" || fragment == "DT" {
                    code += fragment; i = j
                }
            }
            return code
        }

        var serial = digits()
        if !serial.isEmpty, i < chars.count, chars[i].value &- 0x61 < 26,
           i + 1 < chars.count, !isLetter(i + 1) {
            serial.unicodeScalars.append(chars[i]); i += 1   // 38a
        }
        if serial.isEmpty && !allowBlankSerial { return nil }
        var parts: [String] = []        // codes in order
        var separators: [Unicode.Scalar] = []
        var year: String? = nil
        skipSpaces()
        // "57-NQ/TW", "24- KH/ĐU": serial, dash, code, slash, code
        if !serial.isEmpty, i < chars.count, chars[i] == "-" {
            i += 1; skipSpaces()
            guard let first = code() else { return nil }
            parts.append(first)
            skipSpaces()
            guard i < chars.count, chars[i] == "/" else { return nil }
            separators.append("/")
            i += 1; skipSpaces()
            guard let second = code() else { return nil }
            parts.append(second)
        } else {
            guard i < chars.count, chars[i] == "/" else { return nil }
            i += 1; skipSpaces()
            let save = i
            let y = digits()
            if y.utf8.count == 4, i < chars.count, chars[i] == "/" {
                year = y; i += 1; skipSpaces()
            } else {
                i = save
            }
            guard let first = code() else { return nil }
            parts.append(first)
        }
        // further "-CODE" or "/CODE" pieces
        while i < chars.count {
            let save = i
            skipSpaces()
            guard i < chars.count, chars[i] == "-" || chars[i] == "/" else { i = save; break }
            let separator = chars[i]
            i += 1; skipSpaces()
            guard let next = code() else { i = save; break }
            separators.append(separator)
            parts.append(next)
        }
        var symbol = parts[0]
        for (separator, part) in zip(separators, parts.dropFirst()) { symbol += String(separator) + part }
        let prefix = serial.isEmpty ? "" : (year.map { "\(serial)/\($0)" } ?? serial)
        let dashForm = separators.first == "/" && parts.count >= 2 && chars[start..<i].prefix(while: { $0 != "/" }).contains("-")
        let text = serial.isEmpty ? "/\(symbol)" : dashForm ? "\(prefix)-\(symbol)" : "\(prefix)/\(symbol)"
        return (DocumentNumber(serial: serial.isEmpty ? nil : serial, symbol: symbol, text: text, leadingCode: parts[0]), i)
    }

    /// A digit of any script, as `Character.isNumber` would have it.
    static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- 0x30 < 10 || scalar.value >= 0x80 && scalar.properties.numericType != nil
    }
}
