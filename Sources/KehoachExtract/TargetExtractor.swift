import Foundation
import KehoachGrammar
import KehoachText

/// Finds the targets in one item of a plan (a heading title or a paragraph): percentages,
/// counts of a named unit, ratios and levels, each with its comparator, aspirational flag,
/// population and indicator. Numbers that are names ("Đề án 06", "lớp 10"), dates, times or
/// parts of document numbers are not targets.
struct TargetExtractor {
    let grammar: Grammar

    /// A target found in an item, before the section context (year, path) is added.
    struct Found {
        var offset: Int
        var quote: String
        var value: Double
        var unit: String
        var comparator: Comparator
        var aspirational: Bool
        var population: String?
        var indicator: String?
        var ownYear: Int?
    }

    private var targets: TargetGrammar { grammar.targets }

    func targets(in text: String) -> [Found] {
        targets(in: KeyedText(text))
    }

    func targets(in item: KeyedText) -> [Found] {
        // no digit, no target
        guard item.hasDigit else { return [] }
        let numbers = NumberToken.scan(item)
        // the indicator terms are looked up once, and only for an item with a target
        var terms: [PhraseMatch<String>]? = nil
        var found: [Found] = []
        for number in numbers {
            guard let reading = read(number, in: item, among: numbers, terms: &terms) else { continue }
            found.append(reading)
        }
        return found
    }

    // MARK: - What kind of target

    private func read(_ number: NumberToken, in item: KeyedText, among numbers: [NumberToken], terms: inout [PhraseMatch<String>]?) -> Found? {
        if number.isPartOfCode { return nil }
        // most numbers are no target: the clause is found only for those that may be
        lazy var clause = item.clause(around: number.start)
        var unit: String
        var valueEnd = number.end
        var isLevel = false
        if number.isPercent {
            unit = "%"
            valueEnd = number.percentEnd
        } else if let ratio = ratio(number, in: item) ?? perUnit(number, in: item, among: numbers) {
            unit = ratio.unit
            valueEnd = ratio.end
        } else if item.phrase(endingAt: number.start, in: targets.nameWords) != nil {
            return nil
        } else if let level = item.phrase(endingAt: number.start, in: targets.levelWords) {
            // "mức độ 2" counts when a comparator governs it and no percentage shares its clause
            let percentInClause = numbers.contains { $0.isPercent && clause.contains($0.start) }
            guard !percentInClause, comparatorInClause(before: number.start, clause: clause, in: item) != nil
                    || comparatorAfter(number.end, clause: clause, in: item, numbers: numbers) != nil else { return nil }
            unit = level.value
            isLevel = true
        } else if let count = item.phrase(startingAt: number.end, in: targets.countUnits),
                  item.phrase(startingAt: number.end, in: targets.timeWords).map({ $0.range.count >= count.range.count }) != true {
            // "VNPT: 25 trạm": a count after its label's colon
            let governed = comparatorBefore(number.start, in: item) != nil
                || number.isZeroPadded
                || item.phrase(endingAt: number.start, in: targets.commitmentVerbs) != nil
                || Self.followsColon(number.start, in: item)
            guard governed else { return nil }
            unit = count.value
            valueEnd = count.range.upperBound
        } else if let counted = countedNoun(after: number, in: item, clause: clause, among: numbers) {
            unit = counted.unit
            valueEnd = counted.end
        } else {
            return nil
        }
        // "Hiện nay, tổng số trạm … là 87 trạm": what is, not what is to be
        if !item.matches(of: targets.statusWords, in: clause.lowerBound..<number.start).isEmpty { return nil }
        // "dự kiến: 85%", "ước đạt 70%": an estimate, not a commitment
        if !item.matches(of: targets.estimates, in: max(clause.lowerBound, number.start - 24)..<number.start).isEmpty { return nil }
        var comparator = comparatorBefore(number.start, in: item)
        // "giảm từ 23 ca sinh … xuống 18 ca sinh": the number after "từ" is where it starts from
        if comparator == .atLeast, item.phrase(endingAt: number.start, in: targets.comparatorsBefore).map({ item.key($0.range) == "từ" }) == true,
           case let after = item.matches(of: targets.comparatorsAfter, in: valueEnd..<clause.upperBound).map(\.range),
           item.matches(of: targets.changeWords, in: valueEnd..<clause.upperBound).contains(where: { change in !after.contains { $0.overlaps(change.range) } }) {
            return nil
        }
        if isLevel, comparator == nil { comparator = comparatorInClause(before: number.start, clause: clause, in: item) }
        if let after = comparatorAfter(valueEnd, clause: clause, in: item, numbers: numbers), comparator == nil || comparator == .equal {
            comparator = after
        }
        let aspirational = !item.matches(of: targets.aspirational, in: clause.lowerBound..<number.start).isEmpty
        let population = population(after: valueEnd, before: number.start, clause: clause, in: item)
        if terms == nil { terms = item.matches(of: grammar.indicators.terms, in: 0..<item.count) }
        var indicator = indicator(for: number, valueEnd: valueEnd, clause: clause, in: item, isLevel: isLevel, terms: terms ?? [])
        if let id = indicator, let override = targets.populationOverrides[id], let who = population,
           isOnly(override.words, in: Folding.matchKey(who)) {
            indicator = override.indicator
        }
        return Found(offset: number.start, quote: item.text(clause).trimming(" -+•:"), value: number.value, unit: unit,
                     comparator: comparator ?? .equal, aspirational: aspirational, population: population,
                     indicator: indicator ?? IndicatorGrammar.other, ownYear: ownYear(of: number, in: clause, item: item))
    }

