/// bytes → text. Recognises UTF-8 (with or without BOM) and UTF-16 (with BOM, or detected from
/// its zero bytes), refuses binary files with a message that says what they look like, and hands
/// everything else to the legacy-encoding converters.
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedText {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .empty
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try decodeUTF8(bytes[3...], encoding: .utf8WithBOM)
        }
        if let utf16 = decodeUTF16(bytes) {
            return utf16
        }
        if let kind = binarySignature(bytes) {
            throw .binary(looksLike: kind)
        }
        return try decodeUTF8(bytes[...], encoding: .utf8)
    }

    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>, encoding: SourceEncoding) throws(DecodingError) -> DecodedText {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            if let legacy = LegacyDecoder.decode8Bit(Array(bytes)) {
                return legacy
            }
            let invalid = firstInvalidUTF8(bytes)
            throw .unknownEncoding(invalidBytes: invalid.count, firstAt: invalid.offset)
        }
        if let repaired = LegacyDecoder.repairMisdecoded(text) {
            return repaired
        }
        if HTMLText.looksLikeHTML(text) {
            return HTMLText.extract(text)
        }
        return DecodedText(text: text, encoding: encoding)
    }

    /// UTF-16 with a byte-order mark, or without one when every other byte of the start is zero.
    private static func decodeUTF16(_ bytes: [UInt8]) -> DecodedText? {
        var littleEndian: Bool
        var start = 0
        if bytes.starts(with: [0xFF, 0xFE]) {
            littleEndian = true; start = 2
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            littleEndian = false; start = 2
        } else {
            let sample = bytes.prefix(512)
            guard sample.count >= 8 else { return nil }
            let evenZeros = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let oddZeros = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let half = sample.count / 2
            if oddZeros * 10 > half * 6 && evenZeros * 10 < half { littleEndian = true }
            else if evenZeros * 10 > half * 6 && oddZeros * 10 < half { littleEndian = false }
            else { return nil }
        }
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var i = start
        while i + 1 < bytes.count {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        let encoding: SourceEncoding = littleEndian ? .utf16LittleEndian : .utf16BigEndian
        return DecodedText(text: text, encoding: encoding,
                           diagnostics: [Diagnostic("decode.utf16", .note, "the file is \(encoding.rawValue); read as Unicode")])
    }

    /// What a file that is not text looks like, from its first bytes and its zero bytes.
    private static func binarySignature(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF".utf8)) { return "a PDF document" }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "a Word .docx or another zip archive" }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "an old Word .doc file" }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return "an RTF document" }
        let sampleCount = min(bytes.count, 65_536)
        // counted without a branch per byte: the low half of the sum counts controls, the high half zeros
        let weights = controlWeights
        let sums = bytes.withUnsafeBufferPointer { bytes in
            weights.withUnsafeBufferPointer { weights in
                (0..<sampleCount).reduce(0 as UInt64) { $0 &+ weights[Int(bytes[$1])] }
            }
        }
        let (zeros, controls) = (Int(sums >> 32), Int(sums & 0xFFFF_FFFF))
        if zeros > 0 || controls * 20 > sampleCount { return "binary data" }
        return nil
    }

    /// Per byte: 1 for a control code other than tab, line feed, form feed and carriage return;
    /// 1 << 32 more for a zero byte.
    private static let controlWeights: [UInt64] = (0...255).map { byte -> UInt64 in
        guard byte < 0x20, ![0x09, 0x0A, 0x0C, 0x0D].contains(byte) else { return 0 }
        return byte == 0 ? 1 << 32 | 1 : 1
    }

    /// Where the bytes stop being UTF-8, and how many bytes are not part of a valid sequence.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (offset: Int, count: Int) {
        var first: Int? = nil
        var count = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let lead = bytes[i]
            let width = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            var valid = width > 0 && i + width <= bytes.endIndex
            if valid && width > 1 {
                valid = bytes[(i + 1)..<(i + width)].allSatisfy { $0 & 0xC0 == 0x80 }
            }
            if valid {
                i += width
            } else {
                if first == nil { first = i - bytes.startIndex }
                count += 1
                i += 1
            }
        }
        return (first ?? 0, count)
    }
}
