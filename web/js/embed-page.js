/* /embed.html: the snippet builder. Each choice rebuilds the tags shown and the live example. */
import { createApi } from './api.js';
import { h } from './dom.js';
import { PRESETS } from './finder.js';

const SITE = new URL('../', import.meta.url).href;           // this server, as partners' pages must name it
const DEFAULT_ACCENT = '#0b5f73';
const form = document.getElementById('builder');
const $ = (id) => document.getElementById(id);

/** The builder's choices: {lang, mode, filters: {dim: id}, limit, accent}. */
function choices() {
  const filters = {};
  for (const dim of PRESETS) {
    const select = $('b-' + dim);
    if (select && select.value) filters[dim] = select.value;
  }
  const limit = parseInt($('b-limit').value, 10);
  return {
    lang: $('b-lang').value,
    mode: form.querySelector('input[name="b-mode"]:checked').value,
    filters,
    limit: limit >= 1 && limit <= 20 && limit !== 5 ? String(limit) : '',
    accent: $('b-accent').value.toLowerCase()
  };
}

/** Attributes of the tag that differ from the widget's defaults, in a stable order. */
function attributes(c) {
  const attrs = [];
  if (c.lang) attrs.push(['lang', c.lang]);
  if (c.mode !== 'challenge') attrs.push(['mode', c.mode]);
  for (const [dim, id] of Object.entries(c.filters)) attrs.push([dim, id]);
  if (c.limit) attrs.push(['limit', c.limit]);
  return attrs;
}

/** Custom properties for the chosen colour: the accent, and dark button text when white would not read. */
function themeProperties(accent) {
  if (accent === DEFAULT_ACCENT) return [];
  const props = [['--pf-accent', accent]];
  if (contrast(accent, '#ffffff') < 4.5 && contrast(accent, '#1d2125') > contrast(accent, '#ffffff')) props.push(['--pf-on-accent', '#1d2125']);
  return props;
}

function render() {
  const c = choices();
  const attrs = attributes(c);
  const props = themeProperties(c.accent);
  const style = props.map(([name, value]) => name + ': ' + value).join('; ');
  const tagAttrs = attrs.map(([name, value]) => ' ' + name + '="' + value + '"').join('') + (style ? ' style="' + style + '"' : '');
  $('snippet-tag').textContent = '<practice-finder' + tagAttrs + '></practice-finder>\n'
    + '<script src="' + SITE + 'widget.js" async></script>';

  const options = {};
  for (const [name, value] of attrs) options[name] = name === 'limit' ? Number(value) : value;
  $('snippet-mount').textContent = '<div id="practice-finder"></div>\n'
    + '<script src="' + SITE + 'widget.js"></script>\n'
    + '<script>\n  PracticeFinder.mount(document.getElementById("practice-finder"), ' + JSON.stringify(options) + ');\n</script>'
    + (style ? '\n<!-- colours: #practice-finder { ' + style + ' } in your stylesheet -->' : '');

  const query = new URLSearchParams(attrs);
  if (c.accent !== DEFAULT_ACCENT) query.set('accent', c.accent);
  const frameUrl = SITE + 'embed' + (query.toString() ? '?' + query.toString() : '');
  const origin = new URL(SITE).origin;
  $('snippet-iframe').textContent = '<iframe src="' + frameUrl.replace(/&/g, '&amp;') + '" title="Practice Finder"'
    + ' style="width: 100%; height: 640px; border: 0" loading="lazy"></iframe>\n'
    + '<script>\n'
    + '  addEventListener("message", function (e) {\n'
    + '    if (e.origin !== "' + origin + '" || !e.data || e.data.type !== "practice-finder:height") return;\n'
    + '    document.querySelectorAll("iframe").forEach(function (f) {\n'
    + '      if (f.contentWindow === e.source) f.style.height = Number(e.data.height) + "px";\n'
    + '    });\n'
    + '  });\n'
    + '</script>';

  const ratio = contrast(c.accent, '#ffffff');
  $('b-contrast').textContent = ratio >= 4.5
    ? 'Contrast on white: ' + ratio.toFixed(1) + ':1, easy to read.'
    : 'Contrast on white: ' + ratio.toFixed(1) + ':1, too light to read comfortably: choose a darker colour.';

  // The live example: a fresh element, since attributes are read once.
  const preview = h('practice-finder', Object.fromEntries(attrs.concat([['id', 'preview']])));
  for (const [name, value] of props) preview.style.setProperty(name, value);
  $('preview').replaceWith(preview);
}

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a, b) {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex) {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)));
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

/** One select per lockable dimension, with the library's values and labels. */
async function fillFilters() {
  let data = null;
  try {
    data = await createApi(SITE, 'en').facets();
  } catch (error) {
    $('b-filters').append(h('p', { class: 'hint', text: 'The list of values could not be loaded; reload the page to try again.' }));
    return;
  }
  for (const dim of PRESETS) {
    const values = (data.facets && data.facets[dim]) || [];
    $('b-filters').append(
      h('label', { for: 'b-' + dim, text: (data.facetLabels && data.facetLabels[dim]) || dim }),
      h('select', { id: 'b-' + dim },
        h('option', { value: '', text: 'Any' }),
        values.map((v) => h('option', { value: v.id, text: v.label + ' (' + v.id + ')' }))));
  }
}

async function copy(event) {
  const button = event.target.closest('[data-copy]');
  if (!button) return;
  const text = $(button.dataset.copy).textContent;
  try {
    await navigator.clipboard.writeText(text);
    $('copy-status').textContent = 'Copied.';
  } catch (error) { // no clipboard permission: select it for Ctrl+C
    const range = document.createRange();
    range.selectNodeContents($(button.dataset.copy));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    $('copy-status').textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
  }
}

form.addEventListener('input', render);
form.addEventListener('change', render);
form.addEventListener('submit', (event) => event.preventDefault());
document.addEventListener('click', copy);
fillFilters().then(render);
render();
