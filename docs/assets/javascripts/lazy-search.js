/* Sextortion Help Kit: download the search index only when the reader opens search.
   Material requests it on every page load; most readers never search, and on a weak connection
   the index is the heaviest thing a page would load. Loaded before Material's bundle, this holds
   back that one request until search is opened, then lets it go. Stores nothing. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(\?|$)/;
  var opened = false;
  var waiting = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.__shkIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.__shkIndex && !opened) {
      waiting.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (held) {
      send.apply(held[0], held[1]);
    });
  }

  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) release();
  });
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.closest && event.target.closest(".md-search")) release();
  });
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest('label[for="__search"]')) release();
  });
})();
