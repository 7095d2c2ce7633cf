/// The secret a form must carry to change the corpus: 32 random bytes (the system's
/// cryptographic generator) made at server start and written into the upload form. A page of
/// another site cannot read it, so it cannot post an import; the Origin (or Referer) check
/// and the Host check (`HostCheck`) stand behind it.
public struct SessionToken: Sendable, Equatable {
    public let value: String

    public init(value: String) {
        self.value = value
    }

    public static func random() -> SessionToken {
        var generator = SystemRandomNumberGenerator()
        var hex = ""
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            let digits = String(word, radix: 16)
            hex += String(repeating: "0", count: 16 - digits.count) + digits
        }
        return SessionToken(value: hex)
    }

    /// Compares in time that does not depend on where the strings differ.
    public func matches(_ candidate: String?) -> Bool {
        guard let candidate else { return false }
        let a = Array(value.utf8), b = Array(candidate.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}

/// Which Host headers the server answers (so that a site whose name is made to point at
/// 127.0.0.1 — DNS rebinding — cannot read or post as a page of this server), and whether a
/// POST comes from one of its own pages (Origin, else Referer).
public struct HostCheck: Sendable {
    /// `host` or `host:port` as a browser sends them; empty: any host (bound to all interfaces).
    public let allowed: Set<String>

    public init(allowed: Set<String>) {
        self.allowed = allowed
    }

    /// The loopback names on that port, and the bound host when it is another.
    public static func forServer(host: String, port: UInt16) -> HostCheck {
        if host == "0.0.0.0" || host == "::" { return HostCheck(allowed: []) }
        var names: Set<String> = []
        for name in ["127.0.0.1", "localhost", "[::1]", host.contains(":") ? "[\(host)]" : host] {
            names.insert(name.lowercased())
            names.insert("\(name.lowercased()):\(port)")
        }
        return HostCheck(allowed: names)
    }

    public func accepts(host: String?) -> Bool {
        guard let host else { return false }
        return allowed.isEmpty || allowed.contains(host.lowercased())
    }

    /// True when the request's Origin is `http://` + its own Host; without Origin, when its
    /// Referer starts with it. Neither: false (browsers send Origin with every form post).
    public func isSameOrigin(_ request: HTTPRequest) -> Bool {
        guard let host = request.header("host")?.lowercased() else { return false }
        let own = "http://" + host
        if let origin = request.header("origin") { return origin.lowercased() == own }
        if let referer = request.header("referer")?.lowercased() { return referer == own || referer.hasPrefix(own + "/") }
        return false
    }
}
