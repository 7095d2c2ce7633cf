#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import KehoachExtract
import KehoachGrammar
import KehoachText

/// A corpus of plans in a folder (layout: `CorpusLayout`), and the only type that touches its
/// files.
///
/// **Durability.** The texts are the source of truth; plan packs and index segments are derived.
/// Every file is written atomically (temporary file in the same folder, fsync, rename, fsync of
/// the folder). An import writes, in order: the texts and the original documents, the plan
/// pack, a new index segment, and last the manifest — the commit point. A crash (even kill -9) before the manifest is renamed
/// leaves files the manifest does not reach: readers ignore them, the next writer deletes the
/// temporary ones and stray segments, and `reindex` the stray texts. So the corpus is the one
/// before the import or the one after, never a mix. Files of replaced or removed plans are
/// deleted only after the commit.
///
/// **Concurrency.** A writer (import, remove, reindex) holds an exclusive `flock` on
/// `.kehoach/lock` while it reads the manifest, decides and commits, so two imports at once
/// serialise and neither loses the other's plans (each re-reads the manifest under the lock).
/// Parsing happens before taking the lock. Readers take no lock: a snapshot maps the segments the
/// manifest names, and writers never modify a file in place.
public struct CorpusStore: Sendable {
    /// Points of a write at which a test (or `KEHOACH_CRASH_AT`) can simulate a crash.
    public enum Step: String, Sendable, CaseIterable {
        case textsWritten = "after-texts"
        case plansWritten = "after-plans"
        case segmentWritten = "after-segment"
        case manifestWritten = "after-manifest"
    }

    public let layout: CorpusLayout
    public let reader: PlanReader
    let analyzer: TextAnalyzer
    /// Plans per commit during an import (each commit adds one segment).
    public var batchSize = 1000
    var mergePolicy = MergePolicy()
    /// Called at each `Step` of a write; throwing (or killing the process) there simulates a crash.
    public var checkpoint: (@Sendable (Step) throws -> Void)? = nil
    /// Called when another process holds the write lock and this one has to wait.
    public var waitingForLock: (@Sendable () -> Void)? = nil

    public init(directory: String, grammar: Grammar = .bundled) {
        layout = CorpusLayout(directory: directory)
        reader = PlanReader(grammar: grammar)
        analyzer = TextAnalyzer(grammar: grammar)
    }

    // MARK: reading

    /// The corpus as of its last commit. A corpus that does not exist yet is empty.
    public func snapshot() throws(CorpusError) -> CorpusSnapshot {
        for _ in 0..<8 {
            guard let manifest = try readManifest() else {
                let hasTexts = StoreFiles.list(layout.texts).contains { $0.hasSuffix(".txt") }
                return CorpusSnapshot(segments: [], manifest: Manifest(), analyzer: analyzer, needsReindex: hasTexts)
            }
            // A writer may merge and delete a segment between our reading the manifest and
            // opening it; then read the newer manifest.
            if let segments = try openSegments(manifest) {
                return CorpusSnapshot(segments: segments, manifest: manifest, analyzer: analyzer, packs: openPacks(manifest))
            }
        }
        throw .io("\(layout.root): the corpus kept changing while being read; try again")
    }

    /// The parsed plan: from its segment's plan pack, else parsed again from its text. To read
    /// many, open `storedPlans()` once.
    public func plan(_ id: PlanID) throws(CorpusError) -> Plan {
        try storedPlans().plan(id)
    }

    /// The stored plans as of the last commit, each found by id without a scan.
    public func storedPlans() throws(CorpusError) -> StoredPlans {
        StoredPlans(store: self, snapshot: try snapshot())
    }

    /// A plan parsed again from what the store keeps of it: a store from before plan packs may
    /// still hold its JSON; else its original document or its text.
    func reparsedPlan(_ id: PlanID) throws(CorpusError) -> Plan {
        if let data = try? StoreFiles.contents(layout.plan(id)),
           let plan = try? JSONDecoder().decode(Plan.self, from: Data(data)) {
            return plan
        }
        guard let (bytes, path) = try source(id) else { throw .notFound(id.rawValue) }
        do {
            return try reader.read(bytes, source: (path as NSString).lastPathComponent)
        } catch {
            throw .damaged("\(path): \(error)")
        }
    }

