import Foundation
import XCTest
@testable import KehoachText

/// TCVN3 writes a capital with a tone mark with the lowercase code; `TCVN3Case` restores it
/// from the case of the letters around it, so that headers in capitals read as capitals again.
final class TCVN3CaseTests: XCTestCase {
    /// What TCVN3 bytes decode to before case restoration: every toned capital lowercase.
    private static func decodeWithoutRestoring(_ text: String) -> String {
        var converter = LegacyConverter(chart: .tcvn3)
        for byte in LegacyDecoder.encode(text, as: .tcvn3) { converter.feed(byte) }
        return converter.finish()
    }

    private func assertRestores(_ original: String, to expected: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        let decoded = Self.decodeWithoutRestoring(original)
        XCTAssertEqual(TCVN3Case.restore(decoded), expected ?? original, "decoded as \(decoded)", file: file, line: line)
    }

    func test_sharedCodes_areTheTonedVowelsOnly() {
        XCTAssertEqual(TCVN3Case.capitals[0x1EBF], "Ế")   // ế
        XCTAssertEqual(TCVN3Case.capitals[0xE0], "À")      // à
        for ownCode in "ăâêôơưđaz".unicodeScalars {
            XCTAssertNil(TCVN3Case.capitals[ownCode.value], String(ownCode))
        }
        XCTAssertEqual(TCVN3Case.capitals.count, 60)         // 12 vowels × 5 tones
    }

    func test_lineInCapitals_isRestored() {
        XCTAssertEqual(TCVN3Case.restore("Kế HOạCH"), "KẾ HOẠCH")
        assertRestores("KẾ HOẠCH")
        assertRestores("I. MỤC ĐÍCH, YÊU CẦU")
        assertRestores("TM. ỦY BAN NHÂN DÂN")
        assertRestores("Ở HÀ NỘI")
        assertRestores("## **KẾ HOẠCH** **Chuyển đổi số năm 2026**")
    }

    func test_wordInCapitals_isRestoredWithTheCapitalisedWordsNextToIt() {
        assertRestores("KẾ HOẠCH Chuyển đổi số năm 2025 của Phòng Giáo dục và Đào tạo")
        assertRestores("theo Nghị quyết của ĐẢNG bộ")
    }

    func test_mixedCaseWords_areLeftAlone() {
        XCTAssertEqual(TCVN3Case.restore("Kế hoạch"), "Kế hoạch")
        assertRestores("Thực hiện Kế hoạch số 38a/KH-UBND của Sở GDĐT")
        assertRestores("Ủy ban nhân dân phường", to: "ủy ban nhân dân phường")
        assertRestores("Phường Lê Ích Mộc", to: "Phường Lê ích Mộc")
    }

    /// One capital and a shared letter ("Về", "Số") says nothing on its own, nor do codes in
    /// capitals next to it.
    func test_singleCapitalWord_isNotEvidenceOfTheCapitalsFont() {
        XCTAssertEqual(TCVN3Case.restore("Về"), "Về")
        assertRestores("Số: 364/KH-PGDĐT")
        XCTAssertEqual(TCVN3Case.restore("Sở GDĐT tỉnh"), "Sở GDĐT tỉnh")
    }

    func test_capitalAfterASharedLetter_showsTheCapitalsFont() {
        XCTAssertEqual(TCVN3Case.restore("thực hiện Đề áN 06"), "thực hiện ĐỀ ÁN 06")
    }

    func test_textWithoutSharedLetters_isReturnedAsItIs() {
        let text = "ĐOÀN THANH NIÊN\nplain ascii"
        XCTAssertEqual(TCVN3Case.restore(text), text)
    }

    func test_misdecodedTCVN3_isRestoredToo() {
        let mojibake = LegacyDecoder.misdecodedForm(of: "KẾ HOẠCH\nKế hoạch giáo dục của trường", as: .tcvn3)
        XCTAssertEqual(LegacyDecoder.repairMisdecoded(mojibake)?.text, "KẾ HOẠCH\nKế hoạch giáo dục của trường")
    }

    /// Doubling the text may at most triple the time (quadratic work would quadruple it);
    /// an outlier is timed again before it counts.
    func test_largeText_restoresInLinearTime() {
        let line = Self.decodeWithoutRestoring("III. MỘT SỐ GIẢI PHÁP CƠ BẢN và Kế hoạch của Ủy ban\n")
        let small = String(repeating: line, count: 5_000)
        let large = String(repeating: line, count: 10_000)
        func seconds(_ text: String) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = TCVN3Case.restore(text)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        _ = seconds(small)
        var ratio = seconds(large) / seconds(small)
        if ratio >= 3 { ratio = seconds(large) / seconds(small) }
        XCTAssertLessThan(ratio, 3, "doubling the text should double the time")
    }
}
