#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import KehoachCorpus
import KehoachServe

/// `kehoach serve`: the corpus in a browser tab — plans, a plan beside its text, search as you
/// type, comparison and alignment, import — on 127.0.0.1 unless told otherwise.
enum ServeCommand {
    static let usage = """
    usage: kehoach serve [--corpus DIR] [--port 8080] [--host 127.0.0.1] [--grammars DIR]
      Serves the corpus (default ./corpus, or $KEHOACH_CORPUS) as web pages in Vietnamese:
      Kế hoạch (the plan table), a plan beside its text, Tìm kiếm (search as you type),
      So sánh / Đối chiếu (matrix, chain, alignment; CSV and HTML downloads) and Nhập kế hoạch
      (upload .txt, .docx, .pdf). Binds to 127.0.0.1; --host 0.0.0.0 (or another address)
      opens it to the network, with a warning: anyone who reaches it can read and import.
      --port 0 takes any free port. One line on stderr gives the address; Ctrl-C stops.
    """

    static func run(_ words: [String]) -> ExitCode {
        // Ctrl-C: blocked in every thread and taken by `sigwait` below, so that the server stops
        // between requests rather than wherever a handler would interrupt it.
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)
        defer { pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil) }
        let args: Arguments
        do {
            args = try Arguments(words, options: CorpusOpening.options.union(["port", "host"]), flags: [])
        } catch {
            Console.error("\(error)\n\(usage)")
            return .usage
        }
        guard args.positional.isEmpty else {
            Console.error("serve takes no FILE (use --corpus DIR)\n\(usage)")
            return .usage
        }
        var configuration = HTTPServer.Configuration()
        if let port = args.option("port") {
            guard let p = UInt16(port) else { Console.error("--port needs a port number 0-65535, not '\(port)'\n\(usage)"); return .usage }
            configuration.port = p
        }
        var host = args.option("host") ?? "127.0.0.1"
        if host == "localhost" { host = "127.0.0.1" }
        configuration.host = host
        let loopback = host == "127.0.0.1" || host == "::1" || host.hasPrefix("127.")
        guard let store = CorpusOpening.store(args) else { return .config }
        switch CorpusOpening.snapshot(store) {
        case .failure(let error):
            Console.error("\(error)")
            return CorpusOpening.exitCode(for: error)
        case .success(let snapshot):
            if snapshot.planCount == 0 {
                Console.error("the corpus at \(store.layout.directory) is empty; add plans on the Nhập kế hoạch page or with 'kehoach import FILE...'")
            }
        }
        if !loopback {
            Console.error("warning: serving on \(host), not 127.0.0.1: anyone who can reach this machine can read the corpus and import into it")
        }
        // Placeholder port for the Host check; set again once the port is bound.
        let server = HTTPServerBox()
        let started: UInt16
        do {
            let token = SessionToken.random()
            var boundPort = configuration.port
            if boundPort == 0 {
                // Any free port: bind first to learn it, then build the router for that port.
                let probe = HTTPServer(configuration: configuration) { _ in HTTPResponse(status: 503) }
                boundPort = try probe.start()
                probe.stop()
                configuration.port = boundPort
            }
            let router = Router(store: store, token: token, hosts: .forServer(host: host, port: boundPort))
            let s = HTTPServer(configuration: configuration) { router.respond($0) }
            started = try s.start()
            server.value = s
        } catch {
            Console.error("\(error.description)")
            return .ioError
        }
        let shown = host.contains(":") ? "[\(host)]" : host
        Console.error("serving \(store.layout.directory) at http://\(shown):\(started)/ (Ctrl-C stops)")
        // SIGINT and SIGTERM were blocked before any thread started (threads inherit the mask),
        // so they wait here for this thread alone.
        var signo: Int32 = 0
        repeat { _ = sigwait(&stopSignals, &signo) } while signo != SIGINT && signo != SIGTERM
        server.value?.stop()
        Console.error("stopped")
        return .ok
    }
}

nonisolated(unsafe) private var stopSignals = sigset_t()

/// The running server, once started.
final class HTTPServerBox: @unchecked Sendable {
    var value: HTTPServer?
}
