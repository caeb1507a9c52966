package org.practicefinder.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.practicefinder.model.Citation;
import org.practicefinder.model.Country;
import org.practicefinder.model.Place;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;

/**
 * Parses the text of the Manual of Good Practices (extracted from its PDF) into practices.
 *
 * <p>Layout it reads: a collection heading per country ({@code Good Practices | U K R A I N E}),
 * then per practice a numbered header ({@code 2.a  SALUS Charitable Foundation | LVIV | Ukraine},
 * possibly over several lines), an optional website or e-mail line, a title (possibly over several
 * lines) and the section headings CHALLENGE, ACTION, STEPS, OUTCOMES, LESSONS. In STEPS and LESSONS
 * an item begins on a line that starts with a space (the bullet glyph was lost); other lines
 * continue it. Page numbers, repeated link annotations and footnote lines are taken out of the
 * sections; footnotes become the practice's notes.
 */
public final class ManualParser {
  private static final Pattern COLLECTION = Pattern.compile("^\\s*Good Practices \\| ([A-Z ]+?)\\s*$");
  private static final Pattern HEADER = Pattern.compile("^\\s*(\\d{1,2})\\.([a-z])?\\s+(\\S.*?)\\s*$");
  private static final Pattern HEADING = Pattern.compile("^\\s*([A-Z]+)\\s*$");
  private static final Pattern PAGE_NUMBER = Pattern.compile("^\\s*\\d{1,3}\\s*$");
  private static final Pattern LINK = Pattern.compile("^\\s*((?:https?://|www\\.)\\S+)\\s*$");
  private static final Pattern EMAIL = Pattern.compile("^\\s*([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)\\s*$");
  /** A footnote line starts at the margin with its number: {@code 4 http://legalife.com.ua/...}. */
  private static final Pattern FOOTNOTE = Pattern.compile("^(\\d{1,2}) +(\\S.*?)\\s*$");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final int MAX_HEADER_LINES = 4;

  private final Gazetteer gazetteer = Gazetteer.load();

  /** Why a seed file that holds no practice is refused. */
  static final String NOT_THE_MANUAL = "no practice found: the manual's text has collection headings such as "
      + "'Good Practices | U K R A I N E' followed by numbered practices";

