import Foundation
import KehoachText

/// A pull reader of XML bytes, enough for the parts of a Word file: start and end tags, text,
/// CDATA; comments, processing instructions and DOCTYPE skipped. Names and values stay byte
/// ranges of the input until asked for, so reading a large document.xml allocates little.
///
/// It never expands entities beyond the five predefined ones and character references (no
/// DTD entity can multiply the text), and malformed input ends the events early rather than
/// failing: a damaged part reads as far as it goes.
struct XMLScanner {
    struct Tag {
        /// The prefix before the colon (empty when none) and the local name.
        var prefix: Range<Int>
        var local: Range<Int>
        /// Between the name and the closing `>` or `/>`.
        var attributes: Range<Int>
        var selfClosing: Bool
    }

    enum Event {
        case start(Tag)
        case end(Tag)
        /// Raw text: `appendText` unescapes it.
        case text(Range<Int>, isCDATA: Bool)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func next() -> Event? {
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                position = offset(of: UInt8(ascii: "<"), from: position) ?? bytes.count
                return .text(start..<position, isCDATA: false)
            }
            guard position + 1 < bytes.count else { return nil }
            switch bytes[position + 1] {
            case UInt8(ascii: "?"):
                guard skip(past: "?>") else { return nil }
            case UInt8(ascii: "!"):
                if starts(with: "<!--", at: position) {
                    guard skip(past: "-->") else { return nil }
                } else if starts(with: "<![CDATA[", at: position) {
                    let start = position + 9
                    guard let end = find("]]>", from: start) else { return nil }
                    position = end + 3
                    return .text(start..<end, isCDATA: true)
                } else {
                    guard skipDeclaration() else { return nil }
                }
            case UInt8(ascii: "/"):
                guard let close = offset(of: UInt8(ascii: ">"), from: position) else { return nil }
                let (prefix, local, _) = name(from: position + 2, to: close)
                position = close + 1
                return .end(Tag(prefix: prefix, local: local, attributes: close..<close, selfClosing: false))
            default:
                // most tags have no attributes: their name ends at the > (or />) itself
                let (prefix, local, afterName) = name(from: position + 1, to: bytes.count)
                let close: Int
                if afterName < bytes.count, bytes[afterName] == UInt8(ascii: ">") {
                    close = afterName
                } else if afterName + 1 < bytes.count, bytes[afterName] == UInt8(ascii: "/"), bytes[afterName + 1] == UInt8(ascii: ">") {
                    close = afterName + 1
                } else {
                    guard let found = tagEnd(from: afterName) else { return nil }
                    close = found
                }
                let selfClosing = bytes[close - 1] == UInt8(ascii: "/")
                position = close + 1
                return .start(Tag(prefix: prefix, local: local, attributes: afterName..<(selfClosing ? close - 1 : close),
                                  selfClosing: selfClosing))
            }
        }
        return nil
    }

    /// Skips the rest of an element whose start tag was just read (nothing when it closed itself).
    mutating func skipElement(_ tag: Tag) {
        guard !tag.selfClosing else { return }
        var depth = 1
        while let event = next() {
            switch event {
            case .start(let inner): if !inner.selfClosing { depth += 1 }
            case .end: depth -= 1; if depth == 0 { return }
            case .text: break
            }
        }
    }

    // MARK: - Names and attributes

    func bytesEqual(_ range: Range<Int>, _ literal: [UInt8]) -> Bool {
        guard range.count == literal.count else { return false }
        guard let base = bytes.baseAddress, range.upperBound <= bytes.count else { return range.isEmpty }
        return literal.withUnsafeBufferPointer { memcmp(base + range.lowerBound, $0.baseAddress!, range.count) == 0 }
    }

    /// The raw value of the attribute with this local name (any prefix).
    func attribute(_ local: [UInt8], of tag: Tag) -> Range<Int>? {
        var i = tag.attributes.lowerBound
        let end = tag.attributes.upperBound
        while i < end {
            while i < end, Self.isSpace(bytes[i]) { i += 1 }
            let nameStart = i
            while i < end, bytes[i] != UInt8(ascii: "="), !Self.isSpace(bytes[i]) { i += 1 }
            var localStart = nameStart
            for j in nameStart..<i where bytes[j] == UInt8(ascii: ":") { localStart = j + 1 }
            let nameRange = localStart..<i
            while i < end, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "'") { i += 1 }
            guard i < end else { return nil }
            let quote = bytes[i]
            let valueStart = i + 1
            i = valueStart
            while i < end, bytes[i] != quote { i += 1 }
            if bytesEqual(nameRange, local) { return valueStart..<min(i, end) }
            i += 1
        }
        return nil
    }

    func attributeString(_ local: [UInt8], of tag: Tag) -> String? {
        guard let range = attribute(local, of: tag) else { return nil }
        var out: [UInt8] = []
        appendText(range, isCDATA: false, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func attributeInt(_ local: [UInt8], of tag: Tag) -> Int? {
        guard let range = attribute(local, of: tag), !range.isEmpty, range.count < 10 else { return nil }
        var value = 0
        var negative = false
        for i in range {
            let byte = bytes[i]
            if byte == UInt8(ascii: "-") && i == range.lowerBound { negative = true; continue }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return negative ? -value : value
    }

    /// Appends the text, its entity and character references decoded.
    func appendText(_ range: Range<Int>, isCDATA: Bool, to out: inout [UInt8]) {
        guard !isCDATA else {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
            return
        }
        var i = range.lowerBound
        while i < range.upperBound {
            guard let amp = offset(of: UInt8(ascii: "&"), from: i, before: range.upperBound) else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<range.upperBound]))
                return
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<amp]))
            guard let semicolon = offset(of: UInt8(ascii: ";"), from: amp, before: min(range.upperBound, amp + 12)),
                  let scalar = reference(amp + 1..<semicolon) else {
                out.append(UInt8(ascii: "&"))
                i = amp + 1
                continue
            }
            out.append(contentsOf: Array(String(scalar).utf8))
            i = semicolon + 1
        }
    }

    private func reference(_ range: Range<Int>) -> Unicode.Scalar? {
        if bytesEqual(range, Array("lt".utf8)) { return "<" }
        if bytesEqual(range, Array("gt".utf8)) { return ">" }
        if bytesEqual(range, Array("amp".utf8)) { return "&" }
        if bytesEqual(range, Array("quot".utf8)) { return "\"" }
        if bytesEqual(range, Array("apos".utf8)) { return "'" }
        guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "#") else { return nil }
        let hex = bytes[range.lowerBound + 1] == UInt8(ascii: "x")
        var value: UInt32 = 0
        for i in (range.lowerBound + (hex ? 2 : 1))..<range.upperBound {
            guard let digit = Self.digit(bytes[i], hex: hex), value < 0x11_0000 else { return nil }
            value = value * (hex ? 16 : 10) + digit
        }
        return Unicode.Scalar(value)
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x61...0x66 where hex: return UInt32(byte - 0x61 + 10)
        case 0x41...0x46 where hex: return UInt32(byte - 0x41 + 10)
        default: return nil
        }
    }

    // MARK: - Scanning

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Prefix, local name and the offset after the name of a tag whose name starts at `start`.
    private func name(from start: Int, to end: Int) -> (Range<Int>, Range<Int>, Int) {
        var i = start
        var colon: Int? = nil
        while i < end, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: "/"), bytes[i] != UInt8(ascii: ">") {
            if bytes[i] == UInt8(ascii: ":") { colon = i }
            i += 1
        }
        guard let colon else { return (start..<start, start..<i, i) }
        return (start..<colon, (colon + 1)..<i, i)
    }

    /// The `>` that ends a start tag, quotes respected.
    private func tagEnd(from start: Int) -> Int? {
        var i = start
        var quote: UInt8 = 0
        while i < bytes.count {
            let byte = bytes[i]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return i
            }
            i += 1
        }
        return nil
    }

    /// `<!DOCTYPE ...>` and its internal subset in brackets.
    private mutating func skipDeclaration() -> Bool {
        var depth = 0
        var i = position + 2
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ">") where depth <= 0:
                position = i + 1
                return true
            default: break
            }
            i += 1
        }
        return false
    }

    private mutating func skip(past terminator: String) -> Bool {
        guard let at = find(terminator, from: position + 2) else { return false }
        position = at + terminator.utf8.count
        return true
    }

    private func starts(with literal: String, at offset: Int) -> Bool {
        let utf8 = Array(literal.utf8)
        guard offset + utf8.count <= bytes.count else { return false }
        return bytesEqual(offset..<(offset + utf8.count), utf8)
    }

    private func find(_ literal: String, from start: Int) -> Int? {
        let utf8 = Array(literal.utf8)
        var i = start
        while let at = offset(of: utf8[0], from: i) {
            if starts(with: literal, at: at) { return at }
            i = at + 1
        }
        return nil
    }

    private func offset(of byte: UInt8, from start: Int, before end: Int? = nil) -> Int? {
        guard let end else { return TextBytes.firstOffset(of: byte, in: bytes, from: start) }
        guard start < end else { return nil }
        return TextBytes.firstOffset(of: byte, in: UnsafeBufferPointer(rebasing: bytes[..<end]), from: start)
    }
}
