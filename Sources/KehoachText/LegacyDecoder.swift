import Foundation

/// Legacy Vietnamese encodings (TCVN3, VNI-Windows, Windows-1258): finds which one a file was
/// typed in, converts it to Unicode (NFC), and repairs text that was already decoded wrongly.
///
/// Detection decodes a sample with every chart and keeps the reading in which the most
/// non-ASCII characters form well-spelt Vietnamese syllables (`VietnameseSyllable`); the whole
/// input is then converted once, so the cost is linear in its size.
enum LegacyDecoder {
    static let charts: [LegacyChart] = [.tcvn3, .vniWindows, .windows1258]

    /// How much text detection reads; plenty of syllables, and a bound on its cost.
    static let sampleSize = 64 * 1024
    /// The share of non-ASCII characters a reading must explain to be accepted.
    static let threshold = 0.6

    /// Bytes that are not valid UTF-8: detect TCVN3 (ABC, ".Vn" fonts), VNI-Windows or Windows-1258
    /// (combining tone marks, compose to NFC), convert to Unicode, and return the text with encoding
    /// .tcvn3 / .vniWindows / .windows1258 and a Diagnostic (id "decode.legacy", severity .warning)
    /// that says which encoding was detected and how many bytes could not be mapped. nil when no
    /// legacy encoding fits well (the caller then reports an error).
    static func decode8Bit(_ bytes: [UInt8]) -> DecodedText? {
        let sample = sampleRange(bytes)
        guard let chart = bestChart(minimumExplained: 1, convert: { converter in
            for byte in bytes[sample] { converter.feed(byte) }
        }) else { return nil }
        var converter = LegacyConverter(chart: chart)
        converter.reserve(bytes.count)
        for byte in bytes { converter.feed(byte) }
        let text = restoringCase(converter.finish(), chart: chart)
        let message = "the file is not Unicode: it reads as \(describe(chart.encoding)) and was converted; "
            + unmappedNote(converter.unmapped)
        return DecodedText(text: text, encoding: chart.encoding,
                           diagnostics: [Diagnostic("decode.legacy", .warning, message)])
    }

    /// Valid Unicode text that is really legacy text mis-decoded as Windows-1252/Latin-1
    /// (e.g. "KÕ ho¹ch" for "Kế hoạch" from TCVN3, "Keá hoaïch" for VNI): detect, repair, return with
    /// a diagnostic ("decode.misdecoded"). nil for ordinary Vietnamese/English text — this runs on
    /// EVERY input, so it must be fast (a quick linear pre-check that bails out on normal text) and must
    /// never fire on proper Unicode Vietnamese or plain ASCII.
    static func repairMisdecoded(_ text: String) -> DecodedText? {
        // Pre-check: mojibake is made only of characters a Windows-1252 reader produces, so
        // plain ASCII stops at the byte scan and Unicode Vietnamese at its first ư, ơ, đ or ạ.
        let utf8 = text.utf8
        guard let firstHigh = utf8.firstIndex(where: { $0 >= 0x80 }) else { return nil }
        let start = utf8[..<firstHigh].lastIndex(where: isSpace).map(utf8.index(after:)) ?? utf8.startIndex
        // scalar by scalar, so that Unicode Vietnamese stops at its first letter outside the chart
        let scalars = text.unicodeScalars
        var end = start
        var sampleBytes: [UInt8] = []
        while end < scalars.endIndex, sampleBytes.count < sampleSize {
            guard let byte = Windows1252.byte(for: scalars[end].value) else { return nil }
            sampleBytes.append(byte)
            end = scalars.index(after: end)
        }
        let sampleText = String(scalars[start..<end])
        // Proper text made only of Latin-1 letters ("Tôi yêu em") already reads as Vietnamese;
        // a repair has to read clearly better than the text as it stands.
        let asItStands = VietnameseSyllable.evidence(in: sampleText).score()
        guard let chart = bestChart(minimumExplained: 3, better: asItStands + 0.25, convert: { converter in
            for byte in sampleBytes { converter.feed(byte) }
        }) else { return nil }
        var converter = LegacyConverter(chart: chart)
        converter.reserve(utf8.count)
        for scalar in text.unicodeScalars {
            if let byte = Windows1252.byte(for: scalar.value) {
                converter.feed(byte)
            } else {
                converter.append(scalar)
            }
        }
        let repaired = restoringCase(converter.finish(), chart: chart)
        let message = "the text is \(describe(chart.encoding)) that was read as Windows-1252 "
            + "(\"\(mojibakeExample(chart))\" for \"Kế hoạch\"); repaired; " + unmappedNote(converter.unmapped)
        return DecodedText(text: repaired, encoding: chart.encoding,
                           diagnostics: [Diagnostic("decode.misdecoded", .warning, message)])
    }

