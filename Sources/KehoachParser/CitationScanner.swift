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
        let bytes = Array(run.text.utf8)
        var i = 0
        while i < bytes.count {
            // a document number starts with a digit at a word start, with a slash close after it
            guard bytes[i] >= 0x30, bytes[i] <= 0x39, i == 0 || !TextBytes.isWordByte(bytes[i - 1]),
                  Self.mayStartNumber(bytes, at: i) else { i += 1; continue }
            if let (citation, end) = citation(in: run, bytes: bytes, at: i) {
                let key = HeaderGrammar.foldCode(citation.number)
                if key != ownNumber, seen.insert(key).inserted { citations.append(citation) }
                i = end
            } else {
                i += 1
            }
        }
    }

    /// Reads a citation whose number starts at byte `start`; returns it and the byte after it.
    private func citation(in run: TextRun, bytes: [UInt8], at start: Int) -> (Citation, Int)? {
        // work on a bounded window so that a 10 MB line stays linear
        // a number is short: read it from a small window of characters, the rest from bytes
        var windowEnd = min(bytes.count, start + 64)
        while windowEnd < bytes.count, bytes[windowEnd] & 0xC0 == 0x80 { windowEnd += 1 }
        let chars = Array(String(decoding: bytes[start..<windowEnd], as: UTF8.self))
        guard let (number, endChar) = DocumentNumber.read(chars, at: 0) else { return nil }
        let numberBytes = String(chars[..<endChar]).utf8.count
        var restEnd = min(bytes.count, start + numberBytes + 200)
        while restEnd < bytes.count, bytes[restEnd] & 0xC0 == 0x80 { restEnd += 1 }
        var beforeStart = max(0, start - 60)
        while beforeStart < start, bytes[beforeStart] & 0xC0 == 0x80 { beforeStart += 1 }
        let before = String(decoding: bytes[beforeStart..<start], as: UTF8.self)
        let type = typeName(before: before) ?? typeName(code: number.leadingCode)
        var rest = String(decoding: bytes[(start + numberBytes)..<restEnd], as: UTF8.self)
        let restKey = Folding.matchKey(rest)
        var scanner = ByteScanner(key: restKey)
        scanner.skipSpaces()
        _ = scanner.scan(byte: UInt8(ascii: ","))
        let date = DateReader.date(&scanner)
        rest = String(decoding: Array(rest.utf8)[scanner.position...], as: UTF8.self)
        let issuer = issuerName(rest)
        let citation = Citation(type: type, number: number.text, date: date, issuer: issuer, location: run.location(atUTF8: start))
        return (citation, start + numberBytes)
    }

    /// A cheap test before the full reading: digits (and a letter, a year), then `/` or `-` and,
    /// past spaces, a capital letter ("364/KH", "57-NQ", "02/2025/TT", "24- KH"). Dates fail it.
    static func mayStartNumber(_ bytes: [UInt8], at start: Int) -> Bool {
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
    private func typeName(before text: String) -> String? {
        let key = Folding.matchKey(text)
        var best: PhraseMatch<String>? = nil
        for match in grammar.citations.typeWords.matches(in: key) {
            let tail = String(decoding: Array(key.utf8)[match.range.upperBound...], as: UTF8.self).trimming(" ")
            if tail.isEmpty || tail == "số" || tail == "số:" { best = match }
        }
        return best?.value
    }

    private func typeName(code: String) -> String {
        grammar.header.typeCodes[HeaderGrammar.foldCode(code)] ?? "Công văn"
    }

    /// "của Sở Giáo dục và Đào tạo Hải Phòng về …" → "Sở Giáo dục và Đào tạo Hải Phòng".
    private func issuerName(_ text: String) -> String? {
        let trimmed = text.drop(while: { $0 == " " || $0 == "," })
        let key = Folding.matchKey(trimmed)
        guard key.hasPrefix("của ") else { return nil }
        let body = Array(String(trimmed.dropFirst(4)).utf8)
        let bodyKey = Array(Folding.matchKey(String(decoding: body, as: UTF8.self)).utf8)
        var end = body.count
        if let stop = body.firstIndex(where: { ",;().:“\"".utf8.contains($0) }) { end = stop }
        let ends = grammar.citations.issuerEnds.matches(in: String(decoding: bodyKey, as: UTF8.self))
        if let first = ends.first(where: { $0.range.lowerBound > 0 }), first.range.lowerBound < end { end = first.range.lowerBound }
        let name = String(decoding: body[..<end], as: UTF8.self).trimming(" ,.-–")
        return name.isEmpty || name.count > 80 ? nil : name
    }
}
