import KehoachGrammar
import KehoachLexer
import KehoachText

/// The letterhead: what stands above the document type line — the issuing body, the national
/// motto, `Số: …`, the place and date — however a copy laid it out: one field a line, the two
/// columns side by side (`|`, tabs) or glued into one line, interleaved line by line, one column
/// after the other, or broken into cells on lines of their own with words split mid-way (a web
/// copy). The lines are read as cells of text (a cell ends at a blank line, a rule or a cell
/// border, and joins its lines with spaces); in each cell the fields are found wherever they
/// stand, and what is left in capitals names the issuer.
struct Letterhead {
    var number: HeaderField<DocumentNumber>?
    var place: HeaderField<String>?
    var date: HeaderField<CalendarDate>?
    /// The pieces that name the issuing body, in order, each with the line it was read on.
    var issuerLines: [(text: String, location: SourceLocation)] = []
    /// Lines in capitals after the place-date that name no body: the title, when the type line
    /// ("KẾ HOẠCH") is missing.
    var titleLines: [(text: String, location: SourceLocation)] = []
    var diagnostics: [Diagnostic] = []

    init(_ tokens: ArraySlice<Token>, grammar: HeaderGrammar) {
        var cells = Self.cells(tokens)
        var index = 0
        while index < cells.count {
            // "Số:" closing a cell: its number is the next cell ("Số:" | "118/KH-UBND"); likewise
            // "…, ngày" and the "tháng … năm …" after a blank line
            if index + 1 < cells.count, let next = cells[index + 1].key.utf8.first,
               Self.endsWithNumberWord(cells[index].key) && (next == UInt8(ascii: "/") || (0x30...0x39).contains(next))
                || cells[index].key.hasByteSuffix("ngày") && cells[index + 1].key.hasBytePrefix("tháng") {
                cells[index].append(cells[index + 1].text, key: cells[index + 1].key, at: cells[index + 1].location)
                cells.remove(at: index + 1)
            }
            read(cells[index], grammar: grammar)
            index += 1
        }
    }

    /// "… Số:" or "Số" as the last word.
    private static func endsWithNumberWord(_ key: String) -> Bool {
        let trimmed = key.trimming(" :")
        guard trimmed.hasByteSuffix("số") else { return false }
        let before = trimmed.utf8.dropLast("số".utf8.count).last
        return before == nil || before == 0x20
    }

    /// The letterhead's lines as cells.
    static func cells(_ tokens: ArraySlice<Token>) -> [TextRun] {
        var cells: [TextRun] = []
        var current: TextRun? = nil
        func close() {
            if let cell = current, !cell.text.isEmpty { cells.append(cell) }
            current = nil
        }
        for token in tokens {
            switch token.kind {
            case .blank, .rule:
                close()
            case .tableRow(let values):
                close()
                for value in values where !value.isEmpty {
                    cells.append(TextRun(value, at: token.location))
                }
            default:
                if current == nil { current = TextRun(token.text, key: token.key, at: token.location) }
                else { current!.append(token.text, key: token.key, at: token.location) }
            }
        }
        close()
        return cells
    }

    // MARK: - One cell

