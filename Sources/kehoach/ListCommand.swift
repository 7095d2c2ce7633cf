import KehoachCorpus
import KehoachRender

/// `kehoach list [--format text|json|csv]`: the plans in the corpus.
struct ListCommand {
    static let usage = """
    usage: kehoach list [--format text|json|csv] [--corpus DIR]
      The stored plans, in import order: id, number, issuer, level, date, title, target count.
    """

    static func run(_ words: [String]) -> ExitCode {
        do {
            let args = try Arguments(words, options: CorpusOpening.options.union(["format"]), flags: [])
            let format = try args.choice("format", among: ["text", "json", "csv"], default: "text")
            guard args.positional.isEmpty else {
                Console.error("list takes no arguments\n\(usage)")
                return .usage
            }
            guard let store = CorpusOpening.store(args) else { return .config }
            let snapshot: CorpusSnapshot
            switch CorpusOpening.snapshot(store) {
            case .failure(let error): Console.error("\(error)"); return CorpusOpening.exitCode(for: error)
            case .success(let s): snapshot = s
            }
            let plans = snapshot.plans()
            switch format {
            case "json":
                Console.out(PlanJSON.encode(plans.map(Row.init)) + "\n")
            case "csv":
                var csv = CSV(header: ["id", "number", "issuer", "level", "date", "title", "targets", "source"])
                for p in plans {
                    csv.append([p.id.rawValue, p.number ?? "", p.issuer ?? "", p.level?.rawValue ?? "", p.date ?? "",
                                p.title ?? "", String(p.targetCount), p.source])
                }
                Console.out(csv.text)
            default:
                for p in plans {
                    let level = p.level.map(Labels.level) ?? "?"
                    let line = "\(p.id.short)  \(TextColumns.pad(p.number ?? "(chưa số)", 16)) \(TextColumns.pad(level, 9)) \(TextColumns.pad(p.date ?? "", 10))  \(TextColumns.pad(String(p.targetCount), 3)) chỉ tiêu  \(p.issuer ?? "?") — \(p.title ?? "")"
                    Console.out(TextColumns.clip(line, 160) + "\n")
                }
                if plans.isEmpty { Console.error("the corpus at \(store.layout.directory) is empty; add plans with 'kehoach import FILE...'") }
            }
            return .ok
        } catch {
            Console.error("\(error)\n\(usage)")
            return .usage
        }
    }

    /// A plan in `list --format json`.
    struct Row: Encodable {
        var id: String
        var number: String?
        var issuer: String?
        var level: String?
        var date: String?
        var title: String?
        var targets: Int
        var source: String

        init(_ p: PlanSummary) {
            id = p.id.rawValue
            number = p.number
            issuer = p.issuer
            level = p.level?.rawValue
            date = p.date
            title = p.title
            targets = p.targetCount
            source = p.source
        }
    }
}

/// Column helpers for terminal tables (characters, not bytes).
enum TextColumns {
    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }

    static func clip(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}
