/* Tells the editors' search report which result a visitor opened, with navigator.sendBeacon, which
   the browser delivers even as it leaves the page. The link itself is untouched: it opens the result's
   real address whether or not this runs. Sent as plain text (JSON inside), which needs no preflight. */
(function () {
  "use strict";

  var list = document.querySelector("[data-click-url]");
  if (!list || !navigator.sendBeacon) { return; }

  var endpoint = list.getAttribute("data-click-url");
  var query = list.getAttribute("data-query") || "";

  function opened(event) {
    if (event.type === "auxclick" && event.button !== 1) { return; }
    var link = event.target.closest ? event.target.closest("a[data-result-key]") : null;
    if (!link || !query) { return; }
    navigator.sendBeacon(endpoint, JSON.stringify({ q: query, key: link.getAttribute("data-result-key") }));
  }

  list.addEventListener("click", opened);
  list.addEventListener("auxclick", opened);
})();