    /// "2 học sinh/máy", "Tối đa 2 học sinh học chung 1 máy tính", "mỗi học sinh 01 máy tính".
    /// Compared on the key's bytes: the words before may stand one space from the number.
    private func ratio(_ number: NumberToken, in item: KeyedText) -> (unit: String, end: Int)? {
        let key = item.keyBytes
        var afterStart = number.end
        while afterStart < key.count, key[afterStart] == 0x20 { afterStart += 1 }
        let beforeEnd = number.start > 0 && key[number.start - 1] == 0x20 ? number.start - 1 : number.start
        for pattern in targets.ratios {
            let before = pattern.beforeBytes, after = pattern.afterBytes
            guard before.isEmpty || beforeEnd >= before.count && key[(beforeEnd - before.count)..<beforeEnd].elementsEqual(before) else { continue }
            guard afterStart + after.count <= key.count, key[afterStart..<(afterStart + after.count)].elementsEqual(after) else { continue }
            if !before.isEmpty || !after.isEmpty { return (pattern.unit, afterStart + after.count) }
        }
        return nil
    }

    // MARK: - Comparator

    /// The comparator right before the number, past fillers: "tối thiểu 70%", "đạt trên 70%",
    /// "tối thiểu ở mức độ 2".
    private func comparatorBefore(_ offset: Int, in item: KeyedText) -> Comparator? {
        var end = offset
        for _ in 0..<3 {
            if let found = item.phrase(endingAt: end, in: targets.comparatorsBefore), found.value != .exactly {
                return Comparator(found.value)
            }
            if let filler = item.phrase(endingAt: end, in: targets.comparatorFillers) {
                end = filler.range.lowerBound
                continue
            }
            break
        }
        return item.phrase(endingAt: offset, in: targets.comparatorsBefore).map { Comparator($0.value) }
    }

    /// A comparator anywhere earlier in the clause (for levels: "tối thiểu đáp ứng mức độ cơ bản (mức độ 2").
    private func comparatorInClause(before offset: Int, clause: Range<Int>, in item: KeyedText) -> Comparator? {
        let matches = item.matches(of: targets.comparatorsBefore, in: clause.lowerBound..<offset)
        return matches.last(where: { $0.value != .exactly }).map { Comparator($0.value) }
    }

