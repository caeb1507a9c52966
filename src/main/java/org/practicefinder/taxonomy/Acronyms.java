package org.practicefinder.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;

/**
 * The field's acronyms in the three languages, from {@code acronyms.tsv} (one acronym a line: its
 * English, Russian and Ukrainian forms, and what it stands for). Analysis uses them twice: stemmers
 * leave them whole ({@link #forms}), and a query's form in any language is mapped to the forms of
 * the language of the field searched ({@link #synonymsInto}).
 */
public final class Acronyms {
  /** One acronym: language → its forms there, lower case. */
  record Entry(Map<Language, List<String>> forms) {}

  private static final List<Entry> ENTRIES = load();

  private Acronyms() {}

  /** @return the lower-case forms of every acronym in {@code language}, for stemmers to leave whole */
  public static CharArraySet forms(Language language) {
    CharArraySet out = new CharArraySet(64, true);
    for (Entry e : ENTRIES) out.addAll(e.forms().get(language));
    return CharArraySet.unmodifiableSet(out);
  }

  /**
   * @return a synonym map (single tokens, after lower-casing) from the forms of every other language
   *     to the forms of {@code language}, e.g. {@code вич, віл → hiv} for English; a form of the
   *     language itself that has siblings ({@code нко | нпо}) also maps to them, keeping itself
   */
  public static SynonymMap synonymsInto(Language language) {
    SynonymMap.Builder b = new SynonymMap.Builder(true);
    addInto(b, language);
    try {
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // building from memory does no I/O
    }
  }

  /** Adds the mappings of {@link #synonymsInto} to a builder that may hold other synonyms too. */
  public static void addInto(SynonymMap.Builder b, Language language) {
    for (Entry e : ENTRIES) {
      List<String> own = e.forms().get(language);
      Set<String> others = new LinkedHashSet<>();
      e.forms().forEach((l, forms) -> {
        if (l != language) others.addAll(forms);
      });
      others.removeAll(own);
      for (String other : others) {
        for (String o : own) b.add(new CharsRef(other), new CharsRef(o), false);
      }
      for (String o : own) {
        for (String sibling : own) {
          if (!sibling.equals(o)) b.add(new CharsRef(o), new CharsRef(sibling), true);
        }
      }
    }
  }

  private static List<Entry> load() {
    List<Entry> out = new ArrayList<>();
    try (InputStream in = Acronyms.class.getResourceAsStream("/acronyms.tsv")) {
      if (in == null) throw new IllegalStateException("acronyms.tsv missing from the class path");
      int n = 0;
      List<Language> columns = null;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        n++;
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] cols = line.split("\t");
        if (columns == null) { // the header: a language code per column, then what it stands for
          columns = new ArrayList<>();
          for (int i = 0; i < cols.length - 1; i++) {
            String code = cols[i].strip();
            columns.add(Language.fromCode(code).orElseThrow(() -> new IllegalStateException("acronyms.tsv: unknown language " + code)));
          }
          if (!Set.copyOf(columns).equals(Set.of(Language.values()))) {
            throw new IllegalStateException("acronyms.tsv: want a column per language, " + List.of(Language.values()));
          }
          continue;
        }
        if (cols.length != columns.size() + 1 || cols[cols.length - 1].isBlank()) {
          throw new IllegalStateException("acronyms.tsv line " + n + ": want a form per language and what it stands for");
        }
        Map<Language, List<String>> forms = new EnumMap<>(Language.class);
        for (int i = 0; i < columns.size(); i++) {
          List<String> list = new ArrayList<>();
          for (String f : cols[i].split("\\|")) {
            if (!f.isBlank()) list.add(f.strip().toLowerCase(Locale.ROOT));
          }
          if (list.isEmpty()) throw new IllegalStateException("acronyms.tsv line " + n + ": no " + columns.get(i).code() + " form");
          forms.put(columns.get(i), List.copyOf(list));
        }
        out.add(new Entry(forms));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
