/* The page's filter panel: one fieldset of checkboxes per facet dimension, with drill-sideways counts.
 * Values no practice has (given the other filters) are folded away until asked for; on a phone a
 * sticky "Show N practices" button under the filters takes the person straight to the results. */
import { asArray, h, toCount } from '../dom.js';
import { buildHash, navigate, orderedDimensions } from './routes.js';
import { $, dimensionName, listRoute, state, valueLabel } from './state.js';

const FACET_VISIBLE = 8; // longer value lists are folded after this many

/** @param total the practices the filters give, for the "Show N practices" button; null hides it */
export function renderFacets(facets, route, total) {
  const source = facets && typeof facets === 'object' ? facets : {};
  const dims = orderedDimensions(Object.keys(source).concat(
    Object.keys(route.filters).filter((d) => !(d in source))));
  $('facets').replaceChildren(...dims.map((dim) => renderFacetGroup(dim, withSelected(dim, asArray(source[dim]), route), route)));

  renderFilterControls(route);
  const show = $('show-results');
  show.hidden = total === null || total === undefined;
  if (!show.hidden) show.textContent = state.tx.plural('showPractices', total);
}

/** "Clear filters" and the filters button's count: known from the route alone, so set before the answer comes. */
export function renderFilterControls(route) {
  const active = activeFilterCount(route);
  const clear = $('clear-filters');
  clear.hidden = active === 0;
  clear.href = buildHash(Object.assign({}, route, { filters: {}, page: 1 }));
  updateFiltersToggle(active);
  renderActiveFilters(route);
}

/**
 * "Filtered by: Female sex workers; Street and outdoor · Change" above the results (shown on a phone only,
 * where the ticked boxes are folded away above); called again once the values' labels are known.
 */
export function renderActiveFilters(route) {
  const box = $('active-filters');
  const chosen = Object.entries(route.filters).flatMap(([dim, ids]) => ids.map((id) => [dim, id]));
  // Opened from a link, the values' labels come with the first answer: no ids meanwhile.
  const known = chosen.every(([dim, id]) => (state.facetLabelMaps[dim] || {})[id]);
  box.hidden = !chosen.length || !known;
  if (box.hidden) return box.replaceChildren();
  const names = chosen.map(([dim, id]) => valueLabel(dim, id));
  box.replaceChildren(
    h('span', { class: 'active-filters-label', text: state.tx.t('activeFilters') }), ' ',
    h('span', { text: names.join('; ') }), ' ',
    h('button', { type: 'button', class: 'link-button', 'aria-controls': 'filters-body', onclick: openFilters }, state.tx.t('changeFilters')));
}

function openFilters() {
  state.filtersOpen = true;
  updateFiltersToggle(activeFilterCount(state.route));
  $('filters-toggle').scrollIntoView({ block: 'start' });
  const first = document.querySelector('#facets input:checked') || document.querySelector('#facets input');
  if (first) first.focus({ preventScroll: true });
}

/** Closes the filters (on a phone) and moves view and focus to the results. */
export function showResultsNow() {
  state.filtersOpen = false;
  updateFiltersToggle(activeFilterCount(state.route));
  $('results').scrollIntoView({ block: 'start' });
  $('results-heading').focus({ preventScroll: true });
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
  let shown = 0;
  const list = h('ul', { class: 'facet-list' }, roots.map((value) => {
    const item = renderFacetItem(dim, value, selected, children, 0, expanded);
    const keep = containsSelected(value, selected, children) || (toCount(value.count, 0) > 0 && shown < FACET_VISIBLE);
    if (keep) shown += 1;
    else item.hidden = !expanded;
    return item;
  }));
  // Folded values: hidden ones not already inside a hidden one.
  const folded = Array.from(list.querySelectorAll('.facet-item'))
    .filter((li) => li.hidden && !li.parentElement.closest('.facet-item[hidden]')).length;

  const group = h('fieldset', { class: 'facet' },
    h('legend', { id: 'facet-' + dim, text: dimensionName(dim) }), list);
  if (folded > 0 || expanded) {
    group.append(h('button', {
      type: 'button', class: 'link-button', 'aria-expanded': String(expanded),
      onclick: () => toggleExpanded(dim)
    }, expanded ? state.tx.t('showFewer') : state.tx.t('showMoreValues', { n: state.tx.number(folded) })));
  }
  return group;
}

function containsSelected(value, selected, children) {
  if (selected.has(value.id)) return true;
  return (children.get(value.id) || []).some((child) => containsSelected(child, selected, children));
}

/* A value no practice has stays folded with its group, unless it is checked. */
function renderFacetItem(dim, value, selected, children, level, expanded) {
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
      h('span', { class: 'facet-count', text: state.tx.number(count) })));
  const kids = children.get(value.id);
  if (kids && kids.length && level < 4) {
    item.append(h('ul', { class: 'facet-list facet-children' }, kids.map((kid) => {
      const child = renderFacetItem(dim, kid, selected, children, level + 1, expanded);
      child.hidden = !expanded && toCount(kid.count, 0) === 0 && !containsSelected(kid, selected, children);
      return child;
    })));
  }
  return item;
}

export function findCheckbox(dim, id) {
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
    renderFacets(state.listCache.facetData && state.listCache.facetData.facets, state.route,
      state.listCache.data.noText ? null : listTotal(state.listCache.data));
    const button = Array.from(document.querySelectorAll('#facets .link-button'))
      .find((b) => b.closest('fieldset').querySelector('legend').id === 'facet-' + dim);
    if (button) button.focus();
  }
}

function listTotal(data) {
  return Array.isArray(data.results) ? data.results.length : toCount(data.total, 0);
}

export function activeFilterCount(route) {
  if (!route || !route.filters) return 0;
  return Object.values(route.filters).reduce((n, list) => n + list.length, 0);
}

export function updateFiltersToggle(active) {
  const button = $('filters-toggle');
  const label = state.filtersOpen ? state.tx.t('hideFilters') : state.tx.t('showFilters');
  button.textContent = active ? label + ' (' + active + ')' : label;
  button.setAttribute('aria-expanded', String(state.filtersOpen));
  $('filters').classList.toggle('is-open', state.filtersOpen);
}
