/// One XML part of a Word file read as WordprocessingML: the scanner, and the prefix the part
/// binds to the WordprocessingML namespace (`w` in every file Word writes, but a writer may
/// choose another), learnt from the first tag's declarations.
struct WordPart {
    private(set) var scanner: XMLScanner
    /// The prefix's bytes packed, first byte lowest (a prefix longer than eight bytes: none).
    private var prefix: (bytes: UInt64, count: Int) = (UInt64(UInt8(ascii: "w")), 1)
    private var learnt = false

    static let namespaces = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                             "http://purl.oclc.org/ooxml/wordprocessingml/main"]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        scanner = XMLScanner(bytes)
    }

    mutating func next() -> XMLScanner.Event? {
        let event = scanner.next()
        if !learnt, case .start(let tag)? = event {
            learnt = true
            learnPrefix(tag)
        }
        return event
    }

    /// The element, when the tag is in the WordprocessingML namespace and one kehoach knows.
    func element(_ tag: XMLScanner.Tag) -> WordElement? {
        guard isWordNamespace(tag) else { return nil }
        return WordElement(tag.local, in: scanner)
    }

    private func isWordNamespace(_ tag: XMLScanner.Tag) -> Bool {
        guard tag.prefix.count == prefix.count else { return false }
        var packed: UInt64 = 0
        var shift: UInt64 = 0
        for i in tag.prefix {
            packed |= UInt64(scanner.bytes[i]) << shift
            shift += 8
        }
        return packed == prefix.bytes
    }

    /// `mc:Fallback` holds a second copy of what `mc:Choice` holds, for older readers.
    func isFallback(_ tag: XMLScanner.Tag) -> Bool {
        tag.local.count == 8 && scanner.bytesEqual(tag.local, Self.fallback) && !isWordNamespace(tag)
    }

    private static let fallback = Array("Fallback".utf8)

    func value(_ tag: XMLScanner.Tag) -> String? { scanner.attributeString(Self.val, of: tag) }
    func intValue(_ tag: XMLScanner.Tag) -> Int? { scanner.attributeInt(Self.val, of: tag) }

    /// An on/off property (`<w:caps/>`, `<w:caps w:val="0"/>`).
    func isOn(_ tag: XMLScanner.Tag) -> Bool {
        guard let value = value(tag) else { return true }
        return !["0", "false", "off", "none"].contains(value)
    }

    static let val = Array("val".utf8)

    mutating func skipElement(_ tag: XMLScanner.Tag) {
        scanner.skipElement(tag)
    }

    private mutating func learnPrefix(_ tag: XMLScanner.Tag) {
        var i = tag.attributes.lowerBound
        let bytes = scanner.bytes
        let marker = Array("xmlns:".utf8)
        while i + marker.count < tag.attributes.upperBound {
            if scanner.bytesEqual(i..<(i + marker.count), marker) {
                let nameStart = i + marker.count
                var nameEnd = nameStart
                while nameEnd < tag.attributes.upperBound, bytes[nameEnd] != UInt8(ascii: "=") { nameEnd += 1 }
                let declared = XMLScanner.Tag(prefix: 0..<0, local: 0..<0, attributes: i..<tag.attributes.upperBound, selfClosing: false)
                let name = Array(UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]))
                if let uri = scanner.attributeString(name, of: declared), Self.namespaces.contains(uri) {
                    prefix = name.count <= 8 ? (name.reversed().reduce(0) { $0 << 8 | UInt64($1) }, name.count) : (0, -1)
                    return
                }
                i = nameEnd
            }
            i += 1
        }
    }
}
