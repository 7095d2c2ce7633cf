import Foundation
import XCTest
@testable import KehoachCorpus
import KehoachExtract

/// The shipped plans (`corpus/*.txt` of the repository) and temporary corpora for the tests.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// name → bytes, sorted by name.
    static let shippedPlans: [(name: String, bytes: [UInt8])] = {
        let folder = repository.appendingPathComponent("corpus")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        return names.map { ($0, [UInt8](FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) ?? Data())) }
    }()

    static func shipped(_ prefix: String) -> ImportInput {
        let plan = shippedPlans.first { $0.name.hasPrefix(prefix) }!
        return ImportInput(name: plan.name, bytes: plan.bytes)
    }

    static var allShipped: [ImportInput] { shippedPlans.map { ImportInput(name: $0.name, bytes: $0.bytes) } }

    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "kehoach-corpus-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Every file under the folder with its bytes, for "nothing changed" checks.
    static func contents(of folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return out }
        for case let path as String in walker {
            var isDirectory: ObjCBool = false
            let full = folder + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue, !path.hasSuffix("/lock") {
                out[path] = FileManager.default.contents(atPath: full)
            }
        }
        return out
    }
}

/// A store in a fresh temporary folder, removed after the test.
class CorpusTestCase: XCTestCase {
    var folder = ""

    override func setUp() {
        super.setUp()
        folder = Fixtures.temporaryFolder()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
        super.tearDown()
    }

    var store: CorpusStore { CorpusStore(directory: folder) }

    /// Imports and returns the outcomes.
    @discardableResult
    func importPlans(_ inputs: [ImportInput], replace: Bool = false, into store: CorpusStore? = nil,
                     file: StaticString = #filePath, line: UInt = #line) -> [ImportOutcome] {
        var outcomes: [ImportOutcome] = []
        do {
            try (store ?? self.store).importPlans(inputs, replace: replace) { outcomes.append($0) }
        } catch {
            XCTFail("import failed: \(error)", file: file, line: line)
        }
        return outcomes
    }

    func livePlans(file: StaticString = #filePath, line: UInt = #line) -> [PlanSummary] {
        do {
            return try store.snapshot().plans()
        } catch {
            XCTFail("cannot read the corpus: \(error)", file: file, line: line)
            return []
        }
    }

    func search(_ query: SearchQuery) -> SearchResults {
        (try? store.snapshot().search(query)) ?? SearchResults(hits: [], total: 0, terms: [])
    }
}

extension ImportOutcome {
    var importedPlan: PlanSummary? {
        if case .imported(_, let plan, _) = self { return plan }
        return nil
    }

    var conflict: Conflict? {
        if case .refused(_, _, let conflict) = self { return conflict }
        return nil
    }

    var isUnreadable: Bool {
        if case .unreadable = self { return true }
        return false
    }
}
