import Foundation
import KehoachCorpus
import KehoachExport

/// `kehoach export`: every plan of the corpus as JSON lines or an OpenSearch `_bulk` body, for
/// engines bigger than one machine; one plan read, encoded and written at a time.
struct ExportCommand {
    static let usage = """
    usage: kehoach export [--format jsonl|opensearch-bulk|opensearch-mapping] [--targets]
                          [--index NAME] [-o FILE] [--corpus DIR]
      Writes every plan of the corpus, one at a time (memory stays flat whatever its size):
        jsonl               (default) one JSON object per line: the plan as 'parse --format json'
                            gives it, beside its corpus id, file, number, issuer, level, date,
                            title and years (DuckDB read_json, Spark spark.read.json, jq)
        opensearch-bulk     the body of an OpenSearch / Elasticsearch _bulk request: the line
                            {"index":{"_index":NAME,"_id":ID}} before each document
        opensearch-mapping  the settings and mapping to create the index with (PUT /NAME):
                            a Vietnamese analyzer that folds diacritics, a type for each field
        --targets           one record per target instead, flat, with its plan's id, number,
                            issuer, level, date and years (document id: PLANID-ORDINAL)
        --index NAME        the bulk actions' index (default kehoach-plans, with --targets
                            kehoach-targets)
        -o FILE             write FILE whole or not at all (default: standard output)
      The records' fields: docs/export.md. Exit 1 when some plans could not be read (the rest
      are written), 66 when the corpus holds no plans.
    """

    static func run(_ words: [String]) -> ExitCode {
        do {
            let args = try Arguments(ReportOutput.expandShortOptions(words),
                                     options: CorpusOpening.options.union(["format", "index", "output"]), flags: ["targets"])
            let format = try args.choice("format", among: ExportFormat.allCases.map(\.rawValue) + ["opensearch-mapping"], default: "jsonl")
            guard args.positional.isEmpty else {
                Console.error("export takes no arguments (the corpus is --corpus DIR)\n\(usage)")
                return .usage
            }
            if args.option("index") != nil && format != ExportFormat.opensearchBulk.rawValue {
                throw Arguments.Problem(description: "--index names the index of an opensearch-bulk export")
            }
            let records: ExportRecords = args.flag("targets") ? .targets : .plans
            guard let exportFormat = ExportFormat(rawValue: format) else {
                return writeMapping(IndexMapping(records), to: args.option("output"))
            }
            let exporter: Exporter
            do {
                exporter = try Exporter(format: exportFormat, records: records, index: args.option("index"))
            } catch {
                throw Arguments.Problem(description: "--index: \(error)")
            }
            guard let store = CorpusOpening.store(args) else { return .config }
            return export(store, exporter, to: args.option("output"))
        } catch {
            Console.error("\(error)\n\(usage)")
            return .usage
        }
    }

    private static func export(_ store: CorpusStore, _ exporter: Exporter, to path: String?) -> ExitCode {
        let directory = store.layout.directory
        guard FileManager.default.fileExists(atPath: store.layout.root) else {
            Console.error("no corpus at \(directory); import plans with 'kehoach import --corpus \(directory) FILE...'")
            return .noInput
        }
        // one snapshot: the plans listed one at a time (no list of them held), each found by id
        let stored: StoredPlans
        do {
            stored = try store.storedPlans()
        } catch {
            Console.error("\(error)")
            return CorpusOpening.exitCode(for: error)
        }
        if stored.snapshot.needsReindex {
            Console.error("\(store.layout.root): the corpus has plan texts but no index; run 'kehoach reindex'")
            return .dataError
        }
        let total = stored.snapshot.planCount
        guard total > 0 else {
            Console.error("the corpus at \(directory) holds no plans; add plans with 'kehoach import FILE...'")
            return .noInput
        }
        var output: StreamedOutput
        do {
            output = try StreamedOutput(path: path)
        } catch {
            Console.error(error.description)
            return .ioError
        }
        var exported = 0, records = 0, failed = 0
        var writeFailure: String? = nil
        stored.snapshot.forEachPlan { summary in
            guard writeFailure == nil else { return }
            let lines: Exporter.Output
            do {
                lines = try exporter.export(summary, stored.plan(summary.id))
            } catch {
                Console.error("\(summary.id.short) (\(summary.source)) cannot be read, left out of the export: \(error)")
                failed += 1
                return
            }
            do {
                try output.write(lines.bytes)
            } catch {
                writeFailure = "\(error)"
                return
            }
            exported += 1
            records += lines.records
        }
        if let writeFailure {
            Console.error(writeFailure)
            return .ioError
        }
        guard exported > 0 else {
            Console.error("none of the \(total) plans could be read; nothing written")
            return .dataError
        }
        let bytes = output.byteCount
        do {
            try output.commit()
        } catch {
            Console.error(error.description)
            return .ioError
        }
        let what = exporter.records == .targets ? "targets" : "records"
        Console.error("exported \(exported) \(exported == 1 ? "plan" : "plans") (\(records) \(what), \(bytes) bytes) to \(path.flatMap { $0 == "-" ? nil : $0 } ?? "standard output")"
                      + (failed > 0 ? "; \(failed) \(failed == 1 ? "plan" : "plans") could not be read" : ""))
        return failed > 0 ? .partial : .ok
    }

    private static func writeMapping(_ mapping: IndexMapping, to path: String?) -> ExitCode {
        do {
            var output = try StreamedOutput(path: path)
            try output.write(Array(mapping.json.utf8))
            try output.commit()
            return .ok
        } catch {
            Console.error(error.description)
            return .ioError
        }
    }
}
