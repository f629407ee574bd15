/* Sextortion Help Kit: the site's only script of its own. Stores nothing, sends nothing. */

/* Quick exit, after GOV.UK's "Exit this page": the button, or Shift pressed alone three times
   within five seconds, replaces this page in the history and goes to the neutral page set in
   mkdocs.yml. As in GOV.UK's, a Shift used with another key or a click (a capital letter, a
   shortcut, a shift-click) does not count and starts the count again, so typing "I Need Help"
   never throws the reader out. Without JavaScript the button is a plain link to the same place. */
(function () {
  "use strict";
  var bar = document.querySelector("[data-shk=quick-exit]");
  if (!bar) return;
  var button = bar.querySelector(".shk-exit__button");
  var status = bar.querySelector("[role=status]");
  var target = button.getAttribute("href");
  var presses = 0;
  var timer = null;
  /* True from a Shift's keydown until anything else happens: only then is its keyup a press. */
  var alone = false;

  function leave(event) {
    if (event) event.preventDefault();
    var cover = document.createElement("div");
    cover.className = "shk-exit__overlay";
    document.body.appendChild(cover);
    document.title = "";
    status.textContent = bar.getAttribute("data-leaving");
    window.location.replace(target);
  }

  function reset() {
    presses = 0;
    if (timer) window.clearTimeout(timer);
    timer = null;
  }

  /* Anything but Shift, or Shift with a click, is typing or a shortcut: the count starts again. */
  function interrupt() {
    alone = false;
    if (presses) {
      reset();
      status.textContent = "";
    }
  }

  button.addEventListener("click", leave);
  /* Capture phase: a field or widget that stops the event must not hide a key from the count. */
  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key !== "Shift") {
        interrupt();
      } else if (!event.repeat) {
        alone = true;
      }
    },
    true
  );
  document.addEventListener(
    "keyup",
    function (event) {
      if (event.key !== "Shift") {
        interrupt();
        return;
      }
      if (!alone) return;
      alone = false;
      presses += 1;
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        reset();
        status.textContent = "";
      }, 5000);
      if (presses >= 3) {
        reset();
        leave();
      } else {
        status.textContent = bar.getAttribute(presses === 1 ? "data-first" : "data-second");
      }
    },
    true
  );
  document.addEventListener(
    "mousedown",
    function (event) {
      if (event.shiftKey) interrupt();
    },
    true
  );
  /* Coming Back to a page restored from the back-forward cache must not show the white cover. */
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      var cover = document.querySelector(".shk-exit__overlay");
      if (cover) cover.remove();
    }
  });
})();

/* Directory filter: narrows the country list as the reader types, in any language and with or
   without accents. The list and its links work without JavaScript; this only hides what does not
   match. */
(function () {
  "use strict";
  var box = document.querySelector("[data-shk=filter]");
  if (!box) return;
  var input = box.querySelector("input");
  var none = box.querySelector("[role=status]");
  var items = document.querySelectorAll("[data-shk-country]");

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase();
  }

  box.hidden = false;
  input.addEventListener("input", function () {
    var wanted = fold(input.value.trim());
    var shown = 0;
    items.forEach(function (item) {
      var match = !wanted || fold(item.getAttribute("data-shk-country")).indexOf(wanted) !== -1;
      item.hidden = !match;
      if (match && item.tagName === "LI") shown += 1;
    });
    none.hidden = shown > 0;
  });
})();
