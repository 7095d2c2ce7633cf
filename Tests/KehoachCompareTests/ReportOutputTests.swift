import XCTest
import Foundation
import KehoachCompare
import KehoachExtract
import KehoachRender

/// Plan text is data, never markup or a formula, in every output.
final class ReportOutputTests: XCTestCase {
    /// A plan whose own words carry a script tag and an Excel formula, read through the pipeline.
    static let planted = """
    ỦY BAN NHÂN DÂN
    PHƯỜNG <script>alert(1)</script>
    Số: 99/KH-UBND
    Phường Thử, ngày 10 tháng 10 năm 2025
    KẾ HOẠCH
    Chuyển đổi số năm 2025 <script>alert(1)</script>
    I. MỤC TIÊU
    1. =HYPERLINK("http://evil") 100% cán bộ, giáo viên được cấp chữ ký số <script>alert(1)</script>.
    2. Phấn đấu 80% trở lên học sinh có tài khoản VNeID mức 2.
    II. NHIỆM VỤ
    - Triển khai học bạ số <img src=x onerror=alert(1)>.
    """

    private func report() -> ComparisonReport {
        let parent = TestPlans.corpus("000", index: 0)
        let child = ComparablePlan(index: 1, text: Self.planted, source: "planted.txt")
        XCTAssertTrue(child.plan.targets.contains { $0.quote.contains("=HYPERLINK") || $0.text.contains("=HYPERLINK") })
        return ComparisonReport(plans: [parent.ref, child.ref], matrix: IndicatorMatrix([parent, child]),
                                chain: PlanChain([parent, child]), alignments: [Aligner(parent: parent).align(child)])
    }

    func test_html_hasNoRawScriptFromPlanText() {
        let html = HTMLReport().render(report())
        XCTAssertFalse(html.lowercased().contains("<script"), "no script element at all")
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the words are shown, escaped")
        XCTAssertFalse(html.contains("http://evil\")"), "quotes escaped in text and attributes")
    }

    func test_html_isSelfContained_printsOnA4_andDrawsCoverage() {
        let html = HTMLReport().render(report())
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("@page { size: A4"))
        XCTAssertTrue(html.contains("@media print"))
        XCTAssertTrue(html.contains("break-inside: avoid"))
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertTrue(html.contains("class=\"st-met\"") || html.contains("class=\"st-missing\""))
        XCTAssertFalse(html.contains("http://") && html.contains("src=\"http"), "no external resources")
        XCTAssertFalse(html.contains("<link"))
        XCTAssertTrue(html.contains("Ma trận chỉ tiêu"))
        XCTAssertTrue(html.contains("Chuỗi kế hoạch"))
    }

    func test_csv_formulaCellStartsWithQuote() {
        let csv = AlignmentRenderer().csv(report().alignments)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}"))
        let cells = Self.parseCSV(csv).flatMap { $0 }
        let formula = cells.filter { $0.contains("HYPERLINK") }
        XCTAssertFalse(formula.isEmpty, "the planted target reaches the CSV")
        for cell in formula where cell.contains("=HYPERLINK") && !cell.hasPrefix("'") {
            XCTAssertFalse(cell.hasPrefix("="), "a cell must not start with '=': \(cell)")
        }
        XCTAssertTrue(formula.contains { $0.hasPrefix("'=HYPERLINK(\"http://evil\")") }, "\(formula)")
        // The matrix CSV escapes plan names and cells the same way.
        XCTAssertTrue(MatrixRenderer().csv(report().matrix!).hasPrefix("\u{FEFF}Mã chỉ số,"))
    }

    func test_json_isDocumentedShape() throws {
        let json = ReportJSON.encode(report())
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        XCTAssertEqual(object["format"] as? String, "kehoach.report")
        XCTAssertEqual(object["version"] as? Int, 1)
        let plans = object["plans"] as! [[String: Any]]
        XCTAssertEqual(plans.first?["name"] as? String, "xã/phường · UBND phường Lê Ích Mộc · 2025-2026")
        let alignment = (object["alignments"] as! [[String: Any]])[0]
        XCTAssertNotNil((alignment["coverage"] as? [String: Any])?["metPercent"])
        let first = (alignment["results"] as! [[String: Any]])[0]
        XCTAssertNotNil(first["status"] as? String)
        let row = ((object["matrix"] as! [String: Any])["rows"] as! [[String: Any]])[0]
        XCTAssertNotNil((row["cells"] as! [[String: Any]])[0]["display"])
        XCTAssertNotNil(object["chain"])
        XCTAssertTrue(json.contains("<script>alert(1)</script>"), "JSON keeps the text as data (escaping is the reader's job)")
    }

    func test_markdown_escapesPipesAndTags() {
        let md = AlignmentRenderer().markdown(report().alignments) + MatrixRenderer().markdown(report().matrix!)
        XCTAssertFalse(md.contains("<script>"))
    }

    /// RFC 4180 reading, enough for the tests.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        chars.append("\n")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { cell.append("\""); i += 1 } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(cell); cell = "" }
            else if c == "\r\n" || c == "\n" { row.append(cell); rows.append(row); row = []; cell = "" }
            else { cell.append(c) }
            i += 1
        }
        return rows.filter { $0 != [""] }
    }
}
