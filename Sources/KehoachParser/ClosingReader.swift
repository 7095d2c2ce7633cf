import KehoachGrammar
import KehoachLexer
import KehoachText

/// Reads the closing: the "Nơi nhận" list and the signature block, line by line as they come, or
/// glued into one line as a copy leaves them ("Nơi nhận: - Bộ GDĐT; - Lưu: VT." and "KT. CHỦ TỊCH
/// PHÓ CHỦ TỊCH Hoàng Việt Phương").
struct ClosingReader {
    let grammar: HeaderGrammar
    private(set) var closing = Closing()
    /// The signer's name has been read since the block's last "TM." / "KT." line: a line in
    /// capitals after it is another post of theirs ("TRƯỞNG BAN XÂY DỰNG ĐẢNG"), not the title
    /// they sign with.
    private var isPastSignerName = false
    /// A title read after a signer was named: it becomes the signer's title only when a name
    /// follows it (a second signed document), not from a blank form's signature in an appendix.
    private var pendingTitle: String?

    init(grammar: HeaderGrammar) {
        self.grammar = grammar
    }

    mutating func read(_ token: Token) {
        if closing.location == nil { closing.location = token.location }
        var text = token.text.trimmedSpaces
        if isRecipientsLine(token.key) {
            // "Nơi nhận:" may carry the first recipient, or the whole list, on its line
            text = String(text.drop(while: { $0 != ":" }).dropFirst()).trimmedSpaces
            let items = Self.listItems(text)
            if items.count > 1 {
                closing.recipients += items
                return
            }
            if text.isEmpty { return }
        }
        if text.hasPrefix("(") && text.hasSuffix(")") { return }   // "(Đã ký)", "(ký, đóng dấu)"
        if case .bullet = token.kind, closing.signatureLines.isEmpty {
            closing.recipients.append(text.trimming(" ;.,"))
            return
        }
        let key = Folding.matchKey(text)
        if isSignaturePrefixed(key) || grammar.officeTitles.prefixMatch(of: key) != nil || Folding.isAllCapitals(text),
           let block = signatureBlock(text) {
            for line in block.lines {
                closing.signatureLines.append(line)
                if isSignaturePrefixed(Folding.matchKey(line)) {
                    isPastSignerName = false
                } else if !isPastSignerName {
                    if closing.signer == nil { closing.signerTitle = line } else { pendingTitle = line }
                }
            }
            if let name = block.name { readSigner(name) }
            return
        }
        if Self.isPersonName(text) {
            readSigner(text)
            return
        }
        if closing.signatureLines.isEmpty, case .bullet = token.kind { closing.recipients.append(text.trimming(" ;.,")) }
        else if closing.signatureLines.isEmpty, text.hasSuffix(";") || text.hasSuffix(".") { closing.recipients.append(text.trimming(" ;.,")) }
    }

    private mutating func readSigner(_ name: String) {
        if closing.signer != nil, let title = pendingTitle { closing.signerTitle = title }
        pendingTitle = nil
        closing.signer = name
        isPastSignerName = true
    }

    /// Whether a key (of a line or a cell) opens the recipients list.
    func isRecipientsLine(_ key: String) -> Bool {
        grammar.recipientsWords.prefixMatch(of: key) != nil
    }

    /// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A": a line that opens the
    /// signature block.
    func isSignatureStart(_ token: Token) -> Bool {
        guard token.text.utf8.count < 160, isSignaturePrefixed(token.key) else { return false }
        return signatureBlock(token.text) != nil
    }

    private func isSignaturePrefixed(_ key: String) -> Bool {
        grammar.signaturePrefixes.prefixMatch(of: key) != nil
    }

    // MARK: - Pieces

    /// A signature block printed on one line: its lines in capitals, parted at each signature
    /// prefix (TM., KT. …) and office title, and the signer's name after them. Nil when the text
    /// is not in capitals up to a name.
    func signatureBlock(_ text: String) -> (lines: [String], name: String?)? {
        // "(Đã ký)", "(ký và đóng dấu)": parenthesised remarks, dropped
        let words = Self.withoutRemarks(text).split(separator: " ").map(String.init)
        var nameStart = words.count
        while nameStart > 0, words.count - nameStart < 6, Self.isNameWord(words[nameStart - 1]) { nameStart -= 1 }
        let name = words.count - nameStart >= 2 ? words[nameStart...].joined(separator: " ") : nil
        let capitals = (name == nil ? words : Array(words[..<nameStart])).joined(separator: " ")
        guard !capitals.isEmpty, Folding.isAllCapitals(capitals) else { return nil }
        return (lines(ofSignature: capitals), name)
    }

    /// "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" → ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]: a prefix keeps the title
    /// right after it ("KT. CHỦ TỊCH") or the body it names ("TM. ỦY BAN NHÂN DÂN"); every other
    /// office title starts a line.
    private func lines(ofSignature text: String) -> [String] {
        let key = Folding.matchKey(text)
        let prefixes = grammar.signaturePrefixes.matches(in: key)
        let titles = grammar.officeTitles.matches(in: key)
        var cuts: Set<Int> = [0]
        var consumed: Set<Int> = []
        let bytes = Array(key.utf8)
        for prefix in prefixes {
            cuts.insert(prefix.range.lowerBound)
            var after = prefix.range.upperBound
            while after < bytes.count, bytes[after] == 0x20 { after += 1 }
            if let title = titles.first(where: { $0.range.lowerBound == after }) { consumed.insert(title.range.lowerBound) }
        }
        for title in titles where !consumed.contains(title.range.lowerBound) { cuts.insert(title.range.lowerBound) }
        let textBytes = Array(text.utf8)
        let ordered = cuts.sorted() + [textBytes.count]
        return zip(ordered, ordered.dropFirst()).map { String(decoding: textBytes[$0..<$1], as: UTF8.self).trimmedSpaces }.filter { !$0.isEmpty }
    }

    /// The text without its parenthesised remarks ("(Đã ký)").
    private static func withoutRemarks(_ text: String) -> String {
        var out = ""
        var depth = 0
        for c in text {
            if c == "(" { depth += 1; continue }
            if c == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(c) }
        }
        return out
    }

    /// "- Bộ GDĐT; - Thường trực Tỉnh ủy (để b/c); - Lưu: VT." → its items.
    static func listItems(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var previous: Character = ";"
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            let next = text.index(after: index)
            // a dash opens an item at the start, or after the ; . ) that closed the one before
            if (c == "-" || c == "–" || c == "+" || c == "•"), ";.)".contains(previous), next == text.endIndex || text[next] == " " {
                let item = current.trimming(" ;.,")
                if !item.isEmpty { items.append(item) }
                current = ""
            } else {
                current.append(c)
            }
            if c != " " { previous = c }
            index = next
        }
        let item = current.trimming(" ;.,")
        if !item.isEmpty { items.append(item) }
        return items
    }

    /// "Nguyễn Xuân Thạch": two to six capitalised words, no digits.
    static func isPersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...6).contains(words.count), text.count <= 50 else { return false }
        return words.allSatisfy { isNameWord(String($0)) }
    }

    private static func isNameWord(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase else { return false }
        return word.dropFirst().allSatisfy { $0.isLetter && $0.isLowercase }
    }
}
