#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import KehoachCorpus
import KehoachExtract

/// `kehoach import FILE... [--replace]`: parses plans and stores them in the corpus.
struct ImportCommand {
    static let usage = """
    usage: kehoach import FILE... [--replace] [--corpus DIR] [--grammars DIR]
      Parses each plan and stores its text and structure in the corpus (default ./corpus, or
      $KEHOACH_CORPUS; the store lives in DIR/.kehoach). Prints one line per imported plan:
      id, number, issuer. A plan already stored (same text, or same number and issuer) is
      refused unless --replace is given; a file that is not readable text is refused. Refused
      files change nothing.
      exit: 0 all imported · 73 some refused as duplicates · 65 unreadable · 66 missing file ·
            1 some imported, others failed · 74 the corpus cannot be written
    """

    static func run(_ words: [String]) -> ExitCode {
        let args: Arguments
        do {
            args = try Arguments(words, options: ["corpus", "grammars"], flags: ["replace"])
        } catch {
            Console.error("\(error)\n\(usage)")
            return .usage
        }
        guard !args.positional.isEmpty else {
            Console.error("import needs a FILE\n\(usage)")
            return .usage
        }
        guard var store = CorpusOpening.store(args) else { return .config }
        let directory = store.layout.directory
        store.waitingForLock = { Console.error("waiting for another kehoach writing to \(directory)…") }
        if let step = ProcessInfoEnvironment.value("KEHOACH_CRASH_AT") {
            // Hidden, for the durability tests: die like `kill -9` at that point of the write.
            store.checkpoint = { reached in if reached.rawValue == step { kill(getpid(), SIGKILL) } }
        }

        var imported = 0, refused = 0, unreadable = 0, missing = 0
        let replace = args.flag("replace")
        var start = 0
        let paths = args.positional
        var progress = ImportProgress(total: paths.count)
        func complain(_ message: String) {
            progress.interrupt()
            Console.error(message)
        }
        while start < paths.count {
            let batch = paths[start..<min(paths.count, start + store.batchSize)]
            start += batch.count
            var inputs: [ImportInput] = []
            for path in batch {
                switch Console.readFile(path) {
                case .failure(let problem): complain(problem.description); missing += 1
                case .success(let bytes): inputs.append(ImportInput(name: path, bytes: bytes))
                }
            }
            do {
                // the index merged once, after the last batch of files
                try store.importPlans(inputs, replace: replace, mergeWhenDone: start >= paths.count) { outcome in
                    switch outcome {
                    case .imported(_, let plan, let replaced):
                        imported += 1
                        let replaces = replaced.isEmpty ? "" : "  (replaces \(replaced.map(\.id.short).joined(separator: ", ")))"
                        Console.out("\(plan.id.short)  \(plan.number ?? "(chưa số)")  \(plan.issuer ?? "(không rõ cơ quan)")\(replaces)\n")
                    case .refused(let name, let existing, let conflict):
                        refused += 1
                        let what = conflict == .sameContent ? "the same text" : "the same number and issuer"
                        complain("\(name): refused: \(what) as \(existing.id.short) (\(existing.number ?? "chưa số"), \(existing.issuer ?? "?")) already in the corpus; use --replace to update it")
                    case .unreadable(let name, let error):
                        unreadable += 1
                        complain("\(name): cannot import: \(error)")
                    case .superseded(let name, let by):
                        complain("\(name): not imported: \(by) replaces it (--replace)")
                    }
                    progress.update(imported + refused + unreadable + missing)
                }
            } catch {
                complain("\(error)")
                return CorpusOpening.exitCode(for: error)
            }
            progress.update(imported + refused + unreadable + missing)
        }
        progress.interrupt()
        if paths.count > 1 {
            Console.error("imported \(imported) of \(paths.count) files into \(directory)"
                          + (refused > 0 ? ", \(refused) refused as duplicates" : "")
                          + (unreadable + missing > 0 ? ", \(unreadable + missing) unreadable" : ""))
        }
        if refused > 0 { return .conflict }
        if unreadable + missing == 0 { return .ok }
        if imported > 0 { return .partial }
        return unreadable > 0 ? .dataError : .noInput
    }
}

/// What every corpus command shares: where the corpus is and how its errors exit.
enum CorpusOpening {
    static let options: Set<String> = ["corpus", "grammars"]

    /// `--corpus DIR`, else `$KEHOACH_CORPUS`, else `./corpus`.
    static func directory(_ args: Arguments) -> String {
        args.option("corpus") ?? ProcessInfoEnvironment.value("KEHOACH_CORPUS") ?? "corpus"
    }

    static func store(_ args: Arguments) -> CorpusStore? {
        guard let grammar = GrammarLoading.load(args.option("grammars")) else { return nil }
        return CorpusStore(directory: directory(args), grammar: grammar)
    }

    /// A snapshot for reading, or nil after saying why not.
    static func snapshot(_ store: CorpusStore) -> Result<CorpusSnapshot, CorpusError> {
        do {
            let snapshot = try store.snapshot()
            if snapshot.needsReindex {
                Console.error("\(store.layout.root): the corpus has plan texts but no index; run 'kehoach reindex'")
            }
            return .success(snapshot)
        } catch {
            return .failure(error)
        }
    }

    /// Runs a command on the store: a bad argument prints the usage (exit 64), a corpus error
    /// its message and exit code; the body reads its arguments and works on the store.
    static func run(_ words: [String], usage: String, options extra: Set<String> = [],
                    _ body: (Arguments, inout CorpusStore) throws -> ExitCode) -> ExitCode {
        do {
            let args = try Arguments(words, options: options.union(extra), flags: [])
            guard var store = store(args) else { return .config }
            return try body(args, &store)
        } catch let problem as Arguments.Problem {
            Console.error("\(problem)\n\(usage)")
            return .usage
        } catch let error as CorpusError {
            Console.error("\(error)")
            return exitCode(for: error)
        } catch {
            Console.error("\(error)")
            return .ioError
        }
    }

    static func exitCode(for error: CorpusError) -> ExitCode {
        switch error {
        case .io: return .ioError
        case .damaged: return .dataError
        case .notFound: return .noInput
        case .ambiguous: return .usage
        }
    }
}
