import KehoachCorpus

/// `kehoach reindex`: rebuilds the parsed plans and the search index from the stored texts.
struct ReindexCommand {
    static let usage = """
    usage: kehoach reindex [--corpus DIR] [--grammars DIR]
      Parses every stored text again (with the current grammar) and rebuilds DIR/.kehoach/plans
      and DIR/.kehoach/index; removes leftovers of interrupted writes. Run it after editing a
      grammar file, or when a command reports a damaged index.
    """

    static func run(_ words: [String]) -> ExitCode {
        CorpusOpening.run(words, usage: usage) { args, store in
            guard args.positional.isEmpty else {
                Console.error("reindex takes no arguments\n\(usage)")
                return .usage
            }
            let directory = store.layout.directory
            store.waitingForLock = { Console.error("waiting for another kehoach writing to \(directory)…") }
            let summary = try store.reindex()
            for (id, error) in summary.unreadable { Console.error("\(id.short): kept but not searchable: \(error)") }
            for id in summary.missing { Console.error("\(id.short): its text is gone; dropped from the corpus") }
            Console.out("reindexed \(summary.plans) plans in \(directory)"
                        + (summary.removedLeftovers > 0 ? "; removed \(summary.removedLeftovers) leftovers of interrupted writes" : "") + "\n")
            return summary.unreadable.isEmpty ? .ok : .partial
        }
    }
}
