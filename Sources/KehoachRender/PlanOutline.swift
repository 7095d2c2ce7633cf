import Foundation
import KehoachExtract
import KehoachGrammar
import KehoachText

/// A plan as a readable outline for a person at a terminal: header fields, the section tree
/// with line numbers, tables, targets, deadlines, responsible units and diagnostics.
public struct PlanOutline {
    public var width: Int

    public init(width: Int = 100) {
        self.width = width
    }

    public func render(_ plan: Plan) -> String {
        var out: [String] = []
        let m = plan.metadata
        out.append("\(m.docType ?? "Văn bản") \(m.number ?? "(chưa số)") — \(m.issuer ?? "(không rõ cơ quan ban hành)")")
        if let title = m.title { out.append("  \(clip(title, width - 2))") }
        var facts: [String] = []
        if let level = m.level { facts.append("cấp: \(Labels.level(level))") }
        if let place = m.place { facts.append("nơi: \(place)") }
        if let date = m.date { facts.append("ngày: \(date)") }
        if let signer = m.signer { facts.append("ký: \(signer)\(m.signerTitle.map { " (\($0))" } ?? "")") }
        if !facts.isEmpty { out.append("  " + facts.joined(separator: " · ")) }
        if !plan.citations.isEmpty {
            out.append("")
            out.append("Căn cứ (\(plan.citations.count)):")
            for c in plan.citations {
                let extra = [c.date, c.issuer].compactMap { $0 }.joined(separator: ", ")
                out.append(clip("  \(pad(String(c.line), 4)) \(c.type) \(c.number)\(extra.isEmpty ? "" : " — \(extra)")", width))
            }
        }
        out.append("")
        out.append("Mục lục:")
        func visit(_ sections: [SectionRecord], _ depth: Int) {
            for s in sections {
                let indent = String(repeating: "  ", count: depth + 1)
                out.append(clip("\(pad(String(s.line), 4))\(indent)\(s.label). \(s.title)", width))
                visit(s.children, depth + 1)
            }
        }
        visit(plan.sections, 0)
        if plan.sections.isEmpty { out.append("  (không có mục đánh số)") }
        for table in plan.tables {
            out.append("")
            out.append("Bảng (dòng \(table.line)): \(table.rows) dòng dữ liệu\(table.groupRows > 0 ? ", \(table.groupRows) dòng nhóm" : "")")
            out.append(clip("  " + table.header.joined(separator: " | "), width))
        }
        if !plan.targets.isEmpty {
            out.append("")
            out.append("Chỉ tiêu (\(plan.targets.count)):")
            for t in plan.targets {
                let value = TargetFormat.value(t)
                let year = t.year.map { " (\($0))" } ?? ""
                let indicator = t.indicator ?? "?"
                out.append(clip("  \(pad(String(t.line), 4)) \(pad(value + year, 16)) \(pad(indicator, 28)) \(t.population ?? "")", width))
            }
        }
        if !plan.deadlines.isEmpty {
            out.append("")
            out.append("Thời hạn (\(plan.deadlines.count)):")
            for d in plan.deadlines {
                out.append(clip("  \(pad(String(d.line), 4)) \(pad(d.kind.rawValue, 9)) \(pad(d.date ?? "—", 22)) \(d.quote)", width))
            }
        }
        if !plan.responsibilities.isEmpty {
            out.append("")
            out.append("Đơn vị thực hiện (\(plan.responsibilities.count)):")
            for r in plan.responsibilities {
                out.append(clip("  \(pad(r.role == .lead ? "chủ trì" : "phối hợp", 9)) \(r.unit) (\(r.tasks.count) nhiệm vụ)", width))
            }
        }
        if !plan.recipients.isEmpty {
            out.append("")
            out.append(clip("Nơi nhận: " + plan.recipients.joined(separator: "; "), width))
        }
        let shown = plan.diagnostics.filter { $0.severity != .note }
        if !shown.isEmpty {
            out.append("")
            out.append("Cảnh báo (\(shown.count)):")
            for d in shown { out.append(clip("  \(d)", width)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }

    private func clip(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}

/// How a target's value reads: `≥98,5%`, `2 dịch vụ`, `≤2 học sinh/máy`, `*` for aspirational.
public enum TargetFormat {
    public static func value(_ t: Target) -> String {
        let number = t.value == t.value.rounded() ? String(Int(t.value)) : String(t.value).replacingOccurrences(of: ".", with: ",")
        let unit = t.unit == "%" ? "%" : " \(t.unit)"
        return "\(t.comparator.symbol)\(number)\(unit)\(t.aspirational ? "*" : "")"
    }
}

/// Vietnamese labels for the values a report shows.
public enum Labels {
    public static func level(_ level: PlanLevel) -> String {
        switch level {
        case .ministry: return "Bộ"
        case .province: return "tỉnh"
        case .department: return "Sở"
        case .district: return "huyện"
        case .commune: return "xã/phường"
        case .school: return "trường"
        }
    }
}
