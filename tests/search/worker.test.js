/*
 * The search worker's query handling (hooks/theme/assets/javascripts/workers/itaplan-search.js),
 * run by node's test runner: `node --test tests/search/worker.test.js` (tests/search/test_search_worker.py
 * runs it under pytest). The index below is shaped as the build writes it: Thai words cut with a
 * zero-width space, the synonym tokens in a hidden field, the groups in config.itaplan.synonyms.
 */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const worker = require(path.join(__dirname, "..", "..", "hooks", "theme", "assets", "javascripts",
  "workers", "itaplan-search.js"));

const Z = "\u200b";
const SEPARATOR = "[\\s\\u200b\\-\\u2013\\u2014,;:!?()\\[\\]{}\\\"'\\u201c\\u201d\\u2018\\u2019/|]+";
const INDEX = {
  config: {
    lang: ["en"], separator: SEPARATOR, pipeline: ["stopWordFilter"],
    fields: { title: { boost: 1000 }, text: { boost: 1 }, synonyms: { boost: 1 } },
    itaplan: {
      synonyms: [
        ["facebook", "facebook", "เฟซบุ๊ก", "เฟสบุ๊ค", "เฟส บุ๊ค"],
        ["ไลน์", "ไลน์", "line"],
        ["ออนไลน์", "ออนไลน์", "online"],
        ["eservice", "e service", "อีเซอร์วิส", "บริการ ออนไลน์"],
        ["เว็บไซต์", "เว็บไซต์", "website", "เว็บไซด์"],
      ],
    },
  },
  docs: [
    { location: "a/", title: `ตัวชี้วัด${Z}ที่ ๙ การ${Z}เปิดเผย${Z}ข้อมูล`,
      text: `<p>ช่องทาง${Z}อื่น เช่น Facebook และ${Z}เว็บไซต์ ได้ ๙๙.๖๙ คะแนน</p>` },
    { location: "a/#steps", title: "ขั้นตอน",
      text: `<p>ช่องทาง${Z}ร้องเรียน${Z}ออนไลน์ (E-service)</p>`, synonyms: "eservice" },
    { location: "b/", title: `ตัวชี้วัด${Z}ที่ ๑๐ การ${Z}ป้องกัน`,
      text: `<p>เปิดเผย ข้อมูล ร้องเรียน ช่องทาง (i15) ไลน์${Z}กลุ่ม</p>` },
    { location: "c/", title: `ตัวชี้วัด${Z}ที่ ๑ การ${Z}ปฏิบัติ${Z}หน้าที่`, text: "<p>คู่มือ แนวทาง เว็บเพจ</p>" },
  ],
};
const state = worker.learn(INDEX);
const ask = query => worker.prepare(state, query);

test("Thai typed without spaces is cut into the index's words, function words dropped", () => {
  assert.equal(ask("การเปิดเผยข้อมูล").query, "เปิดเผย ข้อมูล");
  assert.equal(ask("ช่องทางร้องเรียน").query, "ช่องทาง ร้องเรียน");
  assert.equal(ask("เปิดเผยข้อ").query, "เปิดเผย ข้อ");  // the last word may be unfinished
});

test("every spelling of a synonym group becomes the group's token", () => {
  for (const typed of ["Facebook", "FACEBOOK", "เฟซบุ๊ก", "เฟสบุ๊ค", "เฟส บุ๊ค"])
    assert.equal(ask(typed).query, "facebook", typed);
  assert.equal(ask("LINE").query, "ไลน์");
  assert.equal(ask("website").query, "เว็บไซต์");
  assert.equal(ask("เว็บไซด์").query, "เว็บไซต์");
  assert.equal(ask("E-service").query, "eservice");
  assert.equal(ask("e-service").query, "eservice");
  assert.equal(ask("อีเซอร์วิส").query, "eservice");
  assert.equal(ask("ช่องทางเฟสบุ๊ค").query, "ช่องทาง facebook");
});

