/// How much a text reads as Vietnamese: the measure that picks a legacy encoding.
///
/// A wrong chart turns letters into symbols, foreign letters or impossible spellings, so the
/// share of non-ASCII characters that sit in well-formed Vietnamese syllables separates the
/// right reading from the wrong ones (and from random bytes) without a dictionary.
enum VietnameseSyllable {
    /// Counts over one text; ASCII-only words say nothing about the encoding and are skipped.
    struct Evidence: Sendable {
        /// Non-ASCII characters inside well-formed Vietnamese syllables.
        var explained = 0
        /// Non-ASCII characters that are not neutral punctuation.
        var considered = 0

        /// The share explained, with `junk` (unmapped bytes, control codes) counted against it.
        func score(junk: Int = 0) -> Double {
            let total = considered + junk
            return total == 0 ? 0 : Double(explained) / Double(total)
        }
    }

    static func evidence(in text: String) -> Evidence {
        var evidence = Evidence()
        var word: [UInt16] = []
        var nonASCII = 0
        var wellSpelt = true
        func endWord() {
            if nonASCII > 0 {
                evidence.considered += nonASCII
                if wellSpelt && isSyllable(word) { evidence.explained += nonASCII }
            }
            word.removeAll(keepingCapacity: true)
            nonASCII = 0
            wellSpelt = true
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isLetter = value < VietnameseLetters.tableSize && VietnameseLetters.base[Int(value)] != 0
            if isLetter || value == 0xFFFD || (0x300...0x36F).contains(value) {
                let code = isLetter ? letterCodes[Int(VietnameseLetters.lowercase(value))] : 0
                if code == 0 { wellSpelt = false } else { word.append(code) }
                if value >= 0x80 { nonASCII += 1 }
                continue
            }
            endWord()
            if value >= 0x80 && !isNeutral(value) { evidence.considered += 1 }
        }
        endWord()
        return evidence
    }

    /// Punctuation every chart shares (no-break space, Windows-1252's quotes and dashes).
    private static func isNeutral(_ value: UInt32) -> Bool {
        value == 0xA0 || (0x2000...0x206F).contains(value)
    }

    // MARK: Spelling

    /// Letters as small codes: ASCII for a–z, these for the letters with a modifier.
    private static let modified: [Character: UInt8] = ["ă": 1, "â": 2, "ê": 3, "ô": 4, "ơ": 5, "ư": 6, "đ": 7]

    /// Vowels with their tones, in the order none, grave, acute, hook, tilde, dot below.
    private static let tonedVowels = [
        "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
    ]
    private static let (acute, dotBelow): (UInt16, UInt16) = (2, 5)

    /// `letterCodes[lowercase scalar]`: letter code | tone << 8; 0 for letters Vietnamese does
    /// not spell with (f, j, w, z, ç, ñ…).
    private static let letterCodes: [UInt16] = {
        var codes = [UInt16](repeating: 0, count: VietnameseLetters.tableSize)
        for letter in "bcdghklmnpqrstvx".unicodeScalars { codes[Int(letter.value)] = UInt16(letter.value) }
        codes[0x111] = UInt16(modified["đ"] ?? 0)
        for row in tonedVowels {
            let plain = code(of: row.first ?? "a")
            for (tone, vowel) in row.unicodeScalars.enumerated() {
                codes[Int(vowel.value)] = UInt16(plain) | UInt16(tone) << 8
            }
        }
        return codes
    }()

    private static func code(of letter: Character) -> UInt8 {
        modified[letter] ?? letter.asciiValue ?? 0
    }

    /// Up to four letter codes packed into one key.
    private static func pack<C: Collection>(_ codes: C) -> UInt32 where C.Element == UInt8 {
        codes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func keys(_ spellings: String) -> Set<UInt32> {
        Set(spellings.split(separator: " ").map { key(String($0)) })
    }

    private static let onsets = keys("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x").union([0])
    private static let codas = keys("c ch m n ng nh p t").union([0])
    private static let stopCodas = keys("c ch p t")
    private static let palatalCodas = keys("ch nh")
    /// Nuclei that may end the syllable or take a final consonant.
    private static let openNuclei = keys("a e ê i o ô ơ u ư y oa oe oo uê uy uơ")
    /// Nuclei that need a final consonant ("ăn", "tiên", "muốn", "người").
    private static let checkedNuclei = keys("ă â iê yê uô ươ oă uâ uyê")
    /// Nuclei ending in a glide, which take no final consonant.
    private static let glideNuclei = keys(
        "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu oai oay oao oeo iêu yêu uôi ươi ươu uây uya uyu")

    /// Vowels that take k, gh, ngh rather than c, g, ng; y only matters after k ("kỹ").
    private static let frontVowels: Set<UInt8> = [code(of: "i"), code(of: "e"), code(of: "ê")]
    private static let palatalEnds: Set<UInt8> = [code(of: "a"), code(of: "ê"), code(of: "i"), code(of: "y")]
    private static let (k, c, g, gh, ng, ngh, qu) = (key("k"), key("c"), key("g"), key("gh"), key("ng"), key("ngh"), key("qu"))
    private static let (e, ê, o, u, ư, y) = (code(of: "e"), code(of: "ê"), code(of: "o"), code(of: "u"), code(of: "ư"), code(of: "y"))

    private static func key(_ spelling: String) -> UInt32 { pack(spelling.map(code(of:))) }

    /// Whether a word (letter codes with tones) is one well-formed Vietnamese syllable:
    /// onset + nucleus + final, at most one tone, the tone rule for -c/-ch/-p/-t, and the
    /// c/k/q, g/gh and ng/ngh spelling rules.
    static func isSyllable(_ word: [UInt16]) -> Bool {
        guard (1...7).contains(word.count) else { return false }
        var tone: UInt16 = 0
        var letters: [UInt8] = []
        letters.reserveCapacity(word.count)
        for code in word {
            if code >> 8 != 0 {
                guard tone == 0 else { return false }
                tone = code >> 8
            }
            letters.append(UInt8(code & 0xFF))
        }
        for onsetLength in 0...min(3, letters.count - 1) {
            let onset = pack(letters[..<onsetLength])
            guard onsets.contains(onset) else { continue }
            for codaLength in 0...min(2, letters.count - onsetLength - 1) {
                let nucleus = letters[onsetLength..<(letters.count - codaLength)]
                let coda = pack(letters[(letters.count - codaLength)...])
                if nucleus.count <= 3, codas.contains(coda),
                   fits(onset: onset, nucleus: nucleus, coda: coda, tone: tone) {
                    return true
                }
            }
        }
        return false
    }

    private static func fits(onset: UInt32, nucleus: ArraySlice<UInt8>, coda: UInt32, tone: UInt16) -> Bool {
        guard let first = nucleus.first, let last = nucleus.last else { return false }
        let vowels = pack(nucleus)
        if glideNuclei.contains(vowels) {
            guard coda == 0 else { return false }
        } else if checkedNuclei.contains(vowels) {
            guard coda != 0 else { return false }
        } else if !openNuclei.contains(vowels) {
            return false
        }
        if stopCodas.contains(coda) && tone != acute && tone != dotBelow { return false }
        if palatalCodas.contains(coda) && !palatalEnds.contains(last) { return false }
        let front = frontVowels.contains(first)
        switch onset {
        case k: return front || first == y
        case c: return !front && first != y
        case gh, ngh: return front
        case g: return first != e && first != ê
        case ng: return !front
        case qu: return first != u && first != o && first != ư
        default: return true
        }
    }
}
