/* The Practice Finder widget inside an open shadow root: one text box and its results, for partner
 * pages (through widget.js) and for the /embed page. Sends nothing until the person types; sets no
 * cookie, uses no storage, never touches the host page's URL or history; talks only to its own host. */
import { appendFilters, createApi, errorMessage, isAbort, labelMaps } from './api.js';
import { h } from './dom.js';
import { loadTexts, pickLanguage } from './i18n.js';
import { matchedTopics, resultCard, spellingLine } from './results.js';

/** Where widget.js, the page and the API live: the folder above this module. */
const SITE = new URL('../', import.meta.url).href;
/** Filters a partner may lock, as attributes or options. */
export const PRESETS = ['population', 'setting', 'service', 'country'];
/** The API's limits on text length, so a person is stopped while typing rather than by an error. */
const MAX_CHARS = { challenge: 4000, search: 1000 };
const DEBOUNCE_MS = 400;
let instances = 0;

/**
 * Mounts a widget on {@code element} (its open shadow root is created or reused).
 * @param given options; each falls back to the element's attribute of the same name:
 *   lang (en|ru|uk; else the page's <html lang>, else en), mode (challenge|search), population, setting,
 *   service, country (ids, an array or comma-separated), limit (1–20, default 5), placeholder, base (API origin)
 * @returns Promise of {lang, mode, filters, base} as used
 */
export async function mount(element, given) {
  const o = readOptions(element, given || {});
  const root = element.shadowRoot || element.attachShadow({ mode: 'open' });
  root.replaceChildren();
  const [tx] = await Promise.all([loadTexts(o.lang), stylesheet(root)]);
  new Finder(root, o, tx);
  return o;
}

function readOptions(element, given) {
  const read = (name) => (given[name] !== undefined && given[name] !== null ? given[name] : element.getAttribute(name));
  const filters = {};
  for (const dim of PRESETS) {
    const raw = (given.filters && given.filters[dim]) || read(dim);
    const values = (Array.isArray(raw) ? raw : String(raw || '').split(','))
      .map((v) => String(v).trim()).filter(Boolean);
    if (values.length) filters[dim] = values;
  }
  const limit = parseInt(read('limit'), 10);
  return {
    lang: pickLanguage(read('lang'), document.documentElement.lang),
    mode: read('mode') === 'search' ? 'search' : 'challenge',
    filters,
    limit: limit >= 1 ? Math.min(limit, 20) : 5,
    placeholder: read('placeholder') || '',
    base: httpUrl(read('base')) || SITE
  };
}

