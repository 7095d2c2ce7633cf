/// A plan's identity in the corpus: a hash of its original bytes, so that importing the same
/// file twice is recognised whatever its name. FNV-1a (64 bits): a fingerprint for finding
/// duplicates, not a security measure.
public struct PlanID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(content bytes: [UInt8]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        rawValue = String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The short form people type: the first 8 hex digits.
    public var short: String { String(rawValue.prefix(8)) }

    public var description: String { rawValue }

    public static func < (a: PlanID, b: PlanID) -> Bool { a.rawValue < b.rawValue }
}