    private mutating func read(_ cell: TextRun, grammar: HeaderGrammar) {
        let key = Array(cell.key.utf8)
        let text = Array(cell.text.utf8)
        var spans: [Range<Int>] = []
        var mottoSpans: [Range<Int>] = []
        key.withUnsafeBufferPointer { bytes in
            mottoSpans = grammar.motto.matches(in: bytes).map(\.range)
            spans += mottoSpans
            spans += grammar.stamps.matches(in: bytes).map(\.range)
        }
        spans += Self.rules(in: key)
        if number == nil, let (found, range) = Self.number(in: key, text: text, at: cell, diagnostics: &diagnostics) {
            number = found
            spans.append(range)
        }
        var dateEnd = date == nil ? Int.max : 0
        if date == nil, let found = placeDate(in: key, text: text, cell: cell, outside: spans) {
            date = found.date
            place = found.place
            spans.append(found.range)
            dateEnd = found.range.upperBound
        }
        for piece in Self.gaps(between: spans, count: key.count) {
            // words right beside the motto that name no body are the rest of a misprinted motto
            // ("CỘNG HỊA XÃ HỘI" before "CHỦ NGHĨA VIỆT NAM")
            let besideMotto = mottoSpans.contains { $0.lowerBound == piece.upperBound || $0.upperBound == piece.lowerBound }
            if besideMotto, key[piece].withUnsafeBufferPointer({ grammar.issuingBodies.matches(in: $0).isEmpty && grammar.bodyHeads.matches(in: $0).isEmpty
                                                                  && grammar.places(in: $0).isEmpty }) { continue }
            for (range, location) in Self.lines(of: piece, in: cell) {
                let line = String(decoding: text[range], as: UTF8.self).trimming(Self.punctuation)
                guard !line.isEmpty else { continue }
                let lineKey = Folding.matchKey(line)
                let namesBody = grammar.issuingBodies.prefixMatch(of: lineKey) != nil
                    || grammar.bodyHeads.prefixMatch(of: lineKey) != nil && line.first?.isUppercase == true
                if piece.lowerBound >= dateEnd, !namesBody, Folding.isAllCapitals(line) {
                    titleLines.append((line, location))
                } else if Folding.isAllCapitals(line) || namesBody {
                    issuerLines.append((line, location))
                }
            }
        }
    }

    static let punctuation = " \t-–—_|*:;,.()[]"

    /// Runs of three or more `-`, `_`, `=`, `*` (the rules under the letterhead's lines).
    static func rules(in key: [UInt8]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = 0
        while i < key.count {
            guard key[i] == 0x2D || key[i] == 0x5F || key[i] == 0x3D || key[i] == 0x2A else { i += 1; continue }
            var j = i
            while j < key.count, key[j] == 0x2D || key[j] == 0x5F || key[j] == 0x3D || key[j] == 0x2A { j += 1 }
            if j - i >= 3 { found.append(i..<j) }
            i = j
        }
        return found
    }

    /// `Số: 364/KH-PGDĐT`, `Số 12/QĐ-UBND`, `Số: …/KH-UBND` (blank) anywhere in the cell.
    private static func number(in key: [UInt8], text: [UInt8], at cell: TextRun,
                               diagnostics: inout [Diagnostic]) -> (HeaderField<DocumentNumber>, Range<Int>)? {
        let word = Array("số".utf8)
        var from = 0
        while let found = key[from...].firstOffset(of: word) {
            let start = from + found
            from = start + word.count
            guard start == 0 || !TextBytes.isWordByte(key[start - 1]), from == key.count || !TextBytes.isWordByte(key[from]) else { continue }
            var i = from
            while i < key.count, key[i] == 0x20 { i += 1 }
            if i < key.count, key[i] == UInt8(ascii: ":") { i += 1 }
            while i < key.count, key[i] == 0x20 || key[i] == UInt8(ascii: ".") { i += 1 }
            // a blank serial is often dotted out: "Số: ……/KH-UBND"
            while i + 2 < key.count, key[i] == 0xE2, key[i + 1] == 0x80, key[i + 2] == 0xA6 { i += 3 }
            guard i < key.count, key[i] == UInt8(ascii: "/") || (0x30...0x39).contains(key[i]) else { continue }
            let scalars = Array(String(decoding: text[i...], as: UTF8.self).unicodeScalars)
            let location = cell.location(atUTF8: start)
            guard let (number, end) = DocumentNumber.read(scalars, at: 0, allowBlankSerial: true) else {
                let printed = String(decoding: text[start..<min(text.count, i + 20)], as: UTF8.self)
                diagnostics.append(Diagnostic("header.number-unreadable", at: location, "the document number '\(printed)' could not be read"))
                return nil
            }
            let byteEnd = i + scalars[..<end].reduce(0) { $0 + UTF8.width($1) }
            if number.serial == nil {
                diagnostics.append(Diagnostic("header.number-blank", .note, at: location,
                                              "the document number is blank ('\(String(decoding: text[start..<byteEnd], as: UTF8.self))'): not yet numbered"))
            }
            return (HeaderField(number, at: location), start..<byteEnd)
        }
        return nil
    }

