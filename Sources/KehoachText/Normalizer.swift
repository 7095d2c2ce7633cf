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
        var utf8 = decoded.text.utf8
        // Old Mac files end lines with a lone CR.
        let text: String
        if !utf8.contains(UInt8(ascii: "\n")) && utf8.contains(UInt8(ascii: "\r")) {
            text = decoded.text.replacingOccurrences(of: "\r", with: "\n")
            utf8 = text.utf8
        } else {
            text = decoded.text
        }
        var number = 0
        var start = utf8.startIndex
        while start <= utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            number += 1
            var line = Substring(text.utf8[start..<end])
            if line.utf8.last == UInt8(ascii: "\r") { line = line.dropLast() }
            let (clean, removed, nfc) = normalizeLine(line)
            removedControls += removed
            if nfc { composed += 1 }
            lines.append(SourceLine(number: number, text: clean))
            if end == utf8.endIndex { break }
            start = utf8.index(after: end)
        }
        if removedControls > 0 {
            diagnostics.append(Diagnostic("normalize.control-characters", .note,
                                          "\(removedControls) control or zero-width characters removed"))
        }
        if composed > 0 {
            diagnostics.append(Diagnostic("normalize.nfc", .note,
                                          "\(composed) lines had letters typed with combining marks; composed (NFC)"))
        }
        return SourceText(lines: lines, encoding: decoded.encoding, diagnostics: diagnostics, byteCount: text.utf8.count)
    }

    /// The line as it should be read, how many characters were dropped, and whether it needed NFC.
    static func normalizeLine(_ line: Substring) -> (String, Int, Bool) {
        var needsWork = false
        var hasCombining = false
        for byte in line.utf8 {
            if byte < 0x20 && byte != 0x09 { needsWork = true; break }
            if byte == 0xC2 || byte == 0xE2 || byte == 0xEF || byte == 0xE3 { needsWork = true }
            if byte == 0xCC || byte == 0xCD { hasCombining = true; needsWork = true }
            if byte == 0x7F { needsWork = true }
        }
        guard needsWork else { return (String(line), 0, false) }
        var scalars = String.UnicodeScalarView()
        var removed = 0
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x09:
                scalars.append(scalar)
            case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD:
                removed += 1
            case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                scalars.append(" ")
            case 0x2028, 0x2029:
                scalars.append(" ")
            default:
                scalars.append(scalar)
            }
        }
        var result = String(scalars)
        if hasCombining {
            result = result.precomposedStringWithCanonicalMapping
        }
        return (result, removed, hasCombining)
    }
}
