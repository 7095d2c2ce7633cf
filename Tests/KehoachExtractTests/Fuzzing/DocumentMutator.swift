import KehoachTestSupport
import KehoachText
import KehoachZip

/// Deterministic mutations of the Word and PDF copies of the shipped plans
/// (Tests/Fixtures/documents), numbered like `Mutator`'s inputs. A Word file is mutated as
/// bytes (most such files fail their CRC check, as they should) or, more often, inside its
/// XML parts, which are then zipped again so that the reader gets past the archive; a PDF as
/// bytes, in its cross-reference table, or in the lengths its streams claim.
struct DocumentMutator {
    enum Mutation: String, CaseIterable, Sendable {
        case flipBytes, truncate, deleteRange, duplicateRange
        case editXML, hostileXML, hostileNumbering
        case corruptXref, lieAboutLengths
    }

    let documents: [(format: String, bytes: [UInt8])]
    let seed: UInt64

    init(seed: UInt64 = 0x646F_6373_7064_6621) {
        documents = PackageFiles.planNames.flatMap { name in ["docx", "pdf"].map { ($0, PackageFiles.document(name, $0)) } }
        precondition(documents.allSatisfy { !$0.bytes.isEmpty }, "the document fixtures are missing")
        self.seed = seed
    }

    func input(_ index: Int) -> (bytes: [UInt8], mutations: [String]) {
        var random = SplitMix64(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        let document = documents.randomElement(using: &random)!
        let choices: [Mutation] = document.format == "docx"
            ? [.flipBytes, .truncate, .editXML, .editXML, .hostileXML, .hostileXML, .hostileNumbering]
            : [.flipBytes, .truncate, .deleteRange, .duplicateRange, .corruptXref, .lieAboutLengths]
        var bytes = document.bytes
        var applied: [String] = [document.format]
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let mutation = choices.randomElement(using: &random)!
            apply(mutation, to: &bytes, &random)
            applied.append(mutation.rawValue)
        }
        return (bytes, applied)
    }

