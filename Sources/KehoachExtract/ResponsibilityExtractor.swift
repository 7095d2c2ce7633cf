import KehoachGrammar
import KehoachParser
import KehoachText

/// Finds the units a plan gives duties to:
///
/// - under TỔ CHỨC THỰC HIỆN / PHÂN CÔNG: headings that name a unit ("2. Công an tỉnh", "5. Sở
///   Văn hóa …: Định hướng …", "14. Đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh: …"),
///   "Unit: …" bullets and "Hiệu trưởng chịu trách nhiệm …" sentences;
/// - anywhere: "giao X chủ trì, phối hợp với Y" (X lead, Y support) and a task list's label lines
///   ("- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …");
/// - the Chủ trì (lead) / Phối hợp (support) columns of a table.
///
/// Names are normalised (abbreviations expanded, locality words of sub-units dropped); one role
/// per unit, lead wins. A Quyết định's execution formula and units named only as "whoever is
/// concerned" give nobody a duty.
struct ResponsibilityExtractor {
    let grammar: Grammar

    private var words: ResponsibilityGrammar { grammar.responsibilities }

    /// The units of a plan; `columns` says what each of its tables' columns holds.
    func responsibilities(in document: PlanDocument, columns: [TableColumns]) -> [Responsibility] {
        var found: [Responsibility] = []
        var indexByKey: [String: Int] = [:]
        // a unit heading is added once per task under it: its name is normalised and folded once
        var normalized: [String: (unit: String, key: String)?] = [:]
        func add(_ raw: String, _ role: Responsibility.Role, line: Int, task: String?) {
            let named: (unit: String, key: String)?
            if let memo = normalized[raw] {
                named = memo
            } else {
                named = normalize(raw).map { ($0, Folding.matchKey($0)) }
                normalized[raw] = .some(named)
            }
            guard let (unit, key) = named else { return }
            if let index = indexByKey[key] {
                if role == .lead { found[index].role = .lead }
                if let task, !task.isEmpty { found[index].tasks.append(task) }
            } else {
                indexByKey[key] = found.count
                found.append(Responsibility(unit: unit, role: role, line: line, tasks: task.map { [$0] } ?? []))
            }
        }
        document.walk { section, path in
            let isDutySection = section.kind?.assignsDuties == true
            let inDuties = isDutySection || path.contains(where: { $0.kind?.assignsDuties == true })
            // a task list may be arranged by unit too ("IV. NHIỆM VỤ CỤ THỂ" / "1.2. Sở Tài chính")
            let inTasks = path.contains { $0.kind == .tasks || $0.kind == .tasksAndSolutions }
            // "a) Cơ quan chủ trì" over its list of units
            if let role = columnRole(ofHeading: section.title.key) {
                for case .paragraph(let paragraph) in section.blocks where paragraph.text.utf8.count < 300 {
                    // "b) Cơ quan thực hiện:" over "- Đơn vị chủ trì: …" and "- Đơn vị phối hợp: …"
                    if let labelled = labelLine(KeyedText(paragraph.run)) {
                        for (unit, role) in labelled { add(unit, role, line: paragraph.location.line, task: nil) }
                        continue
                    }
                    for unit in splitUnits(paragraph.text) { add(unit, role, line: paragraph.location.line, task: nil) }
                }
                return
            }
            // a heading that gives roles ("Giao Công an tỉnh chủ trì, phối hợp …"), or, under the
            // duties section, names units
            let assigned = Self.mayAssign(section.title.key) ? assignments(KeyedText(section.title)) : []
            if !assigned.isEmpty {
                for (unit, role) in assigned { add(unit, role, line: section.location.line, task: section.title.text.leadingCharacters(120)) }
            } else if inDuties && !isDutySection
                        || inTasks && (Self.namesABody(section.title.text) || Self.namesALocalGovernment(section.title.key)
                                       || words.unitPrefixes.prefixMatch(of: section.title.key) != nil),
                      let units = unitsOfHeading(section.title.text) {
                let paragraphs = section.blocks.compactMap { block -> Paragraph? in
                    if case .paragraph(let p) = block { return p } else { return nil }
                }
                let tasks = paragraphs.map { $0.text.leadingCharacters(120) }
                // "Sở Khoa học và Công nghệ, Sở Nội vụ" over "Sở Khoa học và Công nghệ chủ trì, phối
                // hợp với Sở Nội vụ …": the body says who leads
                var bodyRoles: [String: Responsibility.Role] = [:]
                if units.count > 1 {
                    for paragraph in paragraphs where Self.mayAssign(paragraph.run.key) {
                        for (unit, role) in assignments(KeyedText(paragraph.run)) {
                            let key = Folding.matchKey(normalize(unit) ?? unit)
                            if bodyRoles[key] != .lead { bodyRoles[key] = role }
                        }
                    }
                }
                for unit in units {
                    let role = bodyRoles[Folding.matchKey(normalize(unit) ?? unit)] ?? .lead
                    add(unit, role, line: section.location.line, task: nil)
                    for task in tasks { add(unit, role, line: section.location.line, task: task) }
                }
            }
            // "- Cơ quan thực hiện:" over "+ Sở Xây dựng đăng tải …" bullets: their units
            var listedRole: Responsibility.Role? = nil
            for case .paragraph(let paragraph) in section.blocks {
                if let role = listedRole {
                    if case .bullet = paragraph.kind, let unit = unitName(startingText: paragraph.text),
                       Self.namesABody(unit) || Self.namesALocalGovernment(Folding.matchKey(unit)) {
                        let assigned = assignments(KeyedText(paragraph.run))
                        for (unit, role) in assigned.isEmpty ? [(unit, role)] : assigned {
                            add(unit, role, line: paragraph.location.line, task: paragraph.text.leadingCharacters(120))
                        }
                        continue
                    }
                    listedRole = nil
                }
                // most paragraphs name no unit: only these are read word by word
                guard inDuties || Self.mayAssign(paragraph.run.key) || Self.mayBeLabelLine(paragraph.run.key, within: inTasks ? 200 : 60) else { continue }
                let item = KeyedText(paragraph.run)
                let line = paragraph.location.line
                if let units = labelLine(item) {
                    for (unit, role) in units { add(unit, role, line: line, task: section.title.text.leadingCharacters(120)) }
                    continue
                }
                if let role = emptyLabel(item) {
                    listedRole = role
                    continue
                }
                for (unit, role) in assignments(item) { add(unit, role, line: line, task: paragraph.text.leadingCharacters(120)) }
                if inDuties || inTasks {
                    // among tasks, only "Sở Xây dựng: hướng dẫn …" (a proper name before a colon)
                    for (unit, role, task) in dutySentences(item, namedBeforeColonOnly: !inDuties) { add(unit, role, line: line, task: task) }
                }
            }
        }
        for (table, columns) in zip(document.tables, columns) {
            guard !columns.roles.isEmpty else { continue }
            for row in table.dataRows {
                let task = columns.task(of: row).leadingCharacters(120)
                for (column, role) in columns.roles where column < row.cells.count {
                    for unit in splitUnits(columns.lines(of: column, in: row)) { add(unit, role, line: columns.line(of: column, in: row), task: task) }
                }
            }
        }
        return found
    }

