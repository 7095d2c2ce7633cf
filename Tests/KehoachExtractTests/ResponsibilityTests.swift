import XCTest
@testable import KehoachExtract

final class ResponsibilityTests: XCTestCase {
    private func units(_ body: String) -> [String] {
        PlanReader().read(text: body).responsibilities.map { "\($0.role.rawValue) \($0.unit)" }
    }

    /// Cut from 000: unit headings under TỔ CHỨC THỰC HIỆN, names normalised.
    func test_unitHeadingsUnderImplementation() {
        let found = units("""
        V. TỔ CHỨC THỰC HIỆN
        1. Phòng Văn hoá - Xã hội
        - Là cơ quan thường trực, tham mưu Ủy ban nhân dân phường.
        2. Phòng Kinh tế, Hạ tầng và Đô thị phường
        Tham mưu bố trí nguồn kinh phí.
        3. Các cơ sở giáo dục trên địa bàn phường
        - Phân công lực lượng phụ trách.
        """)
        // spelling variants merge into one canonical name ("hoá" = "hóa")
        XCTAssertEqual(found, ["lead Phòng Văn hóa - Xã hội", "lead Phòng Kinh tế, Hạ tầng và Đô thị", "lead Các cơ sở giáo dục"])
    }

    /// Cut from 002: a duty sentence; the closing request assigns nothing.
    func test_dutySentence_andRequestsAssignNothing() {
        let found = units("""
        V. TỔ CHỨC THỰC HIỆN
        - Xây dựng kế hoạch. Hiệu trưởng chịu trách nhiệm về tính hiệu quả, khả thi.
        Sở GDĐT yêu cầu các phòng thuộc Sở nghiêm túc triển khai. Đề nghị UBND các xã, phường chỉ đạo các cơ sở giáo dục.
        """)
        XCTAssertEqual(found, ["lead Hiệu trưởng"])
    }

    /// Cut from 004: Chủ trì is lead, Phối hợp support; abbreviations expanded; lead wins.
    func test_tableColumns_leadAndSupport() {
        let found = units("""
        PHỤ LỤC
        DANH MỤC
        STT\tDanh mục\tChủ trì\tPhối hợp\tThời gian hoàn thành
        1\tTổ chức bồi dưỡng\tSở GDĐT\tPhòng GDĐT, các cơ sở giáo dục\t2025
        2\tĐầu tư thư viện số\tUBND thành phố\tPhòng GD&ĐT, các cơ sở giáo dục\t2025
        3\tSố hóa dữ liệu\tSở GD&ĐT\tPhòng GD&ĐT, các cơ sở giáo dục\t2025
        """)
        XCTAssertEqual(found, ["lead Sở Giáo dục và Đào tạo", "support Phòng Giáo dục và Đào tạo", "support Các cơ sở giáo dục",
                               "lead Ủy ban nhân dân thành phố"])
    }

    func test_aTaskHeadingStartingWithPhanCong_isNoDutiesSection() {
        XCTAssertEqual(units("III. GIẢI PHÁP\n2. Phân công lực lượng phụ trách công nghệ thông tin\n- Đối với bộ phận phụ trách giáo dục: Phân công 01 lãnh đạo.\n"), [])
    }
}

/// Units named outside TỔ CHỨC THỰC HIỆN, and a task table's rows as items of the plan.
final class UnitsOutsideImplementationTests: XCTestCase {
    private func plan(_ body: String) -> Plan { PlanReader().read(text: body) }
    private func units(_ body: String) -> [String] { plan(body).responsibilities.map { "\($0.role.rawValue) \($0.unit)" } }

