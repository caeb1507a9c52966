package org.practicefinder.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.practicefinder.model.Place;

/**
 * Turns the place part of a practice header into canonical places, using {@code places.tsv}.
 * Header places are written in capitals; {@code UFA, BASHKORTOSTAN} is a city in a region,
 * {@code KIROVOGRAD, MARIUPOL, VINNYTSIA} three cities.
 */
final class Gazetteer {
  private record Entry(String canonical, String kind) {}

  private final Map<String, Entry> entries;

  private Gazetteer(Map<String, Entry> entries) {
    this.entries = entries;
  }

  static Gazetteer load() {
    Map<String, Entry> entries = new HashMap<>();
    try (InputStream in = Gazetteer.class.getResourceAsStream("/places.tsv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] cols = line.split("\t");
        entries.put(cols[0].trim(), new Entry(cols[1].trim(), cols[2].trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Gazetteer(entries);
  }

  /** @return the scope ({@code National}, {@code International}) if the header segment is one */
  Optional<String> scope(String segment) {
    Entry e = entries.get(normalise(segment));
    return e != null && e.kind().equals("scope") ? Optional.of(e.canonical()) : Optional.empty();
  }

  /** @return the places of one header segment such as {@code UFA, BASHKORTOSTAN} */
  List<Place> places(String segment) {
    String[] parts = normalise(segment).split("\\s*,\\s*");
    String last = parts[parts.length - 1];
    Entry lastEntry = entries.get(last);
    if (parts.length > 1 && lastEntry != null && lastEntry.kind().equals("region")) {
      List<Place> places = new ArrayList<>();
      for (int i = 0; i < parts.length - 1; i++) {
        places.add(new Place(canonical(parts[i]), Optional.of(lastEntry.canonical())));
      }
      return places;
    }
    List<Place> places = new ArrayList<>();
    for (String part : parts) places.add(new Place(canonical(part), Optional.empty()));
    return places;
  }

  private String canonical(String place) {
    Entry e = entries.get(place);
    return e != null ? e.canonical() : titleCase(place);
  }

  private static String normalise(String segment) {
    return segment.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }

  static String titleCase(String upper) {
    StringBuilder out = new StringBuilder(upper.length());
    boolean start = true;
    for (char c : upper.toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = c == ' ' || c == '-';
    }
    return out.toString();
  }
}
