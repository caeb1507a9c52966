/* One result (a search hit or a recommended practice) as a list item, for the page and the widget. */
import { asArray, h, markedSpan } from './dom.js';

/** The translated name of a practice section ("action" → "Дії"); unknown names as they are. */
export function sectionName(tx, section) {
  switch (section) {
    case 'challenge': return tx.t('section_challenge');
    case 'action': return tx.t('section_action');
    case 'steps': return tx.t('section_steps');
    case 'outcomes': return tx.t('section_outcomes');
    case 'lessons': return tx.t('section_lessons');
    case 'title': return tx.t('section_title');
    default: return String(section || '');
  }
}

/** The language of a practice's text as the API gives it ({@code language}); the manual's English when it does not say. */
export function textLanguage(item) {
  const code = item && item.language;
  return typeof code === 'string' && /^[a-z]{2,3}$/.test(code) ? code : 'en';
}

/** "Україна · Київ": country and places, translated through {@code labels} (dimension → id → label) when known. */
export function placeText(hit, labels) {
  const label = (dim, id) => (labels && labels[dim] && labels[dim][id]) || id;
  return [label('country', hit.country)]
    .concat(asArray(hit.locations).map((loc) => label('location', loc)))
    .filter(Boolean).join(' · ');
}

/** Labels of the detected concepts ({dimension, id, label}) that the hit is tagged with. */
export function matchedTopics(hit, concepts) {
  const facets = (hit && hit.facets) || {};
  return asArray(concepts)
    .filter((c) => c && asArray(facets[c.dimension]).some((v) => v && v.id === c.id))
    .map((c) => c.label || c.id);
}

/** The words for a recommendation's strength ("strong", "good", "related"), or null for none. */
export function strengthText(tx, strength) {
  switch (strength) {
    case 'strong': return tx.t('strength_strong');
    case 'good': return tx.t('strength_good');
    case 'related': return tx.t('strength_related');
    default: return null;
  }
}

/**
 * A result card.
 * @param hit a search hit or a recommendation of the API
 * @param o {tx, href: id → URL, labels, challenge: boolean, heading: 'h3' or null, newTab: boolean,
 *          evidence: boolean (the best passage of a recommendation), snippets: how many search snippets, topics: [label]}
 */
export function resultCard(hit, o) {
  const tx = o.tx;
  const lang = textLanguage(hit);
  const place = placeText(hit, o.labels);
  const link = h('a', {
    href: o.href(hit.id), 'data-id': hit.id,
    target: o.newTab ? '_blank' : null, rel: o.newTab ? 'noopener noreferrer' : null
  }, h('span', { lang, text: hit.title || hit.id }),
  o.newTab ? h('span', { class: 'visually-hidden', text: ' ' + tx.t('opensInNewTab') }) : null);
  const strength = o.challenge ? strengthText(tx, hit.strength) : null;
  const card = h('li', { class: 'card' + (strength ? ' is-' + hit.strength : '') },
    strength ? h('p', { class: 'strength strength-' + hit.strength, text: strength }) : null,
    o.heading ? h(o.heading, { class: 'card-title' }, link) : h('p', { class: 'card-title' }, link),
    h('p', { class: 'card-meta' },
      hit.organisation ? h('span', { class: 'org', lang, text: hit.organisation }) : null,
      place ? h('span', { class: 'place', text: place }) : null,
      lang !== tx.lang ? h('span', { class: 'not-translated', text: tx.t('notTranslatedShort') }) : null));

  if (o.challenge) {
    // The reason's parts ("For: … — you mentioned …; uses your words: …") one a line.
    const reasons = String(hit.why || '').split('; ').filter(Boolean);
    if (reasons.length) {
      card.append(h('div', { class: 'why' }, h('p', { class: 'why-label', text: tx.t('why') }),
        h('ul', { class: 'why-list' }, reasons.map((r) => h('li', { text: r })))));
    }
    if (o.evidence && hit.evidence && hit.evidence.html) {
      card.append(h('blockquote', { class: 'evidence' },
        h('p', { class: 'section-label' }, tx.t('evidenceFrom', { section: sectionName(tx, hit.evidence.section) }),
          readersWords(tx, hit.evidence)),
        h('p', {}, markedSpan(withoutListDash(hit.evidence.html), 'snippet', lang))));
    }
    return card;
  }
  if (o.topics && o.topics.length) {
    card.append(h('p', { class: 'why' }, h('strong', { text: tx.t('topics') }), ' ', h('span', { text: o.topics.join(', ') })));
  }
  const snippets = asArray(hit.snippets).filter((s) => s && s.html).slice(0, o.snippets);
  if (snippets.length) {
    card.append(h('dl', { class: 'snippets' }, snippets.map((s) =>
      h('div', { class: 'snippet-row' },
        h('dt', { class: 'section-label', text: sectionName(tx, s.section) }),
        h('dd', {}, markedSpan(withoutListDash(s.html), 'snippet', lang))))));
  } else {
    // Found through a topic alone: the topic, and the practice's sentence that gave it the tag.
    const topic = asArray(hit.topics).find((t) => t && t.evidence);
    if (topic) {
      card.append(h('blockquote', { class: 'evidence' },
        h('p', { class: 'section-label', text: tx.t('topicEvidence', { topic: topic.label || topic.id }) }),
        h('p', {}, h('span', { class: 'snippet', lang, text: topic.evidence }))));
    }
  }
  return card;
}