    /// gh-day7-199 line 171 and real_05 line 48: "giao X chủ trì, phối hợp (với) Y".
    func test_giaoXChuTriPhoiHopY_leadAndSupport() {
        XCTAssertEqual(units("""
        II. NHIỆM VỤ
        3. Giao Công an tỉnh chủ trì, phối hợp Văn phòng Ủy ban nhân dân tỉnh theo dõi, hướng dẫn, kiểm tra, đôn đốc việc thực hiện Kế hoạch.
        """), ["lead Công an tỉnh", "support Văn phòng Ủy ban nhân dân tỉnh"])
        XCTAssertEqual(units("1. Mục đích\nGiao Công an tỉnh chủ trì phối hợp với Văn phòng UBND tỉnh giúp Chủ tịch UBND tỉnh hướng dẫn, đôn đốc."),
                       ["lead Công an tỉnh", "support Văn phòng Ủy ban nhân dân tỉnh"])
    }

    /// "chủ trì" inside a noun phrase assigns nothing (001 line 94).
    func test_chuTriInsideANounPhrase_assignsNothing() {
        XCTAssertEqual(units("1. Nhiệm vụ\nCác đơn vị chủ trì quản lý hệ thống thông tin và cơ sở dữ liệu giáo dục lưu ý rà soát quy chế."), [])
    }

    /// real_10 and real_08: a task list's label lines, plain or holding the roles in a sentence.
    func test_labelLines_ofATaskList() {
        XCTAssertEqual(units("""
        II. NỘI DUNG, TIẾN ĐỘ
        1.1. Xây dựng và ban hành Hướng dẫn.
        - Thời gian hoàn thành: Quý IV/2025;
        - Đơn vị chủ trì: Phòng Văn hóa - Xã hội
        - Đơn vị phối hợp: Các cơ sở giáo dục, Trạm y tế phường
        - Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành, đoàn thể Thành phố và các đơn vị có liên quan.
        """), ["lead Phòng Văn hóa - Xã hội", "support Các cơ sở giáo dục", "support Trạm y tế phường", "lead Sở Nội vụ", "support Các sở, ban, ngành, đoàn thể"],
                       "a plural unit drops the place it works in")
    }

    /// gh-day7-199: unit headings under PHÂN CÔNG that carry their task after a colon, or a request.
    func test_unitHeadings_withTaskAfterColon_andRequests() {
        XCTAssertEqual(units("""
        III. PHÂN CÔNG NHIỆM VỤ
        2. Công an tỉnh
        - Chủ trì tổ chức triển khai.
        5. Sở Văn hóa, Thể thao và Du lịch: Định hướng, hướng dẫn các cơ quan báo chí, phát thanh, truyền hình.
        14. Đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh: Phối hợp chặt chẽ với các cơ quan.
        """), ["lead Công an tỉnh", "lead Sở Văn hóa, Thể thao và Du lịch", "lead Viện Kiểm sát nhân dân tỉnh", "lead Tòa án nhân dân tỉnh"])
    }

    /// A Quyết định's execution formula gives nobody a duty of the plan.
    func test_executionFormula_assignsNothing() {
        XCTAssertEqual(units("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính chủ trì, phối hợp với các đơn vị chịu trách nhiệm thi hành Quyết định này."), [])
    }

    func test_taskTableRows_giveTargetsDeadlinesAndUnits() {
        let read = plan("""
        PHỤ LỤC
        DANH MỤC CÁC NHIỆM VỤ
        STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành
        I. Truyền thông
        1\t100% cán bộ quản lý, giáo viên được tập huấn kỹ năng số\tPhòng VH-XH\tCác cơ sở giáo dục\tQuý II/2026
        2\tTổ chức Ngày hội STEM/STEAM cấp phường\tPhòng VH-XH\tTrạm y tế phường\tTháng 10 hằng năm
        II. Hạ tầng
        3\tĐầu tư hệ thống thư viện số thông minh\tUBND phường\tPhòng VH-XH\tNăm 2025 - 2030
        """)
        XCTAssertEqual(read.targets.map { "\($0.line) \($0.value) \($0.unit)" }, ["5 100.0 %"])
        XCTAssertEqual(read.targets.first?.section.last, "I", "a row's target stands under its group")
        XCTAssertEqual(read.deadlines.map { "\($0.line) \($0.kind.rawValue) \($0.date ?? "-")" },
                       ["5 during 2026-04/2026-06", "6 recurring --10", "8 during 2025/2030"])
        XCTAssertEqual(read.responsibilities.map { "\($0.role.rawValue) \($0.unit)" },
                       ["lead Phòng Văn hóa - Xã hội", "support Các cơ sở giáo dục", "support Trạm y tế phường", "lead Ủy ban nhân dân phường"])
    }

