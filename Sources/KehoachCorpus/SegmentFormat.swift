/// The binary layout of an index segment (`.kehoach/index/seg-<generation>.khx`), written by
/// `SegmentBuilder` and read in place — memory-mapped, nothing decoded up front — by `Segment`.
/// All integers little-endian; a segment is immutable once written.
///
/// ```
/// header (128 bytes)
///   0  "KHIDX002"                      magic and version
///   8  u32 plans, u32 items, u32 targets, u32 terms
///  24  u64 total words of all items    (BM25 average length)
///  32  u64 offsets of: plans, items, targets, terms, postings; u64 postings length;
///      u64 strings offset, u64 strings length; u64 file length; u64 item heads offset
/// plans    80 bytes each: u64 id, str source, str number, str issuer, str folded issuer,
///          str title, str date, u32 first item, u32 items, u32 targets,
///          u16 first year, u16 last year (0 = none), u8 level (255 = none)
/// heads    8 bytes per item, what scoring and filtering read for every candidate, kept dense:
///          u32 plan, u16 words (clamped), u8 kind, u8 targets (clamped)
/// items    40 bytes each: u32 plan, u32 line, str text, str section labels (joined by U+001F),
///          u32 first target, u32 targets, u32 words, u8 kind
/// targets  40 bytes each: f64 value, u32 line, u32 item, str unit, str indicator,
///          u16 first year, u16 last year, u8 comparator, u8 aspirational
/// terms    16 bytes each, sorted by the term's bytes: u32 term offset, u32 term length
///          (in strings), u32 postings offset (in postings), u32 document frequency
/// postings per term: u32 number of skip entries, then that many (u32 item id before the
///          block, u32 byte offset of the block in the data), then the data: `df` pairs of
///          LEB128 varints (item id delta, term frequency). A block is `postingBlock` pairs;
///          lists no longer than one block have no skip entries.
/// strings  UTF-8 bytes; a `str` is u32 offset + u32 length, length 0xFFFFFFFF = none
/// ```
///
/// Terms are the folded words and abbreviation concepts of `TextAnalyzer`; a lookup is a binary
/// search over the fixed-width term table; intersecting posting lists jumps block to block
/// through the skip entries and decodes only the blocks it lands in.
enum SegmentFormat {
    static let magic: [UInt8] = Array("KHIDX002".utf8)
    static let headerSize = 128
    static let planSize = 80
    static let itemSize = 40
    static let headSize = 8
    static let postingBlock = 128
    static let targetSize = 40
    static let termSize = 16
    static let noString: UInt32 = 0xFFFF_FFFF
    static let noLevel: UInt8 = 0xFF
    static let sectionSeparator: Character = "\u{1F}"
    static let fileExtension = "khx"
}
