/// ZIP archives and DEFLATE streams made in tests, so that each hostile case is a few lines:
/// entries stored or deflated with stored blocks (any bytes, valid DEFLATE), with the sizes,
/// flags and names a test wants to lie about.
public struct ZipBuilder {
    public struct Entry {
        public var name: String
        public var data: [UInt8]
        /// 0 stored, 8 deflate (the data is deflated here unless `raw` says it already is).
        public var method: UInt16 = 8
        public var raw = false
        public var flags: UInt16 = 0
        /// The sizes the directory claims; nil for the true ones.
        public var declaredSize: Int? = nil
        public var crc: UInt32? = nil

        public init(_ name: String, _ data: [UInt8], method: UInt16 = 8, raw: Bool = false, flags: UInt16 = 0,
                    declaredSize: Int? = nil, crc: UInt32? = nil) {
            self.name = name
            self.data = data
            self.method = method
            self.raw = raw
            self.flags = flags
            self.declaredSize = declaredSize
            self.crc = crc
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// Text parts by name, deflated.
    public init(parts: [(String, String)]) {
        entries = parts.map { Entry($0.0, Array($0.1.utf8)) }
    }

    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let offset = out.count
            let stored = entry.method == 8 && !entry.raw ? Deflate.stored(entry.data) : entry.data
            let size = entry.declaredSize ?? (entry.raw ? 0 : entry.data.count)
            let crc = entry.crc ?? Checksums.crc32(entry.data)
            let name = Array(entry.name.utf8)
            func header(_ signature: UInt32, central: Bool) -> [UInt8] {
                var h = le32(signature)
                if central { h += le16(20) }
                h += le16(20) + le16(entry.flags) + le16(entry.method) + le16(0) + le16(0)
                h += le32(crc) + le32(UInt32(stored.count)) + le32(UInt32(truncatingIfNeeded: size))
                h += le16(UInt16(name.count)) + le16(0)
                if central { h += le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) }
                return h + name
            }
            out += header(0x0403_4B50, central: false) + stored
            directory += header(0x0201_4B50, central: true)
        }
        let directoryOffset = out.count
        out += directory
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(directory.count)) + le32(UInt32(directoryOffset)) + le16(0)
        return out
    }
}

func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }

public enum Checksums {
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }

    public static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }
}

/// DEFLATE streams written by hand: stored blocks for any data, and the fixed-code stream of
/// a ZIP bomb (one literal, then copies of 258 bytes at distance 1).
public enum Deflate {
    public static func stored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var start = 0
        repeat {
            let end = min(data.count, start + 65_535)
            let length = UInt16(end - start)
            out.append(end == data.count ? 1 : 0)
            out += le16(length) + le16(~length)
            out += data[start..<end]
            start = end
        } while start < data.count
        return out
    }

    /// zlib's wrapping of `stored(data)`, as PDF streams hold it.
    public static func zlib(_ data: [UInt8]) -> [UInt8] {
        [0x78, 0x01] + stored(data) + le32(Checksums.adler32(data)).reversed()
    }

    /// `count` zero bytes (at least one) in fixed-code blocks: a few bytes per 258 of output.
    public static func zeros(_ count: Int) -> [UInt8] {
        var writer = BitWriter()
        writer.write(1, bits: 1)          // last block
        writer.write(1, bits: 2)          // fixed codes
        writer.writeCode(0b0011_0000, length: 8)  // literal 0
        var left = count - 1
        while left >= 258 {
            writer.writeCode(0b1100_0101, length: 8)  // length symbol 285: 258 bytes
            writer.writeCode(0, length: 5)            // distance symbol 0: 1 back
            left -= 258
        }
        for _ in 0..<left { writer.writeCode(0b0011_0000, length: 8) }
        writer.writeCode(0, length: 7)    // end of block (symbol 256)
        return writer.bytes
    }

    struct BitWriter {
        var bytes: [UInt8] = []
        private var bit = 0

        mutating func write(_ value: Int, bits: Int) {
            for i in 0..<bits { push((value >> i) & 1) }
        }

        /// Huffman codes go most significant bit first.
        mutating func writeCode(_ code: Int, length: Int) {
            for i in stride(from: length - 1, through: 0, by: -1) { push((code >> i) & 1) }
        }

        private mutating func push(_ value: Int) {
            if bit == 0 { bytes.append(0) }
            bytes[bytes.count - 1] |= UInt8(value) << UInt8(bit)
            bit = (bit + 1) % 8
        }
    }
}
