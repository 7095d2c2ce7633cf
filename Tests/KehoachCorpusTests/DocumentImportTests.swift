import KehoachTestSupport
import XCTest
@testable import KehoachCorpus
import KehoachExtract

/// Word and PDF files are imported like texts; the store keeps each file beside its text.
final class DocumentImportTests: CorpusTestCase {
    private let names = PackageFiles.planNames
    private var inputs: [ImportInput] {
        [ImportInput(name: names[0] + ".docx", bytes: PackageFiles.document(names[0], "docx")),
         ImportInput(name: names[1] + ".pdf", bytes: PackageFiles.document(names[1], "pdf")),
         ImportInput(name: names[3] + ".txt", bytes: PackageFiles.plan(names[3]))]
    }

    func test_importOfDocxPdfAndText_storesEachWithItsOriginal_andSearchFindsTargetsFromEach() throws {
        let ids = importPlans(inputs).compactMap(\.importedPlan?.id)
        XCTAssertEqual(ids.count, 3)
        let (docx, pdf, text) = (ids[0], ids[1], ids[2])
        XCTAssertEqual(try store.original(docx)?.format, .docx)
        XCTAssertEqual(try store.original(docx)?.bytes, inputs[0].bytes)
        XCTAssertEqual(try store.original(pdf)?.format, .pdf)
        XCTAssertNil(try store.original(text))
        // the stored text of a Word file is the text read from it: line for line the plan's text
        XCTAssertEqual(try store.text(docx).map { String(decoding: $0, as: UTF8.self) }, String(decoding: PackageFiles.plan(names[0]), as: UTF8.self))
        XCTAssertEqual(try store.text(text), inputs[2].bytes)
        let hits = search(SearchQuery("chu ky so", limit: 0)).hits
        XCTAssertEqual(Set(hits.compactMap { $0.target == nil ? nil : $0.plan.id }), Set(ids))
    }

    func test_reindex_readsTheOriginals_andKeepsTheirLineMaps() throws {
        let ids = importPlans(inputs).compactMap(\.importedPlan?.id)
        // the derived files gone: reindex must parse the documents again
        try FileManager.default.removeItem(atPath: store.layout.index)
        _ = try store.reindex()
        XCTAssertEqual(try store.plan(ids[0]).document?.format, .docx)
        XCTAssertEqual(try store.plan(ids[1]).document?.format, .pdf)
        XCTAssertNil(try store.plan(ids[2]).document)
    }

    func test_remove_deletesTheOriginalToo() throws {
        let ids = importPlans(inputs).compactMap(\.importedPlan?.id)
        _ = try store.remove([ids[0]])
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.layout.original(ids[0], format: .docx)))
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.layout.original(ids[1], format: .pdf)))
    }
}
