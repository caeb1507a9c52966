package org.practicefinder.taxonomy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facet vocabulary: dimensions and their concepts with labels, definitions and match terms in
 * English, Russian and Ukrainian. Source: {@code vocabulary.json} on the class path, fixed ids of
 * {@code population} and {@code setting} from the project's TAXONOMY.
 *
 * <p>Besides {@code terms}, a concept may have {@code sources} (language → term → where the term
 * comes from: the manual, TAXONOMY.md, a glossary of the field, or why it is a term of the field),
 * required for a term that an evaluation challenge contains and the manual does not (see
 * {@link VocabularyAudit}).
 */
public final class Vocabulary {
  private final List<Dimension> dimensions;
  private final Map<String, Concept> concepts;
  /** Concept id → language → term → source. */
  private final Map<String, Map<Language, Map<String, String>>> sources;

  private Vocabulary(List<Dimension> dimensions, Map<String, Map<Language, Map<String, String>>> sources) {
    this.dimensions = List.copyOf(dimensions);
    this.sources = Map.copyOf(sources);
    Map<String, Concept> byId = new LinkedHashMap<>();
    for (Dimension d : dimensions) {
      for (Concept c : d.concepts()) {
        if (byId.put(c.id(), c) != null) throw new IllegalArgumentException("concept id used twice: " + c.id());
        c.parent().ifPresent(p -> {
          Concept parent = byId.get(p);
          if (parent == null || !parent.dimension().equals(d.id())) {
            throw new IllegalArgumentException(c.id() + ": parent " + p + " must come first in " + d.id());
          }
        });
      }
    }
    for (Concept c : byId.values()) {
      for (String implied : c.implies()) {
        if (!byId.containsKey(implied)) throw new IllegalArgumentException(c.id() + " implies unknown concept " + implied);
      }
    }
    this.concepts = byId;
  }

  /** @return the vocabulary shipped in the jar */
  public static Vocabulary load() {
    try (InputStream in = Vocabulary.class.getResourceAsStream("/vocabulary.json")) {
      if (in == null) throw new IllegalStateException("vocabulary.json missing from the class path");
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalArgumentException if a concept id repeats, a parent is missing or comes after its
   *     child, a concept implies an unknown one, a concept lacks an English label, a source names
   *     a term the concept does not have
   */
  public static Vocabulary parse(Reader json) {
    JsonObject root = JsonParser.parseReader(json).getAsJsonObject();
    Map<String, Map<Language, Map<String, String>>> sources = new LinkedHashMap<>();
    List<Dimension> dims = new ArrayList<>();
    for (JsonElement de : root.getAsJsonArray("dimensions")) {
      JsonObject d = de.getAsJsonObject();
      String dimId = d.get("id").getAsString();
      List<Concept> concepts = new ArrayList<>();
      for (JsonElement ce : d.getAsJsonArray("concepts")) {
        JsonObject c = ce.getAsJsonObject();
        Map<Language, List<String>> terms = new EnumMap<>(Language.class);
        JsonObject t = c.has("terms") ? c.getAsJsonObject("terms") : new JsonObject();
        for (Language l : Language.values()) {
          List<String> list = new ArrayList<>();
          if (t.has(l.code())) for (JsonElement e : t.getAsJsonArray(l.code())) list.add(e.getAsString());
          terms.put(l, List.copyOf(list));
        }
        String id = c.get("id").getAsString();
        Map<Language, Map<String, String>> notes = notes(c.getAsJsonObject("sources"));
        for (Language l : Language.values()) {
          for (String term : notes.getOrDefault(l, Map.of()).keySet()) {
            if (!terms.get(l).contains(term)) throw new IllegalArgumentException(id + ": source for '" + term + "' (" + l.code() + "), not a term");
          }
        }
        sources.put(id, notes);
        Map<Language, String> labels = texts(c.getAsJsonObject("label"));
        if (!labels.containsKey(Language.EN)) throw new IllegalArgumentException(id + ": no English label");
        concepts.add(new Concept(dimId, id,
            Optional.ofNullable(c.get("parent")).filter(e -> !e.isJsonNull()).map(JsonElement::getAsString),
            labels, texts(c.getAsJsonObject("definition")), terms, strings(c.get("implies"))));
      }
      dims.add(new Dimension(dimId, texts(d.getAsJsonObject("label")), List.copyOf(concepts)));
    }
    return new Vocabulary(dims, sources);
  }

  /** @return language → term → note, from a JSON object of that shape (empty if absent) */
  private static Map<Language, Map<String, String>> notes(JsonObject o) {
    Map<Language, Map<String, String>> out = new EnumMap<>(Language.class);
    if (o == null) return out;
    for (Language l : Language.values()) {
      if (!o.has(l.code())) continue;
      Map<String, String> m = new LinkedHashMap<>();
      o.getAsJsonObject(l.code()).entrySet().forEach(e -> m.put(e.getKey(), e.getValue().getAsString()));
      out.put(l, Map.copyOf(m));
    }
    return out;
  }

  private static List<String> strings(JsonElement array) {
    List<String> out = new ArrayList<>();
    if (array != null) array.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
    return List.copyOf(out);
  }

  private static Map<Language, String> texts(JsonObject o) {
    Map<Language, String> m = new EnumMap<>(Language.class);
    if (o == null) return m;
    for (Language l : Language.values()) {
      if (o.has(l.code())) m.put(l, o.get(l.code()).getAsString());
    }
    return m;
  }

  /** @return the dimensions in file order */
  public List<Dimension> dimensions() {
    return dimensions;
  }

  /** @return the dimension with this id, or empty */
  public Optional<Dimension> dimension(String id) {
    return dimensions.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** @return the concept with this id (ids are unique across dimensions), or empty */
  public Optional<Concept> concept(String id) {
    return Optional.ofNullable(concepts.get(id));
  }

  /** @return where the concept's term comes from, if recorded (its {@code sources} in the file) */
  public Optional<String> source(Concept concept, Language language, String term) {
    return Optional.ofNullable(sources.getOrDefault(concept.id(), Map.of()).getOrDefault(language, Map.of()).get(term));
  }

  /** @return every concept, dimension by dimension, in file order */
  public List<Concept> concepts() {
    return List.copyOf(concepts.values());
  }

}
