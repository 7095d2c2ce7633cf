extension LegacyChart {
    /// Microsoft's Windows-1258: Windows-1252 with the Vietnamese letters ă â ê ô ơ ư đ (and
    /// capitals) in place of some Latin-1 letters, and five combining tone marks (U+0300 grave
    /// 0xCC, U+0301 acute 0xEC, U+0303 tilde 0xDE, U+0309 hook 0xD2, U+0323 dot below 0xF2) typed
    /// after the vowel. Decoding composes them (NFC). 0x81, 0x8A, 0x8D–0x90, 0x9A, 0x9D and 0x9E
    /// are undefined.
    static let windows1258: LegacyChart = {
        let punctuation = Windows1252.punctuation(excluding: [0x8A, 0x8E, 0x9A, 0x9E])
        var high = punctuation.merging(latin1Symbols) { _, symbol in symbol }
        for byte in UInt8(0xC0)...UInt8(0xFF) { high[byte] = .character(Unicode.Scalar(byte)) }
        let vietnamese: [UInt8: Unicode.Scalar] = [
            0xC3: "Ă", 0xD0: "Đ", 0xD5: "Ơ", 0xDD: "Ư",
            0xE3: "ă", 0xF0: "đ", 0xF5: "ơ", 0xFD: "ư", 0xFE: "₫",
        ]
        for (byte, letter) in vietnamese { high[byte] = .character(letter) }
        high[0xCC] = .combining("\u{300}")
        high[0xEC] = .combining("\u{301}")
        high[0xDE] = .combining("\u{303}")
        high[0xD2] = .combining("\u{309}")
        high[0xF2] = .combining("\u{323}")
        return LegacyChart(encoding: .windows1258, high: high)
    }()
}
