/// ANSI styles for a terminal that asked for colour (the CLI decides: a tty and no NO_COLOR).
public enum TerminalStyle: String, Sendable {
    case bold = "1", dim = "2", green = "32", yellow = "33", blue = "34", red = "31", magenta = "35", cyan = "36"

    public func apply(_ text: String, enabled: Bool) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// A plain-text table that fits a width: fixed column widths, cells word-wrapped, columns
/// separated by " │ ", header underlined. Width is one column per character, counted as scalars
/// that are not combining marks: NFC Vietnamese has one scalar per letter, and counting them
/// does not break graphemes (a report of thousands of alignments has millions of words).
struct TerminalTable {
    var widths: [Int]
    var color: Bool

    func render(header: [String]?, rows: [[String]], styles: [[TerminalStyle?]] = [], rules: Set<Int> = []) -> [String] {
        var out: [String] = []
        if let header {
            out += lines(header, styles: header.map { _ in .bold })
            out.append(rule())
        }
        for (r, row) in rows.enumerated() {
            if rules.contains(r) { out.append(rule()) }
            out += lines(row, styles: r < styles.count ? styles[r] : [])
        }
        return out
    }

    func rule() -> String {
        widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
    }

    private func lines(_ cells: [String], styles: [TerminalStyle?]) -> [String] {
        let wrapped = widths.indices.map { i in Self.wrap(i < cells.count ? cells[i] : "", width: widths[i]) }
        let height = wrapped.map(\.count).max() ?? 1
        var out: [String] = []
        for line in 0..<height {
            var parts: [String] = []
            for (i, column) in wrapped.enumerated() {
                let text = line < column.count ? column[line] : ""
                let padded = text + String(repeating: " ", count: max(0, widths[i] - Self.width(text)))
                let style = i < styles.count ? styles[i] : nil
                parts.append(style.map { $0.apply(padded, enabled: color) } ?? padded)
            }
            var joined = parts.joined(separator: " │ ")
            while joined.utf8.last == 0x20 { joined.removeLast() }
            out.append(joined)
        }
        return out
    }

    /// The columns a text takes.
    static func width<S: StringProtocol>(_ text: S) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where !isCombining(scalar.value) { count += 1 }
        return count
    }

    private static func isCombining(_ value: UInt32) -> Bool {
        value >= 0x300 && (value <= 0x36F || (0x1AB0...0x1AFF).contains(value) || (0x1DC0...0x1DFF).contains(value)
                           || (0x20D0...0x20FF).contains(value) || (0xFE20...0xFE2F).contains(value) || (0x200B...0x200D).contains(value))
    }

    /// Word wrap; explicit newlines kept; a word longer than the width is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var out: [String] = []
        // split on scalars: Character splitting breaks graphemes over every byte
        for paragraph in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var length = 0
            for piece in paragraph.split(separator: " ") {
                var word = Substring(piece)
                var count = Self.width(word)
                while count > width {
                    if length > 0 { out.append(line); line = ""; length = 0 }
                    out.append(String(word.prefix(width)))
                    word = word.dropFirst(width)
                    count = Self.width(word)
                }
                if length == 0 { line = String(word); length = count }
                else if length + 1 + count <= width { line += " "; line += word; length += 1 + count }
                else { out.append(line); line = String(word); length = count }
            }
            out.append(line)
        }
        return out.isEmpty ? [""] : out
    }
}

/// Markdown table cells: pipes escaped, line breaks as <br>-free spaces.
enum MarkdownText {
    static func cell(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
            .replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map(cell).joined(separator: " | ") + " |"
    }
}
