import Foundation
import KehoachCorpus

/// `kehoach generate --count N --seed S --out DIR` (hidden): realistic plans for benchmarks,
/// varied from the shipped ones.
struct GenerateCommand {
    static let usage = """
    usage: kehoach generate --count N --seed S --out DIR [--from DIR]
      Writes N plan texts (gen-000001.txt …) to DIR, each a shipped plan (--from, default
      ./corpus, its *.txt) with place names, units, signer, number, dates, years and
      percentages varied. The same seed gives the same files.
    """

    static func run(_ words: [String]) -> ExitCode {
        do {
            let args = try Arguments(words, options: ["count", "seed", "out", "from"], flags: [])
            guard let countText = args.option("count"), let count = Int(countText), count >= 0 else {
                throw Arguments.Problem(description: "--count needs a number of plans")
            }
            guard let seedText = args.option("seed"), let seed = UInt64(seedText) else {
                throw Arguments.Problem(description: "--seed needs a whole number")
            }
            guard let out = args.option("out") else { throw Arguments.Problem(description: "--out needs a folder") }
            let from = args.option("from") ?? "corpus"
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: from)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
            var templates: [[UInt8]] = []
            for name in names {
                switch Console.readFile(from + "/" + name) {
                case .failure(let problem): Console.error(problem.description)
                case .success(let bytes): templates.append(bytes)
                }
            }
            guard !templates.isEmpty else {
                Console.error("\(from): no *.txt plans to vary")
                return .noInput
            }
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                Console.error("\(out): cannot create the folder")
                return .ioError
            }
            let generator = PlanGenerator(templates: templates, seed: seed)
            for i in 0..<count {
                let (name, bytes) = generator.plan(i)
                do {
                    try Data(bytes).write(to: URL(fileURLWithPath: out + "/" + name))
                } catch {
                    Console.error("\(out)/\(name): cannot write")
                    return .ioError
                }
            }
            Console.error("wrote \(count) plans to \(out) (from \(templates.count) templates, seed \(seed))")
            return .ok
        } catch {
            Console.error("\(error)\n\(usage)")
            return .usage
        }
    }
}
