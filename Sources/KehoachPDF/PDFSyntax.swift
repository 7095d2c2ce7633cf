/// The token and object syntax of PDF (ISO 32000-1, 7.2–7.3) over a byte array: numbers,
/// names, literal and hex strings, arrays, dictionaries, `N G R` references, keywords.
/// Tolerant: what it cannot read it skips; nesting is bounded so a hostile file cannot
/// exhaust the stack.
struct PDFSyntax {
    let bytes: [UInt8]
    var position: Int
    /// The end of the range being read (a content stream, or the whole file).
    let end: Int

    static let maxDepth = 64

    init(_ bytes: [UInt8], at position: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = position
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var atEnd: Bool { position >= end }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00 }
    static func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): return true
        default: return false
        }
    }

    mutating func skipSpace() {
        while position < end {
            let b = bytes[position]
            if Self.isSpace(b) {
                position += 1
            } else if b == UInt8(ascii: "%") {
                while position < end, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// The next object; nil at the end, `.keyword` for a bare word, `]` or `>>` as keywords too.
    mutating func object(depth: Int = 0) -> PDFObject? {
        skipSpace()
        guard position < end else { return nil }
        let b = bytes[position]
        switch b {
        case UInt8(ascii: "/"):
            position += 1
            return .name(nameText())
        case UInt8(ascii: "("):
            position += 1
            return .string(literalString())
        case UInt8(ascii: "<"):
            if position + 1 < end, bytes[position + 1] == UInt8(ascii: "<") {
                position += 2
                return depth < Self.maxDepth ? dictionary(depth: depth + 1) : .null
            }
            position += 1
            return .string(hexString())
        case UInt8(ascii: ">"):
            position += position + 1 < end && bytes[position + 1] == UInt8(ascii: ">") ? 2 : 1
            return .keyword(">>")
        case UInt8(ascii: "["):
            position += 1
            guard depth < Self.maxDepth else { return .null }
            var items: [PDFObject] = []
            while let item = object(depth: depth + 1) {
                if case .keyword("]") = item { break }
                items.append(item)
            }
            return .array(items)
        case UInt8(ascii: "]"):
            position += 1
            return .keyword("]")
        case UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            position += 1
            return .keyword(String(UnicodeScalar(b)))
        default:
            if b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || (b >= 0x30 && b <= 0x39) {
                return numberOrReference()
            }
            let start = position
            while position < end, !Self.isSpace(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
            if position == start { position += 1 }
            let word = String(decoding: bytes[start..<position], as: UTF8.self)
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default: return .keyword(word)
            }
        }
    }

    private mutating func dictionary(depth: Int) -> PDFObject {
        var entries: [String: PDFObject] = [:]
        while true {
            skipSpace()
            guard let key = object(depth: depth) else { break }
            if case .keyword(">>") = key { break }
            guard case .name(let name) = key else { continue }
            guard let value = object(depth: depth) else { break }
            if case .keyword(">>") = value { break }
            entries[name] = value
        }
        // a stream's data follows its dictionary
        let save = position
        skipSpace()
        if starts(with: "stream") {
            position += 6
            if position < end, bytes[position] == 0x0D { position += 1 }
            if position < end, bytes[position] == 0x0A { position += 1 }
            return .stream(entries, position..<position)
        }
        position = save
        return .dictionary(entries)
    }

    /// A number, or `N G R` when two integers and an R follow.
    private mutating func numberOrReference() -> PDFObject {
        guard let first = numberValue() else { return .null }
        guard first == first.rounded(), first >= 0 else { return .number(first) }
        let save = position
        skipSpace()
        if position < end, bytes[position] >= 0x30, bytes[position] <= 0x39, let generation = numberValue(), generation == generation.rounded() {
            skipSpace()
            if position < end, bytes[position] == UInt8(ascii: "R"),
               position + 1 >= end || Self.isSpace(bytes[position + 1]) || Self.isDelimiter(bytes[position + 1]) {
                position += 1
                return first < 1e9 ? .reference(Int(first)) : .null
            }
        }
        position = save
        return .number(first)
    }

    private mutating func numberValue() -> Double? {
        let start = position
        if position < end, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
        while position < end, (bytes[position] >= 0x30 && bytes[position] <= 0x39) || bytes[position] == UInt8(ascii: ".") { position += 1 }
        // writers emit "--5" and "5-": read what is a number, skip the rest
        guard position > start, position - start < 40 else { position = max(position, start + 1); return 0 }
        return Double(String(decoding: bytes[start..<position], as: UTF8.self)) ?? 0
    }

    private mutating func nameText() -> String {
        var out: [UInt8] = []
        while position < end, !Self.isSpace(bytes[position]), !Self.isDelimiter(bytes[position]) {
            if bytes[position] == UInt8(ascii: "#"), position + 2 < end, let h = hexValue(bytes[position + 1]), let l = hexValue(bytes[position + 2]) {
                out.append(h << 4 | l)
                position += 3
            } else {
                out.append(bytes[position])
                position += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func literalString() -> [UInt8] {
        var out: [UInt8] = []
        var depth = 1
        while position < end {
            let b = bytes[position]
            position += 1
            switch b {
            case UInt8(ascii: "("): depth += 1; out.append(b)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return out }
                out.append(b)
            case UInt8(ascii: "\\"):
                guard position < end else { return out }
                let e = bytes[position]
                position += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case 0x0D: if position < end, bytes[position] == 0x0A { position += 1 }
                case 0x0A: break
                case 0x30...0x37:
                    var value = Int(e - 0x30)
                    for _ in 0..<2 where position < end && bytes[position] >= 0x30 && bytes[position] <= 0x37 {
                        value = value * 8 + Int(bytes[position] - 0x30)
                        position += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: value))
                default: out.append(e)
                }
            default: out.append(b)
            }
        }
        return out
    }

    private mutating func hexString() -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8? = nil
        while position < end {
            let b = bytes[position]
            position += 1
            if b == UInt8(ascii: ">") { break }
            guard let v = hexValue(b) else { continue }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        if let h = high { out.append(h << 4) }
        return out
    }

    private func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }

    func starts(with word: String, at offset: Int? = nil) -> Bool {
        let at = offset ?? position
        let utf8 = Array(word.utf8)
        guard at + utf8.count <= end else { return false }
        return bytes[at..<(at + utf8.count)].elementsEqual(utf8)
    }

    /// The offset of `word` at or after `from`, before `limit`.
    func find(_ word: String, from: Int, before limit: Int? = nil) -> Int? {
        let utf8 = Array(word.utf8)
        let stop = min(limit ?? end, end) - utf8.count
        var i = from
        while i <= stop {
            if bytes[i] == utf8[0], bytes[i..<(i + utf8.count)].elementsEqual(utf8) { return i }
            i += 1
        }
        return nil
    }

    /// The offset of the last `word` before `limit`.
    func findLast(_ word: String, before limit: Int, after floor: Int) -> Int? {
        let utf8 = Array(word.utf8)
        var i = min(limit, end) - utf8.count
        while i >= max(floor, 0) {
            if bytes[i] == utf8[0], bytes[i..<(i + utf8.count)].elementsEqual(utf8) { return i }
            i -= 1
        }
        return nil
    }
}