    // MARK: - Where units are named

    /// "Phòng Văn hoá - Xã hội", "Sở Tài chính: Chủ trì, phối hợp …", "Đề nghị Viện Kiểm sát nhân
    /// dân tỉnh, Tòa án nhân dân tỉnh: …": the units a heading names, or nil when it names a task.
    private func unitsOfHeading(_ title: String) -> [String]? {
        var named = title
        if let colon = title.firstIndex(of: ":") {
            // "Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh": the units follow the colon
            let before = Folding.matchKey(String(title[..<colon])).trimming(" ")
            let isPrefixOnly = words.unitPrefixes.prefixMatch(of: before).map { $0.range.count == before.utf8.count } ?? false
            named = isPrefixOnly ? String(title[title.index(after: colon)...]) : String(title[..<colon])
        }
        named = Self.withoutOpener(named, openers: words.openers, heads: words.unitHeads)
        guard let rest = unitName(startingText: named, longest: 120) else { return nil }
        let units = splitUnits(rest)
        return units.isEmpty ? nil : units
    }

    /// "Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ngành và Ủy ban nhân dân …": the
    /// text after an opening phrase of grounds, from the first unit after its comma.
    private static func withoutOpener(_ text: String, openers: PhraseMatcher<Bool>, heads: PhraseMatcher<Bool>) -> String {
        let item = KeyedText(text)
        guard openers.prefixMatch(of: item.key) != nil else { return text }
        var i = 0
        while let comma = item.keyBytes[i...].firstIndex(of: 0x2C), comma < min(item.count, 240) {
            if item.phrase(startingAt: comma + 1, in: heads) != nil { return item.text((comma + 1)..<item.count).trimmedSpaces }
            i = comma + 1
        }
        return text
    }