test("a form is matched as whole words, the longest first", () => {
  assert.equal(ask("ออนไลน์").query, "ออนไลน์");           // not LINE inside "online"
  assert.equal(ask("บริการออนไลน์").query, "eservice");      // two words of one form
  assert.equal(ask("ไลน์กลุ่ม").query, "ไลน์ กลุ่ม");
  assert.equal(ask("ร้องเรียนออนไลน์").query, "ร้องเรียน ออนไลน์");
});

test("an unfinished Thai spelling of one group only counts as the group", () => {
  assert.equal(ask("เฟซบุ๊").query, "facebook");
  assert.equal(ask("อีเซอร์").query, "eservice");
  assert.equal(ask("เว็บ").query, "เว็บ");  // the texts hold เว็บเพจ too: left for the prefix search
  assert.equal(ask("เว็บไซ").query, "เว็บไซต์");
});

test("numbers find both Thai and Arabic digits, in both directions", () => {
  assert.equal(ask("๙๙.๖๙").query, "๙๙.๖๙ 99.69");
  assert.equal(ask("99.69").query, "99.69 ๙๙.๖๙");
  assert.equal(ask("ตัวชี้วัดที่ 9").query, "ตัวชี้วัด 9 ๙");
  assert.equal(ask("ตัวชี้วัดที่๙").query, "ตัวชี้วัด ๙ 9");
  assert.equal(ask("i๑๕").query, "i ๑๕ 15");  // "(i15)" is indexed as "i" and "15"
  assert.deepEqual(ask("๙๙.๖๙").alternates, { "99.69": "๙๙.๖๙" });
});

function result(...locations) {
  // Material's result: pages (groups of page + sections), best first, with lunr's scores
  return { items: locations.map(group => group.map(([location, score]) =>
    ({ location, score, title: "", text: "", terms: { "เปิดเผย": true, "ข้อมูล": false } }))) };
}

test("the page holding the whole phrase ranks above pages with its words scattered", () => {
  const asked = ask("เปิดเผยข้อมูล");
  assert.equal(asked.phrase, "เปิดเผยข้อมูล");
  // b/ has both words apart and a higher score; a/ has the phrase in its title
  const out = worker.rerank(state, result([["b/", 9]], [["c/", 5]], [["a/", 2]]), asked);
  assert.deepEqual(out.items.map(group => group[0].location), ["a/", "b/", "c/"]);
});

test("within a page the section holding the phrase comes first; a title beats a text", () => {
  const asked = ask("ช่องทางร้องเรียน");
  const out = worker.rerank(state, result([["a/", 9], ["a/#steps", 1]], [["b/", 20]]), asked);
  assert.deepEqual(out.items.map(group => group.map(item => item.location)), [["a/#steps", "a/"], ["b/"]]);
  const title = worker.rerank(state, result([["b/", 9]], [["a/", 1]]), ask("การเปิดเผยข้อมูล"));
  assert.equal(title.items[0][0].location, "a/");
});

test("a summary page repeating a phrase under the indicator's name stays below the indicator page", () => {
  // "ยืมทรัพย์สิน": the unit page's section is titled with the indicator's name (ทรัพย์สิน in a title
  // weighs 1000x in Material) and holds the step; the indicator page holds it in its steps only
  const summaries = worker.learn({ config: { separator: SEPARATOR }, docs: [
    { location: "i/", title: `ตัวชี้วัด${Z}ที่ ๔ การ${Z}ใช้${Z}ทรัพย์สิน`, text: "" },
    { location: "i/#steps", title: "ขั้นตอน", text: `<p>ปฏิบัติ${Z}การ${Z}ยืม${Z}ทรัพย์สิน</p>` },
    { location: "u/#indicator-4", title: `ตัวชี้วัด${Z}ที่ ๔ การ${Z}ใช้${Z}ทรัพย์สิน`,
      text: `<p>ปฏิบัติ${Z}การ${Z}ยืม${Z}ทรัพย์สิน</p>`, boost: 0.3 },
    { location: "h/", title: "การเปลี่ยนแปลง", text: `<p>ยืม${Z}ทรัพย์สิน</p>`, boost: 0.3 },
  ] });
  const asked = worker.prepare(summaries, "ยืมทรัพย์สิน");
  assert.equal(asked.query, "ยืม ทรัพย์สิน");
  const answer = { items: [[["u/#indicator-4", 600]], [["h/", 1]], [["i/", 650], ["i/#steps", 2]]].map(group =>
    group.map(([location, score]) => ({ location, score, title: "", text: "", terms: {} }))) };
  const out = worker.rerank(summaries, answer, asked);
  assert.deepEqual(out.items.map(group => group[0].location), ["i/#steps", "u/#indicator-4", "h/"]);
  // the order is in the scores too: Material lists a page's sections scoring at least its first
  assert.ok(out.items[0][0].score > out.items[1][0].score && out.items[1][0].score > out.items[2][0].score);
  // without a phrase to hold, Material's scores (which carry the boosts) decide
  const single = worker.rerank(summaries, answer, worker.prepare(summaries, "ทรัพย์สิน"));
  assert.deepEqual(single.items.map(group => group[0].location), ["i/", "u/#indicator-4", "h/"]);
});

