/* The page's list views: search results and challenge results, with detected topics, pager and filters. */
import { errorMessage, isAbort } from '../api.js';
import { asArray, h, toCount } from '../dom.js';
import { resultCard } from '../results.js';
import { activeFilterCount, findCheckbox, renderFacets } from './facets.js';
import { buildHash, filterParams, navigate } from './routes.js';
import { $, freshSignal, listRoute, showAlert, state } from './state.js';

const PAGE_SIZE = 10;

export async function showList(route, opts) {
  $('practice').hidden = true;
  $('finder').hidden = false;
  document.title = state.tx.t('appName');
  syncForms(route);

  const key = state.lang + ' ' + buildHash(route);
  if (opts.fromPractice && !opts.force && state.listCache && state.listCache.key === key) {
    renderList(route, state.listCache.data, state.listCache.facetData);
    restoreListPosition();
    return;
  }

  setBusy(true);
  try {
    const signal = freshSignal();
    const loaded = route.view === 'challenge' ? await loadChallenge(route, signal) : await loadSearch(route, signal);
    if (state.route !== route) return; // a newer route has taken over
    state.listCache = { key, data: loaded.data, facetData: loaded.facetData };
    renderList(route, loaded.data, loaded.facetData);
    if (opts.fromPractice) restoreListPosition();
  } catch (error) {
    if (isAbort(error)) return;
    showAlert(errorMessage(error, state.tx));
    clearResults(); // stale cards under an error message would mislead
    if (Object.keys(route.filters).length) { // e.g. a stale link with a filter value that no longer exists
      $('alert').append(' ', h('a', { href: buildHash(Object.assign({}, route, { filters: {}, page: 1 })), text: state.tx.t('clearFilters') }));
    }
  } finally {
    if (state.route === route) setBusy(false);
  }
}

function loadSearch(route, signal) {
  const params = filterParams(route, new URLSearchParams({ q: route.q.trim() }));
  for (const id of route.exclude) params.append('exclude', id);
  params.set('page', String(route.page));
  params.set('size', String(PAGE_SIZE));
  return state.api.search(params, signal).then((data) => ({ data, facetData: data }));
}

/* The recommend answer carries no facets; the filter counts come from an
 * empty search with the same filters (fetched alongside, failures ignored). */
async function loadChallenge(route, signal) {
  const body = { challenge: route.q.trim(), filters: route.filters, exclude: route.exclude };
  const facetParams = filterParams(route, new URLSearchParams({ q: '', page: '1', size: '1' }));
  const facetRequest = state.api.search(facetParams, signal).catch(() => null);
  const data = await state.api.recommend(body, signal);
  return { data, facetData: await facetRequest };
}

function clearResults() {
  state.listCache = null;
  $('results-count').textContent = '';
  $('results-list').replaceChildren();
  $('concepts').hidden = true;
  $('pager').hidden = true;
  $('empty').hidden = true;
}

function setBusy(busy) {
  const results = $('results');
  results.setAttribute('aria-busy', busy ? 'true' : 'false');
  results.classList.toggle('is-loading', busy);
}

function syncForms(route) {
  const input = route.view === 'challenge' ? $('challenge-input') : $('search-input');
  // Never overwrite what the user is typing right now.
  if (document.activeElement !== input && input.value !== route.q) input.value = route.q;
  selectTab(route.view, false);
}

export function selectTab(view, moveFocus) {
  const isChallenge = view === 'challenge';
  for (const [tabId, panelId, on] of [['tab-search', 'panel-search', !isChallenge], ['tab-challenge', 'panel-challenge', isChallenge]]) {
    const tab = $(tabId);
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(panelId).hidden = !on;
    if (on && moveFocus) tab.focus();
  }
}

function renderList(route, data, facetData) {
  rememberFacets(facetData);
  const tx = state.tx;
  const isChallenge = route.view === 'challenge';
  const hits = isChallenge ? asArray(data.results) : asArray(data.hits);
  const total = isChallenge ? hits.length : toCount(data.total, hits.length);

  $('results-heading').textContent = resultsHeading(tx, route);
  const count = tx.plural('count', total);
  $('results-count').textContent = route.q.trim() && !isChallenge
    ? tx.t('countFor', { count, q: route.q.trim() }) : count;

  renderConcepts(asArray(data.concepts), route);
  $('results-list').replaceChildren(...hits.map((hit) => resultCard(hit, {
    tx, labels: state.facetLabelMaps, href: (id) => buildHash({ view: 'practice', id }),
    heading: 'h3', challenge: isChallenge, evidence: true, snippets: Infinity
  })));

  const empty = $('empty');
  empty.hidden = hits.length > 0;
  empty.textContent = hits.length ? '' : tx.t(isChallenge ? 'noResultsChallenge' : 'noResults');

  renderPager(route, isChallenge ? null : data, total);
  renderFacets(facetData && facetData.facets, route);
  $('facet-note').hidden = !isChallenge || !(facetData && facetData.facets);
  applyPendingFocus();
}

