/// JSON written straight into bytes, laid out exactly as Foundation's `JSONEncoder` lays it out
/// with `.sortedKeys` and `.withoutEscapingSlashes` (and `.prettyPrinted` when `pretty`): the
/// same bytes, at a fraction of the cost, because nothing is boxed, sorted or copied on the way.
/// Callers write an object's keys in sorted order themselves.
///
/// Pretty layout: `"key" : value`, two spaces per level, an empty array or object as its
/// brackets around a blank line (`[\n\n  ]`). Compact layout: no whitespace at all.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    public let pretty: Bool
    private var depth = 0
    /// No element has been written yet in the innermost open array or object.
    private var atFirstElement = true

    public init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    // MARK: containers

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The name of the next value of an object.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        if pretty {
            bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
        // the value that follows is not an element of its own
        isValueOfKey = true
    }

    // MARK: values

    public mutating func string(_ value: String) {
        element()
        var value = value
        value.withUTF8 { appendEscaped($0) }
    }

    public mutating func int(_ value: Int) {
        element()
        appendDecimal(value)
    }

    /// As Foundation writes a `Double`: its shortest form, without a trailing ".0".
    public mutating func double(_ value: Double) {
        element()
        guard value.isFinite else {
            // Foundation refuses the whole document; one unreadable number should not lose it
            bytes.append(contentsOf: Array("null".utf8))
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            if value == 0, value.sign == .minus { bytes.append(contentsOf: Array("-0".utf8)); return }
            appendDecimal(Int(value))
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func bool(_ value: Bool) {
        element()
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    public mutating func null() {
        element()
        bytes.append(contentsOf: Array("null".utf8))
    }

    // MARK: fields that are written even when nil, as `null` (records with the same keys on
    // every line, for readers that infer a schema)

    public mutating func field(_ name: StaticString, orNull value: String?) {
        if let value { field(name, value) } else { key(name); null() }
    }

    public mutating func field(_ name: StaticString, orNull value: Int?) {
        if let value { field(name, value) } else { key(name); null() }
    }

    // MARK: fields: a key and its value; an optional that is nil writes nothing, as `encodeIfPresent`

    public mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: StaticString, _ value: Int) { key(name); int(value) }
    public mutating func field(_ name: StaticString, _ value: Double) { key(name); double(value) }
    public mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }

    public mutating func field(_ name: StaticString, _ value: String?) {
        if let value { field(name, value) }
    }

    public mutating func field(_ name: StaticString, _ value: Int?) {
        if let value { field(name, value) }
    }

    public mutating func field(_ name: StaticString, _ value: Bool?) {
        if let value { field(name, value) }
    }

    public mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    public mutating func field(_ name: StaticString, _ values: [Int]) {
        key(name)
        beginArray()
        for value in values { int(value) }
        endArray()
    }

    /// An array of values that write themselves.
    public mutating func field<T>(_ name: StaticString, _ values: [T], _ write: (inout JSONWriter, T) -> Void) {
        key(name)
        beginArray()
        for value in values { write(&self, value) }
        endArray()
    }

    // MARK: layout

    /// Set by `key`: the next value sits on the key's line, not on a line of its own.
    private var isValueOfKey = false

    /// Before a value: a comma and a new line when it is an array's second or later element.
    private mutating func element() {
        if isValueOfKey {
            isValueOfKey = false
            atFirstElement = false
            return
        }
        separate()
        atFirstElement = false
    }

    private mutating func separate() {
        if !atFirstElement { bytes.append(UInt8(ascii: ",")) }
        if pretty && depth > 0 { newLine() }
    }

    private mutating func open(_ bracket: UInt8) {
        element()
        bytes.append(bracket)
        depth += 1
        atFirstElement = true
    }

    private mutating func close(_ bracket: UInt8) {
        let wasEmpty = atFirstElement
        depth -= 1
        if pretty {
            if wasEmpty { bytes.append(0x0A) }
            newLine()
        }
        bytes.append(bracket)
        atFirstElement = false
    }

    private mutating func newLine() {
        bytes.append(0x0A)
        for _ in 0..<(2 * depth) { bytes.append(0x20) }
    }

    private mutating func appendDecimal(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A quoted string: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`;
    /// everything else (Vietnamese letters, `/`) as it is.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for i in 0..<text.count {
            let byte = text[i]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i]))
            runStart = i + 1
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
        bytes.append(UInt8(ascii: "\""))
    }
}
