/* The page's list views: search results and challenge results, with detected topics, match strength,
 * pager, filters and downloads. */
import { errorMessage, isAbort } from '../api.js';
import { asArray, h, toCount } from '../dom.js';
import { resultCard, spellingLine } from '../results.js';
import { findCheckbox, renderActiveFilters, renderFacets, renderFilterControls } from './facets.js';
import { buildHash, filterParams, navigate } from './routes.js';
import { guidanceBox } from './guidance.js';
import { $, freshSignal, listRoute, showAlert, showView, state } from './state.js';
import { renderDownloads } from './takeaway.js';

const PAGE_SIZE = 10;
/** Challenge results shown before the loosely related tail is folded, when nothing fits well. */
const NEAREST = 3;

export async function showList(route, opts) {
  showView('finder');
  syncForms(route);
  renderFilterControls(route);
  showWorking(false);

  const isChallenge = route.view === 'challenge';
  // The challenge's text is part of the key in memory only.
  const key = [state.lang, buildHash(route), isChallenge ? route.q + '\n' + route.exclude.join(' ') + '\n' + route.exact : ''].join('\n');
  if (opts.returning && !opts.force && state.listCache && state.listCache.key === key) {
    renderList(route, state.listCache.data, state.listCache.facetData);
    restoreListPosition();
    return;
  }

  setBusy(true);
  showWorking(isChallenge && !!route.q.trim());
  try {
    const signal = freshSignal();
    const loaded = isChallenge ? await loadChallenge(route, signal) : await loadSearch(route, signal);
    if (state.route !== route) return; // a newer route has taken over
    if (!isChallenge && outOfRange(route, loaded.data)) return;
    state.listCache = { key, data: loaded.data, facetData: loaded.facetData };
    renderList(route, loaded.data, loaded.facetData);
    if (opts.returning) restoreListPosition();
  } catch (error) {
    if (isAbort(error)) return;
    showAlert(errorMessage(error, state.tx, true));
    clearResults(); // stale cards, counts and topics under an error message would mislead
    if (Object.keys(route.filters).length) { // e.g. a stale link with a filter value that no longer exists
      $('alert').append(' ', h('a', { href: buildHash(Object.assign({}, route, { filters: {}, page: 1 })), text: state.tx.t('clearFilters') }));
    }
  } finally {
    if (state.route === route) {
      setBusy(false);
      showWorking(false);
    }
  }
}

/* Under the challenge's button, while its answer is on the way: on a slow connection the results are
 * off screen below, and without a word here the press looks lost. */
function showWorking(on) {
  const hint = $('challenge-hint');
  hint.textContent = state.tx.t(on ? 'challengeWorking' : 'challengeHint');
  hint.classList.toggle('is-working', on);
}

/* "Page 99 of 4" never shows: a page past the end becomes the last page, in place. */
function outOfRange(route, data) {
  const total = toCount(data.total, 0);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (route.page <= pages) return false;
  navigate(buildHash(Object.assign({}, route, { page: pages })), { replace: true });
  return true;
}

function loadSearch(route, signal) {
  const params = filterParams(route, new URLSearchParams({ q: route.q.trim() }));
  for (const id of route.exclude) params.append('exclude', id);
  params.set('page', String(route.page));
  params.set('size', String(PAGE_SIZE));
  if (route.exact) params.set('spell', 'off');
  return state.api.search(params, signal).then((data) => ({ data, facetData: data }));
}

/* The recommend answer carries no facets; the filter counts come from an
 * empty search with the same filters (fetched alongside, failures ignored).
 * Without a challenge in memory (a reload, a shared link) only the counts are fetched. */