    /// gh-congbot-252: "a) Cơ quan chủ trì" / "b) Cơ quan phối hợp" over lists of units.
    func test_roleHeadings_overListsOfUnits() {
        XCTAssertEqual(units("""
        I. NHIỆM VỤ
        2. Cơ quan chủ trì, phối hợp
        a) Cơ quan chủ trì
        - Bộ Thông tin và Truyền thông; Ban Tuyên giáo Trung ương; Bộ Ngoại giao.
        b) Cơ quan phối hợp
        - Mặt trận Tổ quốc Việt Nam, Hội Cựu chiến binh, Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp.
        """), ["lead Bộ Thông tin và Truyền thông", "lead Ban Tuyên giáo Trung ương", "lead Bộ Ngoại giao",
               "support Mặt trận Tổ quốc Việt Nam", "support Hội Cựu chiến binh", "support Đoàn Thanh niên Cộng sản Hồ Chí Minh"])
    }

    /// real_08 and gh-day7-199: a post before its unit, a remark in parentheses, two units joined by
    /// "và" where the first name has "và" of its own.
    func test_unitNames_postsRemarksAndJoinedUnits() {
        XCTAssertEqual(units("""
        V. TỔ CHỨC THỰC HIỆN
        1. Sở Nội vụ (cơ quan thường trực Ban Vì sự tiến bộ phụ nữ, bình đẳng giới Thành phố)
        - Tham mưu triển khai.
        2. Thủ trưởng các sở, ban, ngành, đoàn thể Thành phố
        - Triển khai thực hiện.
        - Cơ quan thực hiện: Sở Giáo dục và Đào tạo và Sở Y tế chủ trì, phối hợp với Ủy ban nhân dân phường, xã, đặc khu.
        """), ["lead Sở Nội vụ", "lead Các sở, ban, ngành, đoàn thể", "lead Sở Giáo dục và Đào tạo", "lead Sở Y tế",
               "support Ủy ban nhân dân phường, xã, đặc khu"])
    }
}

/// md-chinhphu-2623, md-hcm-2820, gh-congbot-252: unit headings that run into their task, cells
/// that list units one a line, names that hold verb-like words.
final class UnitNameBoundaryTests: XCTestCase {
    private func units(_ body: String) -> [String] {
        PlanReader().read(text: body).responsibilities.map { "\($0.role.rawValue) \($0.unit)" }
    }

    func test_headingThatRunsIntoItsTask_namesTheUnitBeforeTheVerb() {
        XCTAssertEqual(units("""
        III. TỔ CHỨC THỰC HIỆN
        1. Bộ Công an tiến hành rà soát các văn bản quy phạm pháp luật có liên quan đến Luật thuộc thẩm quyền quản lý nhà nước được giao
        2. Sở Xây dựng
        3. Tổ chức nghiên cứu, đề xuất sửa đổi quy định
        4. Văn phòng Ban Chỉ đạo quốc gia
        """), ["lead Bộ Công an", "lead Sở Xây dựng", "lead Văn phòng Ban Chỉ đạo quốc gia"])
    }

