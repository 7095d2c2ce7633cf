import Foundation
import KehoachExtract

/// A plan as JSON (docs/json.md): the field names of the gold annotations, keys in a stable
/// order, Vietnamese kept as is.
public enum PlanJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        guard let data = try? encoder(pretty: pretty).encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The encoder behind `encode`, for callers that must see a failure (a value that JSON
    /// cannot hold) rather than `{}`.
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