function resultsHeading(tx, route) {
  if (route.view === 'challenge') return tx.t('resultsChallenge');
  if (route.q.trim()) return tx.t('resultsSearch');
  return Object.keys(route.filters).length ? tx.t('resultsFiltered') : tx.t('resultsAll');
}

function rememberFacets(facetData) {
  if (!facetData) return;
  if (facetData.facetLabels && typeof facetData.facetLabels === 'object') {
    state.facetLabels = Object.assign({}, facetData.facetLabels);
  }
  const facets = facetData.facets || {};
  for (const dim of Object.keys(facets)) {
    const map = {};
    for (const value of asArray(facets[dim])) map[value.id] = value.label || value.id;
    state.facetLabelMaps[dim] = map;
  }
}

function renderConcepts(concepts, route) {
  const tx = state.tx;
  const box = $('concepts');
  const shown = concepts.filter((c) => c && c.id && !route.exclude.includes(c.id));
  box.hidden = shown.length === 0;
  if (!shown.length) return box.replaceChildren();
  box.replaceChildren(
    h('p', { class: 'concepts-label', id: 'concepts-label', text: tx.t('detected') }),
    h('ul', { class: 'chips', 'aria-labelledby': 'concepts-label', 'aria-describedby': 'concepts-hint' },
      shown.map((c) => h('li', {},
        h('button', {
          type: 'button',
          class: 'chip chip-removable',
          'data-concept': c.id,
          title: c.matched ? tx.t('matchedText', { text: c.matched }) : null,
          'aria-label': tx.t('removeConcept', { label: c.label || c.id }),
          onclick: () => removeConcept(c.id)
        }, h('span', { text: c.label || c.id }), h('span', { class: 'chip-x', 'aria-hidden': 'true', text: '✕' }))))),
    h('p', { class: 'hint', id: 'concepts-hint', text: tx.t('conceptsHint') }));
}

function removeConcept(id) {
  const route = listRoute({});
  state.pendingFocus = { concepts: true };
  navigate(buildHash(Object.assign({}, route, { exclude: route.exclude.concat(id) })));
}

function renderPager(route, data, total) {
  const tx = state.tx;
  const pager = $('pager');
  const size = data ? toCount(data.size, PAGE_SIZE) || PAGE_SIZE : PAGE_SIZE;
  const page = data ? toCount(data.page, route.page) || 1 : 1;
  const pages = Math.max(1, Math.ceil(total / size));
  pager.hidden = !data || pages <= 1;
  if (pager.hidden) return pager.replaceChildren();
  const link = (target, label, rel) => (target >= 1 && target <= pages
    ? h('a', { class: 'btn', rel, href: buildHash(Object.assign({}, route, { page: target })), onclick: () => { state.pendingFocus = { results: true }; } },
      label)
    : h('span', { class: 'btn is-disabled', 'aria-disabled': 'true' }, label));
  pager.replaceChildren(
    link(page - 1, '← ' + tx.t('prev'), 'prev'),
    h('span', { class: 'page-of', text: tx.t('pageOf', { page, pages }) }),
    link(page + 1, tx.t('next') + ' →', 'next'));
}

function applyPendingFocus() {
  const want = state.pendingFocus;
  state.pendingFocus = null;
  if (!want) return;
  if (want.checkbox) {
    const box = findCheckbox(want.checkbox.dim, want.checkbox.id);
    if (box) return box.focus();
  }
  if (want.concepts) {
    const chip = document.querySelector('#concepts .chip');
    if (chip) return chip.focus();
  }
  if (want.results || want.concepts) {
    $('results').scrollIntoView({ block: 'start' });
    $('results-heading').focus({ preventScroll: true });
  }
}

function restoreListPosition() {
  window.scrollTo(0, state.listScrollY || 0);
  const link = Array.from(document.querySelectorAll('#results-list .card-title a'))
    .find((a) => a.dataset.id === state.lastPracticeId);
  (link || $('results-heading')).focus({ preventScroll: true });
}