    /// "trở lên" right after the number, or after its noun phrase with no other number between.
    private func comparatorAfter(_ offset: Int, clause: Range<Int>, in item: KeyedText, numbers: [NumberToken]) -> Comparator? {
        let nextNumber = numbers.first { $0.start >= offset && $0.start < clause.upperBound }?.start ?? clause.upperBound
        let matches = item.matches(of: targets.comparatorsAfter, in: offset..<nextNumber)
        return matches.first.map { Comparator($0.value) }
    }

    // MARK: - Population and indicator

    /// Who or what is counted: the words after the number up to the predicate ("100% cán bộ
    /// quản lý, giáo viên | được cấp"), or after "tỷ lệ" when the number closes the clause.
    private func population(after offset: Int, before start: Int, clause: Range<Int>, in item: KeyedText) -> String? {
        func words(from begin: Int, to limit: Int) -> String? {
            var i = begin
            while i < limit, item.keyBytes[i] == 0x20 { i += 1 }
            if let after = item.phrase(startingAt: i, in: targets.comparatorsAfter) { i = after.range.upperBound }
            while i < limit, item.keyBytes[i] == 0x20 { i += 1 }
            var end = i
            var wordCount = 0
            while end < limit, wordCount < 16 {
                let b = item.keyBytes[end]
                if b == UInt8(ascii: ":") || b == UInt8(ascii: "(") || b == UInt8(ascii: ";") || (b >= 0x30 && b <= 0x39) { break }
                let atWordStart = end == i || !TextBytes.isWordByte(item.keyBytes[end - 1])
                if atWordStart, TextBytes.isWordByte(b),
                   item.phrase(startingAt: end, in: targets.predicateWords) != nil || item.phrase(startingAt: end, in: targets.comparatorsBefore) != nil {
                    break
                }
                if b == 0x20 { wordCount += 1 }
                end += 1
            }
            var text = item.text(i..<end).trimming(" ,.-–")
            for joiner in [" và", " hoặc", ","] where text.hasByteSuffix(joiner) { text = String(text.dropLast(joiner.count)).trimming(" ,") }
            return text.isEmpty ? nil : text
        }
        if let after = words(from: offset, to: clause.upperBound), !after.allSatisfy({ $0.isNumber || $0 == "%" }) {
            return after
        }
        // "Tỷ lệ hài lòng của người dân … đạt 90%": what follows "tỷ lệ"
        if let offset = item.keyBytes[clause.lowerBound..<start].firstOffset(of: "tỷ lệ ".utf8) {
            return words(from: clause.lowerBound + offset + "tỷ lệ ".utf8.count, to: start)
        }
        return nil
    }

    private func isOnly(_ words: [String], in population: String) -> Bool {
        let bytes = Array(population.utf8)
        return words.allSatisfy { bytes.contains(subsequence: $0.utf8) } && !bytes.contains(0x2C) && !bytes.contains(subsequence: " và ".utf8)
    }

    /// What the number measures: the first taxonomy term after it in its clause ("100% các trường
    /// sử dụng hệ thống điều hành …"), or before it when the clause names the measure first
    /// ("Tỷ lệ thanh toán trực tuyến …: Đạt 83%", "cung cấp chữ ký số cho 100% cán bộ").
    private func indicator(for number: NumberToken, valueEnd: Int, clause: Range<Int>, in item: KeyedText, isLevel: Bool,
                           terms: [PhraseMatch<String>]) -> String? {
        let matches = terms.filter { $0.range.overlaps(clause) }
        // a term that holds the number ("2 học sinh/máy", "tích hợp 100% dữ liệu"); for a level,
        // what it grades is named before it ("máy tính … tối thiểu mức độ 2")
        if !isLevel, let covering = matches.first(where: { $0.range.contains(number.start) }) { return covering.value }
        let before = matches.filter { $0.range.upperBound <= number.start }
        let after = matches.filter { $0.range.lowerBound >= number.end }
        let measureFirst = isLevel || namesMeasureFirst(number, clause: clause, in: item)
        let preferred = measureFirst ? before.first : after.first
        let fallback = measureFirst ? after.first : before.first
        if let id = (preferred ?? fallback)?.value { return id }
        // the clause names nothing: the item's nearest term
        return terms.min { abs($0.range.lowerBound - number.start) < abs($1.range.lowerBound - number.start) }?.value
    }

