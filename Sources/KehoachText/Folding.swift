/// The forms of Vietnamese text used for matching. The text a person reads is never replaced:
/// these keys only decide whether two spellings are the same.
public enum Folding {
    /// Lowercase, with old-style tone placement in open syllables moved to the new style
    /// ("Hoá" → "hóa", "thuỷ" → "thủy"; "hoạch" stays). Diacritics are kept: "phần đầu" and "phấn đấu" stay different words.
    /// The key has the text's UTF-8 length, so a match's byte offsets are valid in the text.
    public static func matchKey<S: StringProtocol>(_ text: S) -> String {
        var scalars = text.unicodeScalars.map { VietnameseLetters.lowercase($0.value) }
        // Old and new styles differ only in open syllables ("hoá"/"hóa"); with a final consonant
        // both write "hoạch", so a pair moves only when no letter follows it.
        var i = 0
        while i + 1 < scalars.count {
            let key = UInt64(scalars[i]) << 32 | UInt64(scalars[i + 1])
            if let (first, second) = VietnameseLetters.tonePlacement[key],
               i + 2 == scalars.count || !isLetterValue(scalars[i + 2]) {
                scalars[i] = first
                scalars[i + 1] = second
                i += 2
            } else {
                i += 1
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.lazy.map { Unicode.Scalar($0)! })
        return String(view)
    }

    private static func isLetterValue(_ value: UInt32) -> Bool {
        value < 0x80 ? (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) : value < VietnameseLetters.tableSize && VietnameseLetters.base[Int(value)] != 0
    }

    /// Lowercase ASCII with every diacritic removed and đ → d: "Chữ ký số" → "chu ky so".
    /// Characters that are not letters or digits become spaces, runs of spaces collapse.
    public static func searchKey<S: StringProtocol>(_ text: S) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            var out: UInt8 = 0
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out = byte | 0x20
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): out = byte
                default: out = 0
                }
            } else if value < VietnameseLetters.tableSize {
                out = VietnameseLetters.base[Int(value)]
            }
            if out == 0 {
                if !lastWasSpace { bytes.append(UInt8(ascii: " ")); lastWasSpace = true }
            } else {
                bytes.append(out)
                lastWasSpace = false
            }
        }
        if bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The words of `searchKey(text)`.
    public static func searchWords<S: StringProtocol>(_ text: S) -> [Substring] {
        searchKey(text).split(separator: " ")
    }

    /// True when the scalar is an uppercase letter (Vietnamese included).
    public static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        VietnameseLetters.isUppercase(scalar.value)
    }

    /// True when the scalar is a lowercase letter (Vietnamese included).
    public static func isLowercaseLetter(_ scalar: Unicode.Scalar) -> Bool {
        VietnameseLetters.isLowercaseLetter(scalar.value)
    }

    /// True when the scalar is a letter of the Latin script (Vietnamese included).
    public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < VietnameseLetters.tableSize && VietnameseLetters.base[Int(scalar.value)] != 0
    }
}
