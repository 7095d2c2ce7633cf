import Foundation
import KehoachDocument
import KehoachText

/// `kehoach convert FILE [-o OUT]`: a plan's text as clean UTF-8, for files typed in a legacy
/// encoding, saved as a web page, or written in Word or PDF (then it is the text whose line
/// numbers the JSON gives). The original is never overwritten.
struct ConvertCommand {
    static let usage = """
    usage: kehoach convert FILE [-o OUT]
      Writes the plan's text as clean UTF-8 (legacy TCVN3 / VNI / Windows-1258 converted,
      web pages reduced to their text, Word and PDF files read, letters composed to NFC) to
      stdout or to OUT: the lines that parse's line numbers count. The detected encoding and
      what had to be repaired go to stderr. OUT may not be FILE.
    """

    static func run(_ words: [String]) -> ExitCode {
        do {
            let args = try Arguments(longOptions(words), options: ["output"], flags: [])
            guard args.positional.count == 1, let path = args.positional.first else {
                Console.error("convert needs exactly one FILE\n\(usage)")
                return .usage
            }
            let output = args.option("output")
            if let output, isSameFile(output, path) {
                Console.error("\(output): is the input file; convert never overwrites it, choose another -o OUT")
                return .usage
            }
            let bytes: [UInt8]
            switch Console.readFile(path) {
            case .failure(let problem):
                Console.error(problem.description)
                return .noInput
            case .success(let read):
                bytes = read
            }
            let source: SourceText
            do {
                source = Normalizer.normalize(try DocumentDecoder.decode(bytes))
            } catch {
                Console.error("\(path): \(error)")
                return .dataError
            }
            Console.error("\(path): encoding \(source.encoding.rawValue)")
            for diagnostic in source.diagnostics { Console.error("\(path): \(diagnostic)") }
            var text = source.lines.map(\.text).joined(separator: "\n")
            if !text.hasSuffix("\n") { text += "\n" }
            guard let output else {
                Console.out(text)
                return .ok
            }
            do {
                try writeAtomically(Data(text.utf8), to: output)
            } catch {
                Console.error("\(output): \(error.description)")
                return .ioError
            }
            return .ok
        } catch {
            Console.error("\(error)\n\(usage)")
            return .usage
        }
    }

    /// `-o OUT` is `--output OUT`; words after `--` stay as they are.
    private static func longOptions(_ words: [String]) -> [String] {
        let end = words.firstIndex(of: "--") ?? words.endIndex
        return words[..<end].map { $0 == "-o" ? "--output" : $0 } + words[end...]
    }

    /// Whether two paths name one file: the same path once resolved, or (hard links) the
    /// same file on the same device.
    private static func isSameFile(_ a: String, _ b: String) -> Bool {
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        if resolved(a) == resolved(b) { return true }
        let manager = FileManager.default
        guard let first = try? manager.attributesOfItem(atPath: a), let second = try? manager.attributesOfItem(atPath: b) else { return false }
        return (first[.systemNumber] as? NSNumber) == (second[.systemNumber] as? NSNumber)
            && (first[.systemFileNumber] as? NSNumber) == (second[.systemFileNumber] as? NSNumber)
    }

    struct WriteProblem: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes a temporary file next to `path` and renames it over `path`, so that a reader
    /// sees the old file or the new one, never half of it.
    private static func writeAtomically(_ data: Data, to path: String) throws(WriteProblem) {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw WriteProblem(description: "is a folder; give a file name")
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).kehoach-tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw WriteProblem(description: "cannot write in its folder (missing folder or permissions?)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw WriteProblem(description: "cannot be replaced (\(reason))")
        }
    }
}
