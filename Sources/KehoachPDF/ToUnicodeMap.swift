/// A font's `ToUnicode` CMap (ISO 32000-1, 9.10.3): character codes to Unicode text, and how
/// many bytes a code takes. Word and LibreOffice write one for every subset font, and it is
/// the only way from their private glyph codes back to Vietnamese letters.
struct ToUnicodeMap: Sendable {
    var mapping: [UInt32: String] = [:]
    /// The code lengths the code space ranges allow, shortest first.
    var codeLengths: [Int] = []

    init(_ data: [UInt8]) {
        var reader = PDFSyntax(data)
        var operands: [PDFObject] = []
        var lengths = Set<Int>()
        // a CMap lists at most 100 entries per block, but a hostile one may have any number of blocks
        var budget = 1 << 20
        while let token = reader.object(), budget > 0 {
            budget -= 1
            guard case .keyword(let word) = token else {
                operands.append(token)
                continue
            }
            switch word {
            case "endcodespacerange":
                for pair in stride(from: 0, to: operands.count - 1, by: 2) {
                    if let low = operands[pair].string, !low.isEmpty, low.count <= 4 { lengths.insert(low.count) }
                }
            case "endbfchar":
                for pair in stride(from: 0, to: operands.count - 1, by: 2) {
                    guard let code = operands[pair].string, let value = operands[pair + 1].string else { continue }
                    mapping[Self.code(code)] = Self.text(value)
                }
            case "endbfrange":
                var i = 0
                while i + 2 < operands.count {
                    guard let low = operands[i].string, let high = operands[i + 1].string else { i += 1; continue }
                    let (first, last) = (Self.code(low), Self.code(high))
                    if last >= first, last - first < 65_536 {
                        if let start = operands[i + 2].string, !start.isEmpty {
                            // consecutive codes, the destination's last byte counting up
                            for (k, code) in (first...last).enumerated() {
                                var value = start
                                let sum = Int(value[value.count - 1]) + k
                                value[value.count - 1] = UInt8(truncatingIfNeeded: sum)
                                if sum > 255, value.count >= 2 { value[value.count - 2] &+= UInt8(truncatingIfNeeded: sum >> 8) }
                                mapping[code] = Self.text(value)
                            }
                        } else if let list = operands[i + 2].array {
                            for (k, item) in list.enumerated() where UInt32(k) <= last - first {
                                if let value = item.string { mapping[first + UInt32(k)] = Self.text(value) }
                            }
                        }
                    }
                    i += 3
                }
            default: break
            }
            if word.hasPrefix("end") || word.hasPrefix("begin") { operands = [] }
        }
        codeLengths = lengths.sorted()
    }

    private static func code(_ bytes: [UInt8]) -> UInt32 {
        bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// UTF-16BE, as CMaps write their destinations.
    private static func text(_ bytes: [UInt8]) -> String {
        var units: [UInt16] = []
        var i = 0
        while i + 1 < bytes.count {
            units.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
