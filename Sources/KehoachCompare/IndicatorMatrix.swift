import KehoachExtract
import KehoachGrammar

/// Indicator × plan: "who targets học bạ số, at what %?". One row per indicator that at least one
/// plan targets, in taxonomy order (grammars/indicators.grammar); one column per plan, in the
/// order given; a cell holds every target the plan sets for the indicator, in line order.
///
/// A plan with no target filed under a row's indicator may still state a number for it inside
/// a target filed under another ("100% cán bộ quản lý, giáo viên được cấp và sử dụng email
/// công vụ … và chữ ký số": official-email, yet also a digital-signature number). Such a target
/// is shown in that row too, marked as a `wording` entry — the same rule alignment uses.
/// Wording entries never add a row of their own.
public struct IndicatorMatrix: Codable, Sendable {
    public struct Entry: Codable, Sendable, Hashable {
        public var target: Target
        /// `indicator`: filed under the row's indicator; `wording`: filed under another, but
        /// its words name the row's indicator (only where the plan has no `indicator` entry).
        public var match: TargetAlignment.Match
    }

    public struct Row: Codable, Sendable {
        public var indicator: String
        /// The Vietnamese label of the taxonomy (the id itself for an indicator it lacks).
        public var label: String
        /// One cell per plan, in column order; empty where the plan sets no target.
        public var cells: [[Entry]]
    }

    /// What each plan holds, under the matrix.
    public struct Totals: Codable, Sendable, Hashable {
        public var targets: Int
        public var deadlines: Int
        /// Distinct units given duties (chủ trì or phối hợp).
        public var responsibleUnits: Int
        /// Targets with no indicator (or "other"): counted, not shown in a row.
        public var unclassifiedTargets: Int
    }

    public var plans: [PlanRef]
    public var rows: [Row]
    public var totals: [Totals]

    public init(_ plans: [ComparablePlan], indicators: IndicatorGrammar = Grammar.bundled.indicators) {
        self.plans = plans.map(\.ref)
        var order = indicators.indicators.map(\.id)
        var cellsByIndicator: [String: [[Entry]]] = [:]
        var totals: [Totals] = []
        for (column, comparable) in plans.enumerated() {
            let plan = comparable.plan
            var unclassified = 0
            for target in plan.targets {
                guard let id = target.indicator, id != IndicatorGrammar.other else { unclassified += 1; continue }
                if !order.contains(id) { order.append(id) }
                cellsByIndicator[id, default: Array(repeating: [], count: plans.count)][column].append(Entry(target: target, match: .indicator))
            }
            totals.append(Totals(targets: plan.targets.count, deadlines: plan.deadlines.count,
                                 responsibleUnits: Set(plan.responsibilities.map(\.unit)).count,
                                 unclassifiedTargets: unclassified))
        }
        // Wording entries, only in rows that exist and cells that are empty.
        for (column, comparable) in plans.enumerated() {
            var wording: [String: [Entry]] = [:]
            for target in comparable.plan.targets {
                for id in PlanTopics.indicatorsOutsideParentheses(in: target.quote, indicators: indicators)
                where id != target.indicator && id != IndicatorGrammar.other && cellsByIndicator[id] != nil && cellsByIndicator[id]![column].isEmpty {
                    wording[id, default: []].append(Entry(target: target, match: .wording))
                }
            }
            for (id, entries) in wording { cellsByIndicator[id]![column] = entries }
        }
        rows = order.compactMap { id in
            guard let cells = cellsByIndicator[id] else { return nil }
            return Row(indicator: id, label: indicators.label(of: id) ?? id,
                       cells: cells.map { cell in
                           cell.enumerated().sorted { ($0.element.target.line, $0.offset) < ($1.element.target.line, $1.offset) }.map(\.element)
                       })
        }
        self.totals = totals
    }

    /// The row of an indicator, if any plan targets it.
    public func row(_ indicator: String) -> Row? {
        rows.first { $0.indicator == indicator }
    }
}
