/// How a heading is numbered. The scheme, not the Markdown `#`s, decides a heading's depth.
public enum NumberingScheme: Hashable, Sendable, CustomStringConvertible {
    /// `PHẦN I`, `Phần 2`
    case part
    /// `I.`, `II`, `V.TỔ CHỨC` (and the ambiguous `C.`, `D.`: see `ambiguousLetter`)
    case roman
    /// `1.` is depth 1, `2.1.` depth 2, `1.1.1` depth 3 …
    case decimal(depth: Int)
    /// `1)`
    case arabicParenthesis
    /// `a)`, `b.`, `đ)`: the Vietnamese alphabet (no f, j, w, z)
    case letter
    /// `A.`, `B.`
    case upperLetter
    /// `Điều 1.` in a Quyết định
    case article
    /// `PHỤ LỤC`, `Phụ lục 2`
    case appendix

    public var description: String {
        switch self {
        case .part: return "part"
        case .roman: return "roman"
        case .decimal(let depth): return depth == 1 ? "arabic" : "decimal\(depth)"
        case .arabicParenthesis: return "arabic)"
        case .letter: return "letter"
        case .upperLetter: return "LETTER"
        case .article: return "article"
        case .appendix: return "appendix"
        }
    }
}

/// A heading's number as printed, without its punctuation: `II`, `2.1`, `a`, `PHỤ LỤC`.
public struct NumberingLabel: Hashable, Sendable {
    public var text: String
    public var scheme: NumberingScheme
    /// Its place in its sequence (II → 2, c → 3, 2.1 → 1), used to find skipped or repeated labels.
    public var ordinal: Int?
    /// An uppercase letter that is also a Roman numeral (`C`, `D`, `I`, `V`, `X`, `L`, `M`): the
    /// parser decides from the labels around it.
    public var ambiguousLetter: Bool

    public init(text: String, scheme: NumberingScheme, ordinal: Int?, ambiguousLetter: Bool = false) {
        self.text = text
        self.scheme = scheme
        self.ordinal = ordinal
        self.ambiguousLetter = ambiguousLetter
    }
}
