package org.practicefinder.ingest;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicefinder.model.Citation;
import org.practicefinder.model.Country;
import org.practicefinder.model.Place;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads practices added as data: a JSON array of practice records, checked against
 * {@code practice.schema.json} (the fields of {@code GET /api/practices/{id}}; {@code facets} and
 * {@code evidence} are computed, so ignored). A file is loaded whole or not at all: a syntax error,
 * a schema error, an id already in the library or repeated in the file rejects it, with errors that
 * name the file, the record and the field. Thread-safe.
 */
public final class PracticeFile {
  /**
   * What reading one file gave.
   *
   * @param practices the file's practices in file order; empty if it was rejected
   * @param errors why it was rejected, each {@code FILE: record N (id ID), field F: message}; empty if loaded
   */
  public record Result(String file, List<Practice> practices, List<String> errors) {
    public Result {
      practices = List.copyOf(practices);
      errors = List.copyOf(errors);
    }

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** Files bigger than this are refused before parsing: a practice is a few kilobytes. */
  static final long MAX_BYTES = 5L * 1024 * 1024;

  private static final Schema SCHEMA = loadSchema();
  private static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /**
   * Reads and checks one file.
   *
   * @param taken ids already in the library (the manual's, earlier files')
   * @throws IOException if the file cannot be read
   */
  public Result read(Path file, Set<String> taken) throws IOException {
    if (Files.size(file) > MAX_BYTES) {
      return new Result(file.toString(), List.of(), List.of(file + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB"));
    }
    return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), taken);
  }

  /** Reads and checks JSON text; {@code name} names it in errors. */
  public Result read(String name, String json, Set<String> taken) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      var at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      return rejected(name, name + ": not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) return rejected(name, name + ": empty file");
    List<String> errors = new ArrayList<>();
    for (Error e : SCHEMA.validate(root)) errors.add(name + ": " + describe(root, e));
    if (!errors.isEmpty()) return new Result(name, List.of(), errors);

    List<Practice> practices = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode record = root.get(i);
      String id = record.get("id").stringValue();
      String where = name + ": record " + (i + 1) + " (id " + id + ")";
      if (taken.contains(id)) {
        errors.add(where + ", field id: the id is already in the library");
      } else if (!seen.add(id)) {
        errors.add(where + ", field id: the id appears twice in this file");
      }
      try {
        practices.add(practice(record));
      } catch (IllegalArgumentException e) {
        errors.add(where + ", field " + (e.getMessage().startsWith("country") ? "country" : "id") + ": " + e.getMessage());
      }
    }
    return errors.isEmpty() ? new Result(name, practices, List.of()) : new Result(name, List.of(), errors);
  }

  private static Result rejected(String name, String error) {
    return new Result(name, List.of(), List.of(error));
  }

  /** @return {@code record N (id ID), field F: message} for a schema error */
  private static String describe(JsonNode root, Error e) {
    var path = e.getInstanceLocation();
    StringBuilder field = new StringBuilder();
    String record = "";
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (i == 0 && element instanceof Integer n) {
        JsonNode id = root.get(n).path("id");
        record = "record " + (n + 1) + (id.isString() ? " (id " + id.stringValue() + ")" : "");
      } else if (element instanceof Integer n) {
        field.append('[').append(n + 1).append(']');
      } else {
        if (field.length() > 0) field.append('.');
        field.append(element);
      }
    }
    if (e.getProperty() != null && ("required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword()))) {
      if (field.length() > 0) field.append('.');
      field.append(e.getProperty());
    }
    String where = record.isEmpty() ? "" : record + (field.length() > 0 ? ", " : "");
    String what = field.length() > 0 ? "field " + field : record.isEmpty() ? "the file" : "";
    return where + what + ": " + message(e);
  }

  /** The validator's message without its own location prefix. */
  private static String message(Error e) {
    String m = e.getMessage();
    String location = e.getInstanceLocation().toString();
    return m.startsWith(location + ": ") ? m.substring(location.length() + 2) : m;
  }

  private static Practice practice(JsonNode o) {
    String id = o.get("id").stringValue().trim();
    Country country = Country.of(id.substring(0, 2), o.get("country").stringValue().trim());
    List<Place> places = new ArrayList<>();
    for (JsonNode l : o.path("locations")) places.add(new Place(l.stringValue().trim(), Optional.empty()));
    Map<Section, List<String>> sections = new EnumMap<>(Section.class);
    for (Map.Entry<String, JsonNode> e : o.get("sections").properties()) {
      Section s = Section.fromKey(e.getKey()).orElseThrow(); // the schema allows only the five
      sections.put(s, s.isList() ? strings(e.getValue()) : List.of(e.getValue().stringValue().trim()));
    }
    Optional<Citation> source = Optional.empty();
    JsonNode c = o.get("source");
    if (c != null) {
      source = Optional.of(new Citation(c.get("title").stringValue().trim(), optional(c, "publisher"),
          c.has("year") ? Optional.of(c.get("year").intValue()) : Optional.empty(), optional(c, "section"), optional(c, "url")));
    }
    return new Practice(id, o.get("title").stringValue().trim(), o.get("organisation").stringValue().trim(), country, places,
        optional(o, "scope"), optional(o, "url"), optional(o, "contact"), sections, strings(o.path("notes")), source,
        o.has("language") ? o.get("language").stringValue() : "en");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : array) out.add(s.stringValue().trim());
    return out;
  }

  private static Optional<String> optional(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null ? Optional.empty() : Optional.of(v.stringValue().trim());
  }

  private static Schema loadSchema() {
    try (InputStream in = PracticeFile.class.getResourceAsStream("/practice.schema.json")) {
      if (in == null) throw new IllegalStateException("practice.schema.json missing from the class path");
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
