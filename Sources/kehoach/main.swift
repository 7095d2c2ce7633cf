import Foundation

/// Environment look-ups, in one place so that commands stay testable.
enum ProcessInfoEnvironment {
    static func value(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}

let usage = """
kehoach — Vietnamese education plans ("Kế hoạch") as structured data

usage: kehoach COMMAND [ARGS]

commands:
  parse FILE...        show a plan's structure (--format text|json)
  convert FILE [-o OUT]  write the plan's text as clean UTF-8 (legacy encodings converted)
  grammar check [DIR]  validate the grammar files (default: the bundled copy)
  compare [FILE...]    indicator × plan matrix (--format text|md|csv|json|html, -o OUT)
  align [FILE...]      upper targets met/weaker/unquantified/missing in lower plans
                       (--parent FILE --child FILE..., or every link the chain finds)
  report [FILE...]     matrix, chain and alignments in one HTML file (-o report.html)
  import FILE...       store plans in the corpus (--corpus DIR, default ./corpus; --replace)
  list                 the stored plans (--format text|json|csv)
  show ID              a stored plan's structure (ID: any unique prefix)
  remove ID...         take plans out of the corpus
  reindex              rebuild the corpus index from the stored texts
  search QUERY...      targets across the corpus ("chu ky so"; --all, --level, --year,
                       --issuer, --indicator, --min, --max, --format, --limit)
  export               the corpus for bigger engines, streamed: JSON lines, an OpenSearch
                       _bulk body or its index mapping (--format, --targets, --index, -o)
  serve                the corpus in the browser: plans, search, compare, import
                       (--corpus DIR, --port 8080, --host 127.0.0.1)
  help                 this text

Run 'kehoach COMMAND --help' for a command's options.
"""

let arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first ?? "help"
let rest = Array(arguments.dropFirst())
let code: ExitCode
if rest.contains("--help") || rest.contains("-h") {
    switch command {
    case "parse": Console.out(ParseCommand.usage + "\n")
    case "compare": Console.out(CompareCommand.usage + "\n")
    case "align": Console.out(AlignCommand.usage + "\n")
    case "report": Console.out(ReportCommand.usage + "\n")
    case "import": Console.out(ImportCommand.usage + "\n")
    case "list": Console.out(ListCommand.usage + "\n")
    case "show": Console.out(ShowCommand.usage + "\n")
    case "remove": Console.out(RemoveCommand.usage + "\n")
    case "reindex": Console.out(ReindexCommand.usage + "\n")
    case "search": Console.out(SearchCommand.usage + "\n")
    case "export": Console.out(ExportCommand.usage + "\n")
    case "serve": Console.out(ServeCommand.usage + "\n")
    case "generate": Console.out(GenerateCommand.usage + "\n")
    default: Console.out(usage + "\n")
    }
    code = .ok
} else {
    switch command {
    case "parse": code = ParseCommand.run(rest)
    case "convert": code = ConvertCommand.run(rest)
    case "grammar": code = GrammarCommand.run(rest)
    case "compare": code = CompareCommand.run(rest)
    case "align": code = AlignCommand.run(rest)
    case "report": code = ReportCommand.run(rest)
    case "import": code = ImportCommand.run(rest)
    case "list": code = ListCommand.run(rest)
    case "show": code = ShowCommand.run(rest)
    case "remove": code = RemoveCommand.run(rest)
    case "reindex": code = ReindexCommand.run(rest)
    case "search": code = SearchCommand.run(rest)
    case "export": code = ExportCommand.run(rest)
    case "serve": code = ServeCommand.run(rest)
    case "generate": code = GenerateCommand.run(rest)
    case "bench": code = BenchCommand.run(rest)
    case "bench-document": code = DocumentBenchCommand.run(rest)
    case "help", "--help", "-h": Console.out(usage + "\n"); code = .ok
    default:
        Console.error("unknown command '\(command)'\n\(usage)")
        code = .usage
    }
}
exit(code.rawValue)
