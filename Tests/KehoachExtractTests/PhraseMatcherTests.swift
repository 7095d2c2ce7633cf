import XCTest
import KehoachGrammar

/// Phrase matching reads the text in blocks of 64 bytes: matches must be the same wherever a
/// block ends, whole words only, longest first and never overlapping.
final class PhraseMatcherTests: XCTestCase {
    private let matcher = PhraseMatcher<String>([("hằng năm", "yearly"), ("định kỳ", "periodic"),
                                                 ("định kỳ hằng năm", "yearly, periodic"), ("6 tháng", "half-yearly")])

    private func found(_ key: String) -> [String] {
        matcher.matches(in: key).map { "\($0.range.lowerBound):\($0.value)" }
    }

    func test_phraseFound_atEveryOffsetAroundABlockEnd() {
        for offset in 58..<70 {
            let key = String(repeating: "x", count: offset - 1) + " hằng năm báo cáo"
            XCTAssertEqual(found(key), ["\(offset):yearly"], "phrase at byte \(offset)")
        }
    }

    func test_phraseInsideAWord_isNotFound_evenAcrossABlockEnd() {
        for offset in 60..<68 {
            XCTAssertEqual(found(String(repeating: "x", count: offset) + "hằng năm"), [], "word start at byte \(offset)")
        }
    }

    func test_longestPhraseWins_andMatchesDoNotOverlap() {
        XCTAssertEqual(found("báo cáo định kỳ hằng năm, định kỳ 6 tháng"), ["10:yearly, periodic", "36:periodic", "49:half-yearly"])
    }

    func test_aPhraseRightAfterPunctuation_isFound() {
        XCTAssertEqual(found("(hằng năm)"), ["1:yearly"])
    }
}
