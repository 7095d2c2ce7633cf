import KehoachDocx
import KehoachPDF
import KehoachText

/// bytes → text, whatever the file: a Word file or a PDF is read into the same text a plan
/// copied by hand would give (with a map back to the document); anything else goes to
/// `TextDecoder`. The one decode step every command uses.
public enum DocumentDecoder {
    public static func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedText {
        switch DocumentFormat(sniffing: bytes) {
        case .zip: return try DocxReader.read(bytes)
        case .pdf: return try PDFReader.read(bytes)
        case .encryptedOffice: throw .encrypted(format: DocxReader.format)
        case .text: return try TextDecoder.decode(bytes)
        }
    }
}
