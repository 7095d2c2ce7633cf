import Foundation

/// text → lines. Splits on any line end, composes Vietnamese letters typed as base letter plus
/// combining mark (NFC), turns non-breaking and typographic spaces into plain spaces, drops
/// zero-width characters and control codes. Tabs are kept: they separate table cells.
///
/// Most lines need none of this, so each line is first checked byte by byte and copied only
/// when something in it must change; Foundation's NFC runs only on lines with combining marks.
public enum Normalizer {
    public static func normalize(_ decoded: DecodedText) -> SourceText {
        var lines: [SourceLine] = []
        var diagnostics = decoded.diagnostics
        var removedControls = 0
        var composed = 0
        // Old Mac files end lines with a lone CR.
        var text = decoded.text
        if !text.withBytes({ $0.contains(0x0A) }), text.withBytes({ $0.contains(0x0D) }) {
            text = text.replacingOccurrences(of: "\r", with: "\n")
        }
        let byteCount = text.utf8.count
        // first the line ends and what each line needs, on the bytes; then the lines themselves,
        // cut from the text that decoding already validated (no second UTF-8 check)
        let spans = text.withUTF8(Self.lineSpans)
        lines.reserveCapacity(spans.count)
        // the whole plan folded at once: a key keeps its text's byte offsets, so each line's key
        // is cut from it like the line itself (a line that changes is folded on its own)
        let key = Folding.matchKey(text)
        for (i, span) in spans.enumerated() {
            let line = String(text[text.utf8Range(span.start..<span.end)])
            if span.needsWork {
                let (clean, removed) = normalizeLine(line, composing: span.hasCombining)
                removedControls += removed
                if span.hasCombining { composed += 1 }
                lines.append(SourceLine(number: i + 1, text: clean))
            } else {
                lines.append(SourceLine(number: i + 1, text: line, key: String(key[key.utf8Range(span.start..<span.end)])))
            }
        }
        if removedControls > 0 {
            diagnostics.append(Diagnostic("normalize.control-characters", .note,
                                          "\(removedControls) control or zero-width characters removed"))
        }
        if composed > 0 {
            diagnostics.append(Diagnostic("normalize.nfc", .note,
                                          "\(composed) lines had letters typed with combining marks; composed (NFC)"))
        }
        return SourceText(lines: lines, encoding: decoded.encoding, diagnostics: diagnostics, byteCount: byteCount)
    }

    /// Where each line starts and ends (its line end dropped), and whether it needs work.
    private static func lineSpans(_ bytes: UnsafeBufferPointer<UInt8>) -> [LineSpan] {
        byteFlags.withUnsafeBufferPointer { (flags: UnsafeBufferPointer<UInt8>) -> [LineSpan] in
            var spans: [LineSpan] = []
            var start = 0
            while true {
                let lineFeed = TextBytes.firstOffset(of: 0x0A, in: bytes, from: start) ?? bytes.count
                // a CR that ends the line is dropped, any other is a control code
                var end = lineFeed
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                // one OR per byte tells whether the line holds anything to look at
                var seen: UInt8 = 0
                for i in start..<end { seen |= flags[Int(bytes[i])] }
                var needsWork = seen & (control | combiningLead) != 0
                if !needsWork, seen & specialLead != 0 {
                    // lead bytes of the spaces and invisible characters; most are quotes and dashes
                    for i in start..<end where flags[Int(bytes[i])] & specialLead != 0
                        && Self.replacement(for: UTF8Scalar.decode(bytes, at: i).0) != Replacement.keep {
                        needsWork = true
                        break
                    }
                }
                spans.append(LineSpan(start: start, end: end, needsWork: needsWork, hasCombining: seen & combiningLead != 0))
                if lineFeed == bytes.count { return spans }
                start = lineFeed + 1
            }
        }
    }

    /// What the line scan must look at for each byte value, as bits; most bytes have none.
    private static let byteFlags: [UInt8] = (0...255).map { byte -> UInt8 in
        switch byte {
        case 0x09: return 0
        case 0x00..<0x20, 0x7F: return control
        case 0xC2, 0xE2, 0xE3, 0xEF: return specialLead
        case 0xCC, 0xCD: return combiningLead
        default: return 0
        }
    }
    /// Control codes (not tab), DEL.
    private static let control: UInt8 = 1
    /// Lead bytes of the spaces and invisible characters to replace (C2, E2, E3, EF).
    private static let specialLead: UInt8 = 2
    /// Lead bytes of combining marks (CC, CD).
    private static let combiningLead: UInt8 = 4

    private struct LineSpan {
        var start: Int, end: Int
        var needsWork: Bool, hasCombining: Bool
    }

    enum Replacement { case keep, drop, space }

    /// What reading does with one scalar: control codes and zero-width characters go, the
    /// typographic spaces become plain ones.
    static func replacement(for value: UInt32) -> Replacement {
        switch value {
        case 0x09: return .keep
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD: return .drop
        case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x2028, 0x2029: return .space
        default: return .keep
        }
    }

    /// The line as it should be read (spaces made plain, controls dropped, NFC when it has
    /// combining marks) and how many characters were dropped.
    static func normalizeLine(_ line: String, composing: Bool) -> (String, Int) {
        var scalars = String.UnicodeScalarView()
        var removed = 0
        for scalar in line.unicodeScalars {
            switch replacement(for: scalar.value) {
            case .keep: scalars.append(scalar)
            case .drop: removed += 1
            case .space: scalars.append(" ")
            }
        }
        var result = String(scalars)
        if composing {
            result = result.precomposedStringWithCanonicalMapping
        }
        return (result, removed)
    }
}
