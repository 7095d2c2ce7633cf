/// Puts back the capitals that TCVN3 cannot write.
///
/// VN3 has no codes for capitals with tone marks: "KẾ HOẠCH" was typed with the lowercase codes
/// in an all-capitals ".VnTimeH" font and decodes as "Kế HOạCH". The font is not in the bytes,
/// but the letters around a shared code show it: a lowercase toned letter among capitals was a
/// capital. Ordinary mixed case ("Kế hoạch", "Sở GDĐT", "Ủy" typed as "ủy") is left alone.
enum TCVN3Case {
    /// The lowercase letters whose code TCVN3 shares with their capital (the toned vowels),
    /// mapped to that capital. Ă Â Ê Ô Ơ Ư Đ have codes of their own and are not shared.
    static let capitals: [UInt32: Unicode.Scalar] = {
        var characters: Set<UInt32> = []
        for case .character(let scalar) in LegacyChart.tcvn3.entries { characters.insert(scalar.value) }
        var capitals: [UInt32: Unicode.Scalar] = [:]
        for value in characters where value >= 0x80 && VietnameseLetters.isLowercaseLetter(value) {
            let upper = Unicode.Scalar(value)?.properties.uppercaseMapping.unicodeScalars
            guard let upper, upper.count == 1, let capital = upper.first,
                  !characters.contains(capital.value) else { continue }
            capitals[value] = capital
        }
        return capitals
    }()

    /// The text with shared letters capitalised where a word shows the capitals font: its other
    /// letters are capitals, two of them or one after the shared letter ("HOạCH", "ủY"). Then
    /// - in a line whose other letters are all capitals, every word: "Kế HOạCH" → "KẾ HOẠCH",
    ///   "ở Hà NộI" → "Ở HÀ NỘI";
    /// - in a mixed line, that word and the capitalised words next to it: "Kế HOạCH Chuyển đổi"
    ///   → "KẾ HOẠCH Chuyển đổi".
    /// Capitals alone are no evidence: "Số: 364/KH-PGDĐT" and "Sở GDĐT" stay as they are.
    /// Linear in the text; lines without a shared letter are copied as they are.
    static func restore(_ text: String) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(text.utf8.count)
        var line: [Unicode.Scalar] = []
        var changed = false
        func endLine() {
            changed = restoreLine(&line) || changed
            for scalar in line { UTF8.encode(scalar) { utf8.append($0) } }
            line.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                endLine()
                utf8.append(UInt8(ascii: "\n"))
            } else {
                line.append(scalar)
            }
        }
        endLine()
        return changed ? String(decoding: utf8, as: UTF8.self) : text
    }

    /// A maximal run of Latin letters in a line, and what its letters say about its case.
    private struct Word {
        var range: Range<Int>
        var capitals = 0
        /// A lowercase letter with a code of its own: the word is not in capitals.
        var ownLowercase = false
        var shared = 0
        /// A capital after a shared letter ("ủY"): only the capitals font writes that.
        var capitalAfterShared = false

        /// Every letter that has its own code is a capital.
        var isCapitalised: Bool { capitals > 0 && !ownLowercase }
        /// Capitals around a shared letter: this word was typed in the capitals font.
        var showsCapitalsFont: Bool { isCapitalised && shared > 0 && (capitals >= 2 || capitalAfterShared) }
    }

    /// Restores one line in place; true when it changed.
    private static func restoreLine(_ line: inout [Unicode.Scalar]) -> Bool {
        guard line.contains(where: { capitals[$0.value] != nil }) else { return false }
        let words = words(in: line)
        var restore: [Range<Int>] = []
        if words.allSatisfy({ !$0.ownLowercase }) {
            if words.contains(where: \.showsCapitalsFont) { restore = words.map(\.range) }
        } else {
            var run: [Word] = []
            for word in words + [Word(range: line.count..<line.count)] {
                if word.isCapitalised {
                    run.append(word)
                    continue
                }
                if run.contains(where: \.showsCapitalsFont) { restore += run.map(\.range) }
                run.removeAll()
            }
        }
        var changed = false
        for range in restore {
            for i in range {
                if let capital = capitals[line[i].value] {
                    line[i] = capital
                    changed = true
                }
            }
        }
        return changed
    }

    private static func words(in line: [Unicode.Scalar]) -> [Word] {
        var words: [Word] = []
        var current: Word? = nil
        var previousShared = false
        for (i, scalar) in line.enumerated() {
            let value = scalar.value
            guard Folding.isLetter(scalar) else {
                if let word = current { words.append(word) }
                current = nil
                previousShared = false
                continue
            }
            var word = current ?? Word(range: i..<i)
            word.range = word.range.lowerBound..<(i + 1)
            let isShared = capitals[value] != nil
            if isShared {
                word.shared += 1
            } else if VietnameseLetters.isUppercase(value) {
                word.capitals += 1
                if previousShared { word.capitalAfterShared = true }
            } else {
                word.ownLowercase = true
            }
            previousShared = isShared
            current = word
        }
        if let word = current { words.append(word) }
        return words
    }
}
