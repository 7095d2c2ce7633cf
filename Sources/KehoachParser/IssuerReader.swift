import KehoachGrammar
import KehoachText

/// Reads the issuing body from the letterhead's lines ("ỦY BAN NHÂN DÂN / THÀNH PHỐ THỦ DẦU MỘT /
/// PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "UBND TỈNH X / SỞ NỘI VỤ", "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH") or
/// from a sentence of the body ("Ủy ban nhân dân Phường Lê Ích Mộc ban hành kế hoạch …"): the
/// last, most specific body, with its place — its own, or the place of the body above it.
struct IssuerReader {
    let grammar: HeaderGrammar

    struct Issuer {
        var name: String
        var level: PlanLevel?
        /// The issuer names its place ("… phường Lê Ích Mộc"), so none needs adding.
        var hasPlace: Bool
    }

    /// A body found in the lines: a known one ("Sở Giáo dục và Đào tạo") or one the grammar
    /// knows only by its head ("SỞ NỘI VỤ"), whose name runs on to its place.
    private struct Body {
        var range: Range<Int>
        var name: String
        var level: PlanLevel?
        var isOrgan: Bool
    }

    func issuer(in text: String) -> Issuer? {
        issuer(inLines: [text])
    }

    /// The issuer named by `lines`, read as one text; a body the grammar knows only by its head
    /// counts where a line starts (a head inside a line is a word of a name: "huyện Trường Sa"),
    /// or where an organ's name starts ("… XÃ A BAN THƯỜNG TRỰC").
    func issuer(inLines lines: [String]) -> Issuer? {
        let lines = lines.map(Self.withoutRemarks)
        let text = lines.map { $0.trimming(" ,.;:-–") }.filter { !$0.isEmpty }.joined(separator: " ")
        let key = Folding.matchKey(text)
        let bytes = Array(text.utf8)
        var lineStarts: Set<Int> = [0]
        var offset = 0
        for line in lines.map({ $0.trimming(" ,.;:-–") }) where !line.isEmpty {
            lineStarts.insert(offset)
            offset += line.utf8.count + 1
        }
        let bodies = self.bodies(in: key, text: bytes, lineStarts: lineStarts)
        guard let last = bodies.last else { return nil }
        let lastIndex = bodies.count - 1

        /// The words after a body, up to the next body: its place.
        func qualifier(_ index: Int) -> String {
            let end = index + 1 < bodies.count ? bodies[index + 1].range.lowerBound : bytes.count
            return String(decoding: bytes[bodies[index].range.upperBound..<end], as: UTF8.self).trimming(" ,.-–:;")
        }
        var own = qualifier(lastIndex)
        // a school is named by its own name, not the place of the body above it
        if own.isEmpty, lastIndex > 0, last.level != .school { own = qualifier(lastIndex - 1) }
        let hasPlace = !own.isEmpty || last.level == .school
        let place = placeName(own)
        var name = [last.name, place.text].filter { !$0.isEmpty }.joined(separator: " ")
        var level = last.level ?? level(of: place.kind, place: place.text)
        if last.isOrgan, lastIndex > 0 {
            // "Ban Thường trực" of the Ủy ban above it, at its place
            let parent = bodies[lastIndex - 1]
            let parentPlace = placeName(qualifier(lastIndex - 1))
            name = [last.name, parent.name, parentPlace.text].filter { !$0.isEmpty }.joined(separator: " ")
            level = parent.level ?? self.level(of: parentPlace.kind, place: parentPlace.text)
        }
        if last.level == nil, !grammar.centralWords.matches(in: Folding.matchKey(last.name)).isEmpty { level = .ministry }
        return Issuer(name: name, level: level, hasPlace: hasPlace || last.isOrgan)
    }

