import Foundation
import KehoachExtract
import KehoachText

/// A plan as JSON (docs/json.md): the field names of the gold annotations, keys in a stable
/// order, Vietnamese kept as is.
public enum PlanJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        guard let data = try? encoder(pretty: pretty).encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A plan: written directly (`Plan.jsonBytes`), the same bytes at a fraction of the cost.
    public static func encode(_ plan: Plan, pretty: Bool = true) -> String {
        String(decoding: plan.jsonBytes(pretty: pretty), as: UTF8.self)
    }

    public static func encode(_ plans: [Plan], pretty: Bool = true) -> String {
        var json = JSONWriter(pretty: pretty, capacity: plans.count * 32_768)
        json.beginArray()
        for plan in plans { plan.write(to: &json) }
        json.endArray()
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// The encoder behind `encode`, for callers that must see a failure (a value that JSON
    /// cannot hold) rather than `{}`.
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