    func test_aCellListingUnitsOneALine_givesEachUnit() {
        XCTAssertEqual(units("""
        PHỤ LỤC
        |
        TT
        |
        Nhiệm vụ
        |
        Cơ quan chủ trì
        |
        Cơ quan phối hợp
        |
        |
        1
        |
        Xây dựng hạ tầng công nghệ thông tin
        |
        Sở Tài chính
        |
        Sở Tài chính
        Các sở, ngành
        |
        |
        2
        |
        Đào tạo, bồi dưỡng
        |
        Sở Nội vụ
        |
        Trung tâm Chuyển đổi số Thành phố
        |
        """), ["lead Sở Tài chính", "support Các sở, ngành", "lead Sở Nội vụ", "support Trung tâm Chuyển đổi số Thành phố"])
    }
}

/// Units of gh-hcm-172, gh-quangngai-1627 (dev3) and md-hcm-2820, md-chinhphu-2623 (dev2).
final class UnitFieldTests: XCTestCase {
    private func units(_ body: String) -> [String] {
        PlanReader().read(text: "KẾ HOẠCH\nTriển khai Luật Việc làm\n\n\(body)\n").responsibilities.map { "\($0.role.rawValue) \($0.unit)" }
    }

    func test_aFieldsUnits_endWhereTheirTaskBegins_andTheTasksWordsAreNoUnits() {
        XCTAssertEqual(units("""
        II. NHIỆM VỤ
        1. Phổ biến Luật Việc làm
        - Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu Ủy ban nhân dân Thành phố ban hành Kế hoạch; Sở Tư pháp, Ủy ban nhân dân xã, phường, đặc khu chủ động tổ chức triển khai thuộc phạm vi, chức năng, nhiệm vụ của cơ quan, đơn vị.
        2. Kiểm tra
        - Cơ quan thực hiện: Sở Nội vụ, các sở, ban, ngành Thành phố trong phạm vi chức năng, nhiệm vụ của mình.
        """), ["lead Sở Nội vụ", "lead Sở Tư pháp", "lead Ủy ban nhân dân xã, phường, đặc khu", "lead Các sở, ban, ngành"])
    }

    func test_aRoleInParentheses_staysOutOfTheName() {
        XCTAssertEqual(units("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính (cơ quan chủ trì)\n- Chủ trì xây dựng kế hoạch."), ["lead Sở Tài chính"])
    }

    func test_aLocalGovernmentHeading_ofATaskList_namesItsUnit() {
        XCTAssertEqual(units("IV. NHIỆM VỤ CỤ THỂ\n1.4. Ủy ban nhân dân các phường, xã, đặc khu\n- Tuyên truyền, phổ biến."),
                       ["lead Ủy ban nhân dân các phường, xã, đặc khu"])
    }

    func test_whoeverIsGivenTheTask_isNoUnit_andAMinisterIsTheirMinistry() {
        XCTAssertEqual(units("""
        IV. TỔ CHỨC THỰC HIỆN
        1. Các cơ quan, đơn vị được phân công nhiệm vụ có trách nhiệm thực hiện nghiêm túc.
        2. Bộ trưởng Bộ Công an có trách nhiệm chỉ đạo triển khai.
        """), ["lead Bộ Công an"])
    }

    /// gh-nghean-980 (fresh): a web copy wraps cells at a width, mid-name.
    func test_aNameWrappedInItsCell_isOneUnit() {
        XCTAssertEqual(units("""
        PHỤ LỤC
        NHIỆM VỤ
        |
        TT
        |
        Nội dung
        |
        Cơ quan chủ trì
        |
        Cơ quan phối hợp
        |
        |
        1
        |
        Xây dựng quy chế trực ban
        |
        Sở Nông nghiệp và
        Môi trường
        |
        Văn phòng Ban Chỉ
        huy
        |
        |
        2
        |
        Ban hành kế hoạch
        |
        Bộ CHQS tỉnh
        |
        Công an tỉnh
        |
        """), ["lead Sở Nông nghiệp và Môi trường", "support Văn phòng Ban Chỉ huy", "lead Bộ Chỉ huy Quân sự tỉnh", "support Công an tỉnh"])
    }

