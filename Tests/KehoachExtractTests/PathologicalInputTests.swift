import Foundation
import XCTest
@testable import KehoachExtract
@testable import KehoachText

/// Inputs no plan should be but some file will be: each either reads (with diagnostics) or is
/// refused with a one-line `DecodingError`, and reading takes time linear in the size. Linearity
/// is checked by the time per byte of an input against the same input doubled (`Doubling`),
/// not by absolute times, so that it holds on a slow machine and in a debug build.
final class PathologicalInputTests: XCTestCase {
    private let reader = PlanReader()

    private static let plan: String = {
        let bytes = Mutator.shippedPlans().first ?? Array("KẾ HOẠCH\nI. MỤC TIÊU\n- Đạt 100% giáo viên có chữ ký số.\n".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }()

    /// The body of the shipped plan: its lines after the first section heading.
    private static let body: [Substring] = {
        let lines = plan.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex { $0.hasPrefix("I.") || $0.contains("I. ") } ?? 0
        return Array(lines[start...])
    }()

    // MARK: - Helpers

    /// Reads the input; it must give a plan or a one-line DecodingError.
    @discardableResult
    private func read(_ bytes: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) -> Plan? {
        do {
            return try reader.read(bytes)
        } catch {
            XCTAssertFalse(error.description.contains("\n"), "\(name): \(error.description)", file: file, line: line)
            XCTAssertFalse(error.description.isEmpty, name, file: file, line: line)
            return nil
        }
    }

    /// The time per byte of `make(n)` against `make(2n)`: 1 when reading is linear, 2 when it
    /// is quadratic; it must stay under `Doubling.linearLimit`. Returns the plan read from the
    /// larger input.
    @discardableResult
    private func assertLinear(_ name: String, unit: Int, _ make: (Int) -> [UInt8],
                              file: StaticString = #filePath, line: UInt = #line) -> Plan? {
        let small = make(unit), large = make(2 * unit)
        var plan: Plan? = nil
        let times = Doubling.times({ read(small, name, file: file, line: line) },
                                   { plan = read(large, name, file: file, line: line) })
        let ratio = (times.large / Double(large.count)) / (times.small / Double(small.count))
        print(String(format: "pathological: %@: %.1f MB in %.2f s, %.1f MB in %.2f s; time per byte ×%.2f when doubled",
                     name, Double(small.count) / 1e6, times.small, Double(large.count) / 1e6, times.large, ratio))
        XCTAssertLessThan(ratio, Doubling.linearLimit, "\(name): time per byte grows with the size (super-linear)", file: file, line: line)
        return plan
    }

    private static func repeated(_ text: String, toBytes size: Int) -> [UInt8] {
        let unit = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + unit.count)
        while bytes.count < size { bytes += unit }
        return bytes
    }

    // MARK: - Size

    /// A plan pasted as one line (a PDF copy without line ends), under a section heading. Its
    /// digits are left out so that a debug build reads 15 MB in reasonable time; the next test
    /// keeps them.
    func test_tenMegabyteSingleLine_parsesInLinearTime() {
        let line = (Self.body.dropFirst().joined(separator: " ") + " ").filter { !$0.isNumber }
        let plan = assertLinear("single line", unit: 5_000_000) { size in
            Array("KẾ HOẠCH\nChuyển đổi số\n\nIII. NHIỆM VỤ\n".utf8) + Self.repeated(line, toBytes: size)
        }
        XCTAssertEqual(plan?.sections.count, 1)
    }

    /// The same line with its numbers: targets and deadlines are read from every piece of it.
    func test_singleLineWithTargets_isReadInLinearTime() {
        let line = Self.body.dropFirst().joined(separator: " ") + " "
        let plan = assertLinear("single line with targets", unit: 2_000_000) { size in
            Array("KẾ HOẠCH\nChuyển đổi số\n\nIII. NHIỆM VỤ\n".utf8) + Self.repeated(line, toBytes: size)
        }
        XCTAssertGreaterThan(plan?.targets.count ?? 0, 1_000)
    }

    func test_twoHundredThousandTableRows_parseInLinearTime() {
        let plan = assertLinear("table rows", unit: 100_000) { rows in
            Array(("KẾ HOẠCH\nI. NHIỆM VỤ\n|TT|Nội dung|\n" + (1...rows).map { "|\($0)|Việc|\n" }.joined()).utf8)
        }
        XCTAssertEqual(plan?.tables.first?.rows, 200_000)
    }

    /// Lines that each continue the one before (lower case, no full stop): as one paragraph
    /// or one heading title they would be as long as the file.
    func test_continuedLines_parseInLinearTime() {
        let continued = "nội dung tiếp theo đạt 100% giáo viên trước ngày 15/6/2025\n"
        assertLinear("continued paragraph", unit: 250_000) {
            Array("KẾ HOẠCH\nI. MỤC TIÊU\n- Bắt đầu\n".utf8) + Self.repeated(continued, toBytes: $0)
        }
        assertLinear("continued title", unit: 250_000) {
            Array("KẾ HOẠCH\nI. MỤC TIÊU\n".utf8) + Self.repeated(continued, toBytes: $0)
        }
    }

