/// The WordprocessingML elements kehoach reacts to, known by their local name in the `w`
/// namespace. Everything else is walked through (its text still counts) or, when listed in
/// `WordPart.skipped`, jumped over.
enum WordElement: String, CaseIterable {
    // document.xml
    case p, pPr, pStyle, numPr, ilvl, numId, r, rPr, rStyle, t, tab, br, cr, noBreakHyphen, caps, vanish
    case del, moveFrom, delText, instrText, fldChar, fldSimple, drawing, pict, object, sectPr, txbxContent
    case footnoteReference, endnoteReference, commentReference
    case tbl, tblPr, tblStyle, tblBorders, tr, tc, tcPr, tcBorders, gridSpan, vMerge
    // numbering.xml
    case abstractNum, abstractNumId, num, lvl, start, numFmt, lvlText, lvlRestart, isLgl, suff, lvlOverride, startOverride
    // styles.xml
    case style, basedOn

    /// By length and first byte, then compared in full: no String is made per tag.
    private static let buckets: [Int: [(name: [UInt8], element: WordElement)]] = {
        var buckets: [Int: [(name: [UInt8], element: WordElement)]] = [:]
        for element in allCases {
            let name = Array(element.rawValue.utf8)
            buckets[key(name.count, name[0]), default: []].append((name, element))
        }
        return buckets
    }()

    private static func key(_ count: Int, _ first: UInt8) -> Int { count << 8 | Int(first) }

    init?(_ local: Range<Int>, in scanner: XMLScanner) {
        guard !local.isEmpty, let bucket = Self.buckets[Self.key(local.count, scanner.bytes[local.lowerBound])],
              let found = bucket.first(where: { scanner.bytesEqual(local, $0.name) }) else { return nil }
        self = found.element
    }
}
