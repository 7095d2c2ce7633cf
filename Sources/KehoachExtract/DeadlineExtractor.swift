import Foundation
import KehoachGrammar
import KehoachLexer
import KehoachText

/// Finds time expressions that say when something is due or recurs: "trước ngày 25/5/2026",
/// "vào ngày 10/10 hằng năm", "hằng quý (trước ngày 15 tháng cuối quý)", "(tháng 1-2/2025)",
/// "đến năm 2030", and the cells of a table's time column ("6/2025", "Nhiệm vụ thường xuyên").
/// Dates of cited documents, durations ("06 tháng"), the plan's own year and a bare "định kỳ"
/// are not deadlines.
struct DeadlineExtractor {
    let grammar: Grammar
    /// The plan's own year(s): "năm 2025" in an annual plan for 2025 is its scope, not a deadline.
    let planYears: Set<Int>

    struct Found: Hashable {
        var offset: Int
        var quote: String
        var date: String?
        var kind: Deadline.Kind
        /// Where the time expression ends in the item (0 where it is a whole cell or heading).
        var end = 0
    }

    private var words: DeadlineGrammar { grammar.deadlines }

    /// "quý" as its match key spells it (tone placement folded: "qúy"); code literals compared
    /// with keys must be folded the same way.
    private static let quarterWord = Folding.matchKey("quý")
    /// "Quí IV-2025": the older spelling.
    private static let quarterVariant = Folding.matchKey("quí")

    func deadlines(in text: String) -> [Found] {
        deadlines(in: KeyedText(text))
    }

    func deadlines(in item: KeyedText) -> [Found] {
        var found: [Found] = []
        var consumed: [Range<Int>] = []
        func isFree(_ r: Range<Int>) -> Bool { !consumed.contains { $0.overlaps(r) } }

        // recurrences, with the day-month they recur on ("ngày 10/10 hằng năm", "hằng năm (trước ngày 05/12)")
        for match in item.matches(of: words.recurring, in: 0..<item.count) {
            var date: CalendarDate? = nil
            var range = match.range
            if let (before, r) = dayMonth(endingNear: match.range.lowerBound, in: item) { date = before; range = r.lowerBound..<range.upperBound }
            else if let (after, r) = dayMonth(inParenthesesAfter: match.range.upperBound, in: item) { date = after; range = range.lowerBound..<r.upperBound }
            else if let (month, r) = month(endingNear: match.range.lowerBound, in: item) { date = month; range = r.lowerBound..<range.upperBound }
            if let d = date, d.year == nil { date = CalendarDate(year: nil, month: d.month, day: d.day) }
            found.append(Found(offset: quoteStart(range, in: item), quote: item.text(range), date: date?.iso, kind: .recurring))
            consumed.append(range)
            // "(trước ngày 15 tháng cuối quý)": the rest of the parenthesis belongs to the recurrence
            if let close = parenthesis(after: match.range.upperBound, in: item) { consumed.append(match.range.upperBound..<close) }
        }

        // every other form has a number in it: a date, a month, a quarter's year
        guard item.hasDigit else { return found }
        var scanner = ByteScanner(bytes: item.keyBytes)
        for start in Self.timeStarts(in: item.keyBytes) where start >= scanner.position {
            scanner.position = start
            let first = item.keyBytes[start]
            if first == 0x74 || first == 0x71, let (date, range) = rangeOrQuarter(at: &scanner, in: item), isFree(range) {
                consumed.append(range)
                found.append(Found(offset: range.lowerBound, quote: quote(range, in: item), date: date, kind: .during, end: range.upperBound))
                continue
            }
            scanner.position = start
            // "ngày 25/5/2026", "ngày 10 tháng 10", or a bare full date "(10/10/2025)"
            let digitStart = (0x30...0x39).contains(item.keyBytes[start])
            if let date = digitStart ? DateReader.numericDate(&scanner) : DateReader.date(&scanner),
               date.day != nil, isFree(start..<scanner.position), !digitStart || date.year != nil {
                let range = start..<scanner.position
                consumed.append(range)
                if !isCitationDate(at: start, in: item) {
                    let kind: Deadline.Kind = item.phrase(endingAt: start, in: words.before) != nil ? .before : .on
                    found.append(Found(offset: quoteStart(range, in: item), quote: quote(range, in: item), date: date.iso, kind: kind, end: range.upperBound))
                }
                continue
            }
            scanner.position = start
            if let (date, range) = month(at: &scanner, in: item), isFree(range) {
                consumed.append(range)
                let kind: Deadline.Kind = item.phrase(endingAt: range.lowerBound, in: words.before) != nil ? .before : .during
                found.append(Found(offset: quoteStart(range, in: item), quote: quote(range, in: item), date: date, kind: kind, end: range.upperBound))
                continue
            }
            scanner.position = start
            if let (date, kind, range) = year(at: &scanner, in: item), isFree(range) {
                consumed.append(range)
                found.append(Found(offset: quoteStart(range, in: item), quote: quote(range, in: item), date: date, kind: kind, end: range.upperBound))
                continue
            }
            scanner.position = start + 1
        }
        for years in yearsInParentheses(item) where isFree(years.offset..<years.end) { found.append(years) }
        return joiningRanges(found.sorted { $0.offset < $1.offset }, in: item)
    }

