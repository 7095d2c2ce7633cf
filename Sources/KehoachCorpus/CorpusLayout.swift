/// Where a corpus keeps its files. The corpus folder may hold anything else (the repository's
/// `corpus/` holds the shipped plan texts at its top level); the store writes only under
/// `DIR/.kehoach/`:
///
/// ```
/// DIR/.kehoach/
///   lock                   flock(2) target: held exclusively by a writer, never by readers
///   manifest               the commit record: live segments and deleted plans (`Manifest`)
///   texts/<id>.txt         the text of each plan — the source of truth: the file's own bytes,
///                          or for a Word or PDF file the text kehoach read from it
///   originals/<id>.docx    the Word or PDF file itself (`.docx`, `.pdf`), beside its text
///   index/seg-<gen>.khx    search index segments (`SegmentFormat`), derived
///   index/seg-<gen>.khp    the parsed plans of each segment (`PlanPack`), derived
///   plans/<id>.json        the parsed Plan as JSON, from stores written before plan packs;
///                          read when a plan has no pack, removed by `reindex`
///   .gitignore             "*", so that a corpus inside a repository stays out of git
/// ```
///
/// `<id>` is the plan's `PlanID` (16 hex digits of a hash of its bytes). Files named `.tmp-*`
/// are writes in progress. A text, plan or segment that the manifest does not reach is left over
/// from an interrupted write: readers ignore it and the next writer removes it. Everything but
/// `texts/` and `originals/` can be rebuilt with `kehoach reindex` (from the originals when
/// there are, so that their line maps are kept).
public struct CorpusLayout: Sendable, Equatable {
    /// The corpus folder given by the user.
    public let directory: String

    public init(directory: String) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    }

    public var root: String { directory + "/.kehoach" }
    public var lockFile: String { root + "/lock" }
    public var manifest: String { root + "/manifest" }
    public var texts: String { root + "/texts" }
    public var plans: String { root + "/plans" }
    public var originals: String { root + "/originals" }
    public var index: String { root + "/index" }
    public var gitignore: String { root + "/.gitignore" }

    public func text(_ id: PlanID) -> String { texts + "/" + id.rawValue + ".txt" }
    public func plan(_ id: PlanID) -> String { plans + "/" + id.rawValue + ".json" }
    public func original(_ id: PlanID, format: OriginalFormat) -> String { originals + "/" + id.rawValue + "." + format.rawValue }
    public func segment(_ name: String) -> String { index + "/" + name }
    /// The plan pack beside a segment: the same name with its own extension.
    public func pack(ofSegment name: String) -> String {
        index + "/" + Self.packName(ofSegment: name)
    }

    static func packName(ofSegment name: String) -> String {
        (name.hasSuffix("." + SegmentFormat.fileExtension) ? String(name.dropLast(SegmentFormat.fileExtension.count + 1)) : name)
            + "." + PlanPack.fileExtension
    }
}
