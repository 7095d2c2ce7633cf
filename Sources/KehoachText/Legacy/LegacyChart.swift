import Foundation

/// What each byte of a legacy Vietnamese code page stands for. The three charts differ in how
/// they carry diacritics: TCVN3 has one byte per letter, VNI puts a mark byte after the base
/// letter, Windows-1258 adds Unicode combining tone marks. One model holds all three so that
/// a single converter (`LegacyConverter`) and a single encoder serve them.
struct LegacyChart: Sendable {
    enum Entry: Sendable, Equatable {
        /// A character on its own.
        case character(Unicode.Scalar)
        /// VNI: diacritics for the letter before (a circumflex or breve and/or a tone). A mark
        /// byte after anything that cannot carry it is not text, so it counts as unmapped.
        case diacritics(Unicode.Scalar, Unicode.Scalar?)
        /// Windows-1258: a combining tone mark; composed with the letter before when Unicode has
        /// the precomposed letter, otherwise kept as a combining character.
        case combining(Unicode.Scalar)
        /// The chart leaves this byte empty.
        case unmapped
    }

    let encoding: SourceEncoding
    /// Indexed by byte; always 256 entries.
    let entries: [Entry]

    /// ASCII stays ASCII in every chart; `high` fills in 0x80–0xFF, everything else is empty.
    init(encoding: SourceEncoding, high: [UInt8: Entry]) {
        var entries = (0..<256).map { byte -> Entry in
            byte < 0x80 ? .character(Unicode.Scalar(UInt8(byte))) : .unmapped
        }
        for (byte, entry) in high { entries[Int(byte)] = entry }
        self.encoding = encoding
        self.entries = entries
    }

    /// Single characters of a chart, written as `byte: "character"` for readability.
    static func characters(_ table: [UInt8: Unicode.Scalar]) -> [UInt8: Entry] {
        table.mapValues { .character($0) }
    }

    /// Latin-1's 0xA0–0xBF symbols, kept by the Windows fonts VNI and Windows-1258 are built on.
    static let latin1Symbols: [UInt8: Entry] = Dictionary(uniqueKeysWithValues: (0xA0...0xBF).map {
        (UInt8($0), Entry.character(Unicode.Scalar(UInt8($0))))
    })
}

/// Canonical composition of a Latin letter with one more mark, for the letters Vietnamese uses.
/// Built once from Unicode's own decompositions, so converting a file is one dictionary look-up
/// per mark instead of Foundation's NFC over the whole text.
enum LetterComposition {
    /// The marks Vietnamese letters are made of: tones, circumflex, breve, horn.
    static let marks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323, 0x302, 0x306, 0x31B]

    /// `(letter << 32 | mark)` → composed letter. Every order of the marks is entered, so
    /// "ê + dot below" and "ẹ + circumflex" both give "ệ".
    static let table: [UInt64: UInt32] = {
        var table: [UInt64: UInt32] = [:]
        let candidates = Array(0xC0...0x1B0) + Array(0x1EA0...0x1EF9)
        for value in candidates {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let parts = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
            guard parts.count >= 2, parts.dropFirst().allSatisfy({ marks.contains($0.value) }) else { continue }
            for index in 1..<parts.count {
                var rest = parts
                rest.remove(at: index)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: rest)
                let composed = Array(String(view).precomposedStringWithCanonicalMapping.unicodeScalars)
                guard composed.count == 1 else { continue }
                table[UInt64(composed[0].value) << 32 | UInt64(parts[index].value)] = scalar.value
            }
        }
        return table
    }()

    static func compose(_ letter: Unicode.Scalar, _ mark: Unicode.Scalar) -> Unicode.Scalar? {
        table[UInt64(letter.value) << 32 | UInt64(mark.value)].flatMap { Unicode.Scalar($0) }
    }
}