    /// "Từ tháng 11/2025 đến quý I/2026", "từ ngày 15/11 đến ngày 15/12", "tháng 11/2025 đến tháng
    /// 4/2026": two time expressions joined by "đến" (or a dash) are one interval, from the start
    /// of the first to the end of the second.
    private func joiningRanges(_ found: [Found], in item: KeyedText) -> [Found] {
        var joined: [Found] = []
        for next in found {
            if let last = joined.last, last.kind != .recurring, next.kind != .recurring, last.end > 0, next.offset >= last.end,
               let from = last.date, let to = next.date, Self.rangeJoiners.contains(withoutClockTime(item.key(last.end..<next.offset)).trimming(" ,")) {
                var start = last.offset
                // "từ" before the first belongs to the interval
                let head = item.key(item.characterStart(start - 8)..<start).trimming(" ")
                if head.hasByteSuffix("từ") { start -= "từ ".utf8.count }
                let interval = "\(from.split(separator: "/").first ?? "")/\(to.split(separator: "/").last ?? "")"
                joined[joined.count - 1] = Found(offset: last.offset, quote: item.text(max(0, start)..<next.end).trimming(" ,;"),
                                                 date: interval, kind: .during, end: next.end)
                continue
            }
            joined.append(next)
        }
        return joined
    }

    private static let rangeJoiners: Set<String> = ["đến", "-", "–", "tới", "đến hết", "cho đến"]

    /// "đến 17 giờ 00, " → "đến ": the words between two dates without a time of day.
    private func withoutClockTime(_ between: String) -> String {
        let item = KeyedText(between)
        var kept: [UInt8] = []
        var i = 0
        while i < item.count {
            // a number followed by a clock word ("17 giờ", "05 giờ 00")
            var j = i
            while j < item.count, (0x30...0x39).contains(item.keyBytes[j]) { j += 1 }
            if j > i, (i == 0 || item.keyBytes[i - 1] == 0x20), let clock = item.phrase(startingAt: j, in: words.clockWords) {
                i = clock.range.upperBound
                continue
            }
            kept.append(item.keyBytes[i])
            i += 1
        }
        return String(decoding: kept, as: UTF8.self).split(separator: " ").joined(separator: " ")
    }

