import KehoachGrammar
import KehoachLexer
import KehoachParser
import KehoachText

/// document tree → Plan: metadata, citations and tables as the parser read them, plus the
/// targets, deadlines, responsible units and objectives found in the sections.
public struct Extractor: Sendable {
    public let grammar: Grammar

    public init(grammar: Grammar = .bundled) {
        self.grammar = grammar
    }

    public func extract(_ document: PlanDocument, source: String? = nil) -> Plan {
        let metadata = metadata(document)
        let items = PlanItems(document, grammar: grammar)
        let targetsByItem = targets(in: items, planYear: metadata.schoolYear == nil ? metadata.year : nil)
        let targets = Array(targetsByItem.joined())
        let deadlines = deadlines(in: items, tables: document.tables, planYears: planYears(metadata))
        return Plan(source: source, metadata: metadata, citations: citations(document),
                    sections: document.sections.map(record), targets: targets, deadlines: deadlines,
                    responsibilities: ResponsibilityExtractor(grammar: grammar).responsibilities(in: document),
                    objectives: objectives(in: items, targetsByItem: targetsByItem), tables: document.tables.map(record),
                    recipients: document.closing.recipients, diagnostics: document.diagnostics, document: nil)
    }

    /// The targets of each item, in the items' order.
    func targets(in items: PlanItems, planYear: Int?) -> [[Target]] {
        let extractor = TargetExtractor(grammar: grammar)
        return items.items.map { item in
            extractor.targets(in: item.keyed).map { found in
                Target(line: item.run.line(atUTF8: found.offset), quote: found.quote, value: found.value,
                       unit: found.unit, comparator: found.comparator, aspirational: found.aspirational,
                       population: found.population, indicator: found.indicator,
                       year: found.ownYear ?? item.sectionYear ?? planYear, text: item.run.text,
                       section: item.path)
            }
        }
    }

    func deadlines(in items: PlanItems, tables: [Table], planYears: Set<Int>) -> [Deadline] {
        let extractor = DeadlineExtractor(grammar: grammar, planYears: planYears)
        var deadlines: [Deadline] = []
        var seen: Set<String> = []
        func add(_ found: DeadlineExtractor.Found, line: Int, task: String, path: [String]) {
            guard seen.insert("\(line)|\(found.date ?? "-")").inserted else { return }
            deadlines.append(Deadline(line: line, quote: found.quote, date: found.date, kind: found.kind,
                                      task: task.leadingCharacters(160), section: path))
        }
        for item in items.items {
            if item.isHeading, let year = item.headingYear {
                // "Mục tiêu cụ thể năm 2025" → during 2025; "Mục tiêu đến năm 2030" → before 2030
                add(DeadlineExtractor.Found(offset: 0, quote: item.run.text, date: "\(year.year)", kind: year.isLimit ? .before : .during),
                    line: item.run.location.line, task: item.run.text, path: item.path)
                continue
            }
            for found in extractor.deadlines(in: item.keyed) {
                add(found, line: item.run.line(atUTF8: found.offset), task: item.run.text, path: item.path)
            }
        }
        // a table's time column; its other cells are read with the rows' items above
        for table in tables {
            let columns = TableColumns(table, grammar: grammar)
            guard let time = columns.time else { continue }
            for row in table.dataRows where time < row.cells.count {
                if let found = extractor.deadline(inTimeCell: row.cells[time]) {
                    add(found, line: row.location.line, task: columns.task(of: row), path: [])
                }
            }
        }
        // in the plan's order: a table's time cells stand beside its rows' other deadlines
        return deadlines.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// The items under MỤC TIÊU / MỤC ĐÍCH sections (not their own headings), each with the
    /// targets it sets. An item's targets are numbered by counting those of the items before it
    /// in `targetsByItem` (`targets(in:)`'s answer), so linking is one pass.
    func objectives(in items: PlanItems, targetsByItem: [[Target]]) -> [Objective] {
        var objectives: [Objective] = []
        var next = 0
        for (item, own) in zip(items.items, targetsByItem) {
            defer { next += own.count }
            guard item.kinds.contains(where: \.isObjectives), item.ownKind == nil else { continue }
            objectives.append(Objective(line: item.run.location.line, text: item.run.text, section: item.path,
                                        targets: Array(next..<(next + own.count))))
        }
        return objectives
    }

    /// The plan's own years: its year or school year, and the years its title spans ("đến năm
    /// 2025, định hướng đến năm 2030", "thời kỳ 2021-2030"). A deadline in one of them restates the
    /// plan's scope.
    func planYears(_ metadata: Metadata) -> Set<Int> {
        var years: Set<Int> = []
        if let y = metadata.year { years.insert(y) }
        if let school = metadata.schoolYear {
            for part in school.split(separator: "-") { if let y = Int(part) { years.insert(y) } }
        }
        if let title = metadata.title {
            // every year the title prints: "năm 2025", "thời kỳ 2021-2030"
            var scanner = ByteScanner(key: title)
            while !scanner.isAtEnd {
                let atWordStart = scanner.position == 0 || !TextBytes.isWordByte(scanner.bytes[scanner.position - 1])
                if atWordStart, let y = scanner.scanNumber(maxDigits: 4) {
                    if (1990...2100).contains(y) { years.insert(y) }
                } else {
                    scanner.position += 1
                }
            }
        }
        return years
    }

    func metadata(_ document: PlanDocument) -> Metadata {
        let header = document.header
        let title = header.title?.value
        let scope = title.map(PlanScope.init(title:))
        return Metadata(number: header.number?.value, symbol: header.symbol?.value, docType: header.documentType?.value,
                        issuer: header.issuer?.value, level: header.level, place: header.place?.value,
                        date: header.date?.value.iso, title: title, signer: document.closing.signer,
                        signerTitle: document.closing.signerTitle, year: scope?.year, schoolYear: scope?.schoolYear)
    }

    func citations(_ document: PlanDocument) -> [CitationRecord] {
        document.citations.map {
            CitationRecord(type: $0.type, number: $0.number, date: $0.date?.iso, issuer: $0.issuer, line: $0.location.line)
        }
    }

    func record(_ section: Section) -> SectionRecord {
        SectionRecord(label: section.label.text, title: section.title.text, line: section.location.line,
                      kind: section.kind, children: section.children.map(record))
    }

    func record(_ table: Table) -> TableRecord {
        TableRecord(line: table.location.line, header: table.header, rows: table.dataRows.count,
                    groupRows: table.rows.count - table.dataRows.count)
    }
}

/// The period a plan covers, read from its title: "năm 2026" or "năm học 2025 - 2026".
struct PlanScope {
    var year: Int?
    var schoolYear: String?

    init(title: String) {
        let key = Folding.matchKey(title)
        var scanner = ByteScanner(key: key)
        while !scanner.isAtEnd {
            if scanner.scan("năm học") {
                scanner.skipSpaces()
                if let first = scanner.scanNumber(maxDigits: 4) {
                    scanner.skipSpaces()
                    _ = scanner.scan(byte: UInt8(ascii: "-")) || scanner.scan("–", wholeWord: false)
                    scanner.skipSpaces()
                    if let second = scanner.scanNumber(maxDigits: 4), second == first + 1 {
                        schoolYear = "\(first)-\(second)"
                        return
                    }
                }
            } else if scanner.scan("năm") {
                scanner.skipSpaces()
                if let value = scanner.scanNumber(maxDigits: 4), (1990...2100).contains(value) {
                    // "giai đoạn 2021 - 2025" is a range, not the plan's year
                    year = value
                }
            } else {
                scanner.position += 1
            }
        }
    }
}
