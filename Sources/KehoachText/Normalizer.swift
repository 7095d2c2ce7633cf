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
        let (hasLF, hasCR) = text.withBytes { ($0.contains(0x0A), $0.contains(0x0D)) }
        if !hasLF && hasCR {
            text = text.replacingOccurrences(of: "\r", with: "\n")
        }
        let byteCount = text.utf8.count
        // first the line ends and what each line needs, on the bytes; then the lines themselves,
        // cut from the text that decoding already validated (no second UTF-8 check)
        var spans: [LineSpan] = []
        text.withUTF8 { bytes in Self.byteClasses.withUnsafeBufferPointer { classes in
            var start = 0
            while start <= bytes.count {
                var end = start
                var needsWork = false
                var hasCombining = false
                line: while end < bytes.count {
                    let byte = bytes[end]
                    switch classes[Int(byte)] {
                    case .plain:
                        break
                    case .control:
                        if byte == 0x0A { break line }
                        // a CR that ends the line is dropped below, not here
                        let endsLine = byte == 0x0D && (end + 1 == bytes.count || bytes[end + 1] == 0x0A)
                        if !endsLine { needsWork = true }
                    case .specialLead:
                        // lead bytes of the spaces and invisible characters; most are quotes and dashes
                        if replacement(for: UTF8Scalar.decode(bytes, at: end).0) != .keep { needsWork = true }
                    case .combiningLead:
                        hasCombining = true; needsWork = true
                    }
                    end += 1
                }
                var lineEnd = end
                if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                spans.append(LineSpan(start: start, end: lineEnd, needsWork: needsWork, hasCombining: hasCombining))
                if end == bytes.count { break }
                start = end + 1
            }
        } }
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

    /// What the line scan must look at for each byte value; most bytes are `plain`.
    private enum ByteClass: UInt8 {
        case plain
        /// Line feed, control codes (not tab), DEL.
        case control
        /// Lead bytes of the spaces and invisible characters to replace (C2, E2, E3, EF).
        case specialLead
        /// Lead bytes of combining marks (CC, CD).
        case combiningLead
    }

    private static let byteClasses: [ByteClass] = (0...255).map { byte -> ByteClass in
        switch byte {
        case 0x09: return .plain
        case 0x00..<0x20, 0x7F: return .control
        case 0xC2, 0xE2, 0xE3, 0xEF: return .specialLead
        case 0xCC, 0xCD: return .combiningLead
        default: return .plain
        }
    }

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
