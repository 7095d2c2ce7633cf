import KehoachExtract
import KehoachGrammar
import KehoachText

/// Which plan carries which down the chain Sở → ward → school (DESIGN.md section 4), as a forest.
///
/// 1. **Citation** (the strong link): a plan citing number N is a child of the plan in the set
///    whose own number is N (compared by `DocumentNumberKey`: spaces removed, uppercase, Đ → D),
///    provided the cited plan stands higher (or either level is unknown). A plan citing its own
///    office's earlier plan at the same level is not its child. When a plan cites several plans
///    of the set, the nearest level above it is its parent; the others are kept as `otherLinks`.
/// 2. **Place** (modest, only for a plan no citation links): a plan at a known level is a child
///    of a plan at a higher known level when its issuer, place, title or the issuers it cites
///    name the upper plan's own place as whole words ("… huyện An Lão", "Sở GDĐT Hải Phòng").
///    There is no gazetteer: a ward that never names its district is not linked. The nearest
///    level wins; then the first plan in input order.
///
/// Cited *Kế hoạch* of a level above the citing plan (read from the cited issuer, else from the
/// symbol: SGD, PGD, BGD, UBND) that are not in the set are listed as `notImported`. A people's
/// committee's plan (`/KH-UBND`) at the same level as a citing office (a Phòng GDĐT citing its
/// UBND huyện) counts as above it.
public struct PlanChain: Codable, Sendable {
    public enum Basis: String, Codable, Sendable {
        case citation, place
        /// Named by the user (`--parent`/`--child`).
        case given
    }

    public struct Link: Codable, Sendable, Hashable {
        public var parent: Int
        public var child: Int
        public var basis: Basis
        /// The child's line that cites the parent (citation links).
        public var line: Int?
        /// The cited number, or the place name that linked them.
        public var detail: String
    }

    /// A cited higher-level plan that is not in the set.
    public struct MissingPlan: Codable, Sendable, Hashable {
        /// The citing plan.
        public var plan: Int
        public var citation: CitationRecord
        public var level: PlanLevel?
    }

    public var plans: [PlanRef]
    /// Tree edges: each plan has at most one parent.
    public var links: [Link]
    /// Further citation links among the set that the tree does not use.
    public var otherLinks: [Link]
    public var notImported: [MissingPlan]

    public init(_ plans: [ComparablePlan], grammar: Grammar = .bundled) {
        self.plans = plans.map(\.ref)
        let issuers = IssuerLevel(header: grammar.header)
        var byNumber: [String: [Int]] = [:]
        for (i, p) in plans.enumerated() {
            if let number = p.plan.metadata.number { byNumber[DocumentNumberKey.key(number), default: []].append(i) }
        }
        func rank(_ i: Int) -> Int? { plans[i].plan.metadata.level?.rank }
        func isAbove(_ parent: Int, _ child: Int) -> Bool {
            guard let p = rank(parent), let c = rank(child) else { return true }
            return p < c
        }
        var parentOf: [Int: Link] = [:]
        var others: [Link] = []
        var missing: [MissingPlan] = []
        for (c, child) in plans.enumerated() {
            var candidates: [Link] = []
            for citation in child.plan.citations {
                let key = DocumentNumberKey.key(citation.number)
                if let cited = byNumber[key] {
                    for p in cited where p != c && isAbove(p, c) {
                        let link = Link(parent: plans[p].index, child: plans[c].index, basis: .citation, line: citation.line, detail: citation.number)
                        if !candidates.contains(where: { $0.parent == link.parent }) { candidates.append(link) }
                    }
                    continue
                }
                guard Folding.matchKey(citation.type).hasPrefix("kế hoạch") else { continue }
                let reading = issuers.reading(issuer: citation.issuer, number: citation.number)
                let codeNamesChain = ["SGD", "PGD", "BGD", "UBND"].contains { DocumentNumberKey.key(citation.number).contains($0) }
                let childLevel = child.plan.metadata.level
                let childIsCommittee = child.plan.metadata.issuer.flatMap { issuers.fromName($0) }?.isLocalGovernment ?? false
                let above: Bool
                if let cited = reading.level, let own = childLevel {
                    above = cited < own || (cited == own && reading.isLocalGovernment && !childIsCommittee)
                } else {
                    above = childLevel == nil ? codeNamesChain : (reading.isLocalGovernment && codeNamesChain && !childIsCommittee)
                }
                if above && (codeNamesChain || reading.level != nil) {
                    missing.append(MissingPlan(plan: plans[c].index, citation: citation, level: reading.level))
                }
            }
            // The nearest level above wins; unknown levels after known ones; then citation order.
            let ordered = candidates.enumerated().sorted { a, b in
                let ra = plans.firstIndex { $0.index == a.element.parent }.flatMap(rank) ?? -1
                let rb = plans.firstIndex { $0.index == b.element.parent }.flatMap(rank) ?? -1
                return ra != rb ? ra > rb : a.offset < b.offset
            }.map(\.element)
            if let first = ordered.first { parentOf[c] = first }
            others += ordered.dropFirst()
        }
        // Place links for plans no citation links.
        for (c, child) in plans.enumerated() where parentOf[c] == nil {
            guard let childRank = rank(c) else { continue }
            let locality = issuers.localityText(of: child.plan)
            var best: (rank: Int, p: Int, name: String)? = nil
            for (p, parent) in plans.enumerated() where p != c {
                guard let parentRank = rank(p), parentRank < childRank else { continue }
                guard let name = issuers.placeNames(of: parent.plan).first(where: { locality.contains(" \($0) ") }) else { continue }
                if best == nil || parentRank > best!.rank { best = (parentRank, p, name) }
            }
            if let best {
                parentOf[c] = Link(parent: plans[best.p].index, child: plans[c].index, basis: .place, line: nil, detail: best.name)
            }
        }
        // No cycles: drop an edge whose parent already descends from the child.
        var links: [Link] = []
        var accepted: [Int: Int] = [:]  // child index → parent index (ref indexes)
        for c in plans.indices {
            guard let link = parentOf[c] else { continue }
            var ancestor: Int? = link.parent
            var cycle = false
            var steps = 0
            while let a = ancestor, steps <= plans.count {
                if a == link.child { cycle = true; break }
                ancestor = accepted[a]
                steps += 1
            }
            if cycle { others.append(link); continue }
            accepted[link.child] = link.parent
            links.append(link)
        }
        self.links = links
        otherLinks = others
        notImported = missing
    }

    /// Plans with no parent in the set, in input order.
    public var roots: [Int] {
        plans.map(\.index).filter { parent(of: $0) == nil }
    }

    public func parent(of plan: Int) -> Int? {
        links.first { $0.child == plan }?.parent
    }

    public func children(of plan: Int) -> [Int] {
        links.filter { $0.parent == plan }.map(\.child)
    }

    public func link(child: Int) -> Link? {
        links.first { $0.child == child }
    }

    public func ref(_ index: Int) -> PlanRef? {
        plans.first { $0.index == index }
    }

    /// Every parent → child pair the chain finds: tree edges, then the other citation links.
    public var allLinks: [Link] { links + otherLinks }
}
