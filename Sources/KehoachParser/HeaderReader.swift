import KehoachGrammar
import KehoachLexer
import KehoachText

/// Reads the header block: the letterhead (issuer, motto, `Số:`, place and date), the document
/// type line and the title, and where the body starts. A site banner or breadcrumbs before the
/// letterhead are passed over; in a Quyết định the authority line after the title ("CHỦ TỊCH ỦY
/// BAN NHÂN DÂN TỈNH X") ends it, and names the issuer when the letterhead does not.
struct HeaderReader {
    let grammar: Grammar
    let lexer: Lexer

    struct Result {
        var header = DocumentHeader()
        /// Index of the first token of the body (preamble or first section).
        var bodyStart = 0
        var diagnostics: [Diagnostic] = []
    }

    /// The parts of the header block, as token indexes.
    private struct Region {
        var letterhead: Range<Int>
        var typeLine: Int?
        var bodyStart: Int
    }

    /// How far into the text a letterhead may start (non-blank lines of banners and breadcrumbs).
    static let banner = 30
    /// No letterhead has more lines than this (the four shipped ones have under 10).
    static let longestLetterhead = 60

    func read(_ tokens: [Token]) -> Result {
        var result = Result()
        guard let region = region(tokens) else {
            result.bodyStart = nextNonBlank(tokens, from: 0)
            if let headline = headline(in: tokens.prefix(Self.banner)) { apply(headline, to: &result.header) }
            return result
        }
        let letterhead = Letterhead(tokens[region.letterhead].filter { !isBanner($0) }[...], grammar: grammar.header)
        result.diagnostics += letterhead.diagnostics
        var header = DocumentHeader()
        if let number = letterhead.number {
            header.symbol = HeaderField(Self.symbol(of: number.value), at: number.location)
            if number.value.serial != nil { header.number = HeaderField(number.value.text, at: number.location) }
        }
        header.place = letterhead.place
        header.date = letterhead.date
        if let date = letterhead.date, date.value.day == nil {
            result.diagnostics.append(Diagnostic("header.date-partial", .note, at: date.location, "the date has no day: month precision"))
        }
        var bodyStart = region.bodyStart
        var authority: Token? = nil
        if let typeIndex = region.typeLine, let type = documentType(tokens[typeIndex].text) {
            header.documentType = HeaderField(type.name, at: tokens[typeIndex].location)
            let title = readTitle(tokens, after: typeIndex, rest: type.rest, at: tokens[typeIndex].location, type: type.name)
            if let run = title.run, !run.text.isEmpty {
                header.title = HeaderField(run.text.trimming(" .;"), at: run.location)
            }
            authority = title.authority
            bodyStart = nextNonBlank(tokens, from: title.end)
        }
        // without a type line, the lines in capitals after the date: the authority line of a
        // Quyết định, and the title
        var authorityText = authority.map { ($0.text, $0.location) }
        var titleLines = letterhead.titleLines
        if region.typeLine == nil {
            if let first = titleLines.first, grammar.header.officeTitles.prefixMatch(of: Folding.matchKey(first.text)) != nil {
                authorityText = first
                titleLines.removeFirst()
            }
            if let first = titleLines.first {
                header.title = HeaderField(titleLines.map(\.text).joined(separator: " "), at: first.location)
            }
        }
        let reader = IssuerReader(grammar: grammar.header)
        header.issuerLines = letterhead.issuerLines.map(\.text)
        let decider = authorityText.map { (withoutOfficeTitle($0.0), $0.1) }
        if var issuer = reader.issuer(inLines: header.issuerLines) {
            var location = letterhead.issuerLines.last?.location
            // a letterhead that kept only the parent government ("ỦY BAN NHÂN DÂN") under a body
            // that decides for itself ("GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ …")
            if let (body, at) = decider, let own = reader.issuer(inLines: header.issuerLines + [body]),
               Folding.matchKey(issuer.name).hasBytePrefix("ủy ban nhân dân"), !Folding.matchKey(own.name).hasBytePrefix("ủy ban nhân dân") {
                issuer = own
                location = at
            }
            header.issuer = HeaderField(issuer.name, at: location)
            header.level = issuer.level
            header.issuerHasPlace = issuer.hasPlace
        } else if let (body, at) = decider, let issuer = reader.issuer(in: body) {
            header.issuer = HeaderField(issuer.name, at: at)
            header.level = issuer.level
            header.issuerHasPlace = issuer.hasPlace
        }
        if header.number == nil && header.symbol == nil, let headline = headline(in: tokens[..<region.letterhead.lowerBound]) {
            apply(headline, to: &header)
        }
        if header.documentType == nil, let number = letterhead.number, let type = grammar.header.typeCodes[HeaderGrammar.foldCode(number.value.leadingCode)] {
            header.documentType = HeaderField(type, at: number.location)
        }
        result.header = header
        result.bodyStart = bodyStart
        return result
    }

