import KehoachRender

/// Builds a page: `raw` for the page's own markup, `text` for anything that came from a plan
/// or a request (escaped with the report's `HTML.escape`), `attr` for an attribute value.
struct PageWriter {
    private(set) var out = ""

    init() {
        out.reserveCapacity(16384)
    }

    mutating func raw(_ markup: String) { out += markup }

    mutating func text(_ text: String) { out += HTML.escape(text) }

    /// `<tag class="…">escaped text</tag>`.
    mutating func element(_ tag: String, _ text: String, class name: String? = nil) {
        out += "<\(tag)\(name.map { " class=\"\($0)\"" } ?? "")>" + HTML.escape(text) + "</\(tag)>"
    }

    /// `<a href="…">escaped text</a>`; the href is escaped too.
    mutating func link(_ href: String, _ text: String, class name: String? = nil) {
        out += "<a href=\"" + HTML.escape(href) + "\"\(name.map { " class=\"\($0)\"" } ?? "")>" + HTML.escape(text) + "</a>"
    }
}

/// URL pieces: query values percent-encoded (everything but unreserved characters).
enum URLText {
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case 48...57, 65...90, 97...122, 45, 46, 95, 126: out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return out
    }

    static func query(_ items: [(String, String)]) -> String {
        let kept = items.filter { !$0.1.isEmpty }
        return kept.isEmpty ? "" : "?" + kept.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }
}
