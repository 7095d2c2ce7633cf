import KehoachCompare

/// The chain forest as an indented tree (terminal) or nested list (Markdown), with the cited
/// higher-level plans that are not in the set.
public struct ChainRenderer {
    public var width: Int
    public var color: Bool

    public init(width: Int = 100, color: Bool = false) {
        self.width = width
        self.color = color
    }

    public func text(_ chain: PlanChain) -> String {
        var out: [String] = [TerminalStyle.bold.apply("Chuỗi kế hoạch: \(chain.plans.count) kế hoạch, \(chain.links.count) liên kết", enabled: color)]
        func visit(_ index: Int, prefix: String, isLast: Bool, depth: Int) {
            guard let ref = chain.ref(index) else { return }
            let branch = depth == 0 ? "" : (isLast ? "└─ " : "├─ ")
            var line = prefix + branch + "\(ReportLabels.tag(ref)) \(ReportLabels.longName(ref))"
            if let link = chain.link(child: index) { line += "  ← \(how(link))" }
            out.append(clip(line))
            let childPrefix = depth == 0 ? "" : prefix + (isLast ? "   " : "│  ")
            for m in chain.notImported where m.plan == index {
                out.append(clip(childPrefix + (depth == 0 ? "" : "   ") + "  ⚠ " + ReportLabels.notImported(m)))
            }
            let children = chain.children(of: index)
            for (i, child) in children.enumerated() {
                visit(child, prefix: childPrefix, isLast: i == children.count - 1, depth: depth + 1)
            }
        }
        for root in chain.roots { visit(root, prefix: "", isLast: true, depth: 0) }
        if !chain.otherLinks.isEmpty {
            out.append("Liên kết khác:")
            for link in chain.otherLinks {
                out.append(clip("  [\(link.child + 1)] → [\(link.parent + 1)]  \(how(link))"))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public func markdown(_ chain: PlanChain) -> String {
        var out: [String] = ["## Chuỗi kế hoạch", ""]
        func visit(_ index: Int, depth: Int) {
            guard let ref = chain.ref(index) else { return }
            let indent = String(repeating: "  ", count: depth)
            var line = "\(indent)- \(MarkdownText.cell("\(ReportLabels.tag(ref)) \(ReportLabels.longName(ref))"))"
            if let link = chain.link(child: index) { line += " — _\(MarkdownText.cell(how(link)))_" }
            out.append(line)
            for m in chain.notImported where m.plan == index {
                out.append("\(indent)  - ⚠ \(MarkdownText.cell(ReportLabels.notImported(m)))")
            }
            for child in chain.children(of: index) { visit(child, depth: depth + 1) }
        }
        for root in chain.roots { visit(root, depth: 0) }
        if !chain.otherLinks.isEmpty {
            out.append("")
            out.append("Liên kết khác:")
            for link in chain.otherLinks { out.append("- [\(link.child + 1)] → [\(link.parent + 1)] \(MarkdownText.cell(how(link)))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func how(_ link: PlanChain.Link) -> String {
        switch link.basis {
        case .citation: return "căn cứ \(link.detail)\(link.line.map { ", dòng \($0)" } ?? "")"
        case .place: return "cùng địa bàn “\(link.detail)” (suy đoán)"
        case .given: return "chỉ định"
        }
    }

    private func clip(_ s: String) -> String {
        s.count <= width ? s : String(s.prefix(width - 1)) + "…"
    }
}
