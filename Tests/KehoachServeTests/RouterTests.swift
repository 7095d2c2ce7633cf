import Foundation
import KehoachCorpus
import KehoachTestSupport
@testable import KehoachServe
import XCTest

/// Pages as pure functions of a request and the corpus: no socket.
final class RouterTests: ServeTestCase {
    func test_plansPage_listsEveryPlan_andFiltersByLevelYearIssuer() {
        importShipped()
        let all = get("/")
        XCTAssertEqual(all.status, 200)
        XCTAssertEqual(all.header("content-type"), "text/html; charset=utf-8")
        for p in plans() { XCTAssertTrue(all.text.contains("/plan/\(p.id.rawValue)"), "\(p.id)") }
        for label in ["Kế hoạch", "Tìm kiếm", "So sánh / Đối chiếu", "Nhập kế hoạch"] { XCTAssertTrue(all.text.contains(label)) }
        let district = get("/?level=district")
        XCTAssertTrue(district.text.contains("364/KH-PGDĐT"))
        XCTAssertFalse(district.text.contains("153/KH-THXT"))
        XCTAssertTrue(district.text.contains("2 / 4 kế hoạch"))
        let issuer = get("/?issuer=an+lao")
        XCTAssertTrue(issuer.text.contains("364/KH-PGDĐT"))
        XCTAssertFalse(issuer.text.contains("524/KH-PGDDT"))
        let year = get("/?year=2026")
        XCTAssertTrue(year.text.contains("153/KH-THXT"))
        XCTAssertFalse(year.text.contains("364/KH-PGDĐT"))
    }

    func test_plansPage_sortsByAColumn_bothWays() {
        importShipped()
        let up = get("/?sort=date").text, down = get("/?sort=date&dir=desc").text
        let a = up.range(of: "364/KH-PGDĐT")!.lowerBound, b = up.range(of: "153/KH-THXT")!.lowerBound
        XCTAssertLessThan(a, b, "2024 before 2026")
        let c = down.range(of: "364/KH-PGDĐT")!.lowerBound, d = down.range(of: "153/KH-THXT")!.lowerBound
        XCTAssertGreaterThan(c, d)
    }

    func test_emptyCorpus_saysHowToImport() {
        let page = get("/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("Kho chưa có kế hoạch nào"))
    }

    func test_planPage_showsOutlineTargetsDeadlinesUnits_linkedToItsHighlightedText() {
        importShipped()
        let plan = plans().first { $0.number == "364/KH-PGDĐT" }!
        let page = get("/plan/\(plan.id.short)?line=62")
        XCTAssertEqual(page.status, 200)
        let text = page.text
        for heading in ["Mục lục", "Chỉ tiêu (", "Thời hạn (", "Đơn vị thực hiện (", "Văn bản ("] { XCTAssertTrue(text.contains(heading), heading) }
        XCTAssertTrue(text.contains("href=\"/plan/\(plan.id.rawValue)?line=62#L62\""), "a target links to its line")
        XCTAssertTrue(text.contains("<li id=\"L62\" class=\"hl\">"), "the line is highlighted")
        XCTAssertEqual(text.components(separatedBy: "class=\"hl\"").count, 2, "one highlighted line")
        XCTAssertTrue(text.contains("Tiếp tục triển khai, rà soát cung cấp chữ ký số"))
    }

    func test_unknownOrMalformedPlanId_is404() {
        importShipped()
        XCTAssertEqual(get("/plan/ffffffffffffffff").status, 404)
        XCTAssertEqual(get("/plan/zz").status, 404)
        XCTAssertEqual(get("/plan/").status, 404)
        XCTAssertEqual(get("/plan/" + String(repeating: "a", count: 40)).status, 404)
        XCTAssertEqual(get("/nowhere").status, 404)
    }

    func test_search_isFolded_withFilters_andLinksToTheLine() {
        importShipped()
        let page = get("/search?q=chu+ky+so")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("<mark>chữ ký số</mark>"))
        XCTAssertTrue(page.text.contains("8 kết quả"))
        XCTAssertTrue(page.text.contains("?line=62#L62"))
        let api = get("/api/search?q=chu+ky+so&level=school")
        XCTAssertEqual(api.status, 200)
        XCTAssertEqual(api.header("content-type"), "application/json; charset=utf-8")
        let json = try! JSONSerialization.jsonObject(with: Data(api.body)) as! [String: Any]
        let results = json["results"] as! [[String: Any]]
        XCTAssertEqual(json["total"] as? Int, results.count)
        XCTAssertFalse(results.isEmpty)
        XCTAssertTrue(results.allSatisfy { ($0["level"] as? String) == "trường" })
        XCTAssertTrue(results.allSatisfy { ($0["href"] as? String)?.hasPrefix("/plan/") ?? false })
        let pieces = results[0]["pieces"] as! [[String: Any]]
        XCTAssertTrue(pieces.contains { $0["match"] as? Bool == true })
    }

