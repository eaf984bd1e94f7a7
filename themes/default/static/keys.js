// The arrow keys turn the page where the page has a previous and a next (a day's page):
// left for the previous day, right for the next, unless the reader is typing or the key
// moves something else (a form field, a scrolling figure). A link or a fold the reader
// clicked keeps the focus, and the keys still turn the page from there.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
    var rel = { ArrowLeft: "prev", ArrowRight: "next" }[event.key];
    if (!rel) return;
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable], .figure-scroll, .table-wrap")) return;
    var link = document.querySelector('link[rel="' + rel + '"]');
    if (link) window.location.href = link.href;
  });
})();
