/* /embed.html: the snippet builder, in the page's language. Each choice rebuilds the tags shown and the live example. */
import { createApi } from './api.js';
import { h } from './dom.js';
import { PRESETS } from './finder.js';
import { LANGS, applyTexts, languageFromUrl, loadTexts, pickLanguage } from './i18n.js';

const SITE = new URL('../', import.meta.url).href;           // this server, as partners' pages must name it
const DEFAULT_ACCENT = '#0b5f73';
const form = document.getElementById('builder');
const $ = (id) => document.getElementById(id);
const langInUrl = languageFromUrl();
const firstTexts = loadTexts(langInUrl || pickLanguage(navigator.language)); // started before anything waits on it
let tx = null; // the page's texts
let keepLangInUrl = !!langInUrl;
let filtersAsked = 0;

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
    + (style ? '\n<!-- ' + tx.t('partnersSnippetColours', { rule: '#practice-finder { ' + style + ' }' }) + ' -->' : '');

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
  const readable = ratio >= 4.5;
  const shown = ratio.toLocaleString(tx.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  $('b-contrast').textContent = tx.t(readable ? 'partnersContrastOk' : 'partnersContrastLow', { ratio: shown });

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

/** One select per lockable dimension, with the library's values and labels in the page's language; keeps what was chosen. */
async function fillFilters() {
  const asked = ++filtersAsked;
  const chosen = choices().filters;
  let data = null;
  try {
    data = await createApi(SITE, tx.lang).facets();
  } catch (error) {
    data = null;
  }
  if (asked !== filtersAsked) return; // a later language's answer is on its way
  for (const node of $('b-filters').querySelectorAll('[data-filter]')) node.remove();
  if (!data) {
    $('b-filters').append(h('p', { class: 'hint', 'data-filter': '', text: tx.t('partnersValuesError') }));
    return;
  }
  for (const dim of PRESETS) {
    const values = (data.facets && data.facets[dim]) || [];
    const select = h('select', { id: 'b-' + dim, 'data-filter': '' },
      h('option', { value: '', text: tx.t('partnersAny') }),
      values.map((v) => h('option', { value: v.id, text: v.label + ' (' + v.id + ')' })));
    select.value = chosen[dim] || '';
    $('b-filters').append(h('label', { for: 'b-' + dim, 'data-filter': '', text: (data.facetLabels && data.facetLabels[dim]) || dim }), select);
  }
}

async function copy(event) {
  const button = event.target.closest('[data-copy]');
  if (!button) return;
  const text = $(button.dataset.copy).textContent;
  try {
    await navigator.clipboard.writeText(text);
    $('copy-status').textContent = tx.t('partnersCopied');
  } catch (error) { // no clipboard permission: select it for Ctrl+C
    const range = document.createRange();
    range.selectNodeContents($(button.dataset.copy));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    $('copy-status').textContent = tx.t('partnersSelected');
  }
}

/** The page's texts in {@code tx}'s language, and the links that carry it. */
function applyPageTexts() {
  applyTexts(tx);
  const exit = $('quick-exit');
  exit.setAttribute('data-two-more', tx.t('exitPressTwoMore'));
  exit.setAttribute('data-one-more', tx.t('exitPressOneMore'));
  $('home-link').setAttribute('href', './?lang=' + tx.lang);
  for (const table of document.querySelectorAll('main table')) { // on a phone each cell says its column (style.css)
    const heads = [...table.tHead.rows[0].cells].map((cell) => cell.textContent);
    for (const row of table.tBodies[0].rows) [...row.cells].forEach((cell, i) => cell.setAttribute('data-label', heads[i]));
  }
  $('copy-status').textContent = '';
  if (keepLangInUrl) { // as on the main page: once chosen, a reload or a shared link stays in it
    const url = new URL(location.href);
    url.searchParams.set('lang', tx.lang);
    history.replaceState(history.state, '', url.href);
  }
}

async function setLanguage(lang) {
  if (!LANGS.includes(lang) || (tx && lang === tx.lang)) return;
  try {
    tx = await loadTexts(lang);
  } catch (error) {
    $('texts-error').hidden = false;
    return;
  }
  $('texts-error').hidden = true;
  keepLangInUrl = true;
  applyPageTexts();
  render(); // the example widget follows the page's language unless the builder names one
  fillFilters().then(render);
}

async function init() {
  try {
    tx = await firstTexts;
  } catch (error) {
    tx = await loadTexts('en').catch(() => null);
  }
  document.documentElement.classList.remove('pf-wait'); // js/head.js kept the page hidden until now
  if (!tx) { // the server is gone: say so in all three languages
    $('texts-error').hidden = false;
    return;
  }
  applyPageTexts();

  form.addEventListener('input', render);
  form.addEventListener('change', render);
  form.addEventListener('submit', (event) => event.preventDefault());
  document.addEventListener('click', copy);
  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang));
  }
  render();
  fillFilters().then(render);
}

init();
