import KehoachGrammar
import KehoachParser
import KehoachText

/// The items of a plan's body in document order — each heading title and each paragraph —
/// with the context the extractors need: the section path, the kinds of the enclosing sections
/// and the year a heading scopes them to.
struct PlanItems {
    struct Item {
        var run: TextRun
        /// The run's text and key as bytes, made once and shared by every extractor.
        var keyed: KeyedText
        /// Section labels, outermost first.
        var path: [String]
        var kinds: [SectionKind]
        /// The item is a heading's title (a numbered objective, a unit heading).
        var isHeading: Bool
        /// For a heading: the kind its title names ("Mục tiêu cụ thể"), nil for a plain item.
        var ownKind: SectionKind? = nil
        /// The section the item belongs to (for a heading: the section it opens).
        var sectionTitle: String
        var sectionYear: Int?
        var isBullet: Bool
        /// For an objectives heading about a year: the year, and whether it is a limit ("đến năm").
        var headingYear: (year: Int, isLimit: Bool)? = nil
    }

    private(set) var items: [Item] = []

    init(_ document: PlanDocument) {
        func visit(_ sections: [Section], path: [String], kinds: [SectionKind], year: Int?) {
            for section in sections {
                let ownYear = YearPhrase.headingYear(in: section.title.key)
                let scopesYear = section.kind == .specificObjectives || section.kind == .objectives || isYearHeading(section.title.key)
                let year = (scopesYear ? ownYear : nil) ?? year
                let path = path + [section.label.text]
                let kinds = kinds + (section.kind.map { [$0] } ?? [])
                var heading = Item(run: section.title, keyed: KeyedText(section.title), path: path, kinds: kinds, isHeading: true,
                                   sectionTitle: section.title.text, sectionYear: year, isBullet: false)
                heading.ownKind = section.kind
                // a heading about a year ("Mục tiêu đến năm 2030"), not a lettered objective sentence
                if scopesYear, let own = ownYear, section.title.text.split(separator: " ").count <= 10 {
                    let key = section.title.key
                    heading.headingYear = (own, key.contains("đến năm") || key.contains("đến hết năm") || key.contains("trước năm"))
                }
                items.append(heading)
                for case .paragraph(let paragraph) in section.blocks {
                    let isBullet: Bool
                    if case .bullet = paragraph.kind { isBullet = true } else { isBullet = false }
                    items.append(Item(run: paragraph.run, keyed: KeyedText(paragraph.run), path: path, kinds: kinds, isHeading: false,
                                      sectionTitle: section.title.text, sectionYear: year, isBullet: isBullet))
                }
                visit(section.children, path: path, kinds: kinds, year: year)
            }
        }
        visit(document.sections, path: [], kinds: [], year: nil)
    }

    /// "Năm 2025", "Đến năm 2030", "Mục tiêu đến năm 2030": a heading about a year.
    private func isYearHeading(_ key: String) -> Bool {
        return key.hasPrefix("năm ") || key.hasPrefix("đến năm ") || key.hasPrefix("đến hết năm ") || key.hasPrefix("mục tiêu")
            || key.hasPrefix("chỉ tiêu")
    }
}
