import KehoachText
import KehoachZip

/// A Word file (.docx) → the plan's text: the ZIP archive opened, `word/document.xml` read
/// with the list definitions of `numbering.xml` and the styles of `styles.xml`, its blocks
/// rendered as lines (`BlockText`) with the map from each line back to its paragraph or row.
public enum DocxReader {
    public static let format = "Word file (.docx)"

    public static func read(_ bytes: [UInt8], limits: ZipLimits = ZipLimits()) throws(DecodingError) -> DecodedText {
        let archive: ZipArchive
        let parts: (document: [UInt8]?, numbering: [UInt8]?, styles: [UInt8]?)
        do throws(ZipError) {
            archive = try ZipArchive(bytes, limits: limits)
            parts = (try archive.contents(of: "word/document.xml"), try archive.contents(of: "word/numbering.xml"),
                     try archive.contents(of: "word/styles.xml"))
        } catch {
            if case .encrypted = error { throw .encrypted(format: format) }
            throw .unreadableDocument(format: format, reason: error.description)
        }
        guard let document = parts.document else {
            throw .unreadableDocument(format: "ZIP archive", reason: "it is not a Word file (\(otherKind(archive))); save it as .docx, PDF or text")
        }
        let numbering = parts.numbering.map { $0.withUnsafeBufferPointer(Numbering.init(xml:)) } ?? Numbering()
        let styles = parts.styles.map { $0.withUnsafeBufferPointer(StyleSheet.init(xml:)) } ?? StyleSheet()
        let blocks = document.withUnsafeBufferPointer(DocumentBodyReader(numbering: numbering, styles: styles).read)
        let (text, map) = BlockText.render(blocks)
        let tables = blocks.filter { if case .table = $0 { true } else { false } }.count
        let note = Diagnostic("decode.docx", .note,
                              "read from a Word file: \(blocks.count - tables) paragraphs, \(tables) tables; lines map to paragraphs and table rows (the JSON's document field)")
        return DecodedText(text: text, encoding: .docx, diagnostics: [note], map: map)
    }

    /// What a ZIP archive without a Word document holds, for the message.
    private static func otherKind(_ archive: ZipArchive) -> String {
        let names = archive.entries.map(\.name)
        if names.contains(where: { $0.hasPrefix("xl/") }) { return "an Excel workbook" }
        if names.contains(where: { $0.hasPrefix("ppt/") }) { return "a PowerPoint presentation" }
        if names.contains("content.xml") { return "an OpenDocument file" }
        return "no word/document.xml among its \(names.count) entries"
    }
}