async function loadChallenge(route, signal) {
  const facetParams = filterParams(route, new URLSearchParams({ q: '', page: '1', size: '1' }));
  const facetRequest = state.api.search(facetParams, signal).catch(() => null);
  if (!route.q.trim()) return { data: { results: [], concepts: [], noText: true }, facetData: await facetRequest };
  const body = { challenge: route.q.trim(), filters: route.filters, exclude: route.exclude };
  if (route.exact) body.spell = 'off';
  const data = await state.api.recommend(body, signal);
  return { data, facetData: await facetRequest };
}

function clearResults() {
  state.listCache = null;
  $('results').classList.remove('is-first-load');
  $('results-count').textContent = '';
  $('results-list').replaceChildren();
  $('facets').replaceChildren();
  $('concepts').replaceChildren();
  $('spelling').replaceChildren();
  $('spelling').hidden = true;
  $('show-results').hidden = true;
  $('guidance-found').replaceChildren();
  for (const id of ['concepts', 'guidance-found', 'fit-note', 'more-results', 'pager', 'empty', 'downloads']) $(id).hidden = true;
}

function setBusy(busy) {
  const results = $('results');
  results.setAttribute('aria-busy', busy ? 'true' : 'false');
  results.classList.toggle('is-loading', busy);
  // Before the first answer, placeholder cards hold the space the results will take.
  if (busy && results.classList.contains('is-first-load') && !$('results-list').children.length) {
    $('results-list').replaceChildren(...[0, 1, 2].map(() => h('li', { class: 'card skeleton', 'aria-hidden': 'true' })));
  }
}

function syncForms(route) {
  const input = route.view === 'challenge' ? $('challenge-input') : $('search-input');
  // Never overwrite what the user is typing right now.
  if (document.activeElement !== input && input.value !== route.q) input.value = route.q;
  selectTab(route.view, false);
  updateChallengeLeft();
}

/** "120 characters left", once the challenge is near the box's maximum length. */
export function updateChallengeLeft() {
  const input = $('challenge-input');
  const max = toCount(input.getAttribute('maxlength'), 4000);
  const left = max - input.value.length;
  $('challenge-left').textContent = state.tx && left <= max / 10 ? state.tx.plural('charsLeft', left) : '';
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
  $('results').classList.remove('is-first-load');

  $('results-heading').textContent = resultsHeading(tx, route);
  const count = tx.plural('count', total);
  const corrected = typeof data.didYouMean === 'string' ? data.didYouMean : null;
  $('results-count').textContent = data.noText ? '' : route.q.trim() && !isChallenge
    ? tx.t('countFor', { count, q: (corrected || route.q).trim() }) : count;

  renderSpelling(route, corrected);
  renderConcepts(asArray(data.concepts), route);
  const guidance = guidanceBox(data, route);
  $('guidance-found').hidden = !guidance;
  $('guidance-found').replaceChildren(...(guidance ? [guidance] : []));
  const cards = hits.map((hit) => resultCard(hit, {
    tx, labels: state.facetLabelMaps, href: (id) => buildHash({ view: 'practice', id }),
    heading: 'h3', challenge: isChallenge, evidence: true, snippets: Infinity
  }));
  $('results-list').replaceChildren(...cards);
  if (isChallenge) foldWeakTail(hits, cards);
  else $('fit-note').hidden = $('more-results').hidden = true;

  const empty = $('empty');
  empty.hidden = hits.length > 0;
  empty.textContent = hits.length ? '' : emptyText(tx, data, isChallenge);

  renderPager(route, isChallenge ? null : data, total);
  renderFacets(facetData && facetData.facets, route, data.noText ? null : total);
  renderActiveFilters(route); // the values' labels are known now
  $('facet-note').hidden = !isChallenge || !(facetData && facetData.facets);
  renderDownloads(route, hits, total);
  applyPendingFocus();
}

/*
 * Strong and good matches are shown; the loosely related practices after the last of them are
 * folded behind a button. When none fits well, the page says so, shows the nearest few, and
 * offers a search instead.
 */
