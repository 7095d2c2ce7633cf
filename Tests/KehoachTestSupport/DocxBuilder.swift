/// A minimal Word file around a body of WordprocessingML, for tests: `document.xml` with the
/// `w` namespace declared, and numbering and styles parts when given.
public enum DocxBuilder {
    public static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    public static func docx(body: String, numbering: String? = nil, styles: String? = nil) -> [UInt8] {
        var parts = [("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"),
                     ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"\(namespace)\"><w:body>\(body)</w:body></w:document>")]
        if let numbering { parts.append(("word/numbering.xml", "<w:numbering xmlns:w=\"\(namespace)\">\(numbering)</w:numbering>")) }
        if let styles { parts.append(("word/styles.xml", "<w:styles xmlns:w=\"\(namespace)\">\(styles)</w:styles>")) }
        return ZipBuilder(parts: parts).bytes()
    }

    /// A paragraph of one run; `numbered: (numId, level)` adds list numbering.
    public static func paragraph(_ text: String, numbered: (Int, Int)? = nil, style: String? = nil) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if let (id, level) = numbered { properties += "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(id)\"/></w:numPr>" }
        let pPr = properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>"
        return "<w:p>\(pPr)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// An abstract list and its instance: levels as (format, text).
    public static func list(id: Int, levels: [(String, String)], startOverride: (level: Int, value: Int)? = nil, instance: Int? = nil) -> String {
        let lvls = levels.enumerated().map { i, level in
            "<w:lvl w:ilvl=\"\(i)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(level.0)\"/><w:lvlText w:val=\"\(level.1)\"/><w:suff w:val=\"space\"/></w:lvl>"
        }.joined()
        let override = startOverride.map { "<w:lvlOverride w:ilvl=\"\($0.level)\"><w:startOverride w:val=\"\($0.value)\"/></w:lvlOverride>" } ?? ""
        return "<w:abstractNum w:abstractNumId=\"\(id)\">\(lvls)</w:abstractNum><w:num w:numId=\"\(instance ?? id)\"><w:abstractNumId w:val=\"\(id)\"/>\(override)</w:num>"
    }
}
