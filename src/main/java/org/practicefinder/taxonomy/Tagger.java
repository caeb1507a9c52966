package org.practicefinder.taxonomy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;
import org.practicefinder.model.Sentences;

/**
 * Assigns vocabulary concepts to a practice from its own text (title, sections and notes), keeping
 * for each concept the sentence that made it so. A concept named only in the CHALLENGE section is
 * not assigned: there the manual gives the context, not whom the practice serves. A concept's
 * parent and the concepts it implies are assigned with it.
 * The {@code year} dimension is the first year the ACTION (else OUTCOMES) text says the practice started.
 * Corrections come from {@code facet-overrides.tsv}, each with its reason. Thread-safe.
 */
public final class Tagger {
  public static final String YEAR = "year";
  private static final Pattern START_YEAR =
      Pattern.compile("\\b(?:[Ii]n|[Ss]ince|[Ff]rom)\\s+(?:\\p{L}+\\s+){0,2}((?:19|20)\\d\\d)\\b");
  private static final Pattern ANY_YEAR = Pattern.compile("\\b((?:19|20)\\d\\d)\\b");

  private record Correction(String practiceId, String conceptId, boolean add, String reason) {}

  private static final String SETTING = "setting";

  private final Vocabulary vocabulary;
  /** One matcher per language of the vocabulary; a practice is matched in the language of its text. */
  private final Map<Language, PhraseMatcher> matchers = new java.util.EnumMap<>(Language.class);
  private final List<Correction> overrides;

  public Tagger(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    for (Language l : Language.values()) matchers.put(l, new PhraseMatcher(vocabulary.concepts(), l));
    this.overrides = loadOverrides(vocabulary);
  }

  /**
   * The evidence of a tagging in a translation of the practice: for each concept (and the year),
   * the translation's first sentence outside CHALLENGE that names it by the vocabulary's terms in
   * that language (a parent or implied concept: the sentence of a concept that brings it); a
   * concept no sentence names keeps its English sentence.
   *
   * @param tagging the tagging of the English practice
   * @return concept id (or year) → sentence, in the order of {@code tagging.evidence()}
   */
  public Map<String, String> evidence(Practice translation, Language language, Tagging tagging) {
    PhraseMatcher matcher = matchers.get(language);
    Map<String, String> named = new LinkedHashMap<>();
    for (Sentences.Sentence s : Sentences.of(translation, true)) {
      if (s.section().equals(Section.CHALLENGE.key())) continue;
      for (PhraseMatcher.Match m : matcher.find(s.text(), 0)) named.putIfAbsent(m.concept().id(), s.text());
    }
    Map<String, String> out = new LinkedHashMap<>();
    tagging.evidence().forEach((id, english) -> {
      String sentence = named.get(id);
      for (Iterator<Map.Entry<String, String>> it = named.entrySet().iterator(); sentence == null && it.hasNext(); ) {
        Map.Entry<String, String> e = it.next(); // a parent or an implied concept: the sentence of one that brings it
        Concept c = vocabulary.concept(e.getKey()).orElseThrow();
        if (c.parent().filter(id::equals).isPresent() || c.implies().contains(id)) sentence = e.getValue();
      }
      if (sentence == null && id.matches("(19|20)\\d\\d")) sentence = sentenceWith(translation, id);
      out.put(id, sentence != null ? sentence : english);
    });
    return out;
  }

  /** @return the first sentence of ACTION, else OUTCOMES, that has the year; null if none */
  private static String sentenceWith(Practice practice, String year) {
    for (Section s : List.of(Section.ACTION, Section.OUTCOMES)) {
      for (String sentence : practice.text(s).map(Sentences::split).orElse(List.of())) {
        if (sentence.matches("(?s).*\\b" + year + "\\b.*")) return sentence;
      }
    }
    return null;
  }

