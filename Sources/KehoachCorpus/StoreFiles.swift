#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

/// The file operations of the store, at the POSIX level so that durability is explicit:
/// every write goes to a temporary file in the destination folder, is flushed (`fsync`) and
/// renamed over the destination — a reader or a crash sees the old file or the new one, never
/// part of one — and the folder is flushed after renames so that the new name itself survives
/// a power cut. Only `CorpusStore` uses these.
enum StoreFiles {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let operation: String
        let code: Int32

        init(_ path: String, _ operation: String, _ code: Int32 = errno) {
            self.path = path
            self.operation = operation
            self.code = code
        }

        var description: String { "\(path): cannot \(operation): \(String(cString: strerror(code)))" }
    }

    static let temporaryPrefix = ".tmp-"

    /// Writes `bytes` to `path` atomically and durably (temp + fsync + rename + fsync folder).
    static func writeAtomically(_ bytes: [UInt8], to path: String, syncFolder: Bool = true) throws(Failure) {
        let temporary = try writeTemporary(bytes, beside: path)
        try commit(temporary, to: path)
        if syncFolder { try sync(folder: parent(of: path)) }
    }

    /// Writes many files atomically and durably, several at a time: each is written and flushed
    /// by one of `width` threads (flushes overlap, so the disk's journal commits them together),
    /// then the folders are flushed once. Throws the first failure, after all writes end.
    static func writeAtomically(_ files: [(bytes: [UInt8], path: String)], width: Int = 8) throws(Failure) {
        guard files.count > 1 else {
            if let file = files.first { try writeAtomically(file.bytes, to: file.path) }
            return
        }
        let state = SharedWriteState()
        let group = DispatchGroup()
        for _ in 0..<min(width, files.count) {
            group.enter()
            let thread = Thread {
                while let i = state.take(below: files.count) {
                    do throws(Failure) {
                        try writeAtomically(files[i].bytes, to: files[i].path, syncFolder: false)
                    } catch {
                        state.fail(error)
                    }
                }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        if let failure = state.failure { throw failure }
        for folder in Set(files.map { parent(of: $0.path) }) { try sync(folder: folder) }
    }

    /// The next index to write and the first failure, shared by the writer threads.
    private final class SharedWriteState: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private(set) var failure: Failure?

        func take(below count: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard failure == nil, next < count else { return nil }
            next += 1
            return next - 1
        }

        func fail(_ error: Failure) {
            lock.lock()
            if failure == nil { failure = error }
            lock.unlock()
        }
    }

    /// The first half of an atomic write: the bytes in a flushed temporary file beside `path`.
    static func writeTemporary(_ bytes: [UInt8], beside path: String) throws(Failure) -> String {
        let folder = parent(of: path)
        let name = (path as NSString).lastPathComponent
        let temporary = folder + "/" + temporaryPrefix + name + "-" + String(getpid()) + "-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(temporary, "create") }
        var ok = true
        var code: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    code = errno
                    return
                }
                offset += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false; code = errno }
        close(fd)
        guard ok else {
            unlink(temporary)
            throw Failure(temporary, "write", code)
        }
        return temporary
    }

    /// The second half: the temporary file takes the destination's name.
    static func commit(_ temporary: String, to path: String) throws(Failure) {
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(path, "rename into place", code)
        }
    }

    /// Flushes a folder's entries (new names, removals) to disk.
    static func sync(folder: String) throws(Failure) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(folder, "open") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Failure(folder, "flush") }
    }

    static func makeFolder(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw Failure(path, "create the folder") }
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The whole file, or nil when it does not exist.
    static func contents(_ path: String) throws(Failure) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw Failure(path, "open")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path, "read")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Removes a file; a file already gone is fine.
    static func remove(_ path: String) {
        unlink(path)
    }

    /// The names in a folder (none when it does not exist).
    static func list(_ folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func parent(of path: String) -> String {
        let p = (path as NSString).deletingLastPathComponent
        return p.isEmpty ? "." : p
    }
}

/// An exclusive `flock` on the corpus lock file, held while the corpus is written: writers take
/// turns, readers never wait. The kernel drops the lock when the process dies (even by kill -9).
final class FileLock {
    private let fd: Int32

    /// Blocks until the lock is ours; `waiting` is called first if someone else holds it.
    init(path: String, waiting: () -> Void = {}) throws(StoreFiles.Failure) {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreFiles.Failure(path, "open the lock file") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let code = errno
                close(fd)
                throw StoreFiles.Failure(path, "lock", code)
            }
            waiting()
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let code = errno
                    close(fd)
                    throw StoreFiles.Failure(path, "lock", code)
                }
            }
        }
    }

    func unlock() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

/// A file mapped read-only into memory; the mapping lives as long as the object, even if the
/// file is renamed over or removed meanwhile (a merge does that to old segments).
final class MappedFile: SegmentBytes, @unchecked Sendable {
    private let address: UnsafeMutableRawPointer?
    private let count: Int

    init(path: String) throws(StoreFiles.Failure) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreFiles.Failure(path, "open") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreFiles.Failure(path, "stat") }
        count = Int(info.st_size)
        if count == 0 {
            address = nil
            return
        }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else { throw StoreFiles.Failure(path, "map") }
        address = mapped
    }

    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: address, count: count) }

    /// Gives the pages of `range` (all, by default) back to the kernel; they are read from the
    /// file again when touched. A pass over a whole corpus then stays flat in memory.
    func releasePages(_ range: Range<Int>? = nil) {
        guard let address, count > 0 else { return }
        let page = max(1, Int(sysconf(Int32(_SC_PAGESIZE))))
        let wanted = range ?? 0..<count
        let start = wanted.lowerBound / page * page
        let end = min(count, (wanted.upperBound + page - 1) / page * page)
        guard start < end else { return }
        madvise(address + start, end - start, MADV_DONTNEED)
    }

    deinit {
        if let address { munmap(address, count) }
    }
}

extension CorpusLayout {
    /// A plan's text, plan JSON and original document, after a commit removed or replaced it.
    func removeFiles(of id: PlanID) {
        StoreFiles.remove(text(id))
        StoreFiles.remove(plan(id))
        for format in OriginalFormat.allCases { StoreFiles.remove(original(id, format: format)) }
    }
}
