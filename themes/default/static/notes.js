// Sidenotes beside their references. Without this script a wide screen floats the notes
// down the margin one under another, so that on a long page they drift screens away from
// the words they back. With it, each note is set level with its reference and pushed down
// only as far as the note above it asks; a note that would land more than half a screen
// below its reference stays in the text instead, closed, and its number opens it in place,
// as on a phone. Clicking the number of a note in the margin shows that note rather than
// jumping to the list at the end of the page.
(function () {
  "use strict";
  // Printed, a date's reasoning shows, folded or not.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.date-basis").forEach(function (d) { d.open = true; });
  });
  var wide = window.matchMedia("screen and (min-width: 76rem)");
  var root = document.documentElement;
  var main = document.querySelector("main");
  if (!main) return;
  var notes = Array.prototype.slice.call(main.querySelectorAll(".sidenote"));
  if (!notes.length) return;
  var GAP = 12;

  // A note's reference, toggle and checkbox stand just before it.
  function parts(note) {
    var input = note.previousElementSibling;
    var label = input && input.previousElementSibling;
    var ref = label && label.previousElementSibling;
    return { input: input, label: label, ref: ref };
  }

  function setInPlace(note, inPlace) {
    var p = parts(note);
    [note, p.input, p.label, p.ref].forEach(function (el) {
      if (el) el.classList.toggle("in-place", inPlace);
    });
  }

  var placing = false;
  function place() {
    if (placing) return;
    placing = true;
    if (!wide.matches) {
      root.classList.remove("notes-placed");
      notes.forEach(function (note) { setInPlace(note, false); note.style.top = ""; });
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
      if (top - wanted > limit) {
        setInPlace(note, true);
        note.style.top = "";
        return;
      }
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
    var note = link.parentElement.nextElementSibling;
    while (note && !note.classList.contains("sidenote")) note = note.nextElementSibling;
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
