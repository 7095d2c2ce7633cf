import KehoachGrammar
import KehoachLexer
import KehoachText

/// Finds every document the plan names by number — "Kế hoạch số 7462/KH-SGDĐT ngày 08/10/2025
/// của Sở Giáo dục và Đào tạo Hải Phòng" — with its type, date and issuer when printed. One
/// entry per document (spellings that differ only by Đ/D or spaces are one), at its first mention.
struct CitationScanner {
    let grammar: Grammar
    /// The plan's own number, never a citation of itself.
    let ownNumber: String?

    private(set) var citations: [Citation] = []
    private var seen: Set<String> = []

    init(grammar: Grammar, ownNumber: String?) {
        self.grammar = grammar
        self.ownNumber = ownNumber.map { HeaderGrammar.foldCode($0.filter { $0 != " " }) }
    }

    mutating func scan(_ run: TextRun) {
        // most runs cite nothing: find the places a number may start before copying any bytes
        let starts = run.text.withBytes(Self.numberStarts)
        guard !starts.isEmpty else { return }
        let bytes = Array(run.text.utf8), key = Array(run.key.utf8)
        var next = 0
        for start in starts where start >= next {
            guard let (citation, end) = citation(in: run, bytes: bytes, key: key, at: start) else { continue }
            let key = HeaderGrammar.foldCode(citation.number)
            if key != ownNumber, seen.insert(key).inserted { citations.append(citation) }
            next = end
        }
    }

    /// Reads a citation whose number starts at byte `start`; returns it and the byte after it.
    /// Only the number is read as characters; type, date and issuer come from bounded windows
    /// of the run's bytes and key, so that a 10 MB line stays linear.
    private func citation(in run: TextRun, bytes: [UInt8], key: [UInt8], at start: Int) -> (Citation, Int)? {
        // the number ends before the next lowercase word (" ngày", " của", " về"): reading a
        // shorter window as characters is most of the cost of a citation
        var windowEnd = TextBytes.characterStart(bytes, from: min(bytes.count, start + 64))
        for j in (start + 1)..<windowEnd where bytes[j - 1] == 0x20 && bytes[j] >= 0x61 && bytes[j] <= 0x7A {
            windowEnd = j - 1
            break
        }
        let chars = Array(String(decoding: bytes[start..<windowEnd], as: UTF8.self).unicodeScalars)
        guard let (number, endChar) = DocumentNumber.read(chars, at: 0) else { return nil }
        let numberEnd = start + chars[..<endChar].reduce(0) { $0 + UTF8.width($1) }
        let beforeStart = TextBytes.characterStart(bytes, from: start - 60)
        let before = String(decoding: key[beforeStart..<start], as: UTF8.self)
        if namesAForm(before) { return nil }
        let type = typeName(before: before) ?? typeName(code: number.leadingCode)
        var scanner = ByteScanner(bytes: key, at: numberEnd)
        scanner.skipSpaces()
        _ = scanner.scan(byte: UInt8(ascii: ","))
        let date = DateReader.date(&scanner)
        let restEnd = TextBytes.characterStart(bytes, from: min(bytes.count, numberEnd + 200))
        let issuer = scanner.position < restEnd ? issuerName(bytes: bytes, key: key, in: scanner.position..<restEnd) : nil
        let citation = Citation(type: type, number: number.text, date: date, issuer: issuer, location: run.location(atUTF8: start))
        return (citation, numberEnd)
    }

    /// Whether a text may cite a document at all: most table cells do not, and are not read further.
    static func mayCite(_ text: String) -> Bool {
        !text.withBytes(numberStarts).isEmpty
    }

    /// The offsets where `mayStartNumber` holds, in order. Every such number has a `/` or `-`
    /// a few bytes after it: those are found with memchr and the number is looked for before
    /// each, so that the bytes of prose are not visited one by one.
    private static func numberStarts(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts: [Int] = []
        for separator in [UInt8(ascii: "/"), UInt8(ascii: "-")] {
            var from = 0
            while let at = TextBytes.firstOffset(of: separator, in: bytes, from: from) {
                from = at + 1
                // back over spaces, a letter ("38a"), then the digits
                var i = at
                while i > 0, bytes[i - 1] == 0x20 { i -= 1 }
                if i > 0, bytes[i - 1] >= 0x61, bytes[i - 1] <= 0x7A { i -= 1 }
                var start = i
                while start > 0, bytes[start - 1] &- 0x30 < 10 { start -= 1 }
                if start < i, mayStartNumber(bytes, at: start) { starts.append(start) }
            }
        }
        starts.sort()
        return starts
    }

