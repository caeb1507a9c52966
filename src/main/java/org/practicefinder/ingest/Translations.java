package org.practicefinder.ingest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;
import org.practicefinder.taxonomy.Language;

/**
 * The practices' translations, one JSON file per practice and language other than the practice's own:
 * {@code <seeds>/translations/<language code>/<practice id>.json}, holding {@code id},
 * {@code language}, {@code translationOf} (the original's language: {@code "en"} for the manual's),
 * {@code title}, {@code organisation},
 * {@code sections} (prose sections as one string, {@code steps} and {@code lessons} as lists) and,
 * when the original has notes, {@code notes}. Each file is checked against the original (for the
 * manual's practices, its English text; see {@link #check}); a file that fails is refused with the
 * file and the practice named, and only that practice is then served in its original there.
 */
public final class Translations {
  /** Folder under the seeds folder. */
  public static final String FOLDER = "translations";
  private static final Set<String> REQUIRED = Set.of("id", "language", "translationOf", "title", "organisation", "sections");
  private static final Set<String> KNOWN = Set.of("id", "language", "translationOf", "title", "organisation", "sections", "notes");
  /** Separators inside a number (1,000 · 1 000 · 2.5 · 2,5): dropped, so that the digits alone are compared. */
  private static final Pattern NUMBER_SEPARATOR = Pattern.compile("(?<=\\d)[ ,.\\u00a0\\u202f](?=\\d)");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern ADDRESS = Pattern.compile("\\S+@\\S+|https?://\\S+|www\\.\\S+");
  private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?;:])\\s+|\\n");
  private static final Pattern LATIN_WORD = Pattern.compile("\\b[A-Za-z]{3,}\\b");
  /**
   * A sentence with this many Latin words of three letters or more is English left untranslated;
   * fewer are names and abbreviations kept as the manual writes them (SALUS, Anti-AIDS Siberia).
   */
  static final int UNTRANSLATED_WORDS = 4;

  /**
   * A translation not used.
   *
   * @param file the file, or where it was expected
   * @param practiceId the practice it translates
   * @param language the language it is in
   * @param reason what is wrong, e.g. {@code steps has 3 items, the English 4}
   */
  public record Refusal(Path file, String practiceId, Language language, String reason) {
    /** @return e.g. {@code seeds/translations/ru/UA-4.json (practice UA-4, ru): steps has 3 items, the English 4} */
    public String message() {
      return file + " (practice " + practiceId + ", " + language.code() + "): " + reason;
    }
  }

  /**
   * @param byPractice practice id → language → the translated practice (the English header fields
   *     kept: id, country, places, url, contact)
   * @param refusals the translations refused, in practice then language order
   */
  public record Loaded(Map<String, Map<Language, Practice>> byPractice, List<Refusal> refusals) {
    public Loaded {
      Map<String, Map<Language, Practice>> copy = new LinkedHashMap<>();
      byPractice.forEach((id, m) -> copy.put(id, Collections.unmodifiableMap(new EnumMap<>(m))));
      byPractice = Collections.unmodifiableMap(copy);
      refusals = List.copyOf(refusals);
    }

    /** @return the practice's translations that passed the checks; empty if none */
    public Map<Language, Practice> of(String practiceId) {
      return byPractice.getOrDefault(practiceId, Map.of());
    }
  }

  private Translations() {}

  /**
   * Reads and checks the translation of every practice into every language but English. A missing
   * folder or file, and a file that fails a check, are refusals; a file for a practice the manual
   * lacks is one too.
   *
   * @throws IOException if a folder exists but cannot be listed
   */
  public static Loaded load(Path seeds, List<Practice> practices) throws IOException {
    Map<String, Map<Language, Practice>> out = new LinkedHashMap<>();
    List<Refusal> refusals = new ArrayList<>();
    Map<String, Practice> byId = new LinkedHashMap<>();
    practices.forEach(p -> byId.put(p.id(), p));
    for (Practice english : practices) {
      for (Language language : Language.values()) {
        if (language.code().equals(english.language())) continue;
        Path file = file(seeds, language, english.id());
        try {
          Practice t = read(file, english, language);
          out.computeIfAbsent(english.id(), id -> new EnumMap<>(Language.class)).put(language, t);
        } catch (Refused e) {
          refusals.add(new Refusal(file, english.id(), language, e.getMessage()));
        }
      }
    }
    for (Language language : Language.values()) {
      Path folder = seeds.resolve(FOLDER).resolve(language.code());
      if (!Files.isDirectory(folder)) continue;
      try (Stream<Path> files = Files.list(folder)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          String id = name.replaceFirst("\\.json$", "");
          if (name.endsWith(".json") && !byId.containsKey(id)) {
            refusals.add(new Refusal(f, id, language, "the manual has no practice " + id));
          }
        }
      }
    }
    return new Loaded(out, refusals);
  }

  /** @return where the translation of a practice into a language is expected */
  public static Path file(Path seeds, Language language, String practiceId) {
    return seeds.resolve(FOLDER).resolve(language.code()).resolve(practiceId + ".json");
  }

  /** @return the translation files under {@code seeds}, sorted, for the index's fingerprint */
  public static List<Path> files(Path seeds) throws IOException {
    Path root = seeds.resolve(FOLDER);
    if (!Files.isDirectory(root)) return List.of();
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
    }
  }

  /** A translation that fails a check; the message says which. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private static Practice read(Path file, Practice english, Language language) throws Refused {
    if (!Files.isRegularFile(file)) throw new Refused("missing");
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new Refused("not valid UTF-8");
    } catch (IOException e) {
      throw new Refused("cannot be read: " + e.getMessage());
    }
    JsonElement root;
    try {
      JsonReader reader = new JsonReader(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
      reader.setStrictness(Strictness.STRICT);
      root = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) throw new JsonParseException("text after the JSON value");
    } catch (JsonParseException | IOException e) {
      throw new Refused("not valid JSON: " + firstLine(e.getMessage()));
    }
    if (!root.isJsonObject()) throw new Refused("not a JSON object");
    List<String> problems = check(english, root.getAsJsonObject(), language);
    if (!problems.isEmpty()) throw new Refused(String.join("; ", problems));
    return translated(english, root.getAsJsonObject());
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  /**
   * Checks a translation against the English: its fields and their types, the id, the language,
   * {@code translationOf}, the same sections with as many list items, as many notes, the same numbers
   * (years, counts, percentages: the digits) in the title, in each prose section and in each list item,
   * and no sentence of {@value #UNTRANSLATED_WORDS} or more Latin words left in the title, sections
   * or notes (addresses aside).
   *
   * @return the problems found, in that order; empty if none
   */
  static List<String> check(Practice english, JsonObject t, Language language) {
    List<String> problems = new ArrayList<>();
    for (String key : t.keySet()) {
      if (!KNOWN.contains(key)) problems.add("unknown field " + key);
    }
    for (String key : REQUIRED) {
      if (!t.has(key)) problems.add("no " + key);
    }
    if (!problems.isEmpty()) return problems;
    for (String key : List.of("id", "language", "translationOf", "title", "organisation")) {
      if (!isString(t.get(key)) || t.get(key).getAsString().isBlank()) problems.add(key + " must be a non-empty string");
    }
    if (!t.get("sections").isJsonObject()) problems.add("sections must be an object");
    if (t.has("notes") && !isStringList(t.get("notes"))) problems.add("notes must be a list of strings");
    if (!problems.isEmpty()) return problems;
    if (!t.get("id").getAsString().equals(english.id())) problems.add("id is " + t.get("id").getAsString() + ", not " + english.id());
    if (!t.get("language").getAsString().equals(language.code())) {
      problems.add("language is " + t.get("language").getAsString() + ", not " + language.code() + " as its folder says");
    }
    if (!t.get("translationOf").getAsString().equals(english.language())) problems.add("translationOf must be " + english.language());
    JsonObject sections = t.getAsJsonObject("sections");
    List<String> want = english.sections().keySet().stream().map(Section::key).toList();
    List<String> have = new ArrayList<>(sections.keySet());
    if (!have.equals(want)) problems.add("sections are " + have + ", the English " + want);
    int notes = t.has("notes") ? t.getAsJsonArray("notes").size() : 0;
    if (notes != english.notes().size()) problems.add(notes + " notes, the English " + english.notes().size());
    if (!problems.isEmpty()) return problems;
    compareNumbers("title", english.title(), t.get("title").getAsString(), problems);
    for (Section s : english.sections().keySet()) {
      JsonElement e = sections.get(s.key());
      List<String> parts = english.items(s);
      if (s.isList()) {
        if (!isStringList(e)) {
          problems.add(s.key() + " must be a list of strings");
          continue;
        }
        if (e.getAsJsonArray().size() != parts.size()) {
          problems.add(s.key() + " has " + e.getAsJsonArray().size() + " items, the English " + parts.size());
          continue;
        }
        for (int i = 0; i < parts.size(); i++) {
          compareNumbers(s.key() + " item " + (i + 1), parts.get(i), e.getAsJsonArray().get(i).getAsString(), problems);
        }
      } else if (!isString(e) || e.getAsString().isBlank()) {
        problems.add(s.key() + " must be one non-empty string");
      } else {
        compareNumbers(s.key(), parts.get(0), e.getAsString(), problems);
      }
    }
    if (!problems.isEmpty()) return problems;
    Map<String, List<String>> texts = new LinkedHashMap<>();
    texts.put("title", List.of(t.get("title").getAsString()));
    for (Section s : english.sections().keySet()) {
      JsonElement e = sections.get(s.key());
      texts.put(s.key(), s.isList() ? strings(e) : List.of(e.getAsString()));
    }
    if (t.has("notes")) texts.put("notes", strings(t.get("notes")));
    texts.forEach((where, parts) -> parts.forEach(part -> untranslated(part).ifPresent(
        sentence -> problems.add("English left untranslated in " + where + ": \"" + sentence + "\""))));
    return problems;
  }

  /** @return the digits of the numbers in the text, sorted: the same in a faithful translation */
  static List<String> numbers(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = DIGITS.matcher(NUMBER_SEPARATOR.matcher(text).replaceAll(""));
    while (m.find()) out.add(m.group());
    Collections.sort(out);
    return out;
  }

  private static void compareNumbers(String where, String english, String translation, List<String> problems) {
    List<String> want = numbers(english);
    List<String> have = numbers(translation);
    if (!have.equals(want)) problems.add(where + " has the numbers " + have + ", the English " + want);
  }

  /** @return the first sentence with {@link #UNTRANSLATED_WORDS} or more Latin words (addresses aside), cut to 80 characters */
  static Optional<String> untranslated(String text) {
    for (String sentence : SENTENCE_BREAK.split(ADDRESS.matcher(text).replaceAll(" "))) {
      Matcher m = LATIN_WORD.matcher(sentence);
      int n = 0;
      while (m.find()) n++;
      if (n >= UNTRANSLATED_WORDS) {
        String s = sentence.strip();
        return Optional.of(s.length() > 80 ? s.substring(0, 80) + "…" : s);
      }
    }
    return Optional.empty();
  }

  private static Practice translated(Practice english, JsonObject t) {
    Map<Section, List<String>> sections = new EnumMap<>(Section.class);
    JsonObject o = t.getAsJsonObject("sections");
    for (Section s : english.sections().keySet()) {
      sections.put(s, s.isList() ? strings(o.get(s.key())) : List.of(o.get(s.key()).getAsString().strip()));
    }
    return new Practice(english.id(), t.get("title").getAsString().strip(), t.get("organisation").getAsString().strip(),
        english.country(), english.locations(), english.scope(), english.url(), english.contact(), sections,
        t.has("notes") ? strings(t.get("notes")) : List.of(), english.source(), t.get("language").getAsString());
  }

  private static boolean isString(JsonElement e) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
  }

  private static boolean isStringList(JsonElement e) {
    if (e == null || !e.isJsonArray()) return false;
    for (JsonElement x : e.getAsJsonArray()) {
      if (!isString(x) || x.getAsString().isBlank()) return false;
    }
    return true;
  }

  private static List<String> strings(JsonElement e) {
    List<String> out = new ArrayList<>();
    e.getAsJsonArray().forEach(x -> out.add(x.getAsString().strip()));
    return out;
  }
}
