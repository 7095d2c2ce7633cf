import Foundation

extension Collection where Element == UInt8 {
    /// Whether the bytes hold `needle` somewhere: a plain byte search, with none of
    /// Foundation's locale-aware string comparison, for match keys that are already folded.
    public func contains<Needle: Collection>(subsequence needle: Needle) -> Bool where Needle.Element == UInt8 {
        firstOffset(of: needle) != nil
    }

    /// The offset of the first occurrence of `needle`, or nil.
    public func firstOffset<Needle: Collection>(of needle: Needle) -> Int? where Needle.Element == UInt8 {
        withContiguousBytes { hay in
            needle.withContiguousStorageIfAvailable { ByteSearch.first($0, in: hay) }
                ?? Array(needle).withUnsafeBufferPointer { ByteSearch.first($0, in: hay) }
        }
    }

    /// The offset of the last occurrence of `needle`, or nil.
    public func lastOffset<Needle: Collection>(of needle: Needle) -> Int? where Needle.Element == UInt8 {
        let n = Array(needle)
        return withContiguousBytes { hay in n.withUnsafeBufferPointer { ByteSearch.last($0, in: hay) } }
    }

    private func withContiguousBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = withContiguousStorageIfAvailable(body) { return result }
        return Array(self).withUnsafeBufferPointer(body)
    }
}

enum ByteSearch {
    /// memchr finds each candidate first byte, memcmp checks the rest.
    static func first(_ n: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !n.isEmpty, let needle = n.baseAddress else { return 0 }
        guard hay.count >= n.count, let base = hay.baseAddress else { return nil }
        let lastStart = hay.count - n.count
        let starts = UnsafeBufferPointer(rebasing: hay[..<(lastStart + 1)])
        var i = 0
        while let at = TextBytes.firstOffset(of: needle[0], in: starts, from: i) {
            if memcmp(base + at, needle, n.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }

    static func last(_ n: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !n.isEmpty, hay.count >= n.count else { return nil }
        var i = hay.count - n.count
        while i >= 0 {
            if hay[i] == n[0] {
                var j = 1
                while j < n.count, hay[i + j] == n[j] { j += 1 }
                if j == n.count { return i }
            }
            i -= 1
        }
        return nil
    }
}

extension String {
    /// The UTF-8 bytes as a buffer, for loops that must not pay String.UTF8View's per-byte cost.
    @inlinable
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // withUTF8 also serves small (inline) strings, which have no contiguous storage to lend
        var text = self
        return text.withUTF8(body)
    }

    /// `hasPrefix` on bytes, for match keys.
    @inlinable
    public func hasBytePrefix(_ prefix: String) -> Bool {
        withBytes { bytes in prefix.withBytes { p in p.count <= bytes.count && memcmpEqual(bytes, p, p.count) } }
    }

    /// `hasSuffix` on bytes.
    @inlinable
    public func hasByteSuffix(_ suffix: String) -> Bool {
        withBytes { bytes in
            suffix.withBytes { s in
                s.count <= bytes.count && memcmpEqual(UnsafeBufferPointer(rebasing: bytes[(bytes.count - s.count)...]), s, s.count)
            }
        }
    }
}

extension StringProtocol {
    /// The indices of a range of UTF-8 offsets (which must fall on character boundaries):
    /// cutting a String with them copies bytes without checking them again.
    @inlinable
    public func utf8Range(_ offsets: Range<Int>) -> Range<Index> {
        let start = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
        return start..<utf8.index(start, offsetBy: offsets.count)
    }
}

extension Substring {
    @inlinable
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // withUTF8 also serves small (inline) strings, which have no contiguous storage to lend
        var text = self
        return text.withUTF8(body)
    }
}

@inlinable
func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, _ count: Int) -> Bool {
    guard count > 0, let x = a.baseAddress, let y = b.baseAddress else { return true }
    return memcmp(x, y, count) == 0
}

/// Splits text on one ASCII byte (a tab, a pipe) without walking grapheme clusters.
public func splitBytes(_ text: String, on separator: UInt8) -> [String] {
    text.withBytes { bytes in
        var parts: [String] = []
        var start = 0
        for i in 0..<bytes.count where bytes[i] == separator {
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
            start = i + 1
        }
        parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        return parts
    }
}
