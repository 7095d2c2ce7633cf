import KehoachText

/// Reads the date forms of Vietnamese administrative text from a match key:
/// `ngày 08 tháng 10 năm 2025`, `ngày tháng 12 năm 2025` (blank day), `ngày 08/10/2025`,
/// `ngày15/3/2019` (lost space), `04tháng`, and a place-date line `An Lão, ngày 30 tháng 9 năm 2024`.
public enum DateReader {
    /// A date that starts at the scanner's position with the word "ngày" (or, when `requireDay`
    /// is false, with "tháng" or digits). On success the scanner stands after the date.
    public static func date(_ s: inout ByteScanner, requireDayWord: Bool = true) -> CalendarDate? {
        let start = s.position
        s.skipSpaces()
        let hasDayWord = s.scan("ngày", wholeWord: false)
        if requireDayWord && !hasDayWord { s.position = start; return nil }
        s.skipSpaces()
        // ngày 08/10/2025, ngày 8-10-2025, ngày 08.10.2025
        let numericStart = s.position
        if let numeric = numericDate(&s), numeric.day != nil || !hasDayWord {
            return numeric
        }
        s.position = numericStart
        let day = s.scanNumber(maxDigits: 2)
        s.skipSpaces()
        if s.scan("tháng", wholeWord: false) {
            s.skipSpaces()
            var month = s.scanNumber(maxDigits: 2)
            s.skipSpaces()
            // "tháng 0 6": a zero-padded month with a stray space inside it
            if month == 0, let c = s.current, (0x31...0x39).contains(c) { month = s.scanNumber(maxDigits: 1); s.skipSpaces() }
            var year: Int? = nil
            let beforeYear = s.position
            if s.scan("năm", wholeWord: false) {
                s.skipSpaces()
                year = s.scanNumber(maxDigits: 4)
                if year == nil { s.position = beforeYear }
            } else if s.scan(byte: UInt8(ascii: "/")) || s.scan(byte: UInt8(ascii: "-")) {
                year = s.scanNumber(maxDigits: 4)
            }
            let date = CalendarDate(year: year, month: month, day: day)
            if (year != nil || month != nil) && date.isValid { return date }
        }
        s.position = start
        return nil
    }

    /// `08/10/2025`, `8/2025`, `10/10`, `08-10-2025`, `08.10.2025`. The scanner stands on a digit.
    public static func numericDate(_ s: inout ByteScanner) -> CalendarDate? {
        let start = s.position
        var parts: [Int] = []
        var separator: UInt8? = nil
        while parts.count < 3, let n = s.scanNumber(maxDigits: 4) {
            parts.append(n)
            guard let c = s.current, c == 0x2F || c == 0x2D || c == 0x2E else { break }
            if separator == nil { separator = c } else if separator != c { break }
            // a separator must be followed by a digit to belong to the date
            guard s.position + 1 < s.bytes.count, (0x30...0x39).contains(s.bytes[s.position + 1]) else { break }
            s.position += 1
        }
        let date: CalendarDate?
        switch parts.count {
        case 3 where parts[2] >= 1000: date = CalendarDate(year: parts[2], month: parts[1], day: parts[0])
        case 2 where parts[1] >= 1000 && parts[0] <= 12: date = CalendarDate(year: parts[1], month: parts[0])
        case 2 where parts[0] <= 31 && parts[1] <= 12 && separator == 0x2F: date = CalendarDate(year: nil, month: parts[1], day: parts[0])
        default: date = nil
        }
        if let d = date, d.isValid { return d }
        s.position = start
        return nil
    }

    /// `Place, ngày … tháng … năm …` → the place as printed and the date.
    public static func placeDate(_ text: String) -> (place: String, date: CalendarDate)? {
        placeDate(text, key: Folding.matchKey(text))
    }

    public static func placeDate(_ text: String, key: String) -> (place: String, date: CalendarDate)? {
        // most lines have a comma near their start; few have "ngày" there too
        guard key.utf8.prefix(160).firstOffset(of: "ngày".utf8) != nil else { return nil }
        var commaAt: Int? = nil
        for (i, byte) in key.utf8.prefix(90).enumerated() where byte == UInt8(ascii: ",") { commaAt = i; break }
        guard let comma = commaAt, comma > 1 else { return nil }
        let bytes = Array(key.utf8)
        var s = ByteScanner(bytes: bytes, at: comma + 1)
        guard let date = date(&s), date.year != nil else { return nil }
        let place = String(decoding: Array(text.utf8)[..<comma], as: UTF8.self)
            .trimming(" *_|\t")
        guard !place.isEmpty, place.count <= 60 else { return nil }
        return (place, date)
    }
}

