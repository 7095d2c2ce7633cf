import KehoachText

/// A PDF with a text layer → the plan's text (`TextFlow`), with the page of each line. Refuses
/// encrypted files and scans (pages of images and no text) with what to do; a damaged file
/// (broken cross-references, stream lengths that lie, cut short) is read as far as it goes.
public enum PDFReader {
    public static let format = "PDF"

    /// Text drawn off the page is not seen by a reader (and a damaged position puts it there).
    private static func onPage(_ glyph: PlacedGlyph, _ box: [Double]?) -> Bool {
        guard let box else { return abs(glyph.x) < 20_000 && abs(glyph.y) < 20_000 }
        let margin = 10.0
        return glyph.x >= min(box[0], box[2]) - margin && glyph.x <= max(box[0], box[2]) + margin
            && glyph.y >= min(box[1], box[3]) - margin && glyph.y <= max(box[1], box[3]) + margin
    }

    public static func read(_ bytes: [UInt8]) throws(DecodingError) -> DecodedText {
        let file = PDFFile(bytes)
        if file.trailer["Encrypt"] != nil { throw .encrypted(format: format) }
        let pages = file.pages()
        guard !pages.isEmpty else {
            throw .unreadableDocument(format: format, reason: "no pages could be found in it (the file is damaged or cut short); open it in a PDF reader and save it again")
        }
        let interpreter = ContentInterpreter(file: file)
        var rows: [TextRow] = []
        var images = 0
        for (number, page) in pages.enumerated() {
            let result = interpreter.run(page.contents, resources: page.resources)
            images += result.images
            rows += TextRow.rows(result.glyphs.filter { onPage($0, page.mediaBox) }, page: number + 1)
        }
        guard !rows.isEmpty else {
            if images > 0 { throw .noTextLayer(pages: pages.count) }
            throw .unreadableDocument(format: format, reason: "its \(pages.count) pages show no text kehoach can read; copy the text out of a PDF reader into a UTF-8 text file")
        }
        let lines = TextFlow(rows).lines()
        var map = DocumentMap(format: .pdf)
        for line in lines { map.append(.page(line.page)) }
        var diagnostics = [Diagnostic("decode.pdf", .note, "read from a PDF: \(pages.count) pages; lines rebuilt from the page layout, each mapped to its page (the JSON's document field)")]
        if file.repaired {
            diagnostics.append(Diagnostic("decode.pdf-repaired", .warning, "the PDF's cross-reference table is broken; its objects were found by scanning the file"))
        }
        return DecodedText(text: lines.map(\.text).joined(separator: "\n"), encoding: .pdf, diagnostics: diagnostics, map: map)
    }
}
