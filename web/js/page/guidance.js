/* The manual's guidance on the page: its entries by kind (#/guidance?kind=gap), an entry
 * (#/guidance/gap-stigma; a key gap with its barrier, recommendation, example, practices and Russia
 * note), the guidance that matches a search or a challenge above the practices, and a practice's key gaps. */
import { errorMessage, isAbort } from '../api.js';
import { asArray, h, markedSpan, toCount } from '../dom.js';
import { buildHash, returnToList } from './routes.js';
import { $, freshSignal, showAlert, showView, state } from './state.js';

/** The kinds in the order the page lists them: what is missing and what works first. */
const KINDS = ['gap', 'key-element', 'outreach-method', 'principle', 'component', 'background', 'aim'];

/** The name of a kind of guidance entry, one ("Key gap") or the heading of several ("Key gaps"). */
export function kindName(tx, kind, several) {
  switch (kind) {
    case 'gap': return several ? tx.t('kindsGap') : tx.t('kindGap');
    case 'key-element': return several ? tx.t('kindsKeyElement') : tx.t('kindKeyElement');
    case 'outreach-method': return several ? tx.t('kindsOutreachMethod') : tx.t('kindOutreachMethod');
    case 'principle': return several ? tx.t('kindsPrinciple') : tx.t('kindPrinciple');
    case 'component': return several ? tx.t('kindsComponent') : tx.t('kindComponent');
    case 'background': return several ? tx.t('kindsBackground') : tx.t('kindBackground');
    case 'aim': return several ? tx.t('kindsAim') : tx.t('kindAim');
    default: return String(kind || '');
  }
}

const entryHref = (id) => buildHash({ view: 'guidance-entry', id });
const practiceHref = (id) => buildHash({ view: 'practice', id });
const textLang = (entry) => entry.language || 'en';

/** Shows the guidance list (route.view 'guidance': all, one kind, or the entries matching route.q) or one entry. */
export async function showGuidance(route) {
  showView('guidance');
  const view = $('guidance');
  view.classList.add('is-loading');
  view.replaceChildren(h('p', { class: 'loading', text: state.tx.t('loading') }));
  window.scrollTo(0, 0);
  const signal = freshSignal();
  let data;
  try {
    if (route.view === 'guidance-entry') data = await state.api.guidanceEntry(route.id, signal);
    else if (route.q) data = await state.api.guidance({ q: route.q }, signal);
    else data = await allGuidance(signal);
  } catch (error) {
    if (isAbort(error)) return;
    showAlert(error.kind === 'not-found' ? state.tx.t('guidanceNotFound') : errorMessage(error, state.tx));
    view.classList.remove('is-loading');
    view.replaceChildren(backLink());
    return;
  }
  if (state.route !== route) return; // a newer route has taken over
  view.classList.remove('is-loading');
  if (route.view === 'guidance-entry') renderEntry(view, data);
  else if (route.q) renderSearch(view, route, data);
  else renderIndex(view, route, data);
  $('guidance-title').focus();
}

/* The whole guidance, once per language: the index and its kinds are views of it. */
async function allGuidance(signal) {
  if (!state.guidanceCache || state.guidanceCache.lang !== state.lang) {
    state.guidanceCache = { lang: state.lang, data: await state.api.guidance(null, signal) };
  }
  return state.guidanceCache.data;
}

/* Back to the results it was opened from (a phone user who followed a key gap from a challenge's
 * results would otherwise land on the guidance's index, the results a menu away); else to the index. */
function backLink(kind) {
  if (state.guidanceFromList) {
    return h('div', { class: 'practice-actions' },
      h('button', { type: 'button', class: 'btn back', onclick: () => returnToList(!state.privateHistory) }, '← ' + state.tx.t('backToResults')),
      h('a', { class: 'btn', href: buildHash({ view: 'guidance', kind: kind || '' }) }, state.tx.t('backToGuidance')));
  }
  return h('div', { class: 'practice-actions' },
    h('a', { class: 'btn back', href: buildHash({ view: 'guidance', kind: kind || '' }) }, '← ' + state.tx.t('backToGuidance')));
}

function heading(text, lang) {
  return h('h2', { id: 'guidance-title', tabindex: '-1', lang: lang || null, text });
}

