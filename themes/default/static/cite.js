// "Cite this page": each citation export (BibTeX, RIS, CSL-JSON) is plain text in the
// page; this adds a button that saves it as a file, made in the browser, so it works from
// a disk with no server. Without JavaScript the text can still be copied.
(function () {
  "use strict";
  document.querySelectorAll("pre.cite-export").forEach(function (pre) {
    var name = pre.parentNode.querySelector(".cite-format-name");
    if (!name) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-download";
    button.textContent = pre.getAttribute("data-download");
    button.addEventListener("click", function () {
      var blob = new Blob([pre.textContent], { type: pre.getAttribute("data-type") + ";charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = pre.getAttribute("data-filename");
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
    });
    name.appendChild(button);
  });
})();
