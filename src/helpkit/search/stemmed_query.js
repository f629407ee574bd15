/* Sextortion Help Kit: stem the words the reader types, the way the index was stemmed.

   Appended by the build to Material's search worker. Material adds a trailing wildcard to every
   word typed ("captures" becomes "captures*"), and lunr skips the stemmer for any word with a
   wildcard, so a stemmed index ("captur") would never match. Here each such word is stemmed with
   the language's own stemmer before lunr reads it ("captur*"), which also matches every longer
   form in the index. Material reads the same clauses to mark which words were found, so both agree.
   Stores nothing, sends nothing. */
(function () {
  "use strict";
  var lunr = self.lunr;
  var config = null;

  self.addEventListener("message", function (event) {
    var data = event.data && event.data.data;
    if (data && data.config && data.config.lang) config = data.config;
  });

  function stemmer() {
    if (!config || config.lang.length !== 1 || config.pipeline.indexOf("stemmer") === -1) return null;
    var language = config.lang[0];
    var space = language === "en" ? lunr : lunr[language];
    return (space && space.stemmer) || null;
  }

  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (options) {
    var stem = stemmer();
    var term = options && options.term;
    // Only the words Material closed with "*": a word typed with its own modifiers is left alone.
    if (stem && typeof term === "string" && /^[^*]+\*$/.test(term)) {
      var word = term.slice(0, -1);
      var stemmed = String(stem(new lunr.Token(word, {})));
      if (stemmed && stemmed !== word) options.term = stemmed + "*";
    }
    return clause.call(this, options);
  };
})();
