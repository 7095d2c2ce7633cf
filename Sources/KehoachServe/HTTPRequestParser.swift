/// Limits on what one request may hold; past them the parser answers with the matching 4xx.
public struct HTTPLimits: Sendable, Equatable {
    /// The request line, without its CRLF (414 past it).
    public var requestLine = 8192
    /// One header line (431).
    public var headerLine = 8192
    /// Every header line together (431).
    public var headerBytes = 16384
    public var headerCount = 100
    /// The body (413): uploads of several Word files fit.
    public var bodyBytes = 48 * 1024 * 1024
    public var queryItems = 200

    public init() {}
}

/// Why a request was refused: a 4xx (or 5xx for what the server does not do) with a message.
public struct HTTPError: Error, Sendable, Equatable {
    public var status: Int
    public var message: String

    public init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }
}

public enum HTTPParseResult: Sendable, Equatable {
    /// More bytes are needed; `expected` is the whole request's length once the headers are
    /// read (so that a caller waits for the body without parsing again).
    case incomplete(expected: Int?)
    /// A request and the number of bytes it took (a pipelined request may follow).
    case complete(HTTPRequest, consumed: Int)
    case failure(HTTPError)
}

/// HTTP/1.1 requests (RFC 9112) read from bytes by a pure function: the request line, the
/// headers and a body of `Content-Length` bytes. Strict where leniency lets requests be read
/// two ways: CRLF line ends only, no folded headers, no space before the colon, no control
/// bytes, one Host, one Content-Length; a chunked body is refused (411: send its length).
/// Linear in the input: each byte is looked at a bounded number of times.
public enum HTTPRequestParser {
    static let cr: UInt8 = 13, lf: UInt8 = 10, sp: UInt8 = 32, tab: UInt8 = 9, colon: UInt8 = 58

    public static func parse(_ bytes: [UInt8], limits: HTTPLimits = HTTPLimits()) -> HTTPParseResult {
        bytes.withUnsafeBufferPointer { parse($0, limits: limits) }
    }

