/// How a numbering level shows its counter (`w:numFmt`): the formats Vietnamese plans use, and
/// decimal for any other, as Word falls back to.
enum NumberFormat: Equatable, Sendable {
    case decimal, decimalZero, upperRoman, lowerRoman, upperLetter, lowerLetter, bullet, none

    init(_ value: String?) {
        switch value {
        case "decimalZero": self = .decimalZero
        case "upperRoman": self = .upperRoman
        case "lowerRoman": self = .lowerRoman
        case "upperLetter": self = .upperLetter
        case "lowerLetter": self = .lowerLetter
        case "bullet": self = .bullet
        case "none": self = .none
        default: self = .decimal
        }
    }

    func render(_ value: Int) -> String {
        switch self {
        case .decimal, .bullet: return String(value)
        case .decimalZero: return value < 10 ? "0" + String(value) : String(value)
        case .upperRoman: return Self.roman(value)
        case .lowerRoman: return Self.roman(value).lowercased()
        case .upperLetter: return Self.letters(value).uppercased()
        case .lowerLetter: return Self.letters(value)
        case .none: return ""
        }
    }

    /// Word's letters: a…z, then aa…zz, aaa… (the letter repeated, not a base-26 number).
    private static func letters(_ value: Int) -> String {
        guard value > 0 else { return "" }
        let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8((value - 1) % 26)))
        return String(repeating: letter, count: min((value - 1) / 26 + 1, 64))
    }

    private static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return String(value) }
        var rest = value
        var out = ""
        for (amount, letters) in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                                  (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
            while rest >= amount {
                out += letters
                rest -= amount
            }
        }
        return out
    }
}
