import Foundation
import XCTest
@testable import KehoachExtract
@testable import KehoachParser
import KehoachText

/// Hostile input must never crash the reader nor make it hang: every mutated plan either reads
/// (with diagnostics) or throws a `DecodingError` with a one-line message. Inputs are numbered
/// and deterministic (`Mutator`), so a failure names the input that reproduces it.
final class FuzzTests: XCTestCase {
    static let mutator = Mutator(plans: Mutator.shippedPlans())
    static let documents = DocumentMutator()

    /// A few hundred inputs in every `swift test` (about 20 s in a debug build).
    func test_shortRun_mutatedPlansReadOrThrowOneLineDecodingError() {
        let run = FuzzRun(inputs: 0..<300, making: Self.mutator.labelledInput)
        run.assertNoFailures()
    }

    /// Mutated Word and PDF files: damaged archives, hostile XML and numbering, broken
    /// cross-references and stream lengths (about 9 s in a debug build).
    func test_shortRun_mutatedDocumentsReadOrThrowOneLineDecodingError() {
        let run = FuzzRun(inputs: 0..<80, making: Self.documents.input)
        run.assertNoFailures(readingAtLeast: 0.2)
    }

    /// The long run, started by `scripts/fuzz` in a release build: `KEHOACH_FUZZ_COUNT` inputs
    /// from `KEHOACH_FUZZ_FIRST`, and no input may take more than 50× the median time per KB
    /// (a hang or a super-linear case). Without the variable it runs a small default count
    /// rather than skip, so the timing check itself stays tested.
    func test_longRun_runsKEHOACH_FUZZ_COUNTInputsInLinearTime() {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["KEHOACH_FUZZ_COUNT"].flatMap { Int($0) }
        let first = environment["KEHOACH_FUZZ_FIRST"].flatMap { Int($0) } ?? 0
        if count == nil { print("fuzz: KEHOACH_FUZZ_COUNT not set; running the default 50 inputs") }
        let run = FuzzRun(inputs: first..<(first + (count ?? 50)), progressFile: environment["KEHOACH_FUZZ_PROGRESS"],
                          saveFile: environment["KEHOACH_FUZZ_SAVE"], making: Self.mutator.labelledInput)
        run.assertNoFailures()
        run.assertLinearTime(maximumRatio: 50)
        let documents = FuzzRun(inputs: first..<(first + (count ?? 50) / 10), progressFile: environment["KEHOACH_FUZZ_PROGRESS"],
                                saveFile: environment["KEHOACH_FUZZ_SAVE"], making: Self.documents.input)
        documents.assertNoFailures(readingAtLeast: 0.2)
        // a damaged archive is refused after its CRC check, far faster per KB than a read
        documents.assertLinearTime(maximumRatio: 50, againstReadInputs: true)
    }

    // MARK: - Findings, each as the smallest input that showed it

    private func read(_ text: String) -> Plan? {
        try? PlanReader().read(Array(text.utf8))
    }

    /// NumberingReader summed a heading's digits into an Int before checking there were at
    /// most three of them: arithmetic overflow.
    func test_twentyDigitHeadingNumber_doesNotOverflow() {
        XCTAssertEqual(read("KẾ HOẠCH\nChuyển đổi số\n\n99999999999999999999. Tiêu đề\n")?.sections.count, 0)
    }

    /// A number too long to be a quantity became a target whose value no Int holds, and
    /// `kehoach parse` crashed converting it for display (400 digits made it infinite).
    func test_hugePercentage_isNoTarget() {
        for digits in [20, 400] {
            let nines = String(repeating: "9", count: digits)
            let plan = read("KẾ HOẠCH\nChuyển đổi số\n\nI. MỤC TIÊU\n- Đạt \(nines)% giáo viên có chữ ký số; 100% trường học.\n")
            XCTAssertEqual(plan?.targets.map(\.value), [100], "\(digits) digits")
        }
    }

    /// TableBuilder compared a row number with the one before it plus one: overflow after a
    /// row numbered Int.max.
    func test_tableRowNumberedIntMax_doesNotOverflow() {
        let rows = "| TT | Nội dung |\n| 9223372036854775807 | a |\n| 9223372036854775807 | b |\n| 1 | c |\n"
        XCTAssertEqual(read("KẾ HOẠCH\nChuyển đổi số\n\nI. NHIỆM VỤ\n" + rows)?.tables.first?.rows, 3)
    }