    /// A cell of a table's time column: "2025", "6/2025", "Quý II/2025", "Nhiệm vụ thường xuyên".
    func deadline(inTimeCell cell: String) -> Found? {
        let item = KeyedText(cell)
        let key = item.key.trimming(" .;()")
        if key.isEmpty { return nil }
        if words.ongoing.prefixMatch(of: key) != nil || words.recurring.prefixMatch(of: key) != nil {
            return Found(offset: 0, quote: cell, date: nil, kind: .recurring)
        }
        if let inProse = deadlines(in: cell).first { return inProse }
        // "Năm 2025 - 2030", "Năm 2025": the word adds nothing in a time column
        var scanner = ByteScanner(key: key.hasPrefix("năm ") ? String(key.dropFirst(4)).trimming(" ") : key)
        if let date = DateReader.numericDate(&scanner) {
            return Found(offset: 0, quote: cell, date: date.iso, kind: date.day == nil ? .during : .on)
        }
        scanner.position = 0
        if let first = scanner.scanNumber(maxDigits: 4), (1990...2100).contains(first) {
            scanner.skipSpaces()
            if scanner.scan(byte: UInt8(ascii: "-")) || scanner.scan("–", wholeWord: false) {
                scanner.skipSpaces()
                if let second = scanner.scanNumber(maxDigits: 4), second > first {
                    return Found(offset: 0, quote: cell, date: "\(first)/\(second)", kind: .during)
                }
            }
            return Found(offset: 0, quote: cell, date: "\(first)", kind: .during)
        }
        return nil
    }

    /// The word starts where a time form may begin: a digit or one of a few words. One tight
    /// pass over the key, so that the forms are tried only where they can match.
    private static func timeStarts(in key: [UInt8]) -> [Int] {
        let words = timeWords
        return key.withUnsafeBufferPointer { key in timeFirstBytes.withUnsafeBufferPointer { firstBytes in
            var starts: [Int] = []
            for i in 0..<key.count {
                // only digits and the time words' first bytes start a form: the rest goes by on one load
                let kind = firstBytes[Int(key[i])]
                guard kind != 0, i == 0 || !TextBytes.isWordByte(key[i - 1]) else { continue }
                if kind == 1 { starts.append(i); continue }
                let head = PackedWord.load(key, at: i)
                if words.contains(where: { $0.isPrefix(of: head) }) { starts.append(i) }
            }
            return starts
        } }
    }

    private static let timeWords = ["ngày", "năm", "tháng", "từ", "quý", "quí", "trong giai"].map { PackedWord(Folding.matchKey($0)) }

    /// 1 for a digit, 2 for the first byte of a time word, 0 for any other byte.
    private static let timeFirstBytes: [UInt8] = (0...255).map { byte in
        (0x30...0x39).contains(byte) ? 1 : timeWords.contains { UInt8(truncatingIfNeeded: $0.value) == byte } ? 2 : 0
    }

    /// A word of at most 8 bytes as one integer, so that "does the key continue with it" is a
    /// mask and a compare.
    private struct PackedWord {
        let value: UInt64
        let mask: UInt64

        init(_ word: String) {
            let bytes = Array(word.utf8.prefix(8))
            value = Self.pack(bytes[...])
            mask = bytes.count == 8 ? ~0 : (1 << (8 * UInt64(bytes.count))) - 1
        }

        /// Up to 8 bytes of `key` from `i`, the first in the lowest byte; zeros past the end.
        static func load(_ key: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
            if i + 8 <= key.count, let base = key.baseAddress {
                return UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            }
            return pack(key[i..<min(key.count, i + 8)])
        }

        private static func pack<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
            var value: UInt64 = 0
            for (n, byte) in bytes.enumerated() { value |= UInt64(byte) << (8 * UInt64(n)) }
            return value
        }

