import XCTest
import KehoachText
@testable import KehoachParser

final class TableAndClosingTests: XCTestCase {
    private func parse(_ text: String) -> PlanDocument { Parser().parse(SourceText(text)) }

    /// Cut from 004's appendix: the header repeats after each page break and row 23 is missing.
    func test_repeatedHeaders_areMerged_andASkippedRowIsReported() {
        let header = "STT\tDanh mục\tChủ trì\tPhối hợp\tThời gian hoàn thành\tGhi chú"
        let document = parse("""
        PHỤ LỤC
        DANH MỤC CÁC NHIỆM VỤ

        \(header)
        21\tTriển khai ứng dụng trí tuệ nhân tạo\tSở GDĐT\tPhòng GDĐT\t2025\t

        \(header)
        22\tĐăng ký tuyển sinh trực tuyến\tSở GDĐT\tPhòng GDĐT\t2025\t
        24\tHệ thống học liệu Tiếng Anh\tSở GDĐT\tPhòng GDĐT\t8/2025\t
        """)
        XCTAssertEqual(document.tables.count, 1)
        guard let table = document.tables.first else { return }
        XCTAssertEqual(table.location.line, 4)
        XCTAssertEqual(table.header, ["STT", "Danh mục", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Ghi chú"])
        XCTAssertEqual(table.dataRows.count, 3)
        XCTAssertEqual(document.diagnostics.first { $0.id == "table.skipped-row" }?.location?.line, 9)
    }

    func test_groupRows_areKept_butNotCounted() {
        let document = parse("1. Nhiệm vụ\n\n| STT | Nội dung | Chủ trì |\n|---|---|---|\n| I | Truyền thông | |\n| 1 | Tuyên truyền | Phòng GDĐT |\n| 2 | Hội nghị | UBND |\n| II. | Hạ tầng | |\n| 3 | Mua sắm | UBND |\n")
        XCTAssertEqual(document.tables.first?.dataRows.count, 3)
        XCTAssertEqual(document.tables.first?.rows.filter(\.isGroup).count, 2)
        XCTAssertTrue(document.sections.allSatisfy { $0.children.isEmpty }, "group rows inside a table are not sections")
    }

    /// Cut from 000 and 001: the recipients list and the signature block.
    func test_recipientsAndSigner() {
        let document = parse("""
        I. MỤC TIÊU

        Nơi nhận:

        - CT, các PCT UBND phường;
        - Các phòng: VH-XH, KT,HT&ĐT;
        - Lưu: VT, VHXX.

        TM. ỦY BAN NHÂN DÂN
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH

        Nguyễn Bá Việt Phương
        """)
        XCTAssertEqual(document.closing.recipients, ["CT, các PCT UBND phường", "Các phòng: VH-XH, KT,HT&ĐT", "Lưu: VT, VHXX"])
        XCTAssertEqual(document.closing.signer, "Nguyễn Bá Việt Phương")
        XCTAssertEqual(document.closing.signerTitle, "PHÓ CHỦ TỊCH")
        XCTAssertEqual(document.closing.signatureLines, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
    }

    func test_boldSignatureBlock_fromAMarkdownCopy() {
        let document = parse("I. MỤC TIÊU\n\n### ***Nơi nhận:***\n\n- Lưu VT.\n\n**KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG**\n\n**Nguyễn Xuân Thạch**")
        XCTAssertEqual(document.closing.signerTitle, "PHÓ TRƯỞNG PHÒNG")
        XCTAssertEqual(document.closing.signer, "Nguyễn Xuân Thạch")
        XCTAssertEqual(document.closing.recipients, ["Lưu VT"])
    }

    /// A Quyết định that carries the plan it approves: the plan follows the signature.
    func test_planCarriedByAQuyetDinh_isReadAfterItsSignature() {
        let document = parse("""
        Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số.
        Điều 2. Quyết định có hiệu lực kể từ ngày ký./.

        Nơi nhận:
        - Như Điều 2;
        - Lưu: VT.
        TM. ỦY BAN NHÂN DÂN
        CHỦ TỊCH
        (Đã ký)
        Nguyễn Văn Thành

        KẾ HOẠCH
        Chuyển đổi số ngành giáo dục năm 2023
        I. MỤC TIÊU
        1. 100% cơ sở giáo dục sử dụng học bạ số.
        II. TỔ CHỨC THỰC HIỆN
        """)
        XCTAssertEqual(document.sections.map { $0.label.text }, ["Điều 1", "Điều 2", "I", "II"])
        XCTAssertEqual(document.closing.signer, "Nguyễn Văn Thành")
        XCTAssertEqual(document.closing.signerTitle, "CHỦ TỊCH")
        XCTAssertEqual(document.closing.recipients, ["Như Điều 2", "Lưu: VT"])
    }

    func test_appendixAfterTheRecipients_isASectionAgain() {
        let document = parse("1. Mục đích\n\nNơi nhận:\n- Lưu: VT.\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n")
        XCTAssertEqual(document.sections.map { $0.label.text }, ["1", "PHỤ LỤC"])
        XCTAssertNil(document.closing.signer)
    }
}
