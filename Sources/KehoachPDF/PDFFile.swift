/// A PDF's objects, found through its cross-reference data (repaired by a scan when that is
/// broken), resolved on demand and kept once read. A class only for that cache: it lives for
/// one read of one file.
final class PDFFile {
    let bytes: [UInt8]
    private(set) var crossReference = CrossReference()
    private var cache: [Int: PDFObject] = [:]
    private var objectStreams: [Int: [Int: PDFObject]] = [:]
    /// Whether the objects had to be found by scanning the file.
    private(set) var repaired = false
    private var resolving = Set<Int>()

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if let table = CrossReference.read(bytes, object: { [unowned self] in self.objectAt($0, number: nil) },
                                           data: { [unowned self] in self.data(of: $0) }),
           table.trailer["Root"] != nil, !table.locations.isEmpty {
            crossReference = table
        } else {
            repair()
        }
    }

    var trailer: [String: PDFObject] { crossReference.trailer }

    private func repair() {
        guard !repaired else { return }
        repaired = true
        let scanned = CrossReference.scan(bytes)
        crossReference.locations.merge(scanned.locations) { _, scanned in scanned }
        crossReference.trailer.merge(scanned.trailer) { kept, _ in kept }
        cache = [:]
        if crossReference.trailer["Root"] == nil {
            // no trailer: the catalog is the object whose /Type is /Catalog
            for number in crossReference.locations.keys.sorted() where object(number)?["Type"]?.name == "Catalog" {
                crossReference.trailer["Root"] = .reference(number)
                break
            }
        }
    }

    /// Follows references (a chain of at most eight); nil for a missing object.
    func resolve(_ object: PDFObject?) -> PDFObject? {
        var current = object
        for _ in 0..<8 {
            guard case .reference(let number)? = current else { return current }
            current = self.object(number)
        }
        return nil
    }

    func object(_ number: Int) -> PDFObject? {
        if let cached = cache[number] { return cached }
        guard resolving.insert(number).inserted else { return nil }
        defer { resolving.remove(number) }
        var found: PDFObject? = nil
        switch crossReference.locations[number] {
        case .offset(let offset)?:
            found = objectAt(offset, number: number)
            if found == nil, !repaired {
                // the table points to the wrong place: find the objects by scanning, once
                repair()
                if case .offset(let scanned)? = crossReference.locations[number] { found = objectAt(scanned, number: number) }
            }
        case .compressed(let stream, let index)?:
            found = compressedObject(stream: stream, index: index, number: number)
        case nil:
            break
        }
        if let found { cache[number] = found }
        return found
    }

    /// The object whose `N G obj` starts at `offset`, when N is `number` (any, when nil).
    private func objectAt(_ offset: Int, number: Int?) -> PDFObject? {
        guard offset >= 0, offset < bytes.count else { return nil }
        var reader = PDFSyntax(bytes, at: offset)
        guard let found = reader.object()?.int, number == nil || found == number, reader.object()?.int != nil,
              case .keyword("obj")? = reader.object() else { return nil }
        guard let value = reader.object() else { return nil }
        if case .stream(let dictionary, let start) = value {
            return .stream(dictionary, streamRange(dictionary, from: start.lowerBound))
        }
        return value
    }

    /// The stream's raw bytes: `/Length` when `endstream` follows it, else up to the next
    /// `endstream` (a length that lies, or one in an object that is lost).
    private func streamRange(_ dictionary: [String: PDFObject], from start: Int) -> Range<Int> {
        let syntax = PDFSyntax(bytes)
        if let length = resolve(dictionary["Length"])?.int, length >= 0, start + length <= bytes.count {
            var after = PDFSyntax(bytes, at: start + length)
            after.skipSpace()
            if after.starts(with: "endstream") { return start..<(start + length) }
        }
        guard var end = syntax.find("endstream", from: start) else { return start..<bytes.count }
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    private func compressedObject(stream: Int, index: Int, number: Int) -> PDFObject? {
        if objectStreams[stream] == nil {
            var objects: [Int: PDFObject] = [:]
            if let container = object(stream), let data = data(of: container), let count = container["N"]?.int,
               let first = container["First"]?.int, count >= 0, first >= 0 {
                var header = PDFSyntax(data, end: min(first, data.count))
                var entries: [(Int, Int)] = []
                for _ in 0..<min(count, 1_000_000) {
                    guard let n = header.object()?.int, let offset = header.object()?.int else { break }
                    entries.append((n, offset))
                }
                for (n, offset) in entries where first + offset < data.count {
                    var reader = PDFSyntax(data, at: first + offset)
                    if let value = reader.object() { objects[n] = value }
                }
            }
            objectStreams[stream] = objects
        }
        return objectStreams[stream]?[number]
    }

    /// A stream's decoded bytes; nil when it is not a stream or uses a filter kehoach does not read.
    func data(of object: PDFObject) -> [UInt8]? {
        guard case .stream(let dictionary, let range) = object else { return nil }
        let filter = resolve(dictionary["Filter"])
        let filters = filter?.name.map { [$0] } ?? (filter?.array ?? []).compactMap { resolve($0)?.name }
        let parms = resolve(dictionary["DecodeParms"])
        let parameters = parms?.dictionary.map { [$0] } ?? (parms?.array ?? []).map { resolve($0)?.dictionary ?? [:] }
        return StreamFilters.decode(bytes[range], filters: filters, parameters: parameters)
    }

    // MARK: - Pages

    struct Page {
        var contents: [UInt8]
        var resources: [String: PDFObject]
        /// `/MediaBox` (inherited): x0, y0, x1, y1; nil when the file gives none that reads.
        var mediaBox: [Double]?
    }

    /// The page tree's leaves in order, resources inherited; at most `limit` pages.
    func pages(limit: Int = 10_000) -> [Page] {
        var pages: [Page] = []
        var visited = Set<Int>()
        func walk(_ node: PDFObject?, inherited: [String: PDFObject], box inheritedBox: [Double]?, depth: Int) {
            guard depth < 64, pages.count < limit else { return }
            if case .reference(let n)? = node, !visited.insert(n).inserted { return }
            guard let dictionary = resolve(node)?.dictionary else { return }
            let resources = resolve(dictionary["Resources"])?.dictionary ?? inherited
            let numbers = resolve(dictionary["MediaBox"])?.array?.compactMap { resolve($0)?.number }
            let box = numbers?.count == 4 ? numbers : inheritedBox
            if let kids = resolve(dictionary["Kids"])?.array {
                for kid in kids { walk(kid, inherited: resources, box: box, depth: depth + 1) }
                return
            }
            var contents: [UInt8] = []
            let streams = resolve(dictionary["Contents"]).map { $0.array ?? [$0] } ?? []
            for stream in streams {
                if let data = resolve(stream).flatMap(data(of:)) {
                    contents += data
                    contents.append(0x0A)
                }
            }
            pages.append(Page(contents: contents, resources: resources, mediaBox: box))
        }
        walk(resolve(trailer["Root"])?["Pages"], inherited: [:], box: nil, depth: 0)
        return pages
    }
}