/** A passage without the list dash it had in the manual ("- Outreach workers …"): quoted alone, it reads as a stray mark. */
export function withoutListDash(html) {
  return String(html == null ? '' : html).replace(/^\s*[-–—•]\s+/, '');
}

/*
 * The reader's own words that brought the evidence sentence (evidence.words), marked as the sentence's
 * matching terms are, where the link is not plain to see: a word that none of the marked terms begins
 * like ("облав" for "сотрудники полиции", "condoms" for "презервативы").
 */
function readersWords(tx, evidence) {
  const terms = asArray(evidence.terms).map((t) => String(t).toLowerCase());
  const words = asArray(evidence.words).filter((w) => typeof w === 'string' && w.trim())
    .filter((w) => !terms.some((t) => sameStart(t, w.toLowerCase())));
  if (!words.length) return null;
  return h('span', { class: 'your-words' }, ' · ' + tx.t('yourWords') + ' ',
    words.flatMap((w, i) => [i ? ', ' : null, h('mark', { text: w.trim() })]));
}

/** Whether a word of {@code a} and a word of {@code b} begin with the same four letters (or are equal when shorter). */
function sameStart(a, b) {
  const starts = (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => w.slice(0, 4));
  const mine = starts(b);
  return starts(a).some((s) => mine.includes(s));
}

/** The words of {@code corrected} that differ from {@code typed}, each side joined by spaces; the whole texts when the words do not pair up. */
function changedWords(typed, corrected) {
  const a = String(typed).trim().split(/\s+/);
  const b = String(corrected).trim().split(/\s+/);
  const bare = (w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const pairs = a.length === b.length ? a.map((w, i) => [bare(w), bare(b[i])]).filter(([x, y]) => x !== y) : [];
  if (!pairs.length) return { typed: a.join(' '), corrected: b.join(' ') };
  return { typed: pairs.map((p) => p[0]).join(' '), corrected: pairs.map((p) => p[1]).join(' ') };
}

/**
 * The line an answer with {@code didYouMean} gets: "Showing results for “police”." (a search: the whole
 * corrected text) or "“outreech” was read as “outreach”." (a challenge: the words changed), and a
 * control for exactly what was typed; or, once that is shown, the line saying so and a control back.
 * @param o {typed, corrected, exact: the answer is for the typed text, challenge: boolean,
 *          control: label → a link or button made by the caller}
 */
export function spellingLine(tx, o) {
  const words = o.challenge ? changedWords(o.typed, o.corrected) : { typed: o.typed.trim(), corrected: o.corrected.trim() };
  const said = o.exact ? tx.t('spellingExact', { typed: words.typed })
    : o.challenge ? tx.t('spellingRead', { typed: words.typed, text: words.corrected })
      : tx.t('spellingShown', { text: words.corrected });
  return h('p', { class: 'spelling' }, h('span', { text: said }), ' ',
    o.control(o.exact ? tx.t('spellingCorrect', { text: words.corrected }) : tx.t('spellingAsTyped', { typed: words.typed })));
}