    /// The stored text of a plan: the file's bytes, or the text read from its Word or PDF file.
    public func text(_ id: PlanID) throws(CorpusError) -> [UInt8]? {
        try io { () throws(StoreFiles.Failure) in try StoreFiles.contents(layout.text(id)) }
    }

    /// The Word or PDF file a plan was imported from, and its format; nil for a text.
    public func original(_ id: PlanID) throws(CorpusError) -> (bytes: [UInt8], format: OriginalFormat)? {
        for format in OriginalFormat.allCases {
            if let bytes = try io({ () throws(StoreFiles.Failure) in try StoreFiles.contents(layout.original(id, format: format)) }) {
                return (bytes, format)
            }
        }
        return nil
    }

    /// What a plan is parsed from again: its original document when it has one (the text alone
    /// has lost the map back to the document), else its text; with the file's path.
    func source(_ id: PlanID) throws(CorpusError) -> (bytes: [UInt8], path: String)? {
        if let original = try original(id) { return (original.bytes, layout.original(id, format: original.format)) }
        return try text(id).map { ($0, layout.text(id)) }
    }

    private func readManifest() throws(CorpusError) -> Manifest? {
        guard let bytes = try io({ () throws(StoreFiles.Failure) in try StoreFiles.contents(layout.manifest) }) else { return nil }
        do {
            return try Manifest(decoding: String(decoding: bytes, as: UTF8.self))
        } catch {
            throw .damaged("\(layout.manifest): \(error)")
        }
    }

    /// The plan pack of each of the manifest's segments; nil where there is none (or it does not
    /// read): those plans are parsed from their texts.
    func openPacks(_ manifest: Manifest) -> [PlanPack?] {
        manifest.segments.map { entry in
            let path = layout.pack(ofSegment: entry.name)
            guard let file = try? MappedFile(path: path), let pack = try? PlanPack(name: path, storage: file),
                  pack.planCount == entry.planCount else { return nil }
            return pack
        }
    }

    /// The manifest's segments, or nil when one of them has vanished (replaced by a merge).
    private func openSegments(_ manifest: Manifest) throws(CorpusError) -> [Segment]? {
        var segments: [Segment] = []
        for entry in manifest.segments {
            let file: MappedFile
            do {
                file = try MappedFile(path: layout.segment(entry.name))
            } catch {
                if error.code == ENOENT { return nil }
                throw .io(error.description)
            }
            do {
                let segment = try Segment(name: entry.name, storage: file)
                guard segment.planCount == entry.planCount else {
                    throw CorpusError.damaged("\(entry.name) holds \(segment.planCount) plans, the manifest says \(entry.planCount)")
                }
                segments.append(segment)
            } catch let error as CorpusError {
                throw error
            } catch {
                throw .damaged("\(error)")
            }
        }
        return segments
    }

    // MARK: importing

    /// Parses and stores plans. Each file is imported, refused (same content, or same number and
    /// issuer, as a stored plan or an earlier file — unless `replace`) or unreadable; `report`
    /// hears about each once its fate is committed. Throws only when the corpus cannot be written.
    ///
    /// Each batch is a commit of its own segment; segments are merged once at the end (or when
    /// too many pile up), in one run, so a long import rewrites each plan's index entry once.
    /// `mergeWhenDone: false` leaves that to a later call (a caller feeding batches of files).
    public func importPlans(_ inputs: [ImportInput], replace: Bool, mergeWhenDone: Bool = true,
                            report: (ImportOutcome) -> Void) throws(CorpusError) {
        var committed = false
        var start = 0
        while start < inputs.count {
            let end = min(inputs.count, start + max(1, batchSize))
            let batch = Array(inputs[start..<end])
            let parsed = ParallelMap.map(batch.count) { i in Prepared.make(batch[i], reader: reader, analyzer: analyzer) }
            start = end
            if !parsed.contains(where: { if case .success = $0.result { true } else { false } }) {
                // Nothing readable: refuse without touching the corpus at all.
                for p in parsed {
                    if case .failure(let error) = p.result { report(.unreadable(name: p.input.name, error: error)) }
                }
                continue
            }
            try withSession { (session) throws(CorpusError) in
                try session.importBatch(parsed, replace: replace, report: report)
                if session.manifest.segments.count > Self.segmentsBeforeMerge { try session.mergeIfNeeded() }
            }
            committed = true
        }
        if committed && mergeWhenDone {
            try withSession { (session) throws(CorpusError) in try session.mergeIfNeeded() }
        }
    }

