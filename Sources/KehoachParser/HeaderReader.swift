import KehoachGrammar
import KehoachLexer
import KehoachText

/// Reads the header block: issuer lines, motto, `Số:` line, place and date, document type and
/// title. Tolerates the forms a copy from Word or a website leaves: fields side by side in one
/// row (`|` or tabs), a field broken over lines (`Số:` / `118/KH-UBND`, `Quảng` / `Ninh, ngày 9
/// tháng 3` / `năm 2023`), a site banner before the document.
struct HeaderReader {
    let grammar: Grammar
    let lexer: Lexer

    struct Result {
        var header = DocumentHeader()
        /// Index of the first token of the body (preamble or first section).
        var bodyStart = 0
        var diagnostics: [Diagnostic] = []
    }

    /// A piece of the header: a line, or one cell of a line split on `|` or tabs.
    private struct Fragment {
        var token: Token
        var text: String { token.text }
    }

    func read(_ tokens: [Token]) -> Result {
        var result = Result()
        let (fragments, bodyStart) = headerFragments(tokens)
        result.bodyStart = bodyStart
        var issuerLines: [Fragment] = []
        var seenDocumentType = false
        var titleRun: TextRun? = nil
        var titleOpen = false
        var index = 0
        while index < fragments.count {
            let fragment = fragments[index]
            let token = fragment.token
            let key = token.key
            defer { index += 1 }
            if titleOpen {
                if token.isBlank {
                    if titleRun != nil { titleOpen = false }
                    continue
                }
                // the first title line may itself open with "Thực hiện …"; later ones may not
                if token.text.hasPrefix("(") || (titleRun == nil ? isStrictField(token) : isFieldLine(token)) {
                    titleOpen = false
                } else {
                    if titleRun == nil { titleRun = TextRun(token.text, at: token.location) }
                    else { titleRun!.append(token.text, at: token.location) }
                    continue
                }
            }
            if token.isBlank { continue }
            switch token.kind {
            case .motto, .rule:
                continue
            case .documentNumber:
                var text = fragment.text
                // "Số:" alone: the number is on the next line
                if Folding.matchKey(text).trimming(" :") == "số", index + 1 < fragments.count {
                    text += " " + fragments[index + 1].text
                    index += 1
                }
                readNumber(text, at: token.location, into: &result)
            case .placeDate:
                readPlaceDate(fragment.text, at: token.location, into: &result)
            default:
                if result.header.date == nil, key.utf8.contains(subsequence: "ngày".utf8), let joined = joinBrokenPlaceDate(fragments, at: index) {
                    readPlaceDate(joined.text, at: fragments[joined.first].token.location, into: &result)
                    index = joined.last
                    continue
                }
                if !seenDocumentType, let type = documentType(fragment.text) {
                    seenDocumentType = true
                    result.header.documentType = HeaderField(type.name, at: token.location)
                    if !type.rest.isEmpty {
                        titleRun = TextRun(type.rest, at: token.location)
                    }
                    titleOpen = true
                    continue
                }
                if !seenDocumentType, result.header.number == nil || issuerLines.isEmpty || issuerLines.last.map({ $0.token.line >= token.line - 1 }) == true,
                   Folding.isAllCapitals(fragment.text) {
                    issuerLines.append(fragment)
                }
            }
        }
        if let title = titleRun {
            result.header.title = HeaderField(title.text.trimming(" .;"), at: title.location)
        }
        if !issuerLines.isEmpty {
            let lines = issuerLines.map(\.text)
            result.header.issuerLines = lines
            if let issuer = IssuerReader(grammar: grammar.header).issuer(in: lines.joined(separator: " ")) {
                result.header.issuer = HeaderField(issuer.name, at: issuerLines.last?.token.location)
                result.header.level = issuer.level
            }
        }
        if result.header.documentType == nil, let code = result.header.symbol.map({ HeaderGrammar.foldCode($0.value.split(separator: "-").first ?? "") }),
           let type = grammar.header.typeCodes[code] {
            result.header.documentType = HeaderField(type, at: result.header.symbol?.location)
        }
        return result
    }

    // MARK: - Regions

