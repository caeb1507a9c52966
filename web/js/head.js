/* What must work before anything else has loaded, so a classic script in <head>, not a module:
 * the quick exit (the button and Shift pressed three times), and keeping the page hidden until its
 * texts are in place (page/main.js and embed-page.js reveal it), so it never shows English first and then relayouts. */
(function () {
  'use strict';
  var root = document.documentElement;
  var meta = document.querySelector('meta[name="pf-exit"]');
  var target = meta && /^https?:\/\//.test(meta.content) ? meta.content : 'https://www.google.com/';
  var gone = false;

  root.classList.add('pf-wait');
  // Should the modules never run (an old browser, a failed download), show the page anyway.
  setTimeout(function () { root.classList.remove('pf-wait'); }, 4000);

  /* Blank the page at once, then take its place in history: Back does not return to it.
   * No request, timer or text is waited for. */
  function leave(event) {
    if (event) event.preventDefault();
    if (gone) return;
    gone = true;
    root.style.display = 'none';
    location.replace(target);
  }

  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('#quick-exit') : null;
    if (link) leave(event);
  }, true);

  /* Shift pressed three times, each within five seconds of the last, as GOV.UK's "Exit this page":
   * not Escape, which stops a page loading in some browsers. Shift held for a capital letter does not count. */
  var presses = 0;
  var timer = 0;
  var lastWasModified = false;
  function status(text) {
    var box = document.getElementById('quick-exit-status');
    if (box) box.textContent = text || '';
    var button = document.getElementById('quick-exit');
    if (button) button.setAttribute('data-presses', String(presses));
  }
  function reset() {
    clearTimeout(timer);
    presses = 0;
    status('');
  }
  document.addEventListener('keyup', function (event) {
    if (event.key === 'Shift' && !lastWasModified) {
      presses += 1;
      clearTimeout(timer);
      if (presses >= 3) {
        presses = 0;
        leave();
        return;
      }
      var button = document.getElementById('quick-exit');
      status(button ? button.getAttribute(presses === 1 ? 'data-two-more' : 'data-one-more') : '');
      timer = setTimeout(reset, 5000);
    } else if (presses) {
      reset();
    }
    lastWasModified = event.shiftKey;
  }, true);

  // Brought back from the back-forward cache (Back from the neutral site to an earlier entry): show it again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      gone = false;
      root.style.display = '';
      reset();
    }
  });
})();
