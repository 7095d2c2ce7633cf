/// The list definitions of `word/numbering.xml`: abstract lists (`w:abstractNum`) with their
/// levels, and the list instances (`w:num`) paragraphs point at, with their start overrides.
struct Numbering: Sendable {
    struct Level: Sendable {
        var start = 1
        var format = NumberFormat.decimal
        /// `%1.%2.`: the label, each `%n` standing for level n's counter (`w:lvlText`).
        var text = "" { didSet { pieces = Piece.parse(text) } }
        /// `text` cut into its literal parts and counters, once.
        private(set) var pieces: [Piece] = []
        /// `w:lvlRestart`: the level restarts when a level above this one-based number is used;
        /// 0 never. Nil: after any level above it.
        var restartAfter: Int?
        /// `w:isLgl`: the levels above it shown as decimals.
        var legal = false
        /// Nothing follows the label (`w:suff w:val="nothing"`); else a tab or space, read as a space.
        var noSuffix = false
        /// A paragraph style tied to the level (`w:pStyle`).
        var style: String?
    }

    /// A part of a level's label: text as written, or the counter of level `index` (0-based).
    enum Piece: Equatable, Sendable {
        case literal(String)
        case counter(Int)

        static func parse(_ text: String) -> [Piece] {
            var pieces: [Piece] = []
            var literal = ""
            var scalars = text.unicodeScalars.makeIterator()
            while let scalar = scalars.next() {
                guard scalar == "%" else {
                    literal.unicodeScalars.append(scalar)
                    continue
                }
                guard let digit = scalars.next() else { break }
                guard let n = digit.properties.numericType == .decimal ? Int(String(digit)) : nil, (1...Numbering.maxLevels).contains(n) else {
                    literal.unicodeScalars.append(digit)
                    continue
                }
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                pieces.append(.counter(n - 1))
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            return pieces
        }
    }

    struct Instance: Sendable {
        var abstract: Int
        /// Per level (0–8), the start value this instance sets, if any.
        var startOverrides = [Int?](repeating: nil, count: Numbering.maxLevels)
        var overridesStart: Bool { startOverrides.contains { $0 != nil } }
    }

    /// Per abstract list, its levels 0–8 (nil where it defines none).
    var abstracts: [Int: [Level?]] = [:]
    var instances: [Int: Instance] = [:]

    static let maxLevels = 9

    init() {}

    init(xml bytes: UnsafeBufferPointer<UInt8>) {
        var part = WordPart(bytes)
        var abstract: Int? = nil
        var instance: Int? = nil
        var level: (index: Int, value: Level)? = nil
        var override: Int? = nil
        while let event = part.next() {
            switch event {
            case .start(let tag):
                switch part.element(tag) {
                case .abstractNum?: abstract = part.scanner.attributeInt(Array("abstractNumId".utf8), of: tag)
                case .num?: instance = part.scanner.attributeInt(Array("numId".utf8), of: tag)
                case .lvl?:
                    if let index = part.scanner.attributeInt(Array("ilvl".utf8), of: tag), (0..<Self.maxLevels).contains(index) {
                        level = (index, Level())
                    }
                case .lvlOverride?: override = part.scanner.attributeInt(Array("ilvl".utf8), of: tag)
                case .start? where level != nil: level!.value.start = max(0, part.intValue(tag) ?? 1)
                case .numFmt? where level != nil: level!.value.format = NumberFormat(part.value(tag))
                case .lvlText? where level != nil: level!.value.text = part.value(tag) ?? ""
                case .lvlRestart? where level != nil: level!.value.restartAfter = part.intValue(tag)
                case .isLgl? where level != nil: level!.value.legal = part.isOn(tag)
                case .suff? where level != nil: level!.value.noSuffix = part.value(tag) == "nothing"
                case .pStyle? where level != nil: level!.value.style = part.value(tag)
                case .abstractNumId? where instance != nil:
                    if let id = instance, let target = part.intValue(tag) { instances[id] = Instance(abstract: target) }
                case .startOverride? where instance != nil && override != nil:
                    if let id = instance, let value = part.intValue(tag), (0..<Self.maxLevels).contains(override!) {
                        instances[id]?.startOverrides[override!] = value
                    }
                default: break
                }
            case .end(let tag):
                switch part.element(tag) {
                case .abstractNum?: abstract = nil
                case .num?: instance = nil
                case .lvlOverride?: override = nil
                case .lvl?:
                    // a level inside a w:lvlOverride replaces nothing here: Word itself rarely writes them
                    if let (index, value) = level, let abstract, override == nil {
                        abstracts[abstract, default: [Level?](repeating: nil, count: Self.maxLevels)][index] = value
                    }
                    level = nil
                default: break
                }
            case .text: break
            }
        }
    }

    /// The level tied to a paragraph style in a list, for a style's numbering with no level.
    func level(ofStyle style: String, numId: Int) -> Int? {
        guard let abstract = instances[numId]?.abstract else { return nil }
        return abstracts[abstract]?.firstIndex { $0?.style == style }
    }
}