  /** @return the practice's concepts per dimension with evidence sentences; dimensions without concepts are absent */
  public Tagging tag(Practice practice) {
    Map<String, String> evidence = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> named : namedConcepts(practice)) {
      named.getValue().forEach(id -> evidence.putIfAbsent(id, named.getKey()));
    }
    Set<String> ids = new LinkedHashSet<>(evidence.keySet());
    for (Correction o : overrides) {
      if (!o.practiceId().equals(practice.id())) continue;
      if (o.add()) ids.add(o.conceptId());
      else {
        ids.remove(o.conceptId());
        evidence.remove(o.conceptId());
      }
    }
    addImplied(ids, evidence);
    evidence.keySet().retainAll(ids);
    Map<String, List<String>> facets = new LinkedHashMap<>();
    for (Concept c : vocabulary.concepts()) {
      if (ids.contains(c.id())) facets.computeIfAbsent(c.dimension(), d -> new ArrayList<>()).add(c.id());
    }
    startYear(practice).ifPresent(year -> {
      facets.put(YEAR, List.of(year[0]));
      evidence.put(year[0], year[1]);
    });
    return new Tagging(facets, evidence);
  }

  /**
   * How central each concept is to a practice, not only whether it is there.
   *
   * @param bySentence concept id → how many of the sentences name it
   * @param sentences the sentences counted: all but the CHALLENGE's, as in tagging
   */
  public record Mentions(Map<String, Integer> bySentence, int sentences) {}

  /** @return how many of the practice's sentences name each concept, by the same matching as {@link #tag} */
  public Mentions mentions(Practice practice) {
    List<Map.Entry<String, Set<String>>> named = namedConcepts(practice);
    Map<String, Integer> counts = new HashMap<>();
    named.forEach(e -> e.getValue().forEach(id -> counts.merge(id, 1, Integer::sum)));
    return new Mentions(Map.copyOf(counts), named.size());
  }

  /**
   * @return each sentence outside CHALLENGE (context, not whom the practice serves) with the
   *     concepts it names, in the practice's language; a setting counts only where
   *     {@link SettingRule} says the sentence places sex work there (English text only: the rule's
   *     cues are English)
   */
  private List<Map.Entry<String, Set<String>>> namedConcepts(Practice practice) {
    Language language = Language.fromCode(practice.language()).orElse(Language.EN);
    List<Map.Entry<String, Set<String>>> out = new ArrayList<>();
    for (Sentences.Sentence s : Sentences.of(practice, true)) {
      if (s.section().equals(Section.CHALLENGE.key())) continue;
      Set<String> ids = new LinkedHashSet<>();
      for (PhraseMatcher.Match m : matchers.get(language).find(s.text(), 0)) {
        Concept c = m.concept();
        if (c.dimension().equals(SETTING) && language == Language.EN && !SettingRule.holds(s.text(), m.start(), m.end(), c.id().equals("online"))) {
          continue;
        }
        ids.add(c.id());
      }
      out.add(Map.entry(s.text(), ids));
    }
    return out;
  }

  /**
   * @return the concepts an English text names, matched as strictly as a practice's text, with the
   *     concepts they imply and their parents, in vocabulary order; for text that is not a practice,
   *     such as the manual's guidance (no setting rule: such text speaks of settings in general)
   */
  public List<String> concepts(String text) {
    Set<String> ids = new LinkedHashSet<>();
    for (PhraseMatcher.Match m : matchers.get(Language.EN).find(text, 0)) ids.add(m.concept().id());
    addImplied(ids, new HashMap<>());
    return vocabulary.concepts().stream().map(Concept::id).filter(ids::contains).toList();
  }

  /** Adds the concepts that {@code ids} imply and their parents, each with the sentence of the concept that brought it. */
  private void addImplied(Set<String> ids, Map<String, String> evidence) {
    for (String id : List.copyOf(ids)) {
      Concept c = vocabulary.concept(id).orElseThrow();
      List<String> also = new ArrayList<>(c.implies());
      c.parent().ifPresent(also::add);
      for (String other : also) {
        ids.add(other);
        if (evidence.containsKey(id)) evidence.putIfAbsent(other, evidence.get(id));
      }
    }
  }

  /** @return {year, sentence}: the first "in/since/from YYYY" in ACTION, else OUTCOMES; else their first year at all */
  private static Optional<String[]> startYear(Practice practice) {
    for (Pattern p : List.of(START_YEAR, ANY_YEAR)) {
      for (Section s : List.of(Section.ACTION, Section.OUTCOMES)) { // CHALLENGE years are context (surveys, statistics)
        for (String sentence : practice.text(s).map(Sentences::split).orElse(List.of())) {
          Matcher m = p.matcher(sentence);
          if (m.find()) return Optional.of(new String[] {m.group(1), sentence});
        }
      }
    }
    return Optional.empty();
  }

  private static List<Correction> loadOverrides(Vocabulary vocabulary) {
    List<Correction> out = new ArrayList<>();
    try (InputStream in = Tagger.class.getResourceAsStream("/facet-overrides.tsv")) {
      if (in == null) return out;
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] cols = line.split("\t");
        if (cols.length != 3 || cols[2].isBlank()) {
          throw new IllegalArgumentException("facet-overrides.tsv line " + n + ": want practice, ±concept, reason");
        }
        boolean add = cols[1].startsWith("+");
        String concept = cols[1].substring(1);
        if (!(add || cols[1].startsWith("-")) || vocabulary.concept(concept).isEmpty()) {
          throw new IllegalArgumentException("facet-overrides.tsv line " + n + ": unknown concept " + cols[1]);
        }
        out.add(new Correction(cols[0], concept, add, cols[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

}
