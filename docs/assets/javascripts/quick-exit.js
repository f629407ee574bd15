/* Quick exit, after GOV.UK's "Exit this page": the button, or Shift pressed three times within
   five seconds, replaces this page in the history and goes to the neutral page set in mkdocs.yml.
   Without JavaScript the button is a plain link to the same place. Stores nothing. */
(function () {
  "use strict";
  var bar = document.querySelector("[data-shk=quick-exit]");
  if (!bar) return;
  var button = bar.querySelector("a");
  var status = bar.querySelector("[role=status]");
  var target = button.getAttribute("href");
  var presses = 0;
  var timer = null;

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
    timer = null;
  }

  button.addEventListener("click", leave);
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      return;
    }
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
  });
  /* Coming Back to a page restored from the back-forward cache must not show the white cover. */
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      var cover = document.querySelector(".shk-exit__overlay");
      if (cover) cover.remove();
    }
  });
})();
