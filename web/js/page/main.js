/* Practice Finder's page: the entry module. Plain JavaScript, nothing from other hosts, no cookies, no storage.
 * Searches and filters live in the URL fragment (see routes.js), or only in memory when the person
 * keeps them out of history; a typed challenge lives only in memory. The title never changes. */
import { createApi } from '../api.js';
import { LANGS, applyTexts, languageFromUrl, loadTexts, pickLanguage } from '../i18n.js';
import { activeFilterCount, showResultsNow, updateFiltersToggle } from './facets.js';
import { showGuidance } from './guidance.js';
import { selectTab, showList, updateChallengeLeft } from './list.js';
import { showPractice } from './practice.js';
import { adoptChallengeFromUrl, buildHash, currentHash, navigate, parseHash, startPrivateHistory } from './routes.js';
import { applySafetyTexts, initSafety } from './safety.js';
import { $, listRoute, showAlert, state } from './state.js';

const DEBOUNCE_MS = 300;
/** Control characters but tab and line breaks: the API refuses them, and no one means to type them. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
let debounceTimer = 0;

// ---------------------------------------------------------------- routing

function onRoute(options) {
  const opts = options || {};
  adoptChallengeFromUrl(); // an old link typed or pasted into the address bar
  keepLanguageInUrl();
  // "popstate" and "hashchange" both fire for one fragment move; route once.
  const where = state.privateHistory ? 'memory ' + currentHash() : location.href;
  if (!opts.force && where === state.routedHref) return;
  state.routedHref = where;
  const prev = state.route;
  const route = parseHash(currentHash());
  state.route = route;
  showAlert('');
  const isList = isListView(route.view);
  const fromList = !!prev && isListView(prev.view);
  if (fromList && !isList) state.listScrollY = window.scrollY;
  $('skip-results').hidden = !isList;
  markSection(route.view);
  if (route.view === 'practice') {
    const fromGuidance = !!prev && prev.view.startsWith('guidance');
    // A forced re-render (language switch) keeps how we arrived here.
    if (!opts.force) {
      state.backUsesHistory = (fromList || fromGuidance) && !state.privateHistory;
      state.backToGuidance = fromGuidance && !state.privateHistory;
    }
    state.lastPracticeId = route.id;
    showPractice(route.id);
  } else if (!isList) {
    if (!opts.force) state.guidanceFromList = fromList; // its back button returns to those results
    showGuidance(route);
  } else {
    state.listHash = buildHash(route);
    // Back from a practice or the guidance: the list as it was, where it was.
    showList(route, { returning: !!prev && !fromList, force: opts.force });
  }
}

function isListView(view) {
  return view === 'search' || view === 'challenge';
}

/* The header's links say which part of the site is shown: the practices, or the manual's guidance. */
function markSection(view) {
  const guidance = view.startsWith('guidance');
  for (const link of document.querySelectorAll('.site-nav a')) {
    const current = (link.dataset.section === 'guidance') === guidance;
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/* While searches stay out of history, the page's own links move in memory, not in the URL. */
function onLinkClick(event) {
  if (!state.privateHistory || event.defaultPrevented || event.button !== 0) return;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest && event.target.closest('a[href^="#/"]');
  if (!link) return;
  event.preventDefault();
  navigate(link.getAttribute('href'));
}

/* Skip links move focus without touching the fragment, which holds the search. "Skip to results"
 * lands on the first result itself (the heading when there is none). */
function onSkipLink(event) {
  event.preventDefault();
  const id = event.currentTarget.getAttribute('href').slice(1);
  const first = id === 'results-heading' ? document.querySelector('#results-list .card:not([hidden]) .card-title a') : null;
  const target = first || $(id);
  if (!target) return;
  target.scrollIntoView({ block: first ? 'center' : 'start' });
  target.focus({ preventScroll: true });
}

// ---------------------------------------------------------------- tabs and forms

function onTabKey(event) {
  const keys = { ArrowLeft: 'search', ArrowRight: 'challenge', Home: 'search', End: 'challenge' };
  if (!(event.key in keys)) return;
  event.preventDefault();
  selectTab(keys[event.key], true);
}

function runSearch(q, replace) {
  navigate(buildHash(listRoute({ view: 'search', q: q.replace(CONTROL, ' '), exclude: [], exact: false })), { replace });
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
  state.pendingFocus = { results: true };
  runSearch($('search-input').value, false);
}

function onChallengeSubmit(event) {
  event.preventDefault();
  const text = $('challenge-input').value.replace(CONTROL, ' ').trim();
  if (!text) {
    showAlert(state.tx.t('challengeEmpty'));
    $('challenge-input').focus();
    return;
  }
  state.challenge = { text, exclude: [], exact: false };
  state.showRelated = false;
  state.pendingFocus = { results: true };
  navigate(buildHash(listRoute({ view: 'challenge', q: text, exclude: [], exact: false })));
}

function onChallengeKey(event) {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    onChallengeSubmit(event);
  }
}

// ---------------------------------------------------------------- language

function initialLanguage() {
  const fromUrl = languageFromUrl();
  state.langInUrl = !!fromUrl;
  return fromUrl || pickLanguage(navigator.language);
}

async function useLanguage(lang) {
  state.tx = await loadTexts(lang);
  state.lang = state.tx.lang;
  state.api = createApi('', state.lang);
  state.facetLabels = {};
  state.facetLabelMaps = {};
  state.guidanceCache = null;
}

function applyStaticTexts() {
  applyTexts(state.tx);
  $('partners-link').setAttribute('href', 'embed.html?lang=' + state.lang); // the partners' page opens in this language
  applySafetyTexts();
  updateChallengeLeft();
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

adoptChallengeFromUrl(); // before anything reads the URL: an old link's challenge leaves it at once
startPrivateHistory();
const firstTexts = useLanguage(initialLanguage()); // started before the document is parsed

async function init() {
  try {
    await firstTexts;
  } catch (error) {
    await useLanguage('en').catch(() => null);
    if (!state.tx) { // the server is gone: say so in all three languages
      $('texts-error').hidden = false;
      reveal();
      return;
    }
  }
  applyStaticTexts();
  reveal();

  $('search-form').addEventListener('submit', onSearchSubmit);
  $('search-input').addEventListener('input', onSearchInput);
  $('challenge-form').addEventListener('submit', onChallengeSubmit);
  $('challenge-input').addEventListener('keydown', onChallengeKey);
  $('challenge-input').addEventListener('input', updateChallengeLeft);
  for (const id of ['tab-search', 'tab-challenge']) {
    $(id).addEventListener('click', () => selectTab(id === 'tab-search' ? 'search' : 'challenge', false));
    $(id).addEventListener('keydown', onTabKey);
  }
  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang));
  }
  for (const link of document.querySelectorAll('.skip-link')) link.addEventListener('click', onSkipLink);
  $('filters-toggle').addEventListener('click', () => {
    state.filtersOpen = !state.filtersOpen;
    updateFiltersToggle(activeFilterCount(state.route));
  });
  $('show-results').addEventListener('click', showResultsNow);
  $('clear-filters').addEventListener('click', () => { state.pendingFocus = { results: true }; });
  document.addEventListener('click', onLinkClick);
  initSafety();
  window.addEventListener('hashchange', () => onRoute({}));
  window.addEventListener('popstate', () => onRoute({}));
  window.addEventListener('pf-route', (event) => onRoute({ force: event.detail.force }));
  onRoute({});
}

/* The page was kept hidden (js/head.js) until its texts were in place. */
function reveal() {
  document.documentElement.classList.remove('pf-wait');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