    /// `Place, ngày 30 tháng 9 năm 2024` anywhere in the cell; the place is what stands before
    /// the comma, back to the field before it: the words in capitals if the last one is, else
    /// the words not in capitals (a place-date glued after the motto or the number).
    private func placeDate(in key: [UInt8], text: [UInt8], cell: TextRun, outside spans: [Range<Int>])
        -> (place: HeaderField<String>?, date: HeaderField<CalendarDate>, range: Range<Int>)? {
        let word = Array("ngày".utf8)
        var from = 0
        while let found = key[from...].firstOffset(of: word) {
            let start = from + found
            from = start + word.count
            guard start == 0 || !TextBytes.isWordByte(key[start - 1]), !spans.contains(where: { $0.contains(start) }) else { continue }
            var scanner = ByteScanner(bytes: key, at: start)
            guard let date = DateReader.date(&scanner), date.year != nil else { continue }
            let dateEnd = scanner.position
            var comma = start
            while comma > 0, key[comma - 1] == 0x20 { comma -= 1 }
            let lowerBound = spans.filter { $0.upperBound <= start }.map(\.upperBound).max() ?? 0
            var placeStart = comma
            if comma > lowerBound, key[comma - 1] == UInt8(ascii: ",") {
                placeStart = Self.placeStart(in: text, before: comma - 1, from: lowerBound)
            }
            let placeText = placeStart < comma ? String(decoding: text[placeStart..<(comma - 1)], as: UTF8.self).trimming(Self.punctuation) : ""
            let place = placeText.isEmpty ? nil : HeaderField(placeText, at: cell.location(atUTF8: placeStart))
            return (place, HeaderField(date, at: cell.location(atUTF8: placeStart)), min(placeStart, start)..<dateEnd)
        }
        return nil
    }

    /// Where the place before a place-date's comma starts: at most seven words back, and no
    /// further than `lowerBound`.
    private static func placeStart(in text: [UInt8], before comma: Int, from lowerBound: Int) -> Int {
        var words: [Range<Int>] = []
        var end = comma
        while end > lowerBound, words.count < 8 {
            while end > lowerBound, text[end - 1] == 0x20 { end -= 1 }
            var start = end
            while start > lowerBound, text[start - 1] != 0x20 { start -= 1 }
            guard start < end else { break }
            words.append(start..<end)
            end = start
        }
        guard let last = words.first else { return comma }
        func capitals(_ r: Range<Int>) -> Bool { Folding.isAllCapitals(String(decoding: text[r], as: UTF8.self)) }
        let lastInCapitals = capitals(last)
        var start = last.lowerBound
        for word in words.dropFirst().prefix(6) {
            guard capitals(word) == lastInCapitals else { break }
            start = word.lowerBound
        }
        return start
    }

    /// The parts of `0..<count` that no span covers.
    static func gaps(between spans: [Range<Int>], count: Int) -> [Range<Int>] {
        var gaps: [Range<Int>] = []
        var position = 0
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if span.lowerBound > position { gaps.append(position..<span.lowerBound) }
            position = max(position, span.upperBound)
        }
        if position < count { gaps.append(position..<count) }
        return gaps
    }

    /// A range of a cell cut at the cell's line breaks, each part with where it starts.
    private static func lines(of range: Range<Int>, in cell: TextRun) -> [(Range<Int>, SourceLocation)] {
        var cuts = cell.pieces.map(\.offset).filter { $0 > range.lowerBound && $0 < range.upperBound }
        cuts.append(range.upperBound)
        var parts: [(Range<Int>, SourceLocation)] = []
        var start = range.lowerBound
        for cut in cuts {
            if start < cut { parts.append((start..<cut, cell.location(atUTF8: start))) }
            start = cut
        }
        return parts
    }
}
