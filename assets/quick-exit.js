// Quick exit, after the GOV.UK "Exit this page" pattern: the button at the
// top of every page, or the Shift key pressed three times within 5 seconds,
// blanks the page at once and replaces it with a neutral site. Without
// JavaScript the button is a plain link to the same site.
//
// So that the exit leaves no way back, a visit holds one entry of the
// tab's history: a click on a link within the site replaces the current
// entry (location.replace) instead of adding one, and the exit replaces
// that entry with the neutral site. Back then leaves the tab's history
// before the visit. Links that open elsewhere (another site, a download,
// a new tab, a click with a modifier key) keep the browser's behaviour.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  var target = link.getAttribute("href");
  var gone = false;

  function exit(event) {
    if (event) event.preventDefault();
    if (gone) return;
    gone = true;
    document.documentElement.classList.add("exiting");
    document.title = "";
    try { document.body.textContent = ""; } catch (e) { /* keep going */ }
    // replace(): the back button does not bring this page back at once.
    window.location.replace(target);
  }

  link.addEventListener("click", exit);

  // Same-site navigation replaces the history entry.
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var a = event.target.closest ? event.target.closest("a[href]") : null;
    if (!a || a === link || a.hasAttribute("download") ||
        (a.target && a.target !== "_self")) return;
    var url;
    try { url = new URL(a.href, location.href); } catch (e) { return; }
    if (url.origin !== location.origin) return;
    event.preventDefault();
    location.replace(url.href);
    // A link within the page (the skip link, the menu): the fragment is
    // followed without a new entry; move the focus there too.
    if (url.hash && url.pathname === location.pathname && url.search === location.search) {
      var to = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (to && to.hasAttribute("tabindex")) to.focus();
    }
  });

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = []; // typing a capital letter is not an exit
      return;
    }
    if (event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 5000; });
    presses.push(now);
    if (presses.length >= 3) exit();
  });

  // Coming back from the neutral site through the browser's cache must
  // not show the page blank, nor exit again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      gone = false;
      presses = [];
      window.location.reload();
    }
  });
})();
