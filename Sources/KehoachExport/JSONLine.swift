import Foundation
import KehoachRender

/// One value as one line of JSON: the encoding of `kehoach parse --format json` (PlanJSON:
/// sorted keys, Vietnamese as UTF-8) on a single line, ending in "\n".
///
/// The encoder escapes "\n", "\r" and every other control character inside strings, so no raw
/// line feed can split a record. Plan text copied out of Word can also hold U+2028 and U+2029
/// (line and paragraph separators) and U+0085 (next line): valid raw in JSON, but readers that
/// split lines the Unicode way (Python's `splitlines`, JavaScript before ES2019) would break the
/// record there, so they are written as `\u2028`, `\u2029`, `\u0085`, which decode to the same text.
struct JSONLine {
    private let encoder = PlanJSON.encoder(pretty: false)

    func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let data = try encoder.encode(value)
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 1)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            let n = b.count
            while i < n {
                let byte = b[i]
                // U+2028, U+2029 are E2 80 A8 / E2 80 A9; U+0085 is C2 85.
                if byte == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 {
                    out.append(contentsOf: b[i + 2] == 0xA8 ? JSONLine.lineSeparator : JSONLine.paragraphSeparator)
                    i += 3
                } else if byte == 0xC2, i + 1 < n, b[i + 1] == 0x85 {
                    out.append(contentsOf: JSONLine.nextLine)
                    i += 2
                } else {
                    out.append(byte)
                    i += 1
                }
            }
        }
        out.append(0x0A)
        return out
    }

    private static let lineSeparator = Array("\\u2028".utf8)
    private static let paragraphSeparator = Array("\\u2029".utf8)
    private static let nextLine = Array("\\u0085".utf8)
}
