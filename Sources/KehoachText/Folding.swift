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
        // ASCII with nothing to lowercase: the text is its own key
        let needsWork = text.withBytes { $0.contains { $0 >= 0x80 || $0 &- 0x41 < 26 } }
        guard needsWork else { return text }
        var text = text
        return text.withUTF8 { source -> String in
            let count = source.count
            return VietnameseLetters.lower.withUnsafeBufferPointer { lower in
                String(unsafeUninitializedCapacity: count) { out in
                    // the source is valid UTF-8 (it is a String): a lead byte's sequence is whole
                    var i = 0
                    while i < count {
                        let byte = source[i]
                        if byte < 0x80 {
                            out[i] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                            i += 1
                            continue
                        }
                        let value: UInt32, width: Int
                        if byte < 0xE0 {
                            (value, width) = (UInt32(byte & 0x1F) << 6 | UInt32(source[i + 1] & 0x3F), 2)
                        } else {
                            (value, width) = UTF8Scalar.decode(source, at: i)
                        }
                        let lowered = value < lower.count ? lower[Int(value)] : value
                        if i > 0, out[i - 1] == 0x6F || out[i - 1] == 0x75,
                           let (first, second) = VietnameseLetters.movedTone(first: UInt32(out[i - 1]), second: lowered),
                           !startsLetter(source, at: i + width) {
                            // old-style "oá" → "óa", written over the "o" already out
                            let firstWidth = UTF8Scalar.width(first)
                            UTF8Scalar.encode(first, width: firstWidth, into: out, at: i - 1)
                            UTF8Scalar.encode(second, width: width + 1 - firstWidth, into: out, at: i - 1 + firstWidth)
                        } else if lowered == value {
                            // most letters of running text are already lowercase: copy, no re-encoding
                            out[i] = byte
                            out[i + 1] = source[i + 1]
                            if width > 2 { for k in 2..<width { out[i + k] = source[i + k] } }
                        } else {
                            UTF8Scalar.encode(lowered, width: width, into: out, at: i)
                        }
                        i += width
                    }
                    return count
                }
            }
        }
    }

    /// Old and new styles of tone placement differ only in open syllables ("hoá"/"hóa"); with
    /// a final consonant both write "hoạch", so a pair moves only when no letter follows it.
    private static func startsLetter(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        i < bytes.count && isLetterValue(UTF8Scalar.decode(bytes, at: i).0)
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
