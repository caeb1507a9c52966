package org.practicefinder.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import org.practicefinder.model.Guidance;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Sentences;

/**
 * Parses the manual's front matter, the text before its first collection heading
 * ({@code Good Practices | U K R A I N E}), into guidance entries.
 *
 * <p>The entries and their order come from {@code guidance-outline.tsv}: each row names the
 * heading or opening words where an entry starts; its text runs to the next row's start. Before
 * matching, the page furniture of the PDF is taken out: page numbers, chapter tabs (lines in
 * capitals only, such as {@code KEY GAPS}), footnote blocks (a rule of spaces, then numbered
 * notes), the "Additional barrier for Russia" boxes, and drop capitals left on lines of their own.
 * A paragraph that lost its drop capital ({@code ood practices are…}) gets it back: the letter left
 * on a line of its own after it, if one completes the word, else the letter that makes the manual's
 * most frequent word ({@code he} → {@code The}).
 *
 * <p>A key gap's lines start "Barriers |", "Recommendation |" and "Example |". A box belongs to the
 * gap printed beside it: the PDF gives the box's lines after that gap's column text, which runs
 * narrow beside the box, so the last box goes to the nearest narrow gap before it, the box before
 * that to the next narrow gap back, and so on. A gap's practices are those whose organisation its
 * example names in quotes ({@code ‘Botkin Hospital’}).
 */
public final class GuidanceParser {
  private static final Pattern COLLECTION = Pattern.compile("^\\s*Good Practices \\| ([A-Z ]+?)\\s*$");
  private static final Pattern PAGE_NUMBER = Pattern.compile("^\\s*\\d{1,3}\\s*$");
  private static final Pattern DROP_CAPITAL = Pattern.compile("^\\s*(\\p{Lu})\\s*$");
  /** No lower-case letter and at least two capitals: {@code AIMS}, {@code KEY ELEMENTS}, {@code OF GOOD}. */
  private static final Pattern CHAPTER_TAB = Pattern.compile("^[^\\p{Ll}]*\\p{Lu}[^\\p{Ll}]*\\p{Lu}[^\\p{Ll}]*$");
  private static final Pattern FOOTNOTE_RULE = Pattern.compile("^[ \\t\\u00A0]{20,}$");
  private static final Pattern FOOTNOTE = Pattern.compile("^(\\d{1,2}) +(\\S.*?)\\s*$");
  private static final Pattern NUMBERED_ITEM = Pattern.compile("^\\s*\\d{1,2}\\.\\s+(.*)$");
  private static final Pattern FIELD = Pattern.compile("^\\s*(Barriers|Recommendation|Example)\\s*\\|\\s*(.*)$");
  private static final Pattern QUOTED = Pattern.compile("‘([^’]+)’");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Pattern COUNT = Pattern.compile("\\b(one|two|three|four|five)\\s+(?:\\p{L}+\\s+){0,2}practices?\\b");
  private static final List<String> COUNT_WORDS = List.of("one", "two", "three", "four", "five");
  private static final String BOX = "Additional barrier for Russia";
  /** A gap line this short (in characters) ran beside a box; a gap with this many of them had one. */
  private static final int NARROW = 50;
  private static final int NARROW_LINES = 4;
  private static final int MAX_HEADING_LINES = 4;
  /** Words that name no organisation in particular. */
  private static final Set<String> GENERIC = Set.of("charitable", "charity", "foundation", "fund", "organisation",
      "organization", "ngo", "the");
  private static final Set<String> TITLE_STOP = Set.of("with", "from", "that", "this", "their", "work", "workers",
      "worker", "good", "practice", "practices", "services", "organisation", "organization");

  private record Row(List<String> ids, Guidance.Kind kind, String form, String start, String title, String section) {
    boolean opening() {
      return start.endsWith("…");
    }

    String startText() {
      return opening() ? start.substring(0, start.length() - 1) : start;
    }
  }

  /** A line of the front matter that is text, not page furniture. @param number 1-based line number */
  private record Line(int number, String raw) {
    String text() {
      return TextCleaner.normaliseSpaces(raw);
    }

    boolean indented() {
      return !raw.isEmpty() && (Character.isWhitespace(raw.charAt(0)) || raw.charAt(0) == '\u00A0');
    }
  }

  private record Box(int line, String text) {}

