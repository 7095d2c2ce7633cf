import KehoachGrammar
import KehoachText

/// Completes the issuer and level the letterhead does not give: when the header has no issuer
/// lines (a copy that lost the letterhead), from the preamble sentence that issues the plan
/// ("Phòng Giáo dục và Đào tạo ban hành Kế hoạch …"), then the signature ("TM. ỦY BAN NHÂN DÂN");
/// when the issuer has no place ("ỦY BAN NHÂN DÂN" alone), from the place-date line, with the
/// administrative word the body uses for it ("Ủy ban nhân dân tỉnh ban hành …") or, for a place
/// the grammar lists as a province, "tỉnh".
struct IssuerInference {
    let grammar: Grammar

    private var reader: IssuerReader { IssuerReader(grammar: grammar.header) }

    func complete(_ document: inout PlanDocument) {
        if document.header.issuer == nil, let (issuer, location) = fromPreamble(document) ?? fromSignature(document) {
            let completed = self.completed(issuer, in: document)
            document.header.issuer = HeaderField(completed.name, at: location)
            document.header.level = completed.level ?? document.header.level
            document.diagnostics.append(Diagnostic("header.issuer-inferred", .note, at: location,
                                                   "no issuer lines in the header; the issuer '\(completed.name)' was read from the text"))
        } else if let issuer = document.header.issuer, !document.header.issuerHasPlace {
            let completed = self.completed(IssuerReader.Issuer(name: issuer.value, level: document.header.level, hasPlace: false), in: document)
            document.header.issuer = HeaderField(completed.name, at: issuer.location)
            document.header.level = completed.level
        }
        if document.header.level == nil, let issuer = document.header.issuer?.value,
           let level = reader.issuer(in: issuer)?.level {
            document.header.level = level
        }
    }

    /// The issuer with the place of the place-date line added, when it names none or only its
    /// administrative word ("Ủy ban nhân dân tỉnh").
    private func completed(_ issuer: IssuerReader.Issuer, in document: PlanDocument) -> IssuerReader.Issuer {
        // a central body has no place: "Hà Nội" on its place-date line is where it sits
        if issuer.level == .ministry { return issuer }
        var name = issuer.name
        var admin: String? = nil
        let key = Folding.matchKey(name)
        if issuer.hasPlace {
            // only a bare administrative word after the body: "… tỉnh"
            guard let last = key.split(separator: " ").last, let found = grammar.header.administrativeWords.prefixMatch(of: String(last)),
                  found.range.count == last.utf8.count else { return issuer }
            admin = String(last)
            name = String(name.utf8.dropLast(last.utf8.count + 1)) ?? name
        }
        guard let place = document.header.place?.value else { return issuer }
        let printed = reader.placeName(place)
        var kind = printed.kind
        if kind == nil {
            admin = admin ?? administrativeWord(after: name, in: document)
            if admin == nil, grammar.header.provinces.contains(exactly: Folding.matchKey(place)) {
                admin = grammar.header.provinceLevelCities.matches(in: Folding.matchKey(place)).isEmpty ? "tỉnh" : "thành phố"
            }
            kind = admin.flatMap { grammar.header.administrativeWords.prefixMatch(of: $0)?.value }
        } else {
            admin = nil
        }
        let full = [name, admin, printed.text].compactMap { $0 }.joined(separator: " ")
        return IssuerReader.Issuer(name: full, level: issuer.level ?? reader.level(of: kind, place: printed.text), hasPlace: true)
    }

    /// "Phòng GDĐT xây dựng kế hoạch …": the subject of the last preamble sentence that issues
    /// the plan. Read on the run's key bytes, sentence by sentence from the end.
    private func fromPreamble(_ document: PlanDocument) -> (IssuerReader.Issuer, SourceLocation)? {
        for paragraph in document.preamble.reversed() {
            let key = Array(paragraph.run.key.utf8)
            let text = Array(paragraph.run.text.utf8)
            for sentence in key.split(separator: UInt8(ascii: ".")).reversed() {
                // the last issuing verb followed by "kế hoạch", not one that tells what a cited
                // document is about ("… về ban hành Kế hoạch …")
                var verb: (at: Int, count: Int)? = nil
                for word in Self.issuingVerbs {
                    var from = sentence.startIndex
                    while let found = sentence[from...].firstOffset(of: word) {
                        let at = from - sentence.startIndex + found
                        from += found + word.count
                        guard sentence.dropFirst(at + word.count).starts(with: Self.planWord) || sentence.dropFirst(at + word.count).prefix(12).contains(subsequence: Self.planWord) else { continue }
                        guard !sentence.prefix(at).reversed().starts(with: Self.aboutWord.reversed()) else { continue }
                        if verb == nil || at > verb!.at { verb = (at, word.count) }
                    }
                }
                guard let verb else { continue }
                // the subject is the clause before the verb: "…; để thực hiện tốt …, Ban Dân vận Trung ương xây dựng …"
                let head = sentence.prefix(verb.at)
                let start = (head.lastIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") }).map { $0 + 1 } ?? sentence.startIndex
                let subject = String(decoding: text[start..<(sentence.startIndex + verb.at)], as: UTF8.self)
                // "… của Ủy ban nhân dân tỉnh": the issuer of a cited document, not of the plan
                if subject.utf8.contains(subsequence: " của ".utf8) { continue }
                if let issuer = reader.issuer(in: subject.trimmedSpaces) { return (issuer, paragraph.location) }
            }
        }
        return nil
    }

    private static let issuingVerbs = [" ban hành ", " xây dựng "].map { Array($0.utf8) }
    private static let planWord = Array("kế hoạch".utf8)
    private static let aboutWord = Array(" về".utf8)

    private func fromSignature(_ document: PlanDocument) -> (IssuerReader.Issuer, SourceLocation)? {
        for line in document.closing.signatureLines {
            if let issuer = reader.issuer(in: line) { return (issuer, document.closing.location ?? SourceLocation(line: 1)) }
        }
        return nil
    }

    /// "Phòng Giáo dục và Đào tạo huyện yêu cầu …" → "huyện": the word the plan itself uses for
    /// its place when it names its issuer in the body.
    private func administrativeWord(after body: String, in document: PlanDocument) -> String? {
        let needle = Array((Folding.matchKey(body) + " ").utf8)
        func word(in key: String) -> String? {
            key.withBytes { bytes -> String? in
                guard let offset = bytes.firstOffset(of: needle) else { return nil }
                let rest = UnsafeBufferPointer(rebasing: bytes[(offset + needle.count)...])
                guard let admin = grammar.header.administrativeWords.longestMatch(in: rest, at: 0) else { return nil }
                return String(decoding: rest[..<admin.length], as: UTF8.self)
            }
        }
        for paragraph in document.preamble { if let found = word(in: paragraph.run.key) { return found } }
        // depth first, stopping at the first sentence that names the body
        var pending = document.sections.reversed() as [Section]
        while let section = pending.popLast() {
            for case .paragraph(let p) in section.blocks { if let found = word(in: p.run.key) { return found } }
            pending += section.children.reversed()
        }
        return nil
    }
}
