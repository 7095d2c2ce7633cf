/// One file of an archive as its central directory lists it.
public struct ZipEntry: Sendable, Equatable {
    public let name: String
    /// 0 stored, 8 deflate; others are refused when read.
    let method: UInt16
    let flags: UInt16
    let crc: UInt32
    public let compressedSize: Int
    public let size: Int
    /// Where the entry's local header starts.
    let headerOffset: Int

    var isEncrypted: Bool { flags & 1 != 0 }
}
