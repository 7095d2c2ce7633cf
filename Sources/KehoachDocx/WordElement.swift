import Foundation

/// The WordprocessingML elements kehoach reacts to, known by their local name in the `w`
/// namespace. Everything else is walked through (its text still counts) or, when listed in
/// `WordPart.skipped`, jumped over.
enum WordElement: String, CaseIterable {
    // document.xml
    case p, pPr, pStyle, numPr, ilvl, numId, r, rPr, rStyle, t, tab, br, cr, noBreakHyphen, caps, vanish
    case del, moveFrom, delText, instrText, fldChar, fldSimple, drawing, pict, object, sectPr, txbxContent
    case footnoteReference, endnoteReference, commentReference
    case tbl, tblPr, tblStyle, tblBorders, tr, tc, tcPr, tcBorders, gridSpan, vMerge
    // numbering.xml
    case abstractNum, abstractNumId, num, lvl, start, numFmt, lvlText, lvlRestart, isLgl, suff, lvlOverride, startOverride
    // styles.xml
    case style, basedOn

    /// The names by length and first byte, then compared in full, with no String made and no
    /// reference counted per tag (this runs for every tag of document.xml).
    private static let lookup = NameTable(allCases.map { ($0.rawValue, $0) })

    init?(_ local: Range<Int>, in scanner: XMLScanner) {
        guard let found = Self.lookup.find(local, in: scanner.bytes) else { return nil }
        self = found
    }
}

/// Names in one flat buffer, found by length and first byte: `slots[length << 7 | first]` is
/// where their candidates start and how many there are. The buffers live as long as the
/// program (they belong to a static table).
struct NameTable<Value>: @unchecked Sendable {
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let starts: UnsafeMutableBufferPointer<Int>
    private let values: UnsafeMutableBufferPointer<Value>
    private let slots: UnsafeMutableBufferPointer<UInt32>

    init(_ entries: [(String, Value)]) {
        let sorted = entries.sorted { Self.key(Array($0.0.utf8)) < Self.key(Array($1.0.utf8)) }
        let names = sorted.map { Array($0.0.utf8) }
        bytes = .allocate(capacity: names.reduce(0) { $0 + $1.count })
        starts = .allocate(capacity: names.count)
        slots = .allocate(capacity: 32 << 7)
        slots.initialize(repeating: 0)
        values = .allocate(capacity: sorted.count)
        _ = values.initialize(from: sorted.map(\.1))
        var at = 0
        for (i, name) in names.enumerated() {
            precondition(!name.isEmpty && name.count < 32 && name[0] < 0x80)
            starts[i] = at
            for byte in name { bytes[at] = byte; at += 1 }
            let k = Self.key(name)
            slots[k] = slots[k] == 0 ? UInt32(i) << 8 | 1 : slots[k] + 1
        }
    }

    private static func key(_ name: [UInt8]) -> Int { name.count << 7 | Int(name[0] & 0x7F) }

    func find(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Value? {
        let count = range.count
        guard count > 0, count < 32, range.upperBound <= text.count, let base = text.baseAddress else { return nil }
        let first = text[range.lowerBound]
        guard first < 0x80 else { return nil }
        let slot = slots[count << 7 | Int(first)]
        let start = Int(slot >> 8)
        for i in start..<(start + Int(slot & 0xFF)) where memcmp(base + range.lowerBound, bytes.baseAddress! + starts[i], count) == 0 {
            return values[i]
        }
        return nil
    }
}
