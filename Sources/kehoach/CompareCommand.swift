import KehoachCompare
import KehoachExtract
import KehoachRender

/// `kehoach compare [FILE...]`: the indicator × plan matrix — who targets what, at what value.
enum CompareCommand {
    static let usage = """
    usage: kehoach compare [FILE...] [--format text|md|csv|json|html] [-o OUT] [--grammars DIR] [--no-color]
      Reads the plans (default: ./corpus/*.txt) and prints one row per indicator that any plan
      targets, one column per plan: the value with its comparator and year (≥80% (2025); *
      = "phấn đấu"), with each plan's counts of targets, deadlines and responsible units.
      csv opens in Excel (UTF-8 BOM); json follows docs/report-json.md; html is self-contained.
    """

    static func run(_ words: [String]) -> ExitCode {
        do {
            let args = try Arguments(ReportOutput.expandShortOptions(words), options: ["format", "output", "grammars", "corpus"], flags: ["no-color"])
            let format = try args.choice("format", among: ReportOutput.formats, default: "text")
            guard let grammar = GrammarLoading.load(args.option("grammars")) else { return .config }
            guard let source = PlanSources.select(files: args.positional, corpus: args.option("corpus")) else { return .noInput }
            let (plans, failed) = PlanSources.loadAll(source, reader: PlanReader(grammar: grammar))
            guard !plans.isEmpty else { return .dataError }
            let matrix = IndicatorMatrix(plans, indicators: grammar.indicators)
            let color = ReportOutput.useColor(output: args.option("output"), noColor: args.flag("no-color"))
            let report = ComparisonReport(plans: plans.map(\.ref), matrix: matrix)
            let text: String
            switch format {
            case "md": text = MatrixRenderer().markdown(matrix)
            case "csv": text = MatrixRenderer().csv(matrix)
            case "json": text = ReportJSON.encode(report) + "\n"
            case "html": text = HTMLReport(title: "Ma trận chỉ tiêu các kế hoạch", indicators: grammar.indicators).render(report)
            default: text = MatrixRenderer(color: color).text(matrix)
            }
            return ReportOutput.code(failed: failed, wrote: ReportOutput.write(text, to: args.option("output")))
        } catch {
            Console.error("\(error)\n\(usage)")
            return .usage
        }
    }
}

/// `kehoach report [FILE...] -o report.html`: the matrix, the chain and every alignment the
/// chain finds, in one self-contained HTML file.
enum ReportCommand {
    static let usage = """
    usage: kehoach report [FILE...] [-o report.html] [--parent FILE --child FILE...] [--grammars DIR]
      One HTML file (no network, prints on A4) with the indicator matrix, the chain of plans
      (who implements whom, cited plans not imported) and an alignment for every parent-child
      link found. --parent/--child add a pair the chain cannot see (the files join the set).
      Default plans: ./corpus/*.txt; default output: stdout.
    """

    static func run(_ words: [String]) -> ExitCode {
        guard let (children, rest) = ReportOutput.takeRepeated("child", from: ReportOutput.expandShortOptions(words)) else {
            Console.error("--child needs a value\n\(usage)")
            return .usage
        }
        do {
            let args = try Arguments(rest, options: ["output", "grammars", "parent", "corpus"], flags: [])
            guard (args.option("parent") == nil) == children.isEmpty else {
                Console.error("--parent and --child go together\n\(usage)")
                return .usage
            }
            guard let grammar = GrammarLoading.load(args.option("grammars")) else { return .config }
            let given = [args.option("parent")].compactMap { $0 } + children
            var files = args.positional
            if files.isEmpty && !given.isEmpty, let all = PlanSources.select(files: [], corpus: args.option("corpus")) {
                files = all.names
            }
            files += given.filter { !files.contains($0) }
            guard let source = PlanSources.select(files: files, corpus: args.option("corpus")) else { return .noInput }
            let (plans, failed) = PlanSources.loadAll(source, reader: PlanReader(grammar: grammar))
            guard !plans.isEmpty else { return .dataError }
            var report = ComparisonReport.full(plans, grammar: grammar)
            if let parentPath = args.option("parent"), let parent = plans.first(where: { $0.plan.source == parentPath }) {
                let aligner = Aligner(parent: parent, grammar: grammar)
                for path in children {
                    guard let child = plans.first(where: { $0.plan.source == path }),
                          !report.alignments.contains(where: { $0.parent.index == parent.index && $0.child.index == child.index }) else { continue }
                    report.alignments.append(aligner.align(child))
                }
            }
            let html = HTMLReport(indicators: grammar.indicators).render(report)
            let wrote = ReportOutput.write(html, to: args.option("output"))
            if wrote, let path = args.option("output") {
                Console.error("wrote \(path): \(plans.count) plans, \(report.matrix?.rows.count ?? 0) indicators, \(report.alignments.count) alignments")
            }
            return ReportOutput.code(failed: failed, wrote: wrote)
        } catch {
            Console.error("\(error)\n\(usage)")
            return .usage
        }
    }
}
