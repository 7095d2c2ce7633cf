import Foundation
import KehoachCompare
import KehoachExtract
import KehoachRender
import KehoachText

/// Where `compare`, `align` and `report` get their plans. Today: plan files, by default the
/// shipped `./corpus/*.txt`. The corpus store (`--corpus DIR`, plan ids) will be one more
/// conformer, chosen in `PlanSources.select`.
protocol PlanSource {
    /// The plans' names in order: file paths (later: corpus ids).
    var names: [String] { get }
    /// Reads one plan; nil after telling the user why it cannot be read.
    func load(_ name: String, index: Int, reader: PlanReader) -> ComparablePlan?
}

/// Plans read from text files with the whole pipeline (PlanReader), keeping their normalized
/// lines so that alignment can see every paragraph.
struct FilePlanSource: PlanSource {
    let names: [String]

    func load(_ path: String, index: Int, reader: PlanReader) -> ComparablePlan? {
        switch Console.readFile(path) {
        case .failure(let problem):
            Console.error(problem.description)
            return nil
        case .success(let bytes):
            do {
                let plan = try reader.read(bytes, source: path)
                let lines = try Normalizer.normalize(TextDecoder.decode(bytes)).lines
                return ComparablePlan(index: index, plan: plan, lines: lines)
            } catch {
                Console.error("\(path): \(error)")
                return nil
            }
        }
    }

    /// The shipped plans: `DIR/*.txt` in name order; nil when the folder is absent or empty.
    static func directory(_ directory: String) -> FilePlanSource? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        let files = names.filter { $0.hasSuffix(".txt") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
        return files.isEmpty ? nil : FilePlanSource(names: files)
    }
}

enum PlanSources {
    static let defaultDirectory = "corpus"

    /// The FILE paths given, else the shipped plans of ./corpus.
    ///
    /// To read from the corpus store: add "corpus" to the command's `Arguments` options, pass
    /// `args.option("corpus")` here, and return a `CorpusPlanSource(directory:ids:)` whose
    /// `names` are plan ids and whose `load` fetches the stored Plan (and its text, when the
    /// store keeps it) — the commands need no other change.
    static func select(files: [String]) -> PlanSource? {
        if !files.isEmpty { return FilePlanSource(names: files) }
        guard let shipped = FilePlanSource.directory(defaultDirectory) else {
            Console.error("no plan files given and no ./\(defaultDirectory)/*.txt to default to")
            return nil
        }
        return shipped
    }

    /// Every plan of a source, indexed in order of reading; how many could not be read.
    static func loadAll(_ source: PlanSource, reader: PlanReader) -> (plans: [ComparablePlan], failed: Int) {
        var plans: [ComparablePlan] = []
        var failed = 0
        for name in source.names {
            if let plan = source.load(name, index: plans.count, reader: reader) { plans.append(plan) } else { failed += 1 }
        }
        return (plans, failed)
    }
}

/// What compare, align and report share: the output formats, `-o`, colour and writing.
enum ReportOutput {
    static let formats = ["text", "md", "csv", "json", "html"]

    /// `-o OUT` → `--output OUT` (Arguments reads long options only).
    static func expandShortOptions(_ words: [String]) -> [String] {
        var out: [String] = []
        var afterDashes = false
        for word in words {
            if word == "--" { afterDashes = true }
            if !afterDashes && word == "-o" { out.append("--output") }
            else if !afterDashes && word.hasPrefix("-o") && word.count > 2 && !word.hasPrefix("--") { out.append("--output=" + word.dropFirst(2)) }
            else { out.append(word) }
        }
        return out
    }

    /// The values of an option that may repeat (`--child A --child B`, `--child=C`), and the
    /// other words; nil when the option ends the line without a value. (Arguments keeps one
    /// value per option.)
    static func takeRepeated(_ name: String, from words: [String]) -> (values: [String], rest: [String])? {
        var values: [String] = []
        var rest: [String] = []
        var i = 0
        while i < words.count {
            let word = words[i]
            if word == "--\(name)" {
                guard i + 1 < words.count else { return nil }
                values.append(words[i + 1])
                i += 2
                continue
            }
            if word.hasPrefix("--\(name)=") { values.append(String(word.dropFirst(name.count + 3))) } else { rest.append(word) }
            i += 1
        }
        return (values, rest)
    }

    /// Colour only for a terminal that did not ask for none (NO_COLOR, `--no-color`), and never
    /// into a file.
    static func useColor(output: String?, noColor: Bool) -> Bool {
        output == nil && !noColor && ProcessInfoEnvironment.value("NO_COLOR") == nil && isatty(STDOUT_FILENO) != 0
    }

    /// Writes to the file, or stdout when none; an I/O failure becomes exit code 74.
    static func write(_ text: String, to path: String?) -> Bool {
        guard let path, path != "-" else {
            Console.out(text)
            return true
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return true
        } catch {
            Console.error("\(path): cannot be written (\(error.localizedDescription))")
            return false
        }
    }

    /// The exit code after reading: partial when some plans could not be read.
    static func code(failed: Int, wrote: Bool) -> ExitCode {
        wrote ? (failed == 0 ? .ok : .partial) : .ioError
    }
}
