/// The commit record of a corpus (`.kehoach/manifest`): which index segments are live and which
/// plans inside them were removed or replaced since. A plan is in the corpus exactly when a live
/// segment holds it and it is not listed as deleted; rewriting this small file (atomically) is
/// what makes an import, a removal or a merge take effect.
///
/// ```
/// kehoach-manifest 1
/// generation 12
/// segment seg-00000008.khx 1000
/// segment seg-00000012.khx 4
/// deleted seg-00000008.khx 3 17
/// end
/// ```
/// `generation` grows by one per commit and names new segments; `segment NAME N` lists a segment
/// holding N plans; `deleted NAME P...` the plan ordinals of that segment no longer live. The
/// `end` line proves the file is whole.
struct Manifest: Equatable, Sendable {
    struct SegmentEntry: Equatable, Sendable {
        var name: String
        var planCount: Int
        /// Plan ordinals of the segment that were removed or replaced.
        var deleted: Set<Int> = []

        var liveCount: Int { planCount - deleted.count }
    }

    var generation: Int = 0
    var segments: [SegmentEntry] = []

    static let header = "kehoach-manifest 1"

    struct Damaged: Error, CustomStringConvertible {
        let description: String
    }

    func encoded() -> String {
        var lines = [Self.header, "generation \(generation)"]
        for s in segments { lines.append("segment \(s.name) \(s.planCount)") }
        for s in segments where !s.deleted.isEmpty {
            lines.append("deleted \(s.name) " + s.deleted.sorted().map(String.init).joined(separator: " "))
        }
        lines.append("end")
        return lines.joined(separator: "\n") + "\n"
    }

    init() {}

    init(decoding text: String) throws(Damaged) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(Self.header) else { throw Damaged(description: "not a kehoach manifest") }
        guard lines.last == "end" else { throw Damaged(description: "the manifest is incomplete") }
        for (n, line) in lines.enumerated().dropFirst().dropLast() {
            let words = line.split(separator: " ")
            func bad() -> Damaged { Damaged(description: "manifest line \(n + 1): cannot read '\(line)'") }
            switch words.first {
            case "generation":
                guard words.count == 2, let g = Int(words[1]) else { throw bad() }
                generation = g
            case "segment":
                guard words.count == 3, let count = Int(words[2]), count >= 0 else { throw bad() }
                segments.append(SegmentEntry(name: String(words[1]), planCount: count))
            case "deleted":
                guard words.count >= 2, let i = segments.firstIndex(where: { $0.name == words[1] }) else { throw bad() }
                for word in words.dropFirst(2) {
                    guard let p = Int(word), p >= 0, p < segments[i].planCount else { throw bad() }
                    segments[i].deleted.insert(p)
                }
            default:
                throw bad()
            }
        }
    }

    /// A fresh segment name for the next commit.
    /// The files of `index/` this manifest reaches: its segments and their plan packs.
    var indexFileNames: Set<String> {
        Set(segments.flatMap { [$0.name, CorpusLayout.packName(ofSegment: $0.name)] })
    }

    mutating func nextSegmentName() -> String {
        generation += 1
        let digits = String(generation)
        return "seg-" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits + "." + SegmentFormat.fileExtension
    }
}