    /// The shipped plan's body again and again: many sections, targets and deadlines. 2 MB
    /// against 1 MB here; `scripts/fuzz` sets `KEHOACH_HUGE_MB=100` for 100 MB in a release build.
    func test_scaledPlan_readsInLinearTime() {
        let megabytes = ProcessInfo.processInfo.environment["KEHOACH_HUGE_MB"].flatMap { Int($0) } ?? 2
        let body = Self.body.joined(separator: "\n") + "\n"
        assertLinear("\(megabytes) MB plan", unit: megabytes * 500_000) { Array("KẾ HOẠCH\n".utf8) + Self.repeated(body, toBytes: $0) }
    }

    // MARK: - Structure

    /// 1. / 1.1. / 1.1.1. … nested as deep as a label can be read, ten thousand headings.
    func test_tenThousandNestedHeadings_parseInLinearTime() {
        let plan = assertLinear("nested headings", unit: 5_000) { count in
            var lines = "KẾ HOẠCH\nChuyển đổi số năm 2025\n\n"
            var depth = 0, top = 0
            for _ in 0..<count {
                depth = depth % 12 + 1
                if depth == 1 { top += 1 }
                lines += "\(top)" + String(repeating: ".1", count: depth - 1) + ". Nội dung mục\n"
            }
            return Array(lines.utf8)
        }
        XCTAssertEqual(plan?.sections.count, 10_000 / 12 + 1)
    }

    /// "1.1.1.1…" with hundreds of levels on one line.
    func test_hundredsOfNumberingLevels_readAsText() {
        let label = String(repeating: "1.", count: 500)
        XCTAssertNotNil(read(Array("KẾ HOẠCH\n\(label) Nội dung\n".utf8), "deep label"))
    }

    func test_tenThousandSiblingRomanHeadings_parseInLinearTime() {
        let plan = assertLinear("sibling headings", unit: 5_000) { Array(String(repeating: "I. MỤC TIÊU\n", count: $0).utf8) }
        XCTAssertEqual(plan?.sections.count, 10_000)
        XCTAssertTrue(plan?.diagnostics.contains { $0.id == "section.repeated-label" } ?? false)
    }

    func test_planWithoutSections_readsAsParagraphsWithADiagnostic() {
        let plan = read(Array("KẾ HOẠCH\nChuyển đổi số năm 2025\n\nĐạt 100% giáo viên có chữ ký số.\n".utf8), "no sections")
        XCTAssertEqual(plan?.sections.count, 0)
        XCTAssertTrue(plan?.diagnostics.contains { $0.id == "section.none" } ?? false)
    }

    func test_lineOfOnlySeparators_isNoTable() {
        for line in [String(repeating: "|", count: 10_000), String(repeating: "\t", count: 10_000), "| | | |"] {
            XCTAssertNotNil(read(Array("KẾ HOẠCH\nI. MỤC TIÊU\n\(line)\n- Đạt 100% giáo viên.\n".utf8), "separators"))
        }
    }

    // MARK: - Not a plan

    func test_emptyAndBlankFiles_areRefusedAsEmpty() {
        for bytes in [[], Array("   \n\t\r\n".utf8)] as [[UInt8]] {
            XCTAssertThrowsError(try reader.read(bytes)) { XCTAssertEqual($0 as? DecodingError, .empty) }
        }
    }

    func test_binaryFiles_areRefusedWithWhatTheyLookLike() {
        let files: [(String, [UInt8])] = [
            ("PDF", Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".utf8) + [0, 1, 2, 0xFF]),
            ("zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array(repeating: 0, count: 100)),
            ("old Word", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 100)),
            ("NUL bytes", Array("KẾ HOẠCH".utf8) + Array(repeating: 0, count: 1_000)),
            ("random", (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }),
        ]
        for (name, bytes) in files {
            XCTAssertThrowsError(try reader.read(bytes), name) { error in
                let description = (error as? DecodingError)?.description ?? ""
                XCTAssertFalse(description.isEmpty || description.contains("\n"), "\(name): \(description)")
            }
        }
    }

    func test_htmlPage_readsAsThePlanText() {
        let html = "<!DOCTYPE html><html><head><style>p { color: red }</style><script>var s = '<p>';</script></head><body>"
            + "<p>KẾ HOẠCH</p><p>Chuyển đổi số năm 2025</p><p>I. MỤC TIÊU</p><p>- Đạt 100% giáo viên có chữ ký số.</p>"
            + "<table><tr><td>1</td><td>Nhiệm vụ</td></tr></table></body></html>"
        let plan = read(Array(html.utf8), "HTML")
        XCTAssertEqual(plan?.metadata.title, "Chuyển đổi số năm 2025")
        XCTAssertEqual(plan?.targets.first?.value, 100)
        XCTAssertTrue(plan?.diagnostics.contains { $0.id == "decode.html" } ?? false)
    }

    func test_legacyEightBitFile_readsAsThePlan() {
        let bytes = LegacyDecoder.encode(Self.plan, as: .vniWindows)
        let plan = read(bytes, "VNI")
        XCTAssertTrue(plan?.diagnostics.contains { $0.id == "decode.legacy" } ?? false)
        XCTAssertFalse(plan?.targets.isEmpty ?? true)
    }
}
