#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KehoachCorpus
import KehoachExtract
import KehoachGrammar
import KehoachRender
import KehoachText

/// `kehoach search QUERY`: targets (or any item, `--all`) across the corpus whose text holds
/// every query word, diacritics, case and abbreviations folded, best first (BM25).
struct SearchCommand {
    static let usage = """
    usage: kehoach search QUERY... [--all] [--level L] [--year Y] [--issuer TEXT]
                          [--indicator ID] [--min N] [--max N] [--limit N]
                          [--format text|json|csv] [--corpus DIR]
      Finds the targets whose text contains every word of QUERY, without regard to case,
      diacritics or tone placement ("chu ky so" finds "Chữ ký số"); abbreviations match their
      full forms both ways ("CBQL" finds "cán bộ quản lý", "GDĐT" finds "GD&ĐT").
        --all            search every item: objectives, deadline tasks, section titles too
        --level L        ministry|province|department|district|commune|school (or Bộ, tỉnh, Sở,
                         huyện, xã, phường, trường)
        --year Y         targets due in Y (or, without a year, in plans about Y)
        --issuer TEXT    issuer contains TEXT (folded: "an lao")
        --indicator ID   indicator id (grammars/indicators.grammar), e.g. digital-signature
        --min N, --max N target value bounds (e.g. --min 100 for 100% targets)
        --limit N        at most N results (default 20; 0 = all)
      Exit 1 when nothing is found.
    """

    static func run(_ words: [String]) -> ExitCode {
        do {
            let args = try Arguments(words, options: CorpusOpening.options.union(
                ["format", "limit", "level", "year", "issuer", "indicator", "min", "max", "bench-queries"]), flags: ["all"])
            let format = try args.choice("format", among: ["text", "json", "csv"], default: "text")
            guard let store = CorpusOpening.store(args) else { return .config }
            var query = SearchQuery(args.positional.joined(separator: " "), scope: args.flag("all") ? .allItems : .targets)
            if let level = args.option("level") {
                guard let parsed = PlanLevel(named: level) else {
                    throw Arguments.Problem(description: "--level must be one of \(PlanLevel.allCases.map(\.rawValue).joined(separator: ", ")), not '\(level)'")
                }
                query.level = parsed
            }
            if let year = args.option("year") {
                guard let y = Int(year) else { throw Arguments.Problem(description: "--year needs a year, not '\(year)'") }
                query.year = y
            }
            query.issuer = args.option("issuer")
            if let indicator = args.option("indicator") {
                let known = store.reader.grammar.indicators.indicators.map(\.id)
                guard known.contains(indicator) else {
                    throw Arguments.Problem(description: "unknown indicator '\(indicator)'; known: \(known.joined(separator: ", "))")
                }
                query.indicator = indicator
            }
            query.minValue = try number(args, "min")
            query.maxValue = try number(args, "max")
            if let limit = args.option("limit") {
                guard let n = Int(limit), n >= 0 else { throw Arguments.Problem(description: "--limit needs a count, not '\(limit)'") }
                query.limit = n
            }
            if let file = args.option("bench-queries") { return bench(store, file, query) }
            guard !query.isEmpty else {
                Console.error("search needs a QUERY (or a filter)\n\(usage)")
                return .usage
            }

            let snapshot: CorpusSnapshot
            switch CorpusOpening.snapshot(store) {
            case .failure(let error): Console.error("\(error)"); return CorpusOpening.exitCode(for: error)
            case .success(let s): snapshot = s
            }
            let results = snapshot.search(query)
            switch format {
            case "json": Console.out(PlanJSON.encode(JSONResults(query: query.text, results: results)) + "\n")
            case "csv": Console.out(csv(results))
            default: Console.out(text(results, bold: isatty(STDOUT_FILENO) == 1 && ProcessInfoEnvironment.value("NO_COLOR") == nil))
            }
            if results.hits.isEmpty {
                Console.error(snapshot.planCount == 0
                              ? "the corpus at \(store.layout.directory) is empty; add plans with 'kehoach import FILE...'"
                              : "nothing found in \(snapshot.planCount) plans")
                return .partial
            }
            if results.total > results.hits.count {
                Console.error("\(results.hits.count) of \(results.total) results; --limit \(results.total) shows all")
            }
            return .ok
        } catch {
            Console.error("\(error)\n\(usage)")
            return .usage
        }
    }

    // MARK: options


    private static func number(_ args: Arguments, _ name: String) throws(Arguments.Problem) -> Double? {
        guard let text = args.option(name) else { return nil }
        let cleaned = String(text.filter { $0 != "%" && $0 != " " }.map { $0 == "," ? "." : $0 })
        guard let value = Double(cleaned) else { throw Arguments.Problem(description: "--\(name) needs a number, not '\(text)'") }
        return value
    }

    // MARK: output

    /// How a target's value reads: `≥98,5%`, `2 dịch vụ`, `*` for aspirational (as `parse` shows it).
    static func value(_ t: IndexedTarget) -> String {
        let number = t.value == t.value.rounded() && abs(t.value) < 1e15
            ? String(Int(t.value)) : String(t.value).map { $0 == "." ? "," : $0 }.reduce(into: "") { $0.append($1) }
        let unit = t.unit == "%" ? "%" : " \(t.unit)"
        return "\(t.comparator.symbol)\(number)\(unit)\(t.aspirational ? "*" : "")"
    }

    static func section(_ labels: [String]) -> String { labels.joined(separator: " › ") }