    /// A cheap test before the full reading: at a word start, digits (and a letter, a year), then
    /// `/` or `-` and, past spaces, a capital letter ("364/KH", "57-NQ", "02/2025/TT", "24- KH").
    /// Dates fail it.
    @inline(__always)
    static func mayStartNumber(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard bytes[start] >= 0x30, bytes[start] <= 0x39, start == 0 || !TextBytes.isWordByte(bytes[start - 1]) else { return false }
        var i = start
        let end = min(bytes.count, start + 24)
        func isDigit(_ j: Int) -> Bool { j < end && bytes[j] >= 0x30 && bytes[j] <= 0x39 }
        while isDigit(i) { i += 1 }
        if i < end, bytes[i] >= 0x61, bytes[i] <= 0x7A { i += 1 }
        while i < end, bytes[i] == 0x20 { i += 1 }
        guard i < end, bytes[i] == 0x2F || bytes[i] == 0x2D else { return false }
        i += 1
        while i < end, bytes[i] == 0x20 { i += 1 }
        var digits = 0
        while isDigit(i) { i += 1; digits += 1 }
        if digits == 4, i < end, bytes[i] == 0x2F { i += 1 } else if digits > 0 { return false }
        guard i < end else { return false }
        let b = bytes[i]
        return (b >= 0x41 && b <= 0x5A) || b == 0xC4 || b >= 0xC3   // A–Z, Đ and other capitals
    }

    /// The type word standing just before the number ("Kế hoạch số", "Thông tư", "Nghị quyết số").
    private func typeName(before key: String) -> String? {
        var best: PhraseMatch<String>? = nil
        for match in grammar.citations.typeWords.matches(in: key) {
            let tail = String(decoding: key.utf8.dropFirst(match.range.upperBound), as: UTF8.self).trimming(" ")
            if tail.isEmpty || tail == "số" || tail == "số:" { best = match }
        }
        return best?.value
    }

    /// "Mẫu số 01/HNCT", "Mẫu số 01 và 02/HNMT": the words before the number name a form.
    private func namesAForm(_ before: String) -> Bool {
        guard let form = grammar.citations.formWords.matches(in: before).last else { return false }
        let tail = String(decoding: before.utf8.dropFirst(form.range.upperBound), as: UTF8.self)
        return tail.split(whereSeparator: { $0 == " " || $0 == "," }).allSatisfy { $0 == "số" || $0 == "và" || $0.allSatisfy(\.isNumber) }
    }

    private func typeName(code: String) -> String {
        grammar.header.typeCodes[HeaderGrammar.foldCode(code)] ?? "Công văn"
    }

    /// "của Sở Giáo dục và Đào tạo Hải Phòng về …" → "Sở Giáo dục và Đào tạo Hải Phòng", read
    /// from the bytes of `range` after the number and its date.
    private func issuerName(bytes: [UInt8], key: [UInt8], in range: Range<Int>) -> String? {
        var i = range.lowerBound
        while i < range.upperBound, key[i] == 0x20 || key[i] == 0x2C { i += 1 }
        guard key[i..<range.upperBound].starts(with: Self.ofWord) else { return nil }
        let bodyStart = i + Self.ofWord.count
        var end = range.upperBound
        for j in bodyStart..<range.upperBound {
            // "“" (E2 80 9C) as a whole: its bytes alone also occur inside letters ("À", "Ờ")
            if Self.isIssuerStop(key[j]) || key[j] == 0xE2 && key[j...].starts(with: Self.openingQuote) { end = j; break }
        }
        // the name stops at a stop mark or at the first word that ends it ("về", "ngày"); no
        // such word holds a stop mark, so only the text before the mark is looked at
        let ends = key.withUnsafeBufferPointer { grammar.citations.issuerEnds.matches(in: UnsafeBufferPointer(rebasing: $0[bodyStart..<end])) }
        if let first = ends.first(where: { $0.range.lowerBound > 0 }) { end = bodyStart + first.range.lowerBound }
        let name = String(decoding: bytes[bodyStart..<end], as: UTF8.self).trimming(" ,.-–")
        return name.isEmpty || name.unicodeScalars.count > 80 ? nil : name
    }

    private static let ofWord = Array("của ".utf8)
    /// `, ; ( ) . : "`: a switch, not a Set, since every byte of the name is tested.
    private static func isIssuerStop(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "\""):
            return true
        default:
            return false
        }
    }
    private static let openingQuote = Array("“".utf8)
}
