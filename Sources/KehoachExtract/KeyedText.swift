import KehoachGrammar
import KehoachParser
import KehoachText

/// A piece of plan text with its match key (same UTF-8 length), and the word- and
/// clause-level views the extractors need. Offsets are UTF-8 offsets, valid in both.
struct KeyedText {
    let text: String
    let key: String
    let keyBytes: [UInt8]
    private let textBytes: [UInt8]

    init(_ text: String, key: String? = nil) {
        self.text = text
        self.key = key ?? Folding.matchKey(text)
        keyBytes = Array(self.key.utf8)
        textBytes = Array(text.utf8)
    }

    init(_ run: TextRun) {
        self.init(run.text, key: run.key)
    }

    var count: Int { keyBytes.count }

    /// The first offset at or after `offset` that starts a character (not inside a UTF-8 sequence).
    func characterStart(_ offset: Int) -> Int {
        TextBytes.characterStart(keyBytes, from: offset)
    }

    /// The original text between two offsets.
    func text(_ range: Range<Int>) -> String {
        String(decoding: textBytes[range.clamped(to: 0..<textBytes.count)], as: UTF8.self)
    }

    /// The key between two offsets.
    func key(_ range: Range<Int>) -> String {
        String(decoding: keyBytes[range.clamped(to: 0..<keyBytes.count)], as: UTF8.self)
    }

    /// The clause around an offset: between the nearest `;` or sentence-ending `.` on each side.
    func clause(around offset: Int) -> Range<Int> {
        var start = offset
        while start > 0, !isClauseEnd(start - 1) { start -= 1 }
        var end = offset
        while end < count, !isClauseEnd(end) { end += 1 }
        return start..<end
    }

    /// `;`, or a `.` that ends a sentence (not "2.1", "v.v", "...", "edu.vn").
    func isClauseEnd(_ i: Int) -> Bool {
        let b = keyBytes[i]
        if b == UInt8(ascii: ";") { return true }
        guard b == UInt8(ascii: ".") else { return false }
        let next = i + 1 < count ? keyBytes[i + 1] : UInt8(ascii: " ")
        return next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
    }

    /// Up to `limit` words ending at `offset` (nearest last), each as a key range. Punctuation
    /// other than `/`, `&` and `-` inside a word stops the look-back.
    func words(before offset: Int, limit: Int, stopAtPunctuation: Bool = true) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var i = offset
        while words.count < limit {
            while i > 0, keyBytes[i - 1] == UInt8(ascii: " ") { i -= 1 }
            guard i > 0 else { break }
            if !TextBytes.isWordByte(keyBytes[i - 1]) {
                if stopAtPunctuation { break }
                i -= 1
                continue
            }
            let end = i
            while i > 0, TextBytes.isWordByte(keyBytes[i - 1]) { i -= 1 }
            words.insert(i..<end, at: 0)
        }
        return words
    }

    /// The longest phrase of `matcher` made of the last words before `offset` (1 to 4 words).
    func phrase<V>(endingAt offset: Int, in matcher: PhraseMatcher<V>) -> (range: Range<Int>, value: V)? {
        let ws = words(before: offset, limit: 5)
        guard let last = ws.last else { return nil }
        return keyBytes.withUnsafeBufferPointer { key in
            for first in ws {
                let range = first.lowerBound..<last.upperBound
                let words = UnsafeBufferPointer(rebasing: key[range])
                if let match = matcher.longestMatch(in: words, at: 0), match.length == range.count {
                    return (range, match.value)
                }
            }
            return nil
        }
    }

    /// `matcher`'s matches in the key between two offsets, as if that were the whole text;
    /// their ranges count from `range.lowerBound`.
    func matches<V>(of matcher: PhraseMatcher<V>, in range: Range<Int>) -> [PhraseMatch<V>] {
        let range = range.clamped(to: 0..<count)
        return keyBytes.withUnsafeBufferPointer { matcher.matches(in: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The longest phrase of `matcher` that starts at `offset` (after spaces).
    func phrase<V>(startingAt offset: Int, in matcher: PhraseMatcher<V>) -> (range: Range<Int>, value: V)? {
        var i = offset
        while i < count, keyBytes[i] == UInt8(ascii: " ") { i += 1 }
        let found: (Int, V)? = keyBytes.withUnsafeBufferPointer { matcher.longestMatch(in: $0, at: i) }
        return found.map { (i..<(i + $0.0), $0.1) }
    }
}