    /// The unit a text starts with: "Trách nhiệm của Phòng GDĐT" → "Phòng GDĐT", "Bộ Công an tiến
    /// hành rà soát …" → "Bộ Công an", "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo" → "Sở Tài
    /// chính"; nil when the text does not start with a unit (or starts with a task: "Tổ chức
    /// nghiên cứu …"), or its name runs on longer than `longest`.
    private func unitName(startingText text: String, longest: Int = 90) -> String? {
        var rest = text.trimming(" :.-–")
        if let prefix = words.unitPrefixes.prefixMatch(of: Folding.matchKey(rest)) {
            rest = String(decoding: Array(rest.utf8)[prefix.range.upperBound...], as: UTF8.self).trimming(" :")
        }
        guard let head = words.unitHeads.prefixMatch(of: Folding.matchKey(rest)),
              words.taskVerbs.prefixMatch(of: Folding.matchKey(rest)) == nil else { return nil }
        // the name ends where its task (not in the word after its head: "Phòng Tham mưu") or a
        // remark on its role begins
        let item = KeyedText(rest)
        let whole = 0..<item.count
        let end = [nameEnd(in: whole, of: item, notBefore: head.range.upperBound + 2), roleRemark(in: whole, of: item, from: head.range.upperBound)]
            .compactMap { $0 }.min() ?? item.count
        rest = item.text(0..<end).trimming(" ,.;-–")
        return rest.count <= longest ? rest : nil
    }

    /// "Cơ quan chủ trì", "Cơ quan chủ trì, phối hợp:" as a heading's whole title: the role of the
    /// units listed under it (lead when it names both).
    private func columnRole(ofHeading key: String) -> Responsibility.Role? {
        guard words.columns.prefixMatch(of: key) != nil else { return nil }
        let title = key.trimming(" :.")
        let matches = words.columns.matches(in: title)
        guard let first = matches.first, first.range.lowerBound == 0 else { return nil }
        // nothing but role phrases, commas and "và"
        var rest = Array(title.utf8)
        for match in matches.reversed() { rest.removeSubrange(match.range) }
        let leftover = String(decoding: rest, as: UTF8.self).split(separator: " ").filter { $0 != "," && $0 != "và" }
        guard leftover.allSatisfy({ $0.allSatisfy { $0 == "," } }) else { return nil }
        return matches.contains { $0.value == .lead } ? .lead : .support
    }

    /// "- Đơn vị chủ trì: Phòng VH-XH", "Cơ quan phối hợp: …": a task list's label line.
    private func labelLine(_ item: KeyedText) -> [(String, Responsibility.Role)]? {
        guard let (role, colon) = label(of: item) else { return nil }
        // "Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với …": the roles are in the sentence
        let named = assignments(KeyedText(item.text((colon + 1)..<item.count)))
        if !named.isEmpty { return named }
        let units = splitUnits(item.text((colon + 1)..<item.count))
        return units.isEmpty ? nil : units.map { ($0, role) }
    }

    /// "- Đơn vị chủ trì:", "Đơn vị chủ trì tham mưu thực hiện:": a role label (a few words may
    /// follow its phrase) and the offset of its colon.
    private func label(of item: KeyedText) -> (Responsibility.Role, colon: Int)? {
        var start = 0
        while start < item.count, " -+•*".utf8.contains(item.keyBytes[start]) { start += 1 }
        guard let label = item.phrase(startingAt: start, in: words.columns) else { return nil }
        var colon = label.range.upperBound
        var words = 0
        while colon < item.count, item.keyBytes[colon] != UInt8(ascii: ":") {
            let byte = item.keyBytes[colon]
            if byte == 0x20 || byte == 0x0A {
                words += 1
                if words > 4 { return nil }
            } else if byte < 0x80 && !TextBytes.isWordByte(byte) {
                return nil
            }
            colon += 1
        }
        guard colon < item.count else { return nil }
        return (label.value == .lead ? .lead : .support, colon)
    }

    /// "- Cơ quan thực hiện:" with nothing after it: the units are on the bullets below.
    private func emptyLabel(_ item: KeyedText) -> Responsibility.Role? {
        guard let (role, colon) = label(of: item), item.text((colon + 1)..<item.count).trimming(" *").isEmpty else { return nil }
        return role
    }

