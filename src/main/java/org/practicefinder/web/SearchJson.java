package org.practicefinder.web;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.search.SearchResult;
import org.practicefinder.taxonomy.Language;

/**
 * Writes the answers of {@code /api/search} and {@code /api/facets} from pieces: what is the same for
 * every search of a library generation (each practice's {@link JsonViews#summary}, each facet value's
 * {@link JsonViews#label}, the dimensions' labels) is encoded once per language when the generation
 * is made, the rest per request. The bytes are those of encoding the whole answer with
 * {@link ApiHandlers#GSON} (building and encoding that tree was a quarter of a new search). Immutable.
 */
final class SearchJson {
  private final JsonViews views;
  /** Language → practice id → its summary, without the closing brace. */
  private final Map<Language, Map<String, String>> summaries = new EnumMap<>(Language.class);
  /** Language → dimension → value → its label object, without the closing brace. */
  private final Map<Language, Map<String, Map<String, String>>> labels = new EnumMap<>(Language.class);
  private final Map<Language, String> facetLabels = new EnumMap<>(Language.class);

  SearchJson(PracticeLibrary library, JsonViews views) {
    this.views = views;
    for (Language lang : Language.values()) {
      Map<String, String> s = new HashMap<>();
      for (PracticeRecord r : library.records()) s.put(r.id(), open(ApiHandlers.GSON.toJson(views.summary(r, lang))));
      summaries.put(lang, s);
      Map<String, Map<String, String>> byDim = new HashMap<>();
      for (String dim : library.dimensions()) {
        Map<String, String> values = new HashMap<>();
        for (String v : library.knownValues(dim)) {
          values.put(v, open(ApiHandlers.GSON.toJson(views.label(dim, v, lang))));
        }
        byDim.put(dim, values);
      }
      labels.put(lang, byDim);
      facetLabels.put(lang, ApiHandlers.GSON.toJson(views.facetLabels(lang)));
    }
  }

  /** @return an object's JSON without its closing brace, for more members to follow */
  private static String open(String object) {
    return object.substring(0, object.length() - 1);
  }

  /**
   * @param guidance the guidance hits' JSON
   * @return query, total, page, size, hits ({@link JsonViews#summary} with type "practice", score,
   *     topics and snippets), facets, facetTotals, facetLabels, concepts, didYouMean? and guidance
   */
  String search(String query, int page, int size, SearchResult result, String guidance, Language lang) {
    StringBuilder out = new StringBuilder(32_768);
    out.append("{\"query\":").append(ApiHandlers.GSON.toJson(query))
        .append(",\"total\":").append(result.total())
        .append(",\"page\":").append(page)
        .append(",\"size\":").append(size)
        .append(",\"hits\":[");
    Map<String, String> summary = summaries.get(lang);
    for (int i = 0; i < result.hits().size(); i++) {
      SearchResult.Hit h = result.hits().get(i);
      if (i > 0) out.append(',');
      out.append(summary.get(h.id()))
          .append(",\"type\":\"practice\",\"score\":").append(JsonViews.round(h.score()))
          .append(",\"topics\":").append(ApiHandlers.GSON.toJson(views.topics(h.id(), result.concepts(), lang)))
          .append(",\"snippets\":").append(ApiHandlers.GSON.toJson(JsonViews.snippets(h.snippets())))
          .append('}');
    }
    out.append("],\"facets\":");
    facets(out, result.facets(), lang);
    out.append(",\"facetTotals\":").append(ApiHandlers.GSON.toJson(result.totals()))
        .append(",\"facetLabels\":").append(facetLabels.get(lang))
        .append(",\"concepts\":").append(ApiHandlers.GSON.toJson(views.concepts(result.concepts(), lang)));
    result.corrected().ifPresent(c -> out.append(",\"didYouMean\":").append(ApiHandlers.GSON.toJson(c)));
    return out.append(",\"guidance\":").append(guidance).append('}').toString();
  }

  /** @return facets (dimension → [{"id", "label", "parent"?, "count"}]) and facetLabels (dimension → its label) */
  String facets(Map<String, List<SearchResult.FacetCount>> facets, Language lang) {
    StringBuilder out = new StringBuilder("{\"facets\":");
    facets(out, facets, lang);
    return out.append(",\"facetLabels\":").append(facetLabels.get(lang)).append('}').toString();
  }

  private void facets(StringBuilder out, Map<String, List<SearchResult.FacetCount>> facets, Language lang) {
    Map<String, Map<String, String>> byDim = labels.get(lang);
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, List<SearchResult.FacetCount>> e : facets.entrySet()) {
      if (!first) out.append(',');
      first = false;
      out.append(ApiHandlers.GSON.toJson(e.getKey())).append(":[");
      Map<String, String> values = byDim.get(e.getKey());
      for (int i = 0; i < e.getValue().size(); i++) {
        SearchResult.FacetCount c = e.getValue().get(i);
        if (i > 0) out.append(',');
        out.append(values.get(c.value())).append(",\"count\":").append(c.count()).append('}');
      }
      out.append(']');
    }
    out.append('}');
  }
}