    /// Segments an import lets pile up before it merges in the middle of its batches.
    static let segmentsBeforeMerge = 16

    /// Removes plans (full ids); their files go after the commit.
    public func remove(_ ids: [PlanID]) throws(CorpusError) -> [PlanSummary] {
        try withSession { (session) throws(CorpusError) in try session.remove(ids) }
    }

    /// Rebuilds the plan JSON and the index from the stored texts: those of the live plans, or
    /// every text when the manifest is lost. Deletes leftovers of interrupted writes.
    public func reindex() throws(CorpusError) -> ReindexSummary {
        try prepareFolders()
        let lock = try io { () throws(StoreFiles.Failure) in
            try FileLock(path: layout.lockFile, waiting: { waitingForLock?() })
        }
        defer { lock.unlock() }
        var ids: [PlanID]
        var sources: [PlanID: String] = [:]
        var generation = 0
        var previous = Set<String>()
        if let manifest = try? readManifest(), let segments = try? openSegments(manifest) {
            previous = manifest.indexFileNames
            let plans = CorpusSnapshot(segments: segments, manifest: manifest, analyzer: analyzer).plans()
            ids = plans.map(\.id)
            for plan in plans { sources[plan.id] = plan.source }
            generation = manifest.generation
        } else {
            ids = StoreFiles.list(layout.texts).filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }
                .map { PlanID(rawValue: String($0.dropLast(4))) }.sorted()
        }
        for name in StoreFiles.list(layout.index) {
            if let g = Int(name.dropFirst(4).prefix(while: \.isNumber)) { generation = max(generation, g) }
        }
        var manifest = Manifest()
        manifest.generation = generation
        var builder = SegmentBuilder(analyzer: analyzer)
        var pack = PlanPackBuilder()
        var unreadable: [(PlanID, DecodingError)] = []
        var missing: [PlanID] = []
        var kept = Set<PlanID>()
        func flush() throws(CorpusError) {
            guard !builder.isEmpty else { return }
            let name = manifest.nextSegmentName()
            let packBytes = pack.encode(), bytes = builder.encode()
            try io { () throws(StoreFiles.Failure) in
                try StoreFiles.writeAtomically(packBytes, to: layout.pack(ofSegment: name))
                try StoreFiles.writeAtomically(bytes, to: layout.segment(name))
            }
            manifest.segments.append(Manifest.SegmentEntry(name: name, planCount: builder.planCount))
            builder = SegmentBuilder(analyzer: analyzer)
            pack = PlanPackBuilder()
        }
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(ids.count, start + max(1, batchSize))])
            let texts = try batch.map { (id) throws(CorpusError) in try source(id)?.bytes }
            let parsed = ParallelMap.map(batch.count) { i -> Prepared? in
                guard let bytes = texts[i] else { return nil }
                let name = sources[batch[i]] ?? batch[i].rawValue + ".txt"
                return Prepared.make(ImportInput(name: name, bytes: bytes), reader: reader, analyzer: analyzer, id: batch[i])
            }
            for (i, prepared) in parsed.enumerated() {
                guard let prepared else {
                    missing.append(batch[i])
                    continue
                }
                switch prepared.result {
                case .failure(let error):
                    // Keep it in the corpus (listed, not searchable) rather than lose its text.
                    unreadable.append((prepared.id, error))
                    let summary = PlanSummary(id: prepared.id, source: prepared.input.name, number: nil, issuer: nil, level: nil,
                                              date: nil, title: nil, years: nil, targetCount: 0)
                    builder.add(IndexedPlan(summary: summary, items: []))
                    pack.add([])
                    kept.insert(prepared.id)
                    if builder.planCount >= mergePolicy.maxPlans { try flush() }
                case .success(let plan):
                    builder.add(plan.indexed, terms: plan.terms)
                    pack.add(plan.binary)
                    kept.insert(prepared.id)
                    if builder.planCount >= mergePolicy.maxPlans { try flush() }
                }
            }
            start += batch.count
        }
        try flush()
        try writeManifest(manifest)
        var removed = 0
        let live = manifest.indexFileNames
        for name in StoreFiles.list(layout.index) where !live.contains(name) {
            StoreFiles.remove(layout.segment(name))
            if !previous.contains(name) { removed += 1 }
        }
        // plan JSON of a store from before plan packs: the packs now hold every plan
        for name in StoreFiles.list(layout.plans) {
            StoreFiles.remove(layout.plans + "/" + name)
        }
        for (folder, suffixes) in [(layout.texts, [".txt"]), (layout.originals, OriginalFormat.allCases.map { "." + $0.rawValue })] {
            for name in StoreFiles.list(folder) {
                let isTemporary = name.hasPrefix(StoreFiles.temporaryPrefix)
                let suffix = suffixes.first { name.hasSuffix($0) }
                let id = PlanID(rawValue: String(name.dropLast(suffix?.count ?? 0)))
                if isTemporary || suffix == nil || !kept.contains(id) {
                    StoreFiles.remove(folder + "/" + name)
                    removed += 1
                }
            }
        }
        return ReindexSummary(plans: kept.count, unreadable: unreadable.map { (id: $0.0, error: $0.1) }, missing: missing,
                              removedLeftovers: removed)
    }

    // MARK: writing, under the lock

    private func prepareFolders() throws(CorpusError) {
        try io { () throws(StoreFiles.Failure) in
            try StoreFiles.makeFolder(layout.directory)
            try StoreFiles.makeFolder(layout.root)
            try StoreFiles.makeFolder(layout.texts)
            try StoreFiles.makeFolder(layout.plans)
            try StoreFiles.makeFolder(layout.originals)
            try StoreFiles.makeFolder(layout.index)
            if !StoreFiles.exists(layout.gitignore) {
                try StoreFiles.writeAtomically(Array("# Written by kehoach: the corpus store is not source.\n*\n".utf8), to: layout.gitignore)
            }
        }
    }

    /// Runs `body` holding the write lock, on the corpus as last committed.
    private func withSession<T>(_ body: (inout WriteSession) throws(CorpusError) -> T) throws(CorpusError) -> T {
        try prepareFolders()
        let lock = try io { () throws(StoreFiles.Failure) in
            try FileLock(path: layout.lockFile, waiting: { waitingForLock?() })
        }
        defer { lock.unlock() }
        let manifest: Manifest
        if let existing = try readManifest() {
            manifest = existing
        } else {
            // A new corpus gets its (empty) manifest before any text, so that texts without a
            // manifest can only mean a lost manifest, which `reindex` repairs.
            guard !StoreFiles.list(layout.texts).contains(where: { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }) else {
                throw .damaged("\(layout.manifest) is missing")
            }
            manifest = Manifest()
            try writeManifest(manifest)
        }
        guard let segments = try openSegments(manifest) else {
            throw .damaged("a segment named in \(layout.manifest) is missing")
        }
        var session = WriteSession(store: self, manifest: manifest, segments: segments)
        session.removeLeftovers()
        return try body(&session)
    }

    fileprivate func writeManifest(_ manifest: Manifest) throws(CorpusError) {
        try io { () throws(StoreFiles.Failure) in
            try StoreFiles.writeAtomically(Array(manifest.encoded().utf8), to: layout.manifest)
        }
    }

    fileprivate func reach(_ step: Step) throws(CorpusError) {
        guard let checkpoint else { return }
        do {
            try checkpoint(step)
        } catch {
            throw .io("interrupted \(step.rawValue): \(error)")
        }
    }

    fileprivate func io<T>(_ body: () throws(StoreFiles.Failure) -> T) throws(CorpusError) -> T {
        do {
            return try body()
        } catch {
            throw .io(error.description)
        }
    }

}

