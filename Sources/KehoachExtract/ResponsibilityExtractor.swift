import Foundation
import KehoachGrammar
import KehoachParser
import KehoachText

/// Finds the units a plan gives duties to: headings and "Unit: …" bullets under TỔ CHỨC THỰC
/// HIỆN / PHÂN CÔNG, "Hiệu trưởng chịu trách nhiệm …" sentences there, and the Chủ trì (lead)
/// / Phối hợp (support) columns of a table. Names are normalised (abbreviations expanded,
/// locality words of sub-units dropped); one role per unit, lead wins.
struct ResponsibilityExtractor {
    let grammar: Grammar

    private var words: ResponsibilityGrammar { grammar.responsibilities }

    func responsibilities(in document: PlanDocument) -> [Responsibility] {
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
            guard isDutySection || path.contains(where: { $0.kind?.assignsDuties == true }) else { return }
            // a heading under the duties section that names a unit
            if !isDutySection, let unit = unitName(startingText: section.title.text) {
                let tasks = section.blocks.compactMap { block -> String? in
                    if case .paragraph(let p) = block { return p.text.leadingCharacters(120) } else { return nil }
                }
                add(unit, .lead, line: section.location.line, task: nil)
                for task in tasks { add(unit, .lead, line: section.location.line, task: task) }
                return
            }
            for case .paragraph(let paragraph) in section.blocks {
                for (unit, task) in dutySentences(KeyedText(paragraph.run)) {
                    add(unit, .lead, line: paragraph.location.line, task: task)
                }
            }
        }
        for table in document.tables {
            let roles = table.header.enumerated().compactMap { index, header -> (Int, Responsibility.Role)? in
                guard let role = words.columns.prefixMatch(of: Folding.matchKey(header)),
                      role.range.count == Folding.matchKey(header).utf8.count else { return nil }
                return (index, role.value == .lead ? .lead : .support)
            }
            guard !roles.isEmpty else { continue }
            for row in table.dataRows {
                let task = row.cells.filter { !$0.isEmpty }.dropFirst().first.map { $0.leadingCharacters(120) }
                for (column, role) in roles where column < row.cells.count {
                    for unit in splitUnits(row.cells[column]) { add(unit, role, line: row.location.line, task: task) }
                }
            }
        }
        return found
    }

    // MARK: - Reading unit names

    /// "Phòng Văn hoá - Xã hội", "Trách nhiệm của Phòng GDĐT", "Các cơ sở giáo dục trên địa bàn
    /// phường": the unit a heading names, or nil when it names a task.
    private func unitName(startingText text: String) -> String? {
        var rest = text.trimming(" :.-–")
        if let prefix = words.unitPrefixes.prefixMatch(of: Folding.matchKey(rest)) {
            rest = String(decoding: Array(rest.utf8)[prefix.range.upperBound...], as: UTF8.self).trimming(" :")
        }
        let key = Folding.matchKey(rest)
        guard words.unitHeads.prefixMatch(of: key) != nil else { return nil }
        // a heading that goes on into a sentence names a task, not a unit
        if rest.count > 90 { return nil }
        return rest
    }

    /// "Phòng GDĐT: chủ trì …" and "Hiệu trưởng chịu trách nhiệm về …" in a duties section.
    /// Sentences are cut on the key's bytes (". "), so nothing is folded or split twice.
    private func dutySentences(_ item: KeyedText) -> [(String, String)] {
        var found: [(String, String)] = []
        var start = 0
        while start < item.count {
            var end = start
            while end < item.count, !(item.keyBytes[end] == UInt8(ascii: ".") && (end + 1 == item.count || item.keyBytes[end + 1] == 0x20)) { end += 1 }
            defer { start = end + 1 }
            // skip the bullet marks and spaces that open the sentence
            var begin = start
            while begin < end, " -+•".utf8.contains(item.keyBytes[begin]) { begin += 1 }
            guard begin < end else { continue }
            let key = item.key(begin..<end)
            if words.requests.prefixMatch(of: key) != nil { continue }
            guard words.unitHeads.prefixMatch(of: key) != nil || words.unitPrefixes.prefixMatch(of: key) != nil else { continue }
            let sentence = item.text(begin..<end)
            if let colon = item.keyBytes[begin..<end].firstIndex(of: UInt8(ascii: ":")),
               let unit = unitName(startingText: item.text(begin..<colon)) {
                found.append((unit, item.text((colon + 1)..<end).trimmedSpaces))
                continue
            }
            guard words.unitHeads.prefixMatch(of: key) != nil, let verb = words.dutyVerbs.matches(in: key).first else { continue }
            let subject = item.text(begin..<(begin + verb.range.lowerBound)).trimmedSpaces
            if subject.split(separator: " ").count <= 12, let unit = unitName(startingText: subject) {
                found.append((unit, sentence))
            }
        }
        return found
    }

    /// "Phòng GDĐT, các cơ sở giáo dục" or "Sở GDĐT và UBND thành phố" → one name each.
    private func splitUnits(_ cell: String) -> [String] {
        let item = KeyedText(cell)
        var parts: [String] = []
        var start = 0
        for i in 0...item.count where i == item.count || item.keyBytes[i] == 0x2C || item.keyBytes[i] == 0x3B || item.keyBytes[i] == 0x0A {
            // "A và B" splits too when B starts a unit name
            var pieceStart = start
            let piece = item.keyBytes[start..<i]
            if let and = piece.firstOffset(of: " và ".utf8),
               words.unitHeads.prefixMatch(of: item.key((start + and + 5)..<i)) != nil {
                parts.append(item.text(start..<(start + and)))
                pieceStart = start + and + 5
            }
            parts.append(item.text(pieceStart..<i))
            start = i + 1
        }
        return parts.map { $0.trimming(" .-–") }.filter { !$0.isEmpty }
    }

    /// The unit's name as the gold conventions write it: abbreviations expanded, spelling
    /// variants merged, locality words of a sub-unit dropped (kept for a local government).
    func normalize(_ raw: String) -> String? {
        var name = grammar.abbreviations.expand(raw.trimming(" :;,.-–")).trimmedSpaces
        var key = Folding.matchKey(name)
        let isLocalGovernment = key.hasPrefix("ủy ban nhân dân")
        if !isLocalGovernment {
            // drop a trailing locality: "… phường", "… trên địa bàn phường"
            for match in words.localityWords.matches(in: key).reversed() where match.range.upperBound == key.utf8.count {
                name = String(decoding: Array(name.utf8)[..<match.range.lowerBound], as: UTF8.self).trimming(" ,")
                key = Folding.matchKey(name)
                break
            }
        }
        if let canonical = words.canonicalNames.prefixMatch(of: key), canonical.range.count == key.utf8.count {
            name = canonical.value
        }
        guard let first = name.first else { return nil }
        return first.uppercased() + name.dropFirst()
    }
}
