/* The JSON API, for the page and the widget. No cookies are sent and no referrer:
 * the API needs neither, and a partner's page address is none of its business. */

/** A failed request. kind: 'network' (unreachable), 'bad-request' (4xx), 'not-found' (404), 'server' (5xx or not JSON). */
export class ApiError extends Error {
  constructor(kind, status, detail) {
    super(kind + (status ? ' ' + status : '') + (detail ? ': ' + detail : ''));
    this.kind = kind;
    this.status = status;
    this.detail = detail || '';
  }
}

export function isAbort(error) {
  return !!error && error.name === 'AbortError';
}

/**
 * The message a person sees for a failed request, in the language of {@code tx}, saying what to do
 * next; never the server's own words, which are for developers.
 * @param filtersInLink the filters came from a link the person followed (the page), not from the site (a widget)
 */
export function errorMessage(error, tx, filtersInLink) {
  const kind = error && error.kind;
  const detail = (error && error.detail) || '';
  if (kind === 'bad-request') {
    const tooLong = /longer than (\d+)/.exec(detail);
    if (tooLong) return tx.t('tooLong', { max: tx.number(Number(tooLong[1])) });
    if (/too many words/.test(detail)) return tx.t('tooManyWords');
    if (filtersInLink && /^unknown (facet|\S+ value)/.test(detail)) return tx.t('staleFilter');
    return tx.t('badRequest');
  }
  if (kind === 'not-found') return tx.t('notFound');
  if (kind === 'server') return tx.t('serverError');
  return tx.t('networkError');
}

/**
 * A client of the API at {@code base} (an origin or a path ending in "/"; "" for the page's own host),
 * answering in {@code lang}.
 */
export function createApi(base, lang) {
  const root = base ? String(base).replace(/\/*$/, '/') : '';

  /* With a body, a POST of JSON: challenges are long and sensitive, and a URL
   * has a length limit and ends up in access logs. */
  async function request(path, params, options) {
    const opts = options || {};
    const query = new URLSearchParams(params || {});
    query.set('lang', opts.lang || lang);
    const body = opts.body ? JSON.stringify(Object.assign({ lang }, opts.body)) : undefined;
    let response;
    try {
      response = await fetch(root + path + (body ? '' : '?' + query.toString()), {
        method: body ? 'POST' : 'GET',
        headers: body ? { Accept: 'application/json', 'Content-Type': 'application/json' } : { Accept: 'application/json' },
        body,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: opts.signal
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError('network', 0);
    }
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (response.ok && data && typeof data === 'object' && !data.error) return data;
    const detail = data && typeof data.error === 'string' ? data.error : '';
    if (response.status === 404) throw new ApiError('not-found', 404, detail);
    if (response.status >= 400 && response.status < 500) throw new ApiError('bad-request', response.status, detail);
    throw new ApiError('server', response.status, detail);
  }

  return {
    lang,
    /** GET /api/search: params as URLSearchParams (repeated facet parameters allowed). */
    search: (params, signal) => request('api/search', params, { signal }),
    /** POST /api/recommend with {challenge, filters, exclude, size, spell}. */
    recommend: (body, signal) => request('api/recommend', null, { body, signal }),
    /** GET /api/practices/ID; {@code inLang} asks for another language than the reader's (a translation's original). */
    practice: (id, signal, inLang) => request('api/practices/' + encodeURIComponent(id), null, { signal, lang: inLang }),
    similar: (id, signal) => request('api/practices/' + encodeURIComponent(id) + '/similar', null, { signal }),
    /** GET /api/facets: every dimension's values with labels and counts, and the dimensions' labels. */
    facets: (signal) => request('api/facets', null, { signal }),
    /** GET /api/guidance: the manual's guidance entries ({kind} for one kind), or with {q} those that match. */
    guidance: (params, signal) => request('api/guidance', params, { signal }),
    guidanceEntry: (id, signal) => request('api/guidance/' + encodeURIComponent(id), null, { signal })
  };
}

/** Filters {dimension: [ids]} as repeated query parameters, appended to {@code params}. */
export function appendFilters(params, filters, order) {
  for (const dim of order ? order(Object.keys(filters)) : Object.keys(filters)) {
    for (const value of filters[dim]) params.append(dim, value);
  }
  return params;
}

/** dimension → {id → label}, from a facets answer ({facets: {dim: [{id, label}]}}). */
export function labelMaps(facetData) {
  const maps = {};
  const facets = (facetData && facetData.facets) || {};
  for (const dim of Object.keys(facets)) {
    const map = {};
    for (const value of Array.isArray(facets[dim]) ? facets[dim] : []) map[value.id] = value.label || value.id;
    maps[dim] = map;
  }
  return maps;
}