/// A file parsed and encoded, ready to be committed.
private struct Prepared: Sendable {
    struct Parsed: Sendable {
        var summary: PlanSummary
        var indexed: IndexedPlan
        var terms: [SegmentBuilder.ItemTerms]
        /// The plan as its pack stores it (`Plan.binaryBytes`).
        var binary: [UInt8]
        /// What `texts/` keeps: the file itself, or the text read from a Word or PDF file.
        var text: [UInt8]
        /// A Word or PDF file, kept in `originals/`.
        var original: OriginalFormat?
    }

    var input: ImportInput
    var id: PlanID
    var result: Result<Parsed, DecodingError>

    static func make(_ input: ImportInput, reader: PlanReader, analyzer: TextAnalyzer, id: PlanID? = nil) -> Prepared {
        let id = id ?? PlanID(content: input.bytes)
        let source = (input.name as NSString).lastPathComponent
        do {
            let (plan, decoded) = try reader.readDocument(input.bytes, source: input.name)
            let original = OriginalFormat(decoded.encoding)
            let binary = plan.binaryBytes()
            let indexed = IndexedPlan(id: id, source: source, plan: plan)
            let terms = SegmentBuilder.analyze(indexed, analyzer: analyzer)
            return Prepared(input: input, id: id, result: .success(Parsed(summary: indexed.summary, indexed: indexed, terms: terms, binary: binary,
                                                                          text: original == nil ? input.bytes : Array(decoded.text.utf8),
                                                                          original: original)))
        } catch {
            return Prepared(input: input, id: id, result: .failure(error))
        }
    }
}