    /// "giao Công an tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh theo dõi …" and "Sở Tài chính chủ
    /// trì, phối hợp với Công an tỉnh …": the unit before "chủ trì" leads, those after "phối hợp
    /// (với)" support, each name ending at a task verb or a clause's end.
    private func assignments(_ item: KeyedText) -> [(String, Responsibility.Role)] {
        guard Self.mayAssign(item.key) else { return [] }
        var found: [(String, Responsibility.Role)] = []
        for range in sentences(item) {
            let sentence = item.keyBytes[range]
            if !item.matches(of: words.boilerplate, in: range).isEmpty { continue }
            guard let lead = sentence.firstOffset(of: Self.leadWord) else { continue }
            let leadAt = range.lowerBound + lead
            // the subject: after "giao", or the sentence's start when a unit opens it
            var subjectStart = range.lowerBound
            while subjectStart < leadAt, " -+•*".utf8.contains(item.keyBytes[subjectStart]) { subjectStart += 1 }
            if let giao = item.keyBytes[subjectStart..<leadAt].lastOffset(of: Self.assignWord) {
                subjectStart += giao + Self.assignWord.count
            } else {
                // without "giao", "chủ trì" must stand as the duty ("X chủ trì, phối hợp …"), not
                // inside a noun phrase ("các đơn vị chủ trì quản lý hệ thống …")
                let after = item.keyBytes[(leadAt + Self.leadWord.count)...].drop { $0 == 0x20 }
                guard after.first == UInt8(ascii: ",") || after.starts(with: Self.supportWord) || after.isEmpty else { continue }
                if let colon = item.keyBytes[subjectStart..<leadAt].lastIndex(of: UInt8(ascii: ":")) { subjectStart = colon + 1 }
            }
            let subject = item.text(subjectStart..<leadAt).trimming(" ,:;-–")
            guard !subject.isEmpty, let named = unitName(startingText: subject), subject.split(separator: " ").count <= 14 else { continue }
            // "Sở Giáo dục và Đào tạo và Sở Y tế chủ trì": each unit of the subject leads
            for unit in splitUnits(named) { found.append((unit, .lead)) }
            // "…, phối hợp (với) Y …": the supporting units, up to a task verb
            let afterLead = leadAt + Self.leadWord.count
            guard let with = item.keyBytes[afterLead..<range.upperBound].firstOffset(of: Self.supportWord) else { continue }
            var start = afterLead + with + Self.supportWord.count
            for joiner in [Self.withWord, Self.alongWord] where item.keyBytes[start...].starts(with: joiner) { start += joiner.count }
            var end = start
            while end < range.upperBound {
                let atWord = end == start || item.keyBytes[end - 1] == 0x20
                if atWord, item.phrase(startingAt: end, in: words.taskVerbs) != nil, end > start { break }
                if item.keyBytes[end] == UInt8(ascii: ";") || item.keyBytes[end] == UInt8(ascii: "(") { break }
                end += 1
            }
            for unit in splitUnits(item.text(start..<end)) where words.unitHeads.prefixMatch(of: Folding.matchKey(unit)) != nil {
                found.append((unit, .support))
            }
        }
        return found
    }

    /// Among tasks, a heading names a unit only when short and proper: a capitalised word after
    /// its first ("Sở Tài chính", not "Chính quyền số, kinh tế số").
    private static func namesABody(_ title: String) -> Bool {
        var words = 1
        var capitalAfterFirst = false
        var afterSpace = false
        for scalar in title.unicodeScalars {
            if scalar == " " {
                words += 1
                if words > 12 { return false }
                afterSpace = true
                continue
            }
            if afterSpace, words <= 5, Folding.isUppercase(scalar) { capitalAfterFirst = true }
            afterSpace = false
        }
        return capitalAfterFirst
    }

    /// "Ủy ban nhân dân các phường, xã": a body whose name has no capital after its first word.
    private static func namesALocalGovernment(_ key: String) -> Bool {
        key.hasBytePrefix("ủy ban nhân dân ") || key.hasBytePrefix("ubnd ")
    }

    /// Whether a key holds "chủ trì": the word every assignment has. (The needle starts with a
    /// rare byte, not a space, so that memchr skips ahead.)
    private static func mayAssign(_ key: String) -> Bool {
        key.withBytes { $0.firstOffset(of: leadWordBytes) != nil }
    }

