import KehoachExtract
import KehoachGrammar
import KehoachText

/// The level of a cited document's issuer, and the place a plan belongs to, read with the header
/// grammar's issuing bodies and administrative words (grammars/header.grammar).
struct IssuerLevel {
    let header: HeaderGrammar

    struct Reading {
        var level: PlanLevel?
        /// Issued by a people's committee (UBND), which directs the offices of its own level.
        var isLocalGovernment: Bool
    }

    /// From the issuer's name when it names a known body ("Sở Giáo dục và Đào tạo Hải Phòng",
    /// "Ủy ban nhân dân phường"), else from the symbol's body code (SGD → department, PGD →
    /// district, BGD → ministry, UBND → a committee of unknown level).
    func reading(issuer: String?, number: String?) -> Reading {
        if let issuer, let reading = fromName(issuer) { return reading }
        guard let number, let slash = number.firstIndex(of: "/") else { return Reading(level: nil, isLocalGovernment: false) }
        let code = DocumentNumberKey.key(String(number[number.index(after: slash)...]))
        if code.contains("BGD") { return Reading(level: .ministry, isLocalGovernment: false) }
        if code.contains("SGD") { return Reading(level: .department, isLocalGovernment: false) }
        if code.contains("PGD") { return Reading(level: .district, isLocalGovernment: false) }
        if code.contains("UBND") { return Reading(level: nil, isLocalGovernment: true) }
        return Reading(level: nil, isLocalGovernment: false)
    }

    func fromName(_ issuer: String) -> Reading? {
        let key = Folding.matchKey(issuer)
        guard let body = header.issuingBodies.matches(in: key).last else { return nil }
        if let level = body.value.level { return Reading(level: level, isLocalGovernment: false) }
        let rest = String(decoding: Array(key.utf8)[body.range.upperBound...], as: UTF8.self).trimming(" ,.-–:;")
        guard let admin = header.administrativeWords.prefixMatch(of: rest) else { return Reading(level: nil, isLocalGovernment: true) }
        let level: PlanLevel
        switch admin.value {
        case .province: level = .province
        case .city: level = header.provinceLevelCities.matches(in: rest).isEmpty ? .district : .province
        case .district: level = .district
        case .commune: level = .commune
        }
        return Reading(level: level, isLocalGovernment: true)
    }

    /// The names of a plan's own place, in search-key form: "Phường Lê Ích Mộc" → "le ich moc",
    /// "Phòng Giáo dục và Đào tạo huyện An Lão" → "an lao". Names shorter than 4 letters are
    /// dropped (too likely to occur by chance).
    func placeNames(of plan: Plan) -> [String] {
        var names: [String] = []
        for (text, needsAdminWord) in [(plan.metadata.place, false), (plan.metadata.issuer, true)] {
            guard let text else { continue }
            let key = Folding.matchKey(text)
            let words = header.administrativeWords.matches(in: key)
            var name: String
            if let last = words.last {
                name = String(decoding: Array(text.utf8)[last.range.upperBound...], as: UTF8.self)
            } else if needsAdminWord {
                continue
            } else {
                name = text
            }
            name = Folding.searchKey(name)
            if name.filter({ $0 != " " }).count >= 4, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The words in which a plan says where it stands: its issuer, place, title and the issuers
    /// of the documents it cites, in search-key form with spaces around.
    func localityText(of plan: Plan) -> String {
        let parts = [plan.metadata.issuer, plan.metadata.place, plan.metadata.title].compactMap { $0 }
            + plan.citations.compactMap(\.issuer)
        return " " + parts.map { Folding.searchKey($0) }.joined(separator: " | ") + " "
    }
}
