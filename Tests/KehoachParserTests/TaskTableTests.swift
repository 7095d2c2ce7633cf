import XCTest
import KehoachText
@testable import KehoachParser

/// A task appendix as real copies leave it (issue: plans nobody here has seen): one table over
/// page breaks, group rows that lost their empty cells, cells wrapped onto the next line, page
/// numbers, a header over two lines. Rows cut from 004's appendix and real_10's task list.
final class TaskTableTests: XCTestCase {
    private func parse(_ text: String) -> PlanDocument { Parser().parse(SourceText(text)) }

    private let header = "STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành"

    /// md-cantho-157 (dev2) lines 444-470: "5 Điểm cộng 15" heads the rows 5.1-5.3; it is a group.
    func test_aRowNumberedOverSubNumberedRows_isTheirGroup() {
        let document = parse("""
        PHỤ LỤC
        TIÊU CHÍ THI ĐUA
        STT\tTIÊU CHÍ THI ĐUA\tĐIỂM CHUẨN
        4\tTỷ lệ người hưởng trợ cấp có tài khoản\t20
        5\tĐiểm cộng\t15
        5.1\tĐơn vị đạt tỷ lệ 100%\t5
        5.2\tĐơn vị hoàn thành sớm\t5
        6\tBáo cáo đúng hạn\t10
        """)
        let table = try! XCTUnwrap(document.tables.first)
        XCTAssertEqual(table.dataRows.map { $0.cells[0] }, ["4", "5.1", "5.2", "6"])
        XCTAssertEqual(table.rows.filter(\.isGroup).map { $0.cells[0] }, ["5"])
    }

    func test_tableOverPageBreak_isOneTableWithGroups() {
        let document = parse("""
        PHỤ LỤC
        DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2025
        \(header)
        I. Truyền thông, nâng cao nhận thức
        1\tTổ chức bồi dưỡng, tập huấn nâng cao nhận thức về chuyển đổi số\tPhòng VH-XH\tCác cơ sở giáo dục\tQuý II/2026
        2\tTriển khai hiệu quả các hoạt động Ngày Chuyển đổi số quốc gia\tPhòng VH-XH\tCác cơ sở giáo dục\tTháng 10 hằng năm

        3

        \(header)
        II. Hạ tầng, nền tảng số
        3\tĐầu tư hệ thống thư viện số thông minh đa phương tiện\tUBND phường\tPhòng VH-XH\tNăm 2025 - 2030
        4\tTriển khai hồ sơ, sổ điểm, học bạ số cấp Tiểu học\tCác cơ sở giáo dục\tPhòng VH-XH\tThường xuyên
        """)
        XCTAssertEqual(document.tables.count, 1, "the header repeated after a page break, and the page number, do not end the table")
        guard let table = document.tables.first else { return }
        XCTAssertEqual(table.location.line, 3)
        XCTAssertEqual(table.dataRows.count, 4)
        XCTAssertEqual(table.rows.filter(\.isGroup).map { $0.cells.first ?? "" }, ["I", "II"])
        XCTAssertEqual(table.dataRows.map { $0.group.map { table.rows[$0].cells[1] } }, ["Truyền thông, nâng cao nhận thức", "Truyền thông, nâng cao nhận thức", "Hạ tầng, nền tảng số", "Hạ tầng, nền tảng số"])
        XCTAssertEqual(document.sections.map(\.label.text), ["PHỤ LỤC"], "group rows inside the table are not sections")
    }

    func test_cellWrappedOntoTheNextLine_isJoinedToItsRow() {
        let document = parse("""
        \(header)
        1\tTổ chức bồi dưỡng, tập huấn nâng cao nhận thức về chuyển đổi số cho công chức,
        viên chức của các cơ sở giáo dục\tPhòng VH-XH\tCác cơ sở giáo dục\tQuý II/2026
        2\tXây dựng kho học liệu trực tuyến\tPhòng VH-XH\t\tNăm 2025
        3\tTổ chức Ngày hội STEM/STEAM cấp phường\tPhòng VH-XH\tCác trường
        tiểu học, trung học cơ sở\t8/2025
        """)
        guard let table = document.tables.first else { return XCTFail("no table") }
        XCTAssertEqual(document.tables.count, 1)
        XCTAssertEqual(table.dataRows.count, 3)
        XCTAssertEqual(table.dataRows[0].cells[1], "Tổ chức bồi dưỡng, tập huấn nâng cao nhận thức về chuyển đổi số cho công chức, viên chức của các cơ sở giáo dục")
        XCTAssertEqual(table.dataRows[0].cells[4], "Quý II/2026")
        XCTAssertEqual(table.dataRows[1].cells[3], "", "an empty cell stays empty")
        XCTAssertEqual(table.dataRows[2].cells, ["3", "Tổ chức Ngày hội STEM/STEAM cấp phường", "Phòng VH-XH", "Các trường tiểu học, trung học cơ sở", "8/2025"])
    }

    func test_headerOverTwoLines_mergesItsSubHeaders() {
        let document = parse("""
        | STT | Nội dung | Đơn vị thực hiện | | Thời gian |
        |---|---|---|---|---|
        | | | Chủ trì | Phối hợp | |
        | 1 | Cập nhật cơ sở dữ liệu ngành | Phòng VH-XH | Các trường | Tháng 9/2025 |
        | 2 | Triển khai học bạ số | Các trường | Phòng VH-XH | Năm học 2025-2026 |
        """)
        guard let table = document.tables.first else { return XCTFail("no table") }
        XCTAssertEqual(table.header, ["STT", "Nội dung", "Đơn vị thực hiện Chủ trì", "Phối hợp", "Thời gian"])
        XCTAssertEqual(table.dataRows.count, 2)
    }

