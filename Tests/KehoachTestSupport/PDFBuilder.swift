/// A PDF made in tests: objects numbered from 1 in order, a classic cross-reference table with
/// true offsets (unless a test breaks them), content streams zlib-wrapped with stored blocks.
public struct PDFBuilder {
    public var objects: [String] = []
    /// Raw bytes after each object's dictionary, for streams.
    private var streams: [Int: [UInt8]] = [:]

    public init() {}

    /// Adds an object (its body, without `N 0 obj`), returning its number.
    @discardableResult
    public mutating func add(_ body: String) -> Int {
        objects.append(body)
        return objects.count
    }

    /// A stream object; `compress` wraps the data with FlateDecode. `length` overrides /Length.
    @discardableResult
    public mutating func addStream(_ data: [UInt8], dictionary: String = "", compress: Bool = true, length: Int? = nil) -> Int {
        let payload = compress ? Deflate.zlib(data) : data
        let filter = compress ? "/Filter /FlateDecode " : ""
        objects.append("<< \(filter)/Length \(length ?? payload.count) \(dictionary)>>")
        streams[objects.count] = payload
        return objects.count
    }

    /// The file; `trailer` extra entries (such as an /Encrypt), `startxref` to lie about the table.
    public func bytes(root: Int, trailer: String = "", startxref: Int? = nil) -> [UInt8] {
        var out = Array("%PDF-1.4\n%\u{E2}\u{E3}\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n\(body)\n".utf8)
            if let data = streams[i + 1] {
                out += Array("stream\n".utf8) + data + Array("\nendstream\n".utf8)
            }
            out += Array("endobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets {
            let digits = String(offset)
            out += Array((String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root \(root) 0 R \(trailer)>>\nstartxref\n\(startxref ?? xref)\n%%EOF\n".utf8)
        return out
    }

    /// A one-font document: pages of content streams, Helvetica with WinAnsi encoding or, with
    /// `toUnicode`, a font whose codes the CMap maps.
    public static func document(pages contents: [String], toUnicode: String? = nil, widths: String = "") -> [UInt8] {
        var pdf = PDFBuilder()
        let catalog = pdf.add("<< /Type /Catalog /Pages 2 0 R >>")
        let pagesNumber = pdf.add("")  // filled below
        var fontBody = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding \(widths)"
        if let toUnicode {
            let cmap = pdf.addStream(Array(toUnicode.utf8))
            fontBody += "/ToUnicode \(cmap) 0 R "
        }
        let font = pdf.add(fontBody + ">>")
        var kids: [Int] = []
        for content in contents {
            let stream = pdf.addStream(Array(content.utf8))
            kids.append(pdf.add("<< /Type /Page /Parent \(pagesNumber) 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 \(font) 0 R >> >> /Contents \(stream) 0 R >>"))
        }
        pdf.objects[pagesNumber - 1] = "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>"
        return pdf.bytes(root: catalog)
    }
}