    private func namesMeasureFirst(_ number: NumberToken, clause: Range<Int>, in item: KeyedText) -> Bool {
        let head = item.key(clause.lowerBound..<number.start).trimming(" -+•")
        if head.hasBytePrefix("tỷ lệ") { return true }
        var end = number.start
        for _ in 0..<3 {
            if let c = item.phrase(endingAt: end, in: targets.comparatorsBefore) { end = c.range.lowerBound; continue }
            if let f = item.phrase(endingAt: end, in: targets.comparatorFillers) { end = f.range.lowerBound; continue }
            break
        }
        let lead = item.key(clause.lowerBound..<end).trimming(" ")
        return lead.hasByteSuffix(":") || lead.hasByteSuffix(" cho") || lead.hasByteSuffix(" đối với") || lead.hasByteSuffix(" tích hợp")
            || (lead.utf8.contains(subsequence: "tỷ lệ".utf8) && end < number.start)
    }

    /// The year the target's own words give: a year in its part of the clause ("…, năm 2018 đạt
    /// 99%, năm 2019 đạt 99,5%"), else a due year in its clause ("đến năm 2030", "trong năm 2025").
    private func ownYear(of number: NumberToken, in clause: Range<Int>, item: KeyedText) -> Int? {
        var start = number.start
        while start > clause.lowerBound, item.keyBytes[start - 1] != UInt8(ascii: ",") { start -= 1 }
        let segment = item.keyBytes[start..<number.start]
        let before = segment.contains(subsequence: Self.yearWord)
            ? YearPhrase.years(in: Array(segment)).last { !$0.inQuotes && !$0.afterPeriodWord } : nil
        let words = Array(item.keyBytes[clause.clamped(to: 0..<item.count)])
        return before?.year ?? YearPhrase.dueYear(in: words) ?? YearPhrase.periodEnd(in: words, within: true)
    }

    private static let yearWord = Array("năm ".utf8)

    /// Inside “…” (the title of a decision or a scheme, not this plan's words).
    private static func isQuoted(_ offset: Int, in item: KeyedText) -> Bool {
        // “ is E2 80 9C, ” is E2 80 9D
        let key = item.keyBytes
        var depth = 0
        var i = 0
        while i + 2 < offset {
            if key[i] == 0xE2, key[i + 1] == 0x80, key[i + 2] == 0x9C || key[i + 2] == 0x9D {
                depth = key[i + 2] == 0x9C ? depth + 1 : max(0, depth - 1)
                i += 3
            } else {
                i += 1
            }
        }
        return depth > 0
    }

    private static func followsColon(_ offset: Int, in item: KeyedText) -> Bool {
        var i = offset
        while i > 0, item.keyBytes[i - 1] == 0x20 { i -= 1 }
        return i > 0 && item.keyBytes[i - 1] == UInt8(ascii: ":")
    }