    /// gh-congbot-518: a total row ("TỔNG SỐ") is no data row.
    func test_totalRow_isNotADataRow() {
        let document = parse("""
        | STT | Danh mục dự án | Kế hoạch vốn năm 2023 | Ghi chú |
        |---|---|---|---|
        |  | TỔNG SỐ | 50.000 |  |
        | I | SỞ GIÁO DỤC VÀ ĐÀO TẠO | 7.500 |  |
        | 1 | Trường THPT số 3 An Nhơn, thị xã An Nhơn; HM: Nhà lớp học 02 tầng 06 phòng | 3.000 |  |
        | 2 | Trường THPT số 2 An Nhơn, thị xã An Nhơn; HM: Nhà hiệu bộ | 2.500 |  |
        """)
        XCTAssertEqual(document.tables.first?.dataRows.count, 2)
    }

    /// A paragraph between two tables that do not continue one another ends the first.
    func test_paragraphBetweenTwoTables_endsTheFirst() {
        let document = parse("""
        STT\tNội dung\tChủ trì
        1\tTuyên truyền\tPhòng VH-XH
        2\tTập huấn\tPhòng VH-XH
        Các đơn vị báo cáo kết quả thực hiện về Phòng Văn hóa - Xã hội trước ngày 15 hằng tháng.
        Năm\tChỉ tiêu\tGhi chú\tNguồn
        2025\t80%\t\tNgân sách
        """)
        XCTAssertEqual(document.tables.count, 2)
    }
}

/// A table copied from a web page with every cell on lines of its own between lone `|` lines
/// (md-hcm-2820 and md-cantho-157, shortened).
final class WebCopyTableTests: XCTestCase {
    private func parse(_ text: String) -> PlanDocument { Parser().parse(SourceText(text)) }

    func test_cellsBetweenLoneBars_areRowsOfOneTable_withGroupRowsThatSpanCells() {
        let document = parse("""
        PHỤ LỤC
        DANH MỤC NHIỆM VỤ
        |
        **TT**
        |
        **Nhiệm vụ**
        |
        **Cơ quan chủ trì**
        |
        **Thời gian dự kiến hoàn thành**
        |
        |
        **I**
        |
        **Hoàn
        thiện thể chế**
        |
        |
        1
        |
        Phối hợp rà soát, sửa đổi Luật
        Quy hoạch.
        |
        Sở Tài chính
        |
        Quý IV/2025
        |
        |
        2
        |
        Phối hợp xây dựng nội dung quy định
        |
        |
        Năm 2025 - 2026
        |
        """)
        guard let table = document.tables.first else { return XCTFail("no table") }
        XCTAssertEqual(table.header, ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian dự kiến hoàn thành"])
        XCTAssertEqual(table.dataRows.map(\.cells), [["1", "Phối hợp rà soát, sửa đổi Luật Quy hoạch.", "Sở Tài chính", "Quý IV/2025"],
                                                     ["2", "Phối hợp xây dựng nội dung quy định", "", "Năm 2025 - 2026"]])
        XCTAssertEqual(table.rows.filter(\.isGroup).count, 1)
        XCTAssertEqual(table.dataRows[0].cellRuns[3].location.line, 26, "each cell keeps the line it stands on")
        XCTAssertEqual(document.sections.map(\.label.text), ["PHỤ LỤC"])
    }

    func test_closingBetweenBars_isNoTable_andAnAppendixAfterItIsASection() {
        let document = parse("""
        I. MỤC TIÊU
        |
        Nơi nhận:
        - Sở: Nội vụ, Y tế;
        - Lưu: VT.
        |
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
        Nguyễn Thị Ngọc Điệp
        |


        **PHỤ LỤC**
        THANG ĐIỂM THI ĐUA
        """)
        XCTAssertTrue(document.tables.isEmpty)
        XCTAssertEqual(document.closing.signer, "Nguyễn Thị Ngọc Điệp")
        XCTAssertEqual(document.sections.map(\.label.text), ["I", "PHỤ LỤC"])
    }

    /// gh-nghean-980 (fresh): the site left rows out and put a dotted line where they stood.
    func test_aDottedLineForLeftOutRows_partsTheRowsAroundIt() {
        let document = parse("""
        PHỤ LỤC
        NHIỆM VỤ
        |
        TT
        |
        Nội dung thực hiện
        |
        Cơ quan chủ trì
        |
        |
        1
        |
        Ban hành Quy chế phối hợp tìm kiếm, cứu nạn
        |
        Sở Xây dựng
        |
        ….................................
        |
        2
        |
        Thành lập bộ máy quản lý Quỹ
        |
        Sở Tài chính
        |
        |
        3
        |
        Duy trì Hệ thống Tổng đài 112
        |
        Công an tỉnh
        |
        """)
        XCTAssertEqual(document.tables.first?.dataRows.map { $0.cells.first ?? "" }, ["1", "2", "3"])
    }

    /// gh-nghean-980 (fresh): a legal-document site's list of related documents after the plan.
    func test_aSitesFooter_endsThePlan() {
        let document = parse("I. NHIỆM VỤ\n1. Ban hành quy chế trước ngày 30/11/2025.\nVăn bản này chưa cập nhật nội dung Tiếng Anh\n## Văn bản liên quan\nBan hành:\n04/09/2025\n")
        XCTAssertEqual(document.sections.first?.children.count, 1)
        XCTAssertTrue(document.sections.first?.children.first?.blocks.isEmpty ?? false)
        XCTAssertEqual(document.diagnostics.map(\.id), ["parse.site-footer"])
    }
}
