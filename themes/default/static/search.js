// Offline search. The index is a script, loaded on first use, so search works from
// file:// where fetching JSON is refused. Without JavaScript the form stays hidden and
// every page reads as it is.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input");
  var results = form.querySelector(".search-results");
  var root = form.getAttribute("data-root") || "";
  var records = null;
  form.hidden = false;

  // Diacritics and case fold away: "sevare" finds Sévaré.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function load(then) {
    if (records) return then();
    if (window.annalistSearchIndex) {
      records = window.annalistSearchIndex.map(function (r) {
        return { title: r.title, kind: r.kind, url: r.url, words: fold(r.title + " " + r.text), heading: fold(r.title) };
      });
      return then();
    }
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () { load(then); };
    document.head.appendChild(script);
  }

  function search(query) {
    var terms = fold(query).split(/[^a-z0-9]+/).filter(Boolean);
    if (!terms.length) return [];
    var found = [];
    records.forEach(function (record) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var at = record.words.indexOf(terms[i]);
        if (at < 0) return;
        score += record.heading.indexOf(terms[i]) >= 0 ? 10 : 1;
        // A word start counts more than a match inside a word.
        if (at === 0 || /[^a-z0-9]/.test(record.words.charAt(at - 1))) score += 2;
      }
      found.push({ record: record, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score || a.record.title.localeCompare(b.record.title); });
    return found.slice(0, 20).map(function (f) { return f.record; });
  }

  function show() {
    var list = search(input.value);
    results.textContent = "";
    list.forEach(function (record) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + record.url;
      link.textContent = record.title;
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = record.kind;
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(kind);
      results.appendChild(item);
    });
    results.hidden = !input.value.trim();
    if (input.value.trim() && !list.length) {
      var none = document.createElement("li");
      none.textContent = form.getAttribute("data-nothing-found") || "";
      results.appendChild(none);
    }
  }

  input.addEventListener("focus", function () { load(function () {}); });
  input.addEventListener("input", function () { load(show); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load(function () {
      show();
      var first = results.querySelector("a");
      if (first) window.location.href = first.href;
    });
  });
})();
