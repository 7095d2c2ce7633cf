#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a streamed command writes: stdout, or a file that appears whole or not at all. A file
/// is written as a temporary file beside it (same folder, so the rename is atomic), fsynced
/// and renamed over the path by `commit()`; dropped without a commit (an error, a failed
/// plan that stops the export) the temporary file is deleted and the path left as it was.
/// Interrupted (Ctrl-C, SIGTERM, SIGHUP), the temporary file is deleted too.
/// Writes go through a 1 MB buffer, so a record per plan costs no system call of its own.
struct StreamedOutput: ~Copyable {
    static let bufferSize = 1 << 20

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The path named, nil for stdout.
    let path: String?
    private let temporary: String?
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var committed = false
    /// Bytes written so far (buffered or not).
    private(set) var byteCount = 0

    /// Opens the output; `nil` or `-` is stdout.
    init(path: String?) throws(Failure) {
        guard let path, path != "-" else {
            self.path = nil
            temporary = nil
            fd = STDOUT_FILENO
            buffer.reserveCapacity(StreamedOutput.bufferSize)
            return
        }
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw Failure(description: "\(path): is a folder; -o needs a file name")
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(folder).\(name).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Failure(description: "\(path): cannot be written (\(StreamedOutput.reason(errno)))")
        }
        self.path = path
        self.temporary = temporary
        self.fd = fd
        buffer.reserveCapacity(StreamedOutput.bufferSize)
        InterruptCleanup.arm(temporary)
    }

    mutating func write(_ bytes: [UInt8]) throws(Failure) {
        byteCount += bytes.count
        if buffer.count + bytes.count > StreamedOutput.bufferSize {
            try flush()
            if bytes.count >= StreamedOutput.bufferSize { return try writeAll(bytes) }
        }
        buffer += bytes
    }

    /// Everything written reaches the file, which then takes the path's place.
    mutating func commit() throws(Failure) {
        try flush()
        guard let path, let temporary else { return }
        guard fsync(fd) == 0 else { throw Failure(description: "\(path): cannot be written (\(StreamedOutput.reason(errno)))") }
        guard close(fd) == 0 else { throw Failure(description: "\(path): cannot be written (\(StreamedOutput.reason(errno)))") }
        committed = true
        let renamed = rename(temporary, path) == 0
        let reason = StreamedOutput.reason(errno)
        InterruptCleanup.disarm()
        guard renamed else {
            unlink(temporary)
            throw Failure(description: "\(path): cannot be written (\(reason))")
        }
        // The rename itself is durable once the folder is synced.
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? "."
        let dir = open(folder, O_RDONLY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    deinit {
        if let temporary, !committed {
            close(fd)
            unlink(temporary)
            InterruptCleanup.disarm()
        }
    }

    private mutating func flush() throws(Failure) {
        guard !buffer.isEmpty else { return }
        try writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: [UInt8]) throws(Failure) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure != 0 {
            throw Failure(description: "\(path ?? "standard output"): cannot be written (\(StreamedOutput.reason(failure)))")
        }
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// write(2), under a name the struct's own `write` does not hide.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, bytes, count)
    #else
    Darwin.write(fd, bytes, count)
    #endif
}

/// Deletes the temporary file of an output being written when a signal ends the process, then
/// lets the signal end it as it would have. One output at a time (the process writes one).
private enum InterruptCleanup {
    /// The path as a C string, so that the handler calls nothing but unlink(2) on it.
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>? = nil

    static func arm(_ temporary: String) {
        path = strdup(temporary)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { sig in
                if let path = InterruptCleanup.path { unlink(path) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    static func disarm() {
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
        free(path)
        path = nil
    }
}
