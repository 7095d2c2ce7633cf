import KehoachGrammar
import KehoachText

/// A plan as compact bytes, for the corpus store: what `Plan` holds, field by field in a fixed
/// order — LEB128 varints (zigzag for signed), a presence byte before an optional, enums by their
/// raw names, and each distinct string once (UTF-8 after its length; again, as the number of its
/// first use: a plan repeats its section titles and task texts in every target and deadline).
/// Smaller than the plan's compact JSON (under four fifths of it on every real plan here), and
/// read back without parsing, so a corpus hands thousands
/// of plans to a comparison without reading their texts again. `PlanBinaryCodingTests` hold the
/// round trip equal on every real plan.
///
/// The first byte is the layout's version; a reader refuses other versions (the store then parses
/// the plan's text again), so old stores stay readable whatever this layout becomes.
extension Plan {
    public static let binaryVersion: UInt8 = 1

    public func binaryBytes() -> [UInt8] {
        var out = PlanByteWriter()
        out.byte(Self.binaryVersion)
        out.optional(source) { $0.string($1) }
        metadata.write(to: &out)
        out.array(citations) { out, c in
            out.string(c.type); out.string(c.number); out.optional(c.date) { $0.string($1) }
            out.optional(c.issuer) { $0.string($1) }; out.int(c.line)
        }
        out.array(sections) { $1.write(to: &$0) }
        out.array(targets) { out, t in
            out.int(t.line); out.string(t.quote); out.double(t.value); out.string(t.unit); out.string(t.comparator.rawValue)
            out.bool(t.aspirational); out.optional(t.population) { $0.string($1) }; out.optional(t.indicator) { $0.string($1) }
            out.optional(t.year) { $0.int($1) }; out.string(t.text); out.strings(t.section)
        }
        out.array(deadlines) { out, d in
            out.int(d.line); out.string(d.quote); out.optional(d.date) { $0.string($1) }; out.string(d.kind.rawValue)
            out.string(d.task); out.strings(d.section)
        }
        out.array(responsibilities) { out, r in
            out.string(r.unit); out.string(r.role.rawValue); out.int(r.line); out.strings(r.tasks)
        }
        out.array(objectives) { out, o in
            out.int(o.line); out.string(o.text); out.strings(o.section); out.array(o.targets) { $0.int($1) }
        }
        out.array(tables) { out, t in
            out.int(t.line); out.strings(t.header); out.int(t.rows); out.int(t.groupRows)
        }
        out.strings(recipients)
        out.array(diagnostics) { out, d in
            out.string(d.id); out.string(d.severity.rawValue)
            out.optional(d.location) { out, l in out.int(l.line); out.int(l.column) }
            out.string(d.message)
        }
        out.optional(document) { out, map in
            out.string(map.format.rawValue)
            out.array(map.spans) { out, s in
                out.int(s.first); out.int(s.last)
                for part in [s.paragraph, s.table, s.row, s.cell, s.page] { out.optional(part) { $0.int($1) } }
                out.optional(s.lineBreaks) { $0.bool($1) }
            }
        }
        return out.bytes
    }

    /// The plan `binaryBytes` wrote; nil when the bytes are of another version, cut short or
    /// damaged (never a crash: every length is checked against what is left).
    public init?(binary bytes: UnsafeRawBufferPointer) {
        var input = PlanByteReader(bytes)
        guard input.byte() == Self.binaryVersion, let plan = Self.read(&input), input.isAtEnd else { return nil }
        self = plan
    }

