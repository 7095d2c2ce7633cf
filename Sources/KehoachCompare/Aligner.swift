import KehoachExtract
import KehoachGrammar
import KehoachText

/// Aligns one parent plan against any number of children (prepared once, so a Sở plan can be
/// checked against thousands of ward and school plans).
///
/// For each parent target with an indicator (not "other"):
/// - candidates are the child's targets with the same indicator, and those whose own words name
///   the indicator's terms (`Match.wording`);
/// - a candidate is *comparable* when its unit equals the parent's (`UnitKey`) and its
///   population is compatible (`Population.compatible`: either unknown, or a shared class);
/// - a comparable candidate is **met** when its value is at least as strict
///   (`Strictness.childIsAtLeastAsStrict`), its year is no later (compared only when both
///   targets state a year), and it is not merely aspirational where the parent commits;
///   otherwise **weaker**, with every reason that applies;
/// - a candidate in another unit or population is kept aside only when filed under the
///   indicator itself (a wording match that does not compare is dropped);
/// - the best candidate wins: the closest population first (both recognised, else the most
///   words in common: "tỷ lệ xác thực thành công ≥ 99%" is compared with "xác thực thành công
///   ≥ 98,5%", not with "100% hồ sơ"), then met before weaker, an indicator match before a
///   wording match, the nearest value, the earliest line;
/// - with no comparable candidate: **unquantified** when the child has a target for the
///   indicator in another unit or population (shown with it), or names the topic anywhere
///   (`PlanTopics`, shown with the line); else **missing**.
///
/// Extra: child targets whose indicator the parent does not target.
/// Deadline conflicts: see `DeadlineMatcher`.
public struct Aligner: Sendable {
    public let parent: ComparablePlan
    private let indicators: IndicatorGrammar
    private let parentTargets: [Target]
    private let parentPopulations: [PopulationProfile]
    private let parentIndicators: Set<String>
    private let deadlines: DeadlineMatcher

    public init(parent: ComparablePlan, grammar: Grammar = .bundled) {
        self.parent = parent
        indicators = grammar.indicators
        // Line order; targets of one line keep the order the plan states them.
        parentTargets = parent.plan.targets.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        parentPopulations = parentTargets.map { PopulationProfile($0.population) }
        parentIndicators = Set(parentTargets.compactMap(Self.classified))
        deadlines = DeadlineMatcher(parent: parent.plan.deadlines, indicators: grammar.indicators)
    }

    static func classified(_ target: Target) -> String? {
        guard let id = target.indicator, id != IndicatorGrammar.other else { return nil }
        return id
    }

    public func align(_ child: ComparablePlan, basis: PlanChain.Basis = .given) -> Alignment {
        let topics = PlanTopics(child, indicators: indicators)
        let childTargets = child.plan.targets
        // The indicators each child target's own words name (for wording matches).
        let named: [Set<String>] = childTargets.map { Set(PlanTopics.indicatorsOutsideParentheses(in: $0.quote, indicators: indicators)) }
        let populations = childTargets.map { PopulationProfile($0.population) }
        let units = childTargets.map { UnitKey.key($0.unit) }
        var results: [TargetAlignment] = []
        var coverage = Coverage()
        for (t, target) in parentTargets.enumerated() {
            guard let id = Self.classified(target) else { coverage.unclassified += 1; continue }
            let result = alignTarget(target, population: parentPopulations[t], indicator: id, childTargets: childTargets,
                                     units: units, populations: populations, named: named, topics: topics)
            switch result.status {
            case .met: coverage.met += 1
            case .weaker: coverage.weaker += 1
            case .unquantified: coverage.unquantified += 1
            case .missing: coverage.missing += 1
            case .extra: break
            }
            coverage.total += 1
            results.append(result)
        }
        let extras = childTargets.filter { t in Self.classified(t).map { !parentIndicators.contains($0) } ?? false }
        coverage.extra = extras.count
        let conflicts = deadlines.conflicts(with: child.plan.deadlines)
        coverage.deadlineConflicts = conflicts.count
        let pp = parent.ref.period, cp = child.ref.period
        return Alignment(parent: parent.ref, child: child.ref, basis: basis, results: results, extras: extras,
                         deadlineConflicts: conflicts, coverage: coverage,
                         periodsDiffer: pp != nil && cp != nil && pp != cp)
    }

    private struct Candidate {
        var target: Target
        var match: TargetAlignment.Match
        var reasons: [TargetAlignment.Reason]
        var met: Bool { reasons == [.atLeastAsStrict] }
        /// 1 when both populations are recognised (and share a class); otherwise how alike
        /// their words are (Jaccard), so "xác thực thành công" finds "xác thực thành công".
        var affinity: Double
        var distance: Double
    }

    private func alignTarget(_ p: Target, population: PopulationProfile, indicator id: String, childTargets: [Target], units: [String],
                             populations: [PopulationProfile], named: [Set<String>], topics: PlanTopics) -> TargetAlignment {
        var comparable: [Candidate] = []
        var incomparable: [(Target, TargetAlignment.Match, TargetAlignment.Reason)] = []
        let unit = UnitKey.key(p.unit)
        for (i, c) in childTargets.enumerated() {
            let match: TargetAlignment.Match
            if c.indicator == id { match = .indicator } else if named[i].contains(id) { match = .wording } else { continue }
            // A target in another unit or population is shown only when filed under the
            // indicator itself; a wording match that does not compare is left out.
            guard units[i] == unit else {
                if match == .indicator { incomparable.append((c, match, .otherUnit)) }
                continue
            }
            guard population.isCompatible(with: populations[i]) else {
                if match == .indicator { incomparable.append((c, match, .otherPopulation)) }
                continue
            }
            var reasons: [TargetAlignment.Reason] = []
            if !Strictness.childIsAtLeastAsStrict(child: c, parent: p) { reasons.append(.lowerValue) }
            if let py = p.year, let cy = c.year, cy > py { reasons.append(.laterYear) }
            if c.aspirational && !p.aspirational { reasons.append(.aspirationalOnly) }
            if reasons.isEmpty { reasons = [.atLeastAsStrict] }
            comparable.append(Candidate(target: c, match: match, reasons: reasons,
                                        affinity: population.affinity(with: populations[i]),
                                        distance: abs(c.value - p.value)))
        }
        let best = comparable.min { a, b in
            if a.affinity != b.affinity { return a.affinity > b.affinity }
            if a.met != b.met { return a.met }
            if a.match != b.match { return a.match == .indicator }
            if a.distance != b.distance { return a.distance < b.distance }
            return a.target.line < b.target.line
        }
        if let best {
            return TargetAlignment(status: best.met ? .met : .weaker, reasons: best.reasons, indicator: id,
                                   parentTarget: p, childTarget: best.target, match: best.match, evidence: nil)
        }
        if let (c, match, reason) = incomparable.min(by: { $0.0.line < $1.0.line }) {
            return TargetAlignment(status: .unquantified, reasons: [reason], indicator: id, parentTarget: p,
                                   childTarget: c, match: match, evidence: topics.evidence(for: id))
        }
        if let evidence = topics.evidence(for: id) {
            return TargetAlignment(status: .unquantified, reasons: [.namedWithoutNumber], indicator: id,
                                   parentTarget: p, childTarget: nil, match: nil, evidence: evidence)
        }
        return TargetAlignment(status: .missing, reasons: [.notMentioned], indicator: id, parentTarget: p,
                               childTarget: nil, match: nil, evidence: nil)
    }
}
