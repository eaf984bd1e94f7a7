// Offline search over the index in search/: search/meta.js lists the first word of each
// chunk of words; a query loads only the chunks that can hold its words, then only the
// shards of documents that hold its best results. Every part is a script, so search works
// from file:// where fetching JSON is refused. Without JavaScript the form stays hidden
// and every page reads as it is.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input");
  var results = form.querySelector(".search-results");
  var root = form.getAttribute("data-root") || "";
  var MAX_RESULTS = 20;
  // Words shorter than this match only themselves, not every word they begin.
  var PREFIX_FROM = 3;
  form.hidden = false;

  var meta = null;
  var chunks = {};
  var shards = {};
  var waiting = {};
  // The index's scripts call these as they load.
  window.annalistSearch = {
    meta: function (value) { meta = value; loaded("meta"); },
    words: function (n, value) { chunks[n] = value; loaded("w" + n); },
    docs: function (n, value) { shards[n] = value; loaded("d" + n); }
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

  function loadAll(names, present, then) {
    var left = names.length;
    if (!left) return then();
    names.forEach(function (name) {
      load(name, function () { return present(name); }, function () { if (--left === 0) then(); });
    });
  }

  // As the index folds words: runs of letters and digits, decomposed, without combining
  // diacritics, lowercase. "sevare" finds Sévaré.
  function words(text) {
    return text.split(/[^\p{Alphabetic}\p{N}]+/u).filter(Boolean).map(function (word) {
      return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    });
  }

  // The chunks that can hold the words a term matches.
  function chunksFor(term) {
    var firsts = meta.chunks;
    var low = 0;
    var high = firsts.length - 1;
    var at = 0;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (firsts[middle] <= term) { at = middle; low = middle + 1; } else high = middle - 1;
    }
    var list = [at];
    if (term.length >= PREFIX_FROM) {
      for (var next = at + 1; next < firsts.length && firsts[next].indexOf(term) === 0; next++) list.push(next);
    }
    return list;
  }

  // Document → score, for the documents holding a word the term matches. A word in the
  // title counts more, and the whole word more than a word it begins.
  function scores(term, numbers) {
    var found = {};
    numbers.forEach(function (n) {
      var chunk = chunks[n] || {};
      Object.keys(chunk).forEach(function (word) {
        var whole = word === term;
        if (!whole && (term.length < PREFIX_FROM || word.indexOf(term) !== 0)) return;
        var entry = 0;
        chunk[word].forEach(function (delta) {
          entry += delta;
          var doc = entry >> 1;
          var score = (entry & 1 ? 10 : 1) + (whole ? 2 : 0);
          if (!(found[doc] >= score)) found[doc] = score;
        });
      });
    });
    return found;
  }

  function search(query, then) {
    var terms = words(query);
    if (!terms.length) return then([]);
    load("meta", function () { return meta; }, function () {
      if (!meta) return then([]);
      var needed = {};
      terms.forEach(function (term) { chunksFor(term).forEach(function (n) { needed["w" + n] = n; }); });
      loadAll(Object.keys(needed), function (name) { return chunks[needed[name]]; }, function () {
        var total = null;
        terms.forEach(function (term) {
          var found = scores(term, chunksFor(term));
          if (total === null) { total = found; return; }
          var both = {};
          Object.keys(total).forEach(function (doc) { if (doc in found) both[doc] = total[doc] + found[doc]; });
          total = both;
        });
        var ranked = Object.keys(total).map(Number).sort(function (a, b) {
          return total[b] - total[a] || a - b;
        });
        var best = ranked.slice(0, MAX_RESULTS);
        var shardNames = {};
        best.forEach(function (doc) { shardNames["d" + Math.floor(doc / meta.shard_size)] = true; });
        loadAll(Object.keys(shardNames), function (name) { return shards[name.slice(1)]; }, function () {
          then(best.map(function (doc) {
            var shard = shards[Math.floor(doc / meta.shard_size)];
            var d = shard && shard[doc % meta.shard_size];
            return d && { title: d[0], kind: meta.kinds[d[1]], url: d[2], detail: d[3] };
          }).filter(Boolean), ranked.length);
        });
      });
    });
  }

  var latest = 0;
  function show(done) {
    var query = input.value;
    var asked = ++latest;
    search(query, function (list, total) {
      if (asked !== latest) return;
      results.textContent = "";
      list.forEach(function (record) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = root + record.url;
        link.textContent = record.title;
        var kind = document.createElement("span");
        kind.className = "search-kind";
        kind.textContent = record.detail ? record.kind + ", " + record.detail : record.kind;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(kind);
        results.appendChild(item);
      });
      if (total > list.length) {
        var more = document.createElement("li");
        more.className = "search-count";
        more.textContent = (form.getAttribute("data-showing") || "")
          .replace("{shown}", list.length).replace("{total}", total);
        results.appendChild(more);
      }
      if (query.trim() && !list.length) {
        var none = document.createElement("li");
        none.textContent = form.getAttribute("data-nothing-found") || "";
        results.appendChild(none);
      }
      results.hidden = !query.trim();
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
  input.addEventListener("input", function () { show(); });
  // Down and up move through the results, from the box and between them; Escape closes
  // them and goes back to the box.
  form.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(results.querySelectorAll("a"));
    if (event.key === "Escape") {
      results.hidden = true;
      input.focus();
      return;
    }
    if ((event.key !== "ArrowDown" && event.key !== "ArrowUp") || results.hidden || !links.length) return;
    event.preventDefault();
    var at = links.indexOf(document.activeElement);
    var next = event.key === "ArrowDown" ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)].focus();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(function () {
      var first = results.querySelector("a");
      if (first) window.location.href = first.href;
    });
  });
})();