  /**
   * Parses every {@code *.txt} file of a folder, in file name order.
   *
   * @return the practices of all files, in manual order
   * @throws IOException if a file cannot be read
   * @throws ManualFormatException naming the file (and line) if a file is not UTF-8, does not have
   *     the manual's layout, holds no practice, or repeats a practice of an earlier file
   */
  public List<Practice> parseFolder(Path folder) throws IOException {
    List<Practice> all = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Path file : Seeds.files(folder, ".txt")) {
      List<Practice> practices;
      try {
        practices = parse(readUtf8(file));
        if (practices.isEmpty()) throw ManualFormatException.ofFile(file, NOT_THE_MANUAL);
      } catch (ManualFormatException e) {
        throw e.in(file);
      }
      for (Practice p : practices) {
        if (!ids.add(p.id())) throw ManualFormatException.ofFile(file, "practice " + p.id() + " appears in an earlier file too");
        all.add(p);
      }
    }
    return List.copyOf(all);
  }

  /**
   * @return the file's text
   * @throws ManualFormatException naming the file and the line of the first byte that is not UTF-8
   */
  static String readUtf8(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) if (bytes[i] == '\n') line++;
      throw new ManualFormatException(line, String.format(Locale.ROOT,
          "not valid UTF-8 (byte 0x%02X at offset %d); save the manual's text as UTF-8", bytes[at] & 0xFF, at)).in(file);
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /**
   * Parses the manual's text.
   *
   * @return the practices in manual order: Ukraine's, then the Russian Federation's
   * @throws ManualFormatException naming the line, if a header, title or section is malformed
   */
  public List<Practice> parse(String manual) {
    String[] lines = manual.split("\\r?\\n", -1);
    TextCleaner cleaner = new TextCleaner(vocabulary(manual));
    List<Practice> practices = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Country country = null;
    int nextFootnote = 1;
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      Matcher collection = COLLECTION.matcher(line);
      if (collection.matches()) {
        country = country(collection.group(1), i + 1);
        i++;
        continue;
      }
      Matcher footnote = FOOTNOTE.matcher(line);
      if (footnote.matches() && isFootnoteNumber(Integer.parseInt(footnote.group(1)), nextFootnote)) {
        nextFootnote = Integer.parseInt(footnote.group(1)) + 1; // front-matter footnotes keep the count
      }
      Matcher header = country == null ? null : HEADER.matcher(line);
      if (header == null || !header.matches()) {
        i++;
        continue;
      }
      Block block = new Block(country, header, i);
      i = block.read(lines, nextFootnote);
      nextFootnote = block.nextFootnote;
      Practice practice = block.toPractice(cleaner, gazetteer);
      if (!ids.add(practice.id())) {
        throw new ManualFormatException(block.startLine + 1, "practice " + practice.id() + " appears twice");
      }
      practices.add(practice);
    }
    return List.copyOf(practices);
  }

  private static boolean isFootnoteNumber(int n, int next) {
    return n == next || n == next - 1; // the manual repeats a number when a note runs to a second source
  }

  private static Country country(String spaced, int lineNumber) {
    String name = spaced.replace(" ", "");
    return switch (name) {
      case "UKRAINE" -> Country.UKRAINE;
      case "RUSSIA", "RUSSIANFEDERATION" -> Country.RUSSIA;
      default -> throw new ManualFormatException(lineNumber, "unknown country in collection heading: " + spaced);
    };
  }

  /** @return the lower-case words of the whole manual, for {@link TextCleaner} */
  static Set<String> vocabulary(String manual) {
    Set<String> words = new HashSet<>();
    Matcher m = WORD.matcher(manual);
    while (m.find()) words.add(m.group().toLowerCase(Locale.ROOT));
    return words;
  }

  /** The lines of one practice, from its header to the next header or collection heading. */
  private static final class Block {
    final Country country;
    final String number;
    /** The number as the manual prints it, e.g. {@code 2.a}. */
    final String printedNumber;
    final int startLine;
    final List<String> headerLines = new ArrayList<>();
    String link;
    String email;
    final List<String> titleLines = new ArrayList<>();
    final Map<Section, List<String>> sectionLines = new EnumMap<>(Section.class);
    final Map<Integer, String> footnotes = new TreeMap<>();
    int nextFootnote;

    Block(Country country, Matcher header, int startLine) {
      this.country = country;
      this.number = header.group(1) + Optional.ofNullable(header.group(2)).orElse("");
      this.printedNumber = header.group(1) + Optional.ofNullable(header.group(2)).map(l -> "." + l).orElse("");
      this.startLine = startLine;
      headerLines.add(header.group(3));
    }

    /** Reads from the header line on; returns the index of the first line after the practice. */
    int read(String[] lines, int footnoteCounter) {
      nextFootnote = footnoteCounter;
      int i = readHeader(lines, startLine + 1);
      Section section = null;
      for (; i < lines.length; i++) {
        String line = lines[i];
        if (COLLECTION.matcher(line).matches() || HEADER.matcher(line).matches()) break;
        Matcher heading = HEADING.matcher(line);
        Optional<Section> next = heading.matches() ? Section.fromHeading(heading.group(1)) : Optional.empty();
        if (next.isPresent()) {
          section = next.get();
          if (sectionLines.containsKey(section)) {
            throw new ManualFormatException(i + 1, "section " + section + " appears twice in practice " + number);
          }
          sectionLines.put(section, new ArrayList<>());
          continue;
        }
        if (PAGE_NUMBER.matcher(line).matches() || line.isBlank()) continue;
        Matcher footnote = FOOTNOTE.matcher(line);
        if (footnote.matches() && isFootnoteNumber(Integer.parseInt(footnote.group(1)), nextFootnote)) {
          int n = Integer.parseInt(footnote.group(1));
          footnotes.merge(n, footnote.group(2), (a, b) -> a + " " + b);
          nextFootnote = n + 1;
          continue;
        }
        Matcher link = LINK.matcher(line);
        Matcher mail = EMAIL.matcher(line);
        if (section == null) {
          if (link.matches() && this.link == null && titleLines.isEmpty()) this.link = link.group(1);
          else if (mail.matches() && email == null && titleLines.isEmpty()) email = mail.group(1);
          else titleLines.add(line);
          continue;
        }
        if (link.matches()) continue; // a link annotation repeated inside the text
        sectionLines.get(section).add(line);
      }
      return i;
    }

    /** Header lines continue while the header has no country yet and the next line carries on. */
    private int readHeader(String[] lines, int from) {
      int i = from;
      while (!endsWithCountry() && headerLines.size() < MAX_HEADER_LINES) {
        int j = i;
        while (j < lines.length && lines[j].isBlank()) j++;
        if (j >= lines.length) break;
        String next = lines[j];
        String header = String.join(" ", headerLines).trim();
        boolean continues = header.endsWith("|") || !header.contains("|") || next.contains("|");
        if (!continues || LINK.matcher(next).matches() || EMAIL.matcher(next).matches()
            || HEADING.matcher(next).matches()) {
          break;
        }
        headerLines.add(next.trim());
        i = j + 1;
      }
      if (!String.join(" ", headerLines).contains("|")) {
        throw new ManualFormatException(startLine + 1, "practice header without '|' separators: " + headerLines.get(0));
      }
      return i;
    }

    private boolean endsWithCountry() {
      String header = String.join(" ", headerLines).trim();
      String last = header.substring(header.lastIndexOf('|') + 1).trim();
      return last.equalsIgnoreCase(country.displayName()) || last.equalsIgnoreCase("Russian Federation");
    }

    Practice toPractice(TextCleaner cleaner, Gazetteer gazetteer) {
      String id = country.code() + "-" + number;
      if (titleLines.isEmpty()) throw new ManualFormatException(startLine + 1, id + " has no title before CHALLENGE");
      if (sectionLines.isEmpty()) throw new ManualFormatException(startLine + 1, id + " has no sections");
      List<String> segments = new ArrayList<>();
      for (String s : TextCleaner.normaliseSpaces(String.join(" ", headerLines)).split("\\|")) {
        if (!s.isBlank()) segments.add(s.trim());
      }
      String organisation = segments.get(0);
      List<Place> places = new ArrayList<>();
      Optional<String> scope = Optional.empty();
      for (String segment : segments.subList(1, segments.size())) {
        if (segment.equalsIgnoreCase(country.displayName()) || segment.equalsIgnoreCase("Russian Federation")) continue;
        Optional<String> s = gazetteer.scope(segment);
        if (s.isPresent()) scope = s;
        else if (segment.equals(segment.toUpperCase(Locale.ROOT))) places.addAll(gazetteer.places(segment));
        // a segment not in capitals names a partner (e.g. "Police"), not a place
      }
      Map<Section, List<String>> sections = new LinkedHashMap<>();
      Set<Integer> noteNumbers = footnotes.keySet();
      sectionLines.forEach((section, raw) -> {
        List<String> parts = section.isList() ? items(raw, cleaner) : List.of(cleaner.join(raw));
        List<String> cleaned = parts.stream()
            .map(p -> TextCleaner.stripFootnoteMarkers(p, noteNumbers))
            .filter(p -> !p.isBlank())
            .toList();
        if (!cleaned.isEmpty()) sections.put(section, cleaned);
      });
      String title = TextCleaner.stripFootnoteMarkers(cleaner.join(titleLines), noteNumbers);
      List<String> notes = footnotes.values().stream().map(TextCleaner::normaliseSpaces).toList();
      return new Practice(id, title, organisation, country, dedupe(places), scope,
          Optional.ofNullable(link).map(Block::withScheme), Optional.ofNullable(email), sections, notes,
          Optional.of(Citation.manual("Collection of Good Practices, " + country.displayName() + ", practice " + printedNumber)),
          "en");
    }

    private static String withScheme(String link) {
      return link.startsWith("http") ? link : "http://" + link;
    }

    private static List<Place> dedupe(List<Place> places) {
      Map<String, Place> byName = new LinkedHashMap<>();
      for (Place p : places) byName.putIfAbsent(p.name(), p);
      return List.copyOf(byName.values());
    }

    /** Splits a list section into items: an item starts on a line that begins with a space. */
    private static List<String> items(List<String> raw, TextCleaner cleaner) {
      List<List<String>> items = new ArrayList<>();
      for (String line : raw) {
        boolean starts = Character.isWhitespace(line.charAt(0)) || line.charAt(0) == '\u00A0';
        if (starts || items.isEmpty()) items.add(new ArrayList<>());
        items.get(items.size() - 1).add(line);
      }
      return items.stream().map(cleaner::join).toList();
    }
  }
}
