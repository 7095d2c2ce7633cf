/// Input that cannot be read as a plan at all. Each message says what the file looks like and
/// what to do about it, in one line.
public enum DecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case binary(looksLike: String)
    case unknownEncoding(invalidBytes: Int, firstAt: Int)

    public var description: String {
        switch self {
        case .empty:
            return "the file is empty (no text to read); copy the plan's text into it and try again"
        case .binary(let kind):
            return "this is not a text file (it looks like \(kind)); open it in Word or a PDF reader, copy the text and save it as plain text (UTF-8)"
        case .unknownEncoding(let count, let offset):
            return "the text is not UTF-8 nor a Vietnamese legacy encoding (\(count) unreadable bytes, the first at byte \(offset)); save it again as UTF-8"
        }
    }
}