function httpUrl(raw) {
  if (!raw) return null;
  try {
    const url = new URL(String(raw), document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

/** The widget's own styles, before any content is shown (nothing unstyled ever flashes). */
function stylesheet(root) {
  return new Promise((resolve) => {
    const link = h('link', { rel: 'stylesheet', href: new URL('widget.css', SITE).href });
    link.addEventListener('load', resolve);
    link.addEventListener('error', resolve); // unstyled still beats nothing
    root.append(link);
  });
}

class Finder {
  constructor(root, o, tx) {
    this.o = o;
    this.tx = tx;
    this.api = createApi(o.base, o.lang);
    this.challenge = o.mode === 'challenge';
    this.lastText = '';
    this.focusSpelling = false;
    this.exact = false;        // the text as typed, not spelled as the practices spell it (after "Showing results for …")
    this.correction = null;    // {typed, corrected}: the last didYouMean, offered again after "as typed"
    this.labels = null;        // dimension → id → label, once the facets have been asked for
    this.facetData = null;
    this.labelRequest = null;
    this.controller = null;
    this.timer = 0;

    const id = 'pf' + (++instances);
    const locked = Object.keys(o.filters).length > 0;
    this.input = h(this.challenge ? 'textarea' : 'input', {
      id: id + '-input', class: 'input', rows: this.challenge ? '3' : null, type: this.challenge ? null : 'search',
      maxlength: String(MAX_CHARS[o.mode]), autocomplete: 'off', spellcheck: 'false',
      placeholder: o.placeholder || tx.t(this.challenge ? 'challengePlaceholder' : 'searchPlaceholder'),
      'aria-describedby': id + '-hint' + (locked ? ' ' + id + '-locked' : ''),
      onkeydown: (event) => this.onInputKey(event),
      oninput: () => this.onInput()
    });
    this.locked = locked ? h('p', { id: id + '-locked', class: 'locked', text: tx.t('lockedUnnamed') }) : null;
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.busy = h('span', { class: 'busy', 'aria-hidden': 'true', text: tx.t('loading') });
    this.spelling = h('div', { class: 'spelling-box' });
    this.list = h('ol', { class: 'results', 'aria-label': tx.t('widgetResults'), onkeydown: (event) => this.onListKey(event) });
    const form = h('form', { class: 'form', 'aria-label': tx.t('appName'), onsubmit: (event) => { event.preventDefault(); this.run(true); } },
      h('label', { for: this.input.id, class: 'label', text: tx.t(this.challenge ? 'widgetChallengeLabel' : 'widgetSearchLabel') }),
      h('div', { class: 'row' }, this.input,
        h('button', { type: 'submit', class: 'button', text: tx.t(this.challenge ? 'challengeButton' : 'searchButton') })),
      h('p', { id: id + '-hint', class: 'hint', text: tx.t(this.challenge ? 'widgetChallengeHint' : 'searchHint') }),
      this.locked);
    const home = new URL(o.base);
    home.searchParams.set('lang', o.lang);
    root.append(h('div', { class: 'pf', lang: o.lang },
      form,
      h('div', { class: 'status-row' }, this.status, this.busy),
      this.spelling,
      this.list,
      h('p', { class: 'source' }, h('a', { href: home.href, target: '_blank', rel: 'noopener noreferrer' },
        tx.t('widgetSource'), h('span', { class: 'visually-hidden', text: ' ' + tx.t('opensInNewTab') })))));
  }

  onInput() {
    clearTimeout(this.timer);
    this.exact = false;
    if (!this.challenge) this.timer = setTimeout(() => this.run(false), DEBOUNCE_MS);
    else if (!this.input.value.trim()) this.clear();
  }

  onInputKey(event) {
    if (this.challenge && event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.run(true);
    } else if (event.key === 'ArrowDown' && this.links().length && this.input.selectionStart === this.input.value.length) {
      event.preventDefault();
      this.links()[0].focus();
    }
  }

  /** Arrow keys, Home and End move between result links; Escape or Up from the first goes back to the box. */
  onListKey(event) {
    const links = this.links();
    const at = links.indexOf(event.target.closest('a'));
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1, Escape: -1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    if (to < 0) this.input.focus();
    else links[Math.min(to, links.length - 1)].focus();
  }

  links() {
    return Array.from(this.list.querySelectorAll('.card-title a'));
  }

  clear() {
    if (this.controller) this.controller.abort();
    this.lastText = '';
    this.list.replaceChildren();
    this.spelling.replaceChildren();
    this.say('', false);
    this.setBusy(false);
  }

  /** Runs the search or recommendation for the box's text; {@code asked}: Enter or the button, not typing. */
  async run(asked) {
    clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (!text) {
      this.clear();
      if (asked && this.challenge) this.say(this.tx.t('challengeEmpty'), true);
      return;
    }
    if (text === this.lastText && !asked) return;
    this.lastText = text;
    if (this.controller) this.controller.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.setBusy(true);
    try {
      const labels = this.loadLabels();
      const spell = this.exact ? { spell: 'off' } : {};
      const data = this.challenge
        ? await this.api.recommend(Object.assign({ challenge: text, filters: this.o.filters, size: this.o.limit }, spell), controller.signal)
        : await this.api.search(appendFilters(new URLSearchParams(Object.assign({ q: text, size: String(this.o.limit) }, spell)), this.o.filters),
          controller.signal);
      await labels;
      if (this.controller !== controller) return;
      this.render(data, text);
    } catch (error) {
      if (isAbort(error) || this.controller !== controller) return;
      this.lastText = '';
      this.list.replaceChildren();
      this.spelling.replaceChildren();
      this.say(errorMessage(error, this.tx), true);
    } finally {
      if (this.controller === controller) this.setBusy(false);
    }
  }

  /* Country, place and locked-filter names in the widget's language come with the facets,
   * asked for once, beside the first search (not before: nothing is sent until the person types). */
  loadLabels() {
    if (!this.labelRequest) {
      this.labelRequest = this.api.facets().then((data) => {
        this.facetData = data;
        this.labels = labelMaps(data);
        this.nameLockedFilters();
      }, () => { this.labelRequest = null; });
    }
    return this.labelRequest;
  }

  nameLockedFilters() {
    if (!this.locked || !this.facetData) return;
    const parts = Object.entries(this.o.filters).map(([dim, ids]) =>
      ids.map((id) => (this.labels[dim] && this.labels[dim][id]) || id).join(', '));
    this.locked.textContent = this.tx.t('locked', { filters: parts.join('; ') });
  }

  render(data, text) {
    const tx = this.tx;
    const hits = (this.challenge ? data.results : data.hits) || [];
    const total = this.challenge ? hits.length : Number(data.total) || hits.length;
    this.list.replaceChildren(...hits.map((hit) => resultCard(hit, {
      tx, labels: this.labels, href: (id) => this.practiceUrl(id), newTab: true, heading: null,
      challenge: this.challenge, evidence: false, snippets: 1,
      topics: this.challenge ? null : matchedTopics(hit, data.concepts)
    })));
    // A screen reader hears the correction with the outcome; the eye reads it on the line below.
    const spelled = this.renderSpelling(text, typeof data.didYouMean === 'string' ? data.didYouMean : null);
    if (!hits.length) this.say(tx.t(this.challenge ? 'widgetNoResultsChallenge' : 'widgetNoResults'), false, spelled);
    else if (total > hits.length) this.say(tx.t('shownOf', { count: tx.plural('count', total), shown: tx.number(hits.length) }), false, spelled);
    else this.say(tx.plural('count', total), false, spelled);
  }

  /**
   * "Showing results for “police”" with a button for exactly what was typed, or, after it, the line
   * saying so with a button back to the correction.
   * @returns the line's sentence, or '' when there is none
   */
  renderSpelling(text, corrected) {
    if (corrected) this.correction = { typed: text, corrected };
    const again = this.exact && this.correction && this.correction.typed === text;
    if (!corrected && !again) {
      this.spelling.replaceChildren();
      return '';
    }
    const line = spellingLine(this.tx, {
      typed: text, corrected: corrected || this.correction.corrected, exact: !corrected, challenge: this.challenge,
      control: (label) => h('button', {
        type: 'button', class: 'link-button',
        onclick: () => {
          this.exact = !!corrected;
          this.focusSpelling = true;
          this.run(true);
        }
      }, label)
    });
    this.spelling.replaceChildren(line);
    if (this.focusSpelling) line.querySelector('button').focus(); // the control for the other reading, in place of the one used
    this.focusSpelling = false;
    return line.firstChild.textContent;
  }

  practiceUrl(id) {
    const url = new URL(this.o.base);
    url.searchParams.set('lang', this.o.lang);
    url.hash = '/practice/' + encodeURIComponent(id);
    return url.href;
  }

  /** The one announcement of a search's outcome (the status is a polite live region); {@code heard}: said first, to screen readers only. */
  say(text, isError, heard) {
    this.status.replaceChildren(...(heard ? [h('span', { class: 'visually-hidden', text: heard + ' ' })] : []), text);
    this.status.classList.toggle('is-error', !!isError);
  }

  setBusy(busy) {
    this.busy.classList.toggle('is-on', busy);
    this.list.setAttribute('aria-busy', String(busy));
    this.list.classList.toggle('is-stale', busy);
  }
}
