package org.practicefinder.taxonomy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the vocabulary's terms that may exist only because an evaluation challenge used them: terms
 * that judged challenges contain (matched as a challenge is, with {@link ConceptDetector#SLOP}) and
 * the reference texts (the manual, TAXONOMY.md) do not (matched strictly, as the tagger does), after
 * each language's analysis. Such a term stays only with a recorded source ({@link Vocabulary#source}).
 */
public final class VocabularyAudit {
  /**
   * @param challenges ids of the challenges that contain the term
   * @param source where the term comes from, if the vocabulary records it
   */
  public record Finding(Concept concept, Language language, String term, List<String> challenges, Optional<String> source) {}

  private record Key(String concept, Language language, String term) {}

  private VocabularyAudit() {}

  /**
   * @param reference texts the terms of the field come from (the manual's text, TAXONOMY.md)
   * @param challenges challenge id → text
   * @return the terms found in a challenge and in no reference text, in vocabulary order
   */
  public static List<Finding> run(Vocabulary vocabulary, List<String> reference, Map<String, String> challenges) {
    Map<Language, PhraseMatcher> matchers = new EnumMap<>(Language.class);
    for (Language l : Language.values()) matchers.put(l, new PhraseMatcher(vocabulary.concepts(), l));
    Set<Key> known = new HashSet<>();
    Map<Key, Set<String>> used = new LinkedHashMap<>();
    for (PhraseMatcher m : matchers.values()) {
      for (String text : reference) m.find(text, 0).forEach(x -> known.add(key(x)));
      challenges.forEach((id, text) -> m.find(text, ConceptDetector.SLOP)
          .forEach(x -> used.computeIfAbsent(key(x), k -> new LinkedHashSet<>()).add(id)));
    }
    List<Finding> out = new ArrayList<>();
    for (Concept c : vocabulary.concepts()) {
      for (Language l : Language.values()) {
        for (String term : c.terms().get(l)) {
          Key k = new Key(c.id(), l, term);
          if (used.containsKey(k) && !known.contains(k)) {
            out.add(new Finding(c, l, term, List.copyOf(used.get(k)), vocabulary.source(c, l, term)));
          }
        }
      }
    }
    return out;
  }

  private static Key key(PhraseMatcher.Match m) {
    return new Key(m.concept().id(), m.language(), m.term());
  }
}