test("a phrase ending in a number does not match a longer number", () => {
  assert.ok(worker.holds(worker.flat(state, "ตัวชี้วัดที่ ๑๐"), ask("ตัวชี้วัดที่ 10").phrase));
  assert.ok(!worker.holds(worker.flat(state, "ตัวชี้วัดที่ ๑๐"), ask("ตัวชี้วัดที่ 1").phrase));
  const out = worker.rerank(state, result([["b/", 9]], [["c/", 1]]), ask("ตัวชี้วัดที่ 1"));
  assert.equal(out.items[0][0].location, "c/");
});

test("phrases match across synonyms, spaces and digits", () => {
  const asked = ask("ช่องทางร้องเรียน อีเซอร์วิส");
  assert.ok(worker.holds(state.docs.get("a/#steps").text, ask("ร้องเรียนบริการออนไลน์").phrase) === false);
  assert.ok(worker.holds(state.docs.get("a/").text, ask("เช่น เฟสบุ๊ค").phrase));
  assert.ok(worker.holds(state.docs.get("a/").text, ask("๙๙.๖๙ คะแนน").phrase));
  assert.equal(asked.query, "ช่องทาง ร้องเรียน eservice");
});

test("a single word is not re-ranked, and results keep Material's order otherwise", () => {
  const asked = ask("ข้อมูล");
  assert.equal(asked.phrase, "");
  const out = worker.rerank(state, result([["c/", 9]], [["a/", 2]], [["b/", 1]]), asked);
  assert.deepEqual(out.items.map(group => group[0].location), ["c/", "a/", "b/"]);
});

test("terms are named as typed: another spelling or digit form is no missing word", () => {
  const asked = ask("เฟสบุ๊ค ๙๙.๖๙");
  const answer = { items: [[{ location: "a/", score: 1, title: "", text: "",
    terms: { facebook: true, "๙๙.๖๙": true, "99.69": false } }]] };
  assert.deepEqual(worker.rerank(state, answer, asked).items[0][0].terms, { "เฟสบุ๊ค": true, "๙๙.๖๙": true });
});

test("an index without synonym groups still cuts words", () => {
  const plain = worker.learn({ config: { separator: SEPARATOR }, docs: INDEX.docs });
  assert.equal(worker.prepare(plain, "การเปิดเผยข้อมูล").query, "เปิดเผย ข้อมูล");
  assert.equal(worker.prepare(plain, "Facebook").query, "facebook");
});

test("a spelling the build cut into several words is matched word for word, unfinished too", () => {
  const cutForms = worker.learn({ config: { separator: SEPARATOR, itaplan: { synonyms: [
    ["youtube", "youtube", "ยู ทูบ"]] } }, docs: INDEX.docs });
  assert.equal(worker.prepare(cutForms, "ยูทูบ").query, "youtube");
  assert.equal(worker.prepare(cutForms, "ช่องทางยูทู").query, "ช่องทาง youtube");
  assert.equal(worker.prepare(cutForms, "ยูทูบ").typed.youtube, "ยู ทูบ");
});
