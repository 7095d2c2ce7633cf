/// How the bytes of a plan were written: a text encoding, or the document format its text was
/// read from. Legacy Vietnamese encodings come from documents typed
/// with old fonts (".Vn" fonts for TCVN3, "VNI-" fonts for VNI).
public enum SourceEncoding: String, Codable, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case tcvn3 = "TCVN3"
    case vniWindows = "VNI-Windows"
    case windows1258 = "Windows-1258"
    case html = "HTML"
    case docx = "Word (.docx)"
    case pdf = "PDF"
}
