import KehoachText

/// The non-generic core of `PhraseMatcher`: a byte trie over match keys. Kept free of generics
/// so that lookups from other modules run specialised code. All nodes live in one array (a
/// node's children are a sibling chain), and the root's children are a table indexed by byte,
/// so that most positions of a text are rejected with one load and a walk touches no other
/// heap object. A bit set of the phrases' first three bytes turns away most of the rest
/// (Vietnamese words share first letters, not first syllables) before any node is visited.
@usableFromInline
struct PhraseTrie: Sendable {
    struct Node: Sendable {
        var byte: UInt8
        var firstChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// Index into the matcher's values, or -1.
        var valueSlot: Int32 = -1
    }

    /// Node 0 is the root; `rootChildren[b]` is its child for byte `b`, or -1.
    private var nodes: [Node] = [Node(byte: 0)]
    private var rootChildren = [Int32](repeating: -1, count: 256)
    /// Words 0..<64: bits for the hashed first three bytes of every phrase; words 64..<68: the
    /// first bytes of phrases shorter than three bytes, which the hash cannot vouch for.
    private var heads = [UInt64](repeating: 0, count: 68)
    /// Per byte value: bit 0, a phrase starts with it; bit 1, it is a word byte.
    private var byteClasses: [UInt8] = (0...255).map { TextBytes.isWordByte(UInt8($0)) ? 2 : 0 }

    /// Adds a key; returns the value slot it ends at and whether the slot is new.
    mutating func insert(_ key: String, valueSlot: Int32) -> (slot: Int32, isNew: Bool) {
        let bytes = Array(key.utf8)
        if bytes.count >= 3 {
            let bit = Self.headBit(bytes[0], bytes[1], bytes[2])
            heads[bit >> 6] |= 1 << UInt64(bit & 63)
        } else if let first = bytes.first {
            heads[64 + Int(first >> 6)] |= 1 << UInt64(first & 63)
        }
        var node: Int32 = 0
        for byte in key.utf8 {
            let found = node == 0 ? rootChildren[Int(byte)] : Self.child(of: node, byte, in: nodes)
            if found >= 0 { node = found; continue }
            let new = Int32(nodes.count)
            nodes.append(Node(byte: byte))
            if node == 0 {
                rootChildren[Int(byte)] = new
                byteClasses[Int(byte)] |= 1
            } else {
                nodes[Int(new)].nextSibling = nodes[Int(node)].firstChild
                nodes[Int(node)].firstChild = new
            }
            node = new
        }
        let existing = nodes[Int(node)].valueSlot
        if existing >= 0 { return (existing, false) }
        nodes[Int(node)].valueSlot = valueSlot
        return (valueSlot, true)
    }

    private static func child<C: RandomAccessCollection>(of node: Int32, _ byte: UInt8, in nodes: C) -> Int32 where C.Element == Node, C.Index == Int {
        var c = nodes[Int(node)].firstChild
        while c >= 0 {
            let n = nodes[Int(c)]
            if n.byte == byte { return c }
            c = n.nextSibling
        }
        return -1
    }

    /// The longest phrase starting at `offset` and ending at a word boundary: (length, slot).
    @usableFromInline
    func longestMatch(in key: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Int, Int32)? {
        nodes.withUnsafeBufferPointer { nodes in
            rootChildren.withUnsafeBufferPointer { root in
                heads.withUnsafeBufferPointer { heads in Self.longestMatch(in: key, at: offset, nodes: nodes, root: root, heads: heads) }
            }
        }
    }

    @inline(__always)
    private static func headBit(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        Int(((UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)) &* 0x9E37_79B1) >> 20)
    }

    private static func longestMatch(in key: UnsafeBufferPointer<UInt8>, at offset: Int, nodes: UnsafeBufferPointer<Node>,
                                     root: UnsafeBufferPointer<Int32>, heads: UnsafeBufferPointer<UInt64>) -> (Int, Int32)? {
        guard offset < key.count else { return nil }
        let first = key[offset]
        var node = root[Int(first)]
        guard node >= 0 else { return nil }
        if heads[64 + Int(first >> 6)] & (1 << UInt64(first & 63)) == 0 {
            // every phrase starting with this byte has three bytes or more: the text's first three must be one's
            guard offset + 2 < key.count else { return nil }
            let bit = headBit(first, key[offset + 1], key[offset + 2])
            guard heads[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        }
        var best: (Int, Int32)? = nil
        var i = offset + 1
        while node >= 0 {
            let slot = nodes[Int(node)].valueSlot
            if slot >= 0, TextBytes.isBoundary(key, i) { best = (i - offset, slot) }
            guard i < key.count else { break }
            node = child(of: node, key[i], in: nodes)
            i += 1
        }
        return best
    }

    /// Non-overlapping longest matches from word starts, left to right: (range, slot).
    ///
    /// The text is read in blocks of 64 bytes: a table gives each byte's class without a branch,
    /// the block's word starts that may begin a phrase become bits of one word, and only those
    /// positions are tried. A byte-by-byte test mispredicts on almost every word of Vietnamese.
    @usableFromInline
    func matches(in key: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, Int32)] {
        nodes.withUnsafeBufferPointer { nodes in rootChildren.withUnsafeBufferPointer { root in heads.withUnsafeBufferPointer { heads in
            byteClasses.withUnsafeBufferPointer { classes in
                var found: [(Range<Int>, Int32)] = []
                var next = 0   // the bytes before it belong to a match
                var block = 0
                var lastIsWord: UInt64 = 0
                while block < key.count {
                    let count = min(64, key.count - block)
                    var starters: UInt64 = 0, words: UInt64 = 0
                    for k in 0..<count {
                        let byteClass = UInt64(classes[Int(key[block + k])])
                        starters |= (byteClass & 1) &<< UInt64(k)
                        words |= ((byteClass >> 1) & 1) &<< UInt64(k)
                    }
                    // a word start: not a word byte right after another
                    var candidates = starters & ~(words & (words &<< 1 | lastIsWord))
                    while candidates != 0 {
                        let at = block + candidates.trailingZeroBitCount
                        candidates &= candidates &- 1
                        guard at >= next,
                              let (length, slot) = Self.longestMatch(in: key, at: at, nodes: nodes, root: root, heads: heads) else { continue }
                        found.append((at..<(at + length), slot))
                        next = at + length
                    }
                    lastIsWord = (words &>> UInt64(count - 1)) & 1
                    block += count
                }
                return found
            }
        } } }
    }
}