    private static func read(_ input: inout PlanByteReader) -> Plan? {
        let source = input.optional { $0.string() }
        guard let metadata = Metadata.read(&input) else { return nil }
        let citations = input.array { i -> CitationRecord? in
            guard let type = i.string(), let number = i.string(), let date = i.optional({ $0.string() }),
                  let issuer = i.optional({ $0.string() }), let line = i.int() else { return nil }
            return CitationRecord(type: type, number: number, date: date, issuer: issuer, line: line)
        }
        let sections = input.array { SectionRecord.read(&$0, depth: 0) }
        let targets = input.array { i -> Target? in
            guard let line = i.int(), let quote = i.string(), let value = i.double(), let unit = i.string(),
                  let comparator = i.string().flatMap(Comparator.init(rawValue:)), let aspirational = i.bool(),
                  let population = i.optional({ $0.string() }), let indicator = i.optional({ $0.string() }),
                  let year = i.optional({ $0.int() }), let text = i.string(), let section = i.strings() else { return nil }
            return Target(line: line, quote: quote, value: value, unit: unit, comparator: comparator, aspirational: aspirational,
                          population: population, indicator: indicator, year: year, text: text, section: section)
        }
        let deadlines = input.array { i -> Deadline? in
            guard let line = i.int(), let quote = i.string(), let date = i.optional({ $0.string() }),
                  let kind = i.string().flatMap(Deadline.Kind.init(rawValue:)), let task = i.string(),
                  let section = i.strings() else { return nil }
            return Deadline(line: line, quote: quote, date: date, kind: kind, task: task, section: section)
        }
        let responsibilities = input.array { i -> Responsibility? in
            guard let unit = i.string(), let role = i.string().flatMap(Responsibility.Role.init(rawValue:)),
                  let line = i.int(), let tasks = i.strings() else { return nil }
            return Responsibility(unit: unit, role: role, line: line, tasks: tasks)
        }
        let objectives = input.array { i -> Objective? in
            guard let line = i.int(), let text = i.string(), let section = i.strings(),
                  let targets = i.array({ $0.int() }) else { return nil }
            return Objective(line: line, text: text, section: section, targets: targets)
        }
        let tables = input.array { i -> TableRecord? in
            guard let line = i.int(), let header = i.strings(), let rows = i.int(), let groupRows = i.int() else { return nil }
            return TableRecord(line: line, header: header, rows: rows, groupRows: groupRows)
        }
        let recipients = input.strings()
        let diagnostics = input.array { i -> Diagnostic? in
            guard let id = i.string(), let severity = i.string().flatMap(Diagnostic.Severity.init(rawValue:)),
                  let location = i.optional({ i -> SourceLocation? in
                      guard let line = i.int(), let column = i.int() else { return nil }
                      return SourceLocation(line: line, column: column)
                  }),
                  let message = i.string() else { return nil }
            return Diagnostic(id, severity, at: location, message)
        }
        let document = input.optional { i -> DocumentMap? in
            guard let format = i.string().flatMap(DocumentMap.Format.init(rawValue:)) else { return nil }
            let spans = i.array { i -> DocumentMap.Span? in
                guard let first = i.int(), let last = i.int() else { return nil }
                var parts: [Int?] = []
                for _ in 0..<5 {
                    guard let part = i.optional({ $0.int() }) else { return nil }
                    parts.append(part)
                }
                guard let lineBreaks = i.optional({ $0.bool() }) else { return nil }
                return DocumentMap.Span(first: first, last: last, paragraph: parts[0], table: parts[1], row: parts[2],
                                        cell: parts[3], page: parts[4], lineBreaks: lineBreaks)
            }
            return spans.map { DocumentMap(format: format, spans: $0) }
        }
        guard let source, let citations, let sections, let targets, let deadlines, let responsibilities, let objectives,
              let tables, let recipients, let diagnostics, let document else { return nil }
        return Plan(source: source, metadata: metadata, citations: citations, sections: sections, targets: targets,
                    deadlines: deadlines, responsibilities: responsibilities, objectives: objectives, tables: tables,
                    recipients: recipients, diagnostics: diagnostics, document: document)
    }
}

extension Metadata {
    fileprivate func write(to out: inout PlanByteWriter) {
        for field in [number, symbol, docType, issuer, level?.rawValue, place, date, title, signer, signerTitle] {
            out.optional(field) { $0.string($1) }
        }
        out.optional(year) { $0.int($1) }
        out.optional(schoolYear) { $0.string($1) }
    }

