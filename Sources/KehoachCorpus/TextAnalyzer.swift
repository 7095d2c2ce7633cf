import KehoachGrammar
import KehoachText

/// Turns text into the terms the search index stores and the query looks up.
///
/// - A **word** term is a word of `Folding.searchKey`: lowercase ASCII, diacritics gone, đ → d,
///   so "Chữ ký số", "CHỮ KÝ SỐ" and "chu ky so" give the same three terms.
/// - A **concept** term stands for an abbreviation group of grammars/abbreviations.grammar
///   (`=` followed by the folded full form, e.g. `=can bo quan ly`). It is emitted wherever the
///   full form or any abbreviation of it occurs — at every word position, overlaps included —
///   so that "CBQL" in a query finds "cán bộ quản lý" in a plan and the other way round, and
///   "GDĐT" finds "GD&ĐT" and "Giáo dục và Đào tạo". A query phrase that names a group is
///   replaced by the group's concept term.
///
/// Byte ranges of tokens are UTF-8 offsets into the analysed text, for highlighting.
public struct TextAnalyzer: Sendable {
    public struct Token: Sendable, Equatable {
        public var term: String
        public var range: Range<Int>
        public var isConcept: Bool
    }

    private struct Phrase: Sendable {
        var rest: [String]
        var concept: String
    }

    /// First folded word of a phrase → the phrases starting with it, longest first.
    private let phrases: [String: [Phrase]]

    public init(abbreviations: AbbreviationGrammar) {
        var table: [String: [Phrase]] = [:]
        for (full, variants) in abbreviations.expansions {
            let fullWords = Folding.searchWords(full).map(String.init)
            guard !fullWords.isEmpty else { continue }
            let concept = "=" + fullWords.joined(separator: " ")
            var seen = Set<[String]>()
            for form in [full] + variants {
                let words = Folding.searchWords(form).map(String.init)
                guard let first = words.first, seen.insert(words).inserted else { continue }
                table[first, default: []].append(Phrase(rest: Array(words.dropFirst()), concept: concept))
            }
        }
        for key in table.keys { table[key]!.sort { $0.rest.count > $1.rest.count } }
        phrases = table
    }

    public init(grammar: Grammar) {
        self.init(abbreviations: grammar.abbreviations)
    }

    /// The folded words of `text` with their byte ranges.
    public static func words(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current: [UInt8] = []
        var start = 0
        var offset = 0
        let table = FoldTable.shared
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let folded: UInt8 = v < UInt32(table.count) ? table[Int(v)] : 0
            if folded != 0 {
                if current.isEmpty { start = offset }
                current.append(folded)
            } else if !current.isEmpty {
                tokens.append(Token(term: String(decoding: current, as: UTF8.self), range: start..<offset, isConcept: false))
                current.removeAll(keepingCapacity: true)
            }
            offset += UTF8.width(scalar)
        }
        if !current.isEmpty {
            tokens.append(Token(term: String(decoding: current, as: UTF8.self), range: start..<offset, isConcept: false))
        }
        return tokens
    }

    /// Word terms and concept terms of a text, as the index stores them.
    public func tokens(_ text: String) -> [Token] {
        let words = Self.words(text)
        var tokens = words
        for (i, word) in words.enumerated() {
            guard let candidates = phrases[word.term] else { continue }
            var emitted = Set<String>()
            for phrase in candidates where i + phrase.rest.count < words.count {
                var matches = true
                for (k, w) in phrase.rest.enumerated() where words[i + 1 + k].term != w {
                    matches = false
                    break
                }
                if matches, emitted.insert(phrase.concept).inserted {
                    let end = words[i + phrase.rest.count].range.upperBound
                    tokens.append(Token(term: phrase.concept, range: word.range.lowerBound..<end, isConcept: true))
                }
            }
        }
        return tokens
    }

    /// The terms a query asks for, each once, in query order: abbreviation groups become their
    /// concept term (longest phrase first), other words stay words.
    public func queryTerms(_ query: String) -> [String] {
        let words = Self.words(query).map(\.term)
        var terms: [String] = []
        var i = 0
        while i < words.count {
            var consumed = 1
            var term = words[i]
            if let candidates = phrases[words[i]] {
                for phrase in candidates where i + phrase.rest.count < words.count {
                    if phrase.rest.enumerated().allSatisfy({ words[i + 1 + $0.offset] == $0.element }) {
                        consumed = phrase.rest.count + 1
                        term = phrase.concept
                        break
                    }
                }
            }
            if !terms.contains(term) { terms.append(term) }
            i += consumed
        }
        return terms
    }
}

/// `Folding.searchKey` one scalar at a time: the ASCII byte a scalar folds to, 0 for a separator.
/// Built from `searchKey` itself so that the two never disagree.
enum FoldTable {
    static let shared: [UInt8] = (0..<UInt32(0x1F00)).map { value in
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        let key = Folding.searchKey(String(Character(scalar)))
        return key.utf8.count == 1 ? key.utf8.first! : 0
    }
}
