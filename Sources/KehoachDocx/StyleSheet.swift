/// What `word/styles.xml` says that changes the text a reader sees: a paragraph style's list
/// (Heading 1 numbered "I."), capitals and hidden text set by a style, a table style's borders.
/// Styles inherit through `w:basedOn`.
struct StyleSheet: Sendable {
    struct Style: Sendable {
        var basedOn: String?
        var numId: Int?
        var level: Int?
        var caps: Bool?
        var hidden: Bool?
        var bordered: Bool?
    }

    var styles: [String: Style] = [:]
    /// The paragraph style of paragraphs that name none (`w:default="1"`, usually Normal).
    var defaultParagraphStyle: String?

    init() {}

    init(xml bytes: UnsafeBufferPointer<UInt8>) {
        var part = WordPart(bytes)
        var current: (id: String, style: Style)? = nil
        var inBorders = false
        var inNumbering = false
        while let event = part.next() {
            switch event {
            case .start(let tag):
                let element = part.element(tag)
                if element == .style {
                    let id = part.scanner.attributeString(Array("styleId".utf8), of: tag) ?? ""
                    let type = part.scanner.attributeString(Array("type".utf8), of: tag)
                    if type == "paragraph", part.scanner.attributeString(Array("default".utf8), of: tag).map({ ["1", "true"].contains($0) }) == true {
                        defaultParagraphStyle = id
                    }
                    current = (id, Style())
                    if tag.selfClosing { styles[id] = Style(); current = nil }
                    continue
                }
                guard current != nil else { continue }
                switch element {
                case .basedOn?: current!.style.basedOn = part.value(tag)
                case .numPr?: inNumbering = !tag.selfClosing
                case .numId? where inNumbering: current!.style.numId = part.intValue(tag)
                case .ilvl? where inNumbering: current!.style.level = part.intValue(tag)
                case .caps?: current!.style.caps = part.isOn(tag)
                case .vanish?: current!.style.hidden = part.isOn(tag)
                case .tblBorders?:
                    inBorders = !tag.selfClosing
                    current!.style.bordered = current!.style.bordered ?? false
                default:
                    if inBorders, let value = part.value(tag), !["none", "nil"].contains(value) { current!.style.bordered = true }
                }
            case .end(let tag):
                switch part.element(tag) {
                case .style?:
                    if let (id, style) = current { styles[id] = style }
                    current = nil
                case .tblBorders?: inBorders = false
                case .numPr?: inNumbering = false
                default: break
                }
            case .text: break
            }
        }
    }

    /// A property from the style or the nearest style it is based on.
    func resolve<T>(_ id: String?, _ property: (Style) -> T?) -> T? {
        var id = id
        var seen = 0
        while let current = id, let style = styles[current], seen < 16 {
            if let value = property(style) { return value }
            id = style.basedOn
            seen += 1
        }
        return nil
    }
}