    /// gh-dongnai-182 (fresh): under a role heading, a sentence whose units advise on a task.
    func test_unitsUnderARoleHeading_endWhereTheyAdvise() {
        XCTAssertEqual(units("IV. TỔ CHỨC THỰC HIỆN\nb) Chủ trì, phối hợp\n- Sở Tài chính và các đơn vị có liên quan tham mưu Ủy ban nhân dân tỉnh cân đối ngân sách."),
                       ["lead Sở Tài chính"])
    }
}

/// Where a unit's name ends in real plans of the evaluation set: a task verb in lower case after
/// it, a group named by its kinds, qualifiers that say which of them, a unit heading wrapped in
/// its bold, labelled lines under "Cơ quan thực hiện".
final class UnitNameEndTests: XCTestCase {
    private func units(_ body: String) -> [String] {
        PlanReader().read(text: "KẾ HOẠCH\nKiểm tra, giám sát công tác bầu cử\n\n\(body)\n").responsibilities.map { "\($0.role.rawValue) \($0.unit)" }
    }

    /// gh-baccamranh (fresh2) lines 281-285: sentence headings whose task starts with a verb in
    /// lower case; "tổ chức" there is the verb "organise", no unit.
    func test_lowercaseVerbAfterAName_endsIt() {
        XCTAssertEqual(units("""
        V. TỔ CHỨC THỰC HIỆN
        1. Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường xây dựng Kế hoạch kiểm tra, giám sát; tổ chức chủ trì, phối hợp với các tổ chức chính trị - xã hội kiểm tra, giám sát công tác bầu cử theo quy định.
        2. Ban công tác Mặt trận các tổ dân phố căn cứ kế hoạch này, khi có thông báo chủ động phối hợp thực hiện.
        3. Sở Tư pháp theo dõi, đôn đốc việc thực hiện.
        """), ["lead Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường", "lead Ban công tác Mặt trận các tổ dân phố", "lead Sở Tư pháp"])
    }

    /// gh-phobang-01 (fresh2) lines 111-117: the verb right after a body's head word is part of
    /// its name ("Ban xây dựng Đảng"); a post before the unit and a committee role after a dash
    /// are not.
    func test_verbRightAfterTheHead_staysInTheName_andPostsAndCommitteeRolesDrop() {
        XCTAssertEqual(units("""
        IV. TỔ CHỨC THỰC HIỆN
        1. Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban: Phụ trách chung.
        2. Đồng chí Phó Trưởng phòng Văn hóa - Xã hội - Phó Trưởng tiểu ban Thường trực: Trực tiếp chỉ đạo.
        """), ["lead Ban xây dựng Đảng", "lead Phòng Văn hóa - Xã hội"])
    }

    /// gh-dongthap-552 (heldout) line 690, gh-cantho-165 (dev3): bodies named by their kinds.
    func test_aListOfKindsOfBody_isOneGroup() {
        XCTAssertEqual(units("""
        PHỤ LỤC
        STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp
        1\tKết nối viện, trường với doanh nghiệp\tSở Khoa học và Công nghệ\tViện, Trường; Sở, ban, ngành
        """), ["lead Sở Khoa học và Công nghệ", "support Viện, Trường", "support Sở, ban, ngành"])
    }

    /// gh-nghean-1026 (fresh2), gh-hcm-2853 (fresh2), gh-day7-199 (dev): "cấp tỉnh", ", đơn vị",
    /// "địa bàn tỉnh …" say which of them or where, not who.
    func test_qualifiersOfAGroup_andItsArea_drop() {
        XCTAssertEqual(units("""
        IV. TỔ CHỨC THỰC HIỆN
        1. Các sở, ban, ngành, đoàn thể cấp tỉnh
        - Triển khai thực hiện.
        2. Các sở, ngành, đơn vị
        - Phối hợp thực hiện.
        3. Chi cục Hải quan khu vực IV địa bàn tỉnh Hưng Yên
        - Kiểm soát hàng hóa.
        """), ["lead Các sở, ban, ngành, đoàn thể", "lead Các sở, ngành", "lead Chi cục Hải quan khu vực IV"])
    }

