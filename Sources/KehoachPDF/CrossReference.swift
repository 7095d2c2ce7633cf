/// Where each object of a PDF lies (ISO 32000-1, 7.5.4 and 7.5.8): read from the `xref`
/// tables and streams the trailer chain names, or, when those are missing or wrong, from a
/// scan of the file for `N G obj` (what readers do to repair a broken file).
struct CrossReference {
    enum Location: Equatable {
        case offset(Int)
        /// Object `index` of object stream `stream`.
        case compressed(stream: Int, index: Int)
    }

    var locations: [Int: Location] = [:]
    var trailer: [String: PDFObject] = [:]

    /// From `startxref`, following `/Prev`; nil when that chain cannot be read at all.
    /// `object`: the object whose `N G obj` starts at an offset; `data`: a stream's decoded bytes.
    static func read(_ bytes: [UInt8], object: (Int) -> PDFObject?, data: (PDFObject) -> [UInt8]?) -> CrossReference? {
        let syntax = PDFSyntax(bytes)
        guard let mark = syntax.findLast("startxref", before: bytes.count, after: bytes.count - 2048) else { return nil }
        var reader = PDFSyntax(bytes, at: mark + 9)
        guard var offset = reader.object()?.int else { return nil }
        var table = CrossReference()
        var visited = Set<Int>()
        while offset >= 0, offset < bytes.count, visited.insert(offset).inserted, visited.count < 64 {
            guard let section = readSection(bytes, at: offset, object: object, data: data) else { return visited.count > 1 ? table : nil }
            // the newest section wins: earlier ones only fill in what it lacks
            table.locations.merge(section.locations) { newer, _ in newer }
            table.trailer.merge(section.trailer) { newer, _ in newer }
            if let hybrid = section.trailer["XRefStm"]?.int, let extra = readSection(bytes, at: hybrid, object: object, data: data) {
                table.locations.merge(extra.locations) { newer, _ in newer }
            }
            guard let previous = section.trailer["Prev"]?.int else { break }
            offset = previous
        }
        return table
    }

    private static func readSection(_ bytes: [UInt8], at offset: Int, object: (Int) -> PDFObject?,
                                    data: (PDFObject) -> [UInt8]?) -> CrossReference? {
        var reader = PDFSyntax(bytes, at: offset)
        reader.skipSpace()
        if reader.starts(with: "xref") {
            reader.position += 4
            return readTable(&reader)
        }
        // a cross-reference stream: "N G obj << /Type /XRef ... >> stream"
        guard let stream = object(offset), stream["Type"]?.name == "XRef", let decoded = data(stream) else { return nil }
        return readStream(stream.dictionary ?? [:], decoded)
    }

    private static func readTable(_ reader: inout PDFSyntax) -> CrossReference {
        var table = CrossReference()
        while true {
            let save = reader.position
            guard let first = reader.object() else { break }
            if case .keyword("trailer") = first {
                table.trailer = reader.object()?.dictionary ?? [:]
                break
            }
            guard let start = first.int, let count = reader.object()?.int, count >= 0, count < 10_000_000 else {
                reader.position = save
                break
            }
            for n in 0..<count {
                guard let position = reader.object()?.int, reader.object()?.int != nil, case .keyword(let kind)? = reader.object() else { break }
                if kind == "n", position > 0, table.locations[start + n] == nil { table.locations[start + n] = .offset(position) }
            }
        }
        return table
    }

    private static func readStream(_ dictionary: [String: PDFObject], _ data: [UInt8]) -> CrossReference {
        var table = CrossReference()
        table.trailer = dictionary
        let widths = (dictionary["W"]?.array ?? []).compactMap(\.int)
        guard widths.count == 3, widths.allSatisfy({ (0...8).contains($0) }), widths.reduce(0, +) > 0 else { return table }
        let size = dictionary["Size"]?.int ?? 0
        let index = (dictionary["Index"]?.array ?? [.number(0), .number(Double(size))]).compactMap(\.int)
        let entry = widths.reduce(0, +)
        var at = 0
        func field(_ width: Int, default value: Int) -> Int {
            guard width > 0 else { return value }
            var v = 0
            for _ in 0..<width { v = v << 8 | Int(data[at]); at += 1 }
            return v
        }
        var pair = 0
        while pair + 1 < index.count {
            let (start, count) = (index[pair], index[pair + 1])
            for n in 0..<max(0, count) {
                guard at + entry <= data.count else { return table }
                let type = field(widths[0], default: 1)
                let second = field(widths[1], default: 0)
                let third = field(widths[2], default: 0)
                switch type {
                case 1 where second > 0: table.locations[start + n] = .offset(second)
                case 2: table.locations[start + n] = .compressed(stream: second, index: third)
                default: break
                }
            }
            pair += 2
        }
        return table
    }

    /// Every `N G obj` in the file, the last of each number winning (later updates come later),
    /// and the trailer: the last `trailer` dictionary, else the catalog found by the scan.
    static func scan(_ bytes: [UInt8]) -> CrossReference {
        var table = CrossReference()
        let syntax = PDFSyntax(bytes)
        var from = 0
        while let at = syntax.find("obj", from: from) {
            from = at + 3
            // walk back over "N G "
            var i = at - 1
            while i >= 0, PDFSyntax.isSpace(bytes[i]) { i -= 1 }
            let generationEnd = i + 1
            while i >= 0, bytes[i] >= 0x30, bytes[i] <= 0x39 { i -= 1 }
            guard i + 1 < generationEnd, i >= 0, PDFSyntax.isSpace(bytes[i]) else { continue }
            while i >= 0, PDFSyntax.isSpace(bytes[i]) { i -= 1 }
            let numberEnd = i + 1
            while i >= 0, bytes[i] >= 0x30, bytes[i] <= 0x39 { i -= 1 }
            guard i + 1 < numberEnd, numberEnd - i < 11,
                  let number = Int(String(decoding: bytes[(i + 1)..<numberEnd], as: UTF8.self)) else { continue }
            table.locations[number] = .offset(i + 1)
        }
        if let at = syntax.findLast("trailer", before: bytes.count, after: 0) {
            var reader = PDFSyntax(bytes, at: at + 7)
            table.trailer = reader.object()?.dictionary ?? [:]
        }
        return table
    }
}