    /// The header's fragments and where the body starts: after the title paragraph, or at the
    /// first section heading or preamble sentence ("Căn cứ …", "Thực hiện …").
    private func headerFragments(_ tokens: [Token]) -> ([Fragment], Int) {
        var fragments: [Fragment] = []
        var sawHeaderField = false
        var afterType = false
        var titleLines = 0
        var nonBlank = 0
        for (i, token) in tokens.enumerated() {
            let key = token.key
            if isBanner(key) { continue }
            switch token.kind {
            case .blank, .rule:
                if afterType && titleLines > 0 { return (fragments, nextNonBlank(tokens, after: i)) }
                fragments.append(Fragment(token: token))
                continue
            case .heading(let label):
                if label.scheme == .appendix && sawHeaderField { break }
                if !afterType || titleLines > 0 { return (fragments, i) }
            case .tableRow(let cells):
                // a row of header cells ("Số: 47/KH-UBND | Cần Thơ, ngày …"), or the body's first table
                let cellTokens = cells.filter { !$0.isEmpty }.map { lexer.token(SourceLine(number: token.line, text: $0)) }
                guard cellTokens.contains(where: isHeaderCell) else { return sawHeaderField ? (fragments, i) : ([], firstNonBlank(tokens)) }
                fragments += cellTokens.map { Fragment(token: $0) }
                sawHeaderField = true
                continue
            case .documentNumber, .placeDate, .motto:
                sawHeaderField = true
            default:
                break
            }
            nonBlank += 1
            if grammar.header.preambleOpeners.prefixMatch(of: key) != nil, !afterType || titleLines > 0 {
                return (fragments, i)
            }
            if !afterType, documentType(token.text) != nil {
                afterType = true
                sawHeaderField = true
                if documentType(token.text)?.rest.isEmpty == false { titleLines += 1 }
            } else if afterType {
                titleLines += 1
            }
            fragments.append(Fragment(token: token))
            if !sawHeaderField && nonBlank > 12 { return ([], firstNonBlank(tokens)) }
        }
        return sawHeaderField ? (fragments, tokens.count) : ([], firstNonBlank(tokens))
    }

    private func isHeaderCell(_ token: Token) -> Bool {
        switch token.kind {
        case .documentNumber, .placeDate, .motto: return true
        default: return Folding.isAllCapitals(token.text) || documentType(token.text) != nil
        }
    }

    private func nextNonBlank(_ tokens: [Token], after index: Int) -> Int {
        var i = index
        while i < tokens.count, tokens[i].isBlank { i += 1 }
        return i
    }

    private func firstNonBlank(_ tokens: [Token]) -> Int { nextNonBlank(tokens, after: 0) }

    private func isBanner(_ key: String) -> Bool {
        guard let match = grammar.header.siteBanner.prefixMatch(of: key) else { return false }
        let after = key.utf8.dropFirst(match.range.count).first
        return after == UInt8(ascii: ":") || after == nil || after == UInt8(ascii: " ") && key.contains(":")
    }

    private func isStrictField(_ token: Token) -> Bool {
        switch token.kind {
        case .documentNumber, .placeDate, .motto: return true
        default: return false
        }
    }

    private func isFieldLine(_ token: Token) -> Bool {
        switch token.kind {
        case .documentNumber, .placeDate, .motto, .heading: return true
        default: return grammar.header.preambleOpeners.prefixMatch(of: token.key) != nil
        }
    }

    // MARK: - Fields

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

    private func readNumber(_ text: String, at location: SourceLocation, into result: inout Result) {
        let chars = Array(text.unicodeScalars)
        guard let colon = chars.firstIndex(where: { $0 == ":" || DocumentNumber.isNumber($0) || $0 == "/" }) else { return }
        var start = chars[colon] == ":" ? colon + 1 : colon
        while start < chars.count, chars[start] == " " { start += 1 }
        guard let (number, _) = DocumentNumber.read(chars, at: start, allowBlankSerial: true) else {
            result.diagnostics.append(Diagnostic("header.number-unreadable", at: location, "the document number '\(text)' could not be read"))
            return
        }
        result.header.symbol = HeaderField(number.symbol, at: location)
        if number.serial != nil {
            result.header.number = HeaderField(number.text, at: location)
        } else {
            result.diagnostics.append(Diagnostic("header.number-blank", .note, at: location, "the document number is blank ('\(text.trimmedSpaces)'): not yet numbered"))
        }
    }

    private func readPlaceDate(_ text: String, at location: SourceLocation, into result: inout Result) {
        guard result.header.date == nil, let (place, date) = DateReader.placeDate(text) else { return }
        result.header.place = HeaderField(place, at: location)
        result.header.date = HeaderField(date, at: location)
        if date.day == nil {
            result.diagnostics.append(Diagnostic("header.date-partial", .note, at: location, "the date has no day ('\(text.trimmedSpaces)'): month precision"))
        }
    }

    /// A place-date line broken over up to four fragments ("Quảng" / "Ninh, ngày 9 tháng 3" /
    /// "năm 2023"): the joined text and the fragments it took.
    private func joinBrokenPlaceDate(_ fragments: [Fragment], at index: Int) -> (text: String, first: Int, last: Int)? {
        // "Quảng" / "Ninh, ngày …": a short capitalised fragment before is the start of the place
        var starts = [index]
        if index > 0, case .text = fragments[index - 1].token.kind, !fragments[index - 1].text.contains(","),
           fragments[index - 1].text.split(separator: " ").count <= 2, !Folding.isAllCapitals(fragments[index - 1].text) {
            starts.insert(index - 1, at: 0)
        }
        for first in starts {
            var text = ""
            var last = first
            while last < fragments.count, last < first + 4 {
                let piece = fragments[last]
                if !piece.text.isEmpty { text += (text.isEmpty ? "" : " ") + piece.text }
                if DateReader.placeDate(text) != nil { return (text, first, last) }
                last += 1
            }
        }
        return nil
    }
}