    /// gh-hanoi-308 (heldout) lines 75-81: "b) Cơ quan thực hiện:" over labelled lines.
    func test_labelledLinesUnderAnExecutingBodyHeading_giveTheirRoles() {
        XCTAssertEqual(units("""
        II. NHIỆM VỤ
        1. Về dữ liệu
        a) Nhiệm vụ: Rà soát Chiến lược dữ liệu.
        b) Cơ quan thực hiện:
        - Đơn vị chủ trì: Sở Khoa học và Công nghệ.
        - Đơn vị phối hợp: Các Sở, ban, ngành.
        """), ["lead Sở Khoa học và Công nghệ", "support Các Sở, ban, ngành"])
    }

    /// gh-dongthap-617 (dev3) lines 244-245: a heading wrapped inside its Markdown bold, units after
    /// "Đề nghị:".
    func test_headingWrappedInItsBold_andUnitsAfterDeNghi() {
        XCTAssertEqual(units("""
        IV. TỔ CHỨC THỰC HIỆN

        **6. Đề nghị: Hiệp hội
        Doanh nghiệp tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã Tỉnh**

        a) Tuyên truyền, vận động hội viên.
        """), ["lead Hiệp hội Doanh nghiệp tỉnh", "lead Hội Nông dân tỉnh", "lead Liên minh Hợp tác xã Tỉnh"])
    }

    /// gh-quangngai-1627 (dev3) lines 259-281: a task list's "Unit: task" bullets; "X phối hợp Y:"
    /// gives Y support. A common noun before a colon is no unit.
    func test_unitColonBulletsInATaskList() {
        XCTAssertEqual(units("""
        IV. NHIỆM VỤ CỤ THỂ
        1. Hướng dẫn kiểm kê
        + Sở Xây dựng: hướng dẫn các cơ quan thực hiện kiểm kê.
        + Sở Tài chính phối hợp Ban Quản lý Khu kinh tế Dung Quất: hướng dẫn kiểm kê tài sản khu kinh tế.
        + Phòng học: kiểm kê 20 phòng.
        """), ["lead Sở Xây dựng", "lead Sở Tài chính", "support Ban Quản lý Khu kinh tế Dung Quất"])
    }

    /// gh-bacninh-141 (fresh) lines 283-287: words between the role and its colon.
    func test_roleLabelWithWordsBeforeItsColon() {
        XCTAssertEqual(units("""
        II. NHIỆM VỤ
        1. Ứng dụng trí tuệ nhân tạo
        - Tăng cường ứng dụng công nghệ số trong xây dựng pháp luật.
        Đơn vị chủ trì tham mưu thực hiện: Sở Khoa học và Công nghệ.
        Đơn vị phối hợp thực hiện: Sở Tư pháp.
        """), ["lead Sở Khoa học và Công nghệ", "support Sở Tư pháp"])
    }

    /// real_08 (dev) lines 78-80: "- Cơ quan thực hiện:" with its units on the bullets below.
    func test_executingBodiesListedOnTheBulletsBelowTheirLabel() {
        XCTAssertEqual(units("""
        II. NHIỆM VỤ
        c) Hoạt động 3
        - Nội dung: Tuyên truyền về phòng ngừa bạo lực trên cơ sở giới.
        - Cơ quan thực hiện:
        + Sở Văn hóa và Thể thao chủ trì, phối hợp với Ủy ban nhân dân phường, xã tổ chức tuyên truyền.
        + Sở Xây dựng đăng tải thông điệp truyền thông trên bảng quang báo.
        - Thời gian: Tháng 11/2025.
        """), ["lead Sở Văn hóa và Thể thao", "support Ủy ban nhân dân phường, xã", "lead Sở Xây dựng"])
    }

