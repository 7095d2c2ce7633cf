/// DEFLATE (RFC 1951): stored, fixed-code and dynamic-code blocks, written out here because the
/// package takes no dependencies. Output never grows past the caller's limit, so a ZIP bomb or a
/// size that lies costs at most that much memory and time.
public enum Inflater {
    /// The whole stream, or an error. `expectedSize` only sizes the first allocation.
    public static func inflate(_ input: UnsafeRawBufferPointer, expectedSize: Int = 0, limit: Int) throws(InflateError) -> [UInt8] {
        let output = OutputBuffer(capacity: min(max(expectedSize, 4096), limit), limit: limit)
        try run(input, into: output)
        return output.bytes()
    }

    /// As much of the stream as decodes, and what stopped it early (nil when it ended well):
    /// for PDF streams, whose damaged tails still hold readable text before them.
    public static func inflatePrefix(_ input: UnsafeRawBufferPointer, limit: Int) -> (bytes: [UInt8], problem: InflateError?) {
        let output = OutputBuffer(capacity: min(max(input.count * 4, 4096), limit), limit: limit)
        do {
            try run(input, into: output)
            return (output.bytes(), nil)
        } catch {
            return (output.bytes(), error)
        }
    }

    private static func run(_ input: UnsafeRawBufferPointer, into output: OutputBuffer) throws(InflateError) {
        var reader = BitReader(input)
        var last = false
        while !last {
            last = try reader.take(1) == 1
            switch try reader.take(2) {
            case 0:
                try copyStored(input, &reader, output)
            case 1:
                try inflateBlock(&reader, output, literals: fixedLiterals, distances: fixedDistances)
            case 2:
                let (literals, distances) = try readDynamicCodes(&reader)
                try inflateBlock(&reader, output, literals: literals, distances: distances)
            default:
                throw .invalid("block type 3")
            }
            if reader.overran { throw .truncated }
        }
    }

    private static func copyStored(_ input: UnsafeRawBufferPointer, _ reader: inout BitReader, _ output: OutputBuffer) throws(InflateError) {
        let start = reader.alignToByte()
        guard start + 4 <= input.count else { throw .truncated }
        let length = Int(input[start]) | Int(input[start + 1]) << 8
        let complement = Int(input[start + 2]) | Int(input[start + 3]) << 8
        guard length == ~complement & 0xFFFF else { throw .invalid("a stored block whose length check fails") }
        guard start + 4 + length <= input.count else { throw .truncated }
        try output.append(UnsafeRawBufferPointer(rebasing: input[(start + 4)..<(start + 4 + length)]))
        reader.resume(at: start + 4 + length)
    }

    /// Literals, and lengths with their distances, until the end-of-block symbol.
    private static func inflateBlock(_ reader: inout BitReader, _ output: OutputBuffer,
                                     literals: HuffmanCode, distances: HuffmanCode) throws(InflateError) {
        while true {
            let symbol = try literals.decode(&reader)
            if symbol < 256 {
                try output.append(UInt8(truncatingIfNeeded: symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < lengthBase.count else { throw .invalid("length symbol \(symbol)") }
            // a length's and a distance's extra bits (at most 5 + 15 + 13) fit one refill
            if reader.count < 48 { try reader.refill() }
            let length = Int(lengthBase[lengthIndex]) + reader.takeBuffered(Int(lengthExtra[lengthIndex]))
            let distanceSymbol = try distances.decode(&reader)
            guard distanceSymbol < distanceBase.count else { throw .invalid("distance symbol \(distanceSymbol)") }
            if reader.count < 13 { try reader.refill() }
            let distance = Int(distanceBase[distanceSymbol]) + reader.takeBuffered(Int(distanceExtra[distanceSymbol]))
            try output.copy(distance: distance, length: length)
        }
    }

    /// A dynamic block's two codes, themselves sent as code lengths in a third code.
    private static func readDynamicCodes(_ reader: inout BitReader) throws(InflateError) -> (HuffmanCode, HuffmanCode) {
        let literalCount = try reader.take(5) + 257
        let distanceCount = try reader.take(5) + 1
        let lengthCodeCount = try reader.take(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .invalid("too many codes in a block header") }
        var lengthCodeLengths = [UInt8](repeating: 0, count: 19)
        for i in 0..<lengthCodeCount { lengthCodeLengths[Int(lengthCodeOrder[i])] = UInt8(try reader.take(3)) }
        guard let lengthCode = HuffmanCode(lengths: lengthCodeLengths[...]) else { throw .invalid("an over-full code-length code") }
        var lengths = [UInt8](repeating: 0, count: literalCount + distanceCount)
        var i = 0
        while i < lengths.count {
            let symbol = try lengthCode.decode(&reader)
            if symbol < 16 {
                lengths[i] = UInt8(symbol)
                i += 1
                continue
            }
            let (value, repeats): (UInt8, Int)
            switch symbol {
            case 16:
                guard i > 0 else { throw .invalid("a repeat with nothing before it") }
                (value, repeats) = (lengths[i - 1], 3 + (try reader.take(2)))
            case 17: (value, repeats) = (0, 3 + (try reader.take(3)))
            default: (value, repeats) = (0, 11 + (try reader.take(7)))
            }
            guard i + repeats <= lengths.count else { throw .invalid("code lengths past the end of the table") }
            for j in i..<(i + repeats) { lengths[j] = value }
            i += repeats
        }
        guard lengths[256] != 0 else { throw .invalid("a block with no end code") }
        guard let literals = HuffmanCode(lengths: lengths[0..<literalCount]),
              let distances = HuffmanCode(lengths: lengths[literalCount...]) else {
            throw .invalid("an over-full literal or distance code")
        }
        return (literals, distances)
    }

    private static let fixedLiterals = HuffmanCode(lengths: ([UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112)
                                                          + [UInt8](repeating: 7, count: 24) + [UInt8](repeating: 8, count: 8))[...])!
    private static let fixedDistances = HuffmanCode(lengths: [UInt8](repeating: 5, count: 30)[...])!

    private static let lengthCodeOrder: [UInt8] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    private static let lengthBase: [UInt16] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                               35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase: [UInt16] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                                 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra: [UInt8] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
}

extension BitReader {
    /// `n` bits already in the buffer (the caller refilled).
    @inline(__always)
    mutating func takeBuffered(_ n: Int) -> Int {
        let value = Int(bits & ((1 << UInt64(n)) - 1))
        consume(n)
        return value
    }
}
