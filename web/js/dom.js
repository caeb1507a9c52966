/* Small DOM and data helpers shared by the page, the widget and the partners' page. */

/** Tiny element builder; strings always become text nodes, never HTML. */
export function h(tag, attrs, ...children) {
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
export function markOnly(html) {
  return String(html == null ? '' : html)
    .replace(/<\/?[A-Za-z!?][^<>]*>/g, (tag) => (/^<\/?mark>$/i.test(tag) ? tag.toLowerCase() : ''))
    .replace(/<(?!\/?mark>)/g, '&lt;');
}

/** A span of the manual's text (English unless {@code lang} says otherwise) with its <mark> highlights. */
export function markedSpan(html, className, lang) {
  const span = h('span', { class: className, lang: lang || 'en' });
  span.innerHTML = markOnly(html);
  return span;
}

export function asArray(value) {
  return Array.isArray(value) ? value : [];
}

export function toCount(value, fallback) {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
}

/** Only http(s) links; the manual prints bare "www.example.org". */
export function safeUrl(raw) {
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

export function looksLikeEmail(text) {
  return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(String(text || '').trim());
}
