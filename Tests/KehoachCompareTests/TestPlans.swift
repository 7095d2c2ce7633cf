import Foundation
import KehoachCompare
import KehoachExtract

/// Small plans built value by value (Plan has no public memberwise init: decode a skeleton,
/// then set its public fields), and the shipped corpus read from the repository.
enum TestPlans {
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) -> T {
        try! JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    static func plan(number: String? = nil, level: String? = nil, issuer: String? = nil, place: String? = nil,
                     period: String? = nil, source: String? = nil) -> Plan {
        var plan = decode(Plan.self, """
        {"metadata":{},"citations":[],"sections":[],"targets":[],"deadlines":[],"responsibilities":[],
         "objectives":[],"tables":[],"recipients":[],"diagnostics":[]}
        """)
        plan.source = source
        plan.metadata.number = number
        plan.metadata.level = level.flatMap { decode(Metadata.self, "{\"level\":\"\($0)\"}").level }
        plan.metadata.issuer = issuer
        plan.metadata.place = place
        plan.metadata.schoolYear = period
        plan.metadata.docType = "Kế hoạch"
        return plan
    }

    static func target(_ value: Double, _ comparator: KehoachExtract.Comparator = .equal, _ unit: String = "%", indicator: String?,
                       population: String? = nil, year: Int? = nil, aspirational: Bool = false, line: Int = 10,
                       quote: String? = nil) -> Target {
        var t = decode(Target.self, """
        {"line":1,"quote":"","value":0,"unit":"%","comparator":"=","aspirational":false,"text":"","section":[]}
        """)
        t.value = value
        t.comparator = comparator
        t.unit = unit
        t.indicator = indicator
        t.population = population
        t.year = year
        t.aspirational = aspirational
        t.line = line
        t.quote = quote ?? "\(value) \(unit) \(population ?? "")"
        t.text = t.quote
        return t
    }

    static func citation(_ number: String, type: String = "Kế hoạch", issuer: String? = nil, date: String? = nil, line: Int = 5) -> CitationRecord {
        var c = decode(CitationRecord.self, "{\"type\":\"\",\"number\":\"\",\"line\":0}")
        c.type = type
        c.number = number
        c.issuer = issuer
        c.date = date
        c.line = line
        return c
    }

    static func deadline(_ date: String?, kind: Deadline.Kind = .before, task: String, line: Int) -> Deadline {
        var d = decode(Deadline.self, "{\"line\":0,\"quote\":\"\",\"kind\":\"before\",\"task\":\"\",\"section\":[]}")
        d.date = date
        d.kind = kind
        d.task = task
        d.line = line
        d.quote = date ?? "hằng năm"
        return d
    }

    static func objective(_ text: String, line: Int) -> Objective {
        var o = decode(Objective.self, "{\"line\":0,\"text\":\"\",\"section\":[],\"targets\":[]}")
        o.text = text
        o.line = line
        return o
    }

    // MARK: the shipped corpus

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func corpusText(_ prefix: String) -> (path: String, text: String) {
        let dir = root.appendingPathComponent("corpus")
        let name = try! FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }.sorted()[0]
        let url = dir.appendingPathComponent(name)
        return ("corpus/\(name)", String(decoding: try! Data(contentsOf: url), as: UTF8.self))
    }

    /// 000 ward Lê Ích Mộc, 001 Phòng GDĐT An Lão, 002 school Xuân Tiến, 004 Phòng GDĐT Thủ Dầu Một.
    static func corpus(_ prefix: String, index: Int) -> ComparablePlan {
        let (path, text) = corpusText(prefix)
        return ComparablePlan(index: index, text: text, source: path)
    }

    static let shipped: [ComparablePlan] = ["000", "001", "002", "004"].enumerated().map { corpus($1, index: $0) }
}
