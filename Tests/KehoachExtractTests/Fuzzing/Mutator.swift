import Foundation
@testable import KehoachText

/// Deterministic mutations of real plans: input number `n` of a given seed is the same bytes
/// on every run and every machine (`SplitMix64`), so a failure found by a long run is
/// reproduced by its number.
///
/// Each input starts from a shipped plan (whole, or a slice of lines so that the header is
/// often missing) and takes one to four mutations aimed at what plan text can do wrong: broken
/// bytes and encodings, hostile numbers, pathological structure, markup.
struct Mutator {
    enum Mutation: String, CaseIterable, Sendable {
        case flipBytes, deleteLines, duplicateLines, swapLines, truncate
        case unicodeScalars, controlBytes, hugeNumbers, deepNumbering, romanHeadings
        case separatorLine, htmlFragment, byteOrderMarks, legacyEncoding, longLine, tableRows
    }

    /// The plans mutations start from, as UTF-8.
    let plans: [[UInt8]]
    let seed: UInt64

    init(plans: [[UInt8]], seed: UInt64 = 0x6B65_686F_6163_6866) {
        precondition(!plans.isEmpty, "the mutator needs at least one plan to start from")
        self.plans = plans
        self.seed = seed
    }

    /// The shipped plans, from `corpus/` at the package root (three levels above this file's folder).
    static func shippedPlans() -> [[UInt8]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { [UInt8]($0) }
        }
    }

    /// Input number `index`, and the mutations that made it.
    func input(_ index: Int) -> (bytes: [UInt8], mutations: [Mutation]) {
        var random = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        var bytes = start(&random)
        var applied: [Mutation] = []
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let mutation = Mutation.allCases.randomElement(using: &random)!
            apply(mutation, to: &bytes, &random)
            applied.append(mutation)
        }
        return (bytes, applied)
    }

    /// `input` with its mutations named, as `FuzzRun` takes them.
    func labelledInput(_ index: Int) -> (bytes: [UInt8], mutations: [String]) {
        let (bytes, mutations) = input(index)
        return (bytes, mutations.map(\.rawValue))
    }

    // MARK: - Starting points

    /// A whole plan a third of the time, otherwise a run of 20 to 120 of its lines.
    private func start(_ random: inout SplitMix64) -> [UInt8] {
        let plan = plans.randomElement(using: &random)!
        guard Int.random(in: 0..<3, using: &random) != 0 else { return plan }
        let lines = Self.lines(plan)
        let count = min(lines.count, Int.random(in: 20...120, using: &random))
        let first = Int.random(in: 0...(lines.count - count), using: &random)
        return Self.join(lines[first..<(first + count)])
    }

    // MARK: - Mutations

    private func apply(_ mutation: Mutation, to bytes: inout [UInt8], _ random: inout SplitMix64) {
        switch mutation {
        case .flipBytes:
            guard !bytes.isEmpty else { return }
            for _ in 0..<Int.random(in: 1...16, using: &random) {
                let at = Int.random(in: bytes.indices, using: &random)
                bytes[at] = Bool.random(using: &random) ? bytes[at] ^ (1 << UInt8.random(in: 0...7, using: &random))
                                                        : UInt8.random(in: 0...255, using: &random)
            }
        case .deleteLines:
            var lines = Self.lines(bytes)
            let range = Self.randomRange(in: lines.count, maxLength: 20, &random)
            lines.removeSubrange(range)
            bytes = Self.join(lines)
        case .duplicateLines:
            var lines = Self.lines(bytes)
            let range = Self.randomRange(in: lines.count, maxLength: 20, &random)
            let copies = Array(repeatElement(lines[range], count: Int.random(in: 1...50, using: &random)).joined())
            lines.insert(contentsOf: copies, at: range.upperBound)
            bytes = Self.join(lines)
        case .swapLines:
            var lines = Self.lines(bytes)
            for _ in 0..<Int.random(in: 1...10, using: &random) {
                lines.swapAt(Int.random(in: lines.indices, using: &random), Int.random(in: lines.indices, using: &random))
            }
            bytes = Self.join(lines)
        case .truncate:
            bytes.removeLast(Int.random(in: 0...bytes.count, using: &random))
        case .unicodeScalars:
            for _ in 0..<Int.random(in: 1...20, using: &random) {
                insert(Array(String(String.UnicodeScalarView(Self.randomScalars(&random))).utf8), into: &bytes, &random)
            }
        case .controlBytes:
            for _ in 0..<Int.random(in: 1...20, using: &random) {
                let control: UInt8 = Int.random(in: 0..<4, using: &random) == 0 ? 0 : [0x01, 0x07, 0x08, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B, 0x1F, 0x7F].randomElement(using: &random)!
                insert([control], into: &bytes, &random)
            }
        case .hugeNumbers:
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                insert(Array(Self.hugeNumber(&random).utf8), into: &bytes, atLineStart: Bool.random(using: &random), &random)
            }
        case .deepNumbering:
            insert(Array(Self.deepNumbering(&random).utf8), into: &bytes, atLineStart: true, &random)
        case .romanHeadings:
            let heading = ["I. MỤC TIÊU\n", "I.\n", "I. \n", "II. NHIỆM VỤ\nI. MỤC ĐÍCH\n", "PHẦN I\n", "a) Nội dung\n"].randomElement(using: &random)!
            insert(Array(String(repeating: heading, count: Int.random(in: 500...3000, using: &random)).utf8), into: &bytes, atLineStart: true, &random)
        case .separatorLine:
            let mark = ["|", "\t", " | ", "|\t"].randomElement(using: &random)!
            insert(Array((String(repeating: mark, count: Int.random(in: 1...5000, using: &random)) + "\n").utf8), into: &bytes, atLineStart: true, &random)
        case .htmlFragment:
            let fragment = Self.htmlFragments.randomElement(using: &random)!
            if Int.random(in: 0..<4, using: &random) == 0 {
                bytes = Array("<!DOCTYPE html><html><body><div>".utf8) + bytes
            }
            insert(Array(fragment.utf8), into: &bytes, &random)
        case .byteOrderMarks:
            let mark: [UInt8] = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]].randomElement(using: &random)!
            if Int.random(in: 0..<4, using: &random) == 0 { bytes = mark + bytes } else { insert(mark, into: &bytes, &random) }
        case .legacyEncoding:
            let text = String(decoding: bytes, as: UTF8.self)
            let encoding = [SourceEncoding.tcvn3, .vniWindows, .windows1258].randomElement(using: &random)!
            bytes = Bool.random(using: &random) ? LegacyDecoder.encode(text, as: encoding)
                                                : Array(LegacyDecoder.misdecodedForm(of: text, as: encoding).utf8)
        case .longLine:
            var lines = Self.lines(bytes)
            let range = Self.randomRange(in: lines.count, maxLength: 400, &random)
            let joined = Array(lines[range].joined(separator: [UInt8(ascii: " ")]))
            lines.replaceSubrange(range, with: [joined[...]])
            bytes = Self.join(lines)
        case .tableRows:
            let rows = (1...Int.random(in: 100...2000, using: &random)).map { "| \($0) | Nhiệm vụ \($0) | 100% | 6/2025 |\n" }
            insert(Array(("| TT | Nội dung | Chỉ tiêu | Thời gian |\n" + rows.joined()).utf8), into: &bytes, atLineStart: true, &random)
        }
    }

    /// Inserts `piece` at a random byte (possibly inside a UTF-8 sequence) or line start.
    private func insert(_ piece: [UInt8], into bytes: inout [UInt8], atLineStart: Bool = false, _ random: inout SplitMix64) {
        var at = Int.random(in: 0...bytes.count, using: &random)
        if atLineStart {
            while at > 0, bytes[at - 1] != UInt8(ascii: "\n") { at -= 1 }
        }
        bytes.insert(contentsOf: piece, at: at)
    }

    // MARK: - Hostile pieces

    /// Combining marks (stacked up to 50), other scripts, astral scalars, invisible and
    /// line-breaking characters, and characters that claim to be digits.
    private static func randomScalars(_ random: inout SplitMix64) -> [Unicode.Scalar] {
        func scalar(_ range: ClosedRange<UInt32>) -> Unicode.Scalar {
            Unicode.Scalar(UInt32.random(in: range, using: &random)) ?? "\u{FFFD}"
        }
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return (0..<Int.random(in: 1...50, using: &random)).map { _ in scalar(0x300...0x36F) }
        case 1: return [scalar(0x80...0xD7FF)]
        case 2: return [scalar(0xE000...0xFFFD)]
        case 3: return [scalar(0x1_0000...0x10_FFFF)]
        case 4: return ["\u{200B}", "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{202E}", "\u{00AD}", "\u{FFFD}", "\u{0085}"].randomElement(using: &random).map { [$0] }!
        default: return ["²", "½", "Ⅻ", "٣", "１", "۹", "߃", "𝟗", "〇"].randomElement(using: &random).map { [$0] }!
        }
    }

    /// Numbers no plan prints: more digits than any integer type holds, in every place a
    /// number is read (targets, headings, document numbers, dates, table rows).
    private static func hugeNumber(_ random: inout SplitMix64) -> String {
        let digits = String(repeating: "9", count: Int.random(in: 19...400, using: &random))
        return [
            "99999999999999999999%", "\(digits)%", "\(digits) ", "-\(digits) học sinh",
            "Đạt tối thiểu \(digits)% giáo viên có chữ ký số.\n", "\(digits). Tiêu đề\n", "\(digits)) Nội dung\n",
            "0,\(digits)%", "1.\(digits) máy tính", "\(digits).\(digits).\(digits). Mục\n",
            "Số: \(digits)/KH-UBND\n", "Hà Nội, ngày \(digits) tháng \(digits) năm \(digits)\n", "trước ngày \(digits)/\(digits)/\(digits)",
            "| 9223372036854775807 | Nội dung | 1 |\n| 9223372036854775807 | Nội dung | 2 |\n| -9223372036854775808 | x | 3 |\n",
            "| \(digits) | a | b |\n| \(digits) | c | d |\n", "Điều \(digits). Phạm vi\n", "PHỤ LỤC \(digits)\n", "tháng \(digits)/\(digits)",
            "năm \(digits) - \(digits)", "1e309%", "\(digits) học sinh/máy",
        ].randomElement(using: &random)!
    }

    /// "1.", "1.1.", "1.1.1." … down to hundreds of levels, or one label of up to a thousand.
    private static func deepNumbering(_ random: inout SplitMix64) -> String {
        if Bool.random(using: &random) {
            return String(repeating: "1.", count: Int.random(in: 50...1000, using: &random)) + " Nội dung sâu\n"
        }
        var lines = ""
        var label = ""
        for _ in 0..<Int.random(in: 10...300, using: &random) {
            label += "1."
            lines += "\(label) Mục\n"
        }
        return lines
    }

    private static let htmlFragments = [
        "<table><tr><td>1</td><td>100%</td></tr></table>", "<", "<<<<<<<<<<", ">", "<p", "</td>", "<br/>",
        "<script>var x = '<p>';", "<style>", "&#x110000;", "&#99999999999999999999;", "&#xD800;", "&amp", "&;",
        "&#;", "<!-- comment", "<td><td><td><td>", "<tr>\n<td>I.</td><td>MỤC TIÊU</td></tr>",
    ]

    // MARK: - Lines

    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }

    private static func join<C: Collection>(_ lines: C) -> [UInt8] where C.Element == ArraySlice<UInt8> {
        Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// A random non-empty range of at most `maxLength` in `0..<count` (empty when count is 0).
    private static func randomRange(in count: Int, maxLength: Int, _ random: inout SplitMix64) -> Range<Int> {
        guard count > 0 else { return 0..<0 }
        let lower = Int.random(in: 0..<count, using: &random)
        return lower..<min(count, lower + Int.random(in: 1...maxLength, using: &random))
    }
}
