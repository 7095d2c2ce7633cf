import KehoachText

/// The non-generic core of `PhraseMatcher`: a byte trie over match keys. Kept free of generics
/// so that lookups from other modules run specialised code, and with a table of the bytes that
/// can start a phrase so that most positions of a text are rejected with one load.
struct PhraseTrie: Sendable {
    private var childBytes: [[UInt8]] = [[]]
    private var childNodes: [[Int32]] = [[]]
    /// Index into the matcher's values, or -1.
    private var valueIndex: [Int32] = [-1]
    private var startsPhrase = [Bool](repeating: false, count: 256)

    /// Adds a key; returns the value slot it ends at and whether the slot is new.
    mutating func insert(_ key: String, valueSlot: Int32) -> (slot: Int32, isNew: Bool) {
        var node = 0
        for byte in key.utf8 {
            if let i = childBytes[node].firstIndex(of: byte) {
                node = Int(childNodes[node][i])
            } else {
                childBytes.append([])
                childNodes.append([])
                valueIndex.append(-1)
                let next = Int32(childBytes.count - 1)
                childBytes[node].append(byte)
                childNodes[node].append(next)
                node = Int(next)
            }
        }
        if let first = key.utf8.first { startsPhrase[Int(first)] = true }
        if valueIndex[node] >= 0 { return (valueIndex[node], false) }
        valueIndex[node] = valueSlot
        return (valueSlot, true)
    }

    /// The longest phrase starting at `offset` and ending at a word boundary: (length, slot).
    func longestMatch(in key: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Int, Int32)? {
        guard offset < key.count, startsPhrase[Int(key[offset])] else { return nil }
        var node = 0
        var best: (Int, Int32)? = nil
        var i = offset
        while i < key.count {
            let bytes = childBytes[node]
            guard let c = bytes.firstIndex(of: key[i]) else { break }
            node = Int(childNodes[node][c])
            i += 1
            let slot = valueIndex[node]
            if slot >= 0, TextBytes.isBoundary(key, i) { best = (i - offset, slot) }
        }
        return best
    }

    /// Non-overlapping longest matches from word starts, left to right: (range, slot).
    func matches(in key: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, Int32)] {
        var found: [(Range<Int>, Int32)] = []
        var i = 0
        while i < key.count {
            if startsPhrase[Int(key[i])], TextBytes.isWordStart(key, i), let (length, slot) = longestMatch(in: key, at: i) {
                found.append((i..<(i + length), slot))
                i += length
            } else {
                i += 1
            }
        }
        return found
    }
}
