/// One HTTP/1.1 request as `HTTPRequestParser` read it: the method, the target split into a
/// decoded path and query items, the headers in order and the body.
public struct HTTPRequest: Sendable, Equatable {
    public struct Header: Sendable, Equatable {
        /// As sent; compare with `lowercasedName`.
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }

        public var lowercasedName: String { name.lowercased() }
    }

    public struct QueryItem: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var method: String
    /// The request target exactly as sent (`/search?q=chu%20ky`).
    public var target: String
    /// The path, percent-decoded (`/plan/fa63a0f8`); never holds a `..` or `.` segment.
    public var path: String
    public var query: [QueryItem]
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: String
    public var headers: [Header]
    public var body: [UInt8]

    public init(method: String, target: String, path: String, query: [QueryItem] = [], version: String = "HTTP/1.1",
                headers: [Header] = [], body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The first header of that name (any case).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.lowercasedName == wanted }?.value
    }

    /// The first query value of that name.
    public func query(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Every query value of that name, in order (`?plan=a&plan=b`).
    public func queryValues(_ name: String) -> [String] {
        query.filter { $0.name == name }.map(\.value)
    }

    /// HTTP/1.1 keeps the connection unless told `close`; HTTP/1.0 closes unless told `keep-alive`.
    public var keepAlive: Bool {
        let tokens = (header("connection") ?? "").lowercased().split(separator: ",").map { $0.trimmingSpaces }
        if version == "HTTP/1.0" { return tokens.contains("keep-alive") }
        return !tokens.contains("close")
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
