import KehoachLexer
import KehoachText

/// Years that scope targets: "đến năm 2030", "trong năm 2025", a heading "Mục tiêu cụ thể năm
/// 2025". A school year ("năm học 2025-2026"), a period ("giai đoạn 2021-2025") and the name of
/// a programme in quotes are not a due year.
enum YearPhrase {
    static let dueWords = ["đến hết", "đến", "trước", "trong", "vào", "hết", "cuối", "tới"]
    private static let dueWordBytes = dueWords.map { Array($0.utf8) }

    /// Whether the key bytes before a year, spaces and commas trimmed, are a due word or end
    /// with one as a whole word: "… đến", "trong".
    static func endsWithDueWord(_ head: ArraySlice<UInt8>) -> Bool {
        var end = head.endIndex
        while end > head.startIndex, head[end - 1] == 0x20 || head[end - 1] == 0x2C { end -= 1 }
        var start = head.startIndex
        while start < end, head[start] == 0x20 || head[start] == 0x2C { start += 1 }
        let trimmed = head[start..<end]
        return dueWordBytes.contains { word in
            guard trimmed.count >= word.count, trimmed.suffix(word.count).elementsEqual(word) else { return false }
            return trimmed.count == word.count || trimmed[trimmed.endIndex - word.count - 1] == 0x20
        }
    }

    /// Whether the bytes start with a due word as a whole word: "vào năm …", "đến …".
    static func startsWithDueWord(_ bytes: ArraySlice<UInt8>) -> Bool {
        dueWordBytes.contains { word in
            bytes.starts(with: word) && (bytes.count == word.count || !TextBytes.isWordByte(bytes[bytes.startIndex + word.count]))
        }
    }

    /// A due year stated in a clause: "đến năm 2030", "trong năm 2025".
    static func dueYear(in key: String) -> Int? {
        dueYear(in: Array(key.utf8))
    }

    /// The same on key bytes (a clause cut from an item's key).
    static func dueYear(in key: [UInt8]) -> Int? {
        years(in: key).first { $0.hasDueWord && !$0.inQuotes && !$0.afterPeriodWord }?.year
    }

    /// The year a heading scopes its targets to: "Mục tiêu cụ thể năm 2025", "Đến năm 2030".
    static func headingYear(in key: String) -> Int? {
        years(in: key).first { !$0.inQuotes && !$0.afterPeriodWord }?.year
    }

    /// "Giai đoạn 2026 - 2030", "trong giai đoạn 2026-2030": the last year of a period the key
    /// starts with (or, with `within`, that "trong giai đoạn" names anywhere in it).
    static func periodEnd(in key: [UInt8], within: Bool = false) -> Int? {
        period(in: key, within: within)?.to
    }

    /// The first and last years of that period.
    static func period(in key: [UInt8], within: Bool = false) -> (from: Int, to: Int)? {
        let word = within ? Self.withinPeriod : Self.period
        guard let at = within ? key.firstOffset(of: word) : (key.starts(with: word) ? 0 : nil) else { return nil }
        var scanner = ByteScanner(bytes: key, at: at + word.count)
        return yearRange(&scanner)
    }

    /// "2026 - 2030", "2026–2030" at the scanner (after spaces): the first and last years.
    static func yearRange(_ scanner: inout ByteScanner) -> (from: Int, to: Int)? {
        scanner.skipSpaces()
        guard let from = scanner.scanNumber(maxDigits: 4), (1990...2100).contains(from) else { return nil }
        scanner.skipSpaces()
        guard scanner.scan(byte: UInt8(ascii: "-")) || scanner.scan("–", wholeWord: false) else { return nil }
        scanner.skipSpaces()
        guard let to = scanner.scanNumber(maxDigits: 4), to > from, to <= 2100 else { return nil }
        return (from, to)
    }

    private static let period = Array("giai đoạn".utf8)
    private static let withinPeriod = Array("trong giai đoạn".utf8)

    struct Found {
        var year: Int
        var hasDueWord: Bool
        var inQuotes: Bool
        var afterPeriodWord: Bool
    }

    static func years(in key: String) -> [Found] {
        years(in: Array(key.utf8))
    }

    static func years(in key: [UInt8]) -> [Found] {
        var found: [Found] = []
        var scanner = ByteScanner(bytes: key)
        var quoteDepth = 0
        while !scanner.isAtEnd {
            // on to the next “, ” or "năm"
            var position = scanner.position
            key.withUnsafeBufferPointer { bytes in
                while position < bytes.count, bytes[position] != 0x6E, bytes[position] != 0xE2 { position += 1 }
            }
            guard position < key.count else { break }
            scanner.position = position
            if scanner.scan("“", wholeWord: false) { quoteDepth += 1; continue }
            if scanner.scan("”", wholeWord: false) { quoteDepth = max(0, quoteDepth - 1); continue }
            let atWordStart = position == 0 || !TextBytes.isWordByte(scanner.bytes[position - 1])
            if atWordStart, scanner.scan("năm") {
                let afterWord = scanner.position
                scanner.skipSpaces()
                if scanner.scan("học") { continue }
                if let year = scanner.scanNumber(maxDigits: 4), (1990...2100).contains(year) {
                    var headStart = max(0, position - 40)
                    while headStart < position, scanner.bytes[headStart] & 0xC0 == 0x80 { headStart += 1 }
                    let head = scanner.bytes[headStart..<position]
                    let due = endsWithDueWord(head)
                    let period = head.contains(subsequence: "giai đoạn".utf8) || head.contains(subsequence: "định hướng".utf8)
                    found.append(Found(year: year, hasDueWord: due, inQuotes: quoteDepth > 0, afterPeriodWord: period))
                } else {
                    scanner.position = afterWord
                }
                continue
            }
            scanner.position = position + 1
        }
        return found
    }
}
