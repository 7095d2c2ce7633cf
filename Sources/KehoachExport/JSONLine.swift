import KehoachText

/// One value as one line of JSON: the layout of `kehoach parse --format json` (sorted keys,
/// Vietnamese as UTF-8, written by `JSONWriter`) on a single line, ending in "\n".
///
/// The writer escapes "\n", "\r" and every other control character inside strings, so no raw
/// line feed can split a record. Plan text copied out of Word can also hold U+2028 and U+2029
/// (line and paragraph separators) and U+0085 (next line): valid raw in JSON, but readers that
/// split lines the Unicode way (Python's `splitlines`, JavaScript before ES2019) would break the
/// record there, so they are written as `\u2028`, `\u2029`, `\u0085`, which decode to the same text.
enum JSONLine {
    /// The line `write` makes, appended to `out`.
    static func append(to out: inout [UInt8], _ write: (inout JSONWriter) -> Void) {
        var json = JSONWriter(pretty: false, capacity: 16_384)
        write(&json)
        json.bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            // most records hold none of the three: copy them whole
            var plain = 0
            while i < n {
                let byte = b[i]
                // U+2028, U+2029 are E2 80 A8 / E2 80 A9; U+0085 is C2 85.
                if byte == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 {
                    out.append(contentsOf: b[plain..<i])
                    out.append(contentsOf: b[i + 2] == 0xA8 ? lineSeparator : paragraphSeparator)
                    i += 3
                    plain = i
                } else if byte == 0xC2, i + 1 < n, b[i + 1] == 0x85 {
                    out.append(contentsOf: b[plain..<i])
                    out.append(contentsOf: nextLine)
                    i += 2
                    plain = i
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: b[plain..<n])
        }
        out.append(0x0A)
    }

    private static let lineSeparator = Array("\\u2028".utf8)
    private static let paragraphSeparator = Array("\\u2029".utf8)
    private static let nextLine = Array("\\u0085".utf8)
}
