import KehoachCorpus

/// `kehoach remove ID...`: takes plans out of the corpus (text, structure and index entries).
struct RemoveCommand {
    static let usage = """
    usage: kehoach remove ID... [--corpus DIR]
      Removes the plans; ID may be any unique prefix of the id 'kehoach list' shows.
    """

    static func run(_ words: [String]) -> ExitCode {
        CorpusOpening.run(words, usage: usage) { args, store in
            guard !args.positional.isEmpty else {
                Console.error("remove needs an ID\n\(usage)")
                return .usage
            }
            let snapshot = try store.snapshot()
            var ids: [PlanID] = []
            for prefix in args.positional {
                let id = try snapshot.resolve(prefix).id
                if !ids.contains(id) { ids.append(id) }
            }
            for plan in try store.remove(ids) {
                Console.out("removed \(plan.id.short)  \(plan.number ?? "(chưa số)")  \(plan.issuer ?? "(không rõ cơ quan)")\n")
            }
            return .ok
        }
    }
}
