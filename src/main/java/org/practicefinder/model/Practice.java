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
 * @param id country code, the manual's number and letter: {@code UA-2a}, {@code RU-18}
 * @param title the practice's title, e.g. {@code Involve police as agents of social changes}
 * @param organisation the organisation that runs it, as the header names it
 * @param country the part of the manual it is listed under
 * @param locations places from the header, canonical, in header order; empty for national or
 *     international projects
 * @param scope {@code National} or {@code International} when the header gives a scope instead of a place
 * @param url the organisation's website, when the header gives one
 * @param contact an e-mail address, when the header gives that instead of a website
 * @param sections section → paragraphs (prose sections: exactly one element) or items (list sections);
 *     a section the practice lacks is absent, never empty
 * @param notes the practice's footnotes, in order of their numbers
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
    List<String> notes) {

  private static final Pattern ID = Pattern.compile("(UA|RU)-\\d{1,2}[a-z]?");

  public Practice {
    Objects.requireNonNull(id);
    if (!ID.matcher(id).matches()) throw new IllegalArgumentException("bad practice id: " + id);
    if (title.isBlank()) throw new IllegalArgumentException(id + ": blank title");
    if (organisation.isBlank()) throw new IllegalArgumentException(id + ": blank organisation");
    Objects.requireNonNull(country);
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