    public static func parse(_ b: UnsafeBufferPointer<UInt8>, limits: HTTPLimits = HTTPLimits()) -> HTTPParseResult {
        var start = 0
        // Empty lines before a request are ignored (RFC 9112 §2.2), a few of them.
        while start + 1 < b.count && start < 8 && b[start] == cr && b[start + 1] == lf { start += 2 }
        // The request line.
        let requestEnd: Int
        switch lineEnd(b, from: start, limit: limits.requestLine) {
        case nil:
            if let problem = checkPartialRequestLine(b, from: start) { return .failure(problem) }
            return .incomplete(expected: nil)
        case .failure(let e)?:
            return .failure(e.status == 414 ? HTTPError(414, "the request line is longer than \(limits.requestLine) bytes") : e)
        case .success(let e)?:
            requestEnd = e
        }
        let line: (method: String, target: String, version: String)
        switch requestLine(b, start, requestEnd) {
        case .failure(let e): return .failure(e)
        case .success(let l): line = l
        }
        // Headers, up to the empty line.
        var headers: [HTTPRequest.Header] = []
        var position = requestEnd + 2
        let headerStart = position
        while true {
            if position - headerStart > limits.headerBytes {
                return .failure(HTTPError(431, "the headers are longer than \(limits.headerBytes) bytes"))
            }
            let found = self.lineEnd(b, from: position, limit: min(limits.headerLine, limits.headerBytes))
            guard let found else {
                if b.count - position > limits.headerLine || b.count - headerStart > limits.headerBytes {
                    return .failure(HTTPError(431, "a header line is longer than \(limits.headerLine) bytes"))
                }
                if let problem = checkPartialHeader(b, from: position) { return .failure(problem) }
                return .incomplete(expected: nil)
            }
            let end: Int
            switch found {
            case .failure(let e): return .failure(e.status == 414 ? HTTPError(431, "a header line is longer than \(limits.headerLine) bytes") : e)
            case .success(let e): end = e
            }
            if end == position { position += 2; break }
            if end - headerStart > limits.headerBytes { return .failure(HTTPError(431, "the headers are longer than \(limits.headerBytes) bytes")) }
            guard headers.count < limits.headerCount else { return .failure(HTTPError(431, "more than \(limits.headerCount) headers")) }
            switch header(b, position, end) {
            case .failure(let e): return .failure(e)
            case .success(let h): headers.append(h)
            }
            position = end + 2
        }
        // What the headers say about the message.
        let hosts = headers.filter { $0.lowercasedName == "host" }
        if line.version == "HTTP/1.1" && hosts.count != 1 { return .failure(HTTPError(400, "an HTTP/1.1 request needs exactly one Host header")) }
        if hosts.count > 1 { return .failure(HTTPError(400, "more than one Host header")) }
        let lengths = headers.filter { $0.lowercasedName == "content-length" }.map(\.value)
        let codings = headers.filter { $0.lowercasedName == "transfer-encoding" }
        if !codings.isEmpty {
            if !lengths.isEmpty { return .failure(HTTPError(400, "both Transfer-Encoding and Content-Length")) }
            return .failure(HTTPError(411, "chunked request bodies are not accepted; send Content-Length"))
        }
        var length = 0
        if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }) else { return .failure(HTTPError(400, "Content-Length headers disagree")) }
            guard !first.isEmpty, first.utf8.count <= 15, first.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(first) else {
                return .failure(HTTPError(400, "Content-Length is not a number"))
            }
            guard n <= limits.bodyBytes else { return .failure(HTTPError(413, "the body is larger than \(limits.bodyBytes / 1024 / 1024) MB")) }
            length = n
        }
        let total = position + length
        guard b.count >= total else { return .incomplete(expected: total) }
        // The target.
        let target: (path: String, query: [HTTPRequest.QueryItem])
        switch Self.target(line.target, limits: limits) {
        case .failure(let e): return .failure(e)
        case .success(let t): target = t
        }
        let body = length == 0 ? [] : Array(b[position..<total])
        return .complete(HTTPRequest(method: line.method, target: line.target, path: target.path, query: target.query,
                                     version: line.version, headers: headers, body: body), consumed: total)
    }

    // MARK: lines

    /// The index of the CR of the next CRLF at or after `from`, scanning at most `limit` bytes
    /// (nil: not there yet); a bare CR or LF, a NUL or another control byte is an error.
    private static func lineEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Result<Int, HTTPError>? {
        var i = from
        let stop = min(b.count, from + limit + 2)
        while i < stop {
            let c = b[i]
            if c == cr {
                guard i + 1 < b.count else { return nil }
                guard b[i + 1] == lf else { return .failure(HTTPError(400, "a bare CR in the request")) }
                return .success(i)
            }
            if c == lf { return .failure(HTTPError(400, "a line ends in LF without CR")) }
            if (c < 32 && c != tab) || c == 127 { return .failure(HTTPError(400, "a control byte in the request")) }
            i += 1
        }
        if stop - from > limit { return .failure(HTTPError(414, "line too long")) }
        return nil
    }

    /// What can be told of a request line before its end: a method of token characters, then
    /// printable ASCII. Random bytes are refused at once instead of waiting for a timeout.
    private static func checkPartialRequestLine(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> HTTPError? {
        var i = from
        while i < b.count && b[i] != sp {
            if !isToken(b[i]) { return HTTPError(400, "the method is not a token") }
            if i - from >= 20 { return HTTPError(400, "the method is too long") }
            i += 1
        }
        while i < b.count {
            let c = b[i]
            if c == cr && i == b.count - 1 { break }
            if c < 32 || c >= 127 { return HTTPError(400, "the request line holds a byte that is not printable ASCII") }
            i += 1
        }
        return nil
    }

    private static func checkPartialHeader(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> HTTPError? {
        var i = from
        if i < b.count && (b[i] == sp || b[i] == tab) { return HTTPError(400, "a folded header line (obs-fold) is not accepted") }
        while i < b.count && b[i] != colon {
            if !isToken(b[i]) && !(b[i] == cr && i == b.count - 1) { return HTTPError(400, "a header name is not a token") }
            i += 1
        }
        return nil
    }

    private static func requestLine(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        -> Result<(method: String, target: String, version: String), HTTPError> {
        var spaces: [Int] = []
        for i in start..<end where b[i] == sp {
            spaces.append(i)
            if spaces.count > 2 { break }
        }
        guard spaces.count == 2 else { return .failure(HTTPError(400, "the request line is not METHOD TARGET VERSION")) }
        let methodBytes = b[start..<spaces[0]], targetBytes = b[(spaces[0] + 1)..<spaces[1]], versionBytes = b[(spaces[1] + 1)..<end]
        guard !methodBytes.isEmpty, methodBytes.count <= 20, methodBytes.allSatisfy(isToken) else {
            return .failure(HTTPError(400, "the method is not a token"))
        }
        guard !targetBytes.isEmpty, targetBytes.allSatisfy({ $0 > 32 && $0 < 127 }) else {
            return .failure(HTTPError(400, "the request target is empty or not printable ASCII"))
        }
        let version = String(decoding: versionBytes, as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            let isHTTP = version.utf8.count == 8 && version.hasPrefix("HTTP/") && version.utf8.enumerated().allSatisfy { i, c in
                i < 5 || (i == 6 ? c == 46 : c >= 48 && c <= 57)
            }
            return .failure(isHTTP ? HTTPError(505, "only HTTP/1.1 and HTTP/1.0 are served") : HTTPError(400, "not an HTTP version: \(version.prefix(16))"))
        }
        return .success((String(decoding: methodBytes, as: UTF8.self), String(decoding: targetBytes, as: UTF8.self), version))
    }

    private static func header(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Result<HTTPRequest.Header, HTTPError> {
        if b[start] == sp || b[start] == tab { return .failure(HTTPError(400, "a folded header line (obs-fold) is not accepted")) }
        var colonAt = start
        while colonAt < end && b[colonAt] != colon { colonAt += 1 }
        guard colonAt < end, colonAt > start else { return .failure(HTTPError(400, "a header line without a name and a colon")) }
        guard b[start..<colonAt].allSatisfy(isToken) else { return .failure(HTTPError(400, "a header name is not a token (or a space before the colon)")) }
        var valueStart = colonAt + 1, valueEnd = end
        while valueStart < valueEnd && (b[valueStart] == sp || b[valueStart] == tab) { valueStart += 1 }
        while valueEnd > valueStart && (b[valueEnd - 1] == sp || b[valueEnd - 1] == tab) { valueEnd -= 1 }
        return .success(HTTPRequest.Header(String(decoding: b[start..<colonAt], as: UTF8.self),
                                           String(decoding: b[valueStart..<valueEnd], as: UTF8.self)))
    }

    /// tchar of RFC 9110: letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isToken(_ c: UInt8) -> Bool {
        switch c {
        case 48...57, 65...90, 97...122: return true
        case 33, 35, 36, 37, 38, 39, 42, 43, 45, 46, 94, 95, 96, 124, 126: return true
        default: return false
        }
    }

    // MARK: target

    /// An origin-form target (`/path?query`) decoded: the path percent-decoded as UTF-8, with
    /// no `.` or `..` segment, backslash or control character; the query as name=value items.
    static func target(_ raw: String, limits: HTTPLimits) -> Result<(path: String, query: [HTTPRequest.QueryItem]), HTTPError> {
        guard raw.hasPrefix("/") else { return .failure(HTTPError(400, "the request target must be a path starting with /")) }
        let bytes = Array(raw.utf8)
        let q = bytes.firstIndex(of: 63) // ?
        let pathBytes = bytes[..<(q ?? bytes.count)]
        if pathBytes.contains(35) { return .failure(HTTPError(400, "a fragment (#) in the request target")) }
        guard let decoded = percentDecode(pathBytes, plusIsSpace: false), let path = String(validating: decoded, as: UTF8.self) else {
            return .failure(HTTPError(400, "the path is not valid percent-encoded UTF-8"))
        }
        if path.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 || $0 == "\\" }) {
            return .failure(HTTPError(400, "the path holds a control character or a backslash"))
        }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) where segment == ".." || segment == "." {
            return .failure(HTTPError(400, "the path holds a '\(segment)' segment"))
        }
        var items: [HTTPRequest.QueryItem] = []
        if let q {
            let queryBytes = bytes[(q + 1)...]
            if queryBytes.contains(35) { return .failure(HTTPError(400, "a fragment (#) in the request target")) }
            for piece in queryBytes.split(separator: 38, omittingEmptySubsequences: true) { // &
                guard items.count < limits.queryItems else { return .failure(HTTPError(400, "more than \(limits.queryItems) query parameters")) }
                let eq = piece.firstIndex(of: 61) // =
                let nameBytes = piece[..<(eq ?? piece.endIndex)]
                let valueBytes = eq.map { piece[piece.index(after: $0)...] } ?? []
                guard let n = percentDecode(nameBytes, plusIsSpace: true), let v = percentDecode(valueBytes, plusIsSpace: true),
                      let name = String(validating: n, as: UTF8.self), let value = String(validating: v, as: UTF8.self) else {
                    return .failure(HTTPError(400, "the query is not valid percent-encoded UTF-8"))
                }
                items.append(HTTPRequest.QueryItem(name, value))
            }
        }
        return .success((path, items))
    }

    /// `%41` → `A` (and `+` → space in a query); nil for a `%` not followed by two hex digits.
    static func percentDecode<C: Collection>(_ bytes: C, plusIsSpace: Bool) -> [UInt8]? where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let c = bytes[i]
            if c == 37 {
                let h = bytes.index(after: i)
                guard h != bytes.endIndex else { return nil }
                let l = bytes.index(after: h)
                guard l != bytes.endIndex, let hi = hex(bytes[h]), let lo = hex(bytes[l]) else { return nil }
                out.append(hi << 4 | lo)
                i = bytes.index(after: l)
                continue
            }
            out.append(plusIsSpace && c == 43 ? sp : c)
            i = bytes.index(after: i)
        }
        return out
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }
}