/// The state a writer works on while it holds the lock.
private struct WriteSession {
    let store: CorpusStore
    var manifest: Manifest
    /// Open segments by name.
    var segments: [String: Segment]

    var layout: CorpusLayout { store.layout }

    init(store: CorpusStore, manifest: Manifest, segments: [Segment]) {
        self.store = store
        self.manifest = manifest
        self.segments = Dictionary(uniqueKeysWithValues: segments.map { ($0.name, $0) })
    }

    /// Temporary files and segments no commit reached: an interrupted writer's leftovers. Safe
    /// because we hold the lock (no write is in progress) and readers use only manifest segments.
    func removeLeftovers() {
        let live = manifest.indexFileNames
        for name in StoreFiles.list(layout.index) where !live.contains(name) {
            StoreFiles.remove(layout.segment(name))
        }
        for folder in [layout.root, layout.texts, layout.plans, layout.originals] {
            for name in StoreFiles.list(folder) where name.hasPrefix(StoreFiles.temporaryPrefix) {
                StoreFiles.remove(folder + "/" + name)
            }
        }
    }

    struct Location {
        var segment: String
        var plan: Int
        var summary: PlanSummary
    }

    /// Every live plan, by id and by document key.
    func liveIndex() -> (byID: [PlanID: Location], byKey: [String: PlanID]) {
        var byID: [PlanID: Location] = [:]
        var byKey: [String: PlanID] = [:]
        for entry in manifest.segments {
            guard let segment = segments[entry.name] else { continue }
            for p in 0..<segment.planCount where !entry.deleted.contains(p) {
                let summary = segment.planSummary(p)
                byID[summary.id] = Location(segment: entry.name, plan: p, summary: summary)
                if let key = summary.documentKey { byKey[key] = summary.id }
            }
        }
        return (byID, byKey)
    }

