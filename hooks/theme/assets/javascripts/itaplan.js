/*
 * itaplan: keyboard, screen reader and large-text help on top of Material for MkDocs.
 *
 * A file of the site, not an inline script: the Content Security Policy (hooks/itaplan/site/csp.py)
 * runs no inline event handler, and this needs none. Loaded after Material's bundle; everything
 * here keeps Material's own behaviour and only adds what a keyboard or a screen reader misses:
 *
 * - Header: Material's menu and search buttons are <label>s a keyboard cannot reach; each gets a
 *   real <button> in its place (clicking the label, so Material's handlers still run), with a name
 *   and aria-expanded.
 * - Phone menu (the drawer) as a disclosure: focus moves into it when it opens and stays in it
 *   while open (Tab wraps; the page behind and the menu levels it covers are inert); Escape, the
 *   close button or the overlay close it and focus returns to the menu button. Every control has a
 *   name and a role: section toggles and the back arrow of a level are buttons, each level a named
 *   navigation landmark.
 * - Search: the number of results is announced (a polite live region); text that arrives without
 *   a key press (paste, an input method, autofill) searches too; Escape puts focus back where it
 *   was before the search opened; the results box takes no Tab stop of its own, but Tab and
 *   Shift+Tab go round the box, its clear button and every result (Material closes the search on Tab);
 *   its counts ("พบ # หน้าที่ตรงกัน", "อีก # รายการในหน้านี้", which Material fills with Arabic digits) are
 *   in the site's digits (<meta name="itaplan-digits">, from extra.itaplan.digits).
 * - The skip link moves focus to the heading it points at.
 * - Headings' permalinks (¶) stay clickable but out of the Tab order: the page's table of contents
 *   links every heading.
 * - A wide table that scrolls sideways says so (a visible cue above it) and is a Tab stop, so that
 *   a keyboard can scroll it; a table that fits (one card per row on a phone) is no Tab stop.
 * - The print view's button prints the page.
 * - The sticky header's height is kept in --itaplan-header-height, so a focused element scrolled
 *   into view is never hidden under it (scroll-padding-top in itaplan.css).
 */
