import KehoachExtract
import KehoachGrammar

/// Everything `compare`, `align` and `report` show, as one value the renderers read.
public struct ComparisonReport: Codable, Sendable {
    public var plans: [PlanRef]
    public var matrix: IndicatorMatrix?
    public var chain: PlanChain?
    public var alignments: [Alignment]

    public init(plans: [PlanRef], matrix: IndicatorMatrix? = nil, chain: PlanChain? = nil, alignments: [Alignment] = []) {
        self.plans = plans
        self.matrix = matrix
        self.chain = chain
        self.alignments = alignments
    }

    /// The matrix, the chain and an alignment for every parent → child link the chain finds.
    public static func full(_ plans: [ComparablePlan], grammar: Grammar = .bundled) -> ComparisonReport {
        let chain = PlanChain(plans, grammar: grammar)
        return ComparisonReport(plans: plans.map(\.ref), matrix: IndicatorMatrix(plans, indicators: grammar.indicators),
                                chain: chain, alignments: alignments(along: chain, plans, grammar: grammar))
    }

    /// One alignment per link of the chain (tree edges first), each parent prepared once.
    public static func alignments(along chain: PlanChain, _ plans: [ComparablePlan], grammar: Grammar = .bundled) -> [Alignment] {
        var byIndex: [Int: ComparablePlan] = [:]
        for p in plans { byIndex[p.index] = p }
        var aligners: [Int: Aligner] = [:]
        var out: [Alignment] = []
        for link in chain.allLinks {
            guard let parent = byIndex[link.parent], let child = byIndex[link.child] else { continue }
            let aligner = aligners[link.parent] ?? Aligner(parent: parent, grammar: grammar)
            aligners[link.parent] = aligner
            out.append(aligner.align(child, basis: link.basis))
        }
        return out
    }
}
