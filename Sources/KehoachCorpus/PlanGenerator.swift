import KehoachText
/// Realistic plans for measuring the corpus at scale (`kehoach generate`): each is one of the
/// template plans (the shipped `corpus/*.txt`) with its place names, issuing unit, signer,
/// document number, dates, years and target percentages varied, and a few bullet items dropped.
/// The same seed gives the same plans, byte for byte. Pure: the caller writes the files.
public struct PlanGenerator: Sendable {
    private let templates: [Template]
    private let seed: UInt64

    public init(templates: [[UInt8]], seed: UInt64) {
        self.templates = templates.map(Template.init)
        self.seed = seed
    }

    /// The `index`-th plan: a file name and its bytes. Plans are independent of one another, so
    /// any range can be generated in parallel.
    public func plan(_ index: Int) -> (name: String, bytes: [UInt8]) {
        var rng = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
        let template = templates[Int(rng.next() % UInt64(templates.count))]
        let choice = Choice(index: index, rng: &rng)
        var out: [UInt8] = []
        out.reserveCapacity(template.byteCount + 256)
        for line in template.lines {
            if line.isBullet && rng.chance(0.08) { continue }
            for piece in line.pieces {
                switch piece {
                case .literal(let bytes): out += bytes
                case .slot(let slot): out += Array(choice.fill(slot, rng: &rng).utf8)
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
        let digits = String(index + 1)
        return ("gen-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".txt", out)
    }

    // MARK: templates

    enum Slot: Equatable {
        case name(NameRole, uppercase: Bool)
        case documentNumber(blank: Bool)
        case percent(Double, decimal: Bool)
        case year(Int)
        case day, month
    }

    enum NameRole {
        case locality, province, signer
    }

    enum Piece {
        case literal([UInt8])
        case slot(Slot)
    }

    struct Line {
        var pieces: [Piece]
        var isBullet: Bool
    }

    /// A template split once into literal bytes and slots.
    struct Template {
        var lines: [Line]
        var byteCount: Int

        init(_ bytes: [UInt8]) {
            byteCount = bytes.count
            let text = String(decoding: bytes, as: UTF8.self)
            var names: [([UInt8], Slot)] = []
            for (role, list) in [(NameRole.signer, Names.templateSigners), (.locality, Names.templateLocalities),
                                 (.province, Names.templateProvinces)] {
                for name in list {
                    names.append((Array(name.utf8), .name(role, uppercase: false)))
                    names.append((Array(name.uppercased().utf8), .name(role, uppercase: true)))
                }
            }
            var numberSeen = false
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                let isBullet = trimmed.hasPrefix("- ") || trimmed.hasPrefix("+ ")
                return Line(pieces: Self.pieces(Array(line.utf8), names: names, numberSeen: &numberSeen), isBullet: isBullet)
            }
            if lines.last.map({ $0.pieces.isEmpty }) == true { lines.removeLast() }
        }

        private static func pieces(_ line: [UInt8], names: [([UInt8], Slot)], numberSeen: inout Bool) -> [Piece] {
            var pieces: [Piece] = []
            var literal: [UInt8] = []
            func flush() {
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = [] }
            }
            func isDigit(_ i: Int) -> Bool { i >= 0 && i < line.count && line[i] >= 0x30 && line[i] <= 0x39 }
            func hasPrefix(_ s: [UInt8], at i: Int) -> Bool {
                i + s.count <= line.count && line[i..<(i + s.count)].elementsEqual(s)
            }
            let so = Array("Số:".utf8), ngay = Array("ngày ".utf8), thang = Array(" tháng ".utf8)
            var i = 0
            next: while i < line.count {
                // the document's own number, "Số: 364/KH-…" or blank "Số: /KH-…"
                if !numberSeen && hasPrefix(so, at: i) {
                    literal += so
                    i += so.count
                    while i < line.count && line[i] == UInt8(ascii: " ") { literal.append(line[i]); i += 1 }
                    var j = i
                    while isDigit(j) { j += 1 }
                    if j < line.count && (line[j] == UInt8(ascii: "/") || line[j] == UInt8(ascii: " ")) {
                        flush()
                        pieces.append(.slot(.documentNumber(blank: j == i)))
                        numberSeen = true
                        i = j
                    }
                    continue
                }
                // "ngày 30 tháng 9"
                if hasPrefix(ngay, at: i) && isDigit(i + ngay.count) {
                    var j = i + ngay.count
                    while isDigit(j) { j += 1 }
                    if hasPrefix(thang, at: j) && isDigit(j + thang.count) {
                        var k = j + thang.count
                        while isDigit(k) { k += 1 }
                        literal += ngay
                        flush()
                        pieces.append(.slot(.day))
                        literal += thang
                        flush()
                        pieces.append(.slot(.month))
                        i = k
                        continue
                    }
                }
                for (name, slot) in names where line[i] == name[0] && hasPrefix(name, at: i) {
                    flush()
                    pieces.append(.slot(slot))
                    i += name.count
                    continue next
                }
                if isDigit(i) && !isDigit(i - 1) {
                    var j = i
                    while isDigit(j) { j += 1 }
                    let whole = Int(String(decoding: line[i..<j], as: UTF8.self)) ?? 0
                    var k = j
                    var decimal = false
                    if k + 1 < line.count && line[k] == UInt8(ascii: ",") && isDigit(k + 1) {
                        decimal = true
                        k += 1
                        while isDigit(k) { k += 1 }
                    }
                    var p = k
                    if p < line.count && line[p] == UInt8(ascii: " ") { p += 1 }
                    if p < line.count && line[p] == UInt8(ascii: "%") && whole <= 100 {
                        let value = Double(String(decoding: line[i..<k], as: UTF8.self).replacingComma()) ?? Double(whole)
                        flush()
                        pieces.append(.slot(.percent(value, decimal: decimal)))
                        i = k
                        continue
                    }
                    if j - i == 4 && (2015...2035).contains(whole) && !decimal {
                        flush()
                        pieces.append(.slot(.year(whole)))
                        i = j
                        continue
                    }
                    literal += line[i..<j]
                    i = j
                    continue
                }
                literal.append(line[i])
                i += 1
            }
            flush()
            return pieces
        }
    }

    /// The choices made once per generated plan.
    struct Choice {
        var index: Int
        var locality: String
        var province: String
        var signer: String
        var yearShift: Int
        var fillsBlankNumber: Bool

        init(index: Int, rng: inout SplitMix64) {
            self.index = index
            locality = rng.pick(Names.localities)
            province = rng.pick(Names.provinces)
            signer = rng.pick(Names.families) + " " + rng.pick(Names.middles) + " " + rng.pick(Names.givens)
            yearShift = Int(rng.next() % 3) - 1
            fillsBlankNumber = rng.chance(0.5)
        }

        func fill(_ slot: Slot, rng: inout SplitMix64) -> String {
            switch slot {
            case .name(let role, let uppercase):
                let name: String
                switch role {
                case .locality: name = locality
                case .province: name = province
                case .signer: name = signer
                }
                return uppercase ? name.uppercased() : name
            case .documentNumber(let blank):
                return blank && !fillsBlankNumber ? "" : String(100 + index)
            case .percent(let original, let decimal):
                var value: Double
                if original >= 100 {
                    value = rng.chance(0.6) ? 100 : [80, 85, 90, 95, 98][Int(rng.next() % 5)]
                } else {
                    let step = Double(Int(rng.next() % 6) - 3) * 5
                    value = min(100, max(5, (original / 5).rounded() * 5 + step))
                }
                if decimal && value < 100 { value -= 0.5 }
                let whole = Int(value)
                return value == Double(whole) ? String(whole) : "\(whole),5"
            case .year(let year):
                return String(year + yearShift)
            case .day:
                return String(1 + Int(rng.next() % 28))
            case .month:
                return String(1 + Int(rng.next() % 12))
            }
        }
    }
}

/// Vietnamese names the generator substitutes, and those of the shipped plans it replaces.
enum Names {
    static let templateLocalities = ["Lê Ích Mộc", "An Lão", "Xuân Trường", "Xuân Tiến", "Thủ Dầu Một"]
    static let templateProvinces = ["Hải Phòng", "Ninh Bình", "Bình Dương"]
    static let templateSigners = ["Nguyễn Bá Việt Phương", "Nguyễn Xuân Thạch", "Nguyễn Thị Nhị"]

    static let localities = [
        "Hòa Bình", "Tân Định", "Phú Mỹ", "Long Biên", "Ba Đình", "Hồng Bàng", "Ngô Quyền", "Kiến An", "Đồ Sơn",
        "Thủy Nguyên", "Tiên Lãng", "Vĩnh Bảo", "Cát Hải", "Dĩ An", "Thuận An", "Tân Uyên", "Bến Cát", "Bàu Bàng",
        "Dầu Tiếng", "Phú Giáo", "Hoa Lư", "Tam Điệp", "Gia Viễn", "Kim Sơn", "Yên Khánh", "Yên Mô", "Nho Quan",
        "Giao Thủy", "Hải Hậu", "Nghĩa Hưng", "Trực Ninh", "Ý Yên", "Vụ Bản", "Mỹ Lộc", "Cầu Giấy", "Đống Đa",
        "Hoàn Kiếm", "Tây Hồ", "Thanh Xuân", "Hà Đông", "Sơn Tây", "Ba Vì", "Mê Linh", "Sóc Sơn", "Đông Anh",
        "Gia Lâm", "Thanh Trì", "Bình Thạnh", "Gò Vấp", "Tân Bình", "Phú Nhuận", "Củ Chi", "Hóc Môn", "Nhà Bè",
        "Cần Giờ", "Ninh Kiều", "Cái Răng", "Bình Thủy", "Ô Môn", "Thốt Nốt", "Hạ Long", "Cẩm Phả", "Uông Bí",
        "Móng Cái", "Quảng Yên", "Đông Triều", "Vân Đồn", "Cô Tô", "Lê Chân", "Hải An", "Dương Kinh", "An Dương",
        "Quang Trung", "Trần Hưng Đạo", "Lý Thường Kiệt", "Nguyễn Trãi", "Chu Văn An", "Tân Phong", "Phước Long",
        "Định Hòa", "Chánh Nghĩa", "Phú Cường", "Hiệp Thành", "Tương Bình Hiệp", "Xuân Phong", "Xuân Hòa",
    ]

    static let provinces = [
        "Hà Nội", "Hải Phòng", "Ninh Bình", "Quảng Ninh", "Cần Thơ", "Đà Nẵng", "Huế", "Nghệ An", "Thanh Hóa",
        "Hưng Yên", "Bắc Ninh", "Phú Thọ", "Lào Cai", "Tuyên Quang", "Thái Nguyên", "Lạng Sơn", "Cao Bằng",
        "Điện Biên", "Lai Châu", "Sơn La", "Hà Tĩnh", "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Đắk Lắk",
        "Khánh Hòa", "Lâm Đồng", "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Cà Mau",
        "Thành phố Hồ Chí Minh",
    ]

    static let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
    static let middles = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Xuân", "Ngọc", "Quang", "Bá", "Thu", "Hoàng"]
    static let givens = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Lan", "Long", "Mai", "Nam",
                         "Nga", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vân", "Yến", "Hiền", "Khánh"]
}

private extension String {
    func replacingComma() -> String {
        String(map { $0 == "," ? "." : $0 })
    }
}
