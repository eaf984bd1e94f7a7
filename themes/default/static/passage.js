// A source page, arrived at from a note: the passage shows whole (a linked name breaks it
// into several marks, and only the first carries its anchor), and a link leads back to
// where the reader was. Without this script the first fragment is highlighted and the
// browser's Back does the rest.
(function () {
  "use strict";
  var seed = document.querySelector(".seed");
  if (!seed) return;
  var back = null;

  function arrive() {
    seed.querySelectorAll("mark.arrived").forEach(function (mark) { mark.classList.remove("arrived"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || !document.getElementById(id)) return;
    seed.querySelectorAll("mark[data-passages]").forEach(function (mark) {
      if (mark.getAttribute("data-passages").split(" ").indexOf(id) >= 0) mark.classList.add("arrived");
    });
    // From another page of this site: offer the way back. From a disk the browser names
    // no referrer; a page arrived at by a link there still has one to go back to.
    var from = document.referrer;
    var fromSite = from && from.split("#")[0] !== window.location.href.split("#")[0] &&
        (window.location.protocol === "file:" ? from.indexOf("file:") === 0 : from.indexOf(window.location.origin) === 0);
    var fromDisk = !from && window.location.protocol === "file:" && window.history.length > 1;
    if (!back && (fromSite || fromDisk)) {
      back = document.createElement("a");
      back.className = "back-to-reading";
      back.href = from || "#";
      back.textContent = seed.getAttribute("data-back");
      back.addEventListener("click", function (event) {
        if (window.history.length > 1) {
          event.preventDefault();
          window.history.back();
        }
      });
      document.body.appendChild(back);
    }
  }

  arrive();
  window.addEventListener("hashchange", arrive);
})();