    func test_searchWithABadFilter_is400_withTheCLIsMessage() {
        importShipped()
        let api = get("/api/search?q=x&year=abc")
        XCTAssertEqual(api.status, 400)
        XCTAssertTrue(api.text.contains("--year needs a year, not 'abc'"))
        XCTAssertEqual(get("/search?q=x&indicator=nope").status, 400)
    }

    func test_searchWithoutScript_rendersResultsServerSide_andTheScriptIsServedFromTheBinary() {
        importShipped()
        XCTAssertTrue(get("/search").text.contains("Gõ từ khóa để tìm."))
        let js = get("/assets/app.js")
        XCTAssertEqual(js.status, 200)
        XCTAssertEqual(js.header("content-type"), "text/javascript; charset=utf-8")
        XCTAssertTrue(js.text.contains("textContent"))
        XCTAssertFalse(js.text.contains("innerHTML"))
        XCTAssertFalse(get("/search").text.contains("http://"), "no remote resource")
    }

    func test_compare_parentAndChild_showsMatrixAndAlignmentWithCharts_andDownloads() {
        importShipped()
        let ps = plans()
        let parent = ps.first { $0.number == "364/KH-PGDĐT" }!, child = ps.first { $0.number == nil }!
        let query = "?parent=\(parent.id.short)&plan=\(child.id.short)"
        let page = get("/compare" + query)
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("Ma trận chỉ tiêu"))
        XCTAssertTrue(page.text.contains("Đối chiếu chỉ tiêu cấp trên – cấp dưới"))
        XCTAssertTrue(page.text.contains("<svg"), "coverage chart")
        let csv = get("/compare/matrix.csv" + query)
        XCTAssertEqual(csv.status, 200)
        XCTAssertEqual(csv.header("content-type"), "text/csv; charset=utf-8")
        XCTAssertTrue(csv.header("content-disposition")?.hasPrefix("attachment") ?? false)
        XCTAssertEqual(Array(csv.body.prefix(3)), [0xEF, 0xBB, 0xBF], "BOM for Excel")
        let alignment = get("/compare/alignment.csv" + query)
        XCTAssertEqual(alignment.status, 200)
        XCTAssertGreaterThan(alignment.text.components(separatedBy: "\r\n").count, 3)
        let html = get("/compare/report.html" + query)
        XCTAssertTrue(html.text.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.text.contains("Đối chiếu chỉ tiêu cấp trên – cấp dưới"))
    }

    func test_compare_suggestsTheChain_andRefusesUnknownPlans() {
        importShipped()
        let page = get("/compare")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("Gợi ý từ chuỗi kế hoạch"))
        XCTAssertTrue(page.text.contains("Chọn kế hoạch"))
        XCTAssertEqual(get("/compare?plan=ffffffffffff").status, 404)
        let many = (0..<70).map { "plan=\(String(format: "%016x", $0))" }.joined(separator: "&")
        XCTAssertEqual(get("/compare?" + many).status, 400)
        XCTAssertEqual(get("/compare/matrix.csv").status, 400)
    }

    func test_uploadWithoutToken_is403() {
        let before = plans().count
        XCTAssertEqual(upload([("a.txt", PackageFiles.plan(PackageFiles.planNames[0]))], token: nil).status, 403)
        XCTAssertEqual(upload([("a.txt", PackageFiles.plan(PackageFiles.planNames[0]))], token: "wrong").status, 403)
        XCTAssertEqual(plans().count, before)
    }

    func test_uploadFromAnotherSite_is403_evenWithTheToken() {
        XCTAssertEqual(upload([("a.txt", PackageFiles.plan(PackageFiles.planNames[0]))], origin: "http://evil.example").status, 403)
        XCTAssertEqual(upload([("a.txt", PackageFiles.plan(PackageFiles.planNames[0]))], origin: nil).status, 403)
        XCTAssertEqual(plans().count, 0)
    }

    func test_requestForAnotherHost_is421() {
        importShipped()
        var r = request("GET", "/")
        r.headers = [HTTPRequest.Header("Host", "attacker.example:8080")]
        XCTAssertEqual(router.respond(r).status, 421)
        r.headers = [HTTPRequest.Header("Host", "localhost:8080")]
        XCTAssertEqual(router.respond(r).status, 200)
    }

    func test_importPage_carriesTheToken_andUploadImportsTextWordAndPDF() {
        let form = get("/import")
        XCTAssertTrue(form.text.contains("name=\"token\" value=\"\(Self.token.value)\""))
        XCTAssertTrue(form.text.contains("enctype=\"multipart/form-data\""))
        let names = PackageFiles.planNames
        let r = upload([(names[0] + ".docx", PackageFiles.document(names[0], "docx")), (names[1] + ".pdf", PackageFiles.document(names[1], "pdf")),
                        (names[2] + ".txt", PackageFiles.plan(names[2]))])
        XCTAssertEqual(r.status, 200)
        XCTAssertTrue(r.text.contains("Đã nhập 3 / 3 tệp."))
        XCTAssertEqual(plans().count, 3)
        XCTAssertEqual(try store.original(plans()[0].id)?.format, .docx)
    }

    func test_uploadRefusals_matchKehoachImport() {
        importShipped()
        let name = PackageFiles.planNames[0]
        let again = upload([("again.txt", PackageFiles.plan(name))])
        XCTAssertEqual(again.status, 409)
        XCTAssertTrue(again.text.contains("again.txt: refused: the same text as"))
        XCTAssertTrue(again.text.contains("already in the corpus; use --replace to update it"))
        let binary = upload([("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 300))])
        XCTAssertEqual(binary.status, 422)
        XCTAssertTrue(binary.text.contains("photo.jpg: cannot import:"))
        XCTAssertEqual(upload([]).status, 400)
        XCTAssertEqual(plans().count, 4)
    }

    func test_uploadOverTheLimits_is413_andWritesNothing() {
        let many = (0..<51).map { (name: "f\($0).txt", bytes: Array("x\($0)".utf8)) }
        XCTAssertEqual(upload(many).status, 413)
        var small = UploadLimits()
        small.bytes = 1000
        router = Router(store: store, token: Self.token, hosts: .forServer(host: "127.0.0.1", port: 8080), upload: small)
        XCTAssertEqual(upload([("a.txt", PackageFiles.plan(PackageFiles.planNames[0]))]).status, 413)
        XCTAssertEqual(plans().count, 0)
    }

    func test_uploadedFileName_losesItsFolders() {
        XCTAssertEqual(Router.fileName("../../etc/passwd"), "passwd")
        XCTAssertEqual(Router.fileName("C:\\Users\\a\\kh.docx"), "kh.docx")
        XCTAssertEqual(Router.fileName(".."), "upload")
        XCTAssertEqual(Router.fileName("a\u{0}\nb.txt"), "ab.txt")
    }

    func test_methodsOtherThanGetHeadPost_areRefused() {
        XCTAssertEqual(router.respond(request("DELETE", "/")).status, 405)
        XCTAssertEqual(router.respond(request("BREW", "/")).header("allow"), "GET, HEAD")
        XCTAssertEqual(router.respond(request("POST", "/search")).status, 405)
        XCTAssertEqual(router.respond(request("PUT", "/import")).status, 405)
        XCTAssertEqual(router.respond(request("HEAD", "/")).status, 200)
    }

    func test_plantedScript_isEscapedOnEveryPage() {
        importShipped(planted: true)
        let planted = plans().first { $0.source == "planted.txt" }!
        XCTAssertTrue(planted.title?.contains("<script>") ?? false, "the payload reached the title: \(planted.title ?? "")")
        let others = plans().filter { $0.id != planted.id }.map { $0.id.short }
        let pages = ["/", "/?issuer=thu+dau+mot", "/plan/\(planted.id.short)", "/plan/\(planted.id.short)?line=14",
                     "/search?q=kehoach+alert", "/search?q=alert&all=1", "/search?q=" + URLText.encode(Self.payload),
                     "/compare", "/compare?plan=\(planted.id.short)&plan=\(others[0])",
                     "/compare?parent=\(planted.id.short)&plan=\(others[0])&plan=\(others[1])",
                     "/compare/report.html?plan=\(planted.id.short)"]
        var sawEscaped = 0
        for path in pages {
            let page = get(path)
            XCTAssertEqual(page.status, 200, path)
            XCTAssertFalse(page.text.contains("<script>alert"), "unescaped on \(path)")
            // Search snippets cut the payload with <mark>s around the matched words.
            if page.text.contains("&lt;script&gt;") && page.text.contains("&lt;/script&gt;") { sawEscaped += 1 }
        }
        XCTAssertEqual(sawEscaped, pages.count, "the payload is shown as text on every page")
        // The import results page shows file names.
        let up = upload([("<img src=x onerror=alert(1)>.txt", Array("không phải kế hoạch".utf8))])
        XCTAssertFalse(up.text.contains("<img src=x"))
        XCTAssertTrue(up.text.contains("&lt;img src=x onerror=alert(1)&gt;.txt"))
        // JSON is served as JSON (nosniff), never as a page.
        let api = get("/api/search?q=alert&all=1")
        XCTAssertEqual(api.header("content-type"), "application/json; charset=utf-8")
        XCTAssertTrue(String(decoding: api.serialized(keepAlive: false), as: UTF8.self).contains("X-Content-Type-Options: nosniff"))
    }
}
