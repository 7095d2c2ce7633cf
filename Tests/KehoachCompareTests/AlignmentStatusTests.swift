import XCTest
@testable import KehoachCompare

final class AlignmentStatusTests: XCTestCase {
    func test_everyStatus_hasAVietnameseLabel() {
        let labels = AlignmentStatus.allCases.map(\.label)
        XCTAssertEqual(Set(labels).count, AlignmentStatus.allCases.count)
        XCTAssertEqual(AlignmentStatus.unquantified.label, "Chưa lượng hóa")
    }
}