    /// gh-ttg-2597 (fresh3): "các" said once for a list of kinds of body; a part that opens with a
    /// verb is its task ("Sở Khoa học và Công nghệ, theo dõi …"), "báo cáo" no "Báo".
    func test_pluralSaidOnceForAList_andVerbPartsAreTasks() {
        XCTAssertEqual(units("""
        IV. TỔ CHỨC THỰC HIỆN
        1. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ
        - Triển khai các nhiệm vụ được giao.
        2. Giao Sở Tài chính chủ trì, phối hợp với Sở Khoa học và Công nghệ, theo dõi, báo cáo chỉ tiêu hằng năm.
        """), ["lead Các bộ", "lead Các cơ quan ngang bộ", "lead Các cơ quan thuộc Chính phủ", "lead Sở Tài chính", "support Sở Khoa học và Công nghệ"])
    }

    /// md-hcm-2820 (dev2) lines 357-370: a heading names two units; its body says which leads.
    func test_headingNamingSeveralUnits_takesTheirRolesFromItsBody() {
        XCTAssertEqual(units("""
        IV. TỔ CHỨC THỰC HIỆN
        2. Công An Thành phố, Bộ Tư lệnh Thành phố
        Công an Thành phố chủ trì, phối hợp với Bộ Tư lệnh Thành phố và các đơn vị có liên quan định kỳ kiểm tra, đánh giá an toàn thông tin.
        """), ["lead Công An Thành phố", "support Bộ Tư lệnh Thành phố"])
    }

    /// gh-bacninh-144 (fresh3) line 1402, gh-daklak-0129 (fresh3) line 410, gh-cantho-165 (dev3):
    /// a verb wrapped inside its cell still ends the name; "và" inside a remark parts nothing; a
    /// group named by its kinds drops its place.
    func test_wrappedVerbInACell_andRemarksInParentheses_andAGroupsPlace() {
        XCTAssertEqual(units("""
        PHỤ LỤC
        |
        TT
        |
        Chỉ tiêu
        |
        Chủ trì
        |
        |
        2
        |
        Đến năm 2030, tỉnh có ít nhất 20 tập dữ liệu mở được công bố.
        |
        Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành, UBND cấp xã thực
        hiện công bố dữ liệu mở hằng năm theo lĩnh vực quản lý.
        |
        |
        """).last, "lead Ủy ban nhân dân cấp xã")
        XCTAssertEqual(units("""
        IV. TỔ CHỨC THỰC HIỆN
        1. Đề nghị các doanh nghiệp viễn thông (VNPT, Viettel, MobiFone và doanh nghiệp khác)
        - Bảo đảm thông tin liên lạc.
        2. Sở, ban, ngành thành phố
        - Triển khai thực hiện.
        """), ["lead Các doanh nghiệp viễn thông", "lead Sở, ban, ngành"])
    }

    /// gh-laichau-7360 (fresh2) line 255, gh-dongthap-556 (fresh), gh-congbot-252 (dev): units
    /// after an opening phrase of grounds; "theo quy định" and "có liên quan tới …" end a name; a
    /// conjunction left at a name's end goes.
    func test_unitsAfterAnOpener_andWhatEndsAGroupsName() {
        XCTAssertEqual(units("""
        IV. TỔ CHỨC THỰC HIỆN
        1. Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ngành và Ủy ban nhân dân các xã, phường chủ động xây dựng kế hoạch.
        2. Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện kế hoạch này
        - Phối hợp triển khai.
        """), ["lead Các sở, ngành", "lead Ủy ban nhân dân các xã, phường", "lead Các sở, ban, ngành"])
    }

    /// real_10 (dev) line 20: "Đồng chí" before a post in a labelled line is no part of it.
    func test_comradeBeforeAPost_isDropped() {
        XCTAssertEqual(units("""
        II. NỘI DUNG
        1. Giám sát việc lập danh sách cử tri
        - Đơn vị chủ trì: Đồng chí Phó chủ tịch Thường trực
        """), ["lead Phó chủ tịch Thường trực"])
    }
}
