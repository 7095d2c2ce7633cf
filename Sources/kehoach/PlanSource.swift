import Foundation
import KehoachCompare
import KehoachCorpus
import KehoachDocument
import KehoachExtract
import KehoachRender
import KehoachText

/// Where `compare`, `align` and `report` get their plans: plan files, plans stored in the
/// corpus (`--corpus DIR`, ids or unique id prefixes), or both mixed; chosen in
/// `PlanSources.select`.
protocol PlanSource: Sendable {
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
                let (plan, lines) = try reader.readLines(bytes, source: path)
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

/// Plans kept in the corpus store: the parsed Plan as stored, and the lines of the stored text.
struct StoredPlanSource: PlanSource {
    let store: CorpusStore
    /// The store's plans as of one snapshot, opened once for all the plans read.
    let plans: StoredPlans
    /// Plan ids (their full hex form).
    let names: [String]

    func load(_ name: String, index: Int, reader: PlanReader) -> ComparablePlan? {
        load(PlanID(rawValue: name), as: nil, index: index)
    }

    /// The stored plan, its `source` set to `argument` when given, so that a plan named on the
    /// command line by its id is found again by that name.
    func load(_ id: PlanID, as argument: String?, index: Int) -> ComparablePlan? {
        do {
            var plan = try plans.plan(id)
            if let argument { plan.source = argument }
            let lines = try store.text(id).map { try Normalizer.normalize(DocumentDecoder.decode($0)).lines } ?? []
            return ComparablePlan(index: index, plan: plan, lines: lines)
        } catch {
            Console.error("\(id.short): \(error)")
            return nil
        }
    }
}

/// Files and stored plans in the order the user named them, each found again by the name the
/// user gave (a path, or an id prefix).
struct MixedPlanSource: PlanSource {
    enum Entry {
        case file
        case stored(StoredPlanSource, PlanID)
    }

    let entries: [(name: String, entry: Entry)]
    let names: [String]
    /// The first entry of each name: a look-up per plan, not a scan (thousands of children).
    private let byName: [String: Entry]

    init(entries: [(name: String, entry: Entry)]) {
        self.entries = entries
        names = entries.map(\.name)
        byName = Dictionary(entries.map { ($0.name, $0.entry) }, uniquingKeysWith: { first, _ in first })
    }

    func load(_ name: String, index: Int, reader: PlanReader) -> ComparablePlan? {
        switch byName[name] {
        case .file?: return FilePlanSource(names: [name]).load(name, index: index, reader: reader)
        case .stored(let store, let id)?: return store.load(id, as: name, index: index)
        case nil: return nil
        }
    }
}

enum PlanSources {
    static let defaultDirectory = "corpus"

    /// Each argument is a file when one exists at that path, else a plan id (or a unique
    /// prefix) in the corpus store. With no argument: every stored plan of `--corpus DIR` (or
    /// `$KEHOACH_CORPUS`, or ./corpus when it holds a store), else the shipped ./corpus/*.txt.
    static func select(files: [String], corpus: String? = nil) -> PlanSource? {
        let given = corpus ?? ProcessInfoEnvironment.value("KEHOACH_CORPUS")
        let storeDirectory = given ?? defaultDirectory
        let hasStore = FileManager.default.fileExists(atPath: CorpusLayout(directory: storeDirectory).root)
        if files.isEmpty {
            if hasStore || given != nil { return allStored(in: storeDirectory) }
            guard let shipped = FilePlanSource.directory(defaultDirectory) else {
                Console.error("no plan files given and no ./\(defaultDirectory)/*.txt to default to")
                return nil
            }
            return shipped
        }
        var entries: [(name: String, entry: MixedPlanSource.Entry)] = []
        var stored: StoredPlanSource? = nil
        for argument in files {
            if FileManager.default.fileExists(atPath: argument) {
                entries.append((argument, .file))
                continue
            }
            do {
                if stored == nil {
                    let store = CorpusStore(directory: storeDirectory)
                    stored = StoredPlanSource(store: store, plans: try store.storedPlans(), names: [])
                }
                let found = try stored!.plans.snapshot.resolve(argument)
                entries.append((argument, .stored(stored!, found.id)))
            } catch {
                Console.error("\(argument): no such file, and not a plan id in \(storeDirectory) (\(error))")
                return nil
            }
        }
        return MixedPlanSource(entries: entries)
    }

    /// Every plan stored in the corpus at `directory`, or nil after saying why there is none.
    static func allStored(in directory: String) -> StoredPlanSource? {
        let store = CorpusStore(directory: directory)
        do {
            let plans = try store.storedPlans()
            let ids = plans.snapshot.plans().map(\.id.rawValue)
            guard !ids.isEmpty else {
                Console.error("\(directory): the corpus holds no plans; import some with 'kehoach import FILE...'")
                return nil
            }
            return StoredPlanSource(store: store, plans: plans, names: ids)
        } catch {
            Console.error("\(directory): \(error)")
            return nil
        }
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
        write(Data(text.utf8), to: path)
    }

    static func write(_ bytes: [UInt8], to path: String?) -> Bool {
        write(Data(bytes), to: path)
    }

    private static func write(_ data: Data, to path: String?) -> Bool {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return true
        }
        do {
            try data.write(to: URL(fileURLWithPath: path))
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
