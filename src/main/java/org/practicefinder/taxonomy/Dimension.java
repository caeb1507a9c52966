package org.practicefinder.taxonomy;

import java.util.List;
import java.util.Map;

/**
 * A facet dimension of the vocabulary.
 *
 * @param id e.g. {@code population}, {@code setting}, {@code service}
 * @param labels language → label
 * @param concepts its concepts, parents before their children
 */
public record Dimension(String id, Map<Language, String> labels, List<Concept> concepts) {
  public String label(Language language) {
    return labels.getOrDefault(language, labels.get(Language.EN));
  }
}
