/*
 * itaplan: Thai words for MkDocs Material's site search.
 *
 * At build time every Thai text in the search index is cut into words (hooks/itaplan/search).
 * This worker cuts what a reader types the same way: "ป้องกันการทุจริต" becomes
 * "ป้องกัน การ ทุจริต", using the words of the index itself (fewest pieces wins; the last piece
 * may be the start of a word, so "งบประ" finds "งบประมาณ"). Then Material's own search worker,
 * loaded below, does the rest. main.html points Material at this file.
 */
"use strict";
(function () {
  var SETUP = 0, QUERY = 2; /* Material's search message types */
  var THAI = /[\u0e01-\u0e5b]+/g;
  var ONLY_THAI = /^[\u0e01-\u0e5b]+$/;
  var SCRIPT_CHANGE = /([A-Za-z0-9])(?=[\u0e01-\u0e5b])|([\u0e01-\u0e5b])(?=[A-Za-z0-9])/g;
  /* Thai function words: dropped from a query that has other words (as lunr drops "the") */
  var STOP = new Set(("การ ความ ของ และ ที่ ใน ให้ ได้ มี เป็น หรือ จาก โดย ซึ่ง ว่า จะ กับ แก่ ต่อ " +
    "เพื่อ แล้ว นี้ นั้น ด้วย ถึง ทั้ง ไว้ อยู่ คือ").split(" "));
  var words = new Set(), sorted = [], longest = 1;

  /* Learn the Thai words of the index, split as the index's separator splits them */
  function learn(index) {
    var separator = new RegExp(index.config.separator, "g");
    index.docs.forEach(function (doc) {
      [doc.title, doc.text].forEach(function (value) {
        String(value || "").replace(/<[^>]*>/g, " ").split(separator).forEach(function (word) {
          if (ONLY_THAI.test(word)) words.add(word);
        });
      });
    });
    sorted = Array.from(words).sort();
    words.forEach(function (word) { longest = Math.max(longest, word.length); });
  }

  /* Does an indexed word start with `text`? (binary search in the sorted words) */
  function startsWord(text) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] < text) lo = mid + 1; else hi = mid;
    }
    return lo < sorted.length && sorted[lo].lastIndexOf(text, 0) === 0;
  }

  /* Cut one run of Thai into the fewest pieces: an indexed word costs 1, the start of a word at the
     end of the query costs 1, an unknown character costs 2 (neighbouring ones stay together) */
  function cut(run, atEnd) {
    var n = run.length, cost = [0], from = [0], known = [true], i, j;
    for (i = 1; i <= n; i++) cost[i] = Infinity;
    function relax(to, at, price, isWord) {
      if (cost[at] + price < cost[to]) {
        cost[to] = cost[at] + price; from[to] = at; known[to] = isWord;
      }
    }
    for (i = 0; i < n; i++) {
      for (j = Math.min(n, i + longest); j > i; j--)
        if (words.has(run.slice(i, j))) relax(j, i, 1, true);
      if (atEnd && startsWord(run.slice(i))) relax(n, i, 1, true);
      relax(i + 1, i, 2, false);
    }
    var pieces = [];
    for (var end = n, unknownAfter = false; end > 0; end = from[end]) {
      var piece = run.slice(from[end], end);
      if (!known[end] && unknownAfter) pieces[0] = piece + pieces[0];
      else pieces.unshift(piece);
      unknownAfter = !known[end];
    }
    return pieces.join(" ");
  }

  /* A number in Arabic digits also finds it in Thai digits (the official text's), and back */
  function bothDigits(term) {
    if (!/^[0-9๐-๙.]+$/.test(term)) return term;
    var thai = term.replace(/[0-9]/g, function (d) { return String.fromCharCode(0x0e50 + +d); });
    var arabic = term.replace(/[๐-๙]/g, function (d) { return String(d.charCodeAt(0) - 0x0e50); });
    return thai === arabic ? term : thai + " " + arabic;
  }

  /* The query with Thai words spaced apart as the index has them, without function words */
  function spaced(query) {
    if (!sorted.length) return query;
    var terms = query
      .replace(SCRIPT_CHANGE, "$1$2 ")
      .replace(THAI, function (run, offset, all) {
        return cut(run, offset + run.length === all.length);
      })
      .split(/\s+/).filter(Boolean);
    var meaningful = terms.filter(function (term) { return !STOP.has(term); });
    return (meaningful.length ? meaningful : terms).map(bothDigits).join(" ");
  }

  /* Runs before Material's own handler, which is added by the script imported below */
  addEventListener("message", function (ev) {
    var message = ev.data;
    if (!message) return;
    if (message.type === SETUP) learn(message.data);
    else if (message.type === QUERY && typeof message.data === "string")
      message.data = spaced(message.data);
  });

  var material = new URL(new URL(location.href).searchParams.get("material") || "", location.href);
  if (material.origin !== location.origin || !/\.js$/.test(material.pathname))
    throw new Error("itaplan-search: expected Material's search worker on this site");
  importScripts(material.href);
})();
