/* Practice Finder: static front end.
 * Plain JavaScript, no frameworks, nothing from other hosts, no cookies, no storage.
 * All state that must survive a reload or a shared link lives in the URL hash
 * (#/search?q=…, #/challenge?q=…, #/practice/UA-4); fragments are never sent to servers. */
(function () {
  'use strict';

  // ---------------------------------------------------------------- texts

  const I18N = {
    en: {
      appName: 'Practice Finder',
      tagline: '39 good practices for HIV/STI, health and rights programmes with sex workers in Ukraine and Russia',
      language: 'Language',
      skipToMain: 'Skip to main content',
      englishOnly: '',
      waysLabel: 'Two ways to find practices',
      tabSearch: 'Search the practices',
      tabSearchSub: 'By word, topic, organisation or place',
      tabChallenge: 'Describe your challenge',
      tabChallengeSub: 'In your own words, and we suggest practices that may help',
      searchLabel: 'Search words',
      searchPlaceholder: 'e.g. police, saunas, peer educators',
      searchButton: 'Search',
      searchHint: 'Results update as you type.',
      challengeLabel: 'What is happening? Describe the challenge your programme or community faces.',
      challengePlaceholder: 'The police confiscate our condoms…',
      challengeHint: 'Press “Find practices” or Ctrl+Enter.',
      challengeButton: 'Find practices',
      challengeEmpty: 'Please describe your challenge first.',
      filters: 'Filters',
      showFilters: 'Show filters',
      hideFilters: 'Hide filters',
      clearFilters: 'Clear filters',
      facetCountsNote: 'Numbers count all practices with the chosen filters.',
      showAll: 'Show all ({n})',
      showFewer: 'Show fewer',
      dim_population: 'Population',
      dim_setting: 'Setting',
      dim_service: 'Service',
      dim_country: 'Country',
      dim_location: 'City or region',
      dim_year: 'Year started',
      dim_partner: 'Partners',
      'dim_organisation-type': 'Type of organisation',
      resultsAll: 'All practices',
      resultsSearch: 'Search results',
      resultsFiltered: 'Filtered practices',
      resultsChallenge: 'Practices that may help',
      count: { one: '{n} practice', other: '{n} practices' },
      countFor: '{count} for “{q}”',
      pageOf: 'Page {page} of {pages}',
      pagination: 'Result pages',
      prev: 'Previous',
      next: 'Next',
      detected: 'Detected:',
      conceptsHint: 'Topics recognised in your text. Remove any that do not fit.',
      removeConcept: 'Remove {label}',
      matchedText: 'matched “{text}”',
      why: 'Why:',
      evidenceFrom: 'Best match in {section}',
      section_challenge: 'Challenge',
      section_action: 'Action',
      section_steps: 'Steps',
      section_outcomes: 'Outcomes',
      section_lessons: 'Lessons',
      section_title: 'Title',
      noResults: 'No practices match. Try other or fewer words, check the spelling, or clear some filters.',
      noResultsChallenge: 'No practices matched this description. Try saying who is affected, where it happens and what you need, or clear some filters.',
      networkError: 'Cannot reach the server. Check your connection and try again.',
      serverError: 'Something went wrong on the server ({status}). Please try again.',
      loading: 'Loading…',
      backToResults: 'Back to results',
      print: 'Print',
      practiceCode: 'Practice {id}',
      organisation: 'Organisation',
      country: 'Country',
      locations: 'City or region',
      website: 'Website',
      contact: 'Contact',
      tags: 'Who, where and what',
      whyTag: 'Why this tag',
      notes: 'Notes',
      similar: 'Similar practices',
      noSimilar: 'No similar practices found.',
      footer: 'Source: Manual of Good Practices on Sex Work Projects in Ukraine and the Russian Federation, CONECTA project (funded by the European Union).'
    },
    ru: {
      appName: 'Practice Finder',
      tagline: '39 успешных практик в программах по ВИЧ/ИППП, здоровью и правам секс-работников в Украине и России',
      language: 'Язык',
      skipToMain: 'Перейти к основному содержанию',
      englishOnly: 'Тексты практик доступны только на английском языке.',
      waysLabel: 'Два способа найти практики',
      tabSearch: 'Поиск по практикам',
      tabSearchSub: 'По слову, теме, организации или месту',
      tabChallenge: 'Опишите вашу проблему',
      tabChallengeSub: 'Своими словами, а мы подберём практики, которые могут помочь',
      searchLabel: 'Слова для поиска',
      searchPlaceholder: 'например: полиция, сауны, равные консультанты',
      searchButton: 'Найти',
      searchHint: 'Результаты обновляются по мере ввода.',
      challengeLabel: 'Что происходит? Опишите проблему, с которой сталкивается ваша программа или сообщество.',
      challengePlaceholder: 'Полиция изымает у нас презервативы…',
      challengeHint: 'Нажмите «Найти практики» или Ctrl+Enter.',
      challengeButton: 'Найти практики',
      challengeEmpty: 'Сначала опишите вашу проблему.',
      filters: 'Фильтры',
      showFilters: 'Показать фильтры',
      hideFilters: 'Скрыть фильтры',
      clearFilters: 'Сбросить фильтры',
      facetCountsNote: 'Числа показывают все практики с выбранными фильтрами.',
      showAll: 'Показать все ({n})',
      showFewer: 'Свернуть',
      dim_population: 'Целевая группа',
      dim_setting: 'Место работы',
      dim_service: 'Услуги',
      dim_country: 'Страна',
      dim_location: 'Город или регион',
      dim_year: 'Год начала',
      dim_partner: 'Партнёры',
      'dim_organisation-type': 'Тип организации',
      resultsAll: 'Все практики',
      resultsSearch: 'Результаты поиска',
      resultsFiltered: 'Отобранные практики',
      resultsChallenge: 'Практики, которые могут помочь',
      count: { one: '{n} практика', few: '{n} практики', many: '{n} практик', other: '{n} практики' },
      countFor: '{count} по запросу «{q}»',
      pageOf: 'Страница {page} из {pages}',
      pagination: 'Страницы результатов',
      prev: 'Предыдущая',
      next: 'Следующая',
      detected: 'Распознано:',
      conceptsHint: 'Темы, распознанные в вашем тексте. Удалите лишние.',
      removeConcept: 'Удалить: {label}',
      matchedText: 'найдено по «{text}»',
      why: 'Почему:',
      evidenceFrom: 'Лучшее совпадение: раздел «{section}»',
      section_challenge: 'Проблема',
      section_action: 'Действия',
      section_steps: 'Шаги',
      section_outcomes: 'Результаты',
      section_lessons: 'Уроки',
      section_title: 'Название',
      noResults: 'Ничего не найдено. Попробуйте другие или меньше слов, проверьте написание или сбросьте часть фильтров.',
      noResultsChallenge: 'Не удалось подобрать практики по этому описанию. Попробуйте указать, кого это касается, где это происходит и что вам нужно, или сбросьте часть фильтров.',
      networkError: 'Не удаётся связаться с сервером. Проверьте подключение и попробуйте ещё раз.',
      serverError: 'Ошибка на сервере ({status}). Попробуйте ещё раз.',
      loading: 'Загрузка…',
      backToResults: 'Назад к результатам',
      print: 'Печать',
      practiceCode: 'Практика {id}',
      organisation: 'Организация',
      country: 'Страна',
      locations: 'Город или регион',
      website: 'Сайт',
      contact: 'Контакт',
      tags: 'Кто, где и что',
      whyTag: 'Почему эта метка',
      notes: 'Примечания',
      similar: 'Похожие практики',
      noSimilar: 'Похожих практик не найдено.',
      footer: 'Источник: «Manual of Good Practices on Sex Work Projects in Ukraine and the Russian Federation», проект CONECTA (при финансовой поддержке Европейского союза).'
    },
    uk: {
      appName: 'Practice Finder',
      tagline: '39 успішних практик у програмах з ВІЛ/ІПСШ, здоров’я та прав секс-працівників в Україні та Росії',
      language: 'Мова',
      skipToMain: 'Перейти до основного вмісту',
      englishOnly: 'Тексти практик доступні лише англійською мовою.',
      waysLabel: 'Два способи знайти практики',
      tabSearch: 'Пошук за практиками',
      tabSearchSub: 'За словом, темою, організацією чи місцем',
      tabChallenge: 'Опишіть вашу проблему',
      tabChallengeSub: 'Своїми словами, а ми доберемо практики, які можуть допомогти',
      searchLabel: 'Слова для пошуку',
      searchPlaceholder: 'наприклад: поліція, сауни, рівні консультанти',
      searchButton: 'Знайти',
      searchHint: 'Результати оновлюються під час введення.',
      challengeLabel: 'Що відбувається? Опишіть проблему, з якою стикається ваша програма чи спільнота.',
      challengePlaceholder: 'Поліція вилучає в нас презервативи…',
      challengeHint: 'Натисніть «Знайти практики» або Ctrl+Enter.',
      challengeButton: 'Знайти практики',
      challengeEmpty: 'Спочатку опишіть вашу проблему.',
      filters: 'Фільтри',
      showFilters: 'Показати фільтри',
      hideFilters: 'Сховати фільтри',
      clearFilters: 'Скинути фільтри',
      facetCountsNote: 'Числа показують усі практики з вибраними фільтрами.',
      showAll: 'Показати всі ({n})',
      showFewer: 'Згорнути',
      dim_population: 'Цільова група',
      dim_setting: 'Місце роботи',
      dim_service: 'Послуги',
      dim_country: 'Країна',
      dim_location: 'Місто чи регіон',
      dim_year: 'Рік початку',
      dim_partner: 'Партнери',
      'dim_organisation-type': 'Тип організації',
      resultsAll: 'Усі практики',
      resultsSearch: 'Результати пошуку',
      resultsFiltered: 'Відібрані практики',
      resultsChallenge: 'Практики, які можуть допомогти',
      count: { one: '{n} практика', few: '{n} практики', many: '{n} практик', other: '{n} практики' },
      countFor: '{count} за запитом «{q}»',
      pageOf: 'Сторінка {page} з {pages}',
      pagination: 'Сторінки результатів',
      prev: 'Попередня',
      next: 'Наступна',
      detected: 'Розпізнано:',
      conceptsHint: 'Теми, розпізнані у вашому тексті. Видаліть зайві.',
      removeConcept: 'Видалити: {label}',
      matchedText: 'знайдено за «{text}»',
      why: 'Чому:',
      evidenceFrom: 'Найкращий збіг: розділ «{section}»',
      section_challenge: 'Проблема',
      section_action: 'Дії',
      section_steps: 'Кроки',
      section_outcomes: 'Результати',
      section_lessons: 'Уроки',
      section_title: 'Назва',
      noResults: 'Нічого не знайдено. Спробуйте інші або менше слів, перевірте написання чи скиньте частину фільтрів.',
      noResultsChallenge: 'Не вдалося дібрати практики за цим описом. Спробуйте вказати, кого це стосується, де це відбувається і що вам потрібно, або скиньте частину фільтрів.',
      networkError: 'Не вдається зв’язатися із сервером. Перевірте з’єднання та спробуйте ще раз.',
      serverError: 'Помилка на сервері ({status}). Спробуйте ще раз.',
      loading: 'Завантаження…',
      backToResults: 'Назад до результатів',
      print: 'Друк',
      practiceCode: 'Практика {id}',
      organisation: 'Організація',
      country: 'Країна',
      locations: 'Місто чи регіон',
      website: 'Сайт',
      contact: 'Контакт',
      tags: 'Хто, де і що',
      whyTag: 'Чому ця мітка',
      notes: 'Примітки',
      similar: 'Схожі практики',
      noSimilar: 'Схожих практик не знайдено.',
      footer: 'Джерело: «Manual of Good Practices on Sex Work Projects in Ukraine and the Russian Federation», проєкт CONECTA (за фінансової підтримки Європейського Союзу).'
    }
  };

  // ---------------------------------------------------------------- constants

  const LANGS = ['en', 'ru', 'uk'];
  // Known facet dimensions come first; others (e.g. 'year') follow in server order.
  const DIMENSIONS = ['population', 'setting', 'service', 'country', 'location'];
  const SECTIONS = ['challenge', 'action', 'steps', 'outcomes', 'lessons'];
  const ORDERED_SECTIONS = new Set(['steps']);
  const FACT_DIMENSIONS = new Set(['country', 'location']);
  // Hash parameters that are not facet filters.
  const RESERVED_PARAMS = new Set(['q', 'page', 'size', 'lang', 'exclude']);
  const PAGE_SIZE = 10;
  const DEBOUNCE_MS = 300;
  const FACET_VISIBLE = 8; // longer value lists get a "Show all" toggle

  // The only mutable state of the page.
  const state = {
    lang: 'en',
    route: null,            // parsed current hash
    listHash: '#/search',   // last list view, for "Back to results"
    listCache: null,        // {key, data, facetData} of the last list render
    listScrollY: 0,
    langInUrl: false,       // ?lang= was given or the switcher was used
    routedHref: null,       // the URL last routed, to route each navigation once
    backUsesHistory: false, // true when the practice was opened straight from the list
    lastPracticeId: null,
    facetLabelMaps: {},     // dimension -> {id: translated label}, from the last facets seen
    facetLabels: {},        // dimension -> translated dimension name from the server
    expandedDims: new Set(),
    filtersOpen: false,     // phone layout only
    controller: null,       // AbortController of the request in flight
    debounceTimer: 0,
    pendingFocus: null      // what to focus after the next list render
  };

  // ---------------------------------------------------------------- small helpers

  const $ = (id) => document.getElementById(id);

  function t(key, vars) {
    const table = I18N[state.lang] || I18N.en;
    let text = key in table ? table[key] : (key in I18N.en ? I18N.en[key] : key);
    if (typeof text !== 'string') text = String(text);
    return fill(text, vars);
  }

  function fill(text, vars) {
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  }

  // Russian and Ukrainian need one/few/many forms.
  function plural(key, n) {
    const forms = (I18N[state.lang] || I18N.en)[key] || I18N.en[key];
    const rule = new Intl.PluralRules(state.lang).select(n);
    const form = forms[rule] || forms.other;
    return fill(form, { n: n.toLocaleString(state.lang) });
  }

  // Tiny element builder; strings always become text nodes, never HTML.
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /* Server snippets are HTML-escaped except for <mark>. Drop every other tag
   * and escape any stray "<", so the only elements innerHTML can create are <mark>. */
  function markOnly(html) {
    return String(html == null ? '' : html)
      .replace(/<\/?[A-Za-z!?][^<>]*>/g, (tag) => (/^<\/?mark>$/i.test(tag) ? tag.toLowerCase() : ''))
      .replace(/<(?!\/?mark>)/g, '&lt;');
  }

  function markedSpan(html, className) {
    const span = h('span', { class: className, lang: 'en' });
    span.innerHTML = markOnly(html);
    return span;
  }

  function sectionName(section) {
    const key = 'section_' + section;
    return key in I18N.en ? t(key) : String(section || '');
  }

  function dimensionName(dim) {
    if (state.facetLabels[dim]) return state.facetLabels[dim];
    return ('dim_' + dim) in I18N.en ? t('dim_' + dim) : dim;
  }

  function valueLabel(dim, id) {
    const map = state.facetLabelMaps[dim];
    return (map && map[id]) || id;
  }

  // Only http(s) links; the manual prints bare "www.example.org".
  function safeUrl(raw) {
    const text = String(raw || '').trim();
    if (!text) return null;
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : 'http://' + text;
    try {
      const url = new URL(withScheme);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function looksLikeEmail(text) {
    return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(String(text || '').trim());
  }

  // ---------------------------------------------------------------- routes

  function parseHash(hash) {
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

  function filterParams(route, params) {
    for (const dim of orderedDimensions(Object.keys(route.filters))) {
      for (const value of route.filters[dim]) params.append(dim, value);
    }
    return params;
  }

  function buildHash(route) {
    if (route.view === 'practice') return '#/practice/' + encodeURIComponent(route.id);
    const params = new URLSearchParams();
    if (route.q) params.set('q', route.q);
    filterParams(route, params);
    for (const id of route.exclude || []) params.append('exclude', id);
    if (route.page > 1) params.set('page', String(route.page));
    const query = params.toString();
    return '#/' + route.view + (query ? '?' + query : '');
  }

  function listRoute(changes) {
    const base = state.route && state.route.view !== 'practice'
      ? state.route : parseHash(state.listHash);
    return Object.assign({}, base, { page: 1 }, changes);
  }

  // Same hash does not fire "hashchange", so re-route by hand; typing replaces history.
  function navigate(hash, options) {
    const opts = options || {};
    if (hash === location.hash) return onRoute({ force: true });
    if (opts.replace) {
      history.replaceState(null, '', hash);
      return onRoute({});
    }
    location.hash = hash;
  }

  function onRoute(options) {
    const opts = options || {};
    keepLanguageInUrl();
    // "popstate" and "hashchange" both fire for one hash move; route once.
    if (!opts.force && location.href === state.routedHref) return;
    state.routedHref = location.href;
    const prev = state.route;
    const route = parseHash(location.hash);
    state.route = route;
    clearAlert();
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

  // ---------------------------------------------------------------- API

  async function api(path, params, body) {
    if (state.controller) state.controller.abort();
    const controller = new AbortController();
    state.controller = controller;
    try {
      return await fetchJson(path, params, controller.signal, body);
    } finally {
      if (state.controller === controller) state.controller = null;
    }
  }

  /* With a body, a POST of JSON: challenges are long and sensitive, and a URL
   * has a length limit and ends up in access logs. */
  async function fetchJson(path, params, signal, body) {
    params.set('lang', state.lang);
    let response;
    try {
      response = await fetch(body ? path : path + '?' + params.toString(), {
        method: body ? 'POST' : 'GET',
        headers: body ? { Accept: 'application/json', 'Content-Type': 'application/json' } : { Accept: 'application/json' },
        body: body ? JSON.stringify(Object.assign({ lang: state.lang }, body)) : undefined,
        credentials: 'same-origin',
        signal
      });
    } catch (error) {
      if (error && error.name === 'AbortError') throw error;
      throw userError(t('networkError'));
    }
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (data && typeof data.error === 'string' && data.error) throw userError(data.error);
    if (!response.ok || !data || typeof data !== 'object') {
      throw userError(t('serverError', { status: response.status }));
    }
    return data;
  }

  function userError(message) {
    const error = new Error(message);
    error.userMessage = message;
    return error;
  }

  function isAbort(error) {
    return error && error.name === 'AbortError';
  }

  function showError(error) {
    if (isAbort(error)) return;
    $('alert').textContent = (error && error.userMessage) || t('networkError');
    if (!(error && error.userMessage)) console.error(error); // unexpected: keep for developers
  }

  function clearAlert() {
    $('alert').textContent = '';
  }

  // ---------------------------------------------------------------- list views

  async function showList(route, opts) {
    $('practice').hidden = true;
    $('finder').hidden = false;
    document.title = t('appName');
    syncForms(route);

    const key = state.lang + ' ' + buildHash(route);
    if (opts.fromPractice && !opts.force && state.listCache && state.listCache.key === key) {
      renderList(route, state.listCache.data, state.listCache.facetData);
      restoreListPosition();
      return;
    }

    setBusy(true);
    try {
      const loaded = route.view === 'challenge' ? await loadChallenge(route) : await loadSearch(route);
      if (state.route !== route) return; // a newer route has taken over
      state.listCache = { key, data: loaded.data, facetData: loaded.facetData };
      renderList(route, loaded.data, loaded.facetData);
      if (opts.fromPractice) restoreListPosition();
    } catch (error) {
      if (isAbort(error)) return;
      showError(error);
      clearResults(); // stale cards under an error message would mislead
      if (Object.keys(route.filters).length) { // e.g. a stale link with a filter value that no longer exists
        $('alert').append(' ', h('a', { href: buildHash(Object.assign({}, route, { filters: {}, page: 1 })), text: t('clearFilters') }));
      }
    } finally {
      if (state.route === route) setBusy(false);
    }
  }

  async function loadSearch(route) {
    const params = filterParams(route, new URLSearchParams({ q: route.q.trim() }));
    for (const id of route.exclude) params.append('exclude', id);
    params.set('page', String(route.page));
    params.set('size', String(PAGE_SIZE));
    const data = await api('api/search', params);
    return { data, facetData: data };
  }

  /* The recommend answer carries no facets; the filter counts come from an
   * empty search with the same filters (fetched alongside, failures ignored). */
  async function loadChallenge(route) {
    const body = { challenge: route.q.trim(), filters: route.filters, exclude: route.exclude };
    const facetParams = filterParams(route, new URLSearchParams({ q: '', page: '1', size: '1' }));
    const facetRequest = fetchJson('api/search', facetParams).catch(() => null);
    const data = await api('api/recommend', new URLSearchParams(), body);
    const facetData = data.facets ? data : await facetRequest;
    return { data, facetData };
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

  function renderList(route, data, facetData) {
    rememberFacets(facetData);
    const isChallenge = route.view === 'challenge';
    const hits = isChallenge ? asArray(data.results) : asArray(data.hits);
    const total = isChallenge ? hits.length : toCount(data.total, hits.length);

    $('results-heading').textContent = t(resultsHeadingKey(route));
    const count = plural('count', total);
    $('results-count').textContent = route.q.trim() && !isChallenge
      ? t('countFor', { count, q: route.q.trim() }) : count;

    renderConcepts(asArray(data.concepts), route);
    $('results-list').replaceChildren(...hits.map((hit) => renderCard(hit, isChallenge)));

    const empty = $('empty');
    empty.hidden = hits.length > 0;
    empty.textContent = hits.length ? '' : t(isChallenge ? 'noResultsChallenge' : 'noResults');

    renderPager(route, isChallenge ? null : data, total);
    renderFacets(facetData && facetData.facets, route);
    $('facet-note').hidden = !isChallenge || !(facetData && facetData.facets);
    applyPendingFocus();
  }

  function resultsHeadingKey(route) {
    if (route.view === 'challenge') return 'resultsChallenge';
    if (route.q.trim()) return 'resultsSearch';
    return Object.keys(route.filters).length ? 'resultsFiltered' : 'resultsAll';
  }

  function asArray(value) {
    return Array.isArray(value) ? value : [];
  }

  function toCount(value, fallback) {
    const n = Number(value);
    return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
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

  function renderCard(hit, isChallenge) {
    const place = [valueLabel('country', hit.country)]
      .concat(asArray(hit.locations).map((loc) => valueLabel('location', loc)))
      .filter(Boolean).join(' · ');
    const card = h('li', { class: 'card' },
      h('h3', { class: 'card-title' },
        h('a', { href: buildHash({ view: 'practice', id: hit.id }), 'data-id': hit.id, lang: 'en', text: hit.title || hit.id })),
      h('p', { class: 'card-meta' },
        hit.organisation ? h('span', { class: 'org', lang: 'en', text: hit.organisation }) : null,
        place ? h('span', { class: 'place', text: place }) : null));

    if (isChallenge) {
      if (hit.why) card.append(h('p', { class: 'why' }, h('strong', { text: t('why') }), ' ', h('span', { text: hit.why })));
      if (hit.evidence && hit.evidence.html) {
        card.append(h('blockquote', { class: 'evidence' },
          h('p', { class: 'section-label', text: t('evidenceFrom', { section: sectionName(hit.evidence.section) }) }),
          h('p', {}, markedSpan(hit.evidence.html, 'snippet'))));
      }
    } else {
      const snippets = asArray(hit.snippets).filter((s) => s && s.html);
      if (snippets.length) {
        card.append(h('dl', { class: 'snippets' }, snippets.map((s) =>
          h('div', { class: 'snippet-row' },
            h('dt', { class: 'section-label', text: sectionName(s.section) }),
            h('dd', {}, markedSpan(s.html, 'snippet'))))));
      }
    }
    return card;
  }

  function renderConcepts(concepts, route) {
    const box = $('concepts');
    const shown = concepts.filter((c) => c && c.id && !route.exclude.includes(c.id));
    box.hidden = shown.length === 0;
    if (!shown.length) return box.replaceChildren();
    box.replaceChildren(
      h('p', { class: 'concepts-label', id: 'concepts-label', text: t('detected') }),
      h('ul', { class: 'chips', 'aria-labelledby': 'concepts-label', 'aria-describedby': 'concepts-hint' },
        shown.map((c) => h('li', {},
          h('button', {
            type: 'button',
            class: 'chip chip-removable',
            'data-concept': c.id,
            title: c.matched ? t('matchedText', { text: c.matched }) : null,
            'aria-label': t('removeConcept', { label: c.label || c.id }),
            onclick: () => removeConcept(c.id)
          }, h('span', { text: c.label || c.id }), h('span', { class: 'chip-x', 'aria-hidden': 'true', text: '✕' }))))),
      h('p', { class: 'hint', id: 'concepts-hint', text: t('conceptsHint') }));
  }

  function removeConcept(id) {
    const route = listRoute({});
    state.pendingFocus = { concepts: true };
    navigate(buildHash(Object.assign({}, route, { exclude: route.exclude.concat(id) })));
  }

  function renderPager(route, data, total) {
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
      link(page - 1, '← ' + t('prev'), 'prev'),
      h('span', { class: 'page-of', text: t('pageOf', { page, pages }) }),
      link(page + 1, t('next') + ' →', 'next'));
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

  // ---------------------------------------------------------------- facets

  function orderedDimensions(dims) {
    const known = DIMENSIONS.filter((d) => dims.includes(d));
    return known.concat(dims.filter((d) => !DIMENSIONS.includes(d)));
  }

  function renderFacets(facets, route) {
    const container = $('facets');
    const source = facets && typeof facets === 'object' ? facets : {};
    const dims = orderedDimensions(Object.keys(source).concat(
      Object.keys(route.filters).filter((d) => !(d in source))));
    container.replaceChildren(...dims.map((dim) => renderFacetGroup(dim, withSelected(dim, asArray(source[dim]), route), route)));

    const active = activeFilterCount(route);
    const clear = $('clear-filters');
    clear.hidden = active === 0;
    clear.href = buildHash(Object.assign({}, route, { filters: {}, page: 1 }));
    updateFiltersToggle(active);
  }

  // A selected value the server did not list must stay visible, or it could not be unchecked.
  function withSelected(dim, values, route) {
    const ids = new Set(values.map((v) => v.id));
    const missing = (route.filters[dim] || []).filter((id) => !ids.has(id))
      .map((id) => ({ id, label: valueLabel(dim, id), count: 0 }));
    return values.concat(missing);
  }

  function renderFacetGroup(dim, values, route) {
    const selected = new Set(route.filters[dim] || []);
    const ids = new Set(values.map((v) => v.id));
    const children = new Map();
    const roots = [];
    for (const value of values) {
      if (value.parent && ids.has(value.parent) && value.parent !== value.id) {
        if (!children.has(value.parent)) children.set(value.parent, []);
        children.get(value.parent).push(value);
      } else {
        roots.push(value);
      }
    }

    const expanded = state.expandedDims.has(dim);
    const legendId = 'facet-' + dim;
    const list = h('ul', { class: 'facet-list' }, roots.map((value, index) => {
      const item = renderFacetItem(dim, value, selected, children);
      const keepVisible = expanded || index < FACET_VISIBLE || containsSelected(value, selected, children);
      if (!keepVisible) item.hidden = true;
      return item;
    }));

    const group = h('fieldset', { class: 'facet' },
      h('legend', { id: legendId, text: dimensionName(dim) }), list);
    if (roots.length > FACET_VISIBLE) {
      group.append(h('button', {
        type: 'button', class: 'link-button', 'aria-expanded': String(expanded),
        onclick: () => toggleExpanded(dim)
      }, expanded ? t('showFewer') : t('showAll', { n: roots.length })));
    }
    return group;
  }

  function containsSelected(value, selected, children) {
    if (selected.has(value.id)) return true;
    return (children.get(value.id) || []).some((child) => containsSelected(child, selected, children));
  }

  function renderFacetItem(dim, value, selected, children, depth) {
    const level = depth || 0;
    const checked = selected.has(value.id);
    const count = toCount(value.count, 0);
    const inputId = 'f-' + dim + '-' + String(value.id).replace(/[^A-Za-z0-9_-]/g, '_') + '-' + level;
    const box = h('input', {
      type: 'checkbox', id: inputId, value: value.id, 'data-dim': dim, checked,
      onchange: (event) => toggleFilter(dim, value.id, event.target.checked)
    });
    const item = h('li', { class: 'facet-item' + (count === 0 && !checked ? ' is-empty' : '') },
      h('label', { for: inputId, class: 'facet-option' },
        box,
        h('span', { class: 'facet-label', text: value.label || value.id }),
        h('span', { class: 'facet-count', text: count.toLocaleString(state.lang) })));
    const kids = children.get(value.id);
    if (kids && kids.length && level < 4) {
      item.append(h('ul', { class: 'facet-list facet-children' },
        kids.map((kid) => renderFacetItem(dim, kid, selected, children, level + 1))));
    }
    return item;
  }

  function findCheckbox(dim, id) {
    return Array.from(document.querySelectorAll('#facets input[type=checkbox]'))
      .find((box) => box.dataset.dim === dim && box.value === id) || null;
  }

  function toggleFilter(dim, id, checked) {
    const route = listRoute({});
    const filters = {};
    for (const [name, list] of Object.entries(route.filters)) filters[name] = list.slice();
    const current = filters[dim] || [];
    filters[dim] = checked ? current.concat(current.includes(id) ? [] : [id]) : current.filter((v) => v !== id);
    if (!filters[dim].length) delete filters[dim];
    state.pendingFocus = { checkbox: { dim, id } };
    navigate(buildHash(Object.assign({}, route, { filters, page: 1 })));
  }

  function toggleExpanded(dim) {
    if (state.expandedDims.has(dim)) state.expandedDims.delete(dim);
    else state.expandedDims.add(dim);
    if (state.listCache) {
      state.pendingFocus = null;
      renderFacets(state.listCache.facetData && state.listCache.facetData.facets, state.route);
      const button = Array.from(document.querySelectorAll('#facets .link-button'))
        .find((b) => b.closest('fieldset').querySelector('legend').id === 'facet-' + dim);
      if (button) button.focus();
    }
  }

  function activeFilterCount(route) {
    if (!route || !route.filters) return 0;
    return Object.values(route.filters).reduce((n, list) => n + list.length, 0);
  }

  function updateFiltersToggle(active) {
    const button = $('filters-toggle');
    const label = state.filtersOpen ? t('hideFilters') : t('showFilters');
    button.textContent = active ? label + ' (' + active + ')' : label;
    button.setAttribute('aria-expanded', String(state.filtersOpen));
    $('filters').classList.toggle('is-open', state.filtersOpen);
  }

  // ---------------------------------------------------------------- practice view

  async function showPractice(id) {
    $('finder').hidden = true;
    const view = $('practice');
    view.hidden = false;
    view.replaceChildren(backBar(), h('p', { class: 'loading', text: t('loading') }));
    window.scrollTo(0, 0);

    let practice;
    try {
      practice = await api('api/practices/' + encodeURIComponent(id), new URLSearchParams());
    } catch (error) {
      if (isAbort(error)) return;
      showError(error);
      view.replaceChildren(backBar());
      return;
    }
    if (state.route.view !== 'practice' || state.route.id !== id) return;
    renderPractice(practice);
    loadSimilar(id);
  }

  function backBar() {
    return h('div', { class: 'practice-actions' },
      h('button', { type: 'button', class: 'btn back', onclick: goBack }, '← ' + t('backToResults')),
      h('button', { type: 'button', class: 'btn print', onclick: () => window.print() }, t('print')));
  }

  function goBack() {
    // History keeps the user's place; a fresh hash is only needed after a direct link.
    if (state.backUsesHistory) history.back();
    else location.hash = state.listHash;
  }

  function renderPractice(p) {
    learnLabels(p.facets);
    const view = $('practice');
    const title = p.title || p.id;
    document.title = title + ' · ' + t('appName');
    const heading = h('h2', { id: 'practice-title', tabindex: '-1', lang: 'en', text: title });
    const parts = [
      backBar(),
      h('header', { class: 'practice-head' },
        h('p', { class: 'eyebrow', text: t('practiceCode', { id: p.id }) }),
        heading,
        renderFacts(p)),
      renderTags(p.facets, p.evidence),
      ...SECTIONS.filter((name) => hasContent(p.sections && p.sections[name]))
        .map((name) => renderSection(name, p.sections[name])),
      renderNotes(p.notes),
      h('section', { class: 'similar', id: 'similar', 'aria-labelledby': 'similar-heading' },
        h('h3', { id: 'similar-heading', text: t('similar') }),
        h('p', { class: 'loading', text: t('loading') }))
    ];
    view.replaceChildren(...parts.filter(Boolean));
    heading.focus();
  }

  // A practice opened from a link still gets translated country and place names.
  function learnLabels(facets) {
    if (!facets || typeof facets !== 'object') return;
    for (const [dim, values] of Object.entries(facets)) {
      const map = state.facetLabelMaps[dim] || (state.facetLabelMaps[dim] = {});
      for (const v of asArray(values)) if (v && v.id && v.label) map[v.id] = v.label;
    }
  }

  function hasContent(value) {
    return Array.isArray(value) ? value.some((v) => String(v || '').trim()) : !!String(value || '').trim();
  }

  function renderFacts(p) {
    const rows = [];
    const add = (label, ...value) => rows.push(h('div', { class: 'fact' }, h('dt', { text: label }), h('dd', {}, ...value)));
    if (p.organisation) add(t('organisation'), h('span', { lang: 'en', text: p.organisation }));
    if (p.country) add(t('country'), valueLabel('country', p.country));
    const locations = asArray(p.locations).filter(Boolean);
    if (locations.length) add(t('locations'), locations.map((l) => valueLabel('location', l)).join(', '));
    const url = safeUrl(p.url);
    if (url) add(t('website'), h('a', { href: url, rel: 'noopener noreferrer', class: 'url', text: String(p.url).trim() }));
    if (p.contact) {
      const contact = String(p.contact).trim();
      add(t('contact'), looksLikeEmail(contact)
        ? h('a', { href: 'mailto:' + contact, text: contact })
        : h('span', { text: contact }));
    }
    return rows.length ? h('dl', { class: 'facts' }, rows) : null;
  }

  function renderTags(facets, evidence) {
    if (!facets || typeof facets !== 'object') return null;
    const why = evidence && typeof evidence === 'object' ? evidence : {};
    // Country and places are already listed above the tags.
    const dims = orderedDimensions(Object.keys(facets))
      .filter((d) => !FACT_DIMENSIONS.has(d) && asArray(facets[d]).length);
    if (!dims.length) return null;
    let counter = 0;
    return h('section', { class: 'tags', 'aria-labelledby': 'tags-heading' },
      h('h3', { id: 'tags-heading', class: 'visually-hidden', text: t('tags') }),
      h('dl', { class: 'tag-groups' }, dims.map((dim) => {
        const notes = [];
        const chips = asArray(facets[dim]).map((tag) => {
          const label = tag.label || valueLabel(dim, tag.id);
          const sentence = why[tag.id];
          if (!sentence) return h('li', {}, h('span', { class: 'chip', text: label }));
          const noteId = 'why-' + (++counter);
          const note = h('p', { class: 'tag-evidence', id: noteId, hidden: true },
            h('strong', { text: t('whyTag') + ': ' }), h('span', { lang: 'en', text: '“' + sentence + '”' }));
          notes.push(note);
          return h('li', {}, h('button', {
            type: 'button', class: 'chip chip-why', title: sentence,
            'aria-expanded': 'false', 'aria-controls': noteId,
            onclick: (event) => toggleEvidence(event.currentTarget, note)
          }, label, h('span', { class: 'chip-q', 'aria-hidden': 'true', text: ' ?' })));
        });
        return h('div', { class: 'tag-group' },
          h('dt', { text: dimensionName(dim) }),
          h('dd', {}, h('ul', { class: 'chips' }, chips), notes));
      })));
  }

  function toggleEvidence(button, note) {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    note.hidden = !open;
  }

  function renderSection(name, value) {
    const body = Array.isArray(value)
      ? h(ORDERED_SECTIONS.has(name) ? 'ol' : 'ul', { class: 'section-list' },
        value.filter((item) => String(item || '').trim()).map((item) => h('li', { text: String(item) })))
      : String(value).split(/\n\s*\n/).filter((p) => p.trim()).map((p) => h('p', { text: p.trim() }));
    return h('section', { class: 'practice-section section-' + name },
      h('h3', { text: sectionName(name) }),
      h('div', { lang: 'en' }, body));
  }

  function renderNotes(notes) {
    const list = asArray(notes).filter((n) => String(n || '').trim());
    if (!list.length) return null;
    return h('section', { class: 'notes' },
      h('h3', { text: t('notes') }),
      h('ol', { lang: 'en' }, list.map((n) => h('li', { text: String(n) }))));
  }

  async function loadSimilar(id) {
    let data;
    try {
      // Own request, not api(): it must not cancel or be cancelled by the practice fetch.
      data = await fetchJson('api/practices/' + encodeURIComponent(id) + '/similar', new URLSearchParams());
    } catch (error) {
      data = { error };
    }
    const box = $('similar');
    if (!box || state.route.view !== 'practice' || state.route.id !== id) return;
    const heading = box.querySelector('h3');
    if (data.error) {
      box.replaceChildren(heading, h('p', { class: 'hint', text: data.error.userMessage || t('networkError') }));
      return;
    }
    const results = asArray(data.results).filter((r) => r && r.id && r.id !== id);
    box.replaceChildren(heading, results.length
      ? h('ul', { class: 'similar-list' }, results.map((r) => h('li', {},
        h('a', { href: buildHash({ view: 'practice', id: r.id }), lang: 'en', text: r.title || r.id }),
        r.why ? h('p', { class: 'why', text: r.why }) : null)))
      : h('p', { class: 'hint', text: t('noSimilar') }));
  }

  // ---------------------------------------------------------------- tabs and forms

  function selectTab(view, moveFocus) {
    const isChallenge = view === 'challenge';
    for (const [tabId, panelId, on] of [['tab-search', 'panel-search', !isChallenge], ['tab-challenge', 'panel-challenge', isChallenge]]) {
      const tab = $(tabId);
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      $(panelId).hidden = !on;
      if (on && moveFocus) tab.focus();
    }
  }

  function onTabKey(event) {
    const keys = { ArrowLeft: 'search', ArrowRight: 'challenge', Home: 'search', End: 'challenge' };
    if (!(event.key in keys)) return;
    event.preventDefault();
    selectTab(keys[event.key], true);
  }

  function runSearch(q, replace) {
    const route = listRoute({ view: 'search', q, exclude: [] });
    navigate(buildHash(route), { replace });
  }

  function onSearchInput(event) {
    clearTimeout(state.debounceTimer);
    const q = event.target.value;
    state.debounceTimer = setTimeout(() => {
      // Typing rewrites the current entry so Back is not flooded with half-words.
      runSearch(q, state.route && state.route.view === 'search');
    }, DEBOUNCE_MS);
  }

  function onSearchSubmit(event) {
    event.preventDefault();
    clearTimeout(state.debounceTimer);
    state.pendingFocus = null;
    runSearch($('search-input').value, false);
  }

  function onChallengeSubmit(event) {
    event.preventDefault();
    const text = $('challenge-input').value.trim();
    if (!text) {
      $('alert').textContent = t('challengeEmpty');
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
    if (state.langInUrl) return fromUrl;
    const browser = String(navigator.language || '').toLowerCase();
    if (browser.startsWith('ru')) return 'ru';
    if (browser.startsWith('uk')) return 'uk';
    return 'en';
  }

  function applyStaticTexts() {
    document.documentElement.lang = state.lang;
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
    for (const node of document.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
    for (const button of document.querySelectorAll('.lang-switch button')) {
      button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
    }
    const note = $('lang-note');
    note.hidden = !t('englishOnly');
    updateFiltersToggle(activeFilterCount(state.route));
  }

  function setLanguage(lang) {
    if (!LANGS.includes(lang) || lang === state.lang) return;
    state.lang = lang;
    state.langInUrl = true;
    state.facetLabels = {};
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

  function init() {
    state.lang = initialLanguage();
    state.filtersOpen = false;
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
    onRoute({});
  }

  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
    else init();
  }

  // Lets a Node script check the texts and the sanitiser without a browser.
  if (typeof module !== 'undefined' && module.exports) module.exports = { I18N, markOnly, parseHash, buildHash };
})();
