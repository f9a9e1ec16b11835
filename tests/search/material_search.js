/*
 * A built site's search as the browser runs it, in node: Material's own search worker (the
 * search.<hash>.min.js the site ships) behind the site's itaplan-search.js, both loaded into a
 * worker-like global, given the site's search index and asked each query in turn.
 *
 *   node tests/search/material_search.js <site dir> < queries.json > results.json
 *
 * queries.json is a JSON list of queries; the answer is, for each, the pages found (each a list of
 * the locations Material shows: the page, then its sections), best first. tests/search/
 * test_search_ranking.py drives it for many queries at once, which the browser would take minutes for.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SETUP = 0, QUERY = 2, RESULT = 3; /* Material's search message types */

function load(site) {
  const workers = path.join(site, "assets", "javascripts", "workers");
  const material = fs.readdirSync(workers).find(name => /^search\.[0-9a-f]+\.min\.js$/.test(name));
  if (!material) throw new Error(`no Material search worker in ${workers}`);
  const origin = "http://site.invalid";
  const base = `${origin}/assets/javascripts/workers/`;
  const listeners = [], answers = [];
  const global = {
    location: new URL(`${base}itaplan-search.js?material=${encodeURIComponent(base + material)}`),
    addEventListener: (type, listener) => { if (type === "message") listeners.push(listener); },
    postMessage: message => answers.push(message),
    console, URL, setTimeout, clearTimeout, Promise, Map, Set, TextEncoder, TextDecoder,
  };
  global.self = global;
  const context = vm.createContext(global);
  global.importScripts = (...urls) => {
    for (const url of urls) {
      const { pathname } = new URL(url);
      if (!pathname.startsWith("/assets/javascripts/workers/")) throw new Error(`unexpected script ${url}`);
      vm.runInContext(fs.readFileSync(path.join(workers, path.basename(pathname)), "utf8"), context);
    }
  };
  vm.runInContext(fs.readFileSync(path.join(workers, "itaplan-search.js"), "utf8"), context);
  /* One message in, Material's one answer out (its handler is async) */
  async function send(type, data) {
    const before = answers.length, event = { data: { type, data } };  /* one event for all listeners, */
    for (const listener of listeners) await listener(event);  /* as itaplan-search.js rewrites its query */
    for (let waited = 0; answers.length === before; waited++) {
      if (waited > 5000) throw new Error("the search worker did not answer");
      await new Promise(resolve => setTimeout(resolve, 1));
    }
    return answers[answers.length - 1];
  }
  return send;
}

async function main() {
  const site = process.argv[2];
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
  const send = load(site);
  /* Material's page hands the worker the index with the search options of the theme */
  await send(SETUP, { ...index, options: { suggest: false } });
  const out = [];
  for (const query of queries) {
    const answer = await send(QUERY, query);
    if (answer.type !== RESULT) throw new Error(`unexpected answer ${JSON.stringify(answer).slice(0, 200)}`);
    out.push(answer.data.items.map(group => group.map(item => item.location)));
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch(err => { console.error(err && err.stack || err); process.exit(1); });
