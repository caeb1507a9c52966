package org.practicefinder.taxonomy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The concepts assigned to one practice.
 *
 * @param facets dimension id → concept ids, in vocabulary order; a concept's parent is included
 * @param evidence concept id → the sentence of the practice that made it so (for a parent added
 *     through its child, the child's sentence); absent for concepts from an override
 */
public record Tagging(Map<String, List<String>> facets, Map<String, String> evidence) {
  public Tagging {
    facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets));
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }

  /** @return the concept ids of one dimension; empty if none */
  public List<String> get(String dimension) {
    return facets.getOrDefault(dimension, List.of());
  }
}
