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
    public let documentTypes: PhraseMatcher<String>
    /// Type code (folded: uppercase, Đ → D) → document type name.
    public let typeCodes: [String: String]
    public let issuingBodies: PhraseMatcher<IssuingBody>
    public let administrativeWords: PhraseMatcher<AdministrativeKind>
    public let provinceLevelCities: PhraseMatcher<Bool>
    public let siteBanner: PhraseMatcher<Bool>
    public let preambleOpeners: PhraseMatcher<Bool>
    public let recipientsWords: PhraseMatcher<Bool>
    public let signaturePrefixes: PhraseMatcher<Bool>

    init(_ file: GrammarFile) throws(GrammarError) {
        try file.requireSections(["motto", "document types", "type codes", "issuing bodies", "body levels",
                                  "administrative words", "province-level cities", "site banner",
                                  "preamble openers", "recipients", "signature prefixes"])
        motto = file.phraseSet("motto")
        documentTypes = try file.keyedPhrases("document types")
        var codes: [String: String] = [:]
        for entry in file.section("type codes")?.entries ?? [] {
            guard let type = entry.key else { throw file.error(entry, "expected 'Type = CODE | CODE'") }
            for code in entry.values { codes[Self.foldCode(code)] = type }
        }
        typeCodes = codes
        var levels: [String: PlanLevel?] = [:]
        for entry in file.section("body levels")?.entries ?? [] {
            let level: PlanLevel?
            if entry.key == "local" {
                level = nil
            } else if let key = entry.key, let known = PlanLevel(rawValue: key) {
                level = known
            } else {
                throw file.error(entry, "unknown level '\(entry.key ?? "")'; known: local, \(PlanLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            for body in entry.values { levels[body] = level }
        }
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
        provinceLevelCities = file.phraseSet("province-level cities")
        siteBanner = file.phraseSet("site banner")
        preambleOpeners = file.phraseSet("preamble openers")
        recipientsWords = file.phraseSet("recipients")
        signaturePrefixes = file.phraseSet("signature prefixes")
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
