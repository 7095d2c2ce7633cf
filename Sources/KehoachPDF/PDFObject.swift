/// A PDF object (ISO 32000-1, 7.3), as read from the file or a content stream. A stream keeps
/// its dictionary and where its raw bytes lie; `keyword` carries content-stream operators and
/// the file's own words (`obj`, `stream`).
indirect enum PDFObject: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case name(String)
    case string([UInt8])
    case array([PDFObject])
    case dictionary([String: PDFObject])
    case reference(Int)
    case stream([String: PDFObject], Range<Int>)
    case keyword(String)

    var number: Double? { if case .number(let n) = self { n } else { nil } }
    var int: Int? { number.flatMap { $0.isFinite && abs($0) < 1e15 ? Int($0) : nil } }
    var name: String? { if case .name(let n) = self { n } else { nil } }
    var array: [PDFObject]? { if case .array(let a) = self { a } else { nil } }
    var string: [UInt8]? { if case .string(let s) = self { s } else { nil } }

    /// A dictionary's entries, or a stream's.
    var dictionary: [String: PDFObject]? {
        switch self {
        case .dictionary(let d), .stream(let d, _): return d
        default: return nil
        }
    }

    subscript(key: String) -> PDFObject? { dictionary?[key] }
}
