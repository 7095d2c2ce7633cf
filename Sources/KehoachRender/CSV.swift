/// CSV that Excel opens with Vietnamese intact (UTF-8 with BOM) and that cannot run a formula:
/// a cell starting with `=`, `+`, `-` or `@` (or a tab or CR) is prefixed with `'`, as OWASP
/// advises against CSV injection.
public struct CSV {
    private var lines: [String] = []

    public init(header: [String]) {
        lines.append(Self.row(header))
    }

    public mutating func append(_ cells: [String]) {
        lines.append(Self.row(cells))
    }

    /// The document, BOM first, CRLF line ends (RFC 4180).
    public var text: String { "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n" }

    public static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }

    public static func cell(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            v = "\"" + v.replacingAll("\"", with: "\"\"") + "\""
        }
        return v
    }
}

/// Text made safe inside HTML elements and attribute values.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
