package org.practicefinder.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.model.Guidance;
import org.practicefinder.opendata.PracticeJson;
import org.practicefinder.recommend.GuidanceMatcher;
import org.practicefinder.recommend.MatchStrength;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.GuidanceSearcher;
import org.practicefinder.search.SearchResult;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;
import org.practicefinder.taxonomy.Tagger;

/** Translates library objects into the JSON shapes of the HTTP API and the {@code export} command. */
public final class JsonViews {
  private final PracticeLibrary library;

  public JsonViews(PracticeLibrary library) {
    this.library = library;
  }

  /**
   * @return the whole practice: header fields, sections (prose as text, lists as arrays), notes,
   *     source (as in {@link PracticeJson}), facets with labels, evidence, and {@code keyGaps}: the
   *     manual's key gaps whose example names it ({id, title, recommendation})
   */
  public JsonObject practice(PracticeRecord record, Language lang) {
    JsonObject o = summary(record, lang);
    PracticeJson.addBody(record.practice(), o);
    JsonObject evidence = new JsonObject();
    record.tagging().evidence().forEach(evidence::addProperty);
    o.add("evidence", evidence);
    JsonArray gaps = new JsonArray();
    for (Guidance g : library.guidance().gapsOf(record.id())) {
      JsonObject go = guidanceSummary(g);
      go.addProperty("recommendation", g.gap().orElseThrow().recommendation());
      gaps.add(go);
    }
    o.add("keyGaps", gaps);
    return o;
  }

  /** @return id, title, organisation, country, locations and facets with labels */
  public JsonObject summary(PracticeRecord record, Language lang) {
    JsonObject o = new JsonObject();
    PracticeJson.addHeader(record.practice(), o);
    JsonObject facets = new JsonObject();
    record.tagging().facets().forEach((dim, ids) -> {
      JsonArray values = new JsonArray();
      for (String id : ids) values.add(label(dim, id, lang));
      facets.add(dim, values);
    });
    o.add("facets", facets);
    return o;
  }

  /**
   * @return a whole guidance entry: {@code type} ("guidance"), id, kind, title, section, text,
   *     notes, source; a key gap also its barrier, recommendation, example, russiaNote? and
   *     practices ({id, title} of those its example names, in manual order)
   */
  public JsonObject guidance(Guidance g, Language lang) {
    JsonObject o = guidanceSummary(g);
    o.addProperty("text", g.text());
    g.gap().ifPresent(gap -> {
      o.addProperty("barrier", gap.barrier());
      o.addProperty("recommendation", gap.recommendation());
      o.addProperty("example", gap.example());
      gap.russiaNote().ifPresent(n -> o.addProperty("russiaNote", n));
      o.add("practices", practiceLinks(gap.practices()));
    });
    o.add("notes", strings(g.notes()));
    o.add("source", PracticeJson.citation(g.source()));
    return o;
  }

  /** @return a guidance search hit: type, id, kind, title, section, score and {@code snippet} (HTML with {@code <mark>}) if its words matched */
  public JsonObject guidanceHit(GuidanceSearcher.Hit hit, Language lang) {
    JsonObject o = guidanceSummary(hit.entry());
    o.addProperty("score", round(hit.score()));
    hit.snippet().ifPresent(html -> o.addProperty("snippet", html));
    return o;
  }

  /**
   * @return a key gap or key element that matches a challenge: type, id, kind, title, section; a
   *     gap's recommendation and practices; {@code meaning} (the z-score of its cosine with the
   *     challenge), {@code sharedConcepts} (the challenge's topics it names, with labels in
   *     {@code lang}) and {@code words} (the challenge's telling words it has)
   */
  public JsonObject guidanceMatch(GuidanceMatcher.Match m, Language lang) {
    Guidance g = m.entry();
    JsonObject o = guidanceSummary(g);
    g.gap().ifPresent(gap -> {
      o.addProperty("recommendation", gap.recommendation());
      o.add("practices", practiceLinks(gap.practices()));
    });
    o.addProperty("meaning", round(m.meaning()));
    JsonArray shared = new JsonArray();
    m.sharedConcepts().forEach(c -> shared.add(label(c.dimension(), c.id(), lang)));
    o.add("sharedConcepts", shared);
    o.add("words", strings(m.words()));
    return o;
  }

