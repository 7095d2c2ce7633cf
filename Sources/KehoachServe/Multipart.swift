/// One part of a `multipart/form-data` body: a form field or an uploaded file.
public struct MultipartPart: Sendable, Equatable {
    public var name: String
    /// Set for a file input (possibly empty when no file was chosen).
    public var filename: String?
    public var contentType: String?
    public var body: [UInt8]

    public init(name: String, filename: String? = nil, contentType: String? = nil, body: [UInt8]) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// `multipart/form-data` (RFC 7578) read by a pure function: the parts between the boundary
/// lines, each with its Content-Disposition name and filename. Bounded in parts and part header
/// size; anything malformed is a 400. Linear: the boundary is looked for at each CR.
public enum Multipart {
    public struct Limits: Sendable {
        public var parts = 120
        public var partHeaderBytes = 4096

        public init() {}
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type; nil for another type
    /// or a boundary RFC 2046 does not allow.
    public static func boundary(contentType: String) -> String? {
        let pieces = splitParameters(contentType)
        guard let type = pieces.first, type.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() {
            let (name, value) = parameter(piece)
            guard name == "boundary" else { continue }
            let allowed = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? "
            guard (1...70).contains(value.utf8.count), value.unicodeScalars.allSatisfy({ allowed.unicodeScalars.contains($0) }),
                  value.last != " " else { return nil }
            return value
        }
        return nil
    }

    public static func parse(_ body: [UInt8], boundary: String, limits: Limits = Limits()) -> Result<[MultipartPart], HTTPError> {
        let delimiter = Array("--\(boundary)".utf8)
        guard !boundary.isEmpty else { return .failure(HTTPError(400, "the form has no boundary")) }
        // The first delimiter: at the start, or after a preamble ending in CRLF.
        var position: Int
        if starts(body, delimiter, at: 0) {
            position = delimiter.count
        } else if let found = find(body, [13, 10] + delimiter, from: 0) {
            position = found + 2 + delimiter.count
        } else {
            return .failure(HTTPError(400, "the form body has no boundary line"))
        }
        var parts: [MultipartPart] = []
        let crlfDelimiter = [13, 10] + delimiter
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part (transport padding allowed).
            if starts(body, [45, 45], at: position) { return .success(parts) }
            while position < body.count && (body[position] == 32 || body[position] == 9) { position += 1 }
            guard starts(body, [13, 10], at: position) else { return .failure(HTTPError(400, "a boundary line is not followed by CRLF")) }
            position += 2
            guard parts.count < limits.parts else { return .failure(HTTPError(413, "more than \(limits.parts) form parts")) }
            guard let headerEnd = find(body, [13, 10, 13, 10], from: position - 2, within: limits.partHeaderBytes + 4) else {
                return .failure(HTTPError(400, "a form part's headers do not end (or exceed \(limits.partHeaderBytes) bytes)"))
            }
            var name: String? = nil, filename: String? = nil, contentType: String? = nil
            if headerEnd > position - 2 {
                for line in body[position..<(headerEnd + 2)].split(separator: 10) {
                    guard line.last == 13 else { return .failure(HTTPError(400, "a form part header does not end in CRLF")) }
                    let text = String(decoding: line.dropLast(), as: UTF8.self)
                    if text.unicodeScalars.contains(where: { $0.value < 32 && $0 != "\t" }) {
                        return .failure(HTTPError(400, "a control character in a form part header"))
                    }
                    guard let colon = text.firstIndex(of: ":") else { return .failure(HTTPError(400, "a form part header without a colon")) }
                    let key = text[..<colon].lowercased(), value = String(text[text.index(after: colon)...])
                    if key == "content-disposition" {
                        let pieces = splitParameters(value)
                        guard pieces.first?.lowercased() == "form-data" else { return .failure(HTTPError(400, "a form part is not form-data")) }
                        for piece in pieces.dropFirst() {
                            let (k, v) = parameter(piece)
                            if k == "name" { name = v } else if k == "filename" { filename = v }
                        }
                    } else if key == "content-type" {
                        contentType = value.trimmed(" \t")
                    }
                }
            }
            guard let name else { return .failure(HTTPError(400, "a form part without a name")) }
            let contentStart = headerEnd + 4
            guard let contentEnd = find(body, crlfDelimiter, from: contentStart) else {
                return .failure(HTTPError(400, "the form body ends before its closing boundary"))
            }
            parts.append(MultipartPart(name: name, filename: filename, contentType: contentType, body: Array(body[contentStart..<contentEnd])))
            position = contentEnd + crlfDelimiter.count
        }
    }

    // MARK: bytes

    static func starts(_ b: [UInt8], _ p: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + p.count <= b.count else { return false }
        for k in 0..<p.count where b[i + k] != p[k] { return false }
        return true
    }

    /// The first index of `p` in `b` at or after `from` (starting within `within` bytes).
    static func find(_ b: [UInt8], _ p: [UInt8], from: Int, within: Int = .max) -> Int? {
        guard let first = p.first, from >= 0 else { return nil }
        var i = from
        let last = b.count - p.count
        let stop = within == .max ? last : min(last, from + within - p.count)
        while i <= stop {
            if b[i] == first && starts(b, p, at: i) { return i }
            i += 1
        }
        return nil
    }

    // MARK: header parameters

    /// `form-data; name="a;b"; filename="x.txt"` → its pieces, split at `;` outside quotes.
    static func splitParameters(_ text: String) -> [String] {
        var out: [String] = [], current = "", quoted = false, escaped = false
        for c in text {
            if escaped { current.append(c); escaped = false; continue }
            if quoted && c == "\\" { current.append(c); escaped = true; continue }
            if c == "\"" { quoted.toggle() }
            if c == ";" && !quoted { out.append(current.trimmed(" \t")); current = ""; continue }
            current.append(c)
        }
        out.append(current.trimmed(" \t"))
        return out.filter { !$0.isEmpty }
    }

    /// `name="value"` → ("name", "value"), the name lowercased and the quotes (and their
    /// backslash escapes) removed.
    static func parameter(_ piece: String) -> (String, String) {
        guard let eq = piece.firstIndex(of: "=") else { return (piece.lowercased(), "") }
        let name = piece[..<eq].trimmed(" \t").lowercased()
        var value = piece[piece.index(after: eq)...].trimmed(" \t")
        if value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") {
            var out = "", escaped = false
            for c in value.dropFirst().dropLast() {
                if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
            }
            value = out
        }
        return (name, value)
    }
}

extension StringProtocol {
    func trimmed(_ set: String) -> String {
        let scalars = Array(unicodeScalars)
        var a = 0, b = scalars.count
        while a < b && set.unicodeScalars.contains(scalars[a]) { a += 1 }
        while b > a && set.unicodeScalars.contains(scalars[b - 1]) { b -= 1 }
        return String(String.UnicodeScalarView(scalars[a..<b]))
    }
}