    /// The first headline among the first lines, before any heading.
    private func headline(in tokens: ArraySlice<Token>) -> Headline? {
        for token in tokens {
            if case .heading = token.kind { return nil }
            if let headline = Headline(token, grammar: grammar) { return headline }
        }
        return nil
    }

    /// A headline's fields where the header has none of its own.
    private func apply(_ headline: Headline, to header: inout DocumentHeader) {
        header.number = HeaderField(headline.number.text, at: headline.location)
        header.symbol = HeaderField(Self.symbol(of: headline.number), at: headline.location)
        if header.documentType == nil { header.documentType = HeaderField(headline.type, at: headline.location) }
        if header.date == nil, let date = headline.date { header.date = HeaderField(date, at: headline.location) }
        if header.title == nil, let title = headline.title { header.title = HeaderField(title, at: headline.location) }
        if header.issuer == nil, let named = headline.issuer, let issuer = IssuerReader(grammar: grammar.header).issuer(in: named) {
            header.issuer = HeaderField(issuer.name, at: headline.location)
            header.level = issuer.level
            header.issuerHasPlace = issuer.hasPlace
        }
    }

    /// The symbol as the plan's metadata gives it: what stands after the number's last slash
    /// (`KH-PGDĐT` of `364/KH-PGDĐT`, `BDVTW` of a Party number `1600-KH/BDVTW`).
    static func symbol(of number: DocumentNumber) -> String {
        number.text.split(separator: "/").last.map(String.init) ?? number.symbol
    }

    // MARK: - Regions

    /// Where the letterhead starts, the type line, and where the body starts when no type line
    /// is found; nil when the text has no header block. The letterhead is found from its first
    /// sure line (the motto, `Số:`, a place-date, the type line) and the lines in capitals right
    /// above it (the issuer); what stands before them is a banner, a site's headline or
    /// breadcrumbs, passed over — unless a section heading comes first: then there is no header.
    private func region(_ tokens: [Token]) -> Region? {
        var index = 0
        var passed = 0
        var sure: Int? = nil
        while index < tokens.count, passed <= Self.banner {
            let token = tokens[index]
            defer { index += 1 }
            if token.isBlank || isBanner(token) { continue }
            if case .rule = token.kind { continue }
            if isSureLetterheadLine(token) {
                // a site's headline "KẾ HOẠCH …" above the letterhead: the motto or the number
                // follows it, where they never follow a document's own type line
                if isTypeLine(token), let later = letterheadField(in: tokens, after: index) { index = later; sure = later; break }
                sure = index
                break
            }
            if case .heading(let label) = token.kind, label.scheme != .appendix { return nil }
            if !isLetterheadLine(token) { passed += 1 }
        }
        guard let sure else { return nil }
        var start = sure
        var back = sure - 1
        while back >= 0 {
            let token = tokens[back]
            if token.isBlank { back -= 1; continue }
            if case .rule = token.kind { back -= 1; continue }
            // the lines in capitals above the first sure line: the issuer, never a type line
            guard !isBanner(token), isLetterheadLine(token), !isTypeLine(token) else { break }
            start = back
            back -= 1
        }
        index = start
        var typeLine: Int? = nil
        var lines = 0
        var seenFields = false
        while index < tokens.count, lines < Self.longestLetterhead {
            let token = tokens[index]
            if !token.isBlank, isTypeLine(token) { typeLine = index; break }
            if startsBody(token) { break }
            // once its number and date are read, a line in sentence case is the body: the type
            // line is missing
            if seenFields, !token.isBlank, !isLetterheadLine(token), token.cells == nil, !isBanner(token) {
                if case .rule = token.kind {} else { break }
            }
            if !token.isBlank { lines += 1 }
            if case .placeDate = token.kind { seenFields = true }
            if let cells = token.cells, cells.contains(where: { DateReader.placeDate($0) != nil }) { seenFields = true }
            index += 1
        }
        return Region(letterhead: start..<index, typeLine: typeLine, bodyStart: nextNonBlank(tokens, from: index))
    }

