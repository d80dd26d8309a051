/* vitrine serve: live reload, injected into pages by the development server
 * only (never by `vitrine build`). Reloads the page when it changed,
 * swaps stylesheets when only they changed, and shows the build's problems
 * (file:line:column, message, hint) over the page until they are fixed. */
(function () {
  "use strict";
  if (!window.EventSource) return;
  var overlay = null;

  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function show(problems) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "vitrine-problems";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#2b0b0e;color:#fff;font:14px/1.45 ui-monospace,monospace;padding:1rem 1.25rem;" +
      "border-top:4px solid #ff5c6c;box-shadow:0 -4px 16px rgb(0 0 0 / .4)";
    var h = document.createElement("p");
    h.style.cssText = "margin:0 0 .5rem;font-weight:700";
    h.textContent = problems.length === 1 ? "vitrine: 1 problem, the last good build is shown"
      : "vitrine: " + problems.length + " problems, the last good build is shown";
    overlay.appendChild(h);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding-left:1.2rem";
    problems.forEach(function (p) {
      var li = document.createElement("li");
      var where = p.path + (p.line ? ":" + p.line + ":" + p.column : "");
      li.textContent = (p.severity || "error") + ": " + where + ": " + p.message + (p.hint ? " (hint: " + p.hint + ")" : "");
      list.appendChild(li);
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }

  var source = new EventSource("/__vitrine/events");
  source.addEventListener("open", function () {
    document.documentElement.setAttribute("data-vitrine-live", "open");
  });
  // `{"pages": [...]}`: reload only if this page is one of them (a page
  // is named by its folder, `/moocs/x/`); `{}`: every page reloads.
  source.addEventListener("reload", function (e) {
    var pages = null;
    try { pages = JSON.parse(e.data).pages || null; } catch (err) { pages = null; }
    var here = location.pathname.replace(/index\.html$/, "");
    if (!pages || pages.indexOf(here) >= 0) location.reload();
  });
  source.addEventListener("css", function () {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href);
      url.searchParams.set("vitrine-reload", String(Date.now()));
      links[i].href = url.toString();
    }
  });
  source.addEventListener("problems", function (e) { show(JSON.parse(e.data)); });
  source.addEventListener("ok", hide);
})();
