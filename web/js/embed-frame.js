/* The /embed page: the widget alone, for sites that allow only iframes. Options come from the query
 * string (/embed?lang=uk&mode=search&population=transgender&accent=%236b2c91); the height goes to the framing page
 * as {type: 'practice-finder:height', height} messages (see /embed.html for the snippet that uses them). */
import { PRESETS, mount } from './finder.js';

const params = new URLSearchParams(location.search);
const options = { filters: {} };
for (const name of ['lang', 'mode', 'limit', 'placeholder']) {
  if (params.has(name)) options[name] = params.get(name);
}
for (const dim of PRESETS) {
  const values = params.getAll(dim).flatMap((v) => v.split(','));
  if (values.length) options.filters[dim] = values;
}

const box = document.getElementById('finder');
const accent = params.get('accent');
if (/^#[0-9a-f]{6}$/i.test(accent || '')) box.style.setProperty('--pf-accent', accent);
document.body.style.margin = '0';
document.body.style.background = 'transparent';

mount(box, options).then((used) => {
  document.documentElement.lang = used.lang;
  if (window.parent === window) return;
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(box.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // Only a number leaves the frame: never what was typed.
    window.parent.postMessage({ type: 'practice-finder:height', height }, '*');
  }).observe(box);
});
