package org.practicefinder.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One good practice as the manual describes it.
 *
 * @param id the country's code, a hyphen, then the manual's number and letter ({@code UA-2a},
 *     {@code RU-18}) or, for a practice added as data, a lower-case slug that starts with a letter
 *     ({@code UA-night-bus-odesa}); see {@link #isManualId}
 * @param title the practice's title, e.g. {@code Involve police as agents of social changes}
 * @param organisation the organisation that runs it, as the header names it
 * @param country where the practice works (for the manual's practices, the part of the manual it is listed under)
 * @param locations places from the header, canonical, in header order; empty for national or
 *     international projects
 * @param scope {@code National} or {@code International} when the header gives a scope instead of a place
 * @param url the organisation's website, when the header gives one
 * @param contact an e-mail address, when the header gives that instead of a website
 * @param sections section → paragraphs (prose sections: exactly one element) or items (list sections);
 *     a section the practice lacks is absent, never empty
 * @param notes the practice's footnotes, in order of their numbers
 * @param source the publication the text comes from, if known
 * @param language the language of the text: {@code en}, {@code ru} or {@code uk}
 */
public record Practice(
    String id,
    String title,
    String organisation,
    Country country,
    List<Place> locations,
    Optional<String> scope,
    Optional<String> url,
    Optional<String> contact,
    Map<Section, List<String>> sections,
    List<String> notes,
    Optional<Citation> source,
    String language) {

  /** The manual's ids: a number and an optional letter. */
  private static final Pattern MANUAL_ID = Pattern.compile("[A-Z]{2}-\\d{1,2}[a-z]?");
  /** Ids of added practices: a slug of 2 to 60 lower-case letters, digits and single hyphens, starting with a letter. */
  private static final Pattern ADDED_ID = Pattern.compile("[A-Z]{2}-(?=.{2,60}$)[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
  private static final Pattern LANGUAGE = Pattern.compile("en|ru|uk");

  /**
   * @throws IllegalArgumentException if the id matches neither form or does not start with the
   *     country's code, a required text is blank, a section is empty, a prose section has more than
   *     one text, or the language is not en, ru or uk
   */

  public Practice {
    Objects.requireNonNull(id);
    if (!MANUAL_ID.matcher(id).matches() && !ADDED_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("bad practice id: " + id);
    }
    Objects.requireNonNull(country);
    if (!id.startsWith(country.code() + "-")) {
      throw new IllegalArgumentException(id + ": the id must start with the country's code " + country.code() + "-");
    }
    if (title.isBlank()) throw new IllegalArgumentException(id + ": blank title");
    if (organisation.isBlank()) throw new IllegalArgumentException(id + ": blank organisation");
    locations = List.copyOf(locations);
    Objects.requireNonNull(scope);
    Objects.requireNonNull(url);
    Objects.requireNonNull(contact);
    EnumMap<Section, List<String>> copy = new EnumMap<>(Section.class);
    sections.forEach((section, parts) -> {
      if (parts.isEmpty()) throw new IllegalArgumentException(id + ": empty section " + section.key());
      if (!section.isList() && parts.size() != 1) {
        throw new IllegalArgumentException(id + ": prose section " + section.key() + " must be one text");
      }
      copy.put(section, List.copyOf(parts));
    });
    sections = java.util.Collections.unmodifiableMap(copy);
    notes = List.copyOf(notes);
    Objects.requireNonNull(source);
    Objects.requireNonNull(language);
    if (!LANGUAGE.matcher(language).matches()) throw new IllegalArgumentException(id + ": language must be en, ru or uk");
  }

  /** @return true for ids of the manual's form ({@code UA-2a}), false for added practices' slugs */
  public static boolean isManualId(String id) {
    return MANUAL_ID.matcher(id).matches();
  }

  /** @return the text of a prose section, or the items of a list section joined by newlines; empty if absent */
  public Optional<String> text(Section section) {
    List<String> parts = sections.get(section);
    return parts == null ? Optional.empty() : Optional.of(String.join("\n", parts));
  }

  /** @return the items of a section (a prose section gives one item); empty if absent */
  public List<String> items(Section section) {
    return sections.getOrDefault(section, List.of());
  }

  /** @return the canonical names of {@link #locations()} */
  public List<String> locationNames() {
    return locations.stream().map(Place::name).toList();
  }
}
