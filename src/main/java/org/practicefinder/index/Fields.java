package org.practicefinder.index;

import java.util.List;
import org.apache.lucene.facet.FacetsConfig;
import org.practicefinder.model.Section;

/** Index field and facet dimension names, and the one {@link FacetsConfig} that indexing and search share. */
public final class Fields {
  public static final String TITLE = "title";
  /** Title, organisation, places and every section: the catch-all search field. */
  public static final String TEXT = "text";
  /** The whole {@link PracticeRecord} as JSON, for display without re-parsing the manual. */
  public static final String RECORD = "record";
  /** Embeddings of every sentence (title and sections, in {@code Sentences.of} order), float32 little-endian. */
  public static final String SENTENCE_VECTORS = "sentence_vectors";

  public static final String COUNTRY = "country";
  public static final String LOCATION = "location";

  /** Embedded units of a practice: the whole practice, then each section; see {@link #vector(String)}. */
  public static final String PRACTICE_UNIT = "practice";

  /** Facet dimensions fed from the practice header rather than the vocabulary. */
  public static final List<String> HEADER_DIMENSIONS = List.of(COUNTRY, LOCATION);

  private Fields() {}

  /** @return the field holding one section's text, e.g. {@code challenge} */
  public static String section(Section section) {
    return section.key();
  }

  /** @return the vector field of an embedded unit ({@code practice} or a section key), e.g. {@code vec_challenge} */
  public static String vector(String unit) {
    return "vec_" + unit;
  }

  /**
   * @return the facet configuration: every dimension but {@code country} and {@code year} holds
   *     several values per practice, and reports how many practices have any value
   */
  public static FacetsConfig facetsConfig(List<String> vocabularyDimensions) {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(LOCATION, true);
    config.setRequireDimCount(LOCATION, true);
    for (String dim : vocabularyDimensions) {
      config.setMultiValued(dim, true);
      config.setRequireDimCount(dim, true);
    }
    return config;
  }
}
