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
        /// For a heading about a period ("Giai đoạn 2026 - 2030"): its years.
        var headingPeriod: (from: Int, to: Int)? = nil
        /// The item is a data row of a table (its content cells).
        var isTableRow = false
        /// The item is a row of a table of funds or points: its numbers set no target.
        var setsNoTargets = false
    }

    private(set) var items: [Item] = []

    /// The items of `document`; `columns` says what each of its tables' columns holds.
    init(_ document: PlanDocument, columns: [TableColumns]) {
        func visit(_ sections: [Section], path: [String], kinds: [SectionKind], year: Int?) {
            for section in sections {
                let period = YearPhrase.period(in: Array(section.title.key.utf8))
                let ownYear = YearPhrase.headingYear(in: section.title.key) ?? period?.to
                // "II. MỤC TIÊU" / "1. Phát triển kinh tế số đến năm 2030": a heading among objectives
                // scopes its targets to its year as an objectives heading does
                let amongObjectives = kinds.contains(.objectives) || kinds.contains(.specificObjectives)
                let scopesYear = section.kind == .specificObjectives || section.kind == .objectives || amongObjectives || isYearHeading(section.title.key)
                let year = (scopesYear ? ownYear : nil) ?? year
                let path = path + [section.label.text]
                let kinds = kinds + (section.kind.map { [$0] } ?? [])
                var heading = Item(run: section.title, keyed: KeyedText(section.title), path: path, kinds: kinds, isHeading: true,
                                   sectionTitle: section.title.text, sectionYear: year, isBullet: false)
                heading.ownKind = section.kind
                // a heading about a year ("Mục tiêu đến năm 2030"), not a lettered objective sentence
                if scopesYear, let period, Self.wordCount(section.title.text) <= 10 {
                    heading.headingPeriod = period
                } else if scopesYear, let own = ownYear, Self.wordCount(section.title.text) <= 10 {
                    let key = section.title.key.utf8
                    heading.headingYear = (own, key.contains(subsequence: "đến năm".utf8) || key.contains(subsequence: "đến hết năm".utf8)
                                                || key.contains(subsequence: "trước năm".utf8))
                }
                items.append(heading)
                for block in section.blocks {
                    switch block {
                    case .paragraph(let paragraph):
                        let isBullet: Bool
                        if case .bullet = paragraph.kind { isBullet = true } else { isBullet = false }
                        items.append(Item(run: paragraph.run, keyed: KeyedText(paragraph.run), path: path, kinds: kinds, isHeading: false,
                                          sectionTitle: section.title.text, sectionYear: year, isBullet: isBullet))
                    case .table(let index):
                        addRows(of: document.tables[index], columns: columns[index],
                                path: path, kinds: kinds, sectionTitle: section.title.text, year: year)
                    }
                }
                visit(section.children, path: path, kinds: kinds, year: year)
            }
        }
        visit(document.sections, path: [], kinds: [], year: nil)
    }

    /// Each data row of a table as an item: its content cells (the task, its targets, its result),
    /// and one item for each cell of a year column ("Năm 2025": 80%), due that year.
    private mutating func addRows(of table: Table, columns: TableColumns, path: [String], kinds: [SectionKind],
                                  sectionTitle: String, year: Int?) {
        for row in table.rows where !row.isGroup {
            let rowPath = path + (row.group.map { [table.rows[$0].cells.first { !$0.isEmpty } ?? ""] } ?? [])
            func add(_ run: TextRun?, year: Int?) {
                guard let run, !run.text.isEmpty else { return }
                var item = Item(run: run, keyed: KeyedText(run), path: rowPath, kinds: kinds, isHeading: false,
                                sectionTitle: sectionTitle, sectionYear: year, isBullet: false)
                item.isTableRow = true
                item.setsNoTargets = columns.setsNoTargets
                items.append(item)
            }
            add(columns.content(of: row), year: year)
            for (column, due) in columns.years where column < row.width && !row.cells[column].isEmpty {
                var run = columns.taskRun(of: row) ?? row.run(column)
                if run.text != row.cells[column] { run.append(row.run(column), separator: ": ") }
                add(run, year: due)
            }
        }
    }

    /// "Năm 2025", "Đến năm 2030", "Mục tiêu đến năm 2030", "Giai đoạn 2026 - 2030": a heading
    /// about a year or a period.
    private func isYearHeading(_ key: String) -> Bool {
        return key.hasBytePrefix("năm ") || key.hasBytePrefix("đến năm ") || key.hasBytePrefix("đến hết năm ")
            || key.hasBytePrefix("mục tiêu") || key.hasBytePrefix("chỉ tiêu") || key.hasBytePrefix("giai đoạn ")
            // "PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU … ĐẾN NĂM 2030": an appendix of targets due then
            || key.withBytes { $0.firstOffset(of: Self.targetsWord) != nil }
    }

    private static let targetsWord = Array("các chỉ tiêu".utf8)

    /// The number of words between spaces, on the bytes.
    private static func wordCount(_ text: String) -> Int {
        text.withBytes { bytes in
            var words = 0
            for i in bytes.indices where bytes[i] != 0x20 && (i == 0 || bytes[i - 1] == 0x20) { words += 1 }
            return words
        }
    }
}
