/* Interface texts: one JSON file per language in ../texts/, loaded on demand beside this
 * module (so a partner's page loads them from Practice Finder's host, and only the one it needs). */

export const LANGS = ['en', 'ru', 'uk'];

const loaded = new Map();

/** The first of {@code candidates} naming a supported language ("uk-UA" counts as "uk"), else "en". */
export function pickLanguage(...candidates) {
  for (const raw of candidates) {
    const code = String(raw || '').trim().toLowerCase().split(/[-_]/)[0];
    if (LANGS.includes(code)) return code;
  }
  return 'en';
}

/** The language a link or a reload asked for ({@code ?lang=} in the query or the fragment's query), else null. */
export function languageFromUrl() {
  const hash = location.hash;
  const hashQuery = hash.indexOf('?') >= 0 ? hash.slice(hash.indexOf('?') + 1) : '';
  const lang = new URLSearchParams(location.search).get('lang') || new URLSearchParams(hashQuery).get('lang');
  return LANGS.includes(lang) ? lang : null;
}

/**
 * Puts {@code tx}'s texts into a page: the elements' {@code data-i18n} (child elements with a
 * {@code data-slot} stay, as the text's {slot} placeholders), {@code data-i18n-placeholder} and
 * {@code data-i18n-aria-label}; the page's {@code lang}; and which language switch button is pressed.
 */
export function applyTexts(tx) {
  document.documentElement.lang = tx.lang;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const slots = {};
    for (const child of node.querySelectorAll(':scope > [data-slot]')) slots[child.dataset.slot] = child;
    node.replaceChildren(...tx.parts(node.dataset.i18n, slots));
  }
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = tx.t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', tx.t(node.dataset.i18nAriaLabel));
  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === tx.lang));
  }
}

/** @returns Promise<Texts> for a supported language; rejects when the file cannot be loaded */
export function loadTexts(lang) {
  const code = LANGS.includes(lang) ? lang : 'en';
  if (!loaded.has(code)) {
    const url = new URL('../texts/' + code + '.json', import.meta.url);
    const request = fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' })
      .then((response) => {
        if (!response.ok) throw new Error('texts ' + code + ': HTTP ' + response.status);
        return response.json();
      })
      .then((table) => new Texts(code, table));
    request.catch(() => loaded.delete(code)); // let a later call try again
    loaded.set(code, request);
  }
  return loaded.get(code);
}

export class Texts {
  constructor(lang, table) {
    this.lang = lang;
    this.table = table;
  }

  /** The text of {@code key} with {name} placeholders filled; the key itself when missing (a test keeps them all present). */
  t(key, vars) {
    const text = this.table[key];
    return fill(typeof text === 'string' ? text : key, vars);
  }

  /**
   * The text of {@code key} as a list of strings and nodes: placeholders whose value is a DOM node (an
   * element with its own {@code lang}, say) are put in as that node, the others filled as by {@link t}.
   */
  parts(key, vars) {
    const text = this.table[key];
    return (typeof text === 'string' ? text : key).split(/(\{\w+\})/).filter(Boolean).map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece);
      if (!name || !vars || !(name[1] in vars)) return piece;
      const value = vars[name[1]];
      return value instanceof Node ? value : String(value);
    });
  }

  /** A count in the language's plural form (Russian and Ukrainian need one/few/many). */
  plural(key, n) {
    const forms = this.table[key] || {};
    const form = forms[new Intl.PluralRules(this.lang).select(n)] || forms.other || key;
    return fill(form, { n: n.toLocaleString(this.lang) });
  }

  number(n) {
    return n.toLocaleString(this.lang);
  }
}

function fill(text, vars) {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}