function foldWeakTail(hits, cards) {
  const tx = state.tx;
  let lastFit = -1;
  hits.forEach((hit, i) => { if (hit.strength === 'strong' || hit.strength === 'good') lastFit = i; });
  const noneFits = hits.length > 0 && lastFit < 0;
  const shown = noneFits ? Math.min(NEAREST, hits.length) : lastFit + 1;
  const folded = hits.length - shown;

  const note = $('fit-note');
  note.hidden = !noneFits;
  if (noneFits) {
    note.replaceChildren(h('p', { text: tx.t('nothingFits') }),
      h('button', { type: 'button', class: 'btn', onclick: searchInstead }, tx.t('searchInstead')));
  }

  const more = $('more-results');
  more.hidden = folded < 1;
  if (folded < 1) return more.replaceChildren();
  const open = state.showRelated;
  cards.slice(shown).forEach((card) => { card.hidden = !open; });
  const button = h('button', {
    type: 'button', class: 'btn', 'aria-expanded': String(open), 'aria-controls': 'results-list',
    onclick: () => {
      state.showRelated = !state.showRelated;
      foldWeakTail(hits, cards);
      const first = cards[shown] && cards[shown].querySelector('a');
      if (state.showRelated && first) first.focus(); else $('more-results').querySelector('button').focus();
    }
  }, open ? tx.t('hideRelated') : tx.plural('showRelated', folded));
  more.replaceChildren(button);
}

function searchInstead() {
  selectTab('search', false);
  const input = $('search-input');
  input.focus();
  input.scrollIntoView({ block: 'center' });
}

function emptyText(tx, data, isChallenge) {
  if (data.noText) return tx.t('challengeNoText');
  return isChallenge ? tx.t('noResultsChallenge') : tx.t('noResults');
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

/*
 * "Showing results for “police”" with a control for exactly what was typed; after it, a line saying the
 * results are for the text as typed, with a control back to the correction (remembered in memory).
 */
function renderSpelling(route, corrected) {
  const box = $('spelling');
  const typed = route.q.trim();
  if (corrected) state.correction = { view: route.view, typed, corrected };
  const known = state.correction;
  const again = route.exact && known && known.view === route.view && known.typed === typed;
  box.hidden = !corrected && !again;
  if (box.hidden) return box.replaceChildren();
  box.replaceChildren(spellingLine(state.tx, {
    typed, corrected: corrected || known.corrected, exact: !corrected, challenge: route.view === 'challenge',
    control: (label) => spellingControl(route, !corrected, label)
  }));
}

/** A search's control is a link (its address says spell=off); a challenge's, whose text is never in the address, a button. */
function spellingControl(route, exact, label) {
  const wanted = !exact; // the control asks for the other reading
  if (route.view === 'challenge') {
    return h('button', {
      type: 'button', class: 'link-button',
      onclick: () => {
        state.challenge = Object.assign({}, state.challenge, { exact: wanted });
        state.pendingFocus = { spelling: true };
        navigate(buildHash(route));
      }
    }, label);
  }
  return h('a', {
    href: buildHash(Object.assign({}, route, { exact: wanted, page: 1 })),
    onclick: () => { state.pendingFocus = { spelling: true }; }
  }, label);
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
  if (route.view === 'challenge') { // a challenge's removed topics stay in memory with its text
    state.challenge = Object.assign({}, state.challenge, { exclude: state.challenge.exclude.concat(id) });
    return navigate(buildHash(route));
  }
  navigate(buildHash(Object.assign({}, route, { exclude: route.exclude.concat(id) })));
}

function renderPager(route, data, total) {
  const tx = state.tx;
  const pager = $('pager');
  const size = data ? toCount(data.size, PAGE_SIZE) || PAGE_SIZE : PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(data ? toCount(data.page, route.page) || 1 : 1, pages);
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
  if (want.spelling) { // the control that reads the text the other way, in place of the one just used
    const control = document.querySelector('#spelling a, #spelling button');
    if (control) return control.focus();
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
