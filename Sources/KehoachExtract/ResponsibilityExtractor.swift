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
        func add(_ raw: String, _ role: Responsibility.Role, line: Int, task: String?) {
            guard let unit = normalize(raw) else { return }
            let key = Folding.matchKey(unit)
            if let index = found.firstIndex(where: { Folding.matchKey($0.unit) == key }) {
                if role == .lead { found[index].role = .lead }
                if let task, !task.isEmpty { found[index].tasks.append(task) }
            } else {
                found.append(Responsibility(unit: unit, role: role, line: line, tasks: task.map { [$0] } ?? []))
            }
        }
        document.walk { section, path in
            let inDuties = (path.map(\.kind) + [section.kind]).contains { $0?.assignsDuties == true }
            guard inDuties else { return }
            let isDutySection = section.kind?.assignsDuties == true
            // a heading under the duties section that names a unit
            if !isDutySection, let unit = unitName(startingText: section.title.text) {
                let tasks = section.blocks.compactMap { block -> String? in
                    if case .paragraph(let p) = block { return String(p.text.prefix(120)) } else { return nil }
                }
                add(unit, .lead, line: section.location.line, task: nil)
                for task in tasks { add(unit, .lead, line: section.location.line, task: task) }
                return
            }
            for case .paragraph(let paragraph) in section.blocks {
                for (unit, task) in dutySentences(paragraph.text) {
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
                let task = row.cells.filter { !$0.isEmpty }.dropFirst().first.map { String($0.prefix(120)) }
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
    private func dutySentences(_ text: String) -> [(String, String)] {
        var found: [(String, String)] = []
        for sentence in text.split(separator: ".") {
            let s = sentence.trimming(" -+•")
            let key = Folding.matchKey(s)
            if words.requests.prefixMatch(of: key) != nil { continue }
            if let colon = s.firstIndex(of: ":"), let unit = unitName(startingText: String(s[..<colon])) {
                found.append((unit, String(s[s.index(after: colon)...]).trimmedSpaces))
                continue
            }
            guard words.unitHeads.prefixMatch(of: key) != nil else { continue }
            for verb in words.dutyVerbs.matches(in: key) {
                let subject = String(decoding: Array(s.utf8)[..<verb.range.lowerBound], as: UTF8.self).trimmedSpaces
                if let unit = unitName(startingText: subject), subject.split(separator: " ").count <= 12 {
                    found.append((unit, s))
                }
                break
            }
        }
        return found
    }

    /// "Phòng GDĐT, các cơ sở giáo dục" → two units.
    private func splitUnits(_ cell: String) -> [String] {
        var parts: [String] = []
        for piece in cell.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }) {
            let key = Folding.matchKey(piece)
            if let and = key.range(of: " và "), words.unitHeads.prefixMatch(of: String(key[and.upperBound...])) != nil {
                let offset = key.utf8.distance(from: key.utf8.startIndex, to: and.lowerBound)
                let bytes = Array(piece.utf8)
                parts.append(String(decoding: bytes[..<offset], as: UTF8.self))
                parts.append(String(decoding: bytes[(offset + " và ".utf8.count)...], as: UTF8.self))
            } else {
                parts.append(String(piece))
            }
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
