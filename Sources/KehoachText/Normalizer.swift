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
        text.withUTF8 { bytes in
            var number = 0
            var start = 0
            while start <= bytes.count {
                // one pass over the line: where it ends, and whether anything in it must change
                var end = start
                var needsWork = false
                var hasCombining = false
                while end < bytes.count {
                    let byte = bytes[end]
                    if byte == 0x0A { break }
                    if byte < 0x20 && byte != 0x09 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xEF || byte == 0xE3 { needsWork = true }
                    if byte == 0xCC || byte == 0xCD { hasCombining = true; needsWork = true }
                    end += 1
                }
                number += 1
                var lineEnd = end
                if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])
                let line: String
                if needsWork {
                    let (clean, removed) = normalizeLine(String(decoding: raw, as: UTF8.self), composing: hasCombining)
                    removedControls += removed
                    if hasCombining { composed += 1 }
                    line = clean
                } else {
                    line = String(decoding: raw, as: UTF8.self)
                }
                lines.append(SourceLine(number: number, text: line))
                if end == bytes.count { break }
                start = end + 1
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

    /// The line as it should be read (spaces made plain, controls dropped, NFC when it has
    /// combining marks) and how many characters were dropped.
    static func normalizeLine(_ line: String, composing: Bool) -> (String, Int) {
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
        if composing {
            result = result.precomposedStringWithCanonicalMapping
        }
        return (result, removed)
    }
}
