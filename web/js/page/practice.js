/* The page's view of one practice: facts, tags with the sentence behind each (each tag links to its
 * filter), sections, notes, similar practices, a citation, and what printing adds. */
import { errorMessage, isAbort, labelMaps } from '../api.js';
import { asArray, h, looksLikeEmail, safeUrl } from '../dom.js';
import { sectionName } from '../results.js';
import { buildHash, navigate, orderedDimensions } from './routes.js';
import { $, dimensionName, freshSignal, showAlert, state, valueLabel } from './state.js';
import { citePanel, printInfo } from './takeaway.js';

const SECTIONS = ['challenge', 'action', 'steps', 'outcomes', 'lessons'];
const ORDERED_SECTIONS = new Set(['steps']);
const FACT_DIMENSIONS = new Set(['country', 'location']);

export async function showPractice(id) {
  $('finder').hidden = true;
  const view = $('practice');
  view.hidden = false;
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
  renderPractice(practice);
  loadSimilar(id);
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
    h('button', { type: 'button', class: 'btn back', onclick: goBack }, '← ' + state.tx.t('backToResults')),
    h('div', { class: 'practice-tools' },
      cite ? cite.button : null,
      h('button', { type: 'button', class: 'btn print', onclick: () => window.print() }, state.tx.t('print'))),
    cite ? cite.panel : null);
}

function goBack() {
  // History keeps the user's place; a fresh fragment is only needed after a direct link or in memory.
  if (state.backUsesHistory) history.back();
  else navigate(state.listHash);
}

function renderPractice(p) {
  learnLabels(p.facets);
  const view = $('practice');
  view.classList.remove('is-loading');
  const title = p.title || p.id;
  // The title stays the site's name: tab lists and history show no practice's subject.
  const heading = h('h2', { id: 'practice-title', tabindex: '-1', lang: 'en', text: title });
  const parts = [
    backBar(p),
    h('header', { class: 'practice-head' },
      h('p', { class: 'eyebrow', text: state.tx.t('practiceCode', { id: p.id }) }),
      heading,
      renderFacts(p)),
    renderTags(p.facets, p.evidence),
    ...SECTIONS.filter((name) => hasContent(p.sections && p.sections[name]))
      .map((name) => renderSection(name, p.sections[name])),
    renderNotes(p.notes),
    h('section', { class: 'similar', id: 'similar', 'aria-labelledby': 'similar-heading' },
      h('h3', { id: 'similar-heading', text: state.tx.t('similar') }),
      h('p', { class: 'loading', text: state.tx.t('loading') })),
    printInfo(p)
  ];
  view.replaceChildren(...parts.filter(Boolean));
  heading.focus();
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

function renderFacts(p) {
  const tx = state.tx;
  const rows = [];
  const add = (label, ...value) => rows.push(h('div', { class: 'fact' }, h('dt', { text: label }), h('dd', {}, ...value)));
  if (p.organisation) add(tx.t('organisation'), h('span', { lang: 'en', text: p.organisation }));
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

function renderTags(facets, evidence) {
  if (!facets || typeof facets !== 'object') return null;
  const tx = state.tx;
  const why = evidence && typeof evidence === 'object' ? evidence : {};
  // Country and places are already listed above the tags.
  const dims = orderedDimensions(Object.keys(facets))
    .filter((d) => !FACT_DIMENSIONS.has(d) && asArray(facets[d]).length);
  if (!dims.length) return null;
  let counter = 0;
  return h('section', { class: 'tags', 'aria-labelledby': 'tags-heading' },
    h('h3', { id: 'tags-heading', class: 'visually-hidden', text: tx.t('tags') }),
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
          h('strong', { text: tx.t('whyTag') + ': ' }), h('span', { lang: 'en', text: '“' + sentence + '”' }));
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

function renderSection(name, value) {
  const body = Array.isArray(value)
    ? h(ORDERED_SECTIONS.has(name) ? 'ol' : 'ul', { class: 'section-list' },
      value.filter((item) => String(item || '').trim()).map((item) => h('li', { text: String(item) })))
    : String(value).split(/\n\s*\n/).filter((p) => p.trim()).map((p) => h('p', { text: p.trim() }));
  return h('section', { class: 'practice-section section-' + name },
    h('h3', { text: sectionName(state.tx, name) }),
    h('div', { lang: 'en' }, body));
}

function renderNotes(notes) {
  const list = asArray(notes).filter((n) => String(n || '').trim());
  if (!list.length) return null;
  return h('section', { class: 'notes' },
    h('h3', { text: state.tx.t('notes') }),
    h('ol', { lang: 'en' }, list.map((n) => h('li', { text: String(n) }))));
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
      h('a', { href: buildHash({ view: 'practice', id: r.id }), lang: 'en', text: r.title || r.id }),
      r.why ? h('p', { class: 'why', text: r.why }) : null)))
    : h('p', { class: 'hint', text: state.tx.t('noSimilar') }));
}
