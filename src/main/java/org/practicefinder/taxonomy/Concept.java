package org.practicefinder.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One value of a facet dimension, from {@code vocabulary.json}.
 *
 * @param dimension the dimension id, e.g. {@code population}
 * @param id the concept id, unique in the whole vocabulary, e.g. {@code transgender}
 * @param parent the parent concept id within the dimension ({@code saunas} → {@code indoor})
 * @param labels language → label
 * @param definitions language → one-line definition
 * @param terms language → match terms (analysed with that language's analyzer)
 * @param implies concepts that hold whenever this one does ({@code mothers} → {@code female})
 */
public record Concept(
    String dimension,
    String id,
    Optional<String> parent,
    Map<Language, String> labels,
    Map<Language, String> definitions,
    Map<Language, List<String>> terms,
    List<String> implies) {

  /**
   * Equal concepts have the same dimension and id: hashing those alone spares hashing every label,
   * definition and term on each lookup (a tenth of a long challenge's time went there).
   */
  @Override
  public int hashCode() {
    return 31 * dimension.hashCode() + id.hashCode();
  }

  /** @return the label in {@code language}, falling back to English */
  public String label(Language language) {
    return labels.getOrDefault(language, labels.get(Language.EN));
  }

  /** @return the definition in {@code language}, falling back to English */
  public String definition(Language language) {
    return definitions.getOrDefault(language, definitions.get(Language.EN));
  }
}
