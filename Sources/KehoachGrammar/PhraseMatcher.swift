import KehoachText

/// Finds grammar phrases in text by their match keys (case and tone placement folded), whole
/// words only. A trie over key bytes: each lookup costs at most the length of the longest phrase,
/// so scanning a text is linear in it.
public struct PhraseMatcher<Value: Sendable>: Sendable {
    private struct Node: Sendable {
        var children: [(UInt8, Int32)] = []
        var value: Value? = nil
    }

    private var nodes: [Node] = [Node()]
    public private(set) var count = 0

    public init() {}

    public init(_ pairs: [(String, Value)]) {
        for (phrase, value) in pairs { insert(phrase, value) }
    }

    /// Adds a phrase; a later value for the same phrase replaces the earlier one.
    public mutating func insert(_ phrase: String, _ value: Value) {
        let key = Folding.matchKey(phrase)
        guard !key.isEmpty else { return }
        var node = 0
        for byte in key.utf8 {
            if let next = nodes[node].children.first(where: { $0.0 == byte })?.1 {
                node = Int(next)
            } else {
                nodes.append(Node())
                let next = Int32(nodes.count - 1)
                nodes[node].children.append((byte, next))
                node = Int(next)
            }
        }
        if nodes[node].value == nil { count += 1 }
        nodes[node].value = value
    }

    /// The longest phrase that starts at `offset` of `key` and ends at a word boundary.
    public func longestMatch(in key: UnsafeBufferPointer<UInt8>, at offset: Int) -> (length: Int, value: Value)? {
        var node = 0
        var best: (Int, Value)? = nil
        var i = offset
        while i < key.count {
            guard let next = nodes[node].children.first(where: { $0.0 == key[i] })?.1 else { break }
            node = Int(next)
            i += 1
            if let value = nodes[node].value, TextBytes.isBoundary(key, i) {
                best = (i - offset, value)
            }
        }
        return best
    }

    /// Every non-overlapping longest match in the key, left to right, starting at word starts.
    public func matches(in key: String) -> [PhraseMatch<Value>] {
        var found: [PhraseMatch<Value>] = []
        var key = key
        key.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                if TextBytes.isWordStart(bytes, i), let (length, value) = longestMatch(in: bytes, at: i) {
                    found.append(PhraseMatch(range: i..<(i + length), value: value))
                    i += length
                } else {
                    i += 1
                }
            }
        }
        return found
    }

    /// The value of the longest phrase at the very start of `key`, if any.
    public func prefixMatch(of key: String) -> PhraseMatch<Value>? {
        var key = key
        return key.withUTF8 { bytes in
            longestMatch(in: bytes, at: 0).map { PhraseMatch(range: 0..<$0.length, value: $0.value) }
        }
    }

    /// True when the whole key is one of the phrases.
    public func contains(exactly key: String) -> Bool {
        prefixMatch(of: key)?.range.count == key.utf8.count
    }
}

/// A phrase found in a match key: its byte range (valid in the original text too, since keys keep
/// the text's UTF-8 length) and the grammar's value for it.
public struct PhraseMatch<Value: Sendable>: Sendable {
    public let range: Range<Int>
    public let value: Value
}

