import KehoachExtract
import KehoachGrammar
import KehoachText

/// A plan as the compare stage sees it: the extracted `Plan`, its position in the set being
/// compared, and — when the caller has it — the plan's normalized text, so that "does the lower
/// plan name this topic at all?" can look at every paragraph, not only the items `Plan` keeps
/// (objectives, targets, deadline tasks, section titles).
public struct ComparablePlan: Sendable {
    /// Position in the set being compared; reports refer to plans by it.
    public let index: Int
    public let plan: Plan
    /// The plan's lines (as `SourceText` holds them), or nil when only the `Plan` is known.
    public let lines: [SourceLine]?

    public init(index: Int, plan: Plan, lines: [SourceLine]? = nil) {
        self.index = index
        self.plan = plan
        self.lines = lines
    }

    /// Reads a plan from its text with the whole pipeline (`PlanReader`), keeping its lines.
    public init(index: Int, text: String, source: String? = nil, reader: PlanReader = PlanReader()) {
        let lines = SourceText(text).lines
        self.init(index: index, plan: reader.read(text: text, source: source), lines: lines)
    }

    public var ref: PlanRef { PlanRef(index: index, plan: plan) }
}

/// What a report says about a plan to name it: enough for a column header or a tree node.
public struct PlanRef: Codable, Sendable, Hashable {
    public var index: Int
    public var source: String?
    public var number: String?
    public var docType: String?
    public var level: PlanLevel?
    public var issuer: String?
    public var place: String?
    public var date: String?
    /// The period the plan covers: its school year ("2025-2026"), else its year ("2026").
    public var period: String?
    public var title: String?

    public init(index: Int, plan: Plan) {
        let m = plan.metadata
        self.index = index
        source = plan.source
        number = m.number
        docType = m.docType
        level = m.level
        issuer = m.issuer
        place = m.place
        date = m.date
        period = m.schoolYear ?? m.year.map(String.init)
        title = m.title
    }
}

/// Document numbers compared as any typist may print them: "7462 /KH-SGDĐT" = "7462/KH-SGDDT".
public enum DocumentNumberKey {
    /// Spaces removed, uppercase, Đ → D.
    public static func key(_ number: String) -> String {
        String(number.uppercased().compactMap { c -> Character? in
            if c == " " || c == "\t" || c == "\u{00A0}" { return nil }
            return c == "Đ" ? "D" : c
        })
    }
}