function renderIndex(view, route, data) {
  const tx = state.tx;
  const entries = asArray(data.guidance).filter((g) => g && g.id);
  const kind = KINDS.includes(route.kind) ? route.kind : '';
  const counts = {};
  for (const g of entries) counts[g.kind] = (counts[g.kind] || 0) + 1;
  const kindLink = (k, label, n) => h('li', {}, h('a', {
    class: 'chip chip-link', href: buildHash({ view: 'guidance', kind: k }), 'aria-current': k === kind ? 'page' : null
  }, label + ' (' + tx.number(n) + ')'));
  const shown = KINDS.filter((k) => counts[k]);
  view.replaceChildren(
    h('header', { class: 'guidance-head' },
      heading(kind ? kindName(tx, kind, true) : tx.t('guidanceTitle')),
      h('p', { class: 'lead', text: tx.t('guidanceIntro') })),
    h('nav', { class: 'kind-nav', 'aria-label': tx.t('guidanceKinds') },
      h('ul', { class: 'chips' }, kindLink('', tx.t('guidanceAllKinds'), entries.length),
        shown.map((k) => kindLink(k, kindName(tx, k, true), counts[k])))),
    ...(kind
      ? [h('ul', { class: 'cards', 'aria-labelledby': 'guidance-title' }, entries.filter((g) => g.kind === kind).map((g) => entryCard(g, 'h3')))]
      : shown.map((k) => h('section', { class: 'guidance-group', 'aria-labelledby': 'kind-' + k },
        h('h3', { id: 'kind-' + k, text: kindName(tx, k, true) }),
        h('ul', { class: 'cards' }, entries.filter((g) => g.kind === k).map((g) => entryCard(g, 'h4')))))));
}

/* A gap shows its recommendation; a longer entry its opening; a list item, whose title is its text, its title alone. */
function entryCard(g, level) {
  const tx = state.tx;
  const text = String(g.text || '');
  const opening = text.split('\n')[0];
  const summary = g.recommendation
    ? h('p', { class: 'guidance-line' }, h('strong', { text: tx.t('recommendation') + ': ' }), h('span', { lang: textLang(g), text: g.recommendation }))
    : opening && opening !== g.title ? h('p', { class: 'guidance-line', lang: textLang(g), text: excerpt(opening) }) : null;
  return h('li', { class: 'card guidance-card' },
    h(level, { class: 'card-title' }, h('a', { href: entryHref(g.id), lang: textLang(g), text: g.title || g.id })),
    summary);
}

function excerpt(text) {
  return text.length <= 220 ? text : text.slice(0, text.lastIndexOf(' ', 210)) + ' …';
}

function renderSearch(view, route, data) {
  const tx = state.tx;
  const hits = asArray(data.hits).filter((g) => g && g.id);
  view.replaceChildren(
    backLink(),
    h('header', { class: 'guidance-head' }, heading(tx.t('guidanceSearchTitle', { q: route.q }))),
    hits.length
      ? h('ul', { class: 'cards', 'aria-labelledby': 'guidance-title' }, hits.map(hitCard))
      : h('p', { class: 'empty', text: tx.t('guidanceNoHits') }));
}

function hitCard(g) {
  return h('li', { class: 'card guidance-card' },
    h('p', { class: 'kind-label', text: kindName(state.tx, g.kind, false) }),
    h('h3', { class: 'card-title' }, h('a', { href: entryHref(g.id), lang: textLang(g), text: g.title || g.id })),
    g.snippet ? h('p', { class: 'guidance-line' }, markedSpan(g.snippet, 'snippet', textLang(g))) : null);
}

function renderEntry(view, g) {
  const tx = state.tx;
  const lang = textLang(g);
  const part = (label, text, className) => h('section', { class: 'guidance-part' + (className ? ' ' + className : '') },
    h('h3', { text: label }), paragraphs(text, lang));
  const practices = asArray(g.practices).filter((p) => p && p.id);
  const body = g.kind === 'gap'
    ? [part(tx.t('barrier'), g.barrier),
      part(tx.t('recommendation'), g.recommendation, 'guidance-recommendation'),
      part(tx.t('example'), g.example),
      practices.length ? h('section', { class: 'guidance-part', 'aria-labelledby': 'example-practices' },
        h('h3', { id: 'example-practices', text: tx.t('examplePractices') }),
        h('ul', { class: 'similar-list' }, practices.map((p) => h('li', {},
          h('a', { href: practiceHref(p.id), lang, text: p.title || p.id }))))) : null,
      g.russiaNote ? h('aside', { class: 'russia-note', 'aria-labelledby': 'russia-note' },
        h('h3', { id: 'russia-note', text: tx.t('russiaNote') }), paragraphs(g.russiaNote, lang)) : null]
    : [paragraphs(g.text, lang)];
  const notes = asArray(g.notes).filter((n) => String(n || '').trim());
  view.replaceChildren(h('article', { class: 'practice guidance-entry' },
    backLink(g.kind),
    h('header', { class: 'practice-head' },
      h('p', { class: 'eyebrow', text: kindName(tx, g.kind, false) }),
      heading(g.title || g.id, lang),
      // The manual's section, unless it only repeats the kind named above the title ("Key gap" / "Key gaps").
      showsSection(g) ? h('p', { class: 'hint', lang, text: g.section }) : null,
      g.translation && g.translation.note ? h('p', { class: 'hint translation-note', text: g.translation.note }) : null),
    ...body,
    notes.length ? h('section', { class: 'notes' }, h('h3', { text: tx.t('notes') }),
      h('ol', { lang }, notes.map((n) => h('li', { text: String(n) })))) : null,
    // The source is the English manual, cited in English whatever the page's language.
    g.source ? h('p', { class: 'hint guidance-source' },
      tx.parts('guidanceSource', { source: h('span', { lang: 'en', text: sourceText(g.source) }) })) : null));
}

