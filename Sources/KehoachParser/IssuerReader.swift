import KehoachGrammar
import KehoachText

/// Reads the issuing body from the header's uppercase lines ("ỦY BAN NHÂN DÂN / THÀNH PHỐ THỦ
/// DẦU MỘT / PHÒNG GIÁO DỤC VÀ ĐÀO TẠO") or from a sentence of the body ("Ủy ban nhân dân
/// Phường Lê Ích Mộc ban hành kế hoạch …"): the last, most specific body, with its place.
struct IssuerReader {
    let grammar: HeaderGrammar

    struct Issuer {
        var name: String
        var level: PlanLevel?
        /// The issuer names its place ("… phường Lê Ích Mộc"), so none needs adding.
        var hasPlace: Bool
    }

    /// The issuer named by `text`: bodies found in it, the last one with the words after it (or,
    /// when none follow, the words after the body before it: its parent's place).
    func issuer(in text: String) -> Issuer? {
        let key = Folding.matchKey(text)
        let bodies = grammar.issuingBodies.matches(in: key)
        let bytes = Array(text.utf8)
        guard let last = bodies.last else { return nil }
        func words(after index: Int) -> String {
            let end = index + 1 < bodies.count ? bodies[index + 1].range.lowerBound : bytes.count
            return String(decoding: bytes[bodies[index].range.upperBound..<end], as: UTF8.self).trimming(" ,.-–:;")
        }
        let lastIndex = bodies.count - 1
        var qualifier = words(after: lastIndex)
        var hasPlace = !qualifier.isEmpty
        if qualifier.isEmpty, lastIndex > 0 { qualifier = words(after: lastIndex - 1) }
        let body = last.value
        let place = placeName(qualifier)
        let name = body.name == "Trường" ? "Trường \(titleCase(qualifier))" : [body.name, place.text].filter { !$0.isEmpty }.joined(separator: " ")
        if body.name == "Trường" { hasPlace = true }
        return Issuer(name: name, level: body.level ?? level(of: place.kind, place: place.text), hasPlace: hasPlace)
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

    /// "THỦ DẦU MỘT" → "Thủ Dầu Một"; words already in mixed case keep their case.
    func titleCase(_ text: String) -> String {
        text.split(separator: " ").map { word -> String in
            guard word.allSatisfy({ !$0.isLetter || $0.isUppercase }), word.count > 1 else { return String(word) }
            return word.prefix(1) + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}