        func isPrefix(of head: UInt64) -> Bool { head & mask == value }
    }

    // MARK: - Forms

    /// "từ ngày 10/10/2025 đến ngày 15/10/2025" → one interval; "quý I/2025", "quý 2 năm 2025"
    /// → the quarter's months.
    private func rangeOrQuarter(at scanner: inout ByteScanner, in item: KeyedText) -> (String, Range<Int>)? {
        let start = scanner.position
        if scanner.scan("từ") {
            guard let from = DateReader.date(&scanner), from.day != nil, from.year != nil else { return nil }
            scanner.skipSpaces()
            guard scanner.scan("đến") || scanner.scan(byte: UInt8(ascii: "-")),
                  let to = DateReader.date(&scanner, requireDayWord: false), to.day != nil,
                  let fromISO = from.iso else { return nil }
            let end = CalendarDate(year: to.year ?? from.year, month: to.month, day: to.day)
            guard let toISO = end.iso else { return nil }
            return ("\(fromISO)/\(toISO)", start..<scanner.position)
        }
        // "trong giai đoạn 2026-2030": the period the task runs in
        if scanner.scan("trong giai đoạn") {
            guard let (from, to) = YearPhrase.yearRange(&scanner) else { return nil }
            return ("\(from)/\(to)", start..<scanner.position)
        }
        guard scanner.scan(Self.quarterWord) || scanner.scan(Self.quarterVariant) else { return nil }
        scanner.skipSpaces()
        var quarter = scanner.scanNumber(maxDigits: 1)
        if quarter == nil {
            let romanStart = scanner.position
            var roman = ""
            while let c = scanner.current, c == 0x69 || c == 0x76 { roman.append(Character(UnicodeScalar(c))); scanner.position += 1 }
            quarter = ["i": 1, "ii": 2, "iii": 3, "iv": 4][roman]
            if quarter == nil { scanner.position = romanStart }
        }
        guard let q = quarter, (1...4).contains(q) else { return nil }
        scanner.skipSpaces()
        var year: Int? = nil
        if scanner.scan(byte: UInt8(ascii: "/")) || scanner.scan(byte: UInt8(ascii: "-")) { year = scanner.scanNumber(maxDigits: 4) }
        else if scanner.scan("năm") { scanner.skipSpaces(); year = scanner.scanNumber(maxDigits: 4) }
        guard let y = year, (1990...2100).contains(y) else { return nil }
        func month(_ m: Int) -> String { m < 10 ? "\(y)-0\(m)" : "\(y)-\(m)" }
        return ("\(month(q * 3 - 2))/\(month(q * 3))", start..<scanner.position)
    }

    /// "tháng 1-2/2025", "tháng 9/2025", "tháng 9 năm 2025", "trong tháng 12/2025", and a bare
    /// "6/2025" after a deadline word.
    private func month(at scanner: inout ByteScanner, in item: KeyedText) -> (String, Range<Int>)? {
        let start = scanner.position
        let hasWord = scanner.scan("tháng")
        if hasWord {
            // "06 tháng" is a duration
            if start > 1, (0x30...0x39).contains(scanner.bytes[start - 2]) { return nil }
            scanner.skipSpaces()
        }
        guard let first = scanner.scanNumber(maxDigits: 2), (1...12).contains(first) else { return nil }
        var last = first
        // "tháng 11 - 12/2025": spaces around the dash
        let beforeDash = scanner.position
        scanner.skipSpaces()
        if !(scanner.current == UInt8(ascii: "-") || scanner.current == UInt8(ascii: ",")) { scanner.position = beforeDash }
        if scanner.scan(byte: UInt8(ascii: "-")) || scanner.scan(byte: UInt8(ascii: ",")) {
            scanner.skipSpaces()
            guard let second = scanner.scanNumber(maxDigits: 2), (first...12).contains(second) else { return nil }
            last = second
        }
        var year: Int? = nil
        if scanner.scan(byte: UInt8(ascii: "/")) {
            year = scanner.scanNumber(maxDigits: 4)
        } else if hasWord {
            let save = scanner.position
            scanner.skipSpaces()
            if scanner.scan("năm") { scanner.skipSpaces(); year = scanner.scanNumber(maxDigits: 4) }
            if year == nil { scanner.position = save }
        }
        guard let y = year, (1990...2100).contains(y) else { return nil }
        if !hasWord {
            // a bare "6/2025" needs a word that makes it a time: "trước 6/2025", "trong 6/2025"
            guard item.phrase(endingAt: start, in: words.before) != nil || item.phrase(endingAt: start, in: words.during) != nil else { return nil }
        }
        func iso(_ m: Int) -> String { m < 10 ? "\(y)-0\(m)" : "\(y)-\(m)" }
        return (first == last ? iso(first) : "\(iso(first))/\(iso(last))", start..<scanner.position)
    }

    /// "đến năm 2030" (before), "trong năm 2026" (during), "năm 2025 - 2030": not the plan's own
    /// year, not a period of a programme ("giai đoạn …", "định hướng đến năm …"), not in quotes.
    private func year(at scanner: inout ByteScanner, in item: KeyedText) -> (String, Deadline.Kind, Range<Int>)? {
        let start = scanner.position
        guard scanner.scan("năm") else { return nil }
        scanner.skipSpaces()
        guard let first = scanner.scanNumber(maxDigits: 4), (1990...2100).contains(first) else { return nil }
        var end = scanner.position
        var second: Int? = nil
        let save = scanner.position
        scanner.skipSpaces()
        if scanner.scan(byte: UInt8(ascii: "-")) || scanner.scan("–", wholeWord: false) {
            scanner.skipSpaces()
            if let s = scanner.scanNumber(maxDigits: 4), s > first { second = s; end = scanner.position }
        }
        if second == nil { scanner.position = save }
        let headStart = item.characterStart(start - 50)
        let head = item.key(headStart..<start)
        if !item.matches(of: words.periodWords, in: headStart..<start).isEmpty || Self.isInQuotes(start, in: item) { return nil }
        // "Từ năm 2013 đến năm 2020": a range of years
        if second == nil, head.trimming(" ").hasByteSuffix("từ") {
            let save = scanner.position
            scanner.skipSpaces()
            if scanner.scan("đến") || scanner.scan("tới") {
                scanner.skipSpaces()
                _ = scanner.scan("năm")
                scanner.skipSpaces()
                if let s = scanner.scanNumber(maxDigits: 4), s > first, s <= 2100 { second = s; end = scanner.position }
            }
            if second == nil { scanner.position = save }
        }
        if isInCitedTitle(start, in: item) { return nil }
        let precededBy = item.phrase(endingAt: start, in: words.before) != nil ? Deadline.Kind.before
            : YearPhrase.endsWithDueWord(item.keyBytes[item.characterStart(start - 50)..<start]) ? .during
            : second != nil && head.trimming(" ").hasByteSuffix("từ") ? .during
            : isYearLabel(start, end: end, in: item) ? .during : nil
        guard var kind = precededBy else { return nil }
        let trimmedHead = head.trimming(" ,")
        if trimmedHead.hasByteSuffix("đến") || trimmedHead.hasByteSuffix("đến hết") {
            kind = .before
            // "Chương trình … phòng, chống ma túy đến năm 2030": the programme's name
            if second == nil, isProgrammeHorizon(start, end: end, in: item) { return nil }
        }
        if let s = second { return ("\(first)/\(s)", .during, start..<end) }
        guard !planYears.contains(first) else { return nil }
        return ("\(first)", kind, start..<end)
    }

    /// "Chương trình … phòng, chống ma túy đến năm 2030": the year ends a programme's name (a
    /// programme word earlier in the clause, no goal between it and the year or right after it).
    private func isProgrammeHorizon(_ start: Int, end: Int, in item: KeyedText) -> Bool {
        let clause = item.clause(around: start)
        guard let programme = item.matches(of: words.programmeWords, in: clause.lowerBound..<start).last else { return false }
        let after = min(item.count, end + 12)
        return item.matches(of: words.goalWords, in: (clause.lowerBound + programme.range.upperBound)..<after).isEmpty
    }

    /// Whether `offset` falls between an opening “ and its ”: the title of something named.
    private static func isInQuotes(_ offset: Int, in item: KeyedText) -> Bool {
        var open = 0
        var i = 0
        let opening = Array("“".utf8), closing = Array("”".utf8)
        while i + 2 < offset {
            if item.keyBytes[i] == 0xE2, item.keyBytes[i + 1] == 0x80 {
                if item.keyBytes[i + 2] == opening[2] { open += 1 } else if item.keyBytes[i + 2] == closing[2] { open = max(0, open - 1) }
            }
            i += 1
        }
        return open > 0
    }

    /// "Năm 2018: …", "…; năm 2018 đạt 99%": a year that opens a sentence or a part of a list
    /// and the targets or tasks that follow are for that year.
    private func isYearLabel(_ start: Int, end: Int, in item: KeyedText) -> Bool {
        var before = start
        while before > 0, item.keyBytes[before - 1] == 0x20 { before -= 1 }
        let opens = before == 0 || [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(item.keyBytes[before - 1])
        guard opens else { return false }
        var after = end
        while after < item.count, item.keyBytes[after] == 0x20 { after += 1 }
        guard after < item.count else { return false }
        return item.keyBytes[after] == UInt8(ascii: ":") || item.keyBytes[after] == UInt8(ascii: ",")
            || item.key(after..<item.count).hasBytePrefix("đạt ")
    }

    /// A year in the title of a document the plan cites ("Nghị quyết số 09-NQ/TU … về … đến năm
    /// 2030"): the cited document's period, not a deadline of the plan.
    private func isInCitedTitle(_ start: Int, in item: KeyedText) -> Bool {
        var from = start
        while from > 0, !item.isClauseEnd(from - 1), start - from < 240 { from -= 1 }
        let head = item.keyBytes[from..<start]
        guard let about = head.lastOffset(of: " về ".utf8) else { return false }
        let beforeAbout = head.prefix(about)
        // a document number before "về": digits, a slash, letters ("09-NQ/TU", "131/QĐ-TTg")
        for i in beforeAbout.indices.dropFirst() where head[i] == UInt8(ascii: "/") && i + 1 < head.endIndex && TextBytes.isWordByte(head[i + 1]) {
            // "131/QĐ-TTg", "09-NQ/TU": a digit in the word before the slash
            var j = i - 1
            while j >= head.startIndex, head[j] != 0x20 {
                if (0x30...0x39).contains(head[j]) { return true }
                j -= 1
            }
        }
        return false
    }

    // MARK: - Helpers

    /// "ngày 10/10" or "ngày 10 tháng 10" ending just before a recurrence word.
    private func dayMonth(endingNear offset: Int, in item: KeyedText) -> (CalendarDate, Range<Int>)? {
        let lower = item.characterStart(offset - 30)
        guard let found = item.keyBytes[lower..<offset].lastOffset(of: "ngày".utf8) else { return nil }
        let start = lower + found
        var scanner = ByteScanner(bytes: item.keyBytes, at: start)
        guard let date = DateReader.date(&scanner), date.day != nil,
              item.key(scanner.position..<offset).trimming(" ,") .isEmpty else { return nil }
        return (date, start..<scanner.position)
    }

    /// "tháng 10" ending just before a recurrence word ("Tháng 10 hằng năm").
    private func month(endingNear offset: Int, in item: KeyedText) -> (CalendarDate, Range<Int>)? {
        let lower = item.characterStart(offset - 16)
        guard let found = item.keyBytes[lower..<offset].lastOffset(of: "tháng".utf8) else { return nil }
        let start = lower + found
        var scanner = ByteScanner(bytes: item.keyBytes, at: start + "tháng".utf8.count)
        scanner.skipSpaces()
        guard let month = scanner.scanNumber(maxDigits: 2), (1...12).contains(month),
              item.key(scanner.position..<offset).trimming(" ,").isEmpty else { return nil }
        return (CalendarDate(year: nil, month: month), start..<scanner.position)
    }

    /// "(trước ngày 05/12)" right after a recurrence word.
    private func dayMonth(inParenthesesAfter offset: Int, in item: KeyedText) -> (CalendarDate, Range<Int>)? {
        guard let close = parenthesis(after: offset, in: item) else { return nil }
        guard let found = item.keyBytes[offset..<close].firstOffset(of: "ngày".utf8) else { return nil }
        let start = offset + found
        var scanner = ByteScanner(bytes: item.keyBytes, at: start)
        guard let date = DateReader.date(&scanner), date.day != nil else { return nil }
        return (date, offset..<close)
    }

    /// The end of a parenthesis that opens right after `offset`.
    private func parenthesis(after offset: Int, in item: KeyedText) -> Int? {
        var i = offset
        while i < item.count, item.keyBytes[i] == 0x20 { i += 1 }
        guard i < item.count, item.keyBytes[i] == UInt8(ascii: "(") else { return nil }
        guard let close = item.keyBytes[i...].prefix(120).firstIndex(of: UInt8(ascii: ")")) else { return nil }
        return close + 1
    }

    /// A date printed right after a document number or "ban hành" belongs to a citation.
    private func isCitationDate(at offset: Int, in item: KeyedText) -> Bool {
        let key = item.keyBytes
        let start = max(0, offset - 40)
        var end = offset
        while end > start, key[end - 1] == 0x20 || key[end - 1] == 0x2C { end -= 1 }
        guard end > start else { return false }
        let head = key[start..<end]
        // "364/KH-UBND ngày …" (or "227/QĐ- TTg ngày …"): a number with a slash and a letter in
        // the last two words before the date
        let lastSpace = head.lastIndex(of: 0x20) ?? (start - 1)
        let lastWord = head[(lastSpace + 1)...]
        let wordBefore = head[((head[..<max(head.startIndex, lastSpace)].lastIndex(of: 0x20) ?? (start - 1)) + 1)..<max(head.startIndex, lastSpace)]
        for word in [lastWord, wordBefore] where word.contains(0x2F) && String(decoding: word, as: UTF8.self).contains(where: \.isLetter) {
            return true
        }
        return Self.citingWords.contains { head.count >= $0.count && head.suffix($0.count).elementsEqual($0) }
    }

    private static let citingWords = ["ban hành", "ký", "phê duyệt"].map { Array($0.utf8) }

    /// A deadline's quote, with the word that makes it one ("trước ngày 25/5/2026").
    private func quote(_ range: Range<Int>, in item: KeyedText) -> String {
        item.text(quoteStart(range, in: item)..<range.upperBound).trimming(" ,;")
    }

    /// Where the quote starts: its line is the deadline's line, even when the date is wrapped
    /// onto the next one.
    private func quoteStart(_ range: Range<Int>, in item: KeyedText) -> Int {
        item.phrase(endingAt: range.lowerBound, in: words.before)?.range.lowerBound ?? range.lowerBound
    }

    /// "(2025 - 2026)", "(2026 trở đi)", "(xuyên suốt 2025 - 2035)": the years of a task, in the
    /// parenthesis after it.
    private func yearsInParentheses(_ item: KeyedText) -> [Found] {
        var found: [Found] = []
        var from = 0
        while let open = item.keyBytes[from...].firstIndex(of: UInt8(ascii: "(")) {
            from = open + 1
            guard let close = item.keyBytes[from...].prefix(40).firstIndex(of: UInt8(ascii: ")")),
                  item.keyBytes[from..<close].contains(where: { (0x30...0x39).contains($0) }) else { continue }
            var scanner = ByteScanner(bytes: Array(item.keyBytes[from..<close]))
            // up to two words before the years ("xuyên suốt")
            for _ in 0..<2 {
                scanner.skipSpaces()
                guard let c = scanner.current, !(0x30...0x39).contains(c) else { break }
                while let c = scanner.current, c != 0x20 { scanner.position += 1 }
            }
            scanner.skipSpaces()
            guard let first = scanner.scanNumber(maxDigits: 4), (1990...2100).contains(first) else { continue }
            scanner.skipSpaces()
            var date = "\(first)"
            if scanner.scan(byte: UInt8(ascii: "-")) || scanner.scan("–", wholeWord: false) {
                scanner.skipSpaces()
                guard let second = scanner.scanNumber(maxDigits: 4), second > first, second <= 2100 else { continue }
                date = "\(first)/\(second)"
                scanner.skipSpaces()
            } else if scanner.scan("trở đi") {
                scanner.skipSpaces()
            }
            guard scanner.isAtEnd else { continue }
            found.append(Found(offset: open, quote: item.text(open..<(close + 1)), date: date, kind: .during, end: close + 1))
        }
        return found
    }
}
