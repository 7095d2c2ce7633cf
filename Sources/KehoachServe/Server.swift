#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

/// The I/O edge: a TCP listener on socket(2), a thread per connection (at most
/// `maxConnections`; past that a 503 and close), requests read with `HTTPRequestParser` under
/// deadlines (a client that sends its headers too slowly gets a 408), responses written whole,
/// keep-alive for up to `maxRequestsPerConnection`. `stop()` closes the listener and waits for
/// the connections to finish the request they are on.
public final class HTTPServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        /// 0: any free port (read `port` after `start`).
        public var port: UInt16 = 8080
        public var maxConnections = 64
        /// Time for a request's line and headers, from its first byte (slow clients: 408).
        public var headerTimeout: Double = 10
        /// Time for a whole request with its body.
        public var requestTimeout: Double = 120
        /// How long a kept-alive connection may wait for its next request.
        public var idleTimeout: Double = 5
        public var maxRequestsPerConnection = 100
        public var limits = HTTPLimits()

        public init() {}
    }

    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    public let configuration: Configuration
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var wake: [Int32] = [-1, -1]
    private var stopping = false
    private var active = 0
    private let acceptDone = DispatchSemaphore(value: 0)
    private let connectionsDone = NSCondition()
    public private(set) var port: UInt16 = 0

    public init(configuration: Configuration, handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.configuration = configuration
        self.handler = handler
    }

    /// Binds and listens, then accepts on a thread of its own; returns the port bound.
    @discardableResult
    public func start() throws(StartError) -> UInt16 {
        signal(SIGPIPE, SIG_IGN)
        let isIPv6 = configuration.host.contains(":")
        let fd = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw StartError(description: "socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var bound: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = configuration.port.bigEndian
            guard inet_pton(AF_INET6, configuration.host, &address.sin6_addr) == 1 else {
                close(fd); throw StartError(description: "'\(configuration.host)' is not an IP address")
            }
            bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = configuration.port.bigEndian
            guard inet_pton(AF_INET, configuration.host, &address.sin_addr) == 1 else {
                close(fd); throw StartError(description: "'\(configuration.host)' is not an IP address")
            }
            bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        guard bound == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw StartError(description: "cannot listen on \(configuration.host):\(configuration.port): \(message)")
        }
        guard listen(fd, 128) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw StartError(description: "listen: \(message)")
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = withUnsafePointer(to: &storage) { p -> UInt16 in
            isIPv6 ? p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
                   : p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { close(fd); throw StartError(description: "pipe: \(String(cString: strerror(errno)))") }
        lock.lock()
        listener = fd
        wake = pipeEnds
        lock.unlock()
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "kehoach-accept"
        thread.start()
        return port
    }

    /// Stops accepting, lets the open connections finish their request, and returns.
    public func stop() {
        lock.lock()
        guard !stopping, listener >= 0 else { lock.unlock(); return }
        stopping = true
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
        lock.unlock()
        acceptDone.wait()
        connectionsDone.lock()
        let deadline = Date().addingTimeInterval(configuration.idleTimeout + 2)
        while active > 0 && connectionsDone.wait(until: deadline) {}
        connectionsDone.unlock()
    }

    private var isStopping: Bool {
        lock.lock(); defer { lock.unlock() }
        return stopping
    }

    private func acceptLoop() {
        let fd = listener
        while true {
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            if isStopping || fds[1].revents != 0 { break }
            guard fds[0].revents & Int16(POLLIN) != 0 else { continue }
            let client = accept(fd, nil, nil)
            guard client >= 0 else { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            connectionsDone.lock()
            let admitted = active < configuration.maxConnections
            if admitted { active += 1 }
            connectionsDone.unlock()
            guard admitted else {
                let busy = Router.errorPage(HTTPError(503, "too many connections; try again")).serialized(keepAlive: false)
                var timeout = timeval(tv_sec: 1, tv_usec: 0)
                setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                _ = Self.send(client, busy)
                close(client)
                continue
            }
            let thread = Thread { [self] in
                serve(client)
                close(client)
                connectionsDone.lock()
                active -= 1
                connectionsDone.broadcast()
                connectionsDone.unlock()
            }
            // As deep as the main thread's: a plan of 10,000 nested headings is parsed and drawn here.
            thread.stackSize = 16 << 20
            thread.start()
        }
        lock.lock()
        close(listener)
        close(wake[0])
        close(wake[1])
        listener = -1
        lock.unlock()
        acceptDone.signal()
    }

    // MARK: one connection

    private func serve(_ fd: Int32) {
        var yes: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        var sendTimeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer: [UInt8] = []
        var served = 0
        var chunk = [UInt8](repeating: 0, count: 65536)
        while served < configuration.maxRequestsPerConnection {
            // Wait for a request: idle time before its first byte, then its deadlines.
            var firstByte: Double? = buffer.isEmpty ? nil : Self.now()
            let idleSince = Self.now()
            var expected: Int? = nil
            var parseNeeded = !buffer.isEmpty
            var outcome: HTTPParseResult = .incomplete(expected: nil)
            reading: while true {
                if parseNeeded {
                    outcome = HTTPRequestParser.parse(buffer, limits: configuration.limits)
                    parseNeeded = false
                    switch outcome {
                    case .incomplete(let e): expected = e
                    default: break reading
                    }
                }
                let now = Self.now()
                let remaining: Double
                if let start = firstByte {
                    remaining = (expected == nil ? start + configuration.headerTimeout : start + configuration.requestTimeout) - now
                } else {
                    remaining = idleSince + (served == 0 ? configuration.headerTimeout : configuration.idleTimeout) - now
                }
                if remaining <= 0 || isStopping && buffer.isEmpty {
                    if !buffer.isEmpty || served == 0 && firstByte != nil {
                        send(Router.errorPage(HTTPError(408, "the request did not arrive in time")), to: fd, keepAlive: false, head: false)
                    }
                    return
                }
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&p, 1, Int32(min(remaining, 1) * 1000) + 1)
                if ready < 0 && errno == EINTR { continue }
                if ready <= 0 { continue }
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                if n <= 0 {
                    // The client closed (or failed) mid-request: say so if it still listens.
                    if !buffer.isEmpty { send(Router.errorPage(HTTPError(400, "the request ended before it was complete")), to: fd, keepAlive: false, head: false) }
                    return
                }
                if firstByte == nil { firstByte = Self.now() }
                let newBytes = chunk[0..<n]
                buffer.append(contentsOf: newBytes)
                // Parse again only when it can tell something new: the body is all here, a line
                // ended, the request is still short (garbage is refused at once) or past the limits.
                if let expected {
                    parseNeeded = buffer.count >= expected
                } else {
                    parseNeeded = buffer.count <= 1024 || newBytes.contains(10)
                        || buffer.count > configuration.limits.headerBytes + configuration.limits.requestLine
                }
            }
            switch outcome {
            case .failure(let e):
                send(Router.errorPage(e), to: fd, keepAlive: false, head: false)
                return
            case .complete(let request, let consumed):
                buffer.removeFirst(consumed)
                served += 1
                let response = handler(request)
                let keepAlive = request.keepAlive && served < configuration.maxRequestsPerConnection && !isStopping
                guard send(response, to: fd, keepAlive: keepAlive, head: request.method == "HEAD"), keepAlive else { return }
            case .incomplete:
                return
            }
        }
    }

    @discardableResult
    private func send(_ response: HTTPResponse, to fd: Int32, keepAlive: Bool, head: Bool) -> Bool {
        let ok = Self.send(fd, response.serialized(includeBody: !head, keepAlive: keepAlive))
        if !keepAlive {
            shutdown(fd, Int32(SHUT_WR))
            // Let the client read the answer before the close resets the connection.
            // At most half a second and 256 KB: a client that keeps sending is not waited for.
            var scratch = [UInt8](repeating: 0, count: 16384)
            let until = Self.now() + 0.5
            var drained = 0
            while drained < 262_144 {
                let left = until - Self.now()
                guard left > 0 else { break }
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&p, 1, Int32(left * 1000) + 1) > 0 else { break }
                let n = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                if n <= 0 { break }
                drained += n
            }
        }
        return ok
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