    /// The first motto, number or place-date line within a few lines after `index`.
    private func letterheadField(in tokens: [Token], after index: Int) -> Int? {
        var seen = 0
        var next = index + 1
        while next < tokens.count, seen < 8 {
            let token = tokens[next]
            if !token.isBlank {
                switch token.kind {
                case .motto, .documentNumber, .placeDate: return next
                case .heading: return nil
                default:
                    if holdsMotto(token) { return next }
                }
                seen += 1
            }
            next += 1
        }
        return nil
    }

    /// A line only a letterhead has: the motto, a number or place-date line, the type line, or
    /// a row or line that holds the motto.
    private func isSureLetterheadLine(_ token: Token) -> Bool {
        switch token.kind {
        case .motto, .documentNumber, .placeDate: return true
        case .heading, .blank, .rule: return false
        default:
            if isTypeLine(token) { return true }
            return holdsMotto(token)
        }
    }

    /// A motto phrase of two words or more in the line ("CỘNG HÒA XÃ HỘI", not "tự do").
    private func holdsMotto(_ token: Token) -> Bool {
        grammar.header.motto.matches(in: token.key).contains { $0.range.count >= 12 }
    }

    /// "KẾ HOẠCH", "QUYẾT ĐỊNH": the document type in capitals, not the "QUYẾT ĐỊNH:" that opens
    /// a decision's articles.
    private func isTypeLine(_ token: Token) -> Bool {
        !token.text.hasSuffix(":") && documentType(token.text) != nil
    }

    /// A line the letterhead is made of: a sure one, a row of header cells, or a line in
    /// capitals (an issuer line, possibly with its number glued on).
    private func isLetterheadLine(_ token: Token) -> Bool {
        if isSureLetterheadLine(token) { return true }
        switch token.kind {
        case .tableRow(let cells):
            return cells.filter { !$0.isEmpty }.contains { isHeaderCell(lexer.token(SourceLine(number: token.line, text: $0))) }
        case .text: return token.text.utf8.count < 200 && startsInCapitals(token.text)
        default: return false
        }
    }

    /// The first three words (or all, when fewer) are in capitals.
    private func startsInCapitals(_ text: String) -> Bool {
        Folding.isAllCapitals(text.split(separator: " ").prefix(3).joined(separator: " "))
    }

    private func isHeaderCell(_ token: Token) -> Bool {
        switch token.kind {
        case .documentNumber, .placeDate, .motto: return true
        default: return startsInCapitals(token.text) || documentType(token.text) != nil
        }
    }

    /// A section heading, or a preamble sentence ("Căn cứ …", "Thực hiện …") in sentence case.
    private func startsBody(_ token: Token) -> Bool {
        switch token.kind {
        case .heading(let label):
            return label.scheme != .appendix
        case .text, .bullet:
            return !Folding.isAllCapitals(token.text) && grammar.header.preambleOpeners.prefixMatch(of: token.key) != nil
        default:
            return false
        }
    }

    private func nextNonBlank(_ tokens: [Token], from index: Int) -> Int {
        var i = index
        while i < tokens.count, tokens[i].isBlank { i += 1 }
        return i
    }

    /// A line of a legal-document site's banner ("Số hiệu: …", "| Ngày ban hành | 14/02/2023 |").
    private func isBanner(_ token: Token) -> Bool {
        let key: String
        if let cells = token.cells {
            guard let first = cells.first(where: { !$0.isEmpty }) else { return false }
            key = Folding.matchKey(first)
            return grammar.header.siteBanner.contains(exactly: key.trimming(" :"))
        }
        key = token.key
        guard let match = grammar.header.siteBanner.prefixMatch(of: key) else { return false }
        let after = key.utf8.dropFirst(match.range.count).first
        return after == UInt8(ascii: ":") || after == nil || after == UInt8(ascii: ".") || after == UInt8(ascii: " ") && key.contains(":")
    }

    // MARK: - Type and title

