import XCTest
@testable import KehoachCorpus

final class PlanIDTests: XCTestCase {
    func test_sameBytes_giveSameID_andOtherBytesAnother() {
        let a = PlanID(content: Array("Kế hoạch số 364/KH-PGDĐT".utf8))
        XCTAssertEqual(a, PlanID(content: Array("Kế hoạch số 364/KH-PGDĐT".utf8)))
        XCTAssertNotEqual(a, PlanID(content: Array("Kế hoạch số 365/KH-PGDĐT".utf8)))
        XCTAssertEqual(a.rawValue.count, 16)
        XCTAssertEqual(a.short.count, 8)
    }
}
