/// What a file is, from its first bytes (not its name: plans arrive renamed, as `.doc` that
/// are `.docx`, or with no extension at all).
public enum DocumentFormat: Equatable, Sendable {
    /// Text in any encoding kehoach reads, a saved web page, or a binary file `TextDecoder` refuses.
    case text
    /// A ZIP archive: a Word file, or something `DocxReader` says it is not.
    case zip
    case pdf
    /// Word's password protection: an OLE compound file holding an `EncryptedPackage` stream.
    case encryptedOffice

    public init(sniffing bytes: [UInt8]) {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            self = .zip
        } else if Self.hasPDFHeader(bytes) {
            self = .pdf
        } else if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), Self.holdsEncryptedPackage(bytes) {
            self = .encryptedOffice
        } else {
            self = .text
        }
    }

    /// `%PDF-` within the first KB, where readers look for it (some writers put bytes before it).
    private static func hasPDFHeader(_ bytes: [UInt8]) -> Bool {
        let marker = Array("%PDF-".utf8)
        let window = bytes.prefix(1024)
        guard window.count >= marker.count else { return false }
        return (0...(window.count - marker.count)).contains { i in window[i] == 0x25 && window[i..<(i + marker.count)].elementsEqual(marker) }
    }

    /// The stream name in the compound file's directory, in UTF-16LE.
    private static func holdsEncryptedPackage(_ bytes: [UInt8]) -> Bool {
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        var i = 0
        while i + name.count <= bytes.count {
            if bytes[i] == name[0], bytes[i..<(i + name.count)].elementsEqual(name) { return true }
            i += 1
        }
        return false
    }
}
