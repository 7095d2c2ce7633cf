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
        CorpusOpening.run(words, usage: usage, options: ["format"]) { args, store in
            let format = try args.choice("format", among: ["text", "json"], default: "text")
            guard args.positional.count == 1, let prefix = args.positional.first else {
                Console.error("show needs one ID\n\(usage)")
                return .usage
            }
            let summary = try store.snapshot().resolve(prefix)
            let plan = try store.plan(summary.id)
            if format == "json" {
                Console.out(PlanJSON.encode(plan) + "\n")
            } else {
                Console.out("id: \(summary.id.rawValue)  (\(summary.source))\n")
                Console.out(PlanOutline().render(plan))
            }
            return .ok
        }
    }
}
