package org.practicefinder.opendata;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.index.RecordCodec;
import org.practicefinder.model.Practice;

/**
 * Writes practices in the data format of {@code practice.schema.json}: what {@code export} prints
 * and what {@code seeds/*.json} files hold, so an export reads back unchanged. Besides the
 * practice's own fields it writes the computed {@code facets} (dimension → concept ids) and
 * {@code evidence} (concept id → sentence), which a reader ignores.
 */
public final class PracticeJson {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private PracticeJson() {}

  /** @return the records as a pretty-printed JSON array, in the given order */
  public static String write(List<PracticeRecord> records) {
    JsonArray all = new JsonArray();
    records.forEach(r -> all.add(toJson(r)));
    return GSON.toJson(all);
  }

  /** @return one record: id, title, organisation, country, locations, scope?, url?, contact?, sections, notes?, source?, language, facets, evidence */
  public static JsonObject toJson(PracticeRecord record) {
    Practice p = record.practice();
    JsonObject o = new JsonObject();
    addHeader(p, o);
    addBody(p, o);
    o.addProperty("language", p.language());
    JsonObject facets = new JsonObject();
    record.tagging().facets().forEach((dim, ids) -> facets.add(dim, strings(ids)));
    o.add("facets", facets);
    JsonObject evidence = new JsonObject();
    record.tagging().evidence().forEach(evidence::addProperty);
    o.add("evidence", evidence);
    return o;
  }

  /** Adds a practice's header fields: id, title, organisation, country, locations. Shared with the API's views. */
  public static void addHeader(Practice p, JsonObject o) {
    o.addProperty("id", p.id());
    o.addProperty("title", p.title());
    o.addProperty("organisation", p.organisation());
    o.addProperty("country", p.country().displayName());
    o.add("locations", strings(p.locationNames()));
  }

  /**
   * Adds the rest of a practice's own text: scope?, url?, contact?, sections (prose as text, lists
   * as arrays), notes?, source? (a citation). Shared with the API's views.
   */
  public static void addBody(Practice p, JsonObject o) {
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
    p.source().ifPresent(c -> o.add("source", RecordCodec.citation(c)));
  }

  private static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }
}
