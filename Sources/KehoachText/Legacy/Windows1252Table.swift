/// Windows-1252 ("ANSI"), the code page legacy files are wrongly read as, and whose 0x80–0x9F
/// punctuation row the ".Vn" and "VNI-" Windows fonts keep (Word stores smart quotes and dashes
/// there whatever the font). From Microsoft's published CP1252 chart.
public enum Windows1252 {
    /// 0x80–0x9F; nil where the code page defines nothing.
    public static let row80: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,   // € ‚ ƒ „ … † ‡
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,      // ˆ ‰ Š ‹ Œ Ž
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,   // ‘ ’ “ ” • – —
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,   // ˜ ™ š › œ ž Ÿ
    ]

    /// The 0x80–0x9F row as chart entries, minus `excluding` (bytes another chart leaves empty).
    static func punctuation(excluding: Set<UInt8> = []) -> [UInt8: LegacyChart.Entry] {
        var entries: [UInt8: LegacyChart.Entry] = [:]
        for (offset, value) in row80.enumerated() {
            let byte = UInt8(0x80 + offset)
            guard let value, !excluding.contains(byte), let scalar = Unicode.Scalar(value) else { continue }
            entries[byte] = .character(scalar)
        }
        return entries
    }

    /// The character a program reading Windows-1252 shows for a byte. Undefined bytes become
    /// the C1 control of the same number, as browsers and most converters do.
    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        if (0x80...0x9F).contains(byte), let value = row80[Int(byte) - 0x80], let scalar = Unicode.Scalar(value) {
            return scalar
        }
        return Unicode.Scalar(byte)
    }

    /// The byte behind a character shown by a Windows-1252 (or Latin-1) reader; nil when no
    /// byte reads as that character.
    @inline(__always)
    static func byte(for value: UInt32) -> UInt8? {
        if value < 0x100 { return UInt8(value) }
        return bytesOfRow80[value]
    }

    private static let bytesOfRow80: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for (offset, value) in row80.enumerated() {
            if let value { table[value] = UInt8(0x80 + offset) }
        }
        return table
    }()

    /// Bytes as a Windows-1252 program shows them: how legacy files end up as mojibake.
    static func string(from bytes: [UInt8]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: bytes.map(scalar(for:)))
        return String(view)
    }
}
