/* Practice Finder widget for partner sites (see /embed.html):
 *   <practice-finder lang="uk"></practice-finder><script src="https://HOST/widget.js" async></script>
 * or, where a CMS strips unknown tags, PracticeFinder.mount(element, {lang: 'uk', mode: 'search'}).
 * This loader is all a page fetches until a widget is on it; the widget itself (js/finder.js and the
 * modules it shares with Practice Finder's own page) comes from the same host, and so does everything else. */
(function () {
  'use strict';
  if (window.PracticeFinder) return; // the tag was pasted twice

  var script = document.currentScript || document.querySelector('script[src$="/widget.js"]');
  var finderUrl = new URL('js/finder.js', script ? script.src : location.href).href;
  var finder = null;

  function mount(element, options) {
    if (!element || typeof element.attachShadow !== 'function') {
      return Promise.reject(new TypeError('PracticeFinder.mount(element, options) needs an element'));
    }
    finder = finder || import(finderUrl);
    return finder.then(function (module) { return module.mount(element, options || {}); });
  }

  window.PracticeFinder = { mount: mount };

  if (window.customElements && !customElements.get('practice-finder')) {
    customElements.define('practice-finder', class extends HTMLElement {
      connectedCallback() {
        // Attributes are read once, here; a partner page that changes them replaces the element.
        if (!this.pfMounted) this.pfMounted = mount(this, {}).catch(function (error) { console.error(error); });
      }
    });
  }
}());