    /// HTMLText read the tag after a "<" that ends the file from one past the end: a range
    /// whose lower bound is above its upper bound.
    func test_webPageEndingInAnOpenBracket_doesNotCrash() {
        XCTAssertNotNil(read("<html><body><p>KẾ HOẠCH</p><p>I. MỤC TIÊU</p><"))
    }

    /// The lexer dropped a line's trailing white space one character at a time, and each
    /// `dropLast()` counted the line again: quadratic in a line ending in thousands of tabs.
    func test_lineEndingInThousandsOfTabs_readsInLinearTime() {
        let ratio = Doubling.perUnitRatio(unit: 20_000) { tabs in
            let line = "- Triển khai nhiệm vụ" + String(repeating: "\t", count: tabs) + "\n"
            XCTAssertNotNil(read("KẾ HOẠCH\nI. NHIỆM VỤ\n" + String(repeating: line, count: 10)))
        }
        XCTAssertLessThan(ratio, Doubling.linearLimit, "time per tab grows with the tabs")
    }

    /// The paragraphs of a plan's first section.
    private func paragraphs(_ text: String) -> [String] {
        let document = Parser().parse(SourceText("KẾ HOẠCH\nChuyển đổi số\n\nI. NHIỆM VỤ\n\(text)\n"))
        return document.sections.first?.blocks.compactMap { block -> String? in
            if case .paragraph(let paragraph) = block { return paragraph.text } else { return nil }
        } ?? []
    }

    /// A line or a run of continued lines as long as the file became one paragraph, and the
    /// extractors' work per paragraph grows faster than its length: paragraphs are now cut.
    func test_longLine_isCutIntoBoundedParagraphs() {
        let line = String(repeating: "Đạt 100% giáo viên có chữ ký số trước ngày 15/6/2025; ", count: 20_000)
        let paragraphs = paragraphs(line)
        XCTAssertGreaterThan(paragraphs.count, 100)
        XCTAssertTrue(paragraphs.allSatisfy { $0.utf8.count <= BodyReader.longestParagraph })
        XCTAssertTrue(paragraphs.allSatisfy { $0.hasSuffix(";") }, "cut after a clause")
        XCTAssertEqual(paragraphs.joined(separator: " ").utf8.count + 1, line.utf8.count)
    }

    /// A table row alone is read as a paragraph of its cells, and that paragraph was not cut:
    /// a web page whose rows had become one line of thousands of cells (input #83148).
    func test_longSingleTableRow_isCutIntoBoundedParagraphs() {
        let row = String(repeating: "| 1 | Nhiệm vụ | 100% | 6/2025 ", count: 5_000) + "|"
        let paragraphs = paragraphs(row)
        XCTAssertGreaterThan(paragraphs.count, 10)
        XCTAssertTrue(paragraphs.allSatisfy { $0.utf8.count <= BodyReader.longestParagraph })
    }
}

/// Reads a range of mutator inputs and records, per input, its size and time.
struct FuzzRun {
    struct Measure {
        var index: Int
        var bytes: Int
        var seconds: Double
        /// Read as a plan, not refused.
        var read: Bool

        /// Per KB of at least 4 KB, so that the fixed cost of a tiny input is no outlier.
        var secondsPerKB: Double { seconds * 1024 / Double(max(bytes, 4096)) }
    }

    /// Input number n and the names of what made it.
    let input: (Int) -> (bytes: [UInt8], mutations: [String])
    private(set) var measures: [Measure] = []
    private(set) var failures: [String] = []
    private(set) var parsed = 0
    private let reader = PlanReader()

