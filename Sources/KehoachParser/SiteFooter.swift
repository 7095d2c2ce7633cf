import KehoachGrammar
import KehoachLexer

/// A website's footer after the document ("Văn bản liên quan" and the list of other documents
/// under it, with their dates): it is the site's, not the plan's, so the plan ends before it.
enum SiteFooter {
    /// The index of the footer's first line among `tokens`, if they have one.
    static func start(in tokens: ArraySlice<Token>, grammar: HeaderGrammar) -> Int? {
        tokens.firstIndex { token in
            !token.isBlank && token.key.utf8.count < 60 && grammar.siteFooter.contains(exactly: token.key.trimming(" :."))
        }
    }
}
