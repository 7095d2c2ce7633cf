import Dispatch
import Foundation
import KehoachDocument
import KehoachExtract
import KehoachLexer
import KehoachParser
import KehoachText

/// `kehoach bench [FILE...] [--mb N]` (hidden): parse+extract throughput on one core, beside the
/// same run's raw read-and-validate-UTF-8 speed of the same bytes, which is the machine's limit
/// for any reader of these files.
enum BenchCommand {
    static func run(_ words: [String]) -> ExitCode {
        do {
            let args = try Arguments(words, options: ["mb"], flags: ["stages"])
            let megabytes = Double(args.option("mb") ?? "50") ?? 50
            let paths = args.positional.isEmpty ? defaultCorpus() : args.positional
            let documents = paths.compactMap { path -> [UInt8]? in
                if case .success(let bytes) = Console.readFile(path) { return bytes }
                return nil
            }
            guard !documents.isEmpty else {
                Console.error("bench: no readable plan files")
                return .noInput
            }
            // the corpus repeated, document by document, to at least the requested size
            var workload: [[UInt8]] = []
            var total = 0
            while Double(total) < megabytes * 1_000_000 {
                for document in documents { workload.append(document); total += document.count }
            }
            let reader = PlanReader()
            var validated = 0
            let rawSeconds = time {
                for document in workload where String(validating: document, as: UTF8.self) != nil { validated += 1 }
            }
            var targets = 0
            let pipelineSeconds = time {
                for document in workload { targets += (try? reader.read(document))?.targets.count ?? 0 }
            }
            let mb = Double(total) / 1_000_000
            let raw = mb / rawSeconds
            let pipeline = mb / pipelineSeconds
            Console.out(String(format: "input:            %.1f MB (%d documents, %d files repeated)\n", mb, workload.count, documents.count))
            Console.out(String(format: "raw UTF-8 scan:   %8.1f MB/s  (%d valid documents)\n", raw, validated))
            Console.out(String(format: "parse+extract:    %8.1f MB/s  (%d targets)\n", pipeline, targets))
            Console.out(String(format: "ratio:            %8.3f of the raw scan (1 / %.0f)\n", pipeline / raw, raw / pipeline))
            if args.flag("stages") { stages(workload, megabytes: mb) }
            return .ok
        } catch {
            Console.error("\(error)")
            return .usage
        }
    }

    /// Each stage timed on its own over the same workload, to show where the time goes.
    private static func stages(_ workload: [[UInt8]], megabytes mb: Double) {
        var decoded: [DecodedText] = []
        let decode = time { decoded = workload.compactMap { try? DocumentDecoder.decode($0) } }
        var texts: [SourceText] = []
        let normalize = time { texts = decoded.map(Normalizer.normalize) }
        let lexer = Lexer()
        var tokens: [[Token]] = []
        let lex = time { tokens = texts.map(lexer.tokens) }
        let parser = Parser()
        var documents: [PlanDocument] = []
        let parse = time { documents = tokens.map { parser.parse(tokens: $0) } }
        let extractor = Extractor()
        var count = 0
        let extract = time { for d in documents { count += extractor.extract(d).targets.count } }
        for (name, seconds) in [("decode", decode), ("normalize", normalize), ("lex", lex), ("parse", parse), ("extract", extract)] {
            Console.out(String(format: "  %-10@ %8.1f MB/s\n", name as NSString, mb / seconds))
        }
    }

    private static func defaultCorpus() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "corpus")) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { "corpus/\($0)" }
    }

    private static func time(_ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
