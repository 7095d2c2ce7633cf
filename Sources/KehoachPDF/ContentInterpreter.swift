/// A page's content stream → the glyphs it shows (ISO 32000-1, 9.4): the text state
/// (`Tf Tc Tw Tz TL Ts`), positioning (`Td TD Tm T*`), showing (`Tj TJ ' "`), the graphics
/// state stack (`q Q cm`), and form XObjects (`Do`), whose images it counts to tell a scan.
/// Everything else (paths, colours, images' data) is passed over.
struct ContentInterpreter {
    let file: PDFFile
    /// Operators per page, against content that never ends; glyphs likewise.
    static let maxOperators = 2_000_000
    static let maxGlyphs = 500_000

    struct Result {
        var glyphs: [PlacedGlyph] = []
        var images = 0
        var operators = 0
    }

    private struct TextState {
        var font = PDFFont.fallback
        var size = 12.0
        var charSpacing = 0.0, wordSpacing = 0.0, scale = 1.0, leading = 0.0, rise = 0.0
    }

    private struct GraphicsState {
        var ctm = AffineTransform.identity
        var text = TextState()
    }

    func run(_ contents: [UInt8], resources: [String: PDFObject]) -> Result {
        var result = Result()
        var fonts: [String: PDFFont] = [:]
        interpret(contents, resources: resources, state: GraphicsState(), depth: 0, fonts: &fonts, into: &result)
        return result
    }

    private func interpret(_ contents: [UInt8], resources: [String: PDFObject], state initial: GraphicsState, depth: Int,
                           fonts: inout [String: PDFFont], into result: inout Result) {
        var reader = PDFSyntax(contents)
        var stack: [GraphicsState] = []
        var state = initial
        var textMatrix = AffineTransform.identity, lineMatrix = AffineTransform.identity
        var operands: [PDFObject] = []
        let fontResources = file.resolve(resources["Font"])?.dictionary ?? [:]
        let xObjects = file.resolve(resources["XObject"])?.dictionary ?? [:]

        func numbers() -> [Double] { operands.compactMap(\.number) }
        func moveLine(_ tx: Double, _ ty: Double) {
            lineMatrix = AffineTransform.translation(tx, ty).then(lineMatrix)
            textMatrix = lineMatrix
        }
        func show(_ string: [UInt8]) {
            for glyph in state.text.font.glyphs(string) {
                let t = state.text
                let advance = (glyph.width / 1000 * t.size + t.charSpacing + (glyph.isSpace ? t.wordSpacing : 0)) * t.scale
                let device = textMatrix.then(state.ctm)
                let origin = device.apply(0, t.rise)
                let end = device.apply(advance, t.rise)
                if result.glyphs.count < Self.maxGlyphs, origin.x.isFinite, origin.y.isFinite, end.x.isFinite {
                    result.glyphs.append(PlacedGlyph(text: glyph.text, x: origin.x, y: origin.y, endX: end.x,
                                                     size: t.size * device.verticalScale))
                }
                textMatrix = AffineTransform.translation(advance, 0).then(textMatrix)
            }
        }

        while let token = reader.object(), result.operators < Self.maxOperators {
            guard case .keyword(let op) = token else {
                if operands.count < 64 { operands.append(token) }
                continue
            }
            result.operators += 1
            let n = numbers()
            switch op {
            case "q": if stack.count < 64 { stack.append(state) }
            case "Q": if let saved = stack.popLast() { state = saved }
            case "cm" where n.count == 6: state.ctm = AffineTransform(n).then(state.ctm)
            case "BT": textMatrix = .identity; lineMatrix = .identity
            case "Tf":
                if let name = operands.first?.name {
                    if fonts[name] == nil {
                        fonts[name] = file.resolve(fontResources[name])?.dictionary.map { PDFFont($0, file: file) } ?? .fallback
                    }
                    state.text.font = fonts[name]!
                }
                if let size = n.last { state.text.size = size }
            case "Tc" where n.count == 1: state.text.charSpacing = n[0]
            case "Tw" where n.count == 1: state.text.wordSpacing = n[0]
            case "Tz" where n.count == 1: state.text.scale = n[0] / 100
            case "TL" where n.count == 1: state.text.leading = n[0]
            case "Ts" where n.count == 1: state.text.rise = n[0]
            case "Td" where n.count == 2: moveLine(n[0], n[1])
            case "TD" where n.count == 2: state.text.leading = -n[1]; moveLine(n[0], n[1])
            case "Tm" where n.count == 6: textMatrix = AffineTransform(n); lineMatrix = textMatrix
            case "T*": moveLine(0, -state.text.leading)
            case "Tj": if let s = operands.last?.string { show(s) }
            case "'":
                moveLine(0, -state.text.leading)
                if let s = operands.last?.string { show(s) }
            case "\"":
                if n.count >= 2 { state.text.wordSpacing = n[0]; state.text.charSpacing = n[1] }
                moveLine(0, -state.text.leading)
                if let s = operands.last?.string { show(s) }
            case "TJ":
                for item in operands.last?.array ?? [] {
                    if let s = item.string {
                        show(s)
                    } else if let adjust = item.number {
                        let t = state.text
                        textMatrix = AffineTransform.translation(-adjust / 1000 * t.size * t.scale, 0).then(textMatrix)
                    }
                }
            case "Do":
                guard let name = operands.first?.name, let object = file.resolve(xObjects[name]) else { break }
                switch object["Subtype"]?.name {
                case "Image"?: result.images += 1
                case "Form"? where depth < 8:
                    guard let data = file.data(of: object) else { break }
                    var inner = state
                    if let matrix = object["Matrix"]?.array?.compactMap(\.number), matrix.count == 6 {
                        inner.ctm = AffineTransform(matrix).then(state.ctm)
                    }
                    let formResources = file.resolve(object["Resources"])?.dictionary ?? resources
                    var formFonts: [String: PDFFont] = [:]
                    interpret(data, resources: formResources, state: inner, depth: depth + 1, fonts: &formFonts, into: &result)
                default: break
                }
            case "BI":
                // an inline image: its data, up to "EI", is not PDF syntax
                result.images += 1
                if let id = reader.find("ID", from: reader.position) {
                    reader.position = (reader.find("EI", from: id + 3) ?? reader.end) + 2
                }
            default: break
            }
            operands.removeAll(keepingCapacity: true)
        }
    }
}
