/*
 * itaplan: Thai words for MkDocs Material's site search.
 *
 * At build time every Thai text in the search index is cut into words (hooks/itaplan/search).
 * This worker treats what a reader types the same way, then hands it to Material's own search
 * worker, loaded below (main.html points Material at this file):
 *
 * - Thai typed without spaces is cut into the words of the index itself: "ป้องกันการทุจริต"
 *   becomes "ป้องกัน ทุจริต" (fewest pieces; function words dropped when other words remain; the
 *   last piece may be the start of a word, so "งบประ" finds "งบประมาณ").
 * - A form of a synonym group (the index's config.itaplan.synonyms, from synonyms.txt) becomes the group's
 *   token, which the index holds for every form: "เฟสบุ๊ค" finds "Facebook", "E-service" finds
 *   "อีเซอร์วิส". An unfinished form at the end that starts forms of one group only counts too.
 * - A number finds both Thai and Arabic digits ("๙๙.๗๙" finds "99.79" and back).
 * - Pages whose title or text hold the whole query as typed (several words in a row) rank first,
 *   and within a page the sections that hold it: Material's results are re-ranked on their way
 *   back to the page. The lift a section gets for the phrase is scaled by its page's search boost,
 *   as Material scales its score: a unit page or report repeating a measure under the indicator's
 *   name (boost 0.3) stays below the indicator page holding the same phrase.
 *
 * No eval, no network: it only reads the index Material already downloads.
 */
