import KehoachExtract

/// The parsed plans of one snapshot, found by id: from their segments' plan packs, without
/// reading their texts again; a plan without a packed copy is parsed from what the store keeps.
/// Opening one maps the packs and lists the live plans once, so reading thousands of plans (the
/// children of an alignment) costs a look-up and a decode each.
public struct StoredPlans: Sendable {
    let store: CorpusStore
    public let snapshot: CorpusSnapshot
    private let locations: [PlanID: (segment: Int, plan: Int)]

    init(store: CorpusStore, snapshot: CorpusSnapshot) {
        self.store = store
        self.snapshot = snapshot
        locations = snapshot.locations()
    }

    public func contains(_ id: PlanID) -> Bool { locations[id] != nil }

    public func plan(_ id: PlanID) throws(CorpusError) -> Plan {
        // not live in this snapshot (a store that needs `reindex`): its text may still be there
        guard let (segment, ordinal) = locations[id] else { return try store.reparsedPlan(id) }
        if let plan = snapshot.packs[segment]?.plan(ordinal) { return plan }
        return try store.reparsedPlan(id)
    }
}
