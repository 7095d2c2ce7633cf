import KehoachText

/// What the text operators need of a font (ISO 32000-1, 9.6–9.7): how to cut a string into
/// character codes, each code's Unicode text and its advance width (in thousandths of the
/// font size). Simple fonts use one byte per code, Type0 fonts their CMap's code lengths
/// (two bytes for Identity-H).
struct PDFFont {
    private var toUnicode: ToUnicodeMap?
    /// Simple fonts: the base encoding with its `/Differences`.
    private var encoding: [UInt32: String] = [:]
    private var widths: [UInt32: Double] = [:]
    private var defaultWidth: Double
    private let isComposite: Bool

    /// A font that names nothing kehoach can read still advances and maps bytes as Latin-1.
    static let fallback = PDFFont()

    private init() {
        defaultWidth = 500
        isComposite = false
    }

    init(_ dictionary: [String: PDFObject], file: PDFFile) {
        isComposite = dictionary["Subtype"]?.name == "Type0"
        toUnicode = file.resolve(dictionary["ToUnicode"]).flatMap(file.data(of:)).map(ToUnicodeMap.init)
        if isComposite {
            let descendant = file.resolve(file.resolve(dictionary["DescendantFonts"])?.array?.first)?.dictionary ?? [:]
            defaultWidth = file.resolve(descendant["DW"])?.number ?? 1000
            widths = Self.compositeWidths(file.resolve(descendant["W"])?.array ?? [], file: file)
        } else {
            let descriptor = file.resolve(dictionary["FontDescriptor"])?.dictionary ?? [:]
            defaultWidth = file.resolve(descriptor["MissingWidth"])?.number ?? 500
            let first = file.resolve(dictionary["FirstChar"])?.int ?? 0
            for (i, width) in (file.resolve(dictionary["Widths"])?.array ?? []).prefix(65_536).enumerated() {
                if let w = file.resolve(width)?.number, first + i >= 0 { widths[UInt32(first + i)] = w }
            }
            encoding = Self.simpleEncoding(file.resolve(dictionary["Encoding"]), file: file)
        }
    }

    /// `[c [w1 w2 …]]` and `[c1 c2 w]` runs.
    private static func compositeWidths(_ items: [PDFObject], file: PDFFile) -> [UInt32: Double] {
        var widths: [UInt32: Double] = [:]
        var i = 0
        while i < items.count, widths.count < 1 << 20 {
            guard let first = file.resolve(items[i])?.int, first >= 0 else { i += 1; continue }
            if i + 1 < items.count, let list = file.resolve(items[i + 1])?.array {
                for (k, w) in list.enumerated() { if let w = file.resolve(w)?.number { widths[UInt32(first + k)] = w } }
                i += 2
            } else if i + 2 < items.count, let last = file.resolve(items[i + 1])?.int, let w = file.resolve(items[i + 2])?.number,
                      last >= first, last - first < 65_536 {
                for code in first...last { widths[UInt32(code)] = w }
                i += 3
            } else {
                i += 1
            }
        }
        return widths
    }

    /// WinAnsi (Windows-1252) as the base for every simple font, its `/Differences` applied.
    private static func simpleEncoding(_ value: PDFObject?, file: PDFFile) -> [UInt32: String] {
        var table: [UInt32: String] = [:]
        for code in 0x20...0xFF where !(0x80...0x9F).contains(code) {
            table[UInt32(code)] = String(UnicodeScalar(UInt8(code)))
        }
        for (offset, value) in Windows1252.row80.enumerated() {
            if let value, let scalar = Unicode.Scalar(value) { table[UInt32(0x80 + offset)] = String(scalar) }
        }
        guard let differences = value?["Differences"].flatMap(file.resolve)?.array else { return table }
        var code = 0
        for item in differences {
            if let n = item.int {
                code = n
            } else if let name = item.name {
                if let text = GlyphNames.text(name), code >= 0 { table[UInt32(code)] = text }
                code += 1
            }
        }
        return table
    }

    /// The codes of a shown string, each with its text and width.
    func glyphs(_ string: [UInt8]) -> [(code: UInt32, text: String, width: Double, isSpace: Bool)] {
        var out: [(code: UInt32, text: String, width: Double, isSpace: Bool)] = []
        var i = 0
        while i < string.count {
            let length = codeLength(string, at: i)
            let code = string[i..<min(i + length, string.count)].reduce(0 as UInt32) { $0 << 8 | UInt32($1) }
            i += length
            let text = toUnicode?.mapping[code] ?? (isComposite ? "" : encoding[code] ?? "")
            out.append((code, text, widths[code] ?? defaultWidth, length == 1 && code == 32))
        }
        return out
    }

    private func codeLength(_ string: [UInt8], at i: Int) -> Int {
        guard isComposite else { return 1 }
        guard let lengths = toUnicode?.codeLengths, !lengths.isEmpty, !(lengths.count == 1 && lengths[0] == 2) else { return 2 }
        // the shortest length whose code is mapped
        for length in lengths where i + length <= string.count {
            let code = string[i..<(i + length)].reduce(0 as UInt32) { $0 << 8 | UInt32($1) }
            if toUnicode?.mapping[code] != nil { return length }
        }
        return lengths.last!
    }
}