  private static JsonObject guidanceSummary(Guidance g) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "guidance");
    o.addProperty("id", g.id());
    o.addProperty("kind", g.kind().id());
    o.addProperty("title", g.title());
    o.addProperty("section", g.section());
    return o;
  }

  /** @return {id, title} of each practice the library has, in the given order */
  private JsonArray practiceLinks(List<String> ids) {
    JsonArray a = new JsonArray();
    for (String id : ids) {
      library.record(id).ifPresent(r -> {
        JsonObject p = new JsonObject();
        p.addProperty("id", id);
        p.addProperty("title", r.practice().title());
        a.add(p);
      });
    }
    return a;
  }

  /** @return {"id", "label"} of a facet value; concept labels in {@code lang}, other values as they are */
  JsonObject label(String dim, String value, Language lang) {
    JsonObject o = new JsonObject();
    o.addProperty("id", value);
    var concept = library.vocabulary().concept(value).filter(c -> c.dimension().equals(dim));
    Map<String, Map<Language, String>> names = dim.equals("country") ? COUNTRY_LABELS : dim.equals("location") ? PLACE_LABELS : Map.of();
    String other = names.getOrDefault(value, Map.of()).getOrDefault(lang, value);
    o.addProperty("label", concept.map(c -> c.label(lang)).orElse(other));
    concept.flatMap(Concept::parent).ifPresent(parent -> o.addProperty("parent", parent));
    return o;
  }

  /** @return dimension → [{"id", "label", "count", "parent"?}] */
  public JsonObject facets(Map<String, List<SearchResult.FacetCount>> facets, Language lang) {
    JsonObject o = new JsonObject();
    facets.forEach((dim, counts) -> {
      JsonArray values = new JsonArray();
      for (SearchResult.FacetCount c : counts) {
        JsonObject v = label(dim, c.value(), lang);
        v.addProperty("count", c.count());
        values.add(v);
      }
      o.add(dim, values);
    });
    return o;
  }

  /** @return dimension → its label in {@code lang} */
  public JsonObject facetLabels(Language lang) {
    JsonObject o = new JsonObject();
    for (String dim : library.dimensions()) {
      o.addProperty(dim, library.vocabulary().dimension(dim).map(d -> d.label(lang)).orElseGet(() -> HEADER_LABELS.get(dim).get(lang)));
    }
    return o;
  }

  /** Country names in the three languages. */
  private static final Map<String, Map<Language, String>> COUNTRY_LABELS = Map.of(
      "Ukraine", Map.of(Language.EN, "Ukraine", Language.RU, "Украина", Language.UK, "Україна"),
      "Russia", Map.of(Language.EN, "Russia", Language.RU, "Россия", Language.UK, "Росія"));

  /** Place names in Russian and Ukrainian by their canonical English name, from {@code place-labels.tsv}. */
  static final Map<String, Map<Language, String>> PLACE_LABELS = placeLabels();

  private static Map<String, Map<Language, String>> placeLabels() {
    Map<String, Map<Language, String>> out = new HashMap<>();
    try (InputStream in = JsonViews.class.getResourceAsStream("/place-labels.tsv")) {
      if (in == null) throw new IllegalStateException("place-labels.tsv missing from the class path");
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] cols = line.split("\t");
        if (cols.length != 3) throw new IllegalStateException("place-labels.tsv: want english, ru, uk in: " + line);
        out.put(cols[0], Map.of(Language.EN, cols[0], Language.RU, cols[1], Language.UK, cols[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }

  private static final Map<String, Map<Language, String>> HEADER_LABELS = Map.of(
      "country", Map.of(Language.EN, "Country", Language.RU, "Страна", Language.UK, "Країна"),
      "location", Map.of(Language.EN, "Place", Language.RU, "Город или регион", Language.UK, "Місто або регіон"),
      Tagger.YEAR, Map.of(Language.EN, "Year started", Language.RU, "Год начала", Language.UK, "Рік початку"));

  public JsonArray concepts(List<ConceptDetector.Detected> detected, Language lang) {
    JsonArray a = new JsonArray();
    for (ConceptDetector.Detected d : detected) {
      JsonObject o = new JsonObject();
      o.addProperty("dimension", d.concept().dimension());
      o.addProperty("id", d.concept().id());
      o.addProperty("label", d.concept().label(lang));
      o.addProperty("matched", d.matched());
      a.add(o);
    }
    return a;
  }

  /**
   * @return the practice's summary with {@code type} ("practice"), score, topics and snippets
   * @param concepts the concepts detected in the query: those the practice is tagged with are listed
   *     as its {@code topics}, each with the sentence of the practice that gave it the tag, so a hit
   *     found through a topic alone still says why it is there
   */
  public JsonObject searchHit(SearchResult.Hit hit, List<ConceptDetector.Detected> concepts, Language lang) {
    PracticeRecord record = library.record(hit.id()).orElseThrow();
    JsonObject o = summary(record, lang);
    o.addProperty("type", "practice");
    o.addProperty("score", round(hit.score()));
    JsonArray topics = new JsonArray();
    for (ConceptDetector.Detected d : concepts) {
      Concept c = d.concept();
      if (!record.tagging().get(c.dimension()).contains(c.id())) continue;
      JsonObject t = label(c.dimension(), c.id(), lang);
      t.addProperty("dimension", c.dimension());
      t.addProperty("matched", d.matched());
      String sentence = record.tagging().evidence().get(c.id());
      if (sentence != null) t.addProperty("evidence", sentence);
      topics.add(t);
    }
    o.add("topics", topics);
    JsonArray snippets = new JsonArray();
    for (SearchResult.Snippet s : hit.snippets()) {
      JsonObject so = new JsonObject();
      so.addProperty("section", s.section());
      so.addProperty("html", s.html());
      snippets.add(so);
    }
    o.add("snippets", snippets);
    return o;
  }

  /** @return a recommendation for a challenge, with its {@link MatchStrength} among {@code detected} */
  public JsonObject recommendation(Recommender.Recommendation r, List<ConceptDetector.Detected> detected, Language lang) {
    JsonObject o = recommendation(r, lang);
    o.addProperty("strength", MatchStrength.of(r, detected, library).key());
    return o;
  }

  /** @return a recommendation: summary, score, reason, evidence sentence, shared concepts, signal ranks */
  public JsonObject recommendation(Recommender.Recommendation r, Language lang) {
    JsonObject o = summary(library.record(r.id()).orElseThrow(), lang);
    o.addProperty("score", round(r.score()));
    o.addProperty("why", r.why());
    r.evidence().ifPresent(e -> {
      JsonObject eo = new JsonObject();
      eo.addProperty("section", e.section());
      eo.addProperty("html", e.html());
      JsonArray terms = strings(e.terms());
      eo.add("terms", terms);
      o.add("evidence", eo);
    });
    JsonArray shared = new JsonArray();
    r.sharedConcepts().forEach(c -> shared.add(label(c.dimension(), c.id(), lang)));
    o.add("sharedConcepts", shared);
    JsonObject signals = new JsonObject();
    r.signals().forEach(signals::addProperty);
    o.add("signals", signals);
    return o;
  }

  static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  /** Scores to 4 decimals: enough to order, stable across platforms. */
  static double round(double v) {
    return Math.round(v * 10_000d) / 10_000d;
  }
}
