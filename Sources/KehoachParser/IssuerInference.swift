import Foundation
import KehoachGrammar
import KehoachText

/// Completes the issuer and level when the header lacks issuer lines (a copy that lost the
/// letterhead): from the preamble sentence that issues the plan ("Phòng Giáo dục và Đào tạo ban
/// hành Kế hoạch …"), then the signature ("TM. ỦY BAN NHÂN DÂN"), with the place from the
/// place-date line and the administrative word the body uses for it ("… huyện yêu cầu …").
struct IssuerInference {
    let grammar: Grammar

    private var reader: IssuerReader { IssuerReader(grammar: grammar.header) }

    func complete(_ document: inout PlanDocument) {
        if document.header.issuer == nil, let (issuer, location) = fromPreamble(document) ?? fromSignature(document) {
            var name = issuer.name
            if !issuer.hasPlace, let place = document.header.place?.value {
                let placeName = reader.placeName(place)
                let adminWord = placeName.kind == nil ? administrativeWord(after: issuer.name, in: document) : nil
                name = [issuer.name, adminWord, placeName.text].compactMap { $0 }.joined(separator: " ")
            }
            document.header.issuer = HeaderField(name, at: location)
            document.header.level = issuer.level ?? document.header.level
            document.diagnostics.append(Diagnostic("header.issuer-inferred", .note, at: location,
                                                   "no issuer lines in the header; the issuer '\(name)' was read from the text"))
        }
        if document.header.level == nil, let issuer = document.header.issuer?.value,
           let level = reader.issuer(in: issuer)?.level {
            document.header.level = level
        }
    }

    /// "Phòng GDĐT xây dựng kế hoạch …": the subject of the last preamble sentence that issues
    /// the plan. Read on the run's key bytes, sentence by sentence from the end.
    private func fromPreamble(_ document: PlanDocument) -> (IssuerReader.Issuer, SourceLocation)? {
        for paragraph in document.preamble.reversed() {
            let key = Array(paragraph.run.key.utf8)
            let text = Array(paragraph.run.text.utf8)
            for sentence in key.split(separator: UInt8(ascii: ".")).reversed() {
                var verb: (at: Int, count: Int)? = nil
                for word in Self.issuingVerbs {
                    if let at = sentence.firstOffset(of: word) { verb = (at, word.count); break }
                }
                guard let verb, sentence.dropFirst(verb.at + verb.count).contains(subsequence: Self.planWord) else { continue }
                let start = sentence.startIndex
                let subject = String(decoding: text[start..<(start + verb.at)], as: UTF8.self)
                if let issuer = reader.issuer(in: subject.trimmedSpaces) { return (issuer, paragraph.location) }
            }
        }
        return nil
    }

    private static let issuingVerbs = [" ban hành ", " xây dựng "].map { Array($0.utf8) }
    private static let planWord = Array("kế hoạch".utf8)

    private func fromSignature(_ document: PlanDocument) -> (IssuerReader.Issuer, SourceLocation)? {
        for line in document.closing.signatureLines {
            if let issuer = reader.issuer(in: line) { return (issuer, document.closing.location ?? SourceLocation(line: 1)) }
        }
        return nil
    }

    /// "Phòng Giáo dục và Đào tạo huyện yêu cầu …" → "huyện": the word the plan itself uses for
    /// its place when it names its issuer in the body.
    private func administrativeWord(after body: String, in document: PlanDocument) -> String? {
        let bodyKey = Folding.matchKey(body) + " "
        var keys = document.preamble.map(\.run.key)
        document.walk { section, _ in
            for case .paragraph(let p) in section.blocks { keys.append(p.run.key) }
        }
        let needle = Array(bodyKey.utf8)
        for key in keys {
            guard let offset = key.utf8.firstOffset(of: needle) else { continue }
            let rest = String(decoding: Array(key.utf8)[(offset + needle.count)...], as: UTF8.self)
            if let admin = grammar.header.administrativeWords.prefixMatch(of: rest) {
                let word = String(decoding: Array(rest.utf8)[admin.range], as: UTF8.self)
                return word
            }
        }
        return nil
    }
}