    private static func text(_ results: SearchResults, bold: Bool) -> String {
        var out = ""
        for hit in results.hits {
            let value = hit.target.map(value) ?? (hit.kind == .section ? "(mục)" : "")
            let place = [hit.plan.number ?? "(chưa số)", hit.plan.issuer ?? "?",
                         hit.section.isEmpty ? nil : "mục " + section(hit.section), "dòng \(hit.line)"].compactMap { $0 }
            out += "\(TextColumns.pad(value, 10)) \(hit.plan.id.short)  \(place.joined(separator: " · "))\n"
            out += "           " + highlighted(hit.snippet, bold: bold) + "\n"
        }
        return out
    }

    private static func highlighted(_ snippet: Snippet, bold: Bool) -> String {
        guard bold, !snippet.highlights.isEmpty else { return snippet.text }
        let bytes = Array(snippet.text.utf8)
        var out: [UInt8] = []
        var last = 0
        for r in snippet.highlights where r.lowerBound >= last && r.upperBound <= bytes.count {
            out += bytes[last..<r.lowerBound]
            out += Array("\u{1B}[1m".utf8) + bytes[r] + Array("\u{1B}[0m".utf8)
            last = r.upperBound
        }
        out += bytes[last...]
        return String(decoding: out, as: UTF8.self)
    }

    private static func csv(_ results: SearchResults) -> String {
        var csv = CSV(header: ["id", "number", "issuer", "level", "section", "line", "value", "indicator", "year", "score", "snippet"])
        for hit in results.hits {
            let years = hit.target?.years.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            csv.append([hit.plan.id.rawValue, hit.plan.number ?? "", hit.plan.issuer ?? "", hit.plan.level?.rawValue ?? "",
                        section(hit.section), String(hit.line), hit.target.map(value) ?? "", hit.target?.indicator ?? "",
                        years ?? "", String(format3(hit.score)), hit.snippet.text])
        }
        return csv.text
    }

    private static func format3(_ x: Double) -> String {
        String(Double(Int((x * 1000).rounded())) / 1000)
    }

    /// `search --format json`: the query, the terms looked up, and each hit.
    struct JSONResults: Encodable {
        struct Highlight: Encodable {
            /// UTF-8 byte offsets into `snippet`.
            var start: Int
            var end: Int
            var text: String
        }

        struct Hit: Encodable {
            var id: String
            var number: String?
            var issuer: String?
            var level: String?
            var kind: String
            var section: [String]
            var line: Int
            var value: String?
            var target: TargetJSON?
            var score: Double
            var snippet: String
            var highlights: [Highlight]
        }

        struct TargetJSON: Encodable {
            var value: Double
            var unit: String
            var comparator: String
            var aspirational: Bool
            var indicator: String?
            var years: [Int]?
        }

        var query: String
        var terms: [String]
        var total: Int
        var results: [Hit]

        init(query: String, results r: SearchResults) {
            self.query = query
            terms = r.terms
            total = r.total
            results = r.hits.map { hit in
                let matches = hit.snippet.matches
                return Hit(id: hit.plan.id.rawValue, number: hit.plan.number, issuer: hit.plan.issuer, level: hit.plan.level?.rawValue,
                           kind: hit.target != nil ? "target" : (hit.kind == .section ? "section" : "paragraph"),
                           section: hit.section, line: hit.line, value: hit.target.map(SearchCommand.value),
                           target: hit.target.map {
                               TargetJSON(value: $0.value, unit: $0.unit, comparator: $0.comparator.rawValue, aspirational: $0.aspirational,
                                          indicator: $0.indicator, years: $0.years.map { [$0.lowerBound, $0.upperBound] })
                           },
                           score: Double(format3(hit.score)) ?? hit.score, snippet: hit.snippet.text,
                           highlights: zip(hit.snippet.highlights, matches).map { Highlight(start: $0.lowerBound, end: $0.upperBound, text: $1) })
            }
        }
    }

    // MARK: benchmark (hidden)

    /// `--bench-queries FILE`: loads the index once, runs each line of FILE as a query (with the
    /// command's filters), and prints the load time and the latency distribution, measured
    /// inside the process.
    private static func bench(_ store: CorpusStore, _ file: String, _ base: SearchQuery) -> ExitCode {
        let lines: [String]
        switch Console.readFile(file) {
        case .failure(let problem): Console.error(problem.description); return .noInput
        case .success(let bytes):
            lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        }
        let clock = ContinuousClock()
        let loadStart = clock.now
        let snapshot: CorpusSnapshot
        do { snapshot = try store.snapshot() } catch {
            Console.error("\(error)")
            return CorpusOpening.exitCode(for: error)
        }
        let load = milliseconds(clock.now - loadStart)
        var times: [Double] = []
        var hits = 0, empty = 0
        for line in lines {
            var query = base
            query.text = line
            let start = clock.now
            let results = snapshot.search(query)
            times.append(milliseconds(clock.now - start))
            hits += results.total
            if results.total == 0 { empty += 1 }
        }
        times.sort()
        func percentile(_ p: Double) -> Double {
            times.isEmpty ? 0 : times[min(times.count - 1, Int((p * Double(times.count)).rounded(.up)) - 1)]
        }
        let mean = times.isEmpty ? 0 : times.reduce(0, +) / Double(times.count)
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        Console.out("""
        plans: \(snapshot.planCount)  items: \(snapshot.itemCount)
        index load: \(format3(load)) ms
        queries: \(times.count)  (\(empty) with no result, \(hits) matches in all)
        peak memory (getrusage): \(usage.ru_maxrss / 1024) MB
        latency ms: p50 \(format3(percentile(0.5)))  p90 \(format3(percentile(0.9)))  p99 \(format3(percentile(0.99)))  max \(format3(times.last ?? 0))  mean \(format3(mean))

        """)
        return .ok
    }

    private static func milliseconds(_ d: Duration) -> Double {
        let (seconds, attoseconds) = d.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
