import Foundation
import KehoachCorpus
import KehoachExtract
import KehoachTestSupport

/// Plans for the export tests: the shipped plans read with the whole pipeline, and small plans
/// built value by value; and the lines read back as JSON.
enum ExportFixtures {
    /// The shipped plans, each with the summary the corpus would give it.
    static let shipped: [(summary: PlanSummary, plan: Plan)] = PackageFiles.planNames.map { name in
        let bytes = PackageFiles.plan(name)
        let plan = try! PlanReader().read(bytes, source: name + ".txt")
        return (PlanSummary(id: PlanID(content: bytes), source: name + ".txt", plan: plan), plan)
    }

    /// A plan with nothing in its header and the given targets.
    static func plan(targets: [Target]) -> (summary: PlanSummary, plan: Plan) {
        var plan = decode(Plan.self, """
        {"metadata":{},"citations":[],"sections":[],"targets":[],"deadlines":[],"responsibilities":[],
         "objectives":[],"tables":[],"recipients":[],"diagnostics":[]}
        """)
        plan.targets = targets
        let summary = PlanSummary(id: PlanID(content: Array("synthetic \(targets.count)".utf8)), source: "synthetic.txt", plan: plan)
        return (summary, plan)
    }

    static func target(quote: String, text: String, value: Double = 100, indicator: String? = "digital-signature") -> Target {
        var t = decode(Target.self, """
        {"line":7,"quote":"","value":0,"unit":"%","comparator":">=","aspirational":true,"text":"","section":["II","1"]}
        """)
        t.quote = quote
        t.text = text
        t.value = value
        t.indicator = indicator
        return t
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) -> T {
        try! JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    /// The bytes split at "\n"; the text after the last "\n" is returned as the last element
    /// (empty when the bytes end with a newline).
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    /// A JSON object read with Foundation's parser, nil when the line is not one.
    static func object(_ line: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any]
    }
}
