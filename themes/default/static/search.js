// Offline search over the index in search/: search/meta.js lists the first word of each
// chunk of words; a query loads only the chunks that can hold its words, then the files
// of its best results, each with the excerpts its snippet comes from. Every part is a
// script, so search works from file:// where fetching JSON is refused. Without
// JavaScript the form stays hidden and every page reads as it is.
//
// A result's link carries the query (?q=), and on the page it leads to the same words
// are marked and the first of them scrolled into view.
(function () {
  "use strict";

  // Words as src/render/search/words.rs splits and folds them: runs of letters, marks
  // and digits; each CJK ideograph or kana a word by itself; decomposed, without the
  // diacritics readers leave out, lowercase, a final sigma as a sigma.
  var ALONE = "\u3005\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff" +
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}\u{30000}-\u{3134f}";
  var WORD = new RegExp("[" + ALONE + "]\\p{M}*|(?:(?![" + ALONE + "])[\\p{Alphabetic}\\p{N}\\p{M}])+", "gu");
  var DROPPED = /[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  // Words shorter than this match only themselves, not every word they begin.
  var PREFIX_FROM = 3;

  function fold(word) {
    return word.normalize("NFD").replace(DROPPED, "").toLowerCase().replace(/ς/g, "σ");
  }

  // The words of a text: [{start, end, raw, folded}].
  function tokens(text) {
    var list = [];
    WORD.lastIndex = 0;
    for (var m = WORD.exec(text); m; m = WORD.exec(text)) {
      list.push({ start: m.index, end: m.index + m[0].length, raw: m[0], folded: fold(m[0]) });
    }
    return list;
  }

  // Whether an indexed or shown word is one the term finds: itself, or a word it begins
  // when it is long enough.
  function finds(term, word) {
    return word === term || (Array.from(term).length >= PREFIX_FROM && word.indexOf(term) === 0);
  }

  function findsAny(terms, word) {
    return terms.some(function (term) { return finds(term, word); });
  }

  // `text` as nodes, the words the terms find in <mark>. Text only: the index is
  // untrusted, so nothing of it is ever parsed as HTML.
  function marked(text, terms, className) {
    var fragment = document.createDocumentFragment();
    var at = 0;
    tokens(text).forEach(function (token) {
      if (!findsAny(terms, token.folded)) return;
      if (token.start > at) fragment.appendChild(document.createTextNode(text.slice(at, token.start)));
      var mark = document.createElement("mark");
      if (className) mark.className = className;
      mark.textContent = text.slice(token.start, token.end);
      fragment.appendChild(mark);
      at = token.end;
    });
    if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
    return fragment;
  }

  highlightPage();

  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input");
  var results = form.querySelector(".search-results");
  var root = form.getAttribute("data-root") || "";
  var MAX_RESULTS = 20;
  // How many results are shown: twenty, and twenty more each time the reader asks.
  var limit = MAX_RESULTS;
  // How many words a mistyped term suggests instead.
  var MAX_SUGGESTIONS = 3;
  // How long a snippet is, in characters, and how much of it comes before the match.
  var SNIPPET = 180;
  var SNIPPET_LEAD = 50;
  form.hidden = false;

  var meta = null;
  var chunks = {};
  var docs = {};
  var waiting = {};
  // The index's scripts call these as they load.
  window.annalistSearch = {
    meta: function (value) { meta = value; loaded("meta"); },
    words: function (n, value) { chunks[n] = value; loaded("w" + n); },
    docs: function (n, value) {
      value.forEach(function (doc, i) { docs[n * meta.shard_size + i] = doc; });
      loaded("d" + n);
    }
  };

  function loaded(name) {
    var then = waiting[name] || [];
    delete waiting[name];
    then.forEach(function (f) { f(); });
  }

  // Loads search/NAME.js once; `then` runs when it has loaded (or failed to).
  function load(name, present, then) {
    if (present()) return then();
    if (waiting[name]) return waiting[name].push(then);
    waiting[name] = [then];
    var script = document.createElement("script");
    script.src = root + "search/" + name + ".js";
    script.onerror = function () { loaded(name); };
    document.head.appendChild(script);
  }

  function loadChunks(numbers, then) {
    var left = numbers.length;
    if (!left) return then();
    numbers.forEach(function (n) {
      load("w" + n, function () { return chunks[n]; }, function () { if (--left === 0) then(); });
    });
  }

  // Loads the shards that hold the documents `numbers`.
  function loadDocs(numbers, then) {
    var shards = {};
    numbers.forEach(function (n) { shards[Math.floor(n / meta.shard_size)] = true; });
    var list = Object.keys(shards).map(Number);
    var left = list.length;
    if (!left) return then();
    list.forEach(function (s) {
      var present = function () { return docs[s * meta.shard_size] !== undefined; };
      load("d" + s, present, function () { if (--left === 0) then(); });
    });
  }

  // The chunk that holds `word` if any chunk does.
  function chunkOf(word) {
    var firsts = meta.chunks;
    var low = 0;
    var high = firsts.length - 1;
    var at = 0;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (firsts[middle] <= word) { at = middle; low = middle + 1; } else high = middle - 1;
    }
    return at;
  }

  // The chunks that can hold the words a term finds.
  function chunksFor(term) {
    var at = chunkOf(term);
    var list = [at];
    if (Array.from(term).length >= PREFIX_FROM) {
      for (var next = at + 1; next < meta.chunks.length && meta.chunks[next].indexOf(term) === 0; next++) list.push(next);
    }
    return list;
  }

  // Calls `each(doc, how)` for every document of `word` in `chunk`; `how` is 0 for a
  // word of its text, 1 for a word of a name, 2 for the whole of a name.
  function postings(chunk, word, each) {
    var entry = 0;
    chunk[word].forEach(function (delta) {
      entry += delta;
      each(entry >> 2, entry & 3);
    });
  }

  // Document → score, for the documents holding a word the term finds; null when the
  // index has no such word. A name outranks a text, the whole word a word it begins.
  function scores(term, alone) {
    var found = null;
    chunksFor(term).forEach(function (n) {
      var chunk = chunks[n] || {};
      Object.keys(chunk).forEach(function (word) {
        // A whole name of several words is found only by the whole query.
        if (word.indexOf(" ") >= 0 || !finds(term, word)) return;
        var whole = word === term;
        found = found || {};
        postings(chunk, word, function (doc, how) {
          var score = how ? (whole ? 20 : 10) : (whole ? 2 : 1);
          if (alone && whole && how === 2) score += 1000;
          if (!(found[doc] >= score)) found[doc] = score;
        });
      });
    });
    return found;
  }

  // Levenshtein distance with transpositions ("konan" is one from "konna"), or
  // `limit + 1` as soon as it is more than `limit`.
  function distance(a, b, limit) {
    a = Array.from(a);
    b = Array.from(b);
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var before = null;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      var least = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        row.push(d);
        least = Math.min(least, d);
      }
      if (least > limit) return limit + 1;
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }

  // The chunks a suggestion for `term` is looked for in: its own, and the next and the
  // previous when they may hold words of the same first letter. At most three, however
  // large the index: a suggestion costs no more than a search.
  function nearby(term) {
    var at = chunkOf(term);
    var first = Array.from(term)[0];
    var list = [at];
    if (at > 0 && meta.chunks[at].indexOf(first) === 0) list.push(at - 1);
    if (at + 1 < meta.chunks.length && meta.chunks[at + 1].indexOf(first) === 0) list.push(at + 1);
    return list;
  }

  // The indexed words closest to a term no word matches: within one edit for a word of
  // up to four letters, two for a longer one; the closest first, then the commonest.
  function suggest(term, then) {
    var numbers = nearby(term);
    loadChunks(numbers, function () {
      var limit = Array.from(term).length <= 4 ? 1 : 2;
      var close = [];
      numbers.forEach(function (n) {
        var chunk = chunks[n] || {};
        Object.keys(chunk).forEach(function (word) {
          if (word.indexOf(" ") >= 0) return;
          var d = distance(term, word, limit);
          if (d <= limit) close.push({ word: word, distance: d, count: chunk[word].length });
        });
      });
      close.sort(function (a, b) {
        return a.distance - b.distance || b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);
      });
      then(close.slice(0, MAX_SUGGESTIONS).map(function (c) { return c.word; }));
    });
  }

  // Runs a query; `then(results, total, suggestions)`.
  function search(query, then) {
    var words = tokens(query);
    var terms = words.map(function (w) { return w.folded; });
    if (!terms.length) return then([], 0, []);
    load("meta", function () { return meta; }, function () {
      if (!meta) return then([], 0, []);
      var whole = terms.join(" ");
      var needed = {};
      terms.forEach(function (term) { chunksFor(term).forEach(function (n) { needed[n] = n; }); });
      if (terms.length > 1) needed[chunkOf(whole)] = chunkOf(whole);
      loadChunks(Object.keys(needed).map(Number), function () {
        var total = null;
        for (var i = 0; i < terms.length; i++) {
          var found = scores(terms[i], terms.length === 1);
          if (!found) {
            // A word the index does not have: offer the nearest it has instead.
            return suggest(terms[i], function (close) {
              then([], 0, close.map(function (word) {
                return words.map(function (w, j) { return j === i ? word : w.raw; }).join(" ");
              }));
            });
          }
          if (total === null) { total = found; continue; }
          var both = {};
          Object.keys(total).forEach(function (doc) { if (doc in found) both[doc] = total[doc] + found[doc]; });
          total = both;
        }
        var names = chunks[chunkOf(whole)] || {};
        if (terms.length > 1 && names[whole]) {
          postings(names, whole, function (doc) { if (doc in total) total[doc] += 1000; });
        }
        var ranked = Object.keys(total).map(Number).sort(function (a, b) {
          return total[b] - total[a] || a - b;
        });
        var best = ranked.slice(0, limit);
        loadDocs(best, function () {
          then(best.map(function (doc) {
            var d = docs[doc];
            return d && { title: d[0], kind: meta.kinds[d[1]], url: d[2], detail: d[3], excerpts: d[4] || [] };
          }).filter(Boolean), ranked.length, []);
        });
      });
    });
  }

  // The snippet of a result: about SNIPPET characters of the first excerpt holding a
  // word the terms find, from a little before that word; else the document's opening.
  function snippet(excerpts, terms) {
    for (var i = 0; i < excerpts.length; i++) {
      var hit = tokens(excerpts[i]).filter(function (t) { return findsAny(terms, t.folded); })[0];
      if (hit) return clip(excerpts[i], hit.start);
    }
    return excerpts.length ? clip(excerpts[0], 0) : "";
  }

  // The text around `at`, cut between words, with an ellipsis where it cuts.
  function clip(text, at) {
    var start = 0;
    if (at > SNIPPET_LEAD) {
      start = text.indexOf(" ", at - SNIPPET_LEAD);
      if (start < 0 || start >= at) start = at - SNIPPET_LEAD;
    }
    var end = start + SNIPPET;
    if (end < text.length) {
      var space = text.lastIndexOf(" ", end);
      end = space > at ? space : end;
    } else end = text.length;
    var cut = text.slice(start, end).trim();
    if (start > 0 && cut.charAt(0) !== "…") cut = "…" + cut;
    if (end < text.length && cut.slice(-1) !== "…") cut += "…";
    return cut;
  }

  // A result's address, carrying the query for the page to mark.
  function withQuery(url, query) {
    var hash = url.indexOf("#");
    var path = hash < 0 ? url : url.slice(0, hash);
    return root + path + "?q=" + encodeURIComponent(query) + (hash < 0 ? "" : url.slice(hash));
  }

  function item(className, text) {
    var li = document.createElement("li");
    li.className = className;
    if (text) li.textContent = text;
    return li;
  }

  function result(record, terms, query) {
    var li = item("search-result");
    var link = document.createElement("a");
    link.href = withQuery(record.url, query);
    var title = document.createElement("span");
    title.className = "search-title";
    title.appendChild(marked(record.title, terms));
    var kind = document.createElement("span");
    kind.className = "search-kind";
    kind.textContent = record.detail ? record.kind + ", " + record.detail : record.kind;
    link.appendChild(title);
    link.appendChild(document.createTextNode(" "));
    link.appendChild(kind);
    var text = snippet(record.excerpts, terms);
    if (text) {
      var teaser = document.createElement("span");
      teaser.className = "search-snippet";
      teaser.appendChild(marked(text, terms));
      link.appendChild(teaser);
    }
    li.appendChild(link);
    return li;
  }

  function suggestions(list) {
    var li = item("search-suggestions", (form.getAttribute("data-did-you-mean") || "") + " ");
    list.forEach(function (query) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = query;
      button.addEventListener("click", function () {
        input.value = query;
        input.focus();
        show();
      });
      li.appendChild(button);
      li.appendChild(document.createTextNode(" "));
    });
    return li;
  }

  var latest = 0;
  function show(done) {
    var query = input.value.trim();
    var asked = ++latest;
    search(query, function (list, total, close) {
      if (asked !== latest) return;
      var terms = tokens(query).map(function (w) { return w.folded; });
      results.textContent = "";
      list.forEach(function (record) { results.appendChild(result(record, terms, query)); });
      if (total > list.length) {
        var count = item("search-count", (form.getAttribute("data-showing") || "")
          .replace("{shown}", list.length).replace("{total}", total) + " ");
        var more = document.createElement("button");
        more.type = "button";
        more.textContent = form.getAttribute("data-show-more") || "+";
        more.addEventListener("click", function () {
          limit += MAX_RESULTS;
          show(function () {
            var links = results.querySelectorAll("a");
            if (links[list.length]) links[list.length].focus();
          });
        });
        count.appendChild(more);
        results.appendChild(count);
      }
      if (query && !list.length) {
        results.appendChild(item("search-none", form.getAttribute("data-nothing-found") || ""));
        if (close.length) results.appendChild(suggestions(close));
      }
      results.hidden = !query;
      if (done) done();
    });
  }

  input.addEventListener("focus", function () {
    load("meta", function () { return meta; }, function () {});
    if (input.value.trim() && results.childNodes.length) results.hidden = false;
  });
  // The results close when the focus leaves the search, and open again when it returns.
  form.addEventListener("focusout", function (event) {
    if (!form.contains(event.relatedTarget)) results.hidden = true;
  });
  input.addEventListener("input", function () { limit = MAX_RESULTS; show(); });
  // Down and up move through the results and suggestions, from the box and between
  // them; Escape closes them and goes back to the box.
  form.addEventListener("keydown", function (event) {
    var targets = Array.prototype.slice.call(results.querySelectorAll("a, button"));
    if (event.key === "Escape") {
      results.hidden = true;
      input.focus();
      return;
    }
    if ((event.key !== "ArrowDown" && event.key !== "ArrowUp") || results.hidden || !targets.length) return;
    event.preventDefault();
    var at = targets.indexOf(document.activeElement);
    var next = event.key === "ArrowDown" ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else targets[Math.min(next, targets.length - 1)].focus();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(function () {
      var first = results.querySelector("a, button");
      if (first) first.click();
    });
  });

  // On a page a result led to: marks the query's words in the page's text, and brings
  // the first of them into view, within the event the link pointed at if it did.
  // Nothing happens without a query.
  function highlightPage() {
    var query = null;
    try { query = new URLSearchParams(window.location.search).get("q"); } catch (e) { return; }
    var terms = query ? tokens(query).map(function (w) { return w.folded; }) : [];
    var main = document.getElementById("main");
    if (!terms.length || !main) return;
    // The box keeps the query, to search again or change it.
    var box = document.querySelector("form.search input");
    if (box) box.value = query;
    var skip = "script, style, textarea, noscript, svg, button, select, mark.search-hit";
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var texts = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
    var marks = 0;
    // A bound on the work, for a query of common words on a very long page.
    var MAX_MARKS = 2000;
    for (var i = 0; i < texts.length && marks < MAX_MARKS; i++) {
      var text = texts[i].nodeValue;
      var hits = tokens(text).filter(function (t) { return findsAny(terms, t.folded); }).length;
      if (!hits) continue;
      marks += hits;
      texts[i].parentNode.replaceChild(marked(text, terms, "search-hit"), texts[i]);
    }
    if (!marks) return;
    var scroll = function () {
      var target = null;
      try { target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1))); } catch (e) { target = null; }
      var visible = Array.prototype.filter.call(main.querySelectorAll("mark.search-hit"), function (m) {
        return m.getClientRects().length > 0;
      });
      var inTarget = target && visible.filter(function (m) { return target.contains(m); });
      var first = (inTarget && inTarget[0]) || (target ? null : visible[0]);
      if (!first) return;
      var box = first.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) first.scrollIntoView({ block: "center" });
      first.classList.add("search-first");
    };
    if (document.readyState === "complete") scroll();
    else window.addEventListener("load", function () { window.requestAnimationFrame(scroll); });
  }
})();
