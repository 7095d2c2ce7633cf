import Foundation
import XCTest
@testable import KehoachCorpus
import KehoachExtract

final class CorpusStoreTests: CorpusTestCase {
    // MARK: importing

    func test_import_storesTextPlanAndIndex_underDotKehoach_besideOtherFiles_outOfGit() throws {
        try Data("not a plan of the store".utf8).write(to: URL(fileURLWithPath: folder + "/readme.txt"))
        let outcomes = importPlans([Fixtures.shipped("001")])
        let plan = try XCTUnwrap(outcomes.first?.importedPlan)
        XCTAssertEqual(plan.number, "364/KH-PGDĐT")
        XCTAssertEqual(plan.issuer, "Phòng Giáo dục và Đào tạo huyện An Lão")
        let layout = store.layout
        XCTAssertEqual(FileManager.default.contents(atPath: layout.text(plan.id)).map { [UInt8]($0) }, Fixtures.shipped("001").bytes,
                       "the original bytes are kept")
        let index = try FileManager.default.contentsOfDirectory(atPath: layout.index)
        XCTAssertEqual(index.filter { $0.hasSuffix(".khx") }.count, 1)
        XCTAssertEqual(index.filter { $0.hasSuffix(".khp") }.count, 1, "the parsed plan goes into the segment's plan pack")
        XCTAssertFalse(FileManager.default.fileExists(atPath: layout.plan(plan.id)), "no file per parsed plan")
        XCTAssertEqual(Fixtures.contents(of: folder).keys.filter { !$0.hasPrefix(".kehoach/") }, ["readme.txt"])
        XCTAssertEqual(FileManager.default.contents(atPath: folder + "/.kehoach/.gitignore").map { String(decoding: $0, as: UTF8.self) },
                       "# Written by kehoach: the corpus store is not source.\n*\n")
        XCTAssertEqual(livePlans().map(\.id), [plan.id])
    }

    func test_storedPlan_readsBackFromItsPack_withoutItsText() throws {
        let plan = try XCTUnwrap(importPlans([Fixtures.shipped("002")]).first?.importedPlan)
        try FileManager.default.removeItem(atPath: store.layout.text(plan.id))
        let stored = try store.plan(plan.id)
        var parsed = try PlanReader().read(Fixtures.shipped("002").bytes)
        parsed.source = stored.source
        XCTAssertEqual(stored.jsonBytes(pretty: false), parsed.jsonBytes(pretty: false))
    }

