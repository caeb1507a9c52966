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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.practicefinder.model.Guidance;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;
import org.practicefinder.taxonomy.Language;

/**
 * The translations of the practices and of the manual's guidance, one JSON file per practice or
 * entry and language other than the original's. A practice's is
 * {@code <seeds>/translations/<language code>/<practice id>.json}, holding {@code id},
 * {@code language}, {@code translationOf} (the original's language: {@code "en"} for the manual's),
 * {@code title}, {@code organisation},
 * {@code sections} (prose sections as one string, {@code steps} and {@code lessons} as lists) and,
 * when the original has notes, {@code notes}. A guidance entry's is
 * {@code <seeds>/translations/guidance/<language code>/<entry id>.json}, holding {@code id},
 * {@code language}, {@code translationOf}, {@code title}, {@code section}, {@code text} (paragraphs one
 * a line, as the English), a key gap's {@code barrier}, {@code recommendation}, {@code example} and
 * {@code russiaNote} where the English has them, and {@code notes} where the English has footnotes.
 * Each file is checked against the original ({@link #check}, {@link #checkGuidance}); a file that
 * fails is refused with the file and the practice or entry named, and only that one is then served in
 * its original there.
 */
public final class Translations {
  /** Folder under the seeds folder. */
  public static final String FOLDER = "translations";
  /** Folder of the guidance's translations, under {@link #FOLDER}. */
  public static final String GUIDANCE = "guidance";
  /** The fields a guidance entry's translation may have. */
  private static final Set<String> GUIDANCE_KNOWN = Set.of("id", "language", "translationOf", "title", "section", "text",
      "barrier", "recommendation", "example", "russiaNote", "notes");
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
   * @param what what it translates: {@code practice} or {@code guidance entry}
   * @param id the id of the practice or entry it translates
   * @param language the language it is in
   * @param reason what is wrong, e.g. {@code steps has 3 items, the English 4}
   */
  public record Refusal(Path file, String what, String id, Language language, String reason) {
    /** @return e.g. {@code seeds/translations/ru/UA-4.json (practice UA-4, ru): steps has 3 items, the English 4} */
    public String message() {
      return file + " (" + what + " " + id + ", " + language.code() + "): " + reason;
    }
  }

  /**
   * @param <T> a {@link Practice} or a {@link Guidance} entry
   * @param byId practice or entry id → language → its translation (for a practice, the English
   *     header fields kept: id, country, places, url, contact; for an entry, its kind, the practices
   *     a gap names and the source)
   * @param refusals the translations refused, in the originals' then language order
   */
  public record Loaded<T>(Map<String, Map<Language, T>> byId, List<Refusal> refusals) {
    public Loaded {
      Map<String, Map<Language, T>> copy = new LinkedHashMap<>();
      byId.forEach((id, m) -> copy.put(id, Collections.unmodifiableMap(new EnumMap<>(m))));
      byId = Collections.unmodifiableMap(copy);
      refusals = List.copyOf(refusals);
    }

    /** @return the translations of a practice or entry that passed the checks; empty if none */
    public Map<Language, T> of(String id) {
      return byId.getOrDefault(id, Map.of());
    }
  }

  /** Reads and checks one translation file against its original. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(Path file, T original, Language language) throws Refused;
  }

  private Translations() {}

  /**
   * Reads and checks the translation of every practice into every language but English. A missing
   * folder or file, and a file that fails a check, are refusals; a file for a practice the manual
   * lacks is one too.
   *
   * @throws IOException if a folder exists but cannot be listed
   */
  public static Loaded<Practice> load(Path seeds, List<Practice> practices) throws IOException {
    return load(seeds.resolve(FOLDER), practices, Practice::id, Practice::language, "practice",
        (file, english, language) -> translated(english, checked(file, t -> check(english, t, language))));
  }

