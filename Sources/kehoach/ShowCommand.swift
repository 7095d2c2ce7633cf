import KehoachCorpus
import KehoachRender

/// `kehoach show ID [--format text|json]`: a stored plan's outline (or its JSON).
struct ShowCommand {
    static let usage = """
    usage: kehoach show ID [--format text|json] [--corpus DIR]
      The plan's structure as 'kehoach parse' prints it. ID may be any unique prefix of the
      id 'kehoach list' shows.
    """

    static func run(_ words: [String]) -> ExitCode {
        do {
            let args = try Arguments(words, options: CorpusOpening.options.union(["format"]), flags: [])
            let format = try args.choice("format", among: ["text", "json"], default: "text")
            guard args.positional.count == 1, let prefix = args.positional.first else {
                Console.error("show needs one ID\n\(usage)")
                return .usage
            }
            guard let store = CorpusOpening.store(args) else { return .config }
            do {
                let summary = try store.snapshot().resolve(prefix)
                let plan = try store.plan(summary.id)
                if format == "json" {
                    Console.out(PlanJSON.encode(plan) + "\n")
                } else {
                    Console.out("id: \(summary.id.rawValue)  (\(summary.source))\n")
                    Console.out(PlanOutline().render(plan))
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