function showsSection(g) {
  const section = String(g.section || '').trim().toLowerCase();
  return !!section && section !== String(g.title || '').trim().toLowerCase()
    && section !== kindName(state.tx, g.kind, true).trim().toLowerCase();
}

function paragraphs(text, lang) {
  return h('div', { lang }, String(text || '').split('\n').filter((p) => p.trim()).map((p) => h('p', { text: p.trim() })));
}

function sourceText(source) {
  const who = [source.publisher, source.year].filter(Boolean).join(', ');
  return [source.title + (who ? ' (' + who + ')' : ''), source.section].filter(Boolean).join(': ');
}

/**
 * The guidance that matches a list view's answer, for the box above its practices: a challenge's key
 * gaps and key elements (recommend's {guidance: [...]}) or a search's guidance hits ({guidance:
 * {total, hits}}); null when there is none.
 */
export function guidanceBox(data, route) {
  const tx = state.tx;
  const challenge = route.view === 'challenge';
  const found = challenge ? asArray(data.guidance) : asArray(data.guidance && data.guidance.hits);
  const items = found.filter((g) => g && g.id);
  if (!items.length) return null;
  const total = challenge ? items.length : toCount(data.guidance.total, items.length);
  return h('section', { class: 'guidance-box', 'aria-labelledby': 'guidance-found-heading' },
    h('h3', { id: 'guidance-found-heading', text: challenge ? tx.t('guidanceForChallenge') : tx.t('guidanceInSearch') }),
    challenge ? h('p', { class: 'hint', text: tx.t('guidanceForChallengeHint') }) : null,
    h('ul', { class: 'guidance-found' }, items.map((g) => (challenge ? matchItem(g) : hitItem(g)))),
    challenge ? null
      : h('p', { class: 'guidance-more' }, h('a', { href: buildHash({ view: 'guidance', q: route.q.trim() }), text: tx.plural('guidanceAllHits', total) })));
}

function matchItem(g) {
  const tx = state.tx;
  const topics = asArray(g.sharedConcepts).map((c) => c && (c.label || c.id)).filter(Boolean);
  const words = asArray(g.words).filter(Boolean);
  return h('li', {},
    h('p', { class: 'kind-label', text: kindName(tx, g.kind, false) }),
    h('p', { class: 'guidance-title' }, h('a', { href: entryHref(g.id), lang: textLang(g), text: g.title || g.id })),
    g.recommendation ? h('p', { class: 'guidance-line' }, h('strong', { text: tx.t('recommendation') + ': ' }),
      h('span', { lang: textLang(g), text: g.recommendation })) : null,
    topics.length ? h('p', { class: 'guidance-why', text: tx.t('guidanceShares', { topics: topics.join(', ') }) }) : null,
    words.length ? h('p', { class: 'guidance-why', text: tx.t('guidanceWords', { words: words.join(', ') }) }) : null);
}

/* Short above a search's practices: what kind it is and its title; the passages are on the guidance's own page. */
function hitItem(g) {
  return h('li', {},
    h('p', { class: 'kind-label', text: kindName(state.tx, g.kind, false) }),
    h('p', { class: 'guidance-title' }, h('a', { href: entryHref(g.id), lang: textLang(g), text: g.title || g.id })));
}

/* A practice's key gaps (the gaps whose example names it), each a link to the gap, where its barrier and
 * recommendation are (a long recommendation here would push the practice's own text down); null for none. */
export function keyGapsSection(gaps) {
  const tx = state.tx;
  const list = asArray(gaps).filter((g) => g && g.id);
  if (!list.length) return null;
  return h('section', { class: 'key-gaps', 'aria-labelledby': 'key-gaps-heading' },
    h('h3', { id: 'key-gaps-heading', text: tx.plural('keyGapHeading', list.length) }),
    h('p', { class: 'hint', text: tx.plural('keyGapHint', list.length) }),
    h('ul', { class: 'similar-list' }, list.map((g) => h('li', {},
      h('a', { href: entryHref(g.id), lang: textLang(g), text: g.title || g.id })))));
}
