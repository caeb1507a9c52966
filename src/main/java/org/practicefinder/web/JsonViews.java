package org.practicefinder.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.practicefinder.i18n.Texts;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.index.RecordCodec;
import org.practicefinder.model.Guidance;
import org.practicefinder.model.Practice;
import org.practicefinder.opendata.PracticeJson;
import org.practicefinder.recommend.GuidanceMatcher;
import org.practicefinder.recommend.MatchStrength;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.GuidanceSearcher;
import org.practicefinder.search.SearchResult;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/** Translates library objects into the JSON shapes of the HTTP API and the {@code export} command. */
public final class JsonViews {
  private final PracticeLibrary library;

  public JsonViews(PracticeLibrary library) {
    this.library = library;
  }

  /**
   * @return the whole practice in {@code lang} if it is translated into it, else in English:
   *     header fields, sections (prose as text, lists as arrays), notes, source (as in
   *     {@link PracticeJson}), facets with labels, evidence (concept id → the sentence that made it
   *     so, from the same text where it names the concept), and {@code keyGaps}: the manual's key
   *     gaps whose example names it ({@link #guidanceSummary} and recommendation, in {@code lang} where translated)
   */
  public JsonObject practice(PracticeRecord record, Language lang) {
    Practice p = record.practice(lang);
    JsonObject o = summary(record, lang);
    PracticeJson.addBody(p, o);
    JsonObject evidence = new JsonObject();
    record.evidence(lang).forEach(evidence::addProperty);
    o.add("evidence", evidence);
    JsonArray gaps = new JsonArray();
    for (Guidance g : library.guidance().gapsOf(record.id())) {
      JsonObject go = guidanceSummary(g, lang);
      go.addProperty("recommendation", library.guidance().in(g, lang).gap().orElseThrow().recommendation());
      gaps.add(go);
    }
    o.add("keyGaps", gaps);
    return o;
  }

