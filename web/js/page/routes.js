/* The page's state in the URL fragment (#/search?q=…, #/challenge?q=…, #/practice/UA-4);
 * fragments are never sent to servers. */
import { appendFilters } from '../api.js';

// Known facet dimensions come first; others (e.g. 'year') follow in server order.
const DIMENSIONS = ['population', 'setting', 'service', 'country', 'location'];
// Fragment parameters that are not facet filters.
const RESERVED_PARAMS = new Set(['q', 'page', 'size', 'lang', 'exclude']);

export function orderedDimensions(dims) {
  const known = DIMENSIONS.filter((d) => dims.includes(d));
  return known.concat(dims.filter((d) => !DIMENSIONS.includes(d)));
}

/** @returns {view: 'practice', id} or {view: 'search'|'challenge', q, page, filters: {dim: [ids]}, exclude: [ids]} */
export function parseHash(hash) {
  const raw = String(hash || '').replace(/^#/, '');
  const cut = raw.indexOf('?');
  const path = cut < 0 ? raw : raw.slice(0, cut);
  const params = new URLSearchParams(cut < 0 ? '' : raw.slice(cut + 1));

  const practice = path.match(/^\/practice\/(.+)$/);
  if (practice) return { view: 'practice', id: safeDecode(practice[1]) };

  const filters = {};
  for (const [name, value] of params) {
    if (RESERVED_PARAMS.has(name) || !value) continue;
    (filters[name] = filters[name] || []);
    if (!filters[name].includes(value)) filters[name].push(value);
  }
  const page = parseInt(params.get('page'), 10);
  return {
    view: path === '/challenge' ? 'challenge' : 'search',
    q: params.get('q') || '',
    page: page > 0 ? page : 1,
    filters,
    exclude: params.getAll('exclude').filter(Boolean)
  };
}

function safeDecode(text) {
  try { return decodeURIComponent(text); } catch (e) { return text; }
}

export function filterParams(route, params) {
  return appendFilters(params, route.filters, orderedDimensions);
}

export function buildHash(route) {
  if (route.view === 'practice') return '#/practice/' + encodeURIComponent(route.id);
  const params = filterParams(route, new URLSearchParams(route.q ? { q: route.q } : {}));
  for (const id of route.exclude || []) params.append('exclude', id);
  if (route.page > 1) params.set('page', String(route.page));
  const query = params.toString();
  return '#/' + route.view + (query ? '?' + query : '');
}

/* Same hash fires no "hashchange", and replaceState none at all: those moves announce
 * themselves with a "pf-route" event (force: re-render even if the URL did not change). */
export function navigate(hash, options) {
  const opts = options || {};
  if (hash === location.hash) return announce(true);
  if (opts.replace) {
    history.replaceState(null, '', hash);
    return announce(false);
  }
  location.hash = hash;
}

function announce(force) {
  window.dispatchEvent(new CustomEvent('pf-route', { detail: { force } }));
}
