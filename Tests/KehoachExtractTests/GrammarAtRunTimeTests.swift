import Foundation
import XCTest
import KehoachGrammar
@testable import KehoachExtract

/// The language knowledge is data: editing a grammar file changes extraction without a rebuild,
/// and a bad file is reported with its file and line.
final class GrammarAtRunTimeTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kehoach-grammar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private var repositoryGrammars: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("grammars")
    }

    func test_addingAnAspirationalSynonym_changesExtraction() throws {
        let text = "II. MỤC TIÊU\n- Quyết tâm đạt 90% giáo viên làm chủ được kỹ năng số.\n"
        XCTAssertEqual(PlanReader().read(text: text).targets.first?.aspirational, false)
        var grammar = try String(contentsOf: repositoryGrammars.appendingPathComponent("targets.grammar"), encoding: .utf8)
        grammar = grammar.replacingOccurrences(of: "[aspirational]\n", with: "[aspirational]\nquyết tâm đạt\n")
        try grammar.write(to: directory.appendingPathComponent("targets.grammar"), atomically: true, encoding: .utf8)
        let edited = try Grammar.load(directory: directory.path)
        XCTAssertEqual(PlanReader(grammar: edited).read(text: text).targets.first?.aspirational, true)
    }

    func test_addingAnIndicatorTerm_changesExtraction() throws {
        let text = "II. MỤC TIÊU\n- 100% học sinh có sổ liên lạc số.\n"
        XCTAssertNotEqual(PlanReader().read(text: text).targets.first?.indicator, "e-school-records")
        var grammar = try String(contentsOf: repositoryGrammars.appendingPathComponent("indicators.grammar"), encoding: .utf8)
        grammar = grammar.replacingOccurrences(of: "terms = Quản lý hồ sơ điện tử", with: "terms = sổ liên lạc số | Quản lý hồ sơ điện tử")
        try grammar.write(to: directory.appendingPathComponent("indicators.grammar"), atomically: true, encoding: .utf8)
        let edited = try Grammar.load(directory: directory.path)
        XCTAssertEqual(PlanReader(grammar: edited).read(text: text).targets.first?.indicator, "e-school-records")
    }

    func test_badGrammarFile_isReportedWithFileAndLine() throws {
        try "[comparators before]\nsometimes = tối thiểu\n".write(to: directory.appendingPathComponent("targets.grammar"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Grammar.load(directory: directory.path)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasSuffix("targets.grammar:2: expected one of at least, more than, exactly, at most, less than before '='"), message)
        }
    }

    func test_bundledGrammar_isTheRepositorysGrammarsFolder() throws {
        let loaded = try Grammar.load(directory: repositoryGrammars.path)
        XCTAssertEqual(loaded.indicators.indicators.map(\.id), Grammar.bundled.indicators.indicators.map(\.id))
        for name in Grammar.fileNames {
            let onDisk = try String(contentsOf: repositoryGrammars.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(BundledGrammarText.text(of: name).map { $0 + "\n" }, onDisk, "\(name) differs from the bundled copy: run scripts/bundle-grammars")
        }
    }
}
