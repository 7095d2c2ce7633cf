import Foundation

/// All the language knowledge the pipeline uses, loaded from `grammars/*.grammar`.
///
/// A directory given at run time overrides the bundled copy file by file, so an analyst can add
/// a synonym to one file without recompiling; a file that cannot be used fails the load with
/// its `file:line`.
public struct Grammar: Sendable {
    public let header: HeaderGrammar
    public let sections: SectionGrammar
    public let citations: CitationGrammar
    public let abbreviations: AbbreviationGrammar
    public let targets: TargetGrammar
    public let indicators: IndicatorGrammar
    public let deadlines: DeadlineGrammar
    public let responsibilities: ResponsibilityGrammar

    /// The file names a grammar directory may hold.
    public static let fileNames = BundledGrammars.files.keys.sorted()

    /// The grammar compiled into the program (a copy of the repository's `grammars/`).
    public static let bundled: Grammar = {
        do { return try Grammar(texts: BundledGrammars.files) }
        catch { fatalError("the bundled grammar is invalid: \(error)") }
    }()

    /// Reads every `*.grammar` file of `directory`; files it lacks come from the bundled copy.
    public static func load(directory: String) throws(GrammarError) -> Grammar {
        var texts = BundledGrammars.files
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw GrammarError(file: directory, line: 0, "cannot read the grammar directory")
        }
        for name in names where name.hasSuffix(".grammar") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8) else {
                throw GrammarError(file: path, line: 0, "cannot read the file as UTF-8 text")
            }
            guard texts[name] != nil else {
                throw GrammarError(file: path, line: 0, "unknown grammar file; expected one of \(fileNames.joined(separator: ", "))")
            }
            texts[name] = text
        }
        return try Grammar(texts: texts, directory: directory)
    }

    init(texts: [String: String], directory: String? = nil) throws(GrammarError) {
        func file(_ name: String) throws(GrammarError) -> GrammarFile {
            let display = directory.map { ($0 as NSString).appendingPathComponent(name) } ?? "grammars/\(name)"
            return try GrammarFile(name: display, text: texts[name] ?? "")
        }
        header = try HeaderGrammar(file("header.grammar"))
        sections = try SectionGrammar(file("sections.grammar"))
        citations = try CitationGrammar(file("citations.grammar"))
        abbreviations = try AbbreviationGrammar(file("abbreviations.grammar"))
        targets = try TargetGrammar(file("targets.grammar"))
        indicators = try IndicatorGrammar(file("indicators.grammar"))
        deadlines = try DeadlineGrammar(file("deadlines.grammar"))
        responsibilities = try ResponsibilityGrammar(file("responsibilities.grammar"))
    }
}

/// The text of a bundled grammar file, for tools that show or compare it.
public enum BundledGrammarText {
    public static func text(of name: String) -> String? { BundledGrammars.files[name] }
}
