/// Input that cannot be read as a plan at all. Each message says what the file looks like and
/// what to do about it, in one line.
public enum DecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case binary(looksLike: String)
    case unknownEncoding(invalidBytes: Int, firstAt: Int)
    /// A Word or PDF file that cannot be read; `reason` says why and what to do.
    case unreadableDocument(format: String, reason: String)
    /// A password-protected Word or PDF file.
    case encrypted(format: String)
    /// A PDF whose pages are images (a scan): it has no text to read.
    case noTextLayer(pages: Int)

    public var description: String {
        switch self {
        case .empty:
            return "the file is empty (no text to read); copy the plan's text into it and try again"
        case .binary(let kind):
            return "this is not a file kehoach reads (it looks like \(kind)); save it as .docx, PDF or plain text (UTF-8) and try again"
        case .unknownEncoding(let count, let offset):
            return "the text is not UTF-8 nor a Vietnamese legacy encoding (\(count) unreadable bytes, the first at byte \(offset)); save it again as UTF-8"
        case .unreadableDocument(let format, let reason):
            return "the \(format) cannot be read: \(reason)"
        case .encrypted(let format):
            return "the \(format) is password-protected; open it, save a copy without the password and read that"
        case .noTextLayer(let pages):
            return "the PDF has no text layer (\(pages) page\(pages == 1 ? "" : "s") of scanned images); run OCR first (for example: ocrmypdf -l vie in.pdf out.pdf) and read the result"
        }
    }
}
