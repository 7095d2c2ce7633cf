import KehoachText

/// Finds grammar phrases in text by their match keys (case and tone placement folded), whole
/// words only. A byte trie: each lookup costs at most the length of the longest phrase, so
/// scanning a text is linear in it. The lookups are inlinable so that callers in other modules
/// get them specialised for their value type, without generic metadata at run time.
public struct PhraseMatcher<Value: Sendable>: Sendable {
    @usableFromInline var trie = PhraseTrie()
    @usableFromInline var values: [Value] = []

    public var count: Int { values.count }

    public init() {}

    public init(_ pairs: [(String, Value)]) {
        for (phrase, value) in pairs { insert(phrase, value) }
    }

    /// Adds a phrase; a later value for the same phrase replaces the earlier one.
    public mutating func insert(_ phrase: String, _ value: Value) {
        let key = Folding.matchKey(phrase)
        guard !key.isEmpty else { return }
        let (slot, isNew) = trie.insert(key, valueSlot: Int32(values.count))
        if isNew { values.append(value) } else { values[Int(slot)] = value }
    }

    /// The longest phrase that starts at `offset` of `key` and ends at a word boundary.
    @inlinable
    public func longestMatch(in key: UnsafeBufferPointer<UInt8>, at offset: Int) -> (length: Int, value: Value)? {
        trie.longestMatch(in: key, at: offset).map { ($0.0, values[Int($0.1)]) }
    }

    /// Every non-overlapping longest match in the key, left to right, starting at word starts.
    @inlinable
    public func matches(in key: String) -> [PhraseMatch<Value>] {
        var key = key
        return key.withUTF8 { matches(in: $0) }
    }

    /// The same over key bytes (a slice of a longer key reads as if it were the whole text).
    @inlinable
    public func matches(in key: UnsafeBufferPointer<UInt8>) -> [PhraseMatch<Value>] {
        trie.matches(in: key).map { PhraseMatch(range: $0.0, value: values[Int($0.1)]) }
    }

    /// The value of the longest phrase at the very start of `key`, if any.
    @inlinable
    public func prefixMatch(of key: String) -> PhraseMatch<Value>? {
        var key = key
        let found = key.withUTF8 { trie.longestMatch(in: $0, at: 0) }
        return found.map { PhraseMatch(range: 0..<$0.0, value: values[Int($0.1)]) }
    }

    /// True when the whole key is one of the phrases.
    @inlinable
    public func contains(exactly key: String) -> Bool {
        prefixMatch(of: key)?.range.count == key.utf8.count
    }
}

/// A phrase found in a match key: its byte range (valid in the original text too, since keys keep
/// the text's UTF-8 length) and the grammar's value for it.
public struct PhraseMatch<Value: Sendable>: Sendable {
    public let range: Range<Int>
    public let value: Value

    @inlinable
    public init(range: Range<Int>, value: Value) {
        self.range = range
        self.value = value
    }
}