    /// "ít nhất 02 vùng nuôi thủy sản", "tối thiểu 100 doanh nghiệp": a count the grammar has no
    /// unit for, when a comparator that bounds it governs it; its unit is the noun after it (two
    /// words at most, not a time, not a predicate). Not beside a percentage ("70% phụ nữ được tầm
    /// soát ít nhất 4 loại bệnh" bounds what the 70% is of) nor in a quoted title.
    private func countedNoun(after number: NumberToken, in item: KeyedText, clause: Range<Int>, among numbers: [NumberToken]) -> (unit: String, end: Int)? {
        guard let comparator = comparatorBefore(number.start, in: item), comparator != .equal,
              !numbers.contains(where: { $0.isPercent && clause.contains($0.start) }),
              !Self.isQuoted(number.start, in: item) else { return nil }
        var start = number.end
        while start < item.count, item.keyBytes[start] == 0x20 { start += 1 }
        guard start < item.count, TextBytes.isWordByte(item.keyBytes[start]), !(0x30...0x39).contains(item.keyBytes[start]),
              item.phrase(startingAt: start, in: targets.timeWords) == nil, item.phrase(startingAt: start, in: targets.predicateWords) == nil else { return nil }
        var end = start
        for word in 0..<2 {
            var next = end
            while next < item.count, item.keyBytes[next] == 0x20 { next += 1 }
            guard next < item.count, TextBytes.isWordByte(item.keyBytes[next]), !(0x30...0x39).contains(item.keyBytes[next]) else { break }
            if word > 0, item.phrase(startingAt: next, in: targets.predicateWords) != nil || item.phrase(startingAt: next, in: targets.comparatorsAfter) != nil { break }
            while next < item.count, TextBytes.isWordByte(item.keyBytes[next]) { next += 1 }
            end = next
        }
        return (item.text(start..<end), end)
    }

    /// "18 ca sinh/1.000 phụ nữ", "2 lượt/người": a count per a number of something, as printed.
    private func perUnit(_ number: NumberToken, in item: KeyedText, among numbers: [NumberToken]) -> (unit: String, end: Int)? {
        let key = item.keyBytes
        // a year ("Quý IV/2025 và Quý I/2026") counts nothing
        guard number.start == 0 || key[number.start - 1] != UInt8(ascii: "/"), !(1990...2100).contains(number.value) else { return nil }
        var slash = number.end
        var words = 0
        while slash < key.count, slash - number.end < 40, key[slash] != UInt8(ascii: "/") {
            let b = key[slash]
            if b == 0x20 { words += 1 } else if !TextBytes.isWordByte(b) || (0x30...0x39).contains(b) { return nil }
            slash += 1
        }
        guard slash < key.count, key[slash] == UInt8(ascii: "/"), words >= 1, words <= 4 else { return nil }
        var end = slash + 1
        while end < key.count, key[end] == 0x20 { end += 1 }
        // "đạt 2,1 con/phụ nữ": per one of something, when a comparator or a verb governs the count
        let denominator = numbers.first { $0.start == end }
        if let denominator {
            end = denominator.end
        } else {
            guard comparatorBefore(number.start, in: item) != nil || item.phrase(endingAt: number.start, in: targets.commitmentVerbs) != nil else { return nil }
            end = slash + 1
        }
        var taken = 0
        while taken < (denominator == nil ? 2 : 5) {
            var next = end
            while next < key.count, key[next] == 0x20 { next += 1 }
            guard next < key.count, TextBytes.isWordByte(key[next]), !(0x30...0x39).contains(key[next]),
                  item.phrase(startingAt: next, in: targets.predicateWords) == nil, item.phrase(startingAt: next, in: targets.timeWords) == nil,
                  item.phrase(startingAt: next, in: targets.changeWords) == nil,
                  !YearPhrase.startsWithDueWord(key[next...]) else { break }
            while next < key.count, TextBytes.isWordByte(key[next]) { next += 1 }
            end = next
            taken += 1
        }
        return (item.text(number.end..<end).trimmedSpaces, end)
    }
}

extension Comparator {
    init(_ word: ComparatorWord) {
        switch word {
        case .atLeast: self = .atLeast
        case .moreThan: self = .greater
        case .exactly: self = .equal
        case .atMost: self = .atMost
        case .lessThan: self = .less
        }
    }
}
