import Foundation
import KehoachCompare
import KehoachExtract
import KehoachGrammar

/// The Vietnamese words compare / align reports use for plans, targets and statuses.
public enum ReportLabels {
    /// "xã/phường · UBND phường Lê Ích Mộc · 2025-2026": level, issuer, period.
    public static func shortName(_ ref: PlanRef) -> String {
        var parts: [String] = []
        if let level = ref.level { parts.append(Labels.level(level)) }
        parts.append(ref.issuer.map(issuer) ?? fileName(ref.source) ?? "Kế hoạch \(ref.index + 1)")
        if let period = ref.period ?? ref.date.map({ String($0.prefix(4)) }) { parts.append(period) }
        return parts.joined(separator: " · ")
    }

    /// The short name with the document number: "… · 2024-2025 (364/KH-PGDĐT)".
    public static func longName(_ ref: PlanRef) -> String {
        "\(shortName(ref)) (\(ref.number ?? "chưa số"))"
    }

    /// "[2]": how tables and trees point at a plan (1-based).
    public static func tag(_ ref: PlanRef) -> String { "[\(ref.index + 1)]" }

    /// "Ủy ban nhân dân phường Lê Ích Mộc" → "UBND phường Lê Ích Mộc";
    /// "Phòng Giáo dục và Đào tạo huyện An Lão" → "Phòng GDĐT huyện An Lão".
    public static func issuer(_ name: String) -> String {
        var s = name
        for (long, short) in [("Ủy ban nhân dân", "UBND"), ("Uỷ ban nhân dân", "UBND"), ("Giáo dục và Đào tạo", "GDĐT"),
                              ("Giáo dục - Đào tạo", "GDĐT")] {
            s = s.replacingAll(long, with: short)
        }
        return s
    }

    static func fileName(_ path: String?) -> String? {
        guard let path, !path.isEmpty else { return nil }
        return path.split(separator: "/").last.map(String.init)
    }

    /// "≥80%* (2025)": value with comparator, `*` when aspirational, the due year when stated.
    public static func target(_ t: Target) -> String {
        TargetFormat.value(t) + (t.year.map { " (\($0))" } ?? "")
    }

    /// Several targets in one cell, joined.
    public static func targets(_ ts: [Target]) -> String {
        ts.map(target).joined(separator: "; ")
    }

    /// A matrix cell: its entries joined, a wording entry marked with a leading "~".
    public static func cell(_ entries: [IndicatorMatrix.Entry]) -> String {
        entries.map { ($0.match == .wording ? "~" : "") + target($0.target) }.joined(separator: "; ")
    }

    public static func indicator(_ id: String, _ indicators: IndicatorGrammar) -> String {
        indicators.label(of: id) ?? id
    }

    public static func status(_ s: AlignmentStatus) -> String { s.label }

    public static func reason(_ r: TargetAlignment.Reason, _ result: TargetAlignment? = nil) -> String {
        switch r {
        case .atLeastAsStrict: return "bằng hoặc chặt hơn cấp trên"
        case .lowerValue: return "giá trị chưa đạt mức cấp trên"
        case .laterYear:
            if let p = result?.parentTarget.year, let c = result?.childTarget?.year { return "hạn muộn hơn (\(c) > \(p))" }
            return "hạn muộn hơn"
        case .aspirationalOnly: return "cấp dưới chỉ “phấn đấu”"
        case .otherUnit: return "chỉ tiêu tính theo đơn vị khác"
        case .otherPopulation: return "chỉ tiêu cho đối tượng khác"
        case .namedWithoutNumber: return "có nêu nhiệm vụ nhưng không đặt số"
        case .notMentioned: return "không đề cập"
        }
    }

    /// Every reason of a result, plus how the child target was found when by its wording.
    public static func explanation(_ result: TargetAlignment) -> String {
        var parts = result.reasons.map { reason($0, result) }
        if result.match == .wording { parts.append("tìm theo từ khóa trong câu chỉ tiêu") }
        return parts.joined(separator: "; ")
    }

    public static func basis(_ b: PlanChain.Basis) -> String {
        switch b {
        case .citation: return "căn cứ (trích dẫn số hiệu)"
        case .place: return "địa bàn (tên địa danh)"
        case .given: return "người dùng chỉ định"
        }
    }

    public static func deadline(_ d: Deadline) -> String {
        let kind: String
        switch d.kind {
        case .before: kind = "trước"
        case .on: kind = "ngày"
        case .during: kind = "trong"
        case .recurring: kind = "định kỳ"
        }
        return "\(kind) \(d.date ?? d.quote)"
    }

    /// "căn cứ 7462/KH-SGDĐT của Sở Giáo dục và Đào tạo Hải Phòng, 2025-10-08 — chưa nhập".
    public static func notImported(_ m: PlanChain.MissingPlan) -> String {
        let c = m.citation
        var s = "căn cứ \(c.number)"
        if let issuer = c.issuer { s += " của \(issuer)" }
        if let date = c.date { s += ", \(date)" }
        return s + " — chưa nhập (not imported)"
    }

    public static func percent(_ x: Double) -> String {
        x == x.rounded() ? "\(Int(x))%" : String(format: "%.1f%%", x).replacingAll(".", with: ",")
    }

    public static let periodsDifferNote = "Hai kế hoạch thuộc kỳ khác nhau: hạn muộn hơn có thể chỉ do lệch năm học."
    public static let legend = "* phấn đấu (chưa cam kết); (năm) năm đến hạn; ≥ trở lên, > trên, ≤ tối đa; ~ số nêu trong câu chỉ tiêu xếp ở chỉ số khác"
}
