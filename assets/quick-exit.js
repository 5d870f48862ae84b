// Quick exit, after the GOV.UK "Exit this page" pattern: the button at the
// top of every page, or the Shift key pressed three times within 5 seconds,
// blanks the page at once and replaces it with a neutral site. Without
// JavaScript the button is a plain link to the same site.
(function () {
  "use strict";
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
