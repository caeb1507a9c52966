/* Practice Finder's page: the entry module. Plain JavaScript, nothing from other hosts, no cookies, no storage.
 * All state that must survive a reload or a shared link lives in the URL fragment (see routes.js). */
import { createApi } from '../api.js';
import { LANGS, loadTexts, pickLanguage } from '../i18n.js';
import { activeFilterCount, updateFiltersToggle } from './facets.js';
import { selectTab, showList } from './list.js';
import { showPractice } from './practice.js';
import { buildHash, navigate, parseHash } from './routes.js';
import { $, listRoute, showAlert, state } from './state.js';

const DEBOUNCE_MS = 300;
let debounceTimer = 0;

// ---------------------------------------------------------------- routing

function onRoute(options) {
  const opts = options || {};
  keepLanguageInUrl();
  // "popstate" and "hashchange" both fire for one fragment move; route once.
  if (!opts.force && location.href === state.routedHref) return;
  state.routedHref = location.href;
  const prev = state.route;
  const route = parseHash(location.hash);
  state.route = route;
  showAlert('');
  if (route.view === 'practice') {
    const fromList = !!prev && prev.view !== 'practice';
    if (fromList) state.listScrollY = window.scrollY;
    // A forced re-render (language switch) keeps how we arrived here.
    if (!opts.force) state.backUsesHistory = fromList;
    state.lastPracticeId = route.id;
    showPractice(route.id);
  } else {
    state.listHash = buildHash(route);
    showList(route, { fromPractice: !!prev && prev.view === 'practice', force: opts.force });
  }
}

// ---------------------------------------------------------------- tabs and forms

function onTabKey(event) {
  const keys = { ArrowLeft: 'search', ArrowRight: 'challenge', Home: 'search', End: 'challenge' };
  if (!(event.key in keys)) return;
  event.preventDefault();
  selectTab(keys[event.key], true);
}

function runSearch(q, replace) {
  navigate(buildHash(listRoute({ view: 'search', q, exclude: [] })), { replace });
}

function onSearchInput(event) {
  clearTimeout(debounceTimer);
  const q = event.target.value;
  debounceTimer = setTimeout(() => {
    // Typing rewrites the current entry so Back is not flooded with half-words.
    runSearch(q, state.route && state.route.view === 'search');
  }, DEBOUNCE_MS);
}

function onSearchSubmit(event) {
  event.preventDefault();
  clearTimeout(debounceTimer);
  state.pendingFocus = null;
  runSearch($('search-input').value, false);
}

function onChallengeSubmit(event) {
  event.preventDefault();
  const text = $('challenge-input').value.trim();
  if (!text) {
    showAlert(state.tx.t('challengeEmpty'));
    $('challenge-input').focus();
    return;
  }
  navigate(buildHash(listRoute({ view: 'challenge', q: text, exclude: [] })));
}

function onChallengeKey(event) {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    onChallengeSubmit(event);
  }
}

// ---------------------------------------------------------------- language

function initialLanguage() {
  const hash = location.hash;
  const hashQuery = hash.indexOf('?') >= 0 ? hash.slice(hash.indexOf('?') + 1) : '';
  const fromUrl = new URLSearchParams(location.search).get('lang') || new URLSearchParams(hashQuery).get('lang');
  state.langInUrl = LANGS.includes(fromUrl);
  return state.langInUrl ? fromUrl : pickLanguage(navigator.language);
}

async function useLanguage(lang) {
  state.tx = await loadTexts(lang);
  state.lang = state.tx.lang;
  state.api = createApi('', state.lang);
  state.facetLabels = {};
  state.facetLabelMaps = {};
}

function applyStaticTexts() {
  const tx = state.tx;
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = tx.t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = tx.t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', tx.t(node.dataset.i18nAriaLabel));
  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
  }
  $('lang-note').hidden = !tx.t('englishOnly');
  updateFiltersToggle(activeFilterCount(state.route));
}

async function setLanguage(lang) {
  if (!LANGS.includes(lang) || lang === state.lang) return;
  try {
    await useLanguage(lang);
  } catch (error) {
    showAlert(state.tx.t('networkError'));
    return;
  }
  state.langInUrl = true;
  state.listCache = null; // labels come translated from the server
  applyStaticTexts();
  onRoute({ force: true });
}

/* Keep ?lang= so a reload or a shared link stays in this language. Older history
 * entries may lack it (Back then fires only "popstate"), so it is re-applied on every route. */
function keepLanguageInUrl() {
  if (!state.langInUrl) return;
  const url = new URL(location.href);
  if (url.searchParams.get('lang') === state.lang) return;
  url.searchParams.set('lang', state.lang);
  history.replaceState(history.state, '', url.href);
}

// ---------------------------------------------------------------- start

const firstTexts = useLanguage(initialLanguage()); // started before the document is parsed

async function init() {
  try {
    await firstTexts;
  } catch (error) {
    await useLanguage('en').catch(() => null);
    if (!state.tx) { // the server is gone: say so in all three languages
      $('texts-error').hidden = false;
      return;
    }
  }
  applyStaticTexts();

  $('search-form').addEventListener('submit', onSearchSubmit);
  $('search-input').addEventListener('input', onSearchInput);
  $('challenge-form').addEventListener('submit', onChallengeSubmit);
  $('challenge-input').addEventListener('keydown', onChallengeKey);
  for (const id of ['tab-search', 'tab-challenge']) {
    $(id).addEventListener('click', () => selectTab(id === 'tab-search' ? 'search' : 'challenge', false));
    $(id).addEventListener('keydown', onTabKey);
  }
  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang));
  }
  $('filters-toggle').addEventListener('click', () => {
    state.filtersOpen = !state.filtersOpen;
    updateFiltersToggle(activeFilterCount(state.route));
  });
  $('clear-filters').addEventListener('click', () => { state.pendingFocus = { results: true }; });
  window.addEventListener('hashchange', () => onRoute({}));
  window.addEventListener('popstate', () => onRoute({}));
  window.addEventListener('pf-route', (event) => onRoute({ force: event.detail.force }));
  onRoute({});
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
