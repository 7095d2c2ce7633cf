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
    /// Whether the text has a digit: without one it holds no number, date or year.
    let hasDigit: Bool

    init(_ text: String, key: String? = nil) {
        self.text = text
        self.key = key ?? Folding.matchKey(text)
        keyBytes = Array(self.key.utf8)
        textBytes = Array(text.utf8)
        hasDigit = keyBytes.withUnsafeBufferPointer(TextBytes.containsDigit)
    }

    init(_ run: TextRun) {
        self.init(run.text, key: run.key)
    }

    var count: Int { keyBytes.count }

    /// The first offset at or after `offset` that starts a character (not inside a UTF-8 sequence).
    func characterStart(_ offset: Int) -> Int {
        TextBytes.characterStart(keyBytes, from: offset)
    }

    /// Whether the character at `offset` is a capital letter in the original text.
    func isCapitalized(at offset: Int) -> Bool {
        guard offset < textBytes.count else { return false }
        let end = min(offset + 4, textBytes.count)
        return String(decoding: textBytes[offset..<end], as: UTF8.self).unicodeScalars.first.map(Folding.isUppercase) ?? false
    }

    /// The original text between two offsets.
    func text(_ range: Range<Int>) -> String {
        String(decoding: textBytes[range.clamped(to: 0..<textBytes.count)], as: UTF8.self)
    }

    /// The key between two offsets.
    func key(_ range: Range<Int>) -> String {
        String(decoding: keyBytes[range.clamped(to: 0..<keyBytes.count)], as: UTF8.self)
    }

    /// A range without the given bytes at either end.
    func trimmed(_ range: Range<Int>, of bytes: Set<UInt8>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes.contains(keyBytes[lower]) { lower += 1 }
        while upper > lower, bytes.contains(keyBytes[upper - 1]) { upper -= 1 }
        return lower..<upper
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

    /// The longest phrase of `matcher` made of the last words before `offset` (1 to 5 words).
    /// Punctuation other than `/`, `&` and `-` inside a word stops the look-back. Called for
    /// every number and every candidate date, so the word starts are kept on the stack.
    func phrase<V>(endingAt offset: Int, in matcher: PhraseMatcher<V>) -> (range: Range<Int>, value: V)? {
        keyBytes.withUnsafeBufferPointer { key in withUnsafeTemporaryAllocation(of: Int.self, capacity: 5) { starts in
            var count = 0
            var end = offset
            var i = offset
            while count < 5 {
                while i > 0, key[i - 1] == UInt8(ascii: " ") { i -= 1 }
                guard i > 0, TextBytes.isWordByte(key[i - 1]) else { break }
                if count == 0 { end = i }
                while i > 0, TextBytes.isWordByte(key[i - 1]) { i -= 1 }
                starts[count] = i
                count += 1
            }
            // the farthest start first: the longest phrase wins
            for k in stride(from: count - 1, through: 0, by: -1) {
                let range = starts[k]..<end
                if let match = matcher.longestMatch(in: UnsafeBufferPointer(rebasing: key[range]), at: 0), match.length == range.count {
                    return (range, match.value)
                }
            }
            return nil
        } }
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
