/* The page's view of one practice: facts, tags with the sentence behind each (each tag links to its
 * filter), sections, notes, similar practices, a citation, and what printing adds. A translated practice
 * says so and has its original one click away, in place; the interface stays in the page's language. */
import { errorMessage, isAbort, labelMaps } from '../api.js';
import { asArray, h, looksLikeEmail, safeUrl } from '../dom.js';
import { sectionName, textLanguage } from '../results.js';
import { buildHash, orderedDimensions, returnToList } from './routes.js';
import { keyGapsSection } from './guidance.js';
import { $, dimensionName, freshSignal, showAlert, showView, state, valueLabel } from './state.js';
import { citePanel, printInfo } from './takeaway.js';

const SECTIONS = ['challenge', 'action', 'steps', 'outcomes', 'lessons'];
const ORDERED_SECTIONS = new Set(['steps']);
const FACT_DIMENSIONS = new Set(['country', 'location']);
/** The practice shown: as the API gave it in the page's language, its original once asked for, and which is shown. */
let shown = null;

export async function showPractice(id) {
  showView('practice');
  const view = $('practice');
  view.classList.add('is-loading'); // holds the space the practice will take
  view.replaceChildren(backBar(null), h('p', { class: 'loading', text: state.tx.t('loading') }));
  window.scrollTo(0, 0);

  const signal = freshSignal();
  let practice;
  try {
    // Opened from a link, the page knows no dimension names or place names yet.
    const labels = Object.keys(state.facetLabels).length ? null : state.api.facets(signal).catch(() => null);
    practice = await state.api.practice(id, signal);
    rememberLabels(await labels);
  } catch (error) {
    if (isAbort(error)) return;
    showAlert(errorMessage(error, state.tx));
    view.classList.remove('is-loading');
    view.replaceChildren(backBar(null));
    return;
  }
  if (state.route.view !== 'practice' || state.route.id !== id) return;
  shown = { practice, original: null, showOriginal: false };
  renderPractice();
  $('practice-title').focus();
  loadSimilar(id);
}

/* The translation's original, fetched once, shown in place of the translated text and back; the tags,
 * facts and interface stay in the page's language. */
async function toggleOriginal() {
  const current = shown;
  if (!current.original) {
    try {
      current.original = await state.api.practice(current.practice.id, null, current.practice.translation.from);
    } catch (error) {
      showAlert(errorMessage(error, state.tx));
      return;
    }
  }
  if (shown !== current) return; // another practice was opened meanwhile
  current.showOriginal = !current.showOriginal;
  renderPractice();
  $('translation-toggle').focus();
}

function rememberLabels(facetData) {
  if (!facetData) return;
  state.facetLabels = Object.assign({}, facetData.facetLabels);
  Object.assign(state.facetLabelMaps, labelMaps(facetData));
}

/** Back, Cite (when the practice is known) and Print. */
function backBar(practice) {
  const cite = practice ? citePanel(practice) : null;
  return h('div', { class: 'practice-actions' },
    h('button', { type: 'button', class: 'btn back', onclick: () => returnToList(state.backUsesHistory) },
      '← ' + (state.backToGuidance ? state.tx.t('back') : state.tx.t('backToResults'))),
    h('div', { class: 'practice-tools' },
      cite ? cite.button : null,
      h('button', { type: 'button', class: 'btn print', onclick: () => window.print() }, state.tx.t('print'))),
    cite ? cite.panel : null);
}


/*
 * The practice in {@code shown}: its text (title, organisation, sections, notes, the sentences behind
 * its tags) from the translation or the original, each block marked with that text's language; the
 * rest from the practice in the page's language. The similar practices already loaded are kept.
 */
function renderPractice() {
  const p = shown.practice;
  const text = shown.showOriginal ? shown.original : p;
  const lang = textLanguage(text);
  learnLabels(p.facets);
  const view = $('practice');
  view.classList.remove('is-loading');
  const translated = !shown.showOriginal && !!p.translation;
  const cited = Object.assign({}, p, { title: text.title, organisation: text.organisation, translated });
  // The title stays the site's name: tab lists and history show no practice's subject.
  const heading = h('h2', { id: 'practice-title', tabindex: '-1', lang, text: text.title || p.id });
  const similar = view.querySelector('#similar') || h('section', { class: 'similar', id: 'similar', 'aria-labelledby': 'similar-heading' },
    h('h3', { id: 'similar-heading', text: state.tx.t('similar') }),
    h('p', { class: 'loading', text: state.tx.t('loading') }));
  const parts = [
    backBar(cited),
    h('header', { class: 'practice-head' },
      h('p', { class: 'eyebrow', text: state.tx.t('practiceCode', { id: p.id }) }),
      heading,
      translationNote(p),
      renderFacts(p, text)),
    // The practice's own text first: on a phone its tags fill screens, and they are the index, not the story.
    ...SECTIONS.filter((name) => hasContent(text.sections && text.sections[name]))
      .map((name) => renderSection(name, text.sections[name], lang)),
    renderNotes(text.notes, lang),
    keyGapsSection(p.keyGaps),
    renderTags(p.facets, text.evidence, lang),
    similar,
    printInfo(cited)
  ];
  view.replaceChildren(...parts.filter(Boolean));
}

