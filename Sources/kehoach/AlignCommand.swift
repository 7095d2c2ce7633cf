import Foundation
import KehoachCompare
import KehoachCorpus
import KehoachExtract
import KehoachGrammar
import KehoachRender
import KehoachText

/// `kehoach align`: which upper targets a lower plan carries, at least as strictly, by the same
/// date — for a named parent and children, or for every parent-child link the chain finds.
enum AlignCommand {
    static let usage = """
    usage: kehoach align --parent FILE --child FILE... [--format text|md|csv|json|html] [-o OUT]
           kehoach align --parent FILE|ID --corpus DIR [--format …] [-o OUT]
           kehoach align [FILE...] [--format …] [-o OUT]
      With --parent: aligns the parent against each child (--child may repeat; FILEs after the
      options are children too); with --corpus and no child, every plan stored there is one.
      Without: builds the chain among the plans (default: ./corpus/*.txt) from their
      citations, then place names, and aligns every link found.
      Each parent target is met (same indicator, compatible population, at least as strict, due
      no later), weaker, unquantified (named without a number) or missing; the child's extra
      targets, deadline conflicts and a coverage summary follow.
      Options: --grammars DIR, --no-color, --timing (phase times on stderr).
    """

    static func run(_ words: [String]) -> ExitCode {
        guard let (children, rest) = ReportOutput.takeRepeated("child", from: ReportOutput.expandShortOptions(words)) else {
            Console.error("--child needs a value\n\(usage)")
            return .usage
        }
        do {
            let args = try Arguments(rest, options: ["format", "output", "grammars", "parent", "corpus"], flags: ["no-color", "timing"])
            let format = try args.choice("format", among: ReportOutput.formats, default: "text")
            guard let grammar = GrammarLoading.load(args.option("grammars")) else { return .config }
            let reader = PlanReader(grammar: grammar)
            let clock = PhaseClock(enabled: args.flag("timing"))
            let report: ComparisonReport
            var failed = 0
            if let parentPath = args.option("parent") {
                var childPaths = children + args.positional
                var childSource: PlanSource? = nil
                if childPaths.isEmpty, let corpus = args.option("corpus") {
                    // every stored plan but the parent: a Sở plan against all its wards and schools,
                    // read from the store, not parsed again
                    guard let stored = PlanSources.allStored(in: corpus) else { return .noInput }
                    let parentID = FileManager.default.fileExists(atPath: parentPath)
                        ? (try? Console.readFile(parentPath).get()).map { PlanID(content: $0).rawValue }
                        : (try? stored.plans.snapshot.resolve(parentPath))?.id.rawValue
                    childPaths = stored.names.filter { $0 != parentID }
                    childSource = stored
                }
                guard !childPaths.isEmpty else { Console.error("--parent needs at least one --child FILE, or --corpus DIR\n\(usage)"); return .usage }
                let files = [parentPath] + (childSource == nil ? childPaths : [])
                guard let source = PlanSources.select(files: files, corpus: args.option("corpus")) else { return .noInput }
                let children = childSource ?? source
                guard let parent = source.load(parentPath, index: 0, reader: reader) else { return .dataError }
                let aligner = Aligner(parent: parent, grammar: grammar)
                var refs = [parent.ref]
                var alignments: [Alignment] = []
                let t0 = clock.now()
                // Children on every core, a chunk at a time: only each child's alignment is
                // kept, so thousands fit in memory, and they come out in the order given.
                var start = 0
                while start < childPaths.count {
                    let end = min(childPaths.count, start + 256)
                    let aligned = ParallelMap.map(end - start) { i -> Alignment? in
                        children.load(childPaths[start + i], index: start + i + 1, reader: reader).map { aligner.align($0) }
                    }
                    for alignment in aligned {
                        guard let alignment else { failed += 1; continue }
                        alignments.append(alignment)
                        refs.append(alignment.child)
                    }
                    start = end
                }
                clock.report("read+parse+align \(childPaths.count - failed) children", clock.now() - t0)
                guard !alignments.isEmpty else { return .dataError }
                report = ComparisonReport(plans: refs, alignments: alignments)
            } else {
                if !children.isEmpty { Console.error("--child needs --parent\n\(usage)"); return .usage }
                guard let source = PlanSources.select(files: args.positional, corpus: args.option("corpus")) else { return .noInput }
                let t0 = clock.now()
                let loaded = PlanSources.loadAll(source, reader: reader)
                failed = loaded.failed
                guard !loaded.plans.isEmpty else { return .dataError }
                let t1 = clock.now()
                let chain = PlanChain(loaded.plans, grammar: grammar)
                let alignments = ComparisonReport.alignments(along: chain, loaded.plans, grammar: grammar)
                clock.report("read+parse \(loaded.plans.count) plans", t1 - t0)
                clock.report("chain+align", clock.now() - t1)
                report = ComparisonReport(plans: loaded.plans.map(\.ref), chain: chain, alignments: alignments)
                if alignments.isEmpty {
                    Console.error("no parent-child link found among \(loaded.plans.count) plans; name them with --parent FILE --child FILE")
                }
            }
            let t2 = clock.now()
            let color = ReportOutput.useColor(output: args.option("output"), noColor: args.flag("no-color"))
            let wrote: Bool
            if format == "json" {
                // tens of megabytes for thousands of children: bytes straight to the file
                wrote = ReportOutput.write(ReportJSON.bytes(report) + [0x0A], to: args.option("output"))
            } else {
                wrote = ReportOutput.write(render(report, format: format, color: color, indicators: grammar.indicators),
                                           to: args.option("output"))
            }
            clock.report("render+write \(format)", clock.now() - t2)
            if report.alignments.isEmpty && wrote { return .partial }
            return ReportOutput.code(failed: failed, wrote: wrote)
        } catch {
            Console.error("\(error)\n\(usage)")
            return .usage
        }
    }

    static func render(_ report: ComparisonReport, format: String, color: Bool, indicators: IndicatorGrammar) -> String {
        let alignments = AlignmentRenderer(color: color, indicators: indicators)
        switch format {
        case "md":
            return (report.chain.map { ChainRenderer().markdown($0) + "\n" } ?? "") + alignments.markdown(report.alignments)
        case "csv": return alignments.csv(report.alignments)
        case "json": return ReportJSON.encode(report) + "\n"
        case "html": return HTMLReport(title: "Đối chiếu kế hoạch cấp trên – cấp dưới", indicators: indicators).render(report)
        default:
            var text = report.chain.map { ChainRenderer(color: color).text($0) + "\n" } ?? ""
            text += alignments.text(report.alignments)
            return text
        }
    }
}

/// `--timing`: how long each phase took, on stderr.
struct PhaseClock {
    let enabled: Bool

    func now() -> Double { Date().timeIntervalSince1970 }

    func report(_ phase: String, _ seconds: Double) {
        guard enabled else { return }
        Console.error(String(format: "timing: %@ %.3f s", phase, seconds))
    }
}
