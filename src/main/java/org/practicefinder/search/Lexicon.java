package org.practicefinder.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.practicefinder.index.Fields;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.Language;

/**
 * The words the practices use in each language, as written (the {@link Fields#spell} fields): which
 * language a text is in, and which of its words the library does not know. Thread-safe.
 */
public final class Lexicon {
  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
  /** Letters Ukrainian has and Russian lacks. */
  private static final Pattern UKRAINIAN_LETTERS = Pattern.compile("[іїєґІЇЄҐ]");

  private final IndexReader reader;
  private final Map<Language, Analyzer> words = new EnumMap<>(Language.class);

  public Lexicon(PracticeLibrary library) {
    this.reader = library.searcher().getIndexReader();
    for (Language l : Language.values()) words.put(l, Fields.words(l));
  }

  /**
   * @return the language of most of the text's words that the practices use in some language; when
   *     that does not decide, Ukrainian for Cyrillic text with a letter only Ukrainian has, Russian for
   *     other Cyrillic text, English for the rest
   */
  public Language language(String text) {
    Language best = null;
    int bestCount = 0;
    boolean tie = false;
    for (Language l : Language.values()) {
      int n = 0;
      for (String w : words(l, text)) {
        if (knows(l, w)) n++;
      }
      if (n > bestCount) {
        best = l;
        bestCount = n;
        tie = false;
      } else if (n == bestCount && n > 0) {
        tie = true;
      }
    }
    if (best != null && !tie) return best;
    if (!CYRILLIC.matcher(text).find()) return Language.EN;
    return UKRAINIAN_LETTERS.matcher(text).find() ? Language.UK : Language.RU;
  }

  /** @return whether the practices' text in {@code language} has the word (lower case, as the spelling field holds it) */
  public boolean knows(Language language, String word) {
    try {
      return reader.docFreq(new Term(Fields.spell(language), word)) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the distinct words of the text as the spelling field of {@code language} holds them: lower case, stop words out */
  public List<String> words(Language language, String text) {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream ts = words.get(language).tokenStream(Fields.spell(language), text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return new ArrayList<>(out);
  }
}