/** "Translated from the English original" and the control to read it (and back); or that the practice is not translated. */
function translationNote(p) {
  const tx = state.tx;
  if (!p.translation || typeof p.translation !== 'object') {
    return textLanguage(p) === state.lang ? null : h('p', { class: 'translation-note', text: tx.t('notTranslated') });
  }
  const english = p.translation.from === 'en';
  const note = shown.showOriginal ? tx.t('originalShown') : tx.t(english ? 'translatedFromEnglish' : 'translatedFromOriginal');
  const label = shown.showOriginal ? tx.t('readTranslation') : tx.t(english ? 'readEnglishOriginal' : 'readOriginal');
  return h('p', { class: 'translation-note' }, h('span', { text: note }), ' ',
    h('button', { type: 'button', class: 'link-button', id: 'translation-toggle', onclick: toggleOriginal }, label));
}

// A practice opened from a link still gets translated labels of its tags.
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

function renderFacts(p, text) {
  const tx = state.tx;
  const rows = [];
  const add = (label, ...value) => rows.push(h('div', { class: 'fact' }, h('dt', { text: label }), h('dd', {}, ...value)));
  if (text.organisation) add(tx.t('organisation'), h('span', { lang: textLanguage(text), text: text.organisation }));
  if (p.country) add(dimensionName('country'), filterLink('country', p.country, valueLabel('country', p.country)));
  const locations = asArray(p.locations).filter(Boolean);
  if (locations.length) {
    add(dimensionName('location'), ...locations.flatMap((l, i) => [i ? ', ' : null, filterLink('location', l, valueLabel('location', l))]));
  }
  const url = safeUrl(p.url);
  if (url) add(tx.t('website'), h('a', { href: url, rel: 'noopener noreferrer', class: 'url', text: String(p.url).trim() }));
  if (p.contact) {
    const contact = String(p.contact).trim();
    add(tx.t('contact'), looksLikeEmail(contact)
      ? h('a', { href: 'mailto:' + contact, text: contact })
      : h('span', { text: contact }));
  }
  return rows.length ? h('dl', { class: 'facts' }, rows) : null;
}

/** A link to the search view filtered by one value: "all practices with this tag". */
function filterLink(dim, id, label, className) {
  return h('a', { href: buildHash({ view: 'search', q: '', page: 1, filters: { [dim]: [id] }, exclude: [] }), class: className || null, text: label });
}

function renderTags(facets, evidence, lang) {
  if (!facets || typeof facets !== 'object') return null;
  const tx = state.tx;
  const why = evidence && typeof evidence === 'object' ? evidence : {};
  // Country and places are already listed above the tags.
  const dims = orderedDimensions(Object.keys(facets))
    .filter((d) => !FACT_DIMENSIONS.has(d) && asArray(facets[d]).length);
  if (!dims.length) return null;
  let counter = 0;
  return h('section', { class: 'tags', 'aria-labelledby': 'tags-heading' },
    h('h3', { id: 'tags-heading', text: tx.t('tags') }),
    h('p', { class: 'hint tags-hint', text: tx.t('tagsHint') }),
    h('dl', { class: 'tag-groups' }, dims.map((dim) => {
      const notes = [];
      const chips = asArray(facets[dim]).map((tag) => {
        const label = tag.label || valueLabel(dim, tag.id);
        const sentence = why[tag.id];
        const link = filterLink(dim, tag.id, label, 'chip chip-link');
        if (!sentence) return h('li', {}, link);
        const noteId = 'why-' + (++counter);
        const note = h('p', { class: 'tag-evidence', id: noteId, hidden: true },
          h('strong', { text: tx.t('whyTag') + ': ' }), h('q', { lang, text: sentence }));
        notes.push(note);
        return h('li', { class: 'tag' }, link, h('button', {
          type: 'button', class: 'chip-why', title: sentence,
          'aria-label': tx.t('whyTagOf', { label }), 'aria-expanded': 'false', 'aria-controls': noteId,
          onclick: (event) => toggleEvidence(event.currentTarget, note)
        }, h('span', { 'aria-hidden': 'true', text: '?' })));
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

function renderSection(name, value, lang) {
  const body = Array.isArray(value)
    ? h(ORDERED_SECTIONS.has(name) ? 'ol' : 'ul', { class: 'section-list' },
      value.filter((item) => String(item || '').trim()).map((item) => h('li', { text: String(item) })))
    : String(value).split(/\n\s*\n/).filter((p) => p.trim()).map((p) => h('p', { text: p.trim() }));
  return h('section', { class: 'practice-section section-' + name },
    h('h3', { text: sectionName(state.tx, name) }),
    h('div', { lang }, body));
}

function renderNotes(notes, lang) {
  const list = asArray(notes).filter((n) => String(n || '').trim());
  if (!list.length) return null;
  return h('section', { class: 'notes' },
    h('h3', { text: state.tx.t('notes') }),
    h('ol', { lang }, list.map((n) => h('li', { text: String(n) }))));
}

async function loadSimilar(id) {
  let data;
  try {
    // No signal: it must not cancel or be cancelled by the practice request.
    data = await state.api.similar(id);
  } catch (error) {
    data = { error };
  }
  const box = $('similar');
  if (!box || state.route.view !== 'practice' || state.route.id !== id) return;
  const heading = box.querySelector('h3');
  if (data.error) {
    box.replaceChildren(heading, h('p', { class: 'hint', text: errorMessage(data.error, state.tx) }));
    return;
  }
  const results = asArray(data.results).filter((r) => r && r.id && r.id !== id);
  box.replaceChildren(heading, results.length
    ? h('ul', { class: 'similar-list' }, results.map((r) => h('li', {},
      h('a', { href: buildHash({ view: 'practice', id: r.id }), lang: textLanguage(r), text: r.title || r.id }),
      r.why ? h('p', { class: 'why', text: r.why }) : null)))
    : h('p', { class: 'hint', text: state.tx.t('noSimilar') }));
}
