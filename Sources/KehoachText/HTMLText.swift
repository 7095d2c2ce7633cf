import Foundation

/// A saved web page (a plan copied from a legal-document site) turned into the lines a person
/// would have copied: block elements end lines, table cells are separated by tabs, scripts and
/// styles are dropped and character references decoded. One pass, linear in the input.
enum HTMLText {
    static func looksLikeHTML(_ text: String) -> Bool {
        guard text.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) == UInt8(ascii: "<") else { return false }
        let head = Folding.matchKey(text.utf8.prefix(4096).split(separator: 0).first.map { String(decoding: $0, as: UTF8.self) } ?? "")
        guard head.drop(while: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }).first == "<" else { return false }
        return ["<!doctype html", "<html", "<body", "<div", "<p>", "<table"].contains { head.contains($0) }
    }

    static func extract(_ html: String) -> DecodedText {
        var out = String.UnicodeScalarView()
        let scalars = Array(html.unicodeScalars)
        var i = 0
        var skipping: String? = nil  // inside <script> or <style>
        while i < scalars.count {
            let c = scalars[i]
            if c == "<" {
                // an unclosed "<" runs to the end of the page (and may be its last character)
                let close = scalars[i...].firstIndex(of: ">") ?? scalars.count
                let tag = tagName(scalars[(i + 1)..<close])
                if let skip = skipping {
                    if tag == "/" + skip { skipping = nil }
                } else if tag == "script" || tag == "style" {
                    skipping = tag
                } else if blockTags.contains(tag.hasPrefix("/") ? String(tag.dropFirst()) : tag) {
                    if out.last != "\n" { out.append("\n") }
                } else if tag == "td" || tag == "th" {
                    if out.last != "\n" && out.last != nil { out.append("\t") }
                }
                i = close + 1
                continue
            }
            if skipping == nil {
                if c == "&", let (decoded, length) = entity(scalars, at: i) {
                    out.append(decoded)
                    i += length
                    continue
                }
                out.append(c == "\n" || c == "\r" ? " " : c)
            }
            i += 1
        }
        return DecodedText(text: String(out), encoding: .html,
                           diagnostics: [Diagnostic("decode.html", .warning, "the file is a web page (HTML); its text was extracted from the markup")])
    }

    private static let blockTags: Set<String> = [
        "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "header", "footer", "blockquote", "pre", "hr", "title",
    ]

    private static func tagName(_ inner: ArraySlice<Unicode.Scalar>) -> String {
        var name = String.UnicodeScalarView()
        for c in inner.drop(while: { $0 == " " }) {
            if c == " " || c == "/" && !name.isEmpty || c == "\t" || c == "\n" { break }
            name.append(c)
        }
        return String(name).lowercased()
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
    ]

    private static func entity(_ s: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < s.count, end - start < 12, s[end] != ";" { end += 1 }
        guard end < s.count, s[end] == ";" else { return nil }
        let body = String(String.UnicodeScalarView(s[(start + 1)..<end]))
        let value: UInt32?
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            value = UInt32(body.dropFirst(2), radix: 16)
        } else if body.hasPrefix("#") {
            value = UInt32(body.dropFirst())
        } else {
            value = named[body]?.value
        }
        guard let v = value, let scalar = Unicode.Scalar(v) else { return nil }
        return (scalar, end - start + 1)
    }
}
