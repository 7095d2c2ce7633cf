/// The server's own files, compiled in: the one script (search as you type). It builds results
/// with `textContent` only, never markup from a plan.
enum Assets {
    static func file(_ path: String) -> HTTPResponse? {
        switch path {
        case "/assets/app.js":
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/javascript; charset=utf-8"), ("Cache-Control", "no-cache")],
                                body: Array(appJS.utf8))
        default:
            return nil
        }
    }

    static let appJS = #"""
    "use strict";
    (function () {
      // A plan page: show the chosen line inside the text panel, without moving the page.
      var panel = document.querySelector(".plantext");
      if (!panel) return;
      function show(n, smooth) {
        var line = document.getElementById("L" + n);
        if (!line) return;
        Array.prototype.forEach.call(panel.querySelectorAll("li.hl"), function (li) { li.classList.remove("hl"); });
        line.classList.add("hl");
        var top = line.offsetTop - panel.clientHeight / 3;
        if (panel.scrollTo) panel.scrollTo({ top: top, behavior: smooth ? "smooth" : "auto" }); else panel.scrollTop = top;
      }
      var wanted = /^#L(\d+)$/.exec(location.hash) || /[?&]line=(\d+)/.exec(location.search);
      if (wanted) {
        // After the browser's own jump to the anchor, which scrolls the whole page.
        var settle = function () { window.scrollTo(0, 0); show(wanted[1], false); };
        settle();
        window.addEventListener("load", function () { setTimeout(settle, 0); });
      }
      document.addEventListener("click", function (e) {
        var a = e.target.closest ? e.target.closest("a") : null;
        if (!a || !a.getAttribute("href")) return;
        var m = /^\/plan\/[0-9a-f]+\?line=(\d+)#L\d+$/.exec(a.getAttribute("href")) || /^#L(\d+)$/.exec(a.getAttribute("href"));
        if (!m || (a.pathname !== location.pathname && a.getAttribute("href").charAt(0) !== "#")) return;
        e.preventDefault();
        history.replaceState(null, "", location.pathname + "?line=" + m[1] + "#L" + m[1]);
        show(m[1], true);
      });
    })();
    (function () {
      var form = document.getElementById("search-form");
      if (!form || !window.fetch) return;
      var list = document.getElementById("results");
      var status = document.getElementById("status");
      var timer = null, sequence = 0;

      function params() {
        var p = new URLSearchParams();
        Array.prototype.forEach.call(form.elements, function (el) {
          if (!el.name) return;
          if (el.type === "checkbox") { if (el.checked) p.append(el.name, el.value); return; }
          if (el.value !== "") p.append(el.name, el.value);
        });
        return p;
      }

      function text(tag, value, className) {
        var el = document.createElement(tag);
        el.textContent = value;
        if (className) el.className = className;
        return el;
      }

      function render(answer) {
        while (list.firstChild) list.removeChild(list.firstChild);
        if (answer.error) { status.textContent = answer.error; return; }
        status.textContent = answer.total === 0 ? "Không tìm thấy trong " + answer.plans + " kế hoạch."
          : answer.total + " kết quả" + (answer.total > answer.shown ? ", hiện " + answer.shown + " đầu tiên" : "");
        answer.results.forEach(function (hit) {
          var li = document.createElement("li");
          li.appendChild(text("span", hit.value, "value"));
          li.appendChild(document.createTextNode(" "));
          var a = text("a", hit.number + " · " + hit.issuer);
          a.href = hit.href;
          li.appendChild(a);
          var where = [hit.level, hit.section ? "mục " + hit.section : "", "dòng " + hit.line].filter(Boolean).join(" · ");
          li.appendChild(document.createTextNode(" "));
          li.appendChild(text("span", where, "where"));
          li.appendChild(document.createElement("br"));
          var quote = document.createElement("span");
          quote.className = "quote";
          hit.pieces.forEach(function (piece) {
            quote.appendChild(piece.match ? text("mark", piece.text) : document.createTextNode(piece.text));
          });
          li.appendChild(quote);
          list.appendChild(li);
        });
      }

      function run() {
        var p = params();
        var mine = ++sequence;
        history.replaceState(null, "", "/search" + (p.toString() ? "?" + p.toString() : ""));
        if (!p.toString()) { while (list.firstChild) list.removeChild(list.firstChild); status.textContent = "Gõ từ khóa để tìm."; return; }
        status.textContent = "Đang tìm…";
        fetch("/api/search?" + p.toString(), { credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (answer) { if (mine === sequence) render(answer); })
          .catch(function () { if (mine === sequence) status.textContent = "Không kết nối được máy chủ kehoach."; });
      }

      form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 180); });
      form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(run, 50); });
      form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(); });
    })();
    """#
}
