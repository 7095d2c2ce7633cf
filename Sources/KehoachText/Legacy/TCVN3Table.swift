extension LegacyChart {
    /// TCVN 5712:1993 VN3, the "ABC" code of the ".VnTime" fonts: one byte per letter.
    ///
    /// VN3 has the 67 lowercase letters but only seven uppercase ones (Ă Â Ê Ô Ơ Ư Đ); a capital
    /// with a tone mark was typed with the same code as the lowercase letter and shown as a
    /// capital by switching to an all-capitals ".VnTimeH" font. The bytes do not say which font
    /// was used, so those codes decode to lowercase ("KÕ HO¹CH" → "Kế HOạCH"), as the chart says;
    /// `TCVN3Case` then capitalises them where the words around them are capitals.
    /// Bytes 0x80–0x9F keep their Windows-1252 punctuation (see `Windows1252`); the other
    /// bytes the chart leaves empty (0xAF–0xB4, 0xBA, 0xBF–0xC5, 0xCD, 0xD9–0xDB, 0xE0, 0xF0,
    /// 0xFF) are unmapped.
    static let tcvn3 = LegacyChart(encoding: .tcvn3, high: Windows1252.punctuation().merging(characters([
        0xA0: "\u{00A0}",
        0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
        0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
        // Tones in the order grave, hook, tilde, acute, dot below.
        0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
        0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
        0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
        0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
        0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
        0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
        0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
        0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
        0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
        0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
        0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
        0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
    ])) { _, letter in letter })
}
