import KehoachExtract
import KehoachGrammar
import KehoachRender

/// `kehoach parse FILE... [--format text|json]`: one plan's structure, for a person or a machine.
struct ParseCommand {
    static let usage = """
    usage: kehoach parse FILE... [--format text|json] [--grammars DIR]
      Reads each plan and prints its header, sections, tables, targets, deadlines and
      responsible units. text (default) is an outline for reading; json follows docs/json.md
      (one object for one file, an array for several).
    """

    static func run(_ words: [String]) -> ExitCode {
        do {
            let args = try Arguments(words, options: ["format", "grammars"], flags: [])
            let format = try args.choice("format", among: ["text", "json"], default: "text")
            guard !args.positional.isEmpty else {
                Console.error("parse needs a FILE\n\(usage)")
                return .usage
            }
            guard let grammar = GrammarLoading.load(args.option("grammars")) else { return .config }
            let reader = PlanReader(grammar: grammar)
            var plans: [Plan] = []
            var failed = 0
            for path in args.positional {
                switch Console.readFile(path) {
                case .failure(let problem):
                    Console.error(problem.description); failed += 1
                case .success(let bytes):
                    do {
                        plans.append(try reader.read(bytes, source: path))
                    } catch {
                        Console.error("\(path): \(error)"); failed += 1
                    }
                }
            }
            switch format {
            case "json":
                if plans.count == 1 && args.positional.count == 1 { Console.out(PlanJSON.encode(plans[0]) + "\n") }
                else if !plans.isEmpty { Console.out(PlanJSON.encode(plans) + "\n") }
            default:
                let outline = PlanOutline()
                Console.out(plans.map { outline.render($0) }.joined(separator: "\n" + String(repeating: "─", count: 60) + "\n\n"))
            }
            if failed == 0 { return .ok }
            return plans.isEmpty ? (args.positional.count == 1 ? .dataError : .dataError) : .partial
        } catch {
            Console.error("\(error)\n\(usage)")
            return .usage
        }
    }
}

/// The grammar for a command: `--grammars DIR`, else `$KEHOACH_GRAMMARS`, else the bundled copy.
enum GrammarLoading {
    static func load(_ option: String?) -> Grammar? {
        guard let directory = option ?? ProcessInfoEnvironment.value("KEHOACH_GRAMMARS") else { return .bundled }
        do {
            return try Grammar.load(directory: directory)
        } catch {
            Console.error("grammar error: \(error)")
            return nil
        }
    }
}