    private static let leadWordBytes = Array("chủ trì".utf8)

    /// Whether a key has a colon near its start, as "- Đơn vị chủ trì: …" and "+ Sở Tài chính phối
    /// hợp Ban Quản lý …: …" have.
    private static func mayBeLabelLine(_ key: String, within limit: Int) -> Bool {
        key.withBytes { bytes in TextBytes.firstOffset(of: UInt8(ascii: ":"), in: UnsafeBufferPointer(rebasing: bytes.prefix(limit))) != nil }
    }

    private static let andWord = Array(" và ".utf8)
    private static let leadWord = Array(" chủ trì".utf8)
    private static let assignWord = Array("giao ".utf8)
    private static let supportWord = Array("phối hợp ".utf8)
    private static let withWord = Array("với ".utf8)
    private static let alongWord = Array("cùng ".utf8)

    /// The sentences of an item, cut on the key's bytes at ". " and ";".
    private func sentences(_ item: KeyedText) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        while i <= item.count {
            if i == item.count || item.keyBytes[i] == UInt8(ascii: ";") || item.keyBytes[i] == UInt8(ascii: ".") && (i + 1 == item.count || item.keyBytes[i + 1] == 0x20) {
                if start < i { ranges.append(start..<i) }
                start = i + 1
            }
            i += 1
        }
        return ranges
    }

    /// "Phòng GDĐT: chủ trì …" and "Hiệu trưởng chịu trách nhiệm về …" in a duties section;
    /// "Sở Tài chính phối hợp Ban Quản lý …: hướng dẫn …" gives the units after "phối hợp" support.
    /// `namedBeforeColonOnly` keeps only the colon form with a proper name ("Sở Xây dựng:", not
    /// "Phòng học:").
    private func dutySentences(_ item: KeyedText, namedBeforeColonOnly: Bool = false) -> [(String, Responsibility.Role, String)] {
        var found: [(String, Responsibility.Role, String)] = []
        for range in sentences(item) {
            // skip the bullet marks and spaces that open the sentence
            var begin = range.lowerBound
            while begin < range.upperBound, " -+•".utf8.contains(item.keyBytes[begin]) { begin += 1 }
            guard begin < range.upperBound else { continue }
            let end = range.upperBound
            // most sentences open with no unit: tried on the key's bytes before any copy is made
            let opensWithHead = item.phrase(startingAt: begin, in: words.unitHeads).map { $0.range.upperBound <= end } ?? false
            guard opensWithHead || item.phrase(startingAt: begin, in: words.unitPrefixes).map({ $0.range.upperBound <= end }) ?? false,
                  item.phrase(startingAt: begin, in: words.requests) == nil,
                  item.matches(of: words.boilerplate, in: begin..<end).isEmpty else { continue }
            if namedBeforeColonOnly, item.keyBytes[begin..<end].firstIndex(of: UInt8(ascii: ":")) == nil { continue }
            if let colon = item.keyBytes[begin..<end].firstIndex(of: UInt8(ascii: ":")),
               let unit = unitName(startingText: item.text(begin..<colon)),
               !namedBeforeColonOnly || Self.namesABody(unit) || Self.namesALocalGovernment(Folding.matchKey(unit)) {
                let task = item.text((colon + 1)..<end).trimmedSpaces
                found.append((unit, .lead, task))
                if let with = item.keyBytes[begin..<colon].firstOffset(of: Self.supportWord) {
                    var start = begin + with + Self.supportWord.count
                    for joiner in [Self.withWord, Self.alongWord] where item.keyBytes[start...].starts(with: joiner) { start += joiner.count }
                    for supporter in splitUnits(item.text(start..<colon)) { found.append((supporter, .support, task)) }
                }
                continue
            }
            guard !namedBeforeColonOnly, opensWithHead, let verb = words.dutyVerbs.matches(in: item.key(begin..<end)).first else { continue }
            let sentence = item.text(begin..<end)
            let subject = item.text(begin..<(begin + verb.range.lowerBound)).trimmedSpaces
            if subject.split(separator: " ").count <= 12, let unit = unitName(startingText: subject) {
                found.append((unit, .lead, sentence))
            }
        }
        return found
    }

    /// "Phòng GDĐT, các cơ sở giáo dục" or "Sở GDĐT và UBND thành phố" → one name each; a name
    /// of a vague unit ("các đơn vị liên quan") is left out.
    private func splitUnits(_ cell: String) -> [String] {
        let item = KeyedText(Self.joiningWrappedWords(cell))
        var parts: [Range<Int>] = []
        var start = 0
        var depth = 0
        var outsideParentheses: [Bool] = []
        outsideParentheses.reserveCapacity(item.count)
        for i in 0...item.count {
            if i < item.count {
                if item.keyBytes[i] == UInt8(ascii: "(") { depth += 1 } else if item.keyBytes[i] == UInt8(ascii: ")") { depth = max(0, depth - 1) }
                outsideParentheses.append(depth == 0)
            }
            // a comma inside a parenthesis does not part units: "Sở Nội vụ (cơ quan thường trực, …)"
            guard i == item.count || depth == 0 && (item.keyBytes[i] == 0x2C || item.keyBytes[i] == 0x3B || item.keyBytes[i] == 0x0A) else { continue }
            // "A và B" splits too when B starts a unit name ("Sở Giáo dục và Đào tạo và Sở Y tế")
            var pieceStart = start
            var from = start
            while let and = item.keyBytes[from..<i].firstOffset(of: Self.andWord) {
                let after = from + and + Self.andWord.count
                // "(VNPT, Viettel, MobiFone và doanh nghiệp khác)": not inside a remark
                if outsideParentheses[from + and], item.phrase(startingAt: after, in: words.unitHeads) != nil {
                    parts.append(pieceStart..<(from + and))
                    pieceStart = after
                }
                from = after
            }
            parts.append(pieceStart..<i)
            start = i + 1
        }
        // a part that starts no unit name belongs to the name before it: "Phòng Kinh tế, Hạ tầng và
        // Đô thị"; so does a common noun after a plural "các …": "Các sở, ban, ngành"; a part in
        // lower case that names no unit is a unit's description ("…, phụ trách lĩnh vực …")
        // "Ủy ban nhân dân xã, phường chủ động tổ chức triển khai …, chức năng, nhiệm vụ": where a
        // name ends in its task, the parts after it up to the next ";" are that task's words
        var units: [(text: String, plural: Bool)] = []
        var inTask = false
        for raw in parts {
            let startsClause = raw.lowerBound == 0 || item.keyBytes[raw.lowerBound - 1] != 0x2C
            if inTask, !startsClause { continue }
            inTask = false
            var range = item.trimmed(raw, of: Self.unitTrim)
            guard !range.isEmpty else { continue }
            if let end = nameEnd(in: range, of: item) {
                range = item.trimmed(range.lowerBound..<end, of: Self.unitTrim)
                inTask = true
                guard !range.isEmpty else { continue }
            }
            var part = item.text(range)
            let isLower = part.unicodeScalars.first.map(Folding.isLowercaseLetter) == true
            // "…, theo dõi, đôn đốc": a part that opens with a verb is the task, not a name ("báo
            // cáo" is no "báo")
            if isLower || units.isEmpty, item.phrase(startingAt: range.lowerBound, in: words.taskVerbs) != nil
                || isLower && item.phrase(startingAt: range.lowerBound, in: words.lowercaseNameEnds) != nil {
                inTask = true
                continue
            }
            let isHead = item.phrase(startingAt: range.lowerBound, in: words.unitHeads) != nil
            let wordCount = item.keyBytes[range].reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
            let namesPlace = item.phrase(startingAt: range.lowerBound, in: words.subUnitLocalityWords) != nil
                || item.phrase(startingAt: range.lowerBound, in: words.localityWords) != nil
            if let last = units.last, Self.continuesWrappedLine(at: raw.lowerBound, in: item), isLower || !isHead || last.text.hasSuffix(" và") {
                // a name wrapped in its cell: "Văn phòng Ban Chỉ / huy", "Sở Nông nghiệp và / Môi trường"
                units[units.count - 1] = (last.text + " " + part, last.plural)
            } else if let last = units.last, wordCount == 1, Self.isListOfWords(last.text), !startsClause {
                // "Sở, ban, ngành", "Viện, Trường", "Báo, Đài": one group named by its kinds of body
                units[units.count - 1] = (last.text + ", " + part, true)
            } else if let last = units.last, last.plural, isLower, !isHead || wordCount == 1 {
                units[units.count - 1] = (last.text + ", " + part, true)
            } else if let last = units.last, !isHead, !isLower || wordCount <= 3 || namesPlace {
                units[units.count - 1] = (last.text + ", " + part, last.plural)
            } else if isHead || units.isEmpty {
                // "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ": "các" is said once for all
                if isLower, let first = units.first, first.plural, first.text.hasPrefix("Các ") || first.text.hasPrefix("các "),
                   !item.keyBytes[range].starts(with: Self.pluralWord) {
                    part = "các " + part
                }
                units.append((part, item.keyBytes[range].contains(subsequence: Self.pluralWord)))
            }
        }
        return units.map(\.text)
    }

    /// "UBND cấp xã thực\nhiện công bố …": a line break inside a cell before a word in lower case,
    /// after no comma or semicolon, is a wrapped line: a space, so that "thực hiện" ends the name.
    private static func joiningWrappedWords(_ cell: String) -> String {
        guard cell.utf8.contains(0x0A) else { return cell }
        var bytes = Array(cell.utf8)
        for i in bytes.indices where bytes[i] == 0x0A && i > 0 && i + 1 < bytes.count {
            let before = bytes[i - 1]
            guard before != 0x2C, before != 0x3B else { continue }
            let next = String(decoding: bytes[(i + 1)..<min(bytes.count, i + 5)], as: UTF8.self).unicodeScalars.first
            if let next, Folding.isLowercaseLetter(next) { bytes[i] = 0x20 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "Sở", "Sở, ban": names made of single words only.
    private static func isListOfWords(_ text: String) -> Bool {
        text.split(separator: ",").allSatisfy { !$0.trimmedSpaces.contains(" ") }
    }

    /// Whether the part at `start` begins a new line that no comma or semicolon ended.
    private static func continuesWrappedLine(at start: Int, in item: KeyedText) -> Bool {
        guard start > 0, item.keyBytes[start - 1] == 0x0A else { return false }
        var before = start - 1
        while before > 0, item.keyBytes[before - 1] == 0x20 { before -= 1 }
        return before > 0 && item.keyBytes[before - 1] != 0x2C && item.keyBytes[before - 1] != 0x3B
    }

    /// Where a name ends in a word that begins its task ("Sở Nội vụ chủ trì tham mưu …"): past
    /// the unit's head phrase (and `notBefore`), outside a remark in parentheses ("Sở Tài chính
    /// (cơ quan chủ trì)").
    private func nameEnd(in range: Range<Int>, of item: KeyedText, notBefore: Int = 0) -> Int? {
        var depth = 0
        var headEnd = item.phrase(startingAt: range.lowerBound, in: words.unitHeads)?.range.upperBound ?? range.lowerBound
        // "Trưởng Ban xây dựng Đảng": a post's unit is part of the head
        if item.phrase(startingAt: range.lowerBound, in: words.posts) != nil, let unit = item.phrase(startingAt: headEnd, in: words.unitHeads) {
            headEnd = unit.range.upperBound
        }
        var i = headEnd + 1
        // the word after the head belongs to the name even when it is a verb ("Ban quản lý", "Ban
        // xây dựng Đảng", "Tổ kiểm tra")
        let firstWordEnd = item.keyBytes[min(i, range.upperBound)..<range.upperBound].firstIndex(of: 0x20) ?? range.upperBound
        while i < range.upperBound {
            let byte = item.keyBytes[i - 1]
            if byte == UInt8(ascii: "(") { depth += 1 } else if byte == UInt8(ascii: ")") { depth = max(0, depth - 1) }
            if depth == 0, byte == 0x20, i >= notBefore {
                if let end = item.phrase(startingAt: i, in: words.nameEnds), end.range.upperBound <= range.upperBound { return i }
                if i > firstWordEnd, !item.isCapitalized(at: i), item.phrase(endingAt: i, in: words.nominalizers) == nil,
                   let end = item.phrase(startingAt: i, in: words.lowercaseNameEnds), end.range.upperBound <= range.upperBound { return i }
            }
            i += 1
        }
        return nil
    }

    /// Where a remark on a unit's role starts after a dash: "Sở Tài chính - Cơ quan thường trực".
    private func roleRemark(in range: Range<Int>, of item: KeyedText, from start: Int) -> Int? {
        var i = max(start, range.lowerBound + 1)
        while i < range.upperBound {
            if item.keyBytes[i - 1] == 0x20, item.keyBytes[i] == UInt8(ascii: "-") || item.keyBytes[i] == 0xE2,
               let remark = item.phrase(startingAt: i + (item.keyBytes[i] == 0xE2 ? 3 : 1), in: words.roleRemarks),
               remark.range.lowerBound > i { return i }
            i += 1
        }
        return nil
    }

    private static let unitTrim = Set(" .-–".utf8)
    private static let pluralWord = Array("các ".utf8)

    private static func withoutParentheses(_ text: String) -> String {
        guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { return text }
        return withoutParentheses(String(text[..<open]) + String(text[text.index(after: close)...]))
    }

    /// The unit's name as the gold conventions write it: abbreviations expanded, spelling
    /// variants merged, locality words of a sub-unit dropped (kept for a local government).
    func normalize(_ raw: String) -> String? {
        // "(Cơ quan thường trực …)": a remark, not part of the name
        var name = grammar.abbreviations.expand(Self.withoutParentheses(raw).trimming(" :;,.-–")).trimmedSpaces
        // "Các bộ, ngành, địa phương và": a conjunction left where the next name was cut off
        for conjunction in [" và", " cùng", " với"] where name.hasSuffix(conjunction) { name = String(name.dropLast(conjunction.count)).trimming(" ,") }
        var key = Folding.matchKey(name)
        // "Đồng chí Phó chủ tịch Thường trực", "Đối với Phòng GDĐT": the words before a name
        if let prefix = words.unitPrefixes.prefixMatch(of: key), prefix.range.upperBound < key.utf8.count {
            name = String(decoding: Array(name.utf8)[prefix.range.upperBound...], as: UTF8.self).trimming(" :")
            key = Folding.matchKey(name)
        }
        // "Thủ trưởng các sở", "Chủ tịch Ủy ban nhân dân các tỉnh": the unit the post heads
        if let post = words.posts.prefixMatch(of: key) {
            let rest = String(decoding: Array(name.utf8)[post.range.upperBound...], as: UTF8.self).trimmedSpaces
            if words.unitHeads.prefixMatch(of: Folding.matchKey(rest)) != nil, words.posts.prefixMatch(of: Folding.matchKey(rest)) == nil {
                name = rest
                key = Folding.matchKey(name)
            }
        }
        let isLocalGovernment = key.hasPrefix("ủy ban nhân dân")
        if !isLocalGovernment {
            func cut(at offset: Int) {
                name = String(decoding: Array(name.utf8)[..<offset], as: UTF8.self).trimming(" ,")
                key = Folding.matchKey(name)
            }
            // "… địa bàn tỉnh Hưng Yên": the area it works in, not its name
            if let area = words.areaWords.matches(in: key).first, area.range.lowerBound > 0 { cut(at: area.range.lowerBound) }
            // drop a trailing locality: "… trên địa bàn phường"; for a sub-unit, "… phường"; for a
            // group, which of them: "Các sở, ban, ngành cấp tỉnh", "… khác"
            // a group ("các sở", "Sở, ban, ngành thành phố") drops its place like a sub-unit
            let isSubUnit = words.subUnitHeads.prefixMatch(of: key) != nil || key.hasBytePrefix("các ")
                || key.split(separator: ",").first.map { !$0.contains(" ") } == true && key.contains(",")
            while true {
                let localities = words.localityWords.matches(in: key)
                    + (isSubUnit ? words.subUnitLocalityWords.matches(in: key) + words.groupQualifiers.matches(in: key) : [])
                guard let match = localities.filter({ $0.range.upperBound == key.utf8.count && $0.range.lowerBound > 0 })
                    .min(by: { $0.range.lowerBound < $1.range.lowerBound }) else { break }
                cut(at: match.range.lowerBound)
            }
        }
        // "tổ chức", "các tổ chức": a kind of body, not one
        let kind = key.hasBytePrefix("các ") ? String(key.utf8.dropFirst(4))! : key
        if let generic = words.genericNouns.prefixMatch(of: kind), generic.range.count == kind.utf8.count { return nil }
        // "các đơn vị liên quan", "các cơ quan được giao": a name that ends so names nobody
        if words.vagueUnits.matches(in: key).contains(where: { $0.range.upperBound == key.utf8.count }) { return nil }
        if let canonical = words.canonicalNames.prefixMatch(of: key), canonical.range.count == key.utf8.count {
            name = canonical.value
        }
        guard let first = name.first else { return nil }
        return first.uppercased() + name.dropFirst()
    }
}
