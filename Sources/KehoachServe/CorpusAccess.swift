#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import KehoachCompare
import KehoachCorpus
import KehoachExtract
import KehoachText

/// The corpus as the pages read it: one snapshot and its plan list, kept while the manifest
/// stays the same file (a commit renames a new one into place, so its inode or time changes)
/// and opened again after an import, whoever made it. Safe to use from many connections.
public final class CorpusAccess: @unchecked Sendable {
    public let store: CorpusStore
    private let lock = NSLock()
    private var cached: Current?

    /// One state of the corpus, with what pages compute from it once.
    public final class Current: @unchecked Sendable {
        public let stamp: [Int]
        public let snapshot: CorpusSnapshot
        public let plans: [PlanSummary]
        private let lock = NSLock()
        private var suggestionsCache: ChainSuggestions?

        init(stamp: [Int], snapshot: CorpusSnapshot) {
            self.stamp = stamp
            self.snapshot = snapshot
            plans = snapshot.plans()
        }

        /// The chain among the stored plans (computed once per corpus state, for at most
        /// `ChainSuggestions.limit` plans).
        func suggestions(_ compute: () -> ChainSuggestions) -> ChainSuggestions {
            lock.lock(); defer { lock.unlock() }
            if let s = suggestionsCache { return s }
            let s = compute()
            suggestionsCache = s
            return s
        }
    }

    public init(store: CorpusStore) {
        self.store = store
    }

    /// The manifest's identity: inode, size, modification time; zeros when there is none.
    private func stamp() -> [Int] {
        var info = stat()
        guard stat(store.layout.manifest, &info) == 0 else { return [0, 0, 0, 0] }
        return [Int(info.st_ino), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
    }

    public func current() throws(CorpusError) -> Current {
        let now = stamp()
        lock.lock()
        if let c = cached, c.stamp == now { lock.unlock(); return c }
        lock.unlock()
        let fresh = Current(stamp: now, snapshot: try store.snapshot())
        lock.lock()
        cached = fresh
        lock.unlock()
        return fresh
    }

    /// A stored plan ready to compare: its Plan and the lines of its stored text.
    public func comparable(_ id: PlanID, index: Int, plans: StoredPlans) throws(CorpusError) -> ComparablePlan {
        let plan = try plans.plan(id)
        return ComparablePlan(index: index, plan: plan, lines: try lines(id))
    }

    /// The stored text's lines, numbered as the plan's line numbers count them.
    public func lines(_ id: PlanID) throws(CorpusError) -> [SourceLine] {
        guard let bytes = try store.text(id) else { return [] }
        guard let decoded = try? TextDecoder.decode(bytes) else { return [] }
        return Normalizer.normalize(decoded).lines
    }
}

/// What the chain suggests to compare: each parent with its children among the stored plans.
public struct ChainSuggestions: Sendable {
    public struct Family: Sendable {
        public var parent: PlanSummary
        public var children: [PlanSummary]
    }

    /// Past this many plans the chain is not built for suggestions (reading every plan per
    /// corpus state would cost seconds); plans are then picked by hand.
    public static let limit = 300

    public var families: [Family]
    /// False when the corpus had more than `limit` plans.
    public var computed: Bool
    /// Cited plans that are not in the corpus, as the report words them.
    public var notImported: [(plan: PlanSummary, citation: String)]
}
