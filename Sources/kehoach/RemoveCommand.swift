import KehoachCorpus

/// `kehoach remove ID...`: takes plans out of the corpus (text, structure and index entries).
struct RemoveCommand {
    static let usage = """
    usage: kehoach remove ID... [--corpus DIR]
      Removes the plans; ID may be any unique prefix of the id 'kehoach list' shows.
    """

    static func run(_ words: [String]) -> ExitCode {
        do {
            let args = try Arguments(words, options: CorpusOpening.options, flags: [])
            guard !args.positional.isEmpty else {
                Console.error("remove needs an ID\n\(usage)")
                return .usage
            }
            guard let store = CorpusOpening.store(args) else { return .config }
            do {
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
            } catch {
                Console.error("\(error)")
                return CorpusOpening.exitCode(for: error)
            }
        } catch {
            Console.error("\(error)\n\(usage)")
            return .usage
        }
    }
}
