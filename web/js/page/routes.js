/* The page's state as a fragment (#/search?q=…, #/challenge?population=…, #/practice/UA-4,
 * #/guidance?kind=gap, #/guidance/gap-stigma), kept in
 * the URL (fragments are never sent to servers), or only in memory when the person keeps their
 * searches out of the browser's history. A typed challenge is never part of it: the challenge view's
 * fragment carries only the filters, and its text and removed topics stay in memory (state.challenge). */
import { appendFilters } from '../api.js';
import { state } from './state.js';

// Known facet dimensions come first; others (e.g. 'year') follow in server order.
const DIMENSIONS = ['population', 'setting', 'service', 'country', 'location'];
// Fragment parameters that are not facet filters.
const RESERVED_PARAMS = new Set(['q', 'page', 'size', 'lang', 'exclude', 'private', 'spell']);
/** The search API's page limit. */
const MAX_PAGE = 10000;

/** The fragment while searches stay out of the URL. */
let memoryHash = '#/search';

export function orderedDimensions(dims) {
  const known = DIMENSIONS.filter((d) => dims.includes(d));
  return known.concat(dims.filter((d) => !DIMENSIONS.includes(d)));
}

/** @returns the current fragment: the URL's, or the one in memory */
export function currentHash() {
  return state.privateHistory ? memoryHash : location.hash;
}

/** @returns {view: 'practice'|'guidance-entry', id}, {view: 'guidance', kind, q}, or
 *  {view: 'search'|'challenge', q, page, filters: {dim: [ids]}, exclude: [ids]};
 *  a challenge's q and exclude come from memory, never from the fragment */
export function parseHash(hash) {
  const raw = String(hash || '').replace(/^#/, '');
  const cut = raw.indexOf('?');
  const path = cut < 0 ? raw : raw.slice(0, cut);
  const params = new URLSearchParams(cut < 0 ? '' : raw.slice(cut + 1));

  const practice = path.match(/^\/practice\/(.+)$/);
  if (practice) return { view: 'practice', id: safeDecode(practice[1]) };
  const entry = path.match(/^\/guidance\/(.+)$/);
  if (entry) return { view: 'guidance-entry', id: safeDecode(entry[1]) };
  if (path === '/guidance') return { view: 'guidance', kind: params.get('kind') || '', q: params.get('q') || '' };

  const filters = {};
  for (const [name, value] of params) {
    if (RESERVED_PARAMS.has(name) || !value) continue;
    (filters[name] = filters[name] || []);
    if (!filters[name].includes(value)) filters[name].push(value);
  }
  const page = parseInt(params.get('page'), 10);
  const challenge = path === '/challenge';
  return {
    view: challenge ? 'challenge' : 'search',
    q: challenge ? state.challenge.text : params.get('q') || '',
    page: page > 0 ? Math.min(page, MAX_PAGE) : 1,
    filters,
    exclude: challenge ? state.challenge.exclude.slice() : params.getAll('exclude').filter(Boolean),
    // the text as typed, not spelled as the practices spell it (spell=off; a challenge's in memory)
    exact: challenge ? !!state.challenge.exact : params.get('spell') === 'off'
  };
}

/**
 * An old link may carry a challenge (#/challenge?q=…): it is moved into memory and taken out of the
 * current history entry before anything else happens.
 */
export function adoptChallengeFromUrl() {
  const raw = location.hash.replace(/^#/, '');
  if (!raw.startsWith('/challenge?')) return;
  const params = new URLSearchParams(raw.slice(raw.indexOf('?') + 1));
  if (!params.has('q') && !params.has('exclude')) return;
  state.challenge = { text: params.get('q') || '', exclude: params.getAll('exclude').filter(Boolean) };
  history.replaceState(null, '', buildHash(parseHash(location.hash)));
}

function safeDecode(text) {
  try { return decodeURIComponent(text); } catch (e) { return text; }
}

export function filterParams(route, params) {
  return appendFilters(params, route.filters, orderedDimensions);
}

export function buildHash(route) {
  if (route.view === 'practice') return '#/practice/' + encodeURIComponent(route.id);
  if (route.view === 'guidance-entry') return '#/guidance/' + encodeURIComponent(route.id);
  if (route.view === 'guidance') {
    const params = new URLSearchParams();
    if (route.kind) params.set('kind', route.kind);
    if (route.q) params.set('q', route.q);
    const query = params.toString();
    return '#/guidance' + (query ? '?' + query : '');
  }
  const challenge = route.view === 'challenge';
  const params = filterParams(route, new URLSearchParams(route.q && !challenge ? { q: route.q } : {}));
  if (!challenge) for (const id of route.exclude || []) params.append('exclude', id);
  if (!challenge && route.exact) params.set('spell', 'off');
  if (route.page > 1) params.set('page', String(route.page));
  const query = params.toString();
  return '#/' + route.view + (query ? '?' + query : '');
}

/* Same hash fires no "hashchange", and replaceState and memory none at all: those moves announce
 * themselves with a "pf-route" event (force: re-render even if the fragment did not change). */
export function navigate(hash, options) {
  const opts = options || {};
  if (state.privateHistory) {
    const same = hash === memoryHash;
    memoryHash = hash;
    return announce(same);
  }
  if (hash === location.hash) return announce(true);
  if (opts.replace) {
    history.replaceState(null, '', hash);
    return announce(false);
  }
  location.hash = hash;
}

/* Back to the results list: by history where it holds the person's place in the list, else by the
 * list's fragment (after a direct link, or in memory when searches are kept out of history). */
export function returnToList(useHistory) {
  if (useHistory) history.back();
  else navigate(state.listHash);
}

/**
 * Starts or stops keeping searches out of the URL and history. Starting takes the fragment out of the
 * current entry (earlier entries stay: the page cannot reach them); stopping puts it back.
 */
export function setPrivateHistory(on) {
  if (on === state.privateHistory) return;
  const url = new URL(location.href);
  if (on) {
    memoryHash = location.hash || '#/search';
    url.searchParams.set('private', '1');
    url.hash = '';
  } else {
    url.searchParams.delete('private');
    url.hash = memoryHash;
  }
  state.privateHistory = on;
  history.replaceState(null, '', url.href);
}

/** Starts in memory when the URL asks for it (?private=1). */
export function startPrivateHistory() {
  if (new URLSearchParams(location.search).get('private') !== '1') return;
  memoryHash = location.hash || '#/search';
  state.privateHistory = true;
  if (location.hash) history.replaceState(null, '', location.href.replace(/#.*$/, ''));
}

function announce(force) {
  window.dispatchEvent(new CustomEvent('pf-route', { detail: { force } }));
}