  /**
   * @return id, title, organisation, country, locations and facets with labels; {@code language},
   *     the language of the title and text ({@code lang} if the practice is written or translated in
   *     it, else its original's); and for a translation, {@code translation}: {@code from} (the
   *     original's language), {@code note} (saying so, in {@code lang}) and {@code original} (the
   *     API path of the original)
   */
  public JsonObject summary(PracticeRecord record, Language lang) {
    Practice p = record.practice(lang);
    Language served = record.served(lang);
    JsonObject o = new JsonObject();
    PracticeJson.addHeader(p, o);
    addLanguage(o, served, record.original(), "/api/practices/" + p.id());
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
   * Adds {@code language}, the language of the text served, and for a translation {@code translation}:
   * {@code from} (the original's language), {@code note} (saying so, in the served language) and
   * {@code original} (the API path of the original).
   */
  private static void addLanguage(JsonObject o, Language served, Language original, String path) {
    o.addProperty("language", served.code());
    if (served == original) return;
    JsonObject t = new JsonObject();
    t.addProperty("from", original.code());
    t.addProperty("note", Texts.of(served).get("translation.note"));
    t.addProperty("original", path + "?lang=" + original.code());
    o.add("translation", t);
  }

  /**
   * @return a whole guidance entry in {@code lang} if it is translated into it, else in English:
   *     {@link #guidanceSummary}, text, notes, source; a key gap also its barrier, recommendation,
   *     example, russiaNote? and practices ({id, title} of those its example names, in manual order)
   */
  public JsonObject guidance(Guidance english, Language lang) {
    Guidance g = library.guidance().in(english, lang);
    JsonObject o = guidanceSummary(english, lang);
    o.addProperty("text", g.text());
    g.gap().ifPresent(gap -> {
      o.addProperty("barrier", gap.barrier());
      o.addProperty("recommendation", gap.recommendation());
      o.addProperty("example", gap.example());
      gap.russiaNote().ifPresent(n -> o.addProperty("russiaNote", n));
      o.add("practices", practiceLinks(gap.practices(), lang));
    });
    o.add("notes", strings(g.notes()));
    o.add("source", RecordCodec.citation(g.source()));
    return o;
  }

  /**
   * @return a guidance search hit: {@link #guidanceSummary}, score and {@code snippet} (HTML with
   *     {@code <mark>}, in the entry's served language) if its words matched
   */
  public JsonObject guidanceHit(GuidanceSearcher.Hit hit, Language lang) {
    JsonObject o = guidanceSummary(hit.entry(), lang);
    o.addProperty("score", round(hit.score()));
    hit.snippet().ifPresent(html -> o.addProperty("snippet", html));
    return o;
  }

  /**
   * @return a key gap or key element that matches a challenge: {@link #guidanceSummary}; a gap's
   *     recommendation and practices; {@code meaning} (the z-score of its cosine with the
   *     challenge), {@code sharedConcepts} (the challenge's topics it names, with labels in
   *     {@code lang}) and {@code words} (the challenge's telling words it has)
   */
  public JsonObject guidanceMatch(GuidanceMatcher.Match m, Language lang) {
    Guidance g = library.guidance().in(m.entry(), lang);
    JsonObject o = guidanceSummary(m.entry(), lang);
    g.gap().ifPresent(gap -> {
      o.addProperty("recommendation", gap.recommendation());
      o.add("practices", practiceLinks(gap.practices(), lang));
    });
    o.addProperty("meaning", round(m.meaning()));
    JsonArray shared = new JsonArray();
    m.sharedConcepts().forEach(c -> shared.add(label(c.dimension(), c.id(), lang)));
    o.add("sharedConcepts", shared);
    o.add("words", strings(m.words()));
    return o;
  }

  /**
   * @return {@code type} ("guidance"), id, kind, title and section in {@code lang} if the entry is
   *     translated into it, else in English, with its {@link #addLanguage language}
   */
  private JsonObject guidanceSummary(Guidance english, Language lang) {
    Guidance g = library.guidance().in(english, lang);
    JsonObject o = new JsonObject();
    o.addProperty("type", "guidance");
    o.addProperty("id", g.id());
    o.addProperty("kind", g.kind().id());
    o.addProperty("title", g.title());
    o.addProperty("section", g.section());
    addLanguage(o, library.guidance().served(english, lang), Language.EN, "/api/guidance/" + g.id());
    return o;
  }

  /** @return {id, title, language} of each practice the library has, in the given order, its title in {@code lang} where translated */
  private JsonArray practiceLinks(List<String> ids, Language lang) {
    JsonArray a = new JsonArray();
    for (String id : ids) {
      library.record(id).ifPresent(r -> {
        JsonObject p = new JsonObject();
        p.addProperty("id", id);
        p.addProperty("title", r.practice(lang).title());
        p.addProperty("language", r.served(lang).code());
        a.add(p);
      });
    }
    return a;
  }

  /** @return {"id", "label"} of a facet value, the label in {@code lang} ({@link org.practicefinder.index.Dimensions}), and a concept's parent */
  JsonObject label(String dim, String value, Language lang) {
    JsonObject o = new JsonObject();
    o.addProperty("id", value);
    o.addProperty("label", library.registry().valueLabel(dim, value, lang));
    library.registry().concept(dim, value).flatMap(Concept::parent).ifPresent(parent -> o.addProperty("parent", parent));
    return o;
  }

  /** @return dimension → its label in {@code lang} */
  public JsonObject facetLabels(Language lang) {
    JsonObject o = new JsonObject();
    for (String dim : library.dimensions()) {
      o.addProperty(dim, library.registry().label(dim, lang));
    }
    return o;
  }

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
   * @return a search hit's topics: the concepts detected in the query that the practice is tagged
   *     with, each with the sentence of the practice that gave it the tag, so a hit found through a
   *     topic alone still says why it is there ({@link #label}, dimension, matched, evidence?)
   */
  JsonArray topics(String id, List<ConceptDetector.Detected> concepts, Language lang) {
    PracticeRecord record = library.record(id).orElseThrow();
    JsonArray topics = new JsonArray();
    for (ConceptDetector.Detected d : concepts) {
      Concept c = d.concept();
      if (!record.tagging().get(c.dimension()).contains(c.id())) continue;
      JsonObject t = label(c.dimension(), c.id(), lang);
      t.addProperty("dimension", c.dimension());
      t.addProperty("matched", d.matched());
      String sentence = record.evidence(lang).get(c.id());
      if (sentence != null) t.addProperty("evidence", sentence);
      topics.add(t);
    }
    return topics;
  }

  /** @return a search hit's snippets: [{"section", "html"}] */
  static JsonArray snippets(List<SearchResult.Snippet> snippets) {
    JsonArray a = new JsonArray();
    for (SearchResult.Snippet s : snippets) {
      JsonObject so = new JsonObject();
      so.addProperty("section", s.section());
      so.addProperty("html", s.html());
      a.add(so);
    }
    return a;
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
      eo.add("terms", strings(e.terms()));
      eo.add("words", strings(e.words()));
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
