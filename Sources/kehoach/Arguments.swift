/// The words after the subcommand: options (`--format json`, `--format=json`), flags
/// (`--replace`) and positional arguments, with an error for anything not expected.
struct Arguments {
    private(set) var positional: [String] = []
    private var options: [String: String] = [:]
    private var flags: Set<String> = []

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    init(_ words: [String], options allowedOptions: Set<String>, flags allowedFlags: Set<String>) throws(Problem) {
        var i = 0
        while i < words.count {
            let word = words[i]
            if word == "--" {
                positional += words[(i + 1)...]
                break
            }
            if word.hasPrefix("--") {
                var name = String(word.dropFirst(2))
                var value: String? = nil
                if let eq = name.firstIndex(of: "=") {
                    value = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
                if allowedFlags.contains(name) {
                    flags.insert(name)
                } else if allowedOptions.contains(name) {
                    if value == nil {
                        guard i + 1 < words.count else { throw Problem(description: "--\(name) needs a value") }
                        i += 1
                        value = words[i]
                    }
                    options[name] = value
                } else {
                    throw Problem(description: "unknown option --\(name)")
                }
            } else {
                positional.append(word)
            }
            i += 1
        }
    }

    func option(_ name: String) -> String? { options[name] }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// An option restricted to some values.
    func choice(_ name: String, among values: [String], default fallback: String) throws(Problem) -> String {
        guard let value = options[name] else { return fallback }
        guard values.contains(value) else {
            throw Problem(description: "--\(name) must be one of \(values.joined(separator: ", ")), not '\(value)'")
        }
        return value
    }
}