"use strict";
(function (root) {
  var SETUP = 0, QUERY = 2, RESULT = 3; /* Material's search message types */
  var THAI = /[\u0e01-\u0e4e]+/g;                     /* Thai letters and marks, not digits */
  var ONLY_THAI = /^[\u0e01-\u0e4e]+$/;
  var NUMBER = /^[0-9\u0e50-\u0e59.]*[0-9\u0e50-\u0e59][0-9\u0e50-\u0e59.]*$/;
  /* where Latin letters, digits (Arabic or Thai) and Thai letters meet, as the index is cut */
  var SCRIPT_CHANGE = new RegExp(
    "([A-Za-z])(?=[0-9\u0e50-\u0e59\u0e01-\u0e4e])|([0-9\u0e50-\u0e59])(?=[A-Za-z\u0e01-\u0e4e])|" +
    "([\u0e01-\u0e4e])(?=[A-Za-z0-9\u0e50-\u0e59])", "g");
  /* Thai function words: dropped from a query that has other words (as lunr drops "the") */
  var STOP = new Set(("การ ความ ของ และ ที่ ใน ให้ ได้ มี เป็น หรือ จาก โดย ซึ่ง ว่า จะ กับ แก่ ต่อ " +
    "เพื่อ แล้ว นี้ นั้น ด้วย ถึง ทั้ง ไว้ อยู่ คือ").split(" "));
  var MARK = "\u0001";

  function toArabic(text) {
    return text.replace(/[\u0e50-\u0e59]/g, function (d) { return String(d.charCodeAt(0) - 0x0e50); });
  }
  function toThai(text) {
    return text.replace(/[0-9]/g, function (d) { return String.fromCharCode(0x0e50 + +d); });
  }
  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* What a search needs to know of the index: its words, its synonym groups, each doc's text */
  function learn(index) {
    var separator = new RegExp(index.config.separator, "g");
    var words = new Set(), forms = new Map(), all = [], spelled = [], docs = new Map();
    var groups = ((index.config.itaplan || {}).synonyms || []).filter(Array.isArray);
    var state = { separator: separator, words: words, sorted: [], longest: 1, forms: forms,
                  all: all, spelled: null, docs: docs };
    index.docs.forEach(function (doc) {
      [doc.title, doc.text].forEach(function (value) {
        String(value || "").replace(/<[^>]*>/g, " ").split(separator).forEach(function (word) {
          if (ONLY_THAI.test(word)) words.add(word);
        });
      });
    });
    var textWords = Array.from(words).sort();
    groups.forEach(function (group, g) {
      var token = String(group[0]);
      group.slice(1).concat([token]).forEach(function (form) {
        var parts = String(form).split(" ").filter(Boolean);
        if (!parts.length) return;
        parts.forEach(function (part) { if (ONLY_THAI.test(part)) words.add(part); });
        var list = forms.get(parts[0]) || [];
        list.push({ parts: parts, token: token });
        list.sort(function (a, b) { return b.parts.length - a.parts.length; });
        forms.set(parts[0], list);
        all.push({ parts: parts, token: token });
        spelled.push({ text: parts.join(""), mark: MARK + g + MARK });
      });
    });
    spelled.sort(function (a, b) { return b.text.length - a.text.length; });
    var marks = new Map(spelled.map(function (s) { return [s.text, s.mark]; }));
    state.spelled = spelled.length ? { pattern: new RegExp(spelled.map(function (s) {
      return escapeRegExp(s.text); }).join("|"), "g"), marks: marks } : null;
    state.textWords = textWords;
    state.sorted = Array.from(words).sort();
    words.forEach(function (word) { state.longest = Math.max(state.longest, word.length); });
    index.docs.forEach(function (doc) {
      docs.set(doc.location, { title: flat(state, doc.title), text: flat(state, doc.text),
                               boost: typeof doc.boost === "number" ? doc.boost : 1 });
    });
    return state;
  }

  /* Text reduced for phrase matching: no tags, spaces or separators, lower case, Arabic digits,
     each synonym form replaced by its group's mark */
  function flat(state, value) {
    var text = toArabic(String(value || "").replace(/<[^>]*>/g, " ").toLowerCase())
      .replace(state.separator, "");
    if (!state.spelled) return text;
    return text.replace(state.spelled.pattern, function (form) { return state.spelled.marks.get(form); });
  }

  /* Where the words starting with `text` begin in sorted words (binary search) */
  function firstFrom(sorted, text) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] < text) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* Does an indexed word start with `text`? */
  function startsWord(state, text) {
    var at = firstFrom(state.sorted, text);
    return at < state.sorted.length && state.sorted[at].lastIndexOf(text, 0) === 0;
  }

  /* The one group a query's unfinished end starts: the last terms are a form's first words, the
     last of them unfinished and Thai ("เฟซบุ๊" or "อี เซอร์" for E-service); a single word counts
     only when no other word of the texts starts with it ("เว็บ" stays, where texts hold "เว็บเพจ") */
  function unfinished(state, tail) {
    var last = tail[tail.length - 1];
    if (tail.join("").length < 3 || !ONLY_THAI.test(last)) return null;
    var tokens = new Set(), words = new Set();
    state.all.forEach(function (form) {
      if (form.parts.length < tail.length) return;
      for (var k = 0; k < tail.length - 1; k++) if (form.parts[k] !== tail[k]) return;
      var part = form.parts[tail.length - 1];
      if (part.lastIndexOf(last, 0) !== 0) return;
      tokens.add(form.token);
      words.add(part);
    });
    if (tokens.size !== 1) return null;
    if (tail.length === 1)
      for (var at = firstFrom(state.textWords, last); at < state.textWords.length &&
           state.textWords[at].lastIndexOf(last, 0) === 0; at++)
        if (!words.has(state.textWords[at])) return null;
    return tokens.values().next().value;
  }

  /* Cut one run of Thai into the fewest pieces: an indexed word costs 1, the start of a word at the
     end of the query costs 1, an unknown character costs 2 (neighbouring ones stay together) */
  function cut(state, run, atEnd) {
    var n = run.length, cost = [0], from = [0], known = [true], i, j;
    for (i = 1; i <= n; i++) cost[i] = Infinity;
    function relax(to, at, price, isWord) {
      if (cost[at] + price < cost[to]) {
        cost[to] = cost[at] + price; from[to] = at; known[to] = isWord;
      }
    }
    for (i = 0; i < n; i++) {
      for (j = Math.min(n, i + state.longest); j > i; j--)
        if (state.words.has(run.slice(i, j))) relax(j, i, 1, true);
      if (atEnd && startsWord(state, run.slice(i))) relax(n, i, 1, true);
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

  /* Replace each synonym form (whole words, longest first) by its group's token, and so an
     unfinished form at the end of the query */
  function synonyms(state, terms, typed) {
    var out = [];
    for (var i = 0; i < terms.length;) {
      var found = null;
      (state.forms.get(terms[i]) || []).some(function (form) {
        var ok = form.parts.every(function (part, k) { return terms[i + k] === part; });
        if (ok) found = form;
        return ok;
      });
      var token = found ? found.token : unfinished(state, terms.slice(i));
      var length = found ? found.parts.length : token ? terms.length - i : 1;
      if (token) typed[token] = terms.slice(i, i + length).join(" ");
      out.push(token || terms[i]);
      i += length;
    }
    return out;
  }

  /* The query for Material, the phrase for re-ranking, and the typed form behind each term */
  function prepare(state, query) {
    var typed = {}, alternates = {};
    var text = String(query).toLowerCase().replace(SCRIPT_CHANGE, "$1$2$3 ");
    if (state.sorted.length)
      text = text.replace(THAI, function (run, offset, all) {
        return cut(state, run, offset + run.length === all.length);
      });
    var terms = text.split(state.separator).filter(Boolean);
    var phrase = terms.length > 1 ? flat(state, query) : "";
    terms = synonyms(state, terms, typed);
    var meaningful = terms.filter(function (term) { return !STOP.has(term); });
    var out = [];
    (meaningful.length ? meaningful : terms).forEach(function (term) {
      out.push(term);
      if (!NUMBER.test(term)) return;
      var thai = toThai(term), arabic = toArabic(term);
      var other = term === thai ? arabic : thai;
      if (other !== term) { out.push(other); alternates[other] = term; }
    });
    return { query: out.join(" "), phrase: phrase.length > 1 ? phrase : "", typed: typed,
             alternates: alternates };
  }

  /* Material's result, with pages and sections holding the phrase first (title before text), and
     each result's terms named as typed (a number's other digits or a group token is no "missing"
     word of its own). A section's lift is its tier (2 title, 1 text, 0 neither) times its page's
     boost; results are ordered by lift, then by Material's score: a summary page holding the phrase
     (lift 0.3) stays below an indicator page holding it (lift 1), whatever their own scores. The
     scores are rewritten to match the order (Material's list shows the sections scoring at least
     its page's first, and Enter opens the best) */
  function rerank(state, result, asked) {
    if (!result || !Array.isArray(result.items)) return result;
    var top = 0, lifts = new Set([0]);
    var groups = result.items.map(function (group) {
      return group.map(function (item, position) {
        var doc = state.docs.get(item.location), tier = 0;
        top = Math.max(top, item.score || 0);
        if (asked.phrase && doc)
          tier = holds(doc.title, asked.phrase) ? 2 : holds(doc.text, asked.phrase) ? 1 : 0;
        var lift = tier * (doc ? doc.boost : 1);
        lifts.add(lift);
        return { item: item, lift: lift, position: position };
      });
    });
    var step = top + 1, rank = new Map();
    Array.from(lifts).sort(function (a, b) { return a - b; }).forEach(function (lift, r) { rank.set(lift, r); });
    var items = groups.map(function (group, order) {
      group = group.map(function (entry) {
        var item = entry.item;
        return { item: Object.assign({}, item, { score: (item.score || 0) + rank.get(entry.lift) * step,
                                                 terms: named(item.terms, asked) }),
                 position: entry.position };
      }).sort(function (a, b) { return b.item.score - a.item.score || a.position - b.position; })
        .map(function (entry) { return entry.item; });
      var best = group.reduce(function (m, item) { return Math.max(m, item.score); }, 0);
      return { group: group, best: best, order: order };
    }).sort(function (a, b) { return b.best - a.best || a.order - b.order; })
      .map(function (entry) { return entry.group; });
    return Object.assign({}, result, { items: items });
  }

  /* Does flat text hold the phrase, a number in it whole ("ที่1" is not in "ที่10")? */
  function holds(text, phrase) {
    var digitEnd = /[0-9]$/.test(phrase), digitStart = /^[0-9]/.test(phrase);
    for (var at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      if (digitEnd && /[0-9]/.test(text.charAt(at + phrase.length))) continue;
      if (digitStart && at > 0 && /[0-9]/.test(text.charAt(at - 1))) continue;
      return true;
    }
    return false;
  }

  function named(terms, asked) {
    if (!terms) return terms;
    var out = {};
    Object.keys(terms).forEach(function (term) {
      var name = asked.alternates[term] || asked.typed[term] || term;
      out[name] = out[name] || terms[term];
    });
    return out;
  }

  var api = { learn: learn, prepare: prepare, rerank: rerank, flat: flat, holds: holds };
  if (typeof module === "object" && module.exports) { module.exports = api; return; }

  /* In the worker: runs before Material's own handler, which the script imported below adds */
  var state = null, pending = [];
  root.addEventListener("message", function (ev) {
    var message = ev.data;
    if (!message) return;
    if (message.type === SETUP) state = learn(message.data);
    else if (message.type === QUERY && typeof message.data === "string" && state) {
      var asked = null;
      try { asked = prepare(state, message.data); } catch (err) { console.warn("itaplan-search", err); }
      pending.push(asked);
      if (asked) message.data = asked.query;
    }
  });
  /* Material answers each query in turn with one RESULT message */
  var post = root.postMessage.bind(root);
  root.postMessage = function (message) {
    if (message && message.type === RESULT && pending.length) {
      var asked = pending.shift();
      if (asked) message = { type: RESULT, data: rerank(state, message.data, asked) };
    }
    return post.apply(null, [message].concat(Array.prototype.slice.call(arguments, 1)));
  };

  var material = new URL(new URL(root.location.href).searchParams.get("material") || "", root.location.href);
  if (material.origin !== root.location.origin || !/\.js$/.test(material.pathname))
    throw new Error("itaplan-search: expected Material's search worker on this site");
  root.importScripts(material.href);
})(typeof self !== "undefined" ? self : this);
