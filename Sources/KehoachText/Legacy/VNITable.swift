extension LegacyChart {
    /// VNI-Windows, the code of the "VNI-" fonts: a vowel is its ASCII base letter followed by
    /// a mark byte ("Keá hoaïch" is "Kế hoạch"); đ, ơ, ư and the toned i's and ỵ have bytes of
    /// their own. Mark bytes come in a lowercase and an uppercase set that mirror Latin-1's
    /// case pairs (0xE1 "á" after e, 0xC1 "Á" after E); either set is accepted after either
    /// case, and the encoder writes the one matching the letter. 0x80–0xBF keep their
    /// Windows-1252 meaning; 0xC7, 0xD0, 0xD7, 0xDD–0xDF, 0xE7, 0xF0, 0xF7 and 0xFD–0xFF are
    /// unmapped.
    static let vniWindows: LegacyChart = {
        var high = Windows1252.punctuation().merging(latin1Symbols) { _, symbol in symbol }
        let letters: [UInt8: Unicode.Scalar] = [
            0xF1: "đ", 0xF4: "ơ", 0xF6: "ư",
            0xEC: "ì", 0xED: "í", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xEE: "ỵ",
            0xD1: "Đ", 0xD4: "Ơ", 0xD6: "Ư",
            0xCC: "Ì", 0xCD: "Í", 0xC6: "Ỉ", 0xD3: "Ĩ", 0xD2: "Ị", 0xCE: "Ỵ",
        ]
        let (grave, acute, hook, tilde, dot): (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar)
            = ("\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}")
        let (circumflex, breve): (Unicode.Scalar, Unicode.Scalar) = ("\u{302}", "\u{306}")
        // (lowercase byte, uppercase byte, modifier or tone, tone on top of the modifier)
        let marks: [(UInt8, UInt8, Unicode.Scalar, Unicode.Scalar?)] = [
            (0xF8, 0xD8, grave, nil), (0xF9, 0xD9, acute, nil), (0xFB, 0xDB, hook, nil),
            (0xF5, 0xD5, tilde, nil), (0xEF, 0xCF, dot, nil),
            (0xE2, 0xC2, circumflex, nil),
            (0xE0, 0xC0, circumflex, grave), (0xE1, 0xC1, circumflex, acute), (0xE5, 0xC5, circumflex, hook),
            (0xE3, 0xC3, circumflex, tilde), (0xE4, 0xC4, circumflex, dot),
            (0xEA, 0xCA, breve, nil),
            (0xE8, 0xC8, breve, grave), (0xE9, 0xC9, breve, acute), (0xFA, 0xDA, breve, hook),
            (0xFC, 0xDC, breve, tilde), (0xEB, 0xCB, breve, dot),
        ]
        for (byte, letter) in letters { high[byte] = .character(letter) }
        for (lower, upper, first, second) in marks {
            high[lower] = .diacritics(first, second)
            high[upper] = .diacritics(first, second)
        }
        return LegacyChart(encoding: .vniWindows, high: high)
    }()
}
