import KehoachText

/// A number printed in plan text: `100%`, `98,5 %`, `02`, `1.000`. Knows whether it is part of
/// a code or a date (`57-NQ/TW`, `25/5/2026`, `5G`), which makes it no target.
struct NumberToken {
    var start: Int
    /// After the digits.
    var end: Int
    var value: Double
    var isPercent: Bool
    /// After the `%` sign.
    var percentEnd: Int
    var isZeroPadded: Bool
    var isPartOfCode: Bool

    static func scan(_ item: KeyedText) -> [NumberToken] {
        let b = item.keyBytes
        var numbers: [NumberToken] = []
        var i = 0
        func isDigit(_ j: Int) -> Bool { j >= 0 && j < b.count && b[j] >= 0x30 && b[j] <= 0x39 }
        while i < b.count {
            guard isDigit(i) else { i += 1; continue }
            if i > 0, TextBytes.isWordByte(b[i - 1]) {   // "VNeID2", "a1": glued to a word
                while isDigit(i) { i += 1 }
                continue
            }
            let start = i
            var integer = 0.0
            var digits = 0
            while isDigit(i) { integer = integer * 10 + Double(b[i] - 0x30); i += 1; digits += 1 }
            var value = integer
            // decimal comma or point ("98,5"), or a thousands point ("1.000")
            if i + 1 < b.count, b[i] == UInt8(ascii: ",") || b[i] == UInt8(ascii: "."), isDigit(i + 1) {
                var j = i + 1
                var fraction = 0.0, scale = 1.0, fractionDigits = 0
                while isDigit(j) { fraction = fraction * 10 + Double(b[j] - 0x30); scale *= 10; j += 1; fractionDigits += 1 }
                let nextIsSeparator = j < b.count && (b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: "/")) && isDigit(j + 1)
                if b[i] == UInt8(ascii: ".") && fractionDigits == 3 && !nextIsSeparator {
                    value = integer * 1000 + fraction; i = j
                } else if fractionDigits <= 2 && !nextIsSeparator {
                    value = integer + fraction / scale; i = j
                }
            }
            let end = i
            var k = end
            while k < b.count, b[k] == 0x20 { k += 1 }
            let isPercent = k < b.count && b[k] == UInt8(ascii: "%")
            let before = start > 0 ? b[start - 1] : 0x20
            let after = end < b.count ? b[end] : 0x20
            let afterNext = end + 1 < b.count ? b[end + 1] : 0x20
            var partOfCode = false
            if (before == UInt8(ascii: "/") || before == UInt8(ascii: "-") || before == UInt8(ascii: ".")) && isDigit(start - 2) { partOfCode = true }
            if after == UInt8(ascii: "/") && (isDigit(end + 1) || isLetter(afterNext)) { partOfCode = true }
            if after == UInt8(ascii: "-") && (isDigit(end + 1) || isLetter(afterNext)) && !isPercent { partOfCode = true }
            if isLetter(after) { partOfCode = true }
            if after == UInt8(ascii: ".") && isDigit(end + 1) { partOfCode = true }
            // more digits than any quantity (and than a Double holds exactly): an identifier
            if digits > 15 { partOfCode = true }
            numbers.append(NumberToken(start: start, end: end, value: value, isPercent: isPercent,
                                       percentEnd: isPercent ? k + 1 : end, isZeroPadded: digits >= 2 && b[start] == 0x30,
                                       isPartOfCode: partOfCode))
        }
        return numbers
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