  /**
   * Reads and checks the translation of every guidance entry into every language but English, as
   * {@link #load} does the practices'.
   *
   * @throws IOException if a folder exists but cannot be listed
   */
  public static Loaded<Guidance> loadGuidance(Path seeds, List<Guidance> entries) throws IOException {
    return load(seeds.resolve(FOLDER).resolve(GUIDANCE), entries, Guidance::id, g -> Language.EN.code(), "guidance entry",
        (file, english, language) -> translated(english, checked(file, t -> checkGuidance(english, t, language))));
  }

  /**
   * @param root the folder holding one folder per language code
   * @param what what the originals are, for messages: {@code practice}, {@code guidance entry}
   */
  private static <T> Loaded<T> load(Path root, List<T> originals, Function<T, String> idOf, Function<T, String> languageOf,
      String what, Reader<T> reader) throws IOException {
    Map<String, Map<Language, T>> out = new LinkedHashMap<>();
    List<Refusal> refusals = new ArrayList<>();
    Map<String, T> byId = new LinkedHashMap<>();
    originals.forEach(o -> byId.put(idOf.apply(o), o));
    for (T original : originals) {
      String id = idOf.apply(original);
      for (Language language : Language.values()) {
        if (language.code().equals(languageOf.apply(original))) continue;
        Path file = root.resolve(language.code()).resolve(id + ".json");
        try {
          T t = reader.read(file, original, language);
          out.computeIfAbsent(id, k -> new EnumMap<>(Language.class)).put(language, t);
        } catch (Refused e) {
          refusals.add(new Refusal(file, what, id, language, e.getMessage()));
        }
      }
    }
    for (Language language : Language.values()) {
      Path folder = root.resolve(language.code());
      if (!Files.isDirectory(folder)) continue;
      try (Stream<Path> files = Files.list(folder)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          String id = name.replaceFirst("\\.json$", "");
          if (name.endsWith(".json") && !byId.containsKey(id)) {
            refusals.add(new Refusal(f, what, id, language, "the manual has no " + what + " " + id));
          }
        }
      }
    }
    return new Loaded<>(out, refusals);
  }

  /** @return where the translation of a practice into a language is expected */
  public static Path file(Path seeds, Language language, String practiceId) {
    return seeds.resolve(FOLDER).resolve(language.code()).resolve(practiceId + ".json");
  }

  /** @return where the translation of a guidance entry into a language is expected */
  public static Path guidanceFile(Path seeds, Language language, String entryId) {
    return seeds.resolve(FOLDER).resolve(GUIDANCE).resolve(language.code()).resolve(entryId + ".json");
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

  /**
   * @param check the problems of the parsed file, as {@link #check} finds them
   * @return the file's JSON object, read strictly, once it has no problem
   */
  private static JsonObject checked(Path file, Function<JsonObject, List<String>> check) throws Refused {
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
    List<String> problems = check.apply(root.getAsJsonObject());
    if (!problems.isEmpty()) throw new Refused(String.join("; ", problems));
    return root.getAsJsonObject();
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
    checkHeader(t, english.id(), language, english.language(), problems);
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

  /** Adds the problems of a translation's id, language (its folder's) and {@code translationOf} (the original's language). */
  private static void checkHeader(JsonObject t, String id, Language language, String original, List<String> problems) {
    if (!t.get("id").getAsString().equals(id)) problems.add("id is " + t.get("id").getAsString() + ", not " + id);
    if (!t.get("language").getAsString().equals(language.code())) {
      problems.add("language is " + t.get("language").getAsString() + ", not " + language.code() + " as its folder says");
    }
    if (!t.get("translationOf").getAsString().equals(original)) problems.add("translationOf must be " + original);
  }

  /**
   * Checks a guidance entry's translation against the English entry as {@link #check} does a
   * practice's: its fields (a gap's parts, the Russia note and the notes exactly where the English has
   * them) and their types, the id, the language, {@code translationOf}; each text with as many lines
   * as the English and a gap's text its barrier, recommendation and example, one a line; the same
   * numbers in the title, the section, each line and each note; and no English sentence left
   * untranslated.
   *
   * @return the problems found, in that order; empty if none
   */
  static List<String> checkGuidance(Guidance english, JsonObject t, Language language) {
    Map<String, List<String>> want = guidanceTexts(english);
    List<String> problems = new ArrayList<>();
    for (String key : t.keySet()) {
      if (!GUIDANCE_KNOWN.contains(key)) problems.add("unknown field " + key);
      else if (!want.containsKey(key) && !HEADER.contains(key)) problems.add(key + ", which the English has not");
    }
    for (String key : HEADER) {
      if (!t.has(key)) problems.add("no " + key);
    }
    for (String key : want.keySet()) {
      if (!t.has(key)) problems.add("no " + key);
    }
    if (!problems.isEmpty()) return problems;
    for (String key : t.keySet()) {
      if (key.equals("notes")) {
        if (!isStringList(t.get(key))) problems.add("notes must be a list of strings");
      } else if (!isString(t.get(key)) || t.get(key).getAsString().isBlank()) {
        problems.add(key + " must be a non-empty string");
      }
    }
    if (!problems.isEmpty()) return problems;
    checkHeader(t, english.id(), language, Language.EN.code(), problems);
    Map<String, List<String>> have = new LinkedHashMap<>();
    want.keySet().forEach(key -> have.put(key, key.equals("notes") ? strings(t.get(key)) : lines(t.get(key).getAsString())));
    want.forEach((key, original) -> {
      int n = have.get(key).size();
      if (n != original.size()) {
        problems.add(key + " has " + n + (key.equals("notes") ? " notes" : " lines") + ", the English " + original.size());
      }
    });
    if (english.gap().isPresent() && !have.get("text").equals(join(have, "barrier", "recommendation", "example"))) {
      problems.add("text is not the barrier, recommendation and example, one a line");
    }
    if (!problems.isEmpty()) return problems;
    want.forEach((key, original) -> {
      for (int i = 0; i < original.size(); i++) {
        String where = original.size() == 1 ? key : key + (key.equals("notes") ? " note " : " line ") + (i + 1);
        compareNumbers(where, original.get(i), have.get(key).get(i), problems);
      }
    });
    if (!problems.isEmpty()) return problems;
    have.forEach((where, parts) -> parts.forEach(part -> untranslated(part).ifPresent(
        sentence -> problems.add("English left untranslated in " + where + ": \"" + sentence + "\""))));
    return problems;
  }

  /** The fields every translation of a guidance entry has besides its texts. */
  private static final List<String> HEADER = List.of("id", "language", "translationOf");

  /** @return the English entry's texts a translation must have, by field: each as its lines, the notes as a list */
  private static Map<String, List<String>> guidanceTexts(Guidance g) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("title", List.of(g.title()));
    out.put("section", List.of(g.section()));
    out.put("text", lines(g.text()));
    g.gap().ifPresent(gap -> {
      out.put("barrier", lines(gap.barrier()));
      out.put("recommendation", lines(gap.recommendation()));
      out.put("example", lines(gap.example()));
      gap.russiaNote().ifPresent(n -> out.put("russiaNote", lines(n)));
    });
    if (!g.notes().isEmpty()) out.put("notes", g.notes());
    return out;
  }

  private static List<String> lines(String text) {
    return text.strip().lines().map(String::strip).toList();
  }

  private static List<String> join(Map<String, List<String>> texts, String... keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys) out.addAll(texts.get(k));
    return out;
  }

  private static Guidance translated(Guidance english, JsonObject t) {
    Optional<Guidance.Gap> gap = english.gap().map(g -> new Guidance.Gap(t.get("barrier").getAsString().strip(),
        t.get("recommendation").getAsString().strip(), t.get("example").getAsString().strip(), g.practices(),
        g.russiaNote().map(n -> t.get("russiaNote").getAsString().strip())));
    return new Guidance(english.id(), english.kind(), t.get("title").getAsString().strip(), t.get("section").getAsString().strip(),
        t.get("text").getAsString().strip(), gap, t.has("notes") ? strings(t.get("notes")) : List.of(), english.source());
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
