#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

/// The line a long import keeps up to date on stderr — plans done of all, plans per second,
/// time left — when stderr is a terminal; silent otherwise (a log or a pipe gets no control
/// characters). Redrawn at most five times a second.
struct ImportProgress {
    let total: Int
    let enabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var showing = false

    init(total: Int, enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.total = total
        self.enabled = enabled && total > 1
    }

    /// `done` files handled so far.
    mutating func update(_ done: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard done == total || now - lastDraw >= 200_000_000 else { return }
        lastDraw = now
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.line(done: done, total: total, seconds: Double(now - start) / 1e9)).utf8))
        showing = true
    }

    /// Before another message on stderr: the progress line is ended so the message stands alone.
    mutating func interrupt() {
        guard showing else { return }
        FileHandle.standardError.write(Data("\n".utf8))
        showing = false
    }

    /// "importing 3000/10000 · 290 plans/s · 24 s left"
    static func line(done: Int, total: Int, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var text = "importing \(done)/\(total)"
        guard rate > 0 else { return text }
        text += String(format: " · %.0f plans/s", rate)
        if done < total { text += String(format: " · %.0f s left", Double(total - done) / rate) }
        return text
    }
}
