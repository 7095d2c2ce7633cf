import KehoachExtract

/// A plan as the search index holds it: its summary and its searchable items, each with what a
/// result line needs (so a search never re-reads or re-parses a plan).
public struct IndexedPlan: Sendable, Equatable {
    public var summary: PlanSummary
    public var items: [IndexedItem]

    public init(summary: PlanSummary, items: [IndexedItem]) {
        self.summary = summary
        self.items = items
    }

    /// The searchable items of a plan: each paragraph that states targets (with its targets),
    /// each objective, each deadline's task and each section title — one item per distinct
    /// text within a section, in line order.
    public init(id: PlanID, source: String, plan: Plan) {
        let summary = PlanSummary(id: id, source: source, plan: plan)
        var items: [IndexedItem] = []
        var index: [ItemKey: Int] = [:]
        func add(_ kind: IndexedItem.Kind, line: Int, text: String, section: [String]) -> Int {
            let key = ItemKey(section: section, text: text)
            if let i = index[key] { return i }
            items.append(IndexedItem(kind: kind, line: line, section: section, text: text, targets: []))
            index[key] = items.count - 1
            return items.count - 1
        }
        for target in plan.targets {
            let i = add(.paragraph, line: target.line, text: target.text, section: target.section)
            var years: ClosedRange<Int>? = summary.years
            if let y = target.year { years = y...y }
            items[i].targets.append(IndexedTarget(line: target.line, value: target.value, unit: target.unit,
                                                  comparator: target.comparator, aspirational: target.aspirational,
                                                  indicator: target.indicator, years: years))
        }
        for objective in plan.objectives where !objective.text.isEmpty {
            _ = add(.paragraph, line: objective.line, text: objective.text, section: objective.section)
        }
        for deadline in plan.deadlines where !deadline.task.isEmpty {
            _ = add(.paragraph, line: deadline.line, text: deadline.task, section: deadline.section)
        }
        func visit(_ sections: [SectionRecord], _ path: [String]) {
            for s in sections {
                let here = path + [s.label]
                if !s.title.isEmpty { _ = add(.section, line: s.line, text: s.title, section: here) }
                visit(s.children, here)
            }
        }
        visit(plan.sections, [])
        items.sort { ($0.line, $0.kind.rawValue) < ($1.line, $1.kind.rawValue) }
        self.init(summary: summary, items: items)
    }

    private struct ItemKey: Hashable {
        var section: [String]
        var text: String
    }
}

/// A searchable piece of a plan: a section title or a paragraph, and the targets it states.
public struct IndexedItem: Sendable, Equatable {
    public enum Kind: UInt8, Sendable, Codable {
        case paragraph = 0
        case section = 1
    }

    public var kind: Kind
    public var line: Int
    /// Section labels, outermost first: ["II", "2", "2.1"].
    public var section: [String]
    public var text: String
    public var targets: [IndexedTarget]

    public init(kind: Kind, line: Int, section: [String], text: String, targets: [IndexedTarget]) {
        self.kind = kind
        self.line = line
        self.section = section
        self.text = text
        self.targets = targets
    }
}

/// A target as a search result shows and filters it.
public struct IndexedTarget: Sendable, Equatable {
    public var line: Int
    public var value: Double
    public var unit: String
    public var comparator: Comparator
    public var aspirational: Bool
    public var indicator: String?
    /// The year it is due, else the plan's years.
    public var years: ClosedRange<Int>?

    public init(line: Int, value: Double, unit: String, comparator: Comparator, aspirational: Bool,
                indicator: String?, years: ClosedRange<Int>?) {
        self.line = line
        self.value = value
        self.unit = unit
        self.comparator = comparator
        self.aspirational = aspirational
        self.indicator = indicator
        self.years = years
    }
}