  /** An entry being built: its text may still lack a drop capital. */
  private static final class Draft {
    final String id;
    final Row row;
    final int line;
    String text;
    String title;
    Guidance.Gap gap;
    List<String> notes = List.of();
    /** Text whose footnote markers count for this entry too: a list item's lead-in. */
    String leadIn = "";
    /** The capital the outline's opening words say this entry lost, if they matched only without it. */
    String lostCapital;
    int narrowLines;
    int headingLine;

    Draft(String id, Row row, int line) {
      this.id = id;
      this.row = row;
      this.line = line;
    }
  }

  private final List<Row> outline = loadOutline();

  /**
   * Parses the guidance of the manual's text.
   *
   * @param practices the practices parsed from the same manual, to link the gaps' examples to
   * @return the entries in manual order; none if the text has no front matter (not even the
   *     outline's first heading), being practices alone
   * @throws ManualFormatException naming the line, if the front matter lacks an outline heading,
   *     a list its items, a gap one of its parts, or a paragraph start cannot be repaired
   */
  public List<Guidance> parse(String manual, List<Practice> practices) {
    String[] lines = manual.split("\\r?\\n", -1);
    int end = 0;
    while (end < lines.length && !COLLECTION.matcher(lines[end]).matches()) end++;
    if (end == lines.length) {
      throw new ManualFormatException(lines.length, "no collection heading ('Good Practices | ...') after the guidance");
    }
    Map<String, Integer> wordCounts = wordCounts(manual);
    TextCleaner cleaner = new TextCleaner(wordCounts.keySet());
    Map<Integer, String> footnotes = new TreeMap<>();
    List<Line> orphans = new ArrayList<>();
    List<Box> boxes = new ArrayList<>();
    List<Line> content = removeFurniture(lines, end, footnotes, orphans, boxes, cleaner);

    List<Draft> drafts = new ArrayList<>();
    int from = 0;
    int[] bodyStart = new int[outline.size()];
    int[] startLine = new int[outline.size()];
    boolean[] lostCapital = new boolean[outline.size()];
    for (int r = 0; r < outline.size(); r++) {
      Row row = outline.get(r);
      int found = -1;
      int last = -1;
      for (int k = from; k < content.size() && found < 0; k++) {
        int[] m = matchOrLostCapital(content, k, row.startText(), row.opening());
        last = m[0];
        lostCapital[r] = m[1] == 1;
        if (last >= 0) found = k;
      }
      if (found < 0 && r == 0) return List.of(); // no front matter at all: a collection of practices alone, as in tests
      if (found < 0) {
        int line = from < content.size() ? content.get(from).number() : end;
        throw new ManualFormatException(line, "expected '" + row.start() + "' (" + row.ids().get(0) + ") at or after this line");
      }
      startLine[r] = found;
      bodyStart[r] = row.opening() ? found : last + 1;
      from = last + 1;
    }
    for (int r = 0; r < outline.size(); r++) {
      int stop = r + 1 < outline.size() ? startLine[r + 1] : content.size();
      List<Draft> entries = entries(outline.get(r), content.get(startLine[r]).number(), content.subList(bodyStart[r], stop), cleaner);
      // opening words that matched only without their first letter lost it to a drop capital
      if (lostCapital[r] && outline.get(r).opening()) entries.get(0).lostCapital = outline.get(r).startText().substring(0, 1);
      drafts.addAll(entries);
    }
    repairDropCapitals(drafts, orphans, wordCounts);
    attachBoxes(drafts, boxes);
    List<Guidance> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Draft d : drafts) {
      if (!ids.add(d.id)) throw new ManualFormatException(d.line, "guidance id " + d.id + " appears twice");
      citedNotes(d, footnotes);
      Optional<Guidance.Gap> gap = Optional.empty();
      if (d.gap != null) {
        Guidance.Gap g = d.gap;
        gap = Optional.of(new Guidance.Gap(g.barrier(), g.recommendation(), g.example(), linked(g.example(), practices),
            g.russiaNote()));
        d.text = String.join("\n", g.barrier(), g.recommendation(), g.example());
      }
      String title = d.title != null ? d.title : itemTitle(d.text);
      out.add(new Guidance(d.id, d.row.kind(), title, d.row.section(), d.text, gap, d.notes,
          Citation.manual(d.row.section())));
    }
    return List.copyOf(out);
  }

  /** @return the text lines, without page numbers, chapter tabs, footnotes, boxes and lone drop capitals */
  private static List<Line> removeFurniture(String[] lines, int end, Map<Integer, String> footnotes, List<Line> orphans,
      List<Box> boxes, TextCleaner cleaner) {
    List<Line> out = new ArrayList<>();
    int i = 0;
    while (i < end) {
      String raw = lines[i];
      int next = nextNonBlank(lines, i + 1, end);
      if (FOOTNOTE_RULE.matcher(raw).matches() && next < end && FOOTNOTE.matcher(lines[next]).matches()) {
        i = readFootnotes(lines, next, end, footnotes);
        continue;
      }
      Matcher capital = DROP_CAPITAL.matcher(raw);
      if (raw.isBlank() || PAGE_NUMBER.matcher(raw).matches() || CHAPTER_TAB.matcher(raw).matches()) {
        i++;
      } else if (capital.matches()) {
        orphans.add(new Line(i + 1, capital.group(1)));
        i++;
      } else if (headingEnd(lines, i, end, BOX) >= 0) {
        int j = headingEnd(lines, i, end, BOX) + 1;
        List<String> text = new ArrayList<>();
        for (; j < end; j++) {
          String l = lines[j];
          if (l.isBlank()) continue;
          if (new Line(j, l).indented() || headingEnd(lines, j, end, BOX) >= 0 || FIELD.matcher(l).matches()) break;
          text.add(l);
        }
        if (text.isEmpty()) throw new ManualFormatException(i + 1, "an '" + BOX + "' box without text");
        boxes.add(new Box(i + 1, cleaner.join(text)));
        i = j;
      } else {
        out.add(new Line(i + 1, raw));
        i++;
      }
    }
    return out;
  }

  /** Reads numbered notes from {@code i}; a block ends at an indented line or at two blank lines. */
  private static int readFootnotes(String[] lines, int i, int end, Map<Integer, String> footnotes) {
    Integer current = null;
    int blanks = 0;
    for (; i < end; i++) {
      String raw = lines[i];
      if (raw.isBlank()) {
        if (++blanks == 2) return i + 1;
        continue;
      }
      blanks = 0;
      if (new Line(i, raw).indented()) return i;
      Matcher m = FOOTNOTE.matcher(raw);
      String text = TextCleaner.normaliseSpaces(m.matches() ? m.group(2) : raw);
      if (m.matches()) current = Integer.parseInt(m.group(1));
      footnotes.merge(current, text, (a, b) -> a + " " + b); // the manual repeats a number when a note runs on
    }
    return i;
  }

  private static int nextNonBlank(String[] lines, int from, int end) {
    int j = from;
    while (j < end && lines[j].isBlank()) j++;
    return j;
  }

  /** @return the index of the last raw line of {@code heading} printed from line {@code i} (blank lines between), or -1 */
  private static int headingEnd(String[] lines, int i, int end, String heading) {
    StringBuilder acc = new StringBuilder();
    for (int j = i, n = 0; j < end && n < MAX_HEADING_LINES; j++) {
      if (lines[j].isBlank()) continue;
      n++;
      if (acc.length() > 0) acc.append(' ');
      acc.append(TextCleaner.normaliseSpaces(lines[j]));
      String a = acc.toString();
      if (a.equals(heading)) return j;
      if (!heading.startsWith(a)) return -1;
    }
    return -1;
  }

  /**
   * @return {the index of the last content line of {@code start} printed from line {@code k} (whole
   *     lines for a heading; for opening words, the line where they end) or -1 if it does not start
   *     there, 1 if it matched only without its first letter (a lost drop capital) else 0}
   */
  private static int[] matchOrLostCapital(List<Line> lines, int k, String start, boolean opening) {
    int lost = 0;
    for (String target : List.of(start, start.substring(1))) {
      StringBuilder acc = new StringBuilder();
      for (int j = k; j < lines.size() && j < k + MAX_HEADING_LINES; j++) {
        if (acc.length() > 0) acc.append(' ');
        acc.append(lines.get(j).text());
        String a = acc.toString();
        if (a.equals(target) || (opening && a.startsWith(target))) return new int[] {j, lost};
        if (!target.startsWith(a)) break;
      }
      lost = 1;
    }
    return new int[] {-1, 0};
  }

  private List<Draft> entries(Row row, int startLine, List<Line> body, TextCleaner cleaner) {
    if (body.isEmpty()) throw new ManualFormatException(startLine, "no text after '" + row.start() + "'");
    String first = row.ids().get(0);
    switch (row.form()) {
      case "text" -> {
        Draft d = new Draft(first, row, body.get(0).number());
        d.text = paragraphs(body, cleaner);
        d.title = !row.title().isEmpty() ? row.title() : row.opening() ? null : row.start();
        return List.of(d);
      }
      case "gap" -> {
        Draft d = new Draft(first, row, body.get(0).number());
        d.headingLine = startLine;
        d.title = row.title().isEmpty() ? row.start() : row.title();
        d.gap = gapParts(body, startLine, cleaner);
        d.text = d.gap.barrier();
        d.narrowLines = (int) body.stream().filter(l -> l.text().length() <= NARROW).count();
        return List.of(d);
      }
      case "list", "items" -> {
        int lead = 0;
        if (row.form().equals("list")) {
          while (lead < body.size() && !body.get(lead).text().endsWith(":")) lead++;
          if (lead == body.size()) throw new ManualFormatException(startLine, "list without a lead-in ending in ':'");
          lead++;
        }
        String leadIn = cleaner.join(body.subList(0, lead).stream().map(Line::raw).toList());
        List<List<Line>> items = items(body.subList(lead, body.size()));
        if (items.isEmpty()) throw new ManualFormatException(startLine, "list without items");
        if (row.ids().size() > 1 && row.ids().size() != items.size()) {
          throw new ManualFormatException(startLine, "outline names " + row.ids().size() + " items, the manual has " + items.size());
        }
        List<Draft> out = new ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
          String id = row.ids().size() > 1 ? row.ids().get(n) : first + "-" + (n + 1);
          Draft d = new Draft(id, row, items.get(n).get(0).number());
          String text = cleaner.join(items.get(n).stream().map(Line::raw).toList());
          Matcher numbered = NUMBERED_ITEM.matcher(text);
          d.text = (numbered.matches() ? numbered.group(1) : text).replaceAll(";$", ""); // list punctuation
          d.leadIn = leadIn;
          out.add(d);
        }
        return out;
      }
      default -> throw new ManualFormatException(startLine, "unknown form " + row.form());
    }
  }

  /** Joins lines into text; an indented line that starts with a capital, quote or digit starts a new line (a paragraph or item). */
  private static String paragraphs(List<Line> body, TextCleaner cleaner) {
    List<List<String>> blocks = new ArrayList<>();
    for (Line l : body) {
      String t = l.text();
      boolean starts = l.indented() && !t.isEmpty() && !Character.isLowerCase(t.charAt(0));
      if (starts || blocks.isEmpty()) blocks.add(new ArrayList<>());
      blocks.get(blocks.size() - 1).add(l.raw());
    }
    return String.join("\n", blocks.stream().map(cleaner::join).toList());
  }

  /** Splits list lines into items: an item starts on an indented or numbered line. */
  private static List<List<Line>> items(List<Line> lines) {
    List<List<Line>> items = new ArrayList<>();
    for (Line l : lines) {
      if (l.indented() || NUMBERED_ITEM.matcher(l.raw()).matches() || items.isEmpty()) items.add(new ArrayList<>());
      items.get(items.size() - 1).add(l);
    }
    return items;
  }

  private static Guidance.Gap gapParts(List<Line> body, int startLine, TextCleaner cleaner) {
    Map<String, List<String>> parts = new LinkedHashMap<>();
    List<String> current = null;
    for (Line l : body) {
      Matcher f = FIELD.matcher(l.raw());
      if (f.matches()) {
        if (parts.containsKey(f.group(1))) throw new ManualFormatException(l.number(), f.group(1) + " appears twice in a gap");
        current = new ArrayList<>();
        current.add(f.group(2));
        parts.put(f.group(1), current);
      } else if (current == null) {
        throw new ManualFormatException(l.number(), "gap text before its 'Barriers |' line");
      } else {
        current.add(l.raw());
      }
    }
    for (String field : List.of("Barriers", "Recommendation", "Example")) {
      if (!parts.containsKey(field)) throw new ManualFormatException(startLine, "gap without its '" + field + " |' part");
    }
    return new Guidance.Gap(cleaner.join(parts.get("Barriers")), cleaner.join(parts.get("Recommendation")),
        cleaner.join(parts.get("Example")), List.of(), Optional.empty());
  }

  /**
   * Gives each entry that starts with a broken word its drop capital back: first the letters left
   * on lines of their own, each to the nearest broken entry before it that it completes, then for
   * the rest the capital that makes the manual's most frequent word.
   */
  private static void repairDropCapitals(List<Draft> drafts, List<Line> orphans, Map<String, Integer> wordCounts) {
    Map<Draft, String> broken = new LinkedHashMap<>();
    for (Draft d : drafts) {
      Matcher w = WORD.matcher(d.text);
      if (!w.find() || w.start() > 1) continue;
      String word = w.group();
      if (d.lostCapital != null || Character.isLowerCase(word.charAt(0))
          || !wordCounts.containsKey(word.toLowerCase(Locale.ROOT))) {
        broken.put(d, word);
      }
    }
    for (Line orphan : orphans) {
      String letter = orphan.raw();
      Draft target = null;
      for (Map.Entry<Draft, String> b : broken.entrySet()) {
        Draft d = b.getKey();
        boolean completes = d.lostCapital != null ? d.lostCapital.equals(letter)
            : wordCounts.containsKey((letter + b.getValue()).toLowerCase(Locale.ROOT));
        if (b.getKey().line < orphan.number() && completes) target = b.getKey();
      }
      if (target == null) throw new ManualFormatException(orphan.number(), "drop capital '" + letter + "' completes no paragraph before it");
      restore(target, letter, broken.remove(target));
    }
    broken.forEach((d, word) -> {
      Optional<String> best = d.lostCapital != null ? Optional.of(d.lostCapital) : "ABCDEFGHIJKLMNOPQRSTUVWXYZ".chars().mapToObj(c -> String.valueOf((char) c))
          .filter(l -> wordCounts.containsKey((l + word).toLowerCase(Locale.ROOT)))
          .max(Comparator.comparingInt(l -> wordCounts.get((l + word).toLowerCase(Locale.ROOT))));
      if (best.isEmpty()) throw new ManualFormatException(d.line, "paragraph starts with '" + word + "', which no capital letter completes");
      restore(d, best.get(), word);
    });
  }

  private static void restore(Draft d, String letter, String word) {
    int at = d.text.indexOf(word);
    d.text = d.text.substring(0, at) + letter + d.text.substring(at);
  }

  /** Boxes in reverse order, each to the nearest gap before it that ran narrow and has no box yet. */
  private static void attachBoxes(List<Draft> drafts, List<Box> boxes) {
    Set<Draft> claimed = new HashSet<>();
    for (int b = boxes.size() - 1; b >= 0; b--) {
      Box box = boxes.get(b);
      Draft target = null;
      for (Draft d : drafts) {
        if (d.gap != null && d.headingLine < box.line() && d.narrowLines >= NARROW_LINES && !claimed.contains(d)) target = d;
      }
      if (target == null) throw new ManualFormatException(box.line(), "'" + BOX + "' box beside no key gap");
      claimed.add(target);
      Guidance.Gap g = target.gap;
      target.gap = new Guidance.Gap(g.barrier(), g.recommendation(), g.example(), g.practices(), Optional.of(box.text()));
    }
  }

  /** Resolves the notes an entry's text (and a list item's lead-in) cites, and takes their markers out. */
  private static void citedNotes(Draft d, Map<Integer, String> footnotes) {
    String cited = d.text + " " + d.leadIn;
    List<String> notes = new ArrayList<>();
    for (Map.Entry<Integer, String> f : footnotes.entrySet()) {
      if (TextCleaner.citesFootnote(cited, f.getKey())) notes.add(f.getValue());
    }
    d.notes = notes;
    d.text = TextCleaner.stripFootnoteMarkers(d.text, footnotes.keySet());
    if (d.title != null) d.title = TextCleaner.stripFootnoteMarkers(d.title, footnotes.keySet());
    if (d.gap != null) {
      Guidance.Gap g = d.gap;
      d.gap = new Guidance.Gap(TextCleaner.stripFootnoteMarkers(g.barrier(), footnotes.keySet()),
          TextCleaner.stripFootnoteMarkers(g.recommendation(), footnotes.keySet()),
          TextCleaner.stripFootnoteMarkers(g.example(), footnotes.keySet()), g.practices(), g.russiaNote());
    }
  }

  /** @return a list item's opening words: up to its first dash, colon or "i.e.", without closing punctuation */
  static String itemTitle(String text) {
    String t = text.split("\n")[0];
    for (String cut : List.of(" – ", ": ", " i.e.")) {
      int at = t.indexOf(cut);
      if (at > 0) t = t.substring(0, at);
    }
    return t.replaceAll("[;.,:]+$", "").trim();
  }

  /**
   * @return ids of the practices whose organisation the example names in quotes, in manual order.
   *     Of an organisation with several practices, those whose title shares a word with the
   *     sentences naming it, when some do and others do not, unless the example counts that
   *     organisation's practices ("two good practices").
   */
  static List<String> linked(String example, List<Practice> practices) {
    List<String> sentences = Sentences.split(example);
    Set<String> ids = new HashSet<>();
    Matcher q = QUOTED.matcher(example);
    while (q.find()) {
      String name = organisationKey(q.group(1));
      List<Practice> ofOrganisation = practices.stream().filter(p -> organisationKey(p.organisation()).equals(name)).toList();
      if (ofOrganisation.size() > 1 && !counted(example, ofOrganisation.size())) {
        Set<String> words = new HashSet<>();
        for (int s = 0; s < sentences.size(); s++) {
          if (!sentences.get(s).contains(q.group(1))) continue;
          words.addAll(contentWords(sentences.get(s)));
          if (s + 1 < sentences.size()) words.addAll(contentWords(sentences.get(s + 1)));
        }
        List<Practice> sharing = ofOrganisation.stream()
            .filter(p -> contentWords(p.title()).stream().anyMatch(words::contains)).toList();
        if (!sharing.isEmpty()) ofOrganisation = sharing;
      }
      ofOrganisation.forEach(p -> ids.add(p.id()));
    }
    return practices.stream().map(Practice::id).filter(ids::contains).toList();
  }

  private static boolean counted(String example, int n) {
    Matcher m = COUNT.matcher(example.toLowerCase(Locale.ROOT));
    while (m.find()) {
      if (COUNT_WORDS.indexOf(m.group(1)) + 1 == n) return true;
    }
    return false;
  }

  private static String organisationKey(String name) {
    List<String> words = new ArrayList<>();
    Matcher w = WORD.matcher(name.toLowerCase(Locale.ROOT));
    while (w.find()) {
      if (!GENERIC.contains(w.group())) words.add(w.group());
    }
    return String.join(" ", words);
  }

  /** @return lower-case words of four letters or more, a plural "s" taken off, without common ones */
  private static Set<String> contentWords(String text) {
    Set<String> out = new HashSet<>();
    Matcher w = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (w.find()) {
      String word = w.group();
      if (word.length() < 4 || TITLE_STOP.contains(word)) continue;
      out.add(word.endsWith("s") ? word.substring(0, word.length() - 1) : word);
    }
    return out;
  }

  private static Map<String, Integer> wordCounts(String manual) {
    Map<String, Integer> counts = new HashMap<>();
    Matcher m = WORD.matcher(manual);
    while (m.find()) counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
    return counts;
  }

  private static List<Row> loadOutline() {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = GuidanceParser.class.getResourceAsStream("/guidance-outline.tsv")) {
      if (in == null) throw new IllegalStateException("guidance-outline.tsv missing from the class path");
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int n = 0; n < lines.length; n++) {
        if (lines[n].isBlank() || lines[n].startsWith("#")) continue;
        String[] c = lines[n].split("\t", -1);
        Optional<Guidance.Kind> kind = c.length == 6 ? Guidance.Kind.fromId(c[1]) : Optional.empty();
        if (kind.isEmpty() || !Set.of("text", "list", "items", "gap").contains(c[2])) {
          throw new IllegalStateException("guidance-outline.tsv line " + (n + 1) + ": want id, kind, form, start, title, section");
        }
        rows.add(new Row(List.of(c[0].split(",")), kind.get(), c[2], c[3], c[4], c[5]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(rows);
  }
}