    mutating func importBatch(_ batch: [Prepared], replace: Bool, report: (ImportOutcome) -> Void) throws(CorpusError) {
        var (live, liveKeys) = liveIndex()
        struct Pending {
            var prepared: Prepared
            var parsed: Prepared.Parsed
            var replaced: [PlanSummary]
        }
        var pending: [Pending?] = []
        var pendingByID: [PlanID: Int] = [:]
        var pendingByKey: [String: Int] = [:]
        var deletions: [Location] = []

        for prepared in batch {
            let parsed: Prepared.Parsed
            switch prepared.result {
            case .failure(let error):
                report(.unreadable(name: prepared.input.name, error: error))
                continue
            case .success(let p):
                parsed = p
            }
            let key = parsed.summary.documentKey
            // Conflicts with files earlier in this import, then with stored plans.
            var earlier: [(Int, ImportOutcome.Conflict)] = []
            if let i = pendingByID[prepared.id] { earlier.append((i, .sameContent)) }
            if let key, let i = pendingByKey[key], !earlier.contains(where: { $0.0 == i }) { earlier.append((i, .sameDocument)) }
            var stored: [(PlanID, ImportOutcome.Conflict)] = []
            if live[prepared.id] != nil { stored.append((prepared.id, .sameContent)) }
            if let key, let other = liveKeys[key], other != prepared.id, live[other] != nil { stored.append((other, .sameDocument)) }
            if !replace {
                if let (i, conflict) = earlier.first {
                    report(.refused(name: prepared.input.name, existing: pending[i]!.parsed.summary, conflict: conflict))
                    continue
                }
                if let (id, conflict) = stored.first {
                    report(.refused(name: prepared.input.name, existing: live[id]!.summary, conflict: conflict))
                    continue
                }
            }
            var replaced: [PlanSummary] = []
            for (i, _) in earlier {
                guard let old = pending[i] else { continue }
                report(.superseded(name: old.prepared.input.name, by: prepared.input.name))
                replaced += old.replaced
                pendingByID[old.prepared.id] = nil
                if let k = old.parsed.summary.documentKey { pendingByKey[k] = nil }
                pending[i] = nil
            }
            for (id, _) in stored {
                guard let location = live.removeValue(forKey: id) else { continue }
                deletions.append(location)
                replaced.append(location.summary)
                if let k = location.summary.documentKey, liveKeys[k] == id { liveKeys[k] = nil }
            }
            pending.append(Pending(prepared: prepared, parsed: parsed, replaced: replaced))
            pendingByID[prepared.id] = pending.count - 1
            if let key { pendingByKey[key] = pending.count - 1 }
        }

        let accepted = pending.compactMap { $0 }
        guard !accepted.isEmpty else { return }

        // 1. texts and original documents — each file atomic; the folders flushed once per
        // batch; 2. the plan pack, one file for the batch.
        let texts = accepted.map { (bytes: $0.parsed.text, path: layout.text($0.prepared.id)) }
        let originals = accepted.compactMap { p in p.parsed.original.map { (bytes: p.prepared.input.bytes, path: layout.original(p.prepared.id, format: $0)) } }
        try store.io { () throws(StoreFiles.Failure) in try StoreFiles.writeAtomically(texts + originals) }
        try store.io { () throws(StoreFiles.Failure) in try StoreFiles.sync(folder: layout.texts) }
        try store.reach(.textsWritten)
        var next = manifest
        let name = next.nextSegmentName()
        var pack = PlanPackBuilder()
        for p in accepted { pack.add(p.parsed.binary) }
        let packBytes = pack.encode()
        try store.io { () throws(StoreFiles.Failure) in try StoreFiles.writeAtomically(packBytes, to: layout.pack(ofSegment: name)) }
        try store.reach(.plansWritten)

        // 3. the segment
        var builder = SegmentBuilder(analyzer: store.analyzer)
        for p in accepted { builder.add(p.parsed.indexed, terms: p.parsed.terms) }
        let bytes = builder.encode()
        try store.io { () throws(StoreFiles.Failure) in try StoreFiles.writeAtomically(bytes, to: layout.segment(name)) }
        try store.reach(.segmentWritten)

        // 4. the manifest: the commit
        next.segments.append(Manifest.SegmentEntry(name: name, planCount: builder.planCount))
        for location in deletions {
            if let i = next.segments.firstIndex(where: { $0.name == location.segment }) {
                next.segments[i].deleted.insert(location.plan)
            }
        }
        try store.writeManifest(next)
        manifest = next
        segments[name] = try openSegment(name)
        try store.reach(.manifestWritten)

        for p in accepted {
            report(.imported(name: p.prepared.input.name, plan: p.parsed.summary, replaced: p.replaced))
        }
        let kept = Set(accepted.map(\.prepared.id))
        for location in deletions where !kept.contains(location.summary.id) {
            layout.removeFiles(of: location.summary.id)
        }
    }

