import KehoachExtract

/// How one parent target is carried by the child plan.
public struct TargetAlignment: Codable, Sendable {
    /// How the child target was found.
    public enum Match: String, Codable, Sendable {
        /// The child target has the parent target's indicator.
        case indicator
        /// The child target's own words name the indicator, though it was filed under another
        /// ("100% cán bộ quản lý, giáo viên … email công vụ … và chữ ký số").
        case wording
    }

    public enum Reason: String, Codable, Sendable {
        /// met: same indicator, comparable population, value at least as strict, due no later.
        case atLeastAsStrict
        /// weaker: the child's value does not reach the parent's.
        case lowerValue
        /// weaker: the child's target year is later than the parent's.
        case laterYear
        /// weaker: the child only strives for it ("phấn đấu") where the parent commits.
        case aspirationalOnly
        /// unquantified: the child's target for the indicator counts in another unit.
        case otherUnit
        /// unquantified: the child's target for the indicator counts another population.
        case otherPopulation
        /// unquantified: the child names the topic but sets no number for it.
        case namedWithoutNumber
        /// missing: the child does not name the topic.
        case notMentioned
    }

    public var status: AlignmentStatus
    public var reasons: [Reason]
    public var indicator: String
    public var parentTarget: Target
    /// The child target compared (met, weaker; unquantified in another unit or population).
    public var childTarget: Target?
    public var match: Match?
    /// For unquantified: where the child names the topic.
    public var evidence: TopicEvidence?
}

/// A child deadline later than the parent's for the same work.
public struct DeadlineConflict: Codable, Sendable, Hashable {
    public enum Basis: String, Codable, Sendable {
        /// Both tasks name the same indicator.
        case indicator
        /// The tasks share at least half their words.
        case wording
    }

    public var parent: Deadline
    public var child: Deadline
    public var basis: Basis
    /// The indicators both tasks name (basis `indicator`).
    public var indicators: [String]
}

/// Counts per status over the parent's classified targets, and the share met.
public struct Coverage: Codable, Sendable, Hashable {
    public var met = 0
    public var weaker = 0
    public var unquantified = 0
    public var missing = 0
    /// Child targets on indicators the parent does not target.
    public var extra = 0
    /// Parent targets aligned (those with an indicator).
    public var total = 0
    /// Parent targets with no indicator (or "other"), not aligned.
    public var unclassified = 0
    public var deadlineConflicts = 0

    /// met / total × 100; 0 when there is nothing to align.
    public var metPercent: Double { total == 0 ? 0 : Double(met) * 100 / Double(total) }

    public func count(_ status: AlignmentStatus) -> Int {
        switch status {
        case .met: return met
        case .weaker: return weaker
        case .unquantified: return unquantified
        case .missing: return missing
        case .extra: return extra
        }
    }

    enum CodingKeys: String, CodingKey {
        case met, weaker, unquantified, missing, extra, total, unclassified, deadlineConflicts, metPercent
    }

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        met = try c.decode(Int.self, forKey: .met)
        weaker = try c.decode(Int.self, forKey: .weaker)
        unquantified = try c.decode(Int.self, forKey: .unquantified)
        missing = try c.decode(Int.self, forKey: .missing)
        extra = try c.decode(Int.self, forKey: .extra)
        total = try c.decode(Int.self, forKey: .total)
        unclassified = try c.decode(Int.self, forKey: .unclassified)
        deadlineConflicts = try c.decode(Int.self, forKey: .deadlineConflicts)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(met, forKey: .met)
        try c.encode(weaker, forKey: .weaker)
        try c.encode(unquantified, forKey: .unquantified)
        try c.encode(missing, forKey: .missing)
        try c.encode(extra, forKey: .extra)
        try c.encode(total, forKey: .total)
        try c.encode(unclassified, forKey: .unclassified)
        try c.encode(deadlineConflicts, forKey: .deadlineConflicts)
        try c.encode((metPercent * 10).rounded() / 10, forKey: .metPercent)
    }
}

/// A parent plan against one child: every parent target's status, the child's extra targets,
/// deadline conflicts and a coverage summary.
public struct Alignment: Codable, Sendable {
    public var parent: PlanRef
    public var child: PlanRef
    /// How the pair was found.
    public var basis: PlanChain.Basis
    /// One per parent target with an indicator, in the parent's line order.
    public var results: [TargetAlignment]
    /// Child targets on indicators the parent does not target.
    public var extras: [Target]
    public var deadlineConflicts: [DeadlineConflict]
    public var coverage: Coverage
    /// The two plans cover different periods (school years or years): a later child date may
    /// simply be the next year's plan.
    public var periodsDiffer: Bool

    public func results(_ status: AlignmentStatus) -> [TargetAlignment] {
        results.filter { $0.status == status }
    }
}