    /// `progressFile` receives the number of the input being read (a crash leaves it there);
    /// `saveFile` receives the input's bytes before each read, to reproduce one input.
    init(inputs: Range<Int>, progressFile: String? = nil, saveFile: String? = nil,
         making input: @escaping (Int) -> (bytes: [UInt8], mutations: [String])) {
        self.input = input
        let started = DispatchTime.now().uptimeNanoseconds
        var totalBytes = 0
        for index in inputs {
            let (bytes, mutations) = input(index)
            if let progressFile { try? "\(index)\n".write(toFile: progressFile, atomically: false, encoding: .utf8) }
            if let saveFile { FileManager.default.createFile(atPath: saveFile, contents: Data(bytes)) }
            let before = parsed
            let (seconds, problem) = read(bytes)
            if let problem { failures.append("input #\(index) \(mutations): \(problem)") }
            measures.append(Measure(index: index, bytes: bytes.count, seconds: seconds, read: parsed > before))
            totalBytes += bytes.count
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let reading = measures.reduce(0) { $0 + $1.seconds }
        print(String(format: "fuzz: %d inputs (%.1f MB) in %.1f s: %.0f inputs/s, %.0f inputs/s reading only; %d read, %d refused",
                     measures.count, Double(totalBytes) / 1e6, wall, Double(measures.count) / wall,
                     Double(measures.count) / reading, parsed, measures.count - parsed))
    }

    /// Times one read; a problem when it throws a DecodingError whose message is not one line.
    private mutating func read(_ bytes: [UInt8]) -> (Double, String?) {
        let start = DispatchTime.now().uptimeNanoseconds
        var problem: String? = nil
        do {
            _ = try reader.read(bytes)
            parsed += 1
        } catch {
            if error.description.contains("\n") || error.description.isEmpty { problem = "DecodingError message is not one line: \(error)" }
        }
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, problem)
    }

    /// `readingAtLeast`: the share of inputs that must read as plans (many mutants are still
    /// plans: a fuzzer whose inputs are all refused tests only the decoder).
    func assertNoFailures(readingAtLeast share: Double = 1.0 / 3, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(failures, [], file: file, line: line)
        XCTAssertGreaterThan(Double(parsed), share * Double(measures.count), "at least \(share) of the inputs should read as plans", file: file, line: line)
    }

    /// No input is slower per KB than `maximumRatio` × the median (of the inputs read as plans,
    /// with `againstReadInputs`). An outlier is timed again (best of three) before it counts, so
    /// that a pause of the machine is not a finding.
    func assertLinearTime(maximumRatio: Double, againstReadInputs: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
        let reference = againstReadInputs ? measures.filter(\.read) : measures
        guard !reference.isEmpty else { return XCTFail("no inputs ran", file: file, line: line) }
        let sorted = reference.map(\.secondsPerKB).sorted()
        let median = sorted[sorted.count / 2]
        var slowest = measures[0]
        var outliers: [String] = []
        for measure in measures {
            var measure = measure
            if measure.secondsPerKB > median * maximumRatio {
                let bytes = input(measure.index).bytes
                measure.seconds = (0..<3).map { _ in
                    let start = DispatchTime.now().uptimeNanoseconds
                    _ = try? reader.read(bytes)
                    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                }.min()!
                if measure.secondsPerKB > median * maximumRatio {
                    outliers.append(String(format: "input #%d (%d bytes): %.3f ms/KB, %.0f× the median",
                                           measure.index, measure.bytes, measure.secondsPerKB * 1000, measure.secondsPerKB / median))
                }
            }
            if measure.secondsPerKB > slowest.secondsPerKB { slowest = measure }
        }
        print(String(format: "fuzz: median %.4f ms/KB; slowest input #%d (%d bytes, %@) %.4f ms/KB, %.1f× the median",
                     median * 1000, slowest.index, slowest.bytes, input(slowest.index).mutations.joined(separator: " "),
                     slowest.secondsPerKB * 1000, slowest.secondsPerKB / median))
        XCTAssertEqual(outliers, [], "slower than \(Int(maximumRatio))× the median time per KB", file: file, line: line)
    }
}

/// Linear time, checked without absolute times: the time per unit of work when the work
/// doubles. Linear work keeps it (ratio 1), quadratic work doubles it (ratio 2).
enum Doubling {
    /// The ratio below which work counts as linear: doubling the input may triple the time.
    static let linearLimit = 1.5

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Seconds for `small` and for `large` (twice the work); when their ratio is over the
    /// limit both are timed again and the best kept, so that a pause of the machine is not a finding.
    static func times(_ small: () -> Void, _ large: () -> Void) -> (small: Double, large: Double) {
        var times = (small: seconds(small), large: seconds(large))
        if times.large / times.small > 2 * linearLimit {
            times = (min(times.small, seconds(small)), min(times.large, seconds(large)))
        }
        return times
    }

    /// The time per unit of `run(2 × unit)` over that of `run(unit)`.
    static func perUnitRatio(unit: Int, _ run: (Int) -> Void) -> Double {
        let (small, large) = times({ run(unit) }, { run(2 * unit) })
        return large / small / 2
    }
}
