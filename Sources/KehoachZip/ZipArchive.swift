/// A ZIP archive read from its central directory (the list at the end of the file, which is
/// what ZIP readers trust; local headers only locate the data). Entries are inflated one at a
/// time on request, within `ZipLimits`, and checked against their CRC.
///
/// Refused: ZIP64, encryption, methods other than stored and deflate, names that reach outside
/// the archive (`../`, absolute paths) or repeat.
public struct ZipArchive: Sendable {
    public let entries: [ZipEntry]
    private let bytes: [UInt8]
    private let limits: ZipLimits

    public init(_ bytes: [UInt8], limits: ZipLimits = ZipLimits()) throws(ZipError) {
        self.bytes = bytes
        self.limits = limits
        entries = try bytes.withUnsafeBytes { raw in Result { () throws(ZipError) in try Self.readDirectory(raw) } }.get()
    }

    public func entry(_ name: String) -> ZipEntry? {
        entries.first { $0.name == name }
    }

    /// The entry's bytes, inflated; nil when the archive has no entry of that name.
    public func contents(of name: String) throws(ZipError) -> [UInt8]? {
        guard let entry = entry(name) else { return nil }
        return try contents(of: entry)
    }

    public func contents(of entry: ZipEntry) throws(ZipError) -> [UInt8] {
        if entry.isEncrypted { throw .encrypted(entry: entry.name) }
        guard entry.size <= limits.maxEntrySize,
              entry.size <= limits.ratioFloor || entry.size / max(entry.compressedSize, 1) <= limits.maxRatio else {
            throw .tooLarge(entry: entry.name, size: entry.size, compressed: entry.compressedSize)
        }
        return try bytes.withUnsafeBytes { raw in Result { () throws(ZipError) in try Self.extract(entry, from: raw) } }.get()
    }

    private static func extract(_ entry: ZipEntry, from raw: UnsafeRawBufferPointer) throws(ZipError) -> [UInt8] {
        let data = try Self.data(of: entry, in: raw)
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard data.count == entry.size else { throw .damaged("\(entry.name): stored size differs from the directory's") }
            output = Array(data)
        case 8:
            do throws(InflateError) {
                // the declared size is the limit: an entry that produces more lies about itself
                output = try Inflater.inflate(data, expectedSize: entry.size, limit: entry.size)
            } catch {
                switch error {
                case .outputLimit: throw .tooLarge(entry: entry.name, size: entry.size, compressed: entry.compressedSize)
                case .truncated: throw .truncated("\(entry.name) stops before its end")
                case .invalid: throw .damaged("\(entry.name): \(error)")
                }
            }
            guard output.count == entry.size else { throw .damaged("\(entry.name) is shorter than the directory says") }
        default:
            throw .unsupported("compression method \(entry.method) for \(entry.name)")
        }
        let crc = output.withUnsafeBytes(CRC32.checksum)
        guard crc == entry.crc else { throw .damaged("\(entry.name) fails its CRC check") }
        return output
    }

    // MARK: - Layout (APPNOTE.TXT, sections 4.3.7, 4.3.12, 4.3.16)

    private static let endSignature: UInt32 = 0x0605_4B50
    private static let directorySignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50

    /// The end-of-archive record: the last 22 bytes, or earlier when a comment follows it.
    private static func readDirectory(_ raw: UnsafeRawBufferPointer) throws(ZipError) -> [ZipEntry] {
        guard raw.count >= 22 else { throw .truncated("shorter than an empty archive") }
        var end = raw.count - 22
        let earliest = max(0, raw.count - 22 - 0xFFFF)
        while end >= earliest && raw.uint32(at: end) != endSignature { end -= 1 }
        guard end >= earliest else { throw .truncated("no end-of-archive record") }
        let count = Int(raw.uint16(at: end + 10))
        let directorySize = Int(raw.uint32(at: end + 12))
        let directoryOffset = Int(raw.uint32(at: end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw .unsupported("ZIP64")
        }
        guard directoryOffset + directorySize <= end else { throw .truncated("the directory reaches past the end of the file") }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(count)
        var names = Set<String>()
        var at = directoryOffset
        for _ in 0..<count {
            guard at + 46 <= end, raw.uint32(at: at) == directorySignature else {
                throw .truncated("the directory lists \(count) entries and holds \(entries.count)")
            }
            let nameLength = Int(raw.uint16(at: at + 28))
            let extraLength = Int(raw.uint16(at: at + 30))
            let commentLength = Int(raw.uint16(at: at + 32))
            guard at + 46 + nameLength <= end else { throw .truncated("an entry name runs past the directory") }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: raw[(at + 46)..<(at + 46 + nameLength)]), as: UTF8.self)
            guard isSafe(name), names.insert(name).inserted else { throw .hostileName(name) }
            entries.append(ZipEntry(name: name, method: raw.uint16(at: at + 10), flags: raw.uint16(at: at + 8),
                                    crc: raw.uint32(at: at + 16), compressedSize: Int(raw.uint32(at: at + 20)),
                                    size: Int(raw.uint32(at: at + 24)), headerOffset: Int(raw.uint32(at: at + 42))))
            at += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// Relative, with no `..` part and no drive letter: a name a careless extractor could not
    /// write outside its folder.
    static func isSafe(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.hasPrefix("\\"), !name.contains(":") else { return false }
        return !name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
    }

    /// The entry's compressed bytes, after its local header (whose name and extra field may
    /// differ in length from the directory's).
    private static func data(of entry: ZipEntry, in raw: UnsafeRawBufferPointer) throws(ZipError) -> UnsafeRawBufferPointer {
        let at = entry.headerOffset
        guard at + 30 <= raw.count else { throw .truncated("\(entry.name) starts past the end of the file") }
        guard raw.uint32(at: at) == localSignature else { throw .damaged("\(entry.name) has no local header where the directory says") }
        let start = at + 30 + Int(raw.uint16(at: at + 26)) + Int(raw.uint16(at: at + 28))
        guard start + entry.compressedSize <= raw.count else { throw .truncated("\(entry.name) runs past the end of the file") }
        return UnsafeRawBufferPointer(rebasing: raw[start..<(start + entry.compressedSize)])
    }
}

extension UnsafeRawBufferPointer {
    func uint16(at offset: Int) -> UInt16 {
        UInt16(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    func uint32(at offset: Int) -> UInt32 {
        UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
}
