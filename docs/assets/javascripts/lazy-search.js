/* Sextortion Help Kit: download search only when the reader opens it.
   Material starts its search worker and requests the index on every page load; most readers never
   search, and on a weak connection these are the heaviest things a page would load. Loaded before
   Material's bundle, this holds back the worker (a stand-in takes its messages) and the index
   request until search is opened, then lets both go. Stores nothing. */
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

  /* The stand-in: what Material's bundle uses of a Worker (listeners and messages), kept until the
     real worker starts. Any other worker starts at once. */
  var RealWorker = window.Worker;
  var starters = [];
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (!/\/workers\/search\.[^/]*\.js(\?|$)/.test(String(url)) || opened) return new RealWorker(url, options);
      var real = null;
      var calls = [];
      function later(name) {
        return function () {
          if (real) return real[name].apply(real, arguments);
          calls.push([name, arguments]);
          return undefined;
        };
      }
      starters.push(function () {
        real = new RealWorker(url, options);
        calls.splice(0).forEach(function (call) {
          real[call[0]].apply(real, call[1]);
        });
      });
      return {
        addEventListener: later("addEventListener"),
        removeEventListener: later("removeEventListener"),
        postMessage: later("postMessage"),
        terminate: later("terminate")
      };
    };
  }

  function release() {
    if (opened) return;
    opened = true;
    starters.splice(0).forEach(function (start) {
      start();
    });
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
