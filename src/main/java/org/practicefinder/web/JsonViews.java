package org.practicefinder.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.practicefinder.i18n.Texts;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.model.Practice;
import org.practicefinder.opendata.PracticeJson;
import org.practicefinder.recommend.MatchStrength;
import org.practicefinder.recommend.Recommender;
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
   *     header fields, sections (prose as text, lists as arrays), notes, facets, evidence (concept
   *     id → the sentence that made it so, from the same text where it names the concept), source
   */
  public JsonObject practice(PracticeRecord record, Language lang) {
    Practice p = record.practice(lang);
    JsonObject o = summary(record, lang);
    p.scope().ifPresent(s -> o.addProperty("scope", s));
    p.url().ifPresent(s -> o.addProperty("url", s));
    p.contact().ifPresent(s -> o.addProperty("contact", s));
    JsonObject sections = new JsonObject();
    p.sections().forEach((s, parts) -> {
      if (s.isList()) sections.add(s.key(), strings(parts));
      else sections.addProperty(s.key(), parts.get(0));
    });
    o.add("sections", sections);
    if (!p.notes().isEmpty()) o.add("notes", strings(p.notes()));
    JsonObject evidence = new JsonObject();
    record.evidence(lang).forEach(evidence::addProperty);
    o.add("evidence", evidence);
    p.source().ifPresent(c -> o.add("source", PracticeJson.citation(c))); // for the page's "Cite" and print
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
    o.addProperty("id", p.id());
    o.addProperty("title", p.title());
    o.addProperty("organisation", p.organisation());
    o.addProperty("country", p.country().displayName());
    o.add("locations", strings(p.locationNames()));
    o.addProperty("language", served.code());
    if (served != record.original()) {
      JsonObject t = new JsonObject();
      t.addProperty("from", record.original().code());
      t.addProperty("note", Texts.of(served).get("translation.note"));
      t.addProperty("original", "/api/practices/" + p.id() + "?lang=" + record.original().code());
      o.add("translation", t);
    }
    JsonObject facets = new JsonObject();
    record.tagging().facets().forEach((dim, ids) -> {
      JsonArray values = new JsonArray();
      for (String id : ids) values.add(label(dim, id, lang));
      facets.add(dim, values);
    });
    o.add("facets", facets);
    return o;
  }

  /** @return {"id", "label"} of a facet value, the label in {@code lang} ({@link org.practicefinder.index.Dimensions}), and a concept's parent */
  JsonObject label(String dim, String value, Language lang) {
    JsonObject o = new JsonObject();
    o.addProperty("id", value);
    o.addProperty("label", library.registry().valueLabel(dim, value, lang));
    library.registry().concept(dim, value).flatMap(Concept::parent).ifPresent(parent -> o.addProperty("parent", parent));
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
   * @param concepts the concepts detected in the query: those the practice is tagged with are listed
   *     as its {@code topics}, each with the sentence of the practice that gave it the tag, so a hit
   *     found through a topic alone still says why it is there
   */
  public JsonObject searchHit(SearchResult.Hit hit, List<ConceptDetector.Detected> concepts, Language lang) {
    PracticeRecord record = library.record(hit.id()).orElseThrow();
    JsonObject o = summary(record, lang);
    o.addProperty("score", round(hit.score()));
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
