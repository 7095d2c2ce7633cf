import KehoachText

/// Runs a query over a snapshot: looks the query terms up in each segment, intersects their
/// posting lists (every term must occur; leapfrogging with skips, so the rarest term sets the
/// pace), applies the filters, scores the survivors with BM25 (statistics over all segments)
/// and keeps the best `limit` in a heap; only those are turned into hits with summaries and
/// snippets.
struct Searcher {
    let snapshot: CorpusSnapshot

    func run(_ query: SearchQuery) -> SearchResults {
        let analyzer = snapshot.analyzer
        let terms = analyzer.queryTerms(query.text)
        let segments = snapshot.segments
        let bm25 = BM25(documents: segments.reduce(0) { $0 + $1.itemCount },
                        totalWords: segments.reduce(0) { $0 + $1.totalWords })
        let idfs = terms.map { term in
            bm25.idf(documentFrequency: segments.reduce(0) { $0 + $1.documentFrequency(term) })
        }
        let issuerKey = query.issuer.map { Folding.searchKey($0) }
        var best = TopHits(limit: query.limit)
        var total = 0

        for (s, segment) in segments.enumerated() {
            // Which plans of this segment may match at all.
            var allowed = snapshot.live[s]
            if query.level != nil || issuerKey != nil {
                for p in 0..<segment.planCount where allowed[p] {
                    if let level = query.level, segment.planLevel(p) != level { allowed[p] = false; continue }
                    if let key = issuerKey, !(segment.planIssuerKey(p)?.contains(key) ?? false) { allowed[p] = false }
                }
            }
            guard allowed.contains(true) else { continue }

            let wantsTargets = query.scope == .targets || query.filtersTargets
            func consider(item: Int, score: Double) {
                let targetCount = segment.headTargetCount(item)
                if targetCount == 0 {
                    guard !wantsTargets else { return }
                    if let year = query.year {
                        guard let years = segment.planYears(segment.headPlan(item)), years.contains(year) else { return }
                    }
                    total += 1
                    best.insert(Candidate(score: score, segment: s, item: item, target: -1))
                    return
                }
                for t in segment.itemTargets(item) where accepts(segment, target: t, query) {
                    total += 1
                    best.insert(Candidate(score: score, segment: s, item: item, target: t))
                }
            }

            if terms.isEmpty {
                for item in 0..<segment.itemCount where allowed[segment.headPlan(item)] { consider(item: item, score: 0) }
                continue
            }
            var cursors: [PostingCursor] = []
            for term in terms {
                guard let c = segment.cursor(term) else { break }
                cursors.append(c)
            }
            guard cursors.count == terms.count else { continue }
            // Leapfrog intersection, rarest list first: each list jumps to the candidate the
            // previous one landed on.
            let order = cursors.indices.sorted { cursors[$0].count < cursors[$1].count }
            let driver = order[0]
            var target: UInt32 = 0
            search: while cursors[driver].advance(to: target) {
                let candidate = cursors[driver].item
                for j in order.dropFirst() {
                    guard cursors[j].advance(to: candidate) else { break search }
                    if cursors[j].item != candidate {
                        target = cursors[j].item
                        continue search
                    }
                }
                target = candidate &+ 1
                if target == 0 { break }
                let item = Int(candidate)
                guard allowed[segment.headPlan(item)] else { continue }
                if wantsTargets && segment.headTargetCount(item) == 0 { continue }
                let length = segment.headWords(item)
                var score = 0.0
                for j in cursors.indices {
                    score += bm25.score(termFrequency: Int(cursors[j].frequency), length: length, idf: idfs[j])
                }
                consider(item: item, score: score)
            }
        }

        let hits = best.sorted().map { c -> SearchHit in
            let segment = segments[c.segment]
            let text = segment.itemText(c.item)
            let highlights = Self.highlights(in: text, terms: Set(terms), analyzer: analyzer)
            let target = c.target >= 0 ? segment.target(c.target) : nil
            return SearchHit(plan: segment.planSummary(segment.itemPlan(c.item)), kind: segment.itemKind(c.item),
                             section: segment.itemSection(c.item), line: target?.line ?? segment.itemLine(c.item),
                             target: target, score: c.score, snippet: Snippet.make(text: text, highlights: highlights))
        }
        return SearchResults(hits: hits, total: total, terms: terms)
    }

    private func accepts(_ segment: Segment, target t: Int, _ query: SearchQuery) -> Bool {
        if query.minValue != nil || query.maxValue != nil {
            let value = segment.targetValue(t)
            if let min = query.minValue, value < min { return false }
            if let max = query.maxValue, value > max { return false }
        }
        if let year = query.year {
            guard let years = segment.targetYears(t), years.contains(year) else { return false }
        }
        if let indicator = query.indicator, segment.targetIndicator(t) != indicator { return false }
        return true
    }

    /// Byte ranges of the tokens of `text` that are query terms, merged where they overlap or
    /// only spaces separate them ("chữ ký số" is one highlight, not three).
    static func highlights(in text: String, terms: Set<String>, analyzer: TextAnalyzer) -> [Range<Int>] {
        guard !terms.isEmpty else { return [] }
        let ranges = analyzer.tokens(text).filter { terms.contains($0.term) }.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        let bytes = Array(text.utf8)
        var merged: [Range<Int>] = []
        for r in ranges {
            if let last = merged.last,
               r.lowerBound <= last.upperBound || bytes[last.upperBound..<r.lowerBound].allSatisfy({ $0 == UInt8(ascii: " ") }) {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }
}

/// A scored match before it becomes a hit.
struct Candidate {
    var score: Double
    var segment: Int
    var item: Int
    var target: Int

    /// Better first: higher score, then corpus order (segment, item, target).
    func ranksBefore(_ other: Candidate) -> Bool {
        if score != other.score { return score > other.score }
        return (segment, item, target) < (other.segment, other.item, other.target)
    }
}

/// The best `limit` candidates (all when limit is 0), kept in a binary heap whose root is the
/// worst of them, so that each insertion costs O(log limit).
struct TopHits {
    let limit: Int
    private var heap: [Candidate] = []

    init(limit: Int) {
        self.limit = limit
    }

    mutating func insert(_ c: Candidate) {
        if limit <= 0 {
            heap.append(c)
            return
        }
        if heap.count < limit {
            heap.append(c)
            siftUp(heap.count - 1)
        } else if c.ranksBefore(heap[0]) {
            heap[0] = c
            siftDown(0)
        }
    }

    func sorted() -> [Candidate] {
        heap.sorted { $0.ranksBefore($1) }
    }

    /// The root is the candidate that ranks last.
    private func worse(_ a: Int, _ b: Int) -> Bool { heap[b].ranksBefore(heap[a]) }

    private mutating func siftUp(_ i: Int) {
        var i = i
        while i > 0 {
            let parent = (i - 1) / 2
            guard worse(i, parent) else { return }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    private mutating func siftDown(_ i: Int) {
        var i = i
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < heap.count && worse(l, m) { m = l }
            if r < heap.count && worse(r, m) { m = r }
            if m == i { return }
            heap.swapAt(i, m)
            i = m
        }
    }
}
