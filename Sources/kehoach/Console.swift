import Foundation

/// Output at the edge: data to stdout, messages to stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("kehoach: " + text + "\n").utf8))
    }

    /// The bytes of a file, or a message that says why it cannot be read.
    static func readFile(_ path: String) -> Result<[UInt8], FileProblem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .failure(.missing(path)) }
        guard !isDirectory.boolValue else { return .failure(.directory(path)) }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.unreadable(path)) }
        return .success([UInt8](data))
    }

    enum FileProblem: Error, CustomStringConvertible {
        case missing(String), directory(String), unreadable(String)

        var description: String {
            switch self {
            case .missing(let p): return "\(p): no such file"
            case .directory(let p): return "\(p): is a folder, not a plan file"
            case .unreadable(let p): return "\(p): cannot be read (permissions?)"
            }
        }
    }
}