    func test_damagedPlanPack_planIsParsedFromItsTextAgain() throws {
        let plan = try XCTUnwrap(importPlans([Fixtures.shipped("001")]).first?.importedPlan)
        let pack = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: store.layout.index).first { $0.hasSuffix(".khp") })
        try Data("KHPLN001 but cut".utf8).write(to: URL(fileURLWithPath: store.layout.index + "/" + pack))
        XCTAssertEqual(try store.plan(plan.id).metadata.number, "364/KH-PGDĐT")
    }

    func test_mergedSegments_keepEveryPlanInTheirPack() throws {
        var oneByOne = store
        oneByOne.batchSize = 1
        let plans = importPlans(Fixtures.allShipped, into: oneByOne).compactMap(\.importedPlan)
        XCTAssertEqual(plans.count, 4)
        XCTAssertEqual(try store.snapshot().segments.count, 1, "four commits of one plan, merged into one segment")
        for plan in plans { try FileManager.default.removeItem(atPath: store.layout.text(plan.id)) }
        let stored = try store.storedPlans()
        for plan in plans {
            XCTAssertEqual(try stored.plan(plan.id).metadata.number, plan.number, "read from a pack, the text is gone")
        }
    }

    func test_sameContentTwice_isRefused_andChangesNothing() {
        importPlans([Fixtures.shipped("001")])
        let before = Fixtures.contents(of: folder)
        let outcomes = importPlans([Fixtures.shipped("001")])
        XCTAssertEqual(outcomes.first?.conflict, .sameContent)
        XCTAssertEqual(Fixtures.contents(of: folder), before)
    }

    func test_sameNumberAndIssuer_withOtherText_isRefused_andReplaceUpdatesIt() throws {
        let original = try XCTUnwrap(importPlans([Fixtures.shipped("001")]).first?.importedPlan)
        var edited = Fixtures.shipped("001")
        let text = String(decoding: edited.bytes, as: UTF8.self)
        edited.bytes = Array(text.replacingOccurrences(of: "chữ ký số cá nhân cho 100%", with: "chữ ký số cá nhân cho 95%").utf8)
        XCTAssertNotEqual(edited.bytes, Fixtures.shipped("001").bytes)
        edited.name = "001-edited.txt"
        let before = Fixtures.contents(of: folder)

        XCTAssertEqual(importPlans([edited]).first?.conflict, .sameDocument)
        XCTAssertEqual(Fixtures.contents(of: folder), before, "a refused import changes nothing")

        let outcome = try XCTUnwrap(importPlans([edited], replace: true).first)
        guard case .imported(_, let plan, let replaced) = outcome else { return XCTFail("not imported: \(outcome)") }
        XCTAssertEqual(replaced.map(\.id), [original.id])
        XCTAssertEqual(livePlans().map(\.id), [plan.id])
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.layout.text(original.id)), "the replaced text is deleted")
        let hits = search(SearchQuery("chu ky so ca nhan", issuer: "an lao")).hits
        XCTAssertEqual(hits.map(\.plan.id), [plan.id])
        XCTAssertEqual(hits.first?.target?.value, 95, "the index has the new text")
    }

    func test_replace_ofTheSameContent_reparsesAndKeepsOnePlan() throws {
        let plan = try XCTUnwrap(importPlans([Fixtures.shipped("004")]).first?.importedPlan)
        let outcome = try XCTUnwrap(importPlans([Fixtures.shipped("004")], replace: true).first)
        guard case .imported(_, let again, let replaced) = outcome else { return XCTFail("not imported") }
        XCTAssertEqual(again.id, plan.id)
        XCTAssertEqual(replaced.map(\.id), [plan.id])
        XCTAssertEqual(livePlans().map(\.id), [plan.id])
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.layout.text(plan.id)), "its text stays")
        XCTAssertEqual(search(SearchQuery("chu ky so ca nhan")).hits.count, 1, "indexed once")
    }

    func test_blankNumbers_doNotMakePlansTheSame() {
        // 000 has "Số: /KH-UBND": no number, so no document key.
        var other = Fixtures.shipped("000")
        other.bytes += Array("\n".utf8)
        let outcomes = importPlans([Fixtures.shipped("000"), other])
        XCTAssertEqual(outcomes.compactMap(\.importedPlan).count, 2)
    }

    func test_duplicateWithinOneImport_isRefused() {
        let outcomes = importPlans([Fixtures.shipped("002"), Fixtures.shipped("002")])
        XCTAssertEqual(outcomes.compactMap(\.importedPlan).count, 1)
        XCTAssertEqual(outcomes.compactMap(\.conflict), [.sameContent])
        XCTAssertEqual(livePlans().count, 1)
    }

    func test_undecodableFile_isRefusedWithItsDiagnostic_andNothingIsWritten() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + [UInt8](repeating: 0, count: 64)
        let outcomes = importPlans([ImportInput(name: "scan.png", bytes: png)])
        guard case .unreadable(let name, let error) = outcomes.first else { return XCTFail("not refused: \(outcomes)") }
        XCTAssertEqual(name, "scan.png")
        XCTAssertTrue("\(error)".contains("not a file kehoach reads"), "\(error)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/.kehoach"), "not even the store folder")

        importPlans([Fixtures.shipped("001")])
        let before = Fixtures.contents(of: folder)
        XCTAssertTrue(importPlans([ImportInput(name: "empty.txt", bytes: [])]).first?.isUnreadable ?? false)
        XCTAssertEqual(Fixtures.contents(of: folder), before)
    }

    // MARK: list, show, remove, reindex

    func test_resolve_acceptsAUniquePrefix_andRejectsUnknownOnes() throws {
        let plans = importPlans(Fixtures.allShipped).compactMap(\.importedPlan)
        let snapshot = try store.snapshot()
        for plan in plans {
            XCTAssertEqual(try snapshot.resolve(String(plan.id.rawValue.prefix(6)).uppercased()).id, plan.id)
        }
        XCTAssertThrowsError(try snapshot.resolve("zz"))
        XCTAssertThrowsError(try snapshot.resolve("ffffffffff"))
    }

    func test_remove_takesThePlanOutOfListAndSearch_andDeletesItsFiles() throws {
        let plans = importPlans(Fixtures.allShipped).compactMap(\.importedPlan)
        let gone = plans[1]
        XCTAssertEqual(try store.remove([gone.id]).map(\.id), [gone.id])
        XCTAssertEqual(livePlans().map(\.id), plans.filter { $0.id != gone.id }.map(\.id))
        XCTAssertFalse(search(SearchQuery("chu ky so", limit: 0)).hits.contains { $0.plan.id == gone.id })
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.layout.text(gone.id)))
        XCTAssertThrowsError(try store.remove([gone.id]), "already gone")
        XCTAssertNotNil(importPlans([Fixtures.shipped("001")]).first?.importedPlan, "a removed plan can come back")
    }

    func test_reindex_rebuildsPlansAndIndexFromTheTexts() throws {
        let plans = importPlans(Fixtures.allShipped).compactMap(\.importedPlan)
        let before = search(SearchQuery("chu ky so", limit: 0)).hits.map { "\($0.plan.id) \($0.line)" }
        try FileManager.default.removeItem(atPath: store.layout.plans)
        try FileManager.default.removeItem(atPath: store.layout.index)
        try FileManager.default.removeItem(atPath: store.layout.manifest)
        XCTAssertTrue(try store.snapshot().needsReindex)

        let summary = try store.reindex()
        XCTAssertEqual(summary.plans, 4)
        XCTAssertEqual(Set(livePlans().map(\.id)), Set(plans.map(\.id)))
        XCTAssertEqual(Set(search(SearchQuery("chu ky so", limit: 0)).hits.map { "\($0.plan.id) \($0.line)" }), Set(before))
        XCTAssertNoThrow(try store.plan(plans[0].id))
    }

    func test_reindex_keepsATextItCannotReadAnyMore_listedButNotSearchable() throws {
        let plans = importPlans([Fixtures.shipped("001"), Fixtures.shipped("002")]).compactMap(\.importedPlan)
        let damaged = plans[0].id
        try Data([0x00, 0xFF, 0x00, 0xFE] + [UInt8](repeating: 0, count: 100)).write(to: URL(fileURLWithPath: store.layout.text(damaged)))
        let summary = try store.reindex()
        XCTAssertEqual(summary.unreadable.map(\.id), [damaged])
        XCTAssertEqual(Set(livePlans().map(\.id)), Set(plans.map(\.id)), "still in the corpus")
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.layout.text(damaged)), "its text is not deleted")
        XCTAssertFalse(search(SearchQuery("chu ky so", limit: 0)).hits.contains { $0.plan.id == damaged })
        _ = try store.reindex()
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.layout.text(damaged)), "nor by the next reindex")
    }

    // MARK: durability

    struct SimulatedCrash: Error {}

    /// A crash at any point before the manifest is renamed leaves the corpus as before; at the
    /// manifest or after, as after. Each step's leftovers are ignored by readers and cleared by
    /// the next writer; reindex does not bring the half-imported plan back.
    func test_crashDuringImport_leavesTheCorpusAsBeforeOrAfter_neverHalf() throws {
        for step in CorpusStore.Step.allCases {
            let folder = Fixtures.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let healthy = CorpusStore(directory: folder)
            try healthy.importPlans([Fixtures.shipped("001")], replace: false) { _ in }
            let first = try healthy.snapshot().plans().map(\.id)

            var crashing = healthy
            crashing.checkpoint = { reached in if reached == step { throw SimulatedCrash() } }
            XCTAssertThrowsError(try crashing.importPlans([Fixtures.shipped("002")], replace: false) { _ in }, step.rawValue)

            let after = try healthy.snapshot()
            let second = PlanID(content: Fixtures.shipped("002").bytes)
            if step == .manifestWritten {
                XCTAssertEqual(after.plans().map(\.id), first + [second], "committed at \(step.rawValue)")
            } else {
                XCTAssertEqual(after.plans().map(\.id), first, "as before at \(step.rawValue)")
                XCTAssertEqual(after.search(SearchQuery("hoc ba so")).hits.filter { $0.plan.id == second }.count, 0)
                _ = try healthy.reindex()
                XCTAssertEqual(try healthy.snapshot().plans().map(\.id), first, "reindex ignores the leftover text (\(step.rawValue))")
                var outcomes: [ImportOutcome] = []
                try healthy.importPlans([Fixtures.shipped("002")], replace: false) { outcomes.append($0) }
                XCTAssertNotNil(outcomes.first?.importedPlan, "the import can be done again after \(step.rawValue)")
            }
            let stray = Fixtures.contents(of: folder).keys.filter { $0.contains(StoreFiles.temporaryPrefix) }
            XCTAssertEqual(stray, [], step.rawValue)
        }
    }

    /// The real thing: the CLI killed with SIGKILL in the middle of an import.
    func test_killMinus9_midImport_leavesTheCorpusAsBefore_thenTheImportSucceeds() throws {
        let binary = try Self.kehoachBinary()
        let plan = Fixtures.repository.appendingPathComponent("corpus/" + Fixtures.shippedPlans[1].name).path
        for step in ["after-texts", "after-plans", "after-segment"] {
            let folder = Fixtures.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["import", "--corpus", folder, plan]
            process.environment = ["KEHOACH_CRASH_AT": step, "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal, step)
            XCTAssertEqual(process.terminationStatus, SIGKILL, step)
            let store = CorpusStore(directory: folder)
            XCTAssertEqual(try store.snapshot().plans().count, 0, "nothing committed when killed \(step)")
            var outcomes: [ImportOutcome] = []
            try store.importPlans([Fixtures.shipped("001")], replace: false) { outcomes.append($0) }
            XCTAssertNotNil(outcomes.first?.importedPlan, "the lock died with the process (\(step))")
        }
    }

    /// The built `kehoach` next to the test bundle (`swift test` builds it).
    static func kehoachBinary() throws -> String {
        var url = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = url.appendingPathComponent("kehoach").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        throw XCTSkip("the kehoach executable is not built next to the tests")
    }

    // MARK: concurrency

    func test_twoImportsAtOnce_bothPlansArePresent() throws {
        let inputs = Fixtures.allShipped
        let folder = self.folder
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
            // Separate stores, as separate processes would have: the flock serialises them.
            let store = CorpusStore(directory: folder)
            try? store.importPlans([inputs[i]], replace: false) { _ in }
        }
        XCTAssertEqual(Set(livePlans().map(\.id)), Set(inputs.map { PlanID(content: $0.bytes) }))
        XCTAssertEqual(search(SearchQuery("chu ky so", limit: 0)).hits.map(\.plan.id).count, 8)
    }

    func test_readersSeeACommittedCorpus_whileAWriterMerges() throws {
        var writer = self.store
        writer.batchSize = 1
        let store = writer
        let inputs = Fixtures.allShipped
        let folder = self.folder
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? store.importPlans(inputs, replace: false) { _ in }
            done.signal()
        }
        var reads = 0
        while done.wait(timeout: .now()) == .timedOut {
            let snapshot = try CorpusStore(directory: folder).snapshot()
            let hits = snapshot.search(SearchQuery("chu ky so", limit: 0)).hits
            XCTAssertTrue(hits.allSatisfy { snapshot.contains($0.plan.id) })
            reads += 1
        }
        XCTAssertEqual(livePlans().count, 4)
        XCTAssertEqual(try self.store.snapshot().segments.count, 1, "one import per commit, merged as they come")
        _ = reads
    }
}
