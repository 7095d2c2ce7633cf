// swift-tools-version: 6.0
// The pipeline, one module per stage; each imports only the stages before it:
//
//   bytes ─decode/normalize─▶ SourceText        KehoachText
//         (.docx: ZIP, inflate)                  KehoachZip
//         (.docx: WordprocessingML → text)       KehoachDocx
//         (PDF text layer → text)                KehoachPDF
//         (format by magic bytes → text)         KehoachDocument
//         (language knowledge as data)           KehoachGrammar
//         ─lex─▶ [Token]                         KehoachLexer
//         ─parse─▶ PlanDocument                  KehoachParser
//         ─extract─▶ Plan                        KehoachExtract
//         ─store/index─▶ Corpus                  KehoachCorpus
//         ─compare/align─▶ Report                KehoachCompare
//         ─render─▶ text | md | html | csv | json  KehoachRender
//         ─export─▶ JSON lines | _bulk | mapping   KehoachExport
//         ─serve─▶ HTTP pages in the browser         KehoachServe
//   kehoach (CLI): arguments, files and the terminal; nothing below it knows them.
import PackageDescription

let package = Package(
    name: "kehoach",
    products: [
        .executable(name: "kehoach", targets: ["kehoach"]),
        .library(name: "KehoachExtract", targets: ["KehoachExtract"]),
    ],
    targets: [
        .target(name: "KehoachText"),
        .target(name: "KehoachZip"),
        .target(name: "KehoachDocx", dependencies: ["KehoachText", "KehoachZip"]),
        .target(name: "KehoachPDF", dependencies: ["KehoachText", "KehoachZip"]),
        .target(name: "KehoachDocument", dependencies: ["KehoachText", "KehoachDocx", "KehoachPDF"]),
        .target(name: "KehoachGrammar", dependencies: ["KehoachText"]),
        .target(name: "KehoachLexer", dependencies: ["KehoachText", "KehoachGrammar"]),
        .target(name: "KehoachParser", dependencies: ["KehoachText", "KehoachGrammar", "KehoachLexer"]),
        .target(name: "KehoachExtract", dependencies: ["KehoachText", "KehoachDocument", "KehoachGrammar", "KehoachLexer", "KehoachParser"]),
        .target(name: "KehoachCorpus", dependencies: ["KehoachText", "KehoachGrammar", "KehoachExtract"]),
        .target(name: "KehoachCompare", dependencies: ["KehoachText", "KehoachGrammar", "KehoachExtract"]),
        .target(name: "KehoachRender", dependencies: ["KehoachText", "KehoachGrammar", "KehoachExtract", "KehoachCompare"]),
        .target(name: "KehoachExport", dependencies: ["KehoachText", "KehoachExtract", "KehoachCorpus", "KehoachRender"]),
        .target(name: "KehoachServe", dependencies: ["KehoachText", "KehoachGrammar", "KehoachExtract", "KehoachCorpus", "KehoachCompare", "KehoachRender"]),
        .executableTarget(name: "kehoach", dependencies: ["KehoachText", "KehoachZip", "KehoachDocument", "KehoachGrammar", "KehoachParser", "KehoachExtract",
                                                          "KehoachCorpus", "KehoachCompare", "KehoachRender", "KehoachExport",
                                                          "KehoachServe"]),
        // ZIP, Word and PDF files built in tests, and the paths of the fixtures
        .target(name: "KehoachTestSupport", path: "Tests/KehoachTestSupport"),
        .testTarget(name: "KehoachTextTests", dependencies: ["KehoachText"]),
        .testTarget(name: "KehoachZipTests", dependencies: ["KehoachZip", "KehoachTestSupport"]),
        .testTarget(name: "KehoachDocxTests", dependencies: ["KehoachDocx", "KehoachDocument", "KehoachTestSupport"]),
        .testTarget(name: "KehoachPDFTests", dependencies: ["KehoachPDF", "KehoachDocument", "KehoachTestSupport"]),
        .testTarget(name: "KehoachLexerTests", dependencies: ["KehoachLexer"]),
        .testTarget(name: "KehoachParserTests", dependencies: ["KehoachParser"]),
        .testTarget(name: "KehoachExtractTests", dependencies: ["KehoachExtract", "KehoachZip", "KehoachTestSupport"]),
        .testTarget(name: "KehoachCorpusTests", dependencies: ["KehoachCorpus", "KehoachTestSupport"]),
        .testTarget(name: "KehoachCompareTests", dependencies: ["KehoachCompare", "KehoachRender", "KehoachExtract"]),
        .testTarget(name: "KehoachExportTests", dependencies: ["KehoachExport", "KehoachCorpus", "KehoachExtract", "KehoachTestSupport"]),
        .testTarget(name: "KehoachServeTests", dependencies: ["KehoachServe", "KehoachCorpus", "KehoachExtract", "KehoachTestSupport"]),
    ]
)
