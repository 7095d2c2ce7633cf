import Dispatch
import Foundation
import KehoachDocument
import KehoachExtract
import KehoachZip

/// `kehoach bench-document FILE [--runs N]` (hidden, for scripts/bench-docx): how long reading
/// one Word or PDF file takes, to its text and to its plan (the median of N runs); for a Word
/// file also inflating its `word/document.xml` beside a plain copy of the same inflated bytes
/// in the same run, the machine's limit for producing them.
enum DocumentBenchCommand {
    static func run(_ words: [String]) -> ExitCode {
        do {
            let args = try Arguments(words, options: ["runs"], flags: [])
            let runs = max(1, Int(args.option("runs") ?? "20") ?? 20)
            guard args.positional.count == 1, let path = args.positional.first, case .success(let bytes) = Console.readFile(path) else {
                Console.error("usage: kehoach bench-document FILE [--runs N]")
                return .usage
            }
            let reader = PlanReader()
            var targets = 0
            var text = ""
            let decode = median(runs) { text = (try? DocumentDecoder.decode(bytes))?.text ?? "" }
            let lines = text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let read = median(runs) { targets = (try? reader.read(bytes))?.targets.count ?? 0 }
            Console.out(String(format: "file:             %@ (%.2f MB)\n", path as NSString, Double(bytes.count) / 1e6))
            Console.out(String(format: "to text:          %8.2f ms  (%d lines; median of %d)\n", decode * 1000, lines, runs))
            Console.out(String(format: "to plan:          %8.2f ms  (%d targets)\n", read * 1000, targets))
            if let archive = try? ZipArchive(bytes), let entry = archive.entry("word/document.xml"), let inflated = try? archive.contents(of: entry) {
                let megabytes = Double(inflated.count) / 1e6
                let inflate = median(runs) { _ = try? archive.contents(of: entry) }
                var copy: [UInt8] = []
                let raw = median(runs) { copy = Array(inflated[...]); copy[0] ^= 0 }
                Console.out(String(format: "document.xml:     %.2f MB from %.2f MB\n", megabytes, Double(entry.compressedSize) / 1e6))
                Console.out(String(format: "inflate + CRC:    %8.1f MB/s\n", megabytes / inflate))
                Console.out(String(format: "raw copy:         %8.1f MB/s  (inflate is 1/%.0f of it)\n", megabytes / raw, inflate / raw))
            }
            return .ok
        } catch {
            Console.error("\(error)")
            return .usage
        }
    }

    /// The median time of `runs` runs of `work`, in seconds.
    private static func median(_ runs: Int, _ work: () -> Void) -> Double {
        let times = (0..<runs).map { _ -> Double in
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }.sorted()
        return times[times.count / 2]
    }
}
