import Foundation
import XCTest
@testable import KehoachText

/// Legacy Vietnamese encodings: fixtures are the shipped plans in `corpus/`, written out in each
/// legacy chart by `LegacyDecoder.encode`, then read back through `TextDecoder.decode`.
final class LegacyEncodingTests: XCTestCase {
    static let legacyEncodings: [SourceEncoding] = [.tcvn3, .vniWindows, .windows1258]

    /// The shipped plans, NFC, by file name. The package root is three levels above this file.
    static let plans: [(name: String, text: String)] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
            return (name, String(decoding: data, as: UTF8.self).precomposedStringWithCanonicalMapping)
        }
    }()

    /// The text a chart can carry. Only TCVN3 loses anything: VN3 has no capitals with tone
    /// marks (nor Ĩ, Ũ, Ỹ…): only Ă Â Ê Ô Ơ Ư Đ beyond ASCII. Such a capital comes back as a
    /// capital inside a word written in capitals ("KẾ HOẠCH", "V.TỔ CHỨC") and lowercase in a
    /// mixed-case word ("Ủy" → "ủy", "Ích" → "ích"). VNI and Windows-1258 represent every
    /// character of the plans, including the Windows-1252 punctuation – “ ”.
    static func representable(_ text: String, in encoding: SourceEncoding) -> String {
        guard encoding == .tcvn3 else { return text }
        let tcvn3Capitals = Set("ĂÂÊÔƠƯĐ".unicodeScalars)
        var view = String.UnicodeScalarView()
        var word: [Unicode.Scalar] = []
        func endWord() {
            let inCapitals = word.count >= 2 && word.allSatisfy(Folding.isUppercase)
            for scalar in word {
                if !inCapitals, !scalar.isASCII, Folding.isUppercase(scalar), !tcvn3Capitals.contains(scalar) {
                    view.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    view.append(scalar)
                }
            }
            word.removeAll()
        }
        for scalar in text.unicodeScalars {
            if Folding.isLetter(scalar) {
                word.append(scalar)
            } else {
                endWord()
                view.append(scalar)
            }
        }
        endWord()
        return String(view)
    }

    func test_corpusHasPlans() {
        XCTAssertFalse(Self.plans.isEmpty, "no corpus/*.txt found")
    }

    private func assertDecodesToThePlan(_ encoding: SourceEncoding, file: StaticString = #filePath, line: UInt = #line) throws {
        for plan in Self.plans {
            let bytes = LegacyDecoder.encode(plan.text, as: encoding)
            let decoded = try TextDecoder.decode(bytes)
            XCTAssertEqual(decoded.encoding, encoding, plan.name, file: file, line: line)
            XCTAssertEqual(decoded.text, Self.representable(plan.text, in: encoding), plan.name, file: file, line: line)
            XCTAssertEqual(decoded.text, decoded.text.precomposedStringWithCanonicalMapping, "not NFC: \(plan.name)", file: file, line: line)
            let diagnostic = decoded.diagnostics.first { $0.id == "decode.legacy" }
            XCTAssertEqual(diagnostic?.severity, .warning, plan.name, file: file, line: line)
            XCTAssertTrue(diagnostic?.message.contains(encoding.rawValue) ?? false, plan.name, file: file, line: line)
            XCTAssertTrue(diagnostic?.message.contains("0 bytes could not be mapped") ?? false, plan.name, file: file, line: line)
        }
    }

    private func assertMisdecodedFormIsRepaired(_ encoding: SourceEncoding, file: StaticString = #filePath, line: UInt = #line) throws {
        for plan in Self.plans {
            let mojibake = LegacyDecoder.misdecodedForm(of: plan.text, as: encoding)
            let decoded = try TextDecoder.decode(Array(mojibake.utf8))
            XCTAssertEqual(decoded.encoding, encoding, plan.name, file: file, line: line)
            XCTAssertEqual(decoded.text, Self.representable(plan.text, in: encoding), plan.name, file: file, line: line)
            XCTAssertEqual(decoded.diagnostics.first?.id, "decode.misdecoded", plan.name, file: file, line: line)
        }
    }

    func test_tcvn3Bytes_decodeToTheUnicodePlan() throws { try assertDecodesToThePlan(.tcvn3) }
    func test_vniWindowsBytes_decodeToTheUnicodePlan() throws { try assertDecodesToThePlan(.vniWindows) }
    func test_windows1258Bytes_decodeToTheUnicodePlan() throws { try assertDecodesToThePlan(.windows1258) }

    func test_tcvn3ReadAsWindows1252_isRepaired() throws { try assertMisdecodedFormIsRepaired(.tcvn3) }
    func test_vniWindowsReadAsWindows1252_isRepaired() throws { try assertMisdecodedFormIsRepaired(.vniWindows) }
    func test_windows1258ReadAsWindows1252_isRepaired() throws { try assertMisdecodedFormIsRepaired(.windows1258) }

    func test_knownMojibake_isRepairedToKeHoach() {
        XCTAssertEqual(LegacyDecoder.repairMisdecoded("KÕ ho¹ch gi¸o dôc cña tr\u{AD}êng")?.text, "Kế hoạch giáo dục của trường")
        XCTAssertEqual(LegacyDecoder.repairMisdecoded("Keá hoaïch giaùo duïc cuûa tröôøng")?.text, "Kế hoạch giáo dục của trường")
        XCTAssertEqual(LegacyDecoder.misdecodedForm(of: "Kế hoạch", as: .tcvn3), "KÕ ho¹ch")
        XCTAssertEqual(LegacyDecoder.misdecodedForm(of: "Kế hoạch", as: .vniWindows), "Keá hoaïch")
    }

    func test_tcvn3CapitalsWithToneMarks_comeBackInCapitalWordsOnly() {
        let bytes = LegacyDecoder.encode("KẾ HOẠCH của Đảng\nỦy ban", as: .tcvn3)
        XCTAssertEqual(LegacyDecoder.decode8Bit(bytes)?.text, "KẾ HOẠCH của Đảng\nủy ban")
    }

    func test_vniCapitals_useTheUppercaseMarkBytes() {
        XCTAssertEqual(LegacyDecoder.encode("Ế ế", as: .vniWindows), [0x45, 0xC1, 0x20, 0x65, 0xE1])
    }

    func test_windows1258Marks_composeToNFC() {
        // "Việt Nam" written as ê + combining dot below (0xF2), and a stray mark on a consonant.
        let decoded = LegacyDecoder.decode8Bit([0x56, 0x69, 0xEA, 0xF2, 0x74, 0x20, 0x4E, 0x61, 0x6D, 0x20,
                                                0x6E, 0x67, 0xE0, 0x79, 0x20, 0x63, 0xE1, 0x63])
        XCTAssertEqual(decoded?.text, "Việt Nam ngày các")
        XCTAssertEqual(decoded?.encoding, .windows1258)
    }

    func test_unicodeVietnamese_isNotTouchedByRepair() {
        for plan in Self.plans {
            XCTAssertNil(LegacyDecoder.repairMisdecoded(plan.text), plan.name)
        }
        XCTAssertNil(LegacyDecoder.repairMisdecoded("Tôi yêu em, và em yêu tôi."))  // only Latin-1 letters
        XCTAssertNil(LegacyDecoder.repairMisdecoded("Kế hoạch giáo dục năm học 2025 – 2026"))
    }

    func test_asciiAndOtherLatinText_isNotTouchedByRepair() {
        XCTAssertNil(LegacyDecoder.repairMisdecoded("The school plan for 2025-2026, section 1.2: goals and tasks."))
        XCTAssertNil(LegacyDecoder.repairMisdecoded("Café, naïve résumé: “quoted” – © 2024 Müller & Søn"))
        XCTAssertNil(LegacyDecoder.repairMisdecoded(""))
    }

    func test_syllableCheck_acceptsVietnameseSpellingAndRejectsMojibake() {
        func explains(_ word: String) -> Bool { VietnameseSyllable.evidence(in: word).explained > 0 }
        for word in ["quốc", "giữa", "nghiêng", "khuỷu", "thuở", "người", "được", "hoạch", "Ủy", "kỹ", "gì",
                     "khuỵu", "xuất", "chuyển", "HOạCH", "ĐỀ", "oái", "giếng", "tuyết", "huỳnh"] {
            XCTAssertTrue(explains(word), word)
        }
        for word in ["KÕ", "ho¹ch", "viÖc", "Keá", "hoaïch", "kơ", "cé", "ghă", "ngê", "ngàc", "hoàt", "café",
                     "BGDĐT", "ăă", "tiê", "chuyểnn", "naïve"] {
            XCTAssertFalse(explains(word), word)
        }
    }

    func test_randomBytes_fitNoEncoding() {
        var generator = SplitMix64(seed: 0x6B65686F616368)
        for size in [64, 1_000, 16_384] {
            for _ in 0..<5 {
                let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
                XCTAssertNil(LegacyDecoder.decode8Bit(bytes), "\(size) random bytes")
            }
        }
        // Latin-1 text in another language is not Vietnamese either.
        let french = Array("Le café était très élevé à côté de la forêt; où êtes-vous? Noël, garçon.".unicodeScalars.map { UInt8($0.value) })
        XCTAssertNil(LegacyDecoder.decode8Bit(french))
    }

    func test_anyByteSequence_isHandled() {
        for byte in UInt8(0)...UInt8(255) {
            for chart in LegacyDecoder.charts {
                var converter = LegacyConverter(chart: chart)
                converter.feed(byte)
                converter.feed(byte)
                _ = converter.finish()
            }
        }
        _ = LegacyDecoder.decode8Bit([])
        _ = LegacyDecoder.decode8Bit([0xE1, 0xE1, 0xFF, 0x00, 0xCC])
    }

    func test_largeInput_decodesInLinearTime() throws {
        guard let plan = Self.plans.first else { return XCTFail("no corpus") }
        let bytes = LegacyDecoder.encode(plan.text, as: .tcvn3)
        let large = Array([[UInt8]](repeating: bytes, count: 100).joined())   // ≈ 2 MB
        let start = Date()
        let decoded = LegacyDecoder.decode8Bit(large)
        XCTAssertEqual(decoded?.encoding, .tcvn3)
        XCTAssertEqual(decoded?.text.utf8.count, Self.representable(plan.text, in: .tcvn3).utf8.count * 100)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20, "2 MB took too long even for a debug build")
    }
}

/// A seeded generator, so the random-bytes test fails the same way every run.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
