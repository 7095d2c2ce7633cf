/// zlib-wrapped DEFLATE (RFC 1950), as PDF's FlateDecode filter holds it: a two-byte header
/// before the DEFLATE data and a checksum after it, which PDF writers often get wrong and
/// readers do not check.
public enum ZlibStream {
    /// As much as decodes, and what stopped it early, if anything.
    public static func inflatePrefix(_ bytes: UnsafeRawBufferPointer, limit: Int) -> (bytes: [UInt8], problem: InflateError?) {
        // a header is CMF (method 8 in the low nibble) and FLG, together a multiple of 31;
        // some writers leave it out, and then the data starts at once
        var start = 0
        if bytes.count >= 2, bytes[0] & 0x0F == 8, (UInt16(bytes[0]) << 8 | UInt16(bytes[1])) % 31 == 0 {
            start = bytes[1] & 0x20 != 0 ? 6 : 2
        }
        guard start <= bytes.count else { return ([], .truncated) }
        return Inflater.inflatePrefix(UnsafeRawBufferPointer(rebasing: bytes[start...]), limit: limit)
    }
}