    private func apply(_ mutation: Mutation, to bytes: inout [UInt8], _ random: inout SplitMix64) {
        switch mutation {
        case .flipBytes:
            guard !bytes.isEmpty else { return }
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                bytes[Int.random(in: bytes.indices, using: &random)] ^= 1 << UInt8.random(in: 0...7, using: &random)
            }
        case .truncate:
            bytes.removeLast(Int.random(in: 0...bytes.count, using: &random))
        case .deleteRange:
            bytes.removeSubrange(Self.range(in: bytes.count, maxLength: 4000, &random))
        case .duplicateRange:
            let range = Self.range(in: bytes.count, maxLength: 4000, &random)
            bytes.insert(contentsOf: Array(repeatElement(bytes[range], count: Int.random(in: 1...20, using: &random)).joined()), at: range.upperBound)
        case .editXML:
            editPart("word/document.xml", of: &bytes, &random) { xml, random in
                if Bool.random(using: &random) {
                    xml.removeSubrange(Self.range(in: xml.count, maxLength: 2000, &random))
                } else {
                    let range = Self.range(in: xml.count, maxLength: 2000, &random)
                    xml.insert(contentsOf: Array(repeatElement(xml[range], count: Int.random(in: 1...30, using: &random)).joined()), at: range.upperBound)
                }
            }
        case .hostileXML:
            editPart("word/document.xml", of: &bytes, &random) { xml, random in
                let piece = Self.hostileXML.randomElement(using: &random)!
                let copies = Int.random(in: 1...500, using: &random)
                xml.insert(contentsOf: Array(String(repeating: piece, count: copies).utf8), at: Self.tagStart(in: xml, &random))
            }
        case .hostileNumbering:
            editPart("word/numbering.xml", of: &bytes, &random) { xml, random in
                let piece = Self.hostileNumbering.randomElement(using: &random)!
                xml.insert(contentsOf: Array(piece.utf8), at: Self.tagStart(in: xml, &random))
            }
        case .corruptXref:
            guard let at = Self.lastOffset(of: Array("xref".utf8), in: bytes) else { return }
            for _ in 0..<Int.random(in: 1...10, using: &random) {
                let i = Int.random(in: at..<bytes.count, using: &random)
                if bytes[i] >= 0x30 && bytes[i] <= 0x39 { bytes[i] = UInt8.random(in: 0x30...0x39, using: &random) }
            }
        case .lieAboutLengths:
            let marker = Array("/Length ".utf8)
            var i = 0
            while i + marker.count < bytes.count {
                if bytes[i..<(i + marker.count)].elementsEqual(marker), Int.random(in: 0..<3, using: &random) == 0 {
                    let digit = i + marker.count
                    if bytes[digit] >= 0x30 && bytes[digit] <= 0x39 { bytes[digit] = UInt8.random(in: 0x30...0x39, using: &random) }
                }
                i += 1
            }
        }
    }

    /// Unzips the file, changes one part, and zips it again (stored-block DEFLATE).
    private func editPart(_ name: String, of bytes: inout [UInt8], _ random: inout SplitMix64,
                          _ edit: (inout [UInt8], inout SplitMix64) -> Void) {
        guard let archive = try? ZipArchive(bytes) else { return }
        var entries: [ZipBuilder.Entry] = []
        for entry in archive.entries where ["word/document.xml", "word/numbering.xml", "word/styles.xml", name].contains(entry.name) {
            guard var data = try? archive.contents(of: entry) else { return }
            if entry.name == name { edit(&data, &random) }
            entries.append(ZipBuilder.Entry(entry.name, data))
        }
        bytes = ZipBuilder(entries).bytes()
    }

    private static let hostileXML = [
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"8\"/><w:numId w:val=\"101\"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>",
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"-1\"/><w:numId w:val=\"999999999\"/></w:numPr></w:pPr></w:p>",
        "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"100000\"/><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>",
        "<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", "<w:tr><w:tc><w:p><w:r><w:t>ô</w:t></w:r></w:p></w:tc></w:tr>",
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>", "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>",
        "<w:r><w:instrText>PAGE</w:instrText></w:r>", "<w:r><w:t>&#x110000;&#xD800;&#0;&bogus;&</w:t></w:r>",
        "<![CDATA[", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaa\">]>", "<w:r><w:br/><w:br w:type=\"page\"/><w:tab/></w:r>",
        "<w:del><w:r><w:t>", "<mc:Fallback>", "<w:r><w:rPr><w:caps/></w:rPr><w:t>ǆǅ ß ﬁ</w:t></w:r>", "<", "\"'>", "<w:p/>",
    ]

    private static let hostileNumbering = [
        "<w:abstractNum w:abstractNumId=\"101\"><w:lvl w:ilvl=\"8\"><w:start w:val=\"999999999\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1%2%3%4%5%6%7%8%9%0%%\"/></w:lvl></w:abstractNum>",
        "<w:abstractNum w:abstractNumId=\"101\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"-5\"/><w:lvlRestart w:val=\"99\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>",
        "<w:num w:numId=\"101\"><w:abstractNumId w:val=\"101\"/><w:lvlOverride w:ilvl=\"99\"><w:startOverride w:val=\"7\"/></w:lvlOverride></w:num>",
        "<w:num w:numId=\"102\"><w:abstractNumId w:val=\"102\"/></w:num>", "<w:lvl w:ilvl=\"3\">", "</w:abstractNum>",
    ]

    /// A random offset just before a `<`, so that inserted XML lands between tags.
    private static func tagStart(in xml: [UInt8], _ random: inout SplitMix64) -> Int {
        var at = Int.random(in: 0...xml.count, using: &random)
        while at < xml.count, xml[at] != UInt8(ascii: "<") { at += 1 }
        return at
    }

    private static func range(in count: Int, maxLength: Int, _ random: inout SplitMix64) -> Range<Int> {
        guard count > 0 else { return 0..<0 }
        let lower = Int.random(in: 0..<count, using: &random)
        return lower..<min(count, lower + Int.random(in: 1...maxLength, using: &random))
    }

    private static func lastOffset(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        return stride(from: bytes.count - pattern.count, through: 0, by: -1).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}
