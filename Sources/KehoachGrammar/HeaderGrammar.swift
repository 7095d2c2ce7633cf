import KehoachText

/// An issuing body as the grammar knows it: its name in sentence case and the level it issues at.
public struct IssuingBody: Sendable, Hashable {
    public let name: String
    /// nil for a local government (UBND), whose level follows its place.
    public let level: PlanLevel?
}

/// The kind of place an administrative word names.
public enum AdministrativeKind: String, Sendable {
    case province, city, district, commune
}

/// grammars/header.grammar: motto, document types, issuing bodies, places, banners, closing.
public struct HeaderGrammar: Sendable {
    public let motto: PhraseMatcher<Bool>
    /// "DỰ THẢO", "KHẨN", "MẬT": stamps in the letterhead.
    public let stamps: PhraseMatcher<Bool>
    public let documentTypes: PhraseMatcher<String>
    /// Type code (folded: uppercase, Đ → D) → document type name.
    public let typeCodes: [String: String]
    public let issuingBodies: PhraseMatcher<IssuingBody>
    /// Words that begin a body's name the list does not know ("SỞ NỘI VỤ"), with the level of
    /// such a body (nil: the level of its place).
    public let bodyHeads: PhraseMatcher<PlanLevel?>
    /// Bodies named after the body above them ("BAN THƯỜNG TRỰC" of an Ủy ban).
    public let organs: PhraseMatcher<Bool>
    /// Words that make a body central: its level is ministry.
    public let centralWords: PhraseMatcher<Bool>
    public let administrativeWords: PhraseMatcher<AdministrativeKind>
    /// Phrases that start with an administrative word but name no place ("xã hội").
    public let notPlaces: PhraseMatcher<Bool>
    public let provinceLevelCities: PhraseMatcher<Bool>
    public let provinces: PhraseMatcher<Bool>
    public let siteBanner: PhraseMatcher<Bool>
    /// Whole lines that start a website's footer after the document ("Văn bản liên quan").
    public let siteFooter: PhraseMatcher<Bool>
    public let preambleOpeners: PhraseMatcher<Bool>
    public let recipientsWords: PhraseMatcher<Bool>
    public let signaturePrefixes: PhraseMatcher<Bool>
    public let officeTitles: PhraseMatcher<Bool>

    init(_ file: GrammarFile) throws(GrammarError) {
        try file.requireSections(["motto", "stamps", "document types", "type codes", "issuing bodies", "body levels", "body heads",
                                  "organs", "central words", "administrative words", "not places", "province-level cities", "provinces",
                                  "site banner", "site footer", "preamble openers", "recipients", "signature prefixes", "office titles"])
        motto = file.phraseSet("motto")
        stamps = file.phraseSet("stamps")
        documentTypes = try file.keyedPhrases("document types")
        var codes: [String: String] = [:]
        for entry in file.section("type codes")?.entries ?? [] {
            guard let type = entry.key else { throw file.error(entry, "expected 'Type = CODE | CODE'") }
            for code in entry.values { codes[Self.foldCode(code)] = type }
        }
        typeCodes = codes
        var levels: [String: PlanLevel?] = [:]
        for entry in file.section("body levels")?.entries ?? [] {
            let level = try Self.level(entry, in: file)
            for body in entry.values { levels[body] = level }
        }
        var heads = PhraseMatcher<PlanLevel?>()
        for entry in file.section("body heads")?.entries ?? [] {
            let level = try Self.level(entry, in: file)
            for head in entry.values { heads.insert(head, level) }
        }
        bodyHeads = heads
        organs = file.phraseSet("organs")
        centralWords = file.phraseSet("central words")
        var bodies = PhraseMatcher<IssuingBody>()
        for entry in file.section("issuing bodies")?.entries ?? [] {
            guard let name = entry.key else { throw file.error(entry, "expected 'Body name = phrase | phrase'") }
            guard let level = levels[name] else { throw file.error(entry, "'\(name)' has no entry in [body levels]") }
            for phrase in entry.values { bodies.insert(phrase, IssuingBody(name: name, level: level)) }
        }
        issuingBodies = bodies
        var admin = PhraseMatcher<AdministrativeKind>()
        for entry in file.section("administrative words")?.entries ?? [] {
            guard let key = entry.key, let kind = AdministrativeKind(rawValue: key) else {
                throw file.error(entry, "expected province, city, district or commune before '='")
            }
            for phrase in entry.values { admin.insert(phrase, kind) }
        }
        administrativeWords = admin
        notPlaces = file.phraseSet("not places")
        provinceLevelCities = file.phraseSet("province-level cities")
        provinces = file.phraseSet("provinces")
        siteBanner = file.phraseSet("site banner")
        siteFooter = file.phraseSet("site footer")
        preambleOpeners = file.phraseSet("preamble openers")
        recipientsWords = file.phraseSet("recipients")
        signaturePrefixes = file.phraseSet("signature prefixes")
        officeTitles = file.phraseSet("office titles")
    }

    /// The administrative words of a key that name a place: not those of "xã hội", "tỉnh ủy".
    public func places(in key: UnsafeBufferPointer<UInt8>) -> [PhraseMatch<AdministrativeKind>] {
        let excluded = notPlaces.matches(in: key).map(\.range.lowerBound)
        return administrativeWords.matches(in: key).filter { !excluded.contains($0.range.lowerBound) }
    }

    /// `level = …` of a body entry: a level word, or `local` (nil) for the level of its place.
    private static func level(_ entry: GrammarEntry, in file: GrammarFile) throws(GrammarError) -> PlanLevel? {
        if entry.key == "local" { return nil }
        guard let key = entry.key, let known = PlanLevel(rawValue: key) else {
            throw file.error(entry, "unknown level '\(entry.key ?? "")'; known: local, \(PlanLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return known
    }

    /// A type code compared as printed by any typist: uppercase, Đ as D.
    public static func foldCode(_ code: some StringProtocol) -> String {
        // codes are ASCII but for Đ: those are folded byte by byte, anything else the long way
        var folded: [UInt8] = []
        folded.reserveCapacity(code.utf8.count)
        var bytes = code.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte < 0x80 {
                folded.append(byte &- 0x61 < 26 ? byte - 0x20 : byte)
            } else if byte == 0xC4, let next = bytes.next(), next == 0x90 || next == 0x91 {
                folded.append(UInt8(ascii: "D"))   // Đ, đ
            } else {
                return String(code.uppercased().map { $0 == "Đ" ? "D" : $0 })
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }
}