    /// Unicode text in a legacy encoding (.tcvn3, .vniWindows, .windows1258; any other encoding
    /// gives UTF-8), for test fixtures and round trips. Characters the chart cannot write become
    /// "?", except TCVN3's capitals with tone marks, which take the lowercase code as the
    /// ".VnTime" fonts do (see `LegacyChart.tcvn3`).
    static func encode(_ text: String, as encoding: SourceEncoding) -> [UInt8] {
        guard let spellings = spellings[encoding] else { return Array(text.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else if let spelling = spellings[scalar.value]
                        ?? spellings[VietnameseLetters.lowercase(scalar.value)] {
                bytes.append(contentsOf: spelling)
            } else {
                bytes.append(UInt8(ascii: "?"))
            }
        }
        return bytes
    }

    /// What a Windows-1252 program shows for `text` written in `encoding`: the mojibake that
    /// `repairMisdecoded` undoes.
    static func misdecodedForm(of text: String, as encoding: SourceEncoding) -> String {
        Windows1252.string(from: encode(text, as: encoding))
    }

    /// TCVN3 text with the capitals its chart cannot write put back (`TCVN3Case`).
    private static func restoringCase(_ text: String, chart: LegacyChart) -> String {
        chart.encoding == .tcvn3 ? TCVN3Case.restore(text) : text
    }

    // MARK: Detection

    /// The chart whose reading of the sample explains the most, if it clears the threshold,
    /// explains at least `minimumExplained` characters and scores above `better`.
    private static func bestChart(minimumExplained: Int, better: Double = 0,
                                  convert: (inout LegacyConverter) -> Void) -> LegacyChart? {
        var best: (chart: LegacyChart, score: Double)? = nil
        for chart in charts {
            var converter = LegacyConverter(chart: chart)
            convert(&converter)
            let evidence = VietnameseSyllable.evidence(in: converter.finish())
            let score = evidence.score(junk: converter.unmapped + converter.controls)
            guard evidence.explained >= minimumExplained, score >= threshold, score > better else { continue }
            if score > best?.score ?? 0 { best = (chart, score) }
        }
        return best?.chart
    }

    /// The bytes detection reads: from the start of the word with the first non-ASCII byte
    /// (ASCII reads the same in every chart), at most `sampleSize` of them.
    private static func sampleRange(_ bytes: [UInt8]) -> Range<Int> {
        let firstHigh = bytes.firstIndex(where: { $0 >= 0x80 }) ?? 0
        let start = bytes[..<firstHigh].lastIndex(where: isSpace).map { $0 + 1 } ?? 0
        return start..<min(bytes.count, start + sampleSize)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    // MARK: Messages

    private static func describe(_ encoding: SourceEncoding) -> String {
        switch encoding {
        case .tcvn3: "TCVN3 (ABC, \".Vn\" fonts; capitals with tone marks are restored only in words written in capitals)"
        case .vniWindows: "VNI-Windows (\"VNI-\" fonts)"
        default: encoding.rawValue
        }
    }

    private static func unmappedNote(_ count: Int) -> String {
        switch count {
        case 0: "0 bytes could not be mapped"
        case 1: "1 byte could not be mapped (shown as �)"
        default: "\(count) bytes could not be mapped (shown as �)"
        }
    }

    private static func mojibakeExample(_ chart: LegacyChart) -> String {
        misdecodedForm(of: "Kế hoạch", as: chart.encoding)
    }

    // MARK: Encoding

    /// Per encoding, the bytes that write each character: single bytes first, then a letter
    /// followed by a mark byte, found by decoding the pairs so that encoding inverts decoding.
    private static let spellings: [SourceEncoding: [UInt32: [UInt8]]] = Dictionary(
        uniqueKeysWithValues: charts.map { ($0.encoding, spellings(of: $0)) })

    private static func spellings(of chart: LegacyChart) -> [UInt32: [UInt8]] {
        var table: [UInt32: [UInt8]] = [:]
        var letterBytes: [UInt8] = []
        var markBytes: [UInt8] = []
        for byte in UInt8(0)...UInt8(255) {
            switch chart.entries[Int(byte)] {
            case .character(let scalar):
                if byte >= 0x80, table[scalar.value] == nil { table[scalar.value] = [byte] }
                if scalar.properties.isAlphabetic { letterBytes.append(byte) }
            case .diacritics, .combining:
                markBytes.append(byte)
            case .unmapped:
                break
            }
        }
        var pairs: [UInt32: (bytes: [UInt8], caseMatches: Bool)] = [:]
        for letter in letterBytes {
            for mark in markBytes {
                var converter = LegacyConverter(chart: chart)
                converter.feed(letter)
                converter.feed(mark)
                let scalars = converter.finish().unicodeScalars
                guard converter.unmapped == 0, scalars.count == 1, let scalar = scalars.first,
                      table[scalar.value] == nil else { continue }
                // VNI has a lowercase and an uppercase copy of each mark; write the one whose
                // Latin-1 case matches the letter's.
                let caseMatches = (mark < 0xE0) == VietnameseLetters.isUppercase(scalar.value)
                if pairs[scalar.value].map({ !$0.caseMatches && caseMatches }) ?? true {
                    pairs[scalar.value] = ([letter, mark], caseMatches)
                }
            }
        }
        return table.merging(pairs.mapValues(\.bytes)) { single, _ in single }
    }
}

/// Converts bytes of one chart to Unicode, composing marks with the letter before them.
struct LegacyConverter {
    let chart: LegacyChart
    private var utf8: [UInt8] = []
    /// The last character, held back until it is clear no mark follows it.
    private var pending: Unicode.Scalar? = nil
    /// A combining mark was left uncomposed, so the result needs a full NFC pass.
    private var needsNFC = false
    private(set) var unmapped = 0
    /// Control codes other than tab, line feed, form feed and carriage return: signs of a wrong reading.
    private(set) var controls = 0

    init(chart: LegacyChart) {
        self.chart = chart
    }

    mutating func reserve(_ count: Int) {
        utf8.reserveCapacity(count + count / 2)
    }

    mutating func feed(_ byte: UInt8) {
        switch chart.entries[Int(byte)] {
        case .character(let scalar):
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D { controls += 1 }
            append(scalar)
        case .diacritics(let first, let second):
            var letter = pending.flatMap { LetterComposition.compose($0, first) }
            if let second { letter = letter.flatMap { LetterComposition.compose($0, second) } }
            if let letter {
                pending = letter
            } else {
                unmapped += 1
                append("\u{FFFD}")
            }
        case .combining(let mark):
            if let letter = pending, let composed = LetterComposition.compose(letter, mark) {
                pending = composed
            } else {
                needsNFC = true
                append(mark)
            }
        case .unmapped:
            unmapped += 1
            append("\u{FFFD}")
        }
    }

    /// A character that is already Unicode.
    mutating func append(_ scalar: Unicode.Scalar) {
        flush()
        pending = scalar
    }

    mutating func finish() -> String {
        flush()
        let text = String(decoding: utf8, as: UTF8.self)
        return needsNFC ? text.precomposedStringWithCanonicalMapping : text
    }

    private mutating func flush() {
        guard let scalar = pending else { return }
        pending = nil
        let value = scalar.value
        switch value {
        case ..<0x80:
            utf8.append(UInt8(value))
        case ..<0x800:
            utf8.append(UInt8(0xC0 | value >> 6))
            utf8.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            utf8.append(UInt8(0xE0 | value >> 12))
            utf8.append(UInt8(0x80 | value >> 6 & 0x3F))
            utf8.append(UInt8(0x80 | value & 0x3F))
        default:
            utf8.append(UInt8(0xF0 | value >> 18))
            utf8.append(UInt8(0x80 | value >> 12 & 0x3F))
            utf8.append(UInt8(0x80 | value >> 6 & 0x3F))
            utf8.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
