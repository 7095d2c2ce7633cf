/// Why an archive or one of its entries cannot be read, each in one line that says what to do.
public enum ZipError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No end-of-archive record, or a directory cut short: the file was not copied whole.
    case truncated(String)
    case damaged(String)
    case encrypted(entry: String)
    case unsupported(String)
    /// An entry that claims, or produces, more than the limits allow.
    case tooLarge(entry: String, size: Int, compressed: Int)
    /// A name that would reach outside the archive's folder (`../x`, `/etc/x`), or a second
    /// entry of the same name.
    case hostileName(String)

    public var description: String {
        switch self {
        case .truncated(let what):
            return "the archive is incomplete (\(what)); the file was cut short in copying: download or copy it again"
        case .damaged(let what):
            return "the archive is damaged (\(what)); open the file in Word and save it again"
        case .encrypted(let entry):
            return "\(entry) is password-protected; open the file in Word, remove the password and save it again"
        case .unsupported(let what):
            return "the archive uses \(what), which kehoach does not read; open the file in Word and save it again as .docx"
        case .tooLarge(let entry, let size, let compressed):
            return "\(entry) would expand to \(size) bytes from \(compressed): past kehoach's limits (a ZIP bomb or a damaged file); refused"
        case .hostileName(let name):
            return "the archive holds an entry named '\(name)' that points outside it, or twice: a hostile file; refused"
        }
    }
}
