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

  // "Cite this passage", under each cited passage of a source page: the passage quoted,
  // then the page's citation at the passage's address. Made here from what the page
  // holds rather than written out for each of a source's passages, which on a large
  // chronicle is tens of thousands of citations.
  var seed = document.querySelector(".seed[data-cite-passage]");
  var own = cite.querySelector("p.citation");
  var canonical = document.querySelector('link[rel="canonical"]');
  if (seed && own && canonical) {
    var marks = Array.prototype.slice.call(seed.querySelectorAll("mark[data-passages]"));
    var quotationMark = /^\p{Quotation_Mark}$/u;
    seed.querySelectorAll("details.cited-by li").forEach(function (li) {
      var link = li.querySelector('a[href^="#q-"]');
      if (!link) return;
      var id = link.getAttribute("href").slice(1);
      var text = marks.filter(function (m) {
        return m.getAttribute("data-passages").split(" ").indexOf(id) >= 0;
      }).map(function (m) { return m.textContent; }).join("").trim();
      if (!text) return;
      var chars = Array.from(text);
      // A passage in its own quotation marks takes no more.
      var quoted = chars.length > 1 && quotationMark.test(chars[0]) && quotationMark.test(chars[chars.length - 1])
        ? text : seed.getAttribute("data-quote-open") + text + seed.getAttribute("data-quote-close");
      var line = document.createElement("p");
      line.className = "passage-citation";
      var label = document.createElement("span");
      label.className = "label";
      label.textContent = seed.getAttribute("data-cite-passage");
      var citation = document.createElement("span");
      citation.className = "citation";
      var parts = { passage: quoted, source: own.textContent.replace(canonical.href, canonical.href + "#" + id) };
      citation.textContent = seed.getAttribute("data-cite-passage-text").replace(/\{(passage|source)\}/g, function (all, name) {
        return parts[name];
      });
      line.appendChild(label);
      line.appendChild(document.createTextNode(" "));
      line.appendChild(citation);
      li.appendChild(line);
    });
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
