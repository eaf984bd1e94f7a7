// Link previews, as Wikipedia's page previews: resting the pointer on a link to an event,
// actor, place, comparison or quoted passage of this chronicle, or reaching it with the
// keyboard, shows beside the link its kind, title, an event's date and the first sentence
// or two of its text (a passage's words and its source's title). It closes when the
// pointer leaves (after a moment, so that it can move into the preview), on Escape, or
// when the link loses focus; it never takes the focus, and never covers the link.
//
// The data is in previews/, scripts rather than JSON so that it loads from file://:
// meta.js gives the number of shards, and a link's target (relative to the site root)
// is in shard fnv1a(target) % shards, as src/render/previews.rs computes it. A target
// with an anchor that has no preview falls back to its page (a comparison's position,
// a note on an actor's page); a preview may be an alias, the target that holds it.
//
// Without JavaScript links are only links; on a touch screen a tap follows the link.
// Texts go into the page as text, never as markup.
(function () {
  "use strict";
  var script = document.currentScript;
  var main = document.querySelector("main");
  if (!script || !main || !window.TextEncoder || !window.URL) return;
  // This script sits at the site root.
  var root = new URL(".", script.src).href;
  var here = window.location.href.split("#")[0].split("?")[0];
  var XLINK = "http://www.w3.org/1999/xlink";
  var OPEN_DELAY = 350;
  var CLOSE_DELAY = 300;
  // Between the link and the preview, and between the preview and the window's edges.
  var GAP = 6;
  var MARGIN = 8;
  var PASSAGE = 4;

  var meta = null;
  var shards = {};
  var waiting = {};
  window.annalistPreviews = {
    meta: function (value) { meta = value; loaded("meta"); },
    shard: function (n, value) { shards[n] = value; loaded(String(n)); }
  };

  function loaded(name) {
    var then = waiting[name] || [];
    delete waiting[name];
    then.forEach(function (f) { f(); });
  }

  // Loads previews/NAME.js once; `then` runs when it has loaded (or failed to).
  function load(name, present, then) {
    if (present()) return then();
    if (waiting[name]) return waiting[name].push(then);
    waiting[name] = [then];
    var tag = document.createElement("script");
    tag.src = root + "previews/" + name + ".js";
    tag.onerror = function () { loaded(name); };
    document.head.appendChild(tag);
  }

  // FNV-1a, 32 bits, of the key's UTF-8 bytes.
  function hash(key) {
    var bytes = new TextEncoder().encode(key);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  // The preview of the first of `keys` that has one (following an alias once), or null.
  function find(keys, then, followed) {
    load("meta", function () { return meta; }, function () {
      if (!meta || !keys.length) return then(null);
      var key = keys[0];
      var n = hash(key) % meta.shards;
      load(String(n), function () { return shards[n]; }, function () {
        var shard = shards[n];
        var entry = shard && Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : null;
        if (typeof entry === "string" && !followed) return find([entry], then, true);
        if (entry && typeof entry === "object") return then(entry);
        find(keys.slice(1), then, followed);
      });
    });
  }

  function decode(text) {
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }

  // A link of this site that may have a preview: where it leads, and the keys to try.
  function target(element) {
    var link = element && element.closest ? element.closest("a") : null;
    if (!link || !main.contains(link) || (box && box.contains(link))) return null;
    var href = link.getAttribute("href") || link.getAttributeNS(XLINK, "href");
    if (!href) return null;
    var url;
    try { url = new URL(href, document.baseURI); } catch (e) { return null; }
    var page = url.href.split("#")[0].split("?")[0];
    if (page.indexOf(root) !== 0) return null;
    var path = decode(page.slice(root.length));
    var fragment = decode(url.hash.slice(1));
    if (!/\.html$/.test(path) || (!fragment && page === here)) return null;
    return { link: link, href: url.href, keys: fragment ? [path + "#" + fragment, path] : [path] };
  }

  var box = null;
  var shown = null;     // the target whose preview is open
  var pending = null;   // the target waiting for the delay
  var dismissed = null; // the link closed with Escape, until the pointer or focus leaves it
  var described = null; // the link's own aria-describedby, restored on close
  var openTimer = 0;
  var closeTimer = 0;
  var pointer = null;
  var lastTouch = -Infinity;

  function schedule(found) {
    if (found.link === dismissed || (shown && shown.link === found.link)) return cancelClose();
    cancelOpen();
    pending = found;
    find(found.keys, function () {}); // loads the data while the reader waits
    openTimer = window.setTimeout(function () {
      find(found.keys, function (entry) {
        if (pending !== found) return;
        pending = null;
        if (entry && meta) open(found, entry);
      });
    }, OPEN_DELAY);
  }

  function cancelOpen() {
    window.clearTimeout(openTimer);
    pending = null;
  }

  function scheduleClose() {
    window.clearTimeout(closeTimer);
    closeTimer = window.setTimeout(close, CLOSE_DELAY);
  }

  function cancelClose() {
    window.clearTimeout(closeTimer);
  }

  function close() {
    cancelClose();
    if (!shown) return;
    var link = shown.link;
    if (described === null) link.removeAttribute("aria-describedby");
    else link.setAttribute("aria-describedby", described);
    box.hidden = true;
    shown = null;
  }

  function element(name, className, text) {
    var made = document.createElement(name);
    if (className) made.className = className;
    if (text) {
      made.textContent = text;
      made.dir = "auto";
    }
    return made;
  }

  // entry: [kind, title, detail, text, language of the text or ""]
  function open(found, entry) {
    close();
    if (!box) {
      box = element("div", "preview");
      box.id = "link-preview";
      box.setAttribute("role", "tooltip");
      box.hidden = true;
      document.body.appendChild(box);
    }
    while (box.firstChild) box.removeChild(box.firstChild);
    var kind = meta.kinds[entry[0]] || "";
    box.appendChild(element("p", "preview-kind", entry[2] ? kind + " · " + entry[2] : kind));
    var title = element("p", "preview-title");
    var link = element("a", "", entry[1]);
    link.href = found.href;
    title.appendChild(link);
    box.appendChild(title);
    if (entry[3]) {
      var text = element(entry[0] === PASSAGE ? "blockquote" : "p", entry[0] === PASSAGE ? "preview-quote" : "preview-text", entry[3]);
      if (entry[4]) text.lang = entry[4];
      box.appendChild(text);
    }
    shown = found;
    described = found.link.getAttribute("aria-describedby");
    found.link.setAttribute("aria-describedby", described ? described + " " + box.id : box.id);
    box.hidden = false;
    place(found.link);
  }

  // Below the link if it fits, else above it, whichever has more room; never over it.
  // Level with the line the pointer is on, for a link that wraps.
  function place(link) {
    var all = link.getBoundingClientRect();
    var rects = link.getClientRects();
    var line = rects[0] || all;
    for (var i = 0; pointer && i < rects.length; i++) {
      if (pointer.y >= rects[i].top && pointer.y <= rects[i].bottom) line = rects[i];
    }
    var width = document.documentElement.clientWidth;
    var height = window.innerHeight;
    box.style.left = "0px";
    box.style.top = "0px";
    box.style.maxHeight = "";
    var below = height - all.bottom - GAP - MARGIN;
    var above = all.top - GAP - MARGIN;
    var tall = box.offsetHeight;
    var top;
    if (tall <= below || below >= above) {
      if (tall > below) box.style.maxHeight = Math.max(below, 0) + "px";
      top = all.bottom + GAP;
    } else {
      if (tall > above) box.style.maxHeight = Math.max(above, 0) + "px";
      top = all.top - GAP - box.offsetHeight;
    }
    var wide = box.offsetWidth;
    var rtl = window.getComputedStyle(link).direction === "rtl";
    var left = rtl ? line.right - wide : line.left;
    left = Math.max(MARGIN, Math.min(left, width - MARGIN - wide));
    box.style.left = left + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  document.addEventListener("pointerdown", function (event) {
    if (event.pointerType === "touch") lastTouch = Date.now();
  }, true);

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType === "touch") return;
    pointer = { y: event.clientY };
    if (box && box.contains(event.target)) return cancelClose();
    var found = target(event.target);
    if (found) schedule(found);
  });

  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "touch") return;
    var to = event.relatedTarget;
    var into = function (node) { return node && to && node.contains(to); };
    if (box && box.contains(event.target)) {
      if (!into(box) && !(shown && into(shown.link))) scheduleClose();
      return;
    }
    var link = event.target.closest ? event.target.closest("a") : null;
    if (!link || into(link)) return;
    if (dismissed === link) dismissed = null;
    if (pending && pending.link === link) cancelOpen();
    if (shown && shown.link === link && !into(box)) scheduleClose();
  });

  document.addEventListener("focusin", function (event) {
    // A tap focuses the link it follows: no preview for that.
    if (Date.now() - lastTouch < 1000) return;
    var found = target(event.target);
    if (!found) return;
    var visible = true;
    try { visible = found.link.matches(":focus-visible"); } catch (e) { /* older browsers */ }
    if (visible) schedule(found);
  });

  document.addEventListener("focusout", function (event) {
    var to = event.relatedTarget;
    var inBox = function (node) { return box && node && box.contains(node); };
    var from = event.target;
    if (pending && pending.link === from) cancelOpen();
    if (dismissed === from) dismissed = null;
    if (!shown || inBox(to) || to === shown.link) return;
    if (from === shown.link || inBox(from)) close();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !(shown || pending)) return;
    var link = shown ? shown.link : pending.link;
    dismissed = link;
    cancelOpen();
    if (box && box.contains(document.activeElement)) link.focus();
    close();
  });

  window.addEventListener("resize", function () { cancelOpen(); close(); });
})();
