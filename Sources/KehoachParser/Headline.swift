import KehoachGrammar
import KehoachLexer
import KehoachText

/// A site's headline above a document that lost its letterhead (a news or portal copy): "Kế hoạch
/// số 1600-KH/BDVTW ngày 28/02/2018 của Ban Dân vận Trung ương về Kế hoạch công tác năm 2018".
/// Read only when the header gives no number of its own.
struct Headline {
    var type: String
    var number: DocumentNumber
    var date: CalendarDate?
    /// The words after "của", up to "về": the issuing body as the headline names it.
    var issuer: String?
    /// The words after "về", without the type word they may repeat.
    var title: String?
    var location: SourceLocation

    init?(_ token: Token, grammar: Grammar) {
        guard case .text = token.kind, token.text.utf8.count < 400 else { return nil }
        let key = token.key
        guard let type = grammar.header.documentTypes.prefixMatch(of: key) else { return nil }
        let keyBytes = Array(key.utf8)
        var i = type.range.upperBound
        func skipSpaces() { while i < keyBytes.count, keyBytes[i] == 0x20 { i += 1 } }
        skipSpaces()
        if key.utf8.dropFirst(i).starts(with: "số ".utf8) { i += "số ".utf8.count; skipSpaces() }
        let text = Array(token.text.utf8)
        let scalars = Array(String(decoding: text[i...], as: UTF8.self).unicodeScalars)
        guard let (number, end) = DocumentNumber.read(scalars, at: 0), number.serial != nil else { return nil }
        i += scalars[..<end].reduce(0) { $0 + UTF8.width($1) }
        self.type = type.value
        self.number = number
        location = token.location
        let rest = String(decoding: keyBytes[i...], as: UTF8.self)
        var scanner = ByteScanner(key: rest)
        scanner.skipSpaces()
        if scanner.scan("ngày") {
            scanner.skipSpaces()
            date = DateReader.numericDate(&scanner)
            if date == nil {
                scanner.position = 0
                scanner.skipSpaces()
                date = DateReader.date(&scanner)
            }
        }
        let restText = Array(String(decoding: text[i...], as: UTF8.self).utf8)
        let restKey = Array(rest.utf8)
        let of = restKey.firstOffset(of: " của ".utf8)
        let about = restKey.firstOffset(of: " về ".utf8)
        if let of, of < (about ?? restKey.count) {
            issuer = String(decoding: restText[(of + " của ".utf8.count)..<(about ?? restKey.count)], as: UTF8.self).trimmedSpaces
        }
        if let about {
            var title = String(decoding: restText[(about + " về ".utf8.count)...], as: UTF8.self).trimmedSpaces
            if let repeated = grammar.header.documentTypes.prefixMatch(of: Folding.matchKey(title)), repeated.value == type.value {
                title = String(decoding: Array(title.utf8)[repeated.range.upperBound...], as: UTF8.self).trimmedSpaces
            }
            if let first = title.first { self.title = first.uppercased() + title.dropFirst() }
        }
    }
}
