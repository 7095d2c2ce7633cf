import KehoachText

/// Who or what a target counts, in a few broad classes, so that "100% cán bộ, giáo viên" and
/// "100% CBQL" compare while "100% các trường" and "100% học sinh" do not.
public enum PopulationClass: String, Codable, Sendable, CaseIterable {
    case staff, learners, institutions, records, parents, citizens
}

public enum Population {
    /// Keywords in search-key form (no diacritics, đ → d); the longest match at a position wins,
    /// so "hiệu trưởng" is staff, not "trường".
    private static let keywords: [Substring: [(words: [Substring], cls: PopulationClass)]] = {
        let table: [(PopulationClass, [String])] = [
            (.staff, ["can bo", "giao vien", "cbql", "cbgv", "cbgvnv", "gv", "nha giao", "vien chuc", "cong chuc",
                      "nguoi lao dong", "nhan vien", "doi ngu", "hieu truong", "lanh dao", "chuyen vien"]),
            (.learners, ["hoc sinh", "hs", "tre", "tre em", "nguoi hoc", "hoc vien", "sinh vien"]),
            (.institutions, ["truong", "cac truong", "co so giao duc", "don vi", "nha truong"]),
            (.records, ["ho so", "van ban", "du lieu", "thu tuc", "thu tuc hanh chinh", "tai lieu", "hoc lieu", "dich vu",
                        "he thong", "so diem", "hoc ba"]),
            (.parents, ["cha me", "phu huynh"]),
            (.citizens, ["nguoi dan", "doanh nghiep"]),
        ]
        var byFirstWord: [Substring: [(words: [Substring], cls: PopulationClass)]] = [:]
        for (cls, phrases) in table {
            for phrase in phrases {
                let words = phrase.split(separator: " ")
                byFirstWord[words[0], default: []].append((words, cls))
            }
        }
        return byFirstWord
    }()

    /// The classes a population names. When it starts with a thing ("hồ sơ giáo viên, học
    /// sinh"), it counts that thing only; otherwise every class of people or places it names.
    /// Empty when nothing is recognised ("theo Quyết định", "trung bình"): unknown.
    public static func classes(_ population: String?) -> Set<PopulationClass> {
        guard let population else { return [] }
        let words = Folding.searchWords(population)
        var found: [PopulationClass] = []
        var i = 0
        while i < words.count {
            var best: (Int, PopulationClass)? = nil
            for (phrase, cls) in keywords[words[i]] ?? [] where phrase.count > (best?.0 ?? 0) && i + phrase.count <= words.count {
                if words[i..<(i + phrase.count)].elementsEqual(phrase) { best = (phrase.count, cls) }
            }
            if let (length, cls) = best {
                found.append(cls)
                i += length
            } else {
                i += 1
            }
        }
        guard let first = found.first else { return [] }
        if first == .records { return [.records] }
        return Set(found.filter { $0 != .records })
    }

    /// Two populations may be compared when either is unknown or they share a class.
    public static func compatible(_ a: String?, _ b: String?) -> Bool {
        PopulationProfile(a).isCompatible(with: PopulationProfile(b))
    }

    /// How alike two compatible populations are: 1 when both are recognised; otherwise the
    /// share of words they have in common (Jaccard over folded words), 0 when either is absent.
    public static func affinity(_ a: String?, _ b: String?) -> Double {
        PopulationProfile(a).affinity(with: PopulationProfile(b))
    }
}

/// A population read once (its classes and folded words), for comparing it with many others.
public struct PopulationProfile: Sendable {
    public let classes: Set<PopulationClass>
    let words: Set<Substring>?

    public init(_ population: String?) {
        classes = Population.classes(population)
        words = population.map { Set(Folding.searchWords($0)) }
    }

    public func isCompatible(with other: PopulationProfile) -> Bool {
        classes.isEmpty || other.classes.isEmpty || !classes.isDisjoint(with: other.classes)
    }

    public func affinity(with other: PopulationProfile) -> Double {
        if !classes.isEmpty && !other.classes.isEmpty && !classes.isDisjoint(with: other.classes) { return 1 }
        guard let a = words, let b = other.words else { return 0 }
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
