package org.practicefinder.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.practicefinder.i18n.Texts;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.Dimension;
import org.practicefinder.taxonomy.Language;
import org.practicefinder.taxonomy.Tagger;
import org.practicefinder.taxonomy.Vocabulary;

/**
 * The registry of facet dimensions, in display order: the vocabulary's (population, setting,
 * service…: values are concepts, labels from {@code vocabulary.json}), then country and place (from
 * practice headers) and the year a practice started (from its text), whose labels and values' labels
 * come from the server's bundles ({@link Texts}: {@code dimension.<id>}, {@code country.<name>},
 * {@code place.<name>}). The one place that says where each dimension gets its values and its labels.
 */
public final class Dimensions {
  /** Where a dimension's values come from. */
  public enum Source { VOCABULARY, COUNTRY, PLACE, YEAR }

  /** The dimensions fed from practice headers and text rather than the vocabulary, after the vocabulary's. */
  private static final List<String> OWN = List.of(Fields.COUNTRY, Fields.LOCATION, Tagger.YEAR);

  private final Vocabulary vocabulary;
  private final List<String> ids;

  public Dimensions(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    List<String> all = new ArrayList<>(vocabulary.dimensions().stream().map(Dimension::id).toList());
    all.addAll(OWN);
    this.ids = List.copyOf(all);
  }

  /** @return every dimension id, in display order */
  public List<String> ids() {
    return ids;
  }

  /** @return the ids of the dimensions that are not the vocabulary's: country, location, year */
  public static List<String> own() {
    return OWN;
  }

  /** @throws IllegalArgumentException if there is no such dimension */
  public Source source(String id) {
    return switch (id) {
      case Fields.COUNTRY -> Source.COUNTRY;
      case Fields.LOCATION -> Source.PLACE;
      case Tagger.YEAR -> Source.YEAR;
      default -> {
        if (vocabulary.dimension(id).isEmpty()) throw new IllegalArgumentException("unknown facet; known: " + ids);
        yield Source.VOCABULARY;
      }
    };
  }

  /** @return the dimension's label in {@code language} */
  public String label(String id, Language language) {
    return source(id) == Source.VOCABULARY
        ? vocabulary.dimension(id).orElseThrow().label(language)
        : Texts.of(language).get("dimension." + id);
  }

  /** @return a value's label in {@code language}: a concept's label, a country's or place's name, a year as it is */
  public String valueLabel(String id, String value, Language language) {
    Texts texts = Texts.of(language);
    return switch (source(id)) {
      case VOCABULARY -> concept(id, value).map(c -> c.label(language)).orElse(value);
      case COUNTRY -> texts.find("country." + value).orElse(value);
      case PLACE -> texts.place(value);
      case YEAR -> value;
    };
  }

  /** @return the concept a value of a vocabulary dimension is, if it is one */
  public Optional<Concept> concept(String id, String value) {
    return vocabulary.concept(value).filter(c -> c.dimension().equals(id));
  }

  /** @return the practice's values of a dimension: its country, its places, its year or its concepts */
  public static List<String> values(PracticeRecord record, String id) {
    return switch (id) {
      case Fields.COUNTRY -> List.of(record.practice().country().displayName());
      case Fields.LOCATION -> record.practice().locationNames();
      default -> record.tagging().get(id);
    };
  }
}
