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
  grammar check [DIR]  validate the grammar files (default: the bundled copy)
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
    default: Console.out(usage + "\n")
    }
    code = .ok
} else {
    switch command {
    case "parse": code = ParseCommand.run(rest)
    case "grammar": code = GrammarCommand.run(rest)
    case "bench": code = BenchCommand.run(rest)
    case "help", "--help", "-h": Console.out(usage + "\n"); code = .ok
    default:
        Console.error("unknown command '\(command)'\n\(usage)")
        code = .usage
    }
}
exit(code.rawValue)
