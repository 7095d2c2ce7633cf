import XCTest
import KehoachText
@testable import KehoachLexer

final class DateReaderTests: XCTestCase {
    private func date(_ text: String) -> String? {
        var s = ByteScanner(key: Folding.matchKey(text))
        return DateReader.date(&s)?.iso
    }

    func test_fullDate_inWordsAndNumbers() {
        XCTAssertEqual(date("ngày 08 tháng 10 năm 2025"), "2025-10-08")
        XCTAssertEqual(date("ngày 08/10/2025"), "2025-10-08")
    }

    func test_blankDay_givesMonthPrecision() {
        XCTAssertEqual(date("ngày tháng 12 năm 2025"), "2025-12")
    }

    func test_blankDayAndMonth_givesYearPrecision() {
        XCTAssertEqual(date("ngày tháng năm 2025"), "2025")
    }

    func test_lostSpaces() {
        XCTAssertEqual(date("ngày15/3/2019"), "2019-03-15")
        XCTAssertEqual(date("ngày 04tháng 3 năm 2023"), "2023-03-04")
    }

    func test_dayAndMonthWithoutYear() {
        XCTAssertEqual(date("ngày 10/10"), "--10-10")
        XCTAssertEqual(date("ngày 10 tháng 10"), "--10-10")
    }

    func test_placeDateLine() {
        let found = DateReader.placeDate("Phường Lê Ích Mộc, ngày tháng 12 năm 2025")
        XCTAssertEqual(found?.place, "Phường Lê Ích Mộc")
        XCTAssertEqual(found?.date.iso, "2025-12")
    }
}