"use strict";
(function () {
  var NAMES = {
    __drawer: "เมนู",
    __search: "ค้นหา",
    close: "ปิดเมนู",
    back: "กลับไปเมนูก่อนหน้า",
    section: "รายการใน",
    toc: "สารบัญของหน้านี้",
    scroll: "ตารางนี้กว้างกว่าจอ เลื่อนตารางไปทางซ้ายหรือขวาเพื่อดูส่วนที่เหลือ"
  };
  var FOCUSABLE = "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, " +
    "[tabindex]:not([tabindex='-1'])";

  function visible(el) {
    if (!el || !el.isConnected) return false;
    if (el.closest("[inert]")) return false;
    var box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  }
  function focusables(root) {
    return Array.prototype.filter.call(root.querySelectorAll(FOCUSABLE), visible);
  }
  function text(el) {
    return el ? el.textContent.replace(/\s+/g, " ").trim() : "";
  }

  /* ---- The sticky header's height, for scroll-padding-top ---- */
  function watchHeader() {
    var header = document.querySelector(".md-header");
    if (!header) return;
    function note() {
      document.documentElement.style.setProperty("--itaplan-header-height", header.offsetHeight + "px");
    }
    note();
    if (window.ResizeObserver) new ResizeObserver(note).observe(header);
  }

  /* ---- Header buttons ---- */
  function headerButtons() {
    document.querySelectorAll("label.md-header__button[for]").forEach(function (label) {
      var name = NAMES[label.htmlFor];
      if (!name) return;
      var toggle = document.getElementById(label.htmlFor);
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className;
      button.setAttribute("data-itaplan-for", label.htmlFor);
      button.setAttribute("aria-label", name);
      button.innerHTML = label.innerHTML;
      button.querySelectorAll("svg").forEach(function (svg) { svg.setAttribute("aria-hidden", "true"); });
      if (toggle) {
        button.setAttribute("aria-expanded", String(toggle.checked));
        toggle.addEventListener("change", function () { button.setAttribute("aria-expanded", String(toggle.checked)); });
      }
      button.addEventListener("click", function () { label.click(); });
      label.parentNode.insertBefore(button, label);
      label.classList.add("itaplan-replaced");
    });
    document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
      dialog.setAttribute("aria-label", NAMES.__search);
    });
  }

  /* ---- Activating a label that acts as a button: Enter (Material clicks labels on Enter in most
     cases, but not while the search is open) and Space ---- */
  function pressable(label) {
    if (label.hasAttribute("data-itaplan-pressable")) return;
    label.setAttribute("data-itaplan-pressable", "");
    label.setAttribute("role", "button");
    if (!label.hasAttribute("tabindex") || label.getAttribute("tabindex") === "") label.setAttribute("tabindex", "0");
    label.addEventListener("keydown", function (e) {
      if (e.key === " " || e.key === "Spacebar" || e.key === "Enter") {
        e.preventDefault();
        e.stopPropagation(); /* Material's own Enter handler would click it a second time */
        label.click();
      }
    });
  }

  /* ---- The phone menu ---- */
  function menu() {
    var drawer = document.getElementById("__drawer");
    var sidebar = document.querySelector(".md-sidebar--primary");
    var button = document.querySelector("button[data-itaplan-for=__drawer]");
    if (!drawer || !sidebar || !button) return;
    var narrow = matchMedia("(max-width: 76.234375em)");
    sidebar.id = sidebar.id || "itaplan-menu";
    button.setAttribute("aria-controls", sidebar.id);

    /* Names and roles: toggles and back arrows are buttons with names; a level is a navigation named by
       its toggle (Material points aria-labelledby at it, and looks the level up by that attribute) */
    sidebar.querySelectorAll("nav.md-nav").forEach(function (nav) {
      var title = nav.querySelector(":scope > .md-nav__title");
      if (!nav.hasAttribute("aria-labelledby") && !nav.hasAttribute("aria-label") && text(title)) {
        nav.setAttribute("aria-label", text(title));
      }
      if (title && title.htmlFor && title.htmlFor !== "__drawer") {
        title.classList.add("itaplan-menu-back");
        title.setAttribute("aria-label", (text(title) ? text(title) + " — " : "") + NAMES.back);
        pressable(title);
      }
    });
    sidebar.querySelectorAll("label.md-nav__link[for]").forEach(function (label) {
      var toggle = document.getElementById(label.htmlFor);
      if (!toggle) return;
      var item = label.closest(".md-nav__item");
      var nested = item && item.querySelector(":scope > nav");
      var own = text(label);
      var title = nested ? text(nested.querySelector(":scope > .md-nav__title")) : "";
      if (label.htmlFor === "__toc") label.setAttribute("aria-label", own + " (" + NAMES.toc + ")");
      else label.setAttribute("aria-label", own || NAMES.section + " " + title);
      pressable(label);
      function state() { label.setAttribute("aria-expanded", String(toggle.checked)); }
      state();
      toggle.addEventListener("change", state);
    });

    /* A close button inside the menu, first in its order */
    var close = document.createElement("button");
    close.type = "button";
    close.className = "itaplan-menu-close md-icon";
    close.setAttribute("aria-label", NAMES.close);
    close.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M19 6.41 17.59 5 ' +
      '12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>';
    close.addEventListener("click", function () { setOpen(false); });
    sidebar.insertBefore(close, sidebar.firstChild);

    var inerted = [], opener = null, linkClicked = null;

    function toggleOf(nav) {
      var item = nav.parentElement;
      var input = item && item.querySelector(":scope > input.md-nav__toggle");
      return input;
    }
    /* The level a reader sees: the deepest navigation whose toggle, and its parents' toggles, are on */
    function shownLevel() {
      var level = sidebar.querySelector("nav.md-nav--primary") || sidebar;
      for (;;) {
        var next = null;
        level.querySelectorAll("nav.md-nav").forEach(function (nav) {
          if (next || nav.parentElement.closest("nav") !== level) return;
          var input = toggleOf(nav);
          if (input && input.checked && getComputedStyle(nav).visibility !== "hidden") next = nav;
        });
        if (!next) return level;
        level = next;
      }
    }
    function release() {
      inerted.splice(0).forEach(function (el) { el.inert = false; });
    }
    /* Everything but the path to `keep` (and the close button) becomes inert, up to `top` */
    function isolate(keep, top) {
      for (var el = keep; el && el !== top; el = el.parentElement) {
        Array.prototype.forEach.call(el.parentElement.children, function (sibling) {
          if (sibling === el || sibling === close || sibling.inert) return;
          if (/^(SCRIPT|STYLE|LINK|META)$/.test(sibling.tagName)) return;
          sibling.inert = true;
          inerted.push(sibling);
        });
      }
    }
    function isOpen() { return drawer.checked && narrow.matches; }
    function arrange() {
      release();
      if (!isOpen()) return;
      isolate(sidebar, document.body);
      var level = shownLevel();
      isolate(level, sidebar);
      /* levels below the one shown wait off screen: out of reach until opened */
      level.querySelectorAll("nav.md-nav").forEach(function (nav) {
        var input = toggleOf(nav);
        if (input && !input.checked && !nav.inert) {
          nav.inert = true;
          inerted.push(nav);
        }
      });
    }
    function first() {
      var level = shownLevel();
      return focusables(level)[0] || close;
    }
    function setOpen(open) {
      if (drawer.checked !== open) drawer.click();
    }
    drawer.addEventListener("change", function () {
      if (drawer.checked) {
        if (!narrow.matches) return;
        opener = document.activeElement;
        /* wait for the slide-in (the closed menu is visibility: hidden until it moves) */
        requestAnimationFrame(function () {
          arrange();
          var target = first();
          if (target) target.focus();
        });
      } else {
        release();
        var active = document.activeElement;
        var link = linkClicked;
        linkClicked = null;
        if (link && link.hash && link.pathname === location.pathname) {
          var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
          if (target) {
            if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
            target.focus({ preventScroll: true });
            return;
          }
        }
        if (link) return; /* another page is loading */
        if (!active || active === document.body || sidebar.contains(active)) {
          (visible(button) ? button : opener && visible(opener) ? opener : document.body).focus();
        }
        opener = null;
      }
    });
    /* A level opened or closed inside the menu: re-arrange, and keep focus on a control that is seen */
    sidebar.addEventListener("change", function (e) {
      if (!e.target.classList.contains("md-nav__toggle") || !isOpen()) return;
      var toggle = e.target;
      requestAnimationFrame(function () {
        arrange();
        var active = document.activeElement;
        if (active && visible(active) && !active.closest("[inert]")) return;
        if (!toggle.checked) {
          /* back to the level above: to the control that opened the level just closed */
          var opens = sidebar.querySelector("label.md-nav__link[for='" + toggle.id + "']");
          if (opens && visible(opens)) { opens.focus(); return; }
        }
        first().focus();
      });
    });
    sidebar.addEventListener("click", function (e) {
      var link = e.target.closest && e.target.closest("a[href]");
      if (link && isOpen()) linkClicked = link;
    }, true);
    if (narrow.addEventListener) narrow.addEventListener("change", arrange);
    else if (narrow.addListener) narrow.addListener(arrange); /* Safari before 14 */

    document.addEventListener("keydown", function (e) {
      if (!isOpen()) return;
      if (e.key === "Escape") {
        e.preventDefault();
        setOpen(false);
      } else if (e.key === "Tab") {
        /* Tab and Shift+Tab go round the controls of the menu and never leave it */
        var stops = [close].concat(focusables(shownLevel()).filter(function (el) { return el !== close; }));
        var at = stops.indexOf(document.activeElement);
        var next = at < 0 ? (e.shiftKey ? stops.length - 1 : 0)
          : (at + (e.shiftKey ? -1 : 1) + stops.length) % stops.length;
        e.preventDefault();
        stops[next].focus();
        stops[next].scrollIntoView({ block: "nearest" });
      }
    });
  }

  /* ---- Search ---- */
  function search() {
    var toggle = document.getElementById("__search");
    var input = document.querySelector("input.md-search__input");
    var meta = document.querySelector(".md-search-result__meta");
    if (!toggle || !input) return;
    var dialog = input.closest(".md-search");

    /* The results box is not a Tab stop of its own: its links are reached with Tab (below) or the arrows */
    var scrollwrap = document.querySelector(".md-search__scrollwrap");
    if (scrollwrap) scrollwrap.removeAttribute("tabindex");

    /* Text that arrives without a key press still searches: Material listens for keyup */
    var composing = false;
    function nudge() {
      input.dispatchEvent(new KeyboardEvent("keyup", { key: "Unidentified", bubbles: false }));
    }
    input.addEventListener("compositionstart", function () { composing = true; });
    input.addEventListener("compositionend", function () { composing = false; nudge(); });
    input.addEventListener("input", function (e) { if (!composing && !e.isComposing) nudge(); });
    input.addEventListener("change", nudge);

    /* The counts in the site's digits: Thai (๑๒๓) unless the site is set to Arabic. Read when the counts
       change, so that a page's setting is what it says at that moment. */
    var results = document.querySelector(".md-search-result");
    if (results) {
      new MutationObserver(function () {
        var setting = document.querySelector("meta[name=itaplan-digits]");
        if (!setting || setting.content !== "thai") return;
        results.querySelectorAll(".md-search-result__meta, .md-search-result__more > summary").forEach(function (el) {
          var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), node;
          while ((node = walker.nextNode())) {
            if (/[0-9]/.test(node.nodeValue)) {
              node.nodeValue = node.nodeValue.replace(/[0-9]/g, function (d) {
                return String.fromCharCode(0x0e50 + Number(d));
              });
            }
          }
        });
      }).observe(results, { childList: true, characterData: true, subtree: true });
    }

    /* The number of results, told to screen readers once the list settles */
    if (meta) {
      var status = document.createElement("p");
      status.className = "itaplan-visually-hidden itaplan-search-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      meta.parentNode.insertBefore(status, meta.nextSibling);
      var timer = null, said = "";
      new MutationObserver(function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          var now = input.value.trim() ? text(meta) : "";
          if (now === said) return;
          said = now;
          status.textContent = now;
        }, 600);
      }).observe(meta, { childList: true, characterData: true, subtree: true });
    }

    /* Tab and Shift+Tab go round the open search: the box, its clear button and every result. Material
       closes the search on Tab (its results are for the arrow keys only), which left a keyboard reader
       with no way to them and focus somewhere in the page behind. With nothing found yet, Tab still
       closes it as Material does. */
    window.addEventListener("keydown", function (e) {
      if (!toggle.checked || !dialog || !dialog.contains(document.activeElement)) return;
      /* Material puts focus back in the box on any other key, Shift too: Shift+Tab would never leave it */
      if (e.key === "Shift") { e.stopPropagation(); return; }
      if (e.key !== "Tab" || e.altKey || e.ctrlKey || e.metaKey) return;
      var stops = [].slice.call(dialog.querySelectorAll(
        "input.md-search__input, .md-search__options button, .md-search-result a[href], .md-search-result summary"
      )).filter(function (el) {
        var folded = el.tagName !== "SUMMARY" && el.closest("details:not([open])"); /* "อีก … รายการ" not opened */
        return visible(el) && !folded;
      });
      if (!dialog.querySelector(".md-search-result a[href]") || stops.length < 2) return;
      e.preventDefault();
      e.stopPropagation(); /* before Material's own listener on window, which would close the search */
      var at = stops.indexOf(document.activeElement);
      var next = stops[(at + (e.shiftKey ? -1 : 1) + stops.length) % stops.length];
      next.focus();
      next.scrollIntoView({ block: "nearest" });
    }, true);

    /* Escape: focus goes back where it was before the search opened, never to the page body */
    var before = null;
    document.addEventListener("focusin", function (e) {
      if (dialog && dialog.contains(e.target) && e.relatedTarget && !dialog.contains(e.relatedTarget)) {
        before = e.relatedTarget;
      }
    });
    toggle.addEventListener("change", function () {
      if (toggle.checked && !before) before = document.activeElement !== document.body ? document.activeElement : null;
    });
    window.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || !dialog || !dialog.contains(e.target)) return;
      setTimeout(function () {
        if (toggle.checked) return;
        var active = document.activeElement;
        if (active && active !== document.body && !dialog.contains(active)) return;
        var phone = document.querySelector("button[data-itaplan-for=__search]");
        var logo = document.querySelector(".md-header .md-logo");
        var target = [before, phone, logo].filter(function (el) {
          return el && visible(el) && !(dialog && dialog.contains(el));
        })[0];
        before = null;
        if (target) target.focus();
      }, 0);
    });
  }

  /* ---- The skip link: focus lands on the heading it points at (not only the scroll position) ---- */
  function skipLink() {
    document.querySelectorAll("a.md-skip[href^='#']").forEach(function (link) {
      link.addEventListener("click", function () {
        var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
        if (!target) return;
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.focus();
      });
    });
  }

  /* ---- Permalinks out of the Tab order ---- */
  function permalinks() {
    document.querySelectorAll(".md-typeset .headerlink").forEach(function (link) {
      link.setAttribute("tabindex", "-1");
    });
  }

  /* ---- A cue above a table that scrolls sideways ---- */
  function scrollCues() {
    var regions = document.querySelectorAll(".md-typeset .itaplan-table");
    if (!regions.length) return;
    function check(region) {
      var wide = region.scrollWidth > region.clientWidth + 1;
      var cue = region.previousElementSibling;
      var has = cue && cue.classList.contains("itaplan-scroll-cue");
      if (wide && !has) {
        cue = document.createElement("p");
        cue.className = "itaplan-scroll-cue";
        cue.setAttribute("aria-hidden", "true");
        cue.textContent = NAMES.scroll;
        region.parentNode.insertBefore(cue, region);
      } else if (!wide && has) {
        cue.remove();
      }
      region.classList.toggle("itaplan-scrolls", wide);
      /* a Tab stop only where there is something to scroll (a keyboard scrolls it with the arrows) */
      if (wide) region.setAttribute("tabindex", "0");
      else region.removeAttribute("tabindex");
    }
    regions.forEach(check);
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) { check(entry.target); });
      });
      regions.forEach(function (region) { observer.observe(region); });
    }
  }

  /* ---- The print view's button ---- */
  function printButtons() {
    document.querySelectorAll("button.itaplan-print-button").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function start() {
    /* each on its own: an old browser missing one feature still gets the others */
    [watchHeader, headerButtons, menu, search, skipLink, permalinks, scrollCues, printButtons].forEach(function (part) {
      try {
        part();
      } catch (error) {
        if (window.console) console.warn("itaplan:", error);
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
