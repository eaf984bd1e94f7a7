// "Cite this page": the citation and each export (BibTeX, RIS, CSL-JSON) are plain text in
// the page; this adds a button that copies each, and one that saves each export as a
// file, made in the browser, so it works from a disk with no server. Without JavaScript
// the text can still be selected and copied.
(function () {
  "use strict";
  var cite = document.querySelector("details.cite");
  if (!cite) return;

  function copyButton(source) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-copy";
    button.textContent = cite.getAttribute("data-copy");
    button.addEventListener("click", function () {
      var text = source.textContent;
      var done = function () {
        button.textContent = cite.getAttribute("data-copied");
        setTimeout(function () { button.textContent = cite.getAttribute("data-copy"); }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () {});
      } else {
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        if (document.execCommand("copy")) done();
        selection.removeAllRanges();
      }
    });
    return button;
  }

  // The page's citation, each event's on a page of several, and each passage's.
  document.querySelectorAll("p.citation, span.citation").forEach(function (citation) {
    citation.parentNode.insertBefore(copyButton(citation), citation.nextSibling);
  });
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
    name.appendChild(copyButton(pre));
  });
})();
