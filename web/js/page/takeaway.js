/* Taking practices away: the current results as CSV or JSON (made here from the API's JSON), a
 * practice's citation, and what a printed practice adds (its address, the date, the citation).
 * Files are named plainly ("practices.csv") and carry no search words and no challenge. */
import { errorMessage } from '../api.js';
import { asArray, h } from '../dom.js';
import { strengthText } from '../results.js';
import { filterParams, orderedDimensions } from './routes.js';
import { $, showAlert, state, valueLabel } from './state.js';

/** The API's largest page: more than the library holds, so one request has every hit. */
const ALL = 100;

export function renderDownloads(route, hits, total) {
  const box = $('downloads');
  box.hidden = !hits.length;
  if (!hits.length) return box.replaceChildren();
  const tx = state.tx;
  box.replaceChildren(
    h('p', { class: 'downloads-label', text: tx.plural('downloadLabel', total) }),
    h('div', { class: 'downloads-buttons' },
      h('button', { type: 'button', class: 'btn', onclick: () => download(route, 'csv') }, tx.t('downloadCsv')),
      h('button', { type: 'button', class: 'btn', onclick: () => download(route, 'json') }, tx.t('downloadJson'))));
}

async function download(route, format) {
  let practices;
  try {
    practices = await currentPractices(route);
  } catch (error) { // the server went away since the results came: say so rather than do nothing
    showAlert(errorMessage(error, state.tx));
    return;
  }
  const isChallenge = route.view === 'challenge';
  const blob = format === 'csv'
    ? new Blob(['\uFEFF' + csv(practices, isChallenge)], { type: 'text/csv;charset=utf-8' }) // the BOM lets spreadsheets read Cyrillic
    : new Blob([JSON.stringify(jsonDocument(route, practices), null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: 'practices.' + format, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Every practice of the current results: a challenge's as shown (folded ones too), a search's on all pages. */
async function currentPractices(route) {
  if (route.view === 'challenge') return asArray(state.listCache && state.listCache.data.results);
  const params = filterParams(route, new URLSearchParams({ q: route.q.trim(), page: '1', size: String(ALL) }));
  for (const id of route.exclude) params.append('exclude', id);
  return asArray((await state.api.search(params)).hits);
}

function practiceUrl(id) {
  const url = new URL(location.pathname, location.origin);
  url.searchParams.set('lang', state.lang);
  url.hash = '/practice/' + encodeURIComponent(id);
  return url.href;
}

function dimensionsOf(practices) {
  const dims = new Set();
  for (const p of practices) for (const dim of Object.keys(p.facets || {})) dims.add(dim);
  return orderedDimensions(Array.from(dims));
}

function jsonDocument(route, practices) {
  return {
    retrieved: new Date().toISOString().slice(0, 10),
    filters: route.filters,
    practices: practices.map((p) => {
      const out = { id: p.id, title: p.title, organisation: p.organisation, country: p.country, locations: asArray(p.locations),
        facets: p.facets || {}, url: practiceUrl(p.id) };
      if (p.strength) out.strength = p.strength;
      if (p.why) out.why = p.why;
      return out;
    })
  };
}

function csv(practices, isChallenge) {
  const tx = state.tx;
  const dims = dimensionsOf(practices).filter((d) => d !== 'country' && d !== 'location');
  const header = ['id', 'title', 'organisation', 'country', 'places'].concat(dims, ['url'], isChallenge ? ['match', 'why'] : []);
  const labels = (p, dim) => asArray((p.facets || {})[dim]).map((v) => v.label || v.id).join('; ');
  // Country and places as the page names them, like the tags beside them (the ids stay in the JSON).
  const rows = practices.map((p) => [p.id, p.title, p.organisation, valueLabel('country', p.country),
    asArray(p.locations).map((l) => valueLabel('location', l)).join('; ')]
    .concat(dims.map((d) => labels(p, d)), [practiceUrl(p.id)], isChallenge ? [strengthText(tx, p.strength) || '', p.why || ''] : []));
  return [header].concat(rows).map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/* RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with an apostrophe. */
function cell(value) {
  let text = String(value == null ? '' : value);
  if (/^[=+@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function today() {
  return new Intl.DateTimeFormat(state.lang, { dateStyle: 'long' }).format(new Date());
}

/** "TAMPEP International Foundation for the CONECTA project (2013). Manual of …": a source as the API gives it. */
function sourceText(source, withSection) {
  if (!source || !source.title) return '';
  const by = [source.publisher, source.year ? '(' + source.year + ')' : null].filter(Boolean).join(' ');
  const where = withSection && source.section ? ', ' + source.section : '';
  return (by ? by + '. ' : '') + source.title + where + '.';
}

/**
 * The citation of one practice as shown: its title and organisation, ", translated" when a translation is
 * shown ({@code p.translated}), its source and place in it, with where it was read and when.
 */
export function practiceCitation(p) {
  return citationParts(p, sourceText(p.source, true)).join('');
}

/* The citation as text and nodes: the source (the English manual) in a span that says its language. */
function citationParts(p, source) {
  return state.tx.parts('practiceCitation', {
    organisation: p.organisation || '', title: p.title || p.id, id: p.id, translated: p.translated ? state.tx.t('citeTranslated') : '',
    source, url: practiceUrl(p.id), date: today()
  });
}

function sourceSpan(source, withSection) {
  return h('span', { lang: source.language || 'en', text: sourceText(source, withSection) });
}

/** A "Cite" button and the panel it opens: the practice's citation and its source's, each with a copy button. */
export function citePanel(p) {
  const tx = state.tx;
  const panel = h('div', { class: 'cite-panel', id: 'cite-panel', hidden: true },
    citeRow('cite-practice', tx.t('citePractice'), practiceCitation(p), p.source ? citationParts(p, sourceSpan(p.source, true)) : null),
    p.source ? citeRow('cite-manual', tx.t('citeManual'), sourceText(p.source, false), [sourceSpan(p.source, false)]) : null);
  const button = h('button', {
    type: 'button', class: 'btn cite', 'aria-expanded': 'false', 'aria-controls': 'cite-panel',
    onclick: (event) => {
      const open = panel.hidden;
      panel.hidden = !open;
      event.currentTarget.setAttribute('aria-expanded', String(open));
    }
  }, tx.t('cite'));
  return { button, panel };
}

/** A citation shown as {@code shown} (text and nodes; {@code text} when null) and copied as {@code text}. */
function citeRow(id, label, text, shown) {
  const status = h('span', { class: 'hint', role: 'status' });
  return h('div', { class: 'cite-row' },
    h('p', { class: 'cite-label', id: id + '-label', text: label }),
    h('p', { class: 'cite-text', id, 'aria-labelledby': id + '-label' }, shown || text),
    h('button', {
      type: 'button', class: 'link-button', 'aria-describedby': id + '-label',
      onclick: () => copy(text, $(id), status)
    }, state.tx.t('copy')), ' ', status);
}

async function copy(text, node, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = state.tx.t('copied');
  } catch (e) { // no clipboard: select the text for the person to copy
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
}

/** Printed only: the page's address for this practice, the date, and the citations. */
export function printInfo(p) {
  const tx = state.tx;
  return h('footer', { class: 'print-info' },
    h('p', { text: tx.t('printedFrom', { url: practiceUrl(p.id), date: today() }) }),
    h('p', {}, h('strong', { text: tx.t('citePractice') + ': ' }), p.source ? citationParts(p, sourceSpan(p.source, true)) : practiceCitation(p)),
    p.source ? h('p', {}, h('strong', { text: tx.t('citeManual') + ': ' }), sourceSpan(p.source, false)) : null);
}