    fileprivate static func read(_ input: inout PlanByteReader) -> Metadata? {
        var fields: [String?] = []
        for _ in 0..<10 {
            guard let field = input.optional({ $0.string() }) else { return nil }
            fields.append(field)
        }
        guard let year = input.optional({ $0.int() }), let schoolYear = input.optional({ $0.string() }) else { return nil }
        var level: PlanLevel? = nil
        if let raw = fields[4] {
            guard let known = PlanLevel(rawValue: raw) else { return nil }
            level = known
        }
        return Metadata(number: fields[0], symbol: fields[1], docType: fields[2], issuer: fields[3], level: level, place: fields[5],
                        date: fields[6], title: fields[7], signer: fields[8], signerTitle: fields[9], year: year, schoolYear: schoolYear)
    }
}

extension SectionRecord {
    fileprivate func write(to out: inout PlanByteWriter) {
        out.string(label); out.string(title); out.int(line)
        out.optional(kind?.rawValue) { $0.string($1) }
        out.array(children) { $1.write(to: &$0) }
    }

    /// Sections nest a few levels deep; a damaged file that nests deeper is refused before the
    /// stack runs out.
    fileprivate static func read(_ input: inout PlanByteReader, depth: Int) -> SectionRecord? {
        guard depth < 64, let label = input.string(), let title = input.string(), let line = input.int(),
              let rawKind = input.optional({ $0.string() }) else { return nil }
        var kind: SectionKind? = nil
        if let rawKind {
            guard let known = SectionKind(rawValue: rawKind) else { return nil }
            kind = known
        }
        guard let children = input.array({ SectionRecord.read(&$0, depth: depth + 1) }) else { return nil }
        return SectionRecord(label: label, title: title, line: line, kind: kind, children: children)
    }
}

/// Appends the encoding's primitives.
private struct PlanByteWriter {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(8192) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func int(_ value: Int) {
        unsigned(UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63))
    }

    mutating func double(_ value: Double) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Strings already written, by the order of their first use.
    private var seen: [String: Int] = [:]

    /// A new string as its length (times two) and bytes; one written before as its number
    /// (times two, plus one).
    mutating func string(_ value: String) {
        if let index = seen[value] {
            unsigned(UInt64(index) << 1 | 1)
            return
        }
        seen[value] = seen.count
        unsigned(UInt64(value.utf8.count) << 1)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    mutating func optional<T>(_ value: T?, _ write: (inout PlanByteWriter, T) -> Void) {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        write(&self, value)
    }

    mutating func array<T>(_ values: [T], _ write: (inout PlanByteWriter, T) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }
}

/// Reads the primitives back; every read checks what is left and answers nil past the end.
private struct PlanByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while let byte = byte() {
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }

    mutating func int() -> Int? {
        guard let raw = unsigned() else { return nil }
        return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    mutating func double() -> Double? {
        guard bytes.count - offset >= 8 else { return nil }
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(bytes[offset + k]) << UInt64(8 * k) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func bool() -> Bool? {
        guard let byte = byte(), byte <= 1 else { return nil }
        return byte == 1
    }

    /// The strings read so far, by the order of their first use.
    private var seen: [String] = []

    mutating func string() -> String? {
        guard let tag = unsigned() else { return nil }
        if tag & 1 == 1 {
            let index = tag >> 1
            return index < UInt64(seen.count) ? seen[Int(index)] : nil
        }
        let length = tag >> 1
        guard length <= UInt64(bytes.count - offset) else { return nil }
        let end = offset + Int(length)
        defer { offset = end }
        let value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        seen.append(value)
        return value
    }

    mutating func strings() -> [String]? { array { $0.string() } }

    /// `.some(nil)` for an absent value, nil for damage.
    mutating func optional<T>(_ read: (inout PlanByteReader) -> T?) -> T?? {
        switch byte() {
        case 0: return .some(nil)
        case 1:
            guard let value = read(&self) else { return nil }
            return .some(value)
        default: return nil
        }
    }

    mutating func array<T>(_ read: (inout PlanByteReader) -> T?) -> [T]? {
        // each element takes at least one byte: a count beyond what is left is damage
        guard let count = unsigned(), count <= UInt64(bytes.count - offset) else { return nil }
        var values: [T] = []
        values.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let value = read(&self) else { return nil }
            values.append(value)
        }
        return values
    }
}