    private func bodies(in key: String, text: [UInt8], lineStarts: Set<Int>) -> [Body] {
        let known = grammar.issuingBodies.matches(in: key)
        var found = known.map { Body(range: $0.range, name: $0.value.name, level: $0.value.level, isOrgan: false) }
        let organStarts = Set(grammar.organs.matches(in: key).map(\.range.lowerBound))
        let heads = grammar.bodyHeads.matches(in: key).filter { head in
            (lineStarts.contains(head.range.lowerBound) || organStarts.contains(head.range.lowerBound))
                && !known.contains { $0.range.overlaps(head.range) }
        }
        let starts = (known.map(\.range.lowerBound) + heads.map(\.range.lowerBound)).sorted()
        for head in heads {
            // the name runs to an administrative word, the next body or the end
            let nextBody = starts.first { $0 > head.range.lowerBound } ?? text.count
            var end = nextBody
            let after = Array(key.utf8)[head.range.upperBound..<nextBody]
            if let admin = after.withUnsafeBufferPointer({ grammar.places(in: $0) }).last {
                end = head.range.upperBound + admin.range.lowerBound
            }
            let printed = String(decoding: text[head.range.lowerBound..<end], as: UTF8.self).trimming(" ,.-–:;")
            let isOrgan = grammar.organs.prefixMatch(of: Folding.matchKey(printed)) != nil
            let name = head.value == .school ? titleCase(printed) : Self.bodyCase(printed)
            found.append(Body(range: head.range.lowerBound..<end, name: name, level: head.value, isOrgan: isOrgan))
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// "THÀNH PHỐ THỦ DẦU MỘT" → ("thành phố Thủ Dầu Một", .city).
    func placeName(_ text: String) -> (text: String, kind: AdministrativeKind?) {
        let key = Folding.matchKey(text)
        guard let admin = grammar.administrativeWords.prefixMatch(of: key) else { return (titleCase(text), nil) }
        let bytes = Array(text.utf8)
        let word = String(decoding: bytes[admin.range], as: UTF8.self).lowercased()
        let name = titleCase(String(decoding: bytes[admin.range.upperBound...], as: UTF8.self).trimmedSpaces)
        return (name.isEmpty ? word : "\(word) \(name)", admin.value)
    }

    /// The level of a local government at a place of this kind.
    func level(of kind: AdministrativeKind?, place: String) -> PlanLevel? {
        switch kind {
        case .province: return .province
        case .city:
            let name = Folding.matchKey(place)
            let isProvinceLevel = grammar.provinceLevelCities.matches(in: name).isEmpty == false
            return isProvinceLevel ? .province : .district
        case .district: return .district
        case .commune: return .commune
        case nil: return nil
        }
    }

    /// "THỦ DẦU MỘT" → "Thủ Dầu Một"; words already in mixed case keep their case, and so do
    /// abbreviations ("THCS": no vowel).
    func titleCase(_ text: String) -> String {
        text.split(separator: " ").map { word -> String in
            guard word.allSatisfy({ !$0.isLetter || $0.isUppercase }), word.count > 1, word.contains(where: Self.isVowel) else { return String(word) }
            return word.prefix(1) + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }

    /// A body's name printed in capitals, in the case Vietnamese writes it: "SỞ NỘI VỤ" → "Sở Nội
    /// vụ", "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH" → "Bộ Văn hóa, Thể thao và Du lịch": the head and the
    /// first word after it and after each ",", "và" or "-" capitalised. Abbreviations (no vowel:
    /// "MTTQ", "THCS") stay in capitals; a name printed in mixed case is kept.
    static func bodyCase(_ text: String) -> String {
        guard Folding.isAllCapitals(text) else { return text }
        var capitalizeNext = true
        var words: [String] = []
        for (index, word) in text.split(separator: " ").enumerated() {
            let lower = word.lowercased()
            if !word.contains(where: isVowel) {
                words.append(String(word))
            } else if capitalizeNext || index == 1 {
                words.append(lower.prefix(1).uppercased() + lower.dropFirst())
            } else {
                words.append(lower)
            }
            capitalizeNext = word.hasSuffix(",") || lower == "và" || word == "-" || word == "–"
            if lower == "và" || word == "-" || word == "–" { words[words.count - 1] = lower }
        }
        return words.joined(separator: " ")
    }

    /// "Ban Chỉ đạo … (sau đây gọi tắt là Ban Chỉ đạo)": the name without its remarks.
    private static func withoutRemarks(_ text: String) -> String {
        guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { return text }
        return withoutRemarks(String(text[..<open]) + String(text[text.index(after: close)...]))
    }

    private static func isVowel(_ c: Character) -> Bool {
        guard let base = Folding.searchKey(String(c)).first else { return false }
        return "aeiouy".contains(base)
    }
}
