import KehoachExtract

/// The parsed plans of one index segment, in the segment's plan order, as `Plan.binaryBytes`:
/// `.kehoach/index/seg-<generation>.khp` beside `seg-<generation>.khx`. One file per commit
/// instead of one per plan, a fraction of the bytes of plan JSON, and a plan comes back without
/// reading its text again. Derived like the segment: written before it, merged and removed with
/// it; a plan it lacks (an unreadable file, a store from before packs) is parsed from its text.
///
/// ```
///  0  "KHPLN001"            magic and version
///  8  u32 plans
/// 12  u64 offsets[plans + 1] of each plan's bytes, from the end of the table
///     the plans' bytes (an empty record: no plan stored)
/// ```
struct PlanPack: @unchecked Sendable {
    static let magic: [UInt8] = Array("KHPLN001".utf8)
    static let fileExtension = "khp"

    private let storage: SegmentBytes
    let planCount: Int
    private let tableOffset = 12
    private var dataOffset: Int { tableOffset + 8 * (planCount + 1) }

    struct Damaged: Error, CustomStringConvertible {
        let description: String
    }

    init(name: String, storage: SegmentBytes) throws(Damaged) {
        self.storage = storage
        let r = ByteReader(base: storage.buffer)
        guard r.count >= 12, Array(UnsafeRawBufferPointer(rebasing: r.base[0..<8])) == Self.magic else {
            throw Damaged(description: "\(name): not a plan pack (bad header)")
        }
        planCount = Int(r.u32(8))
        guard r.contains(tableOffset, 8 * (planCount + 1)) else { throw Damaged(description: "\(name): cut short") }
        var previous: UInt64 = 0
        for i in 0...planCount {
            let offset = r.u64(tableOffset + 8 * i)
            guard offset >= previous else { throw Damaged(description: "\(name): offsets out of order") }
            previous = offset
        }
        guard r.contains(tableOffset + 8 * (planCount + 1), Int(clamping: previous)) else {
            throw Damaged(description: "\(name): cut short")
        }
    }

    /// The plan at `ordinal`, or nil when none is stored there (or its bytes do not read).
    func plan(_ ordinal: Int) -> Plan? {
        guard let range = range(ordinal), !range.isEmpty else { return nil }
        let plan = Plan(binary: UnsafeRawBufferPointer(rebasing: storage.buffer[range]))
        // read once per pass (an export, an alignment): its pages need not stay in memory, nor
        // the neighbours the kernel maps with a fault (up to 64 KB around it)
        (storage as? MappedFile)?.releasePages(max(0, range.lowerBound - 65_536)..<(range.upperBound + 65_536))
        return plan
    }

    /// The stored bytes of the plan at `ordinal` (empty when none), to copy into a merged pack.
    func record(_ ordinal: Int) -> [UInt8] {
        range(ordinal).map { Array(UnsafeRawBufferPointer(rebasing: storage.buffer[$0])) } ?? []
    }

    /// Where the plan's bytes are in the file (the table was checked when the pack was opened).
    private func range(_ ordinal: Int) -> Range<Int>? {
        guard ordinal >= 0, ordinal < planCount else { return nil }
        let r = ByteReader(base: storage.buffer)
        return (dataOffset + Int(r.u64(tableOffset + 8 * ordinal)))..<(dataOffset + Int(r.u64(tableOffset + 8 * (ordinal + 1))))
    }
}

/// Collects a pack's plans in segment order; `encode` gives the file.
struct PlanPackBuilder {
    private var offsets: [UInt64] = [0]
    private var data: [UInt8] = []

    var planCount: Int { offsets.count - 1 }

    /// The next plan's bytes; empty when the segment's plan has none (an unreadable file).
    mutating func add(_ record: [UInt8]) {
        data.append(contentsOf: record)
        offsets.append(UInt64(data.count))
    }

    func encode() -> [UInt8] {
        var out = ByteWriter()
        out.reserve(12 + 8 * offsets.count + data.count)
        out.append(PlanPack.magic)
        out.u32(UInt32(planCount))
        for offset in offsets { out.u64(offset) }
        out.append(data)
        return out.bytes
    }
}