    mutating func remove(_ ids: [PlanID]) throws(CorpusError) -> [PlanSummary] {
        let (live, _) = liveIndex()
        var next = manifest
        var removed: [PlanSummary] = []
        for id in ids {
            guard let location = live[id] else { throw .notFound(id.rawValue) }
            guard let i = next.segments.firstIndex(where: { $0.name == location.segment }) else { continue }
            if next.segments[i].deleted.insert(location.plan).inserted { removed.append(location.summary) }
        }
        guard !removed.isEmpty else { return [] }
        next.generation += 1
        try store.writeManifest(next)
        manifest = next
        for summary in removed {
            layout.removeFiles(of: summary.id)
        }
        try mergeIfNeeded()
        return removed
    }

    /// Merges or compacts segments while the policy asks for it; each merge is its own commit.
    mutating func mergeIfNeeded() throws(CorpusError) {
        while let run = store.mergePolicy.nextMerge(manifest.segments) {
            var builder = SegmentBuilder(analyzer: store.analyzer)
            var pack = PlanPackBuilder()
            let analyzer = store.analyzer
            let packs = store.openPacks(manifest)
            for (offset, entry) in manifest.segments[run].enumerated() {
                guard let segment = segments[entry.name] else { throw .damaged("segment \(entry.name) is not open") }
                let live = (0..<segment.planCount).filter { !entry.deleted.contains($0) }
                // the plans' bytes move as they are; a plan without any is parsed when read
                let old = packs[run.lowerBound + offset]
                for p in live { pack.add(old?.record(p) ?? []) }
                // A few hundred plans at a time: analysed on all cores, memory stays bounded.
                var start = 0
                while start < live.count {
                    let chunk = Array(live[start..<min(live.count, start + 256)])
                    let plans = chunk.map(segment.indexedPlan)
                    let terms = ParallelMap.map(plans.count) { SegmentBuilder.analyze(plans[$0], analyzer: analyzer) }
                    for (plan, planTerms) in zip(plans, terms) { builder.add(plan, terms: planTerms) }
                    start += chunk.count
                }
            }
            var next = manifest
            var replacement: [Manifest.SegmentEntry] = []
            if builder.isEmpty {
                next.generation += 1
            } else {
                let name = next.nextSegmentName()
                let packBytes = pack.encode(), bytes = builder.encode()
                try store.io { () throws(StoreFiles.Failure) in
                    try StoreFiles.writeAtomically(packBytes, to: layout.pack(ofSegment: name))
                    try StoreFiles.writeAtomically(bytes, to: layout.segment(name))
                }
                replacement.append(Manifest.SegmentEntry(name: name, planCount: builder.planCount))
            }
            let old = manifest.segments[run].map(\.name)
            next.segments.replaceSubrange(run, with: replacement)
            try store.writeManifest(next)
            manifest = next
            for name in old {
                StoreFiles.remove(layout.segment(name))
                StoreFiles.remove(layout.pack(ofSegment: name))
                segments[name] = nil
            }
            for entry in replacement { segments[entry.name] = try openSegment(entry.name) }
        }
    }

    private func openSegment(_ name: String) throws(CorpusError) -> Segment {
        do {
            return try Segment(name: name, storage: try MappedFile(path: layout.segment(name)))
        } catch {
            throw .damaged("\(error)")
        }
    }
}
