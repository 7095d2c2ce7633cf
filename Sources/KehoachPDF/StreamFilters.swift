import KehoachZip

/// A stream's filters undone (ISO 32000-1, 7.4): FlateDecode, with the PNG predictors that
/// cross-reference streams use; ASCIIHexDecode. Other filters (images: DCT, JBIG2, CCITT;
/// the rare LZW and ASCII85) give nil, and the stream's text is not read.
enum StreamFilters {
    /// Per stream, so that one stream cannot take all memory; a damaged Flate stream gives what
    /// it decoded before the damage.
    static let maxDecodedSize = 64 << 20

    static func decode(_ raw: ArraySlice<UInt8>, filters: [String], parameters: [[String: PDFObject]]) -> [UInt8]? {
        var data = Array(raw)
        for (i, filter) in filters.enumerated() {
            switch filter {
            case "FlateDecode", "Fl":
                data = data.withUnsafeBytes { ZlibStream.inflatePrefix($0, limit: maxDecodedSize).bytes }
                let parms = i < parameters.count ? parameters[i] : [:]
                if let predictor = parms["Predictor"]?.int, predictor >= 10 {
                    data = unpredictPNG(data, columns: parms["Columns"]?.int ?? 1, colors: parms["Colors"]?.int ?? 1,
                                        bits: parms["BitsPerComponent"]?.int ?? 8)
                }
            case "ASCIIHexDecode", "AHx":
                var reader = PDFSyntax([UInt8(ascii: "<")] + data)
                data = reader.object()?.string ?? []
            default:
                return nil
            }
        }
        return data
    }

    /// PNG row filters (None, Sub, Up, Average, Paeth), one filter byte before each row.
    private static func unpredictPNG(_ data: [UInt8], columns: Int, colors: Int, bits: Int) -> [UInt8] {
        let pixel = max(1, (colors * bits + 7) / 8)
        let row = (columns * colors * bits + 7) / 8
        guard row > 0, row < 1 << 20 else { return data }
        var out: [UInt8] = []
        out.reserveCapacity(data.count)
        var previous = [UInt8](repeating: 0, count: row)
        var at = 0
        while at + 1 + row <= data.count {
            let type = data[at]
            var current = Array(data[(at + 1)..<(at + 1 + row)])
            for i in 0..<row {
                let left = i >= pixel ? Int(current[i - pixel]) : 0
                let up = Int(previous[i])
                let upLeft = i >= pixel ? Int(previous[i - pixel]) : 0
                let add: Int
                switch type {
                case 1: add = left
                case 2: add = up
                case 3: add = (left + up) / 2
                case 4:
                    let p = left + up - upLeft
                    let (pa, pb, pc) = (abs(p - left), abs(p - up), abs(p - upLeft))
                    add = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
                default: add = 0
                }
                current[i] = UInt8(truncatingIfNeeded: Int(current[i]) + add)
            }
            out += current
            previous = current
            at += 1 + row
        }
        return out
    }
}
