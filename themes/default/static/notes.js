// Sidenotes beside their references. Without this script a wide screen floats the notes
// down the margin one under another, so that on a long page they drift screens away from
// the words they back. With it, each note is set level with its reference and pushed down
// only as far as the note above it asks; a note that would land more than half a screen
// below its reference stays in the text instead, closed, and its number opens it in place,
// as on a phone. Clicking the number of a note in the margin shows that note rather than
// jumping to the list at the end of the page.
//
// Every note being shown beside or behind its reference, the list of notes at the end of
// the page is folded; it opens in print and on arrival at one of its notes. A note in the
// margin is one Tab stop, its source: its number in the text is left out of the order.
(function () {
  "use strict";
  var list = document.querySelector("details.notes");
  // Printed, a date's reasoning and the list of notes show, folded or not.
  var folded = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.date-basis, details.notes, details.quotes-of-event").forEach(function (d) {
      if (!d.open) folded.push(d);
      d.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    folded.forEach(function (d) { d.open = false; });
    folded = [];
  });
  // A link to a note in the folded list (a back-link from elsewhere, a citation) opens it.
  function arrive() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (list && target && list.contains(target) && !list.open) {
      list.open = true;
      target.scrollIntoView();
    }
  }
  if (list && !(window.location.hash && list.querySelector(":target"))) list.open = false;
  window.addEventListener("hashchange", arrive);
  var wide = window.matchMedia("screen and (min-width: 76rem)");
  var root = document.documentElement;
  var main = document.querySelector("main");
  if (!main) return;
  var notes = Array.prototype.slice.call(main.querySelectorAll(".sidenote"));
  if (!notes.length) return;
  var GAP = 12;

  // A note's reference (which holds its toggle) and checkbox stand just before it.
  function parts(note) {
    var input = note.previousElementSibling;
    var ref = input && input.previousElementSibling;
    var label = ref && ref.querySelector("label");
    return { input: input, label: label, ref: ref };
  }

  function setInPlace(note, inPlace) {
    var p = parts(note);
    [note, p.input, p.label, p.ref].forEach(function (el) {
      if (el) el.classList.toggle("in-place", inPlace);
    });
  }

  // A note in the margin is reached by Tab at its source; its number is then a second
  // stop for the same note.
  function inMargin(note, yes) {
    var link = parts(note).ref && parts(note).ref.querySelector("a");
    if (!link) return;
    if (yes) link.setAttribute("tabindex", "-1");
    else link.removeAttribute("tabindex");
  }

  var placing = false;
  function place() {
    if (placing) return;
    placing = true;
    if (!wide.matches) {
      root.classList.remove("notes-placed");
      notes.forEach(function (note) { setInPlace(note, false); inMargin(note, false); note.style.top = ""; });
      placing = false;
      return;
    }
    root.classList.add("notes-placed");
    // Every note in the margin first, so the text's flow is the same whichever end up
    // in place; a note the reader has opened in place stays open where it is.
    var open = function (note) { return note.classList.contains("in-place") && parts(note).input.checked; };
    notes.forEach(function (note) { if (!open(note)) setInPlace(note, false); });
    var origin = main.getBoundingClientRect().top;
    var limit = window.innerHeight / 2;
    var bottom = -Infinity;
    notes.forEach(function (note) {
      if (open(note)) return;
      var ref = parts(note).ref || note;
      var wanted = ref.getBoundingClientRect().top - origin;
      var top = Math.max(wanted, bottom + GAP);
      // Nor may it run past the end of the text, into the page's foot.
      if (top - wanted > limit || top + note.offsetHeight > main.offsetHeight) {
        setInPlace(note, true);
        inMargin(note, false);
        note.style.top = "";
        return;
      }
      inMargin(note, true);
      note.style.top = top + "px";
      bottom = top + note.offsetHeight;
    });
    placing = false;
  }

  var pending = false;
  function later() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; place(); });
  }

  main.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".note-ref a");
    if (!link || !root.classList.contains("notes-placed")) return;
    // The note's sidenote stands at its first reference, which may be this one or earlier.
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    var note = notes.filter(function (n) { return n.getAttribute("data-note") === id; })[0];
    if (!note || note.classList.contains("in-place")) return;
    event.preventDefault();
    var box = note.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) note.scrollIntoView({ block: "center" });
    note.classList.remove("flash");
    void note.offsetWidth;
    note.classList.add("flash");
  });

  place();
  window.addEventListener("resize", later);
  window.addEventListener("load", later);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(later);
  // A note opened in place, or a section opened, moves the text below it.
  main.addEventListener("change", later);
  main.addEventListener("toggle", later, true);
  if (wide.addEventListener) wide.addEventListener("change", later);
})();