    /// "KẾ HOẠCH", "KẾ HOẠCH Chuyển đổi số năm 2025": the type (printed in capitals) and the rest.
    func documentType(_ text: String) -> (name: String, rest: String)? {
        let key = Folding.matchKey(text)
        guard let match = grammar.header.documentTypes.prefixMatch(of: key) else { return nil }
        let bytes = Array(text.utf8)
        let word = String(decoding: bytes[match.range], as: UTF8.self)
        guard word.contains(where: \.isLetter), word.allSatisfy({ !$0.isLetter || $0.isUppercase }) else { return nil }
        let rest = String(decoding: bytes[match.range.upperBound...], as: UTF8.self).trimming(" :-–")
        if let first = rest.first, !first.isUppercase, !first.isNumber { return nil }
        return (match.value, rest)
    }

    /// The title after the type line: lines in capitals while they are in capitals; a title in
    /// sentence case goes on over lines that start in lower case (a wrapped line). It ends at a
    /// blank line once it has begun, at a header field, a heading, a parenthesis ("(Kèm theo
    /// …)"), a preamble sentence, or the authority line of a Quyết định.
    private func readTitle(_ tokens: [Token], after typeIndex: Int, rest: String, at location: SourceLocation, type: String)
        -> (run: TextRun?, authority: Token?, end: Int) {
        var run: TextRun? = rest.isEmpty ? nil : TextRun(rest, at: location)
        var inCapitals: Bool? = rest.isEmpty ? nil : Folding.isAllCapitals(rest)
        var index = typeIndex + 1
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .blank, .rule:
                if run != nil { return (run, nil, index) }
                index += 1
                continue
            case .documentNumber, .placeDate, .motto, .heading, .tableRow:
                return (run, nil, index)
            default:
                break
            }
            let text = token.text
            let capitals = Folding.isAllCapitals(text)
            if text.hasPrefix("(") { return (run, nil, index) }
            if run != nil, capitals, isAuthorityLine(token) { return (run, token, index + 1) }
            let opener = grammar.header.preambleOpeners.prefixMatch(of: token.key) != nil
            if let caps = inCapitals, let title = run?.text {
                if caps && !capitals { return (run, nil, index) }
                // a title in sentence case wraps onto short lines that end no sentence, and that
                // open none ("Của Ban Thường vụ Tỉnh ủy …", "Đến năm 2025, …")
                let wraps = text.first?.isLowercase == true
                    || !opener && text.utf8.count < 160 && title.utf8.count < 400 && !Self.endsClause(title) && !Self.endsClause(text)
                if !caps, !wraps { return (run, nil, index) }
            } else if !capitals, opener, token.key.hasBytePrefix("căn cứ") || Self.endsSentence(text) || text.utf8.count > 300 {
                // "KẾ HOẠCH" then straight into the preamble: no title
                return (nil, nil, index)
            }
            if run == nil { run = TextRun(text, key: token.key, at: token.location) } else { run!.append(text, key: token.key, at: token.location) }
            if inCapitals == nil { inCapitals = capitals }
            index += 1
        }
        return (run, nil, index)
    }

    /// "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X", "BỘ TRƯỞNG BỘ …", and, for a Quyết định of a body as a
    /// whole, "ỦY BAN NHÂN DÂN TỈNH X" alone on its line: who decides, printed between the title
    /// and the preamble.
    private func isAuthorityLine(_ token: Token) -> Bool {
        if let office = grammar.header.officeTitles.prefixMatch(of: token.key) {
            return office.range.count == token.key.utf8.count || token.key.utf8.dropFirst(office.range.count).first == 0x20
        }
        guard let body = grammar.header.issuingBodies.prefixMatch(of: token.key) else { return false }
        let rest = String(decoding: Array(token.key.utf8)[body.range.upperBound...], as: UTF8.self).trimmedSpaces
        return rest.isEmpty || grammar.header.administrativeWords.prefixMatch(of: rest) != nil
    }

    /// The authority line without its office title: the body it names.
    private func withoutOfficeTitle(_ text: String) -> String {
        guard let title = grammar.header.officeTitles.prefixMatch(of: Folding.matchKey(text)) else { return text }
        return String(decoding: Array(text.utf8)[title.range.upperBound...], as: UTF8.self).trimmedSpaces
    }

    /// Text that ends with `;`, `:` or `.`: a sentence, not a title.
    private static func endsSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return last == ";" || last == ":" || last == "."
    }

    /// Text that ends with `;`, `:`, `,` or `.`: a sentence or clause, not a title's line.
    private static func endsClause(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return last == ";" || last == ":" || last == "," || last == "."
    }
}
