import Foundation

/// Tables over the Latin and Vietnamese letters, built once from Unicode's own data so that
/// folding is a table lookup per scalar instead of a Foundation call per string.
enum VietnameseLetters {
    /// Scalars below this bound are looked up in the tables; everything else is left alone.
    static let tableSize = 0x1F00

    /// `lower[s]` is the lowercase of scalar `s` when it is one scalar of the same UTF-8 length.
    static let lower: [UInt32] = (0..<UInt32(tableSize)).map { value in
        guard let scalar = Unicode.Scalar(value) else { return value }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        guard mapped.count == 1, let only = mapped.first,
              String(only).utf8.count == String(scalar).utf8.count else { return value }
        return only.value
    }

    /// `base[s]` is the ASCII letter under scalar `s` with every mark removed (`ế` → `e`,
    /// `đ` → `d`), lowercased; 0 when the scalar is not a Latin letter.
    static let base: [UInt8] = (0..<UInt32(tableSize)).map { value in
        if value < 0x80 { return value | 0x20 >= 0x61 && value | 0x20 <= 0x7A ? UInt8(value | 0x20) : 0 }
        // Latin letters with marks live in these blocks only; decomposing the rest is start-up time for nothing
        guard (0xC0..<0x250).contains(value) || (0x1E00..<0x1F00).contains(value), let scalar = Unicode.Scalar(value) else { return 0 }
        if value == 0x110 || value == 0x111 { return UInt8(ascii: "d") }
        let first = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
        guard first.isASCII, first.properties.isAlphabetic else { return 0 }
        return UInt8(first.value | 0x20)
    }

    /// Tone of a lowercase vowel, and the vowel carrying a given tone: enough to move a tone mark
    /// from one vowel to its neighbour ("hoá" ↔ "hóa").
    static let tonedO: [Character] = ["ò", "ó", "ỏ", "õ", "ọ"]
    static let tonedU: [Character] = ["ù", "ú", "ủ", "ũ", "ụ"]
    static let tonedA: [Character] = ["à", "á", "ả", "ã", "ạ"]
    static let tonedE: [Character] = ["è", "é", "ẻ", "ẽ", "ẹ"]
    static let tonedY: [Character] = ["ỳ", "ý", "ỷ", "ỹ", "ỵ"]

    /// Old-style tone placement → new style: the second vowel's tone moves to the first.
    /// Every entry keeps the UTF-8 length, so offsets in a match key are offsets in the text.
    /// Keys and values are scalar pairs (first vowel, second vowel).
    static let tonePlacement: [UInt64: (UInt32, UInt32)] = {
        var table: [UInt64: (UInt32, UInt32)] = [:]
        func scalar(_ c: Character) -> UInt32 { c.unicodeScalars.first!.value }
        func add(first: Character, toned second: [Character], plain: Character, firstToned: [Character]) {
            for tone in 0..<5 {
                let (a, b) = (String(first) + String(second[tone]), String(firstToned[tone]) + String(plain))
                // Three pairs change UTF-8 length when moved (oẽ, uỳ, uỹ); they keep their
                // placement so that a key lines up byte for byte with its text.
                guard a.utf8.count == b.utf8.count else { continue }
                let key = UInt64(scalar(first)) << 32 | UInt64(scalar(second[tone]))
                table[key] = (scalar(firstToned[tone]), scalar(plain))
            }
        }
        add(first: "o", toned: tonedA, plain: "a", firstToned: tonedO)
        add(first: "o", toned: tonedE, plain: "e", firstToned: tonedO)
        add(first: "u", toned: tonedY, plain: "y", firstToned: tonedU)
        return table
    }()

    /// The old-style pair (o or u, then a toned a, e or y) moved to the new style, or nil.
    /// A switch instead of a dictionary: this runs for every "o"/"u" before a non-ASCII letter.
    @inline(__always)
    static func movedTone(first: UInt32, second: UInt32) -> (UInt32, UInt32)? {
        guard first == 0x6F || first == 0x75 else { return nil }
        let key = UInt64(first) << 32 | UInt64(second)
        switch second {
        case 0xE0, 0xE1, 0xE3, 0x1EA1, 0x1EA3, 0xE8, 0xE9, 0x1EB9, 0x1EBB, 0xFD, 0x1EF5, 0x1EF7:
            return tonePlacement[key]
        default:
            return nil
        }
    }

    @inline(__always)
    static func lowercase(_ value: UInt32) -> UInt32 {
        value < tableSize ? lower[Int(value)] : value
    }

    @inline(__always)
    static func isUppercase(_ value: UInt32) -> Bool {
        value < tableSize && lower[Int(value)] != value
    }

    @inline(__always)
    static func isLowercaseLetter(_ value: UInt32) -> Bool {
        value < tableSize && base[Int(value)] != 0 && lower[Int(value)] == value
    }
}
