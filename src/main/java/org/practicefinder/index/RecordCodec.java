package org.practicefinder.index;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.practicefinder.model.Citation;
import org.practicefinder.model.Country;
import org.practicefinder.model.Place;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;
import org.practicefinder.taxonomy.Language;
import org.practicefinder.taxonomy.Tagging;

/** Stores a {@link PracticeRecord} in the index as JSON and reads it back, field for field. */
public final class RecordCodec {
  private RecordCodec() {}

  static String encode(PracticeRecord record) {
    Practice p = record.practice();
    JsonObject o = new JsonObject();
    o.addProperty("order", record.order());
    o.addProperty("id", p.id());
    o.addProperty("title", p.title());
    o.addProperty("organisation", p.organisation());
    o.addProperty("country", p.country().displayName());
    o.addProperty("countryCode", p.country().code());
    JsonArray places = new JsonArray();
    for (Place place : p.locations()) {
      JsonObject po = new JsonObject();
      po.addProperty("name", place.name());
      place.region().ifPresent(r -> po.addProperty("region", r));
      places.add(po);
    }
    o.add("locations", places);
    p.scope().ifPresent(s -> o.addProperty("scope", s));
    p.url().ifPresent(s -> o.addProperty("url", s));
    p.contact().ifPresent(s -> o.addProperty("contact", s));
    o.add("sections", sections(p));
    o.add("notes", strings(p.notes()));
    p.source().ifPresent(c -> o.add("source", citation(c)));
    o.addProperty("language", p.language());
    JsonObject translations = new JsonObject();
    record.translations().forEach((language, t) -> {
      JsonObject to = new JsonObject();
      to.addProperty("title", t.practice().title());
      to.addProperty("organisation", t.practice().organisation());
      to.add("sections", sections(t.practice()));
      to.add("notes", strings(t.practice().notes()));
      to.add("evidence", strings(t.evidence()));
      translations.add(language.code(), to);
    });
    o.add("translations", translations);
    JsonObject facets = new JsonObject();
    record.tagging().facets().forEach((dim, ids) -> facets.add(dim, strings(ids)));
    o.add("facets", facets);
    o.add("evidence", strings(record.tagging().evidence()));
    return o.toString();
  }

  private static JsonObject sections(Practice p) {
    JsonObject sections = new JsonObject();
    p.sections().forEach((s, parts) -> sections.add(s.key(), strings(parts)));
    return sections;
  }

  private static JsonObject strings(Map<String, String> map) {
    JsonObject o = new JsonObject();
    map.forEach(o::addProperty);
    return o;
  }

  static PracticeRecord decode(String json) {
    JsonObject o = JsonParser.parseString(json).getAsJsonObject();
    List<Place> places = new ArrayList<>();
    for (JsonElement e : o.getAsJsonArray("locations")) {
      JsonObject po = e.getAsJsonObject();
      places.add(new Place(po.get("name").getAsString(), optional(po, "region")));
    }
    Practice practice = new Practice(o.get("id").getAsString(), o.get("title").getAsString(),
        o.get("organisation").getAsString(), Country.of(o.get("countryCode").getAsString(), o.get("country").getAsString()),
        places, optional(o, "scope"), optional(o, "url"), optional(o, "contact"), sections(o), list(o.get("notes")),
        o.has("source") ? Optional.of(citation(o.getAsJsonObject("source"))) : Optional.empty(), o.get("language").getAsString());
    Map<String, List<String>> facets = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("facets").entrySet()) {
      facets.put(e.getKey(), list(e.getValue()));
    }
    Map<Language, PracticeRecord.Translation> translations = new EnumMap<>(Language.class);
    for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("translations").entrySet()) {
      JsonObject t = e.getValue().getAsJsonObject();
      Practice translated = new Practice(practice.id(), t.get("title").getAsString(), t.get("organisation").getAsString(),
          practice.country(), practice.locations(), practice.scope(), practice.url(), practice.contact(), sections(t),
          list(t.get("notes")), practice.source(), e.getKey());
      translations.put(Language.fromCode(e.getKey()).orElseThrow(), new PracticeRecord.Translation(translated, map(t, "evidence")));
    }
    return new PracticeRecord(o.get("order").getAsInt(), practice, new Tagging(facets, map(o, "evidence")), translations);
  }

  private static Map<Section, List<String>> sections(JsonObject o) {
    Map<Section, List<String>> sections = new EnumMap<>(Section.class);
    for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("sections").entrySet()) {
      sections.put(Section.fromKey(e.getKey()).orElseThrow(), list(e.getValue()));
    }
    return sections;
  }

  private static Map<String, String> map(JsonObject o, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : o.getAsJsonObject(key).entrySet()) out.put(e.getKey(), e.getValue().getAsString());
    return out;
  }

  /** @return a citation as the index, the API and the open data write it: {title, publisher?, year?, section?, url?} */
  public static JsonObject citation(Citation c) {
    JsonObject o = new JsonObject();
    o.addProperty("title", c.title());
    c.publisher().ifPresent(v -> o.addProperty("publisher", v));
    c.year().ifPresent(v -> o.addProperty("year", v));
    c.section().ifPresent(v -> o.addProperty("section", v));
    c.url().ifPresent(v -> o.addProperty("url", v));
    return o;
  }

  static Citation citation(JsonObject o) {
    return new Citation(o.get("title").getAsString(), optional(o, "publisher"),
        o.has("year") ? Optional.of(o.get("year").getAsInt()) : Optional.empty(), optional(o, "section"), optional(o, "url"));
  }

  static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  static List<String> list(JsonElement e) {
    List<String> out = new ArrayList<>();
    e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
    return out;
  }

  private static Optional<String> optional(JsonObject o, String key) {
    return o.has(key) ? Optional.of(o.get(key).getAsString()) : Optional.empty();
  }
}
