import KehoachGrammar

/// `kehoach grammar check [DIR]`: loads the grammar files and reports the first problem as
/// `file:line: message`.
enum GrammarCommand {
    static func run(_ words: [String]) -> ExitCode {
        guard words.first == "check" else {
            Console.error("usage: kehoach grammar check [DIR]")
            return .usage
        }
        let directory = words.dropFirst().first ?? ProcessInfoEnvironment.value("KEHOACH_GRAMMARS")
        guard let directory else {
            _ = Grammar.bundled
            Console.out("bundled grammar: \(Grammar.fileNames.count) files, valid\n")
            return .ok
        }
        do {
            _ = try Grammar.load(directory: directory)
            Console.out("\(directory): \(Grammar.fileNames.count) grammar files, valid\n")
            return .ok
        } catch {
            Console.error("\(error)")
            return .config
        }
    }
}
