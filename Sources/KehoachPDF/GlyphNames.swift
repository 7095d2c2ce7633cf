/// Glyph names of `/Differences` arrays to text: `uniXXXX` and `uXXXX` names, single letters and
/// digits' names, and the punctuation a plan uses. (The Adobe Glyph List has thousands more;
/// fonts of Vietnamese plans carry a ToUnicode map instead.)
enum GlyphNames {
    static func text(_ name: String) -> String? {
        if name.count == 1, let scalar = name.unicodeScalars.first, scalar.isASCII, scalar.properties.isAlphabetic { return name }
        if name.hasPrefix("uni"), name.count >= 7, let value = UInt32(name.dropFirst(3).prefix(4), radix: 16) {
            return Unicode.Scalar(value).map { String($0) }
        }
        if name.hasPrefix("u"), (5...7).contains(name.count), let value = UInt32(name.dropFirst(), radix: 16) {
            return Unicode.Scalar(value).map { String($0) }
        }
        return common[name]
    }

    private static let common: [String: String] = [
        "space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$", "percent": "%", "ampersand": "&",
        "quotesingle": "'", "parenleft": "(", "parenright": ")", "asterisk": "*", "plus": "+", "comma": ",", "hyphen": "-",
        "period": ".", "slash": "/", "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
        "seven": "7", "eight": "8", "nine": "9", "colon": ":", "semicolon": ";", "less": "<", "equal": "=", "greater": ">",
        "question": "?", "at": "@", "bracketleft": "[", "backslash": "\\", "bracketright": "]", "underscore": "_",
        "quoteleft": "‘", "quoteright": "’", "quotedblleft": "“", "quotedblright": "”", "endash": "–", "emdash": "—",
        "bullet": "•", "ellipsis": "…", "nbspace": " ", "Dcroat": "Đ", "dcroat": "đ",
    ]
}
