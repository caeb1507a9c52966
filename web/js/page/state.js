/* The only mutable state of the page, shared by its modules. */
import { createApi } from '../api.js';
import { parseHash } from './routes.js';

export const state = {
  lang: 'en',
  tx: null,               // Texts of the current language
  api: createApi('', 'en'),
  route: null,            // parsed current fragment
  listHash: '#/search',   // last list view, for "Back to results"
  listCache: null,        // {key, data, facetData} of the last list render
  listScrollY: 0,
  langInUrl: false,       // ?lang= was given or the switcher was used
  privateHistory: false,  // searches are kept out of the URL and the history (?private=1)
  challenge: { text: '', exclude: [], exact: false }, // the typed challenge: in memory only, never in the URL
  correction: null,       // {view, typed, corrected}: the last answer's didYouMean, to offer it again after "as typed"
  routedHref: null,       // the place last routed, to route each navigation once
  backUsesHistory: false, // true when the practice was opened straight from the list or the guidance
  backToGuidance: false,  // …from the guidance: "Back" says so
  guidanceFromList: false, // the guidance shown was opened from a list (a challenge's results, say)
  lastPracticeId: null,
  facetLabelMaps: {},     // dimension -> {id: translated label}, from the last facets seen
  facetLabels: {},        // dimension -> its name in the current language, from the server
  guidanceCache: null,    // {lang, entries} of the whole guidance, loaded once per language
  expandedDims: new Set(),
  showRelated: false,     // the loosely related tail of challenge results is unfolded
  filtersOpen: false,     // phone layout only
  controller: null,       // AbortController of the list or practice request in flight
  pendingFocus: null      // what to focus after the next list render
};

export const $ = (id) => document.getElementById(id);

/** Shows one of the page's views (the finder, a practice, the guidance) and hides the others. */
export function showView(id) {
  for (const view of ['finder', 'practice', 'guidance']) $(view).hidden = view !== id;
}

/** Aborts the request in flight and returns the signal for the next one. */
export function freshSignal() {
  if (state.controller) state.controller.abort();
  state.controller = new AbortController();
  return state.controller.signal;
}

/** Dimension name from the server's facet labels (the one source); the id until they are known. */
export function dimensionName(dim) {
  return state.facetLabels[dim] || dim;
}

export function valueLabel(dim, id) {
  const map = state.facetLabelMaps[dim];
  return (map && map[id]) || id;
}

export function showAlert(text) {
  $('alert').textContent = text;
}

/** The route of the list view (the current one, else the last) with {@code changes}, on page 1. */
export function listRoute(changes) {
  const onList = state.route && (state.route.view === 'search' || state.route.view === 'challenge');
  const base = onList ? state.route : parseHash(state.listHash);
  return Object.assign({}, base, { page: 1 }, changes);
}
