import Foundation
import KehoachExtract

/// A plan as JSON (docs/json.md): the field names of the gold annotations, keys in a stable
/// order, Vietnamese kept as is.
public enum PlanJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
