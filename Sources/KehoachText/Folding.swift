/// The forms of Vietnamese text used for matching. The text a person reads is never replaced:
/// these keys only decide whether two spellings are the same.
public enum Folding {
    /// Lowercase, with old-style tone placement in open syllables moved to the new style
    /// ("Hoá" → "hóa", "thuỷ" → "thủy"; "hoạch" stays). Diacritics are kept: "phần đầu" and "phấn đấu" stay different words.
    /// The key has the text's UTF-8 length, so a match's byte offsets are valid in the text.
    public static func matchKey(_ text: Substring) -> String {
        matchKey(String(text))
    }

    public static func matchKey(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source -> String in
            let count = source.count
            // ASCII with nothing to lowercase: the text is its own key
            var needsWork = false
            for byte in source where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) { needsWork = true; break }
            if !needsWork { return String(decoding: source, as: UTF8.self) }
            return VietnameseLetters.lower.withUnsafeBufferPointer { lower in
                String(unsafeUninitializedCapacity: count) { out in
                    var i = 0
                    var mayMoveTone = false
                    while i < count {
                        let byte = source[i]
                        if byte < 0x80 {
                            out[i] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                            i += 1
                            continue
                        }
                        let (value, width) = UTF8Scalar.decode(source, at: i)
                        let lowered = value < lower.count ? lower[Int(value)] : value
                        UTF8Scalar.encode(lowered, width: width, into: out, at: i)
                        // a movable pair is "o" or "u" then a toned vowel
                        if i > 0, out[i - 1] == 0x6F || out[i - 1] == 0x75 { mayMoveTone = true }
                        i += width
                    }
                    if mayMoveTone { moveTones(out, count: count) }
                    return count
                }
            }
        }
    }

    /// Old and new styles differ only in open syllables ("hoá"/"hóa"); with a final consonant
    /// both write "hoạch", so a pair moves only when no letter follows it. Works in place on
    /// lowercased UTF-8; every move keeps the byte length.
    private static func moveTones(_ bytes: UnsafeMutableBufferPointer<UInt8>, count: Int) {
        var i = 0
        while i + 1 < count {
            let first = bytes[i]
            guard (first == 0x6F || first == 0x75), bytes[i + 1] >= 0xC0 else { i += 1; continue }
            let (second, width) = UTF8Scalar.decode(UnsafeBufferPointer(bytes), at: i + 1)
            let end = i + 1 + width
            guard let (newFirst, newSecond) = VietnameseLetters.movedTone(first: UInt32(first), second: second) else { i += 1; continue }
            if end < count {
                let (next, _) = UTF8Scalar.decode(UnsafeBufferPointer(bytes), at: end)
                if isLetterValue(next) { i = end; continue }
            }
            let firstWidth = UTF8Scalar.width(newFirst)
            UTF8Scalar.encode(newFirst, width: firstWidth, into: bytes, at: i)
            UTF8Scalar.encode(newSecond, width: end - i - firstWidth, into: bytes, at: i + firstWidth)
            i = end
        }
    }

    private static func isLetterValue(_ value: UInt32) -> Bool {
        value < 0x80 ? (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) : value < VietnameseLetters.tableSize && VietnameseLetters.base[Int(value)] != 0
    }

    /// Lowercase ASCII with every diacritic removed and đ → d: "Chữ ký số" → "chu ky so".
    /// Characters that are not letters or digits become spaces, runs of spaces collapse.
    public static func searchKey(_ text: Substring) -> String {
        searchKey(String(text))
    }

    public static func searchKey(_ text: String) -> String {
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
    public static func searchWords(_ text: String) -> [Substring] {
        searchKey(text).split(separator: " ")
    }

    /// True when every letter of the text is a capital and it has at least two: a line in capitals
    /// ("ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH").
    public static func isAllCapitals(_ text: String) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars where isLetter(scalar) {
            if !isUppercase(scalar) { return false }
            letters += 1
        }
        return letters >= 2
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
