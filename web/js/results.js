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
  const place = placeText(hit, o.labels);
  const link = h('a', {
    href: o.href(hit.id), 'data-id': hit.id,
    target: o.newTab ? '_blank' : null, rel: o.newTab ? 'noopener noreferrer' : null
  }, h('span', { lang: 'en', text: hit.title || hit.id }),
  o.newTab ? h('span', { class: 'visually-hidden', text: ' ' + tx.t('opensInNewTab') }) : null);
  const strength = o.challenge ? strengthText(tx, hit.strength) : null;
  const card = h('li', { class: 'card' + (strength ? ' is-' + hit.strength : '') },
    strength ? h('p', { class: 'strength strength-' + hit.strength, text: strength }) : null,
    o.heading ? h(o.heading, { class: 'card-title' }, link) : h('p', { class: 'card-title' }, link),
    h('p', { class: 'card-meta' },
      hit.organisation ? h('span', { class: 'org', lang: 'en', text: hit.organisation }) : null,
      place ? h('span', { class: 'place', text: place }) : null));

  if (o.challenge) {
    // The reason's parts ("For: … — you mentioned …; uses your words: …") one a line.
    const reasons = String(hit.why || '').split('; ').filter(Boolean);
    if (reasons.length) {
      card.append(h('div', { class: 'why' }, h('p', { class: 'why-label', text: tx.t('why') }),
        h('ul', { class: 'why-list' }, reasons.map((r) => h('li', { text: r })))));
    }
    if (o.evidence && hit.evidence && hit.evidence.html) {
      card.append(h('blockquote', { class: 'evidence' },
        h('p', { class: 'section-label', text: tx.t('evidenceFrom', { section: sectionName(tx, hit.evidence.section) }) }),
        h('p', {}, markedSpan(hit.evidence.html, 'snippet'))));
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
        h('dd', {}, markedSpan(s.html, 'snippet'))))));
  } else {
    // Found through a topic alone: the topic, and the practice's sentence that gave it the tag.
    const topic = asArray(hit.topics).find((t) => t && t.evidence);
    if (topic) {
      card.append(h('blockquote', { class: 'evidence' },
        h('p', { class: 'section-label', text: tx.t('topicEvidence', { topic: topic.label || topic.id }) }),
        h('p', {}, h('span', { class: 'snippet', lang: 'en', text: topic.evidence }))));
    }
  }
  return card;
}
