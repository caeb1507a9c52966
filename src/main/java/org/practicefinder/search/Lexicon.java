package org.practicefinder.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.practicefinder.index.Fields;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.Language;

/**
 * The words the practices use in each language, as written (the {@link Fields#spell} fields): which
 * language a text is in, and the spelling of words the library does not know ("polise" → "police").
 * Thread-safe.
 */
public final class Lexicon {
  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
  /** Letters Ukrainian has and Russian lacks. */
  private static final Pattern UKRAINIAN_LETTERS = Pattern.compile("[іїєґІЇЄҐ]");
  private static final Pattern WORD = Pattern.compile("[\\p{L}'’ʼ]+");
  /** Shorter words are left as typed: one changed letter makes another word of them too easily. */
  static final int MIN_CORRECTED_LENGTH = 4;
  /** Longer "words" are no words (a pasted string without spaces): left as typed. */
  static final int MAX_CORRECTED_LENGTH = 40;
  /** Unknown words looked up per text, in text order: bounds the time a long challenge takes. */
  static final int MAX_LOOKUPS = 30;
  /**
   * A suggestion must be this close (Lucene's default distance: 1 − edits ÷ the shorter word's
   * length): one typo in a word of four letters or more, two in one of eight or more.
   */
  static final float ACCURACY = 0.75f;

  private final IndexReader reader;
  private final Map<Language, Analyzer> words = new EnumMap<>(Language.class);
  /** Per language the analysed forms of the vocabulary's terms: a word the vocabulary knows is not a typo. */
  private final Map<Language, Set<String>> vocabulary = new EnumMap<>(Language.class);
  /** Per language the words of the vocabulary's terms as written, lower case: suggestions beside the practices' words. */
  private final Map<Language, Set<String>> vocabularyWords = new EnumMap<>(Language.class);
  private final LuceneLevenshteinDistance distance = new LuceneLevenshteinDistance();
  private final DirectSpellChecker spelling = new DirectSpellChecker();
  /**
   * Suggestions already looked up, by the lower-cased word and its languages: a fuzzy lookup is a
   * sixth of a search, and typed words (a search box sends every prefix) come back often. Bounded;
   * one per library, so a reload starts anew.
   */
  private final Cache<String, Optional<String>> suggestions = Caffeine.newBuilder().maximumSize(10_000)
      .expireAfterAccess(Duration.ofMinutes(10)).build();

  public Lexicon(PracticeLibrary library) {
    this.reader = library.searcher().getIndexReader();
    for (Language l : Language.values()) {
      words.put(l, Fields.words(l));
      Set<String> forms = new java.util.HashSet<>();
      Set<String> written = new java.util.HashSet<>();
      for (Concept c : library.vocabulary().concepts()) {
        for (String term : c.terms().get(l)) {
          forms.addAll(analysed(l, term));
          written.addAll(words(l, term));
        }
      }
      vocabulary.put(l, Set.copyOf(forms));
      vocabularyWords.put(l, java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(written))); // sorted: ties resolve alike on every run
    }
    spelling.setMaxEdits(2);
    spelling.setAccuracy(ACCURACY);
    spelling.setMinQueryLength(MIN_CORRECTED_LENGTH);
  }

  /**
   * The text with its unknown words spelled as the practices spell them. A word is unknown when it
   * is in no language's practices or vocabulary, not even in another form of it (its stem or lemma),
   * and its language's dictionary does not have it either: words the library knows are never
   * changed, so nothing that matched is pushed down, and real words are never made into others.
   *
   * @return the corrected text, or empty if no word was corrected
   */
  public Optional<String> corrected(String text) {
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    int at = 0;
    int lookups = 0;
    boolean changed = false;
    while (m.find()) {
      String word = m.group();
      Optional<String> better = Optional.empty();
      boolean cyrillic = CYRILLIC.matcher(word).find();
      if (word.length() >= MIN_CORRECTED_LENGTH && word.length() <= MAX_CORRECTED_LENGTH && lookups < MAX_LOOKUPS) {
        String lower = word.toLowerCase(Locale.ROOT);
        List<Language> languages = cyrillic ? List.of(Language.RU, Language.UK) : List.of(Language.EN);
        if (languages.stream().noneMatch(l -> known(l, lower))) {
          lookups++;
          better = suggestion(word, languages);
        }
      }
      out.append(text, at, m.start()).append(better.orElse(word));
      changed |= better.isPresent();
      at = m.end();
    }
    out.append(text.substring(at));
    return changed ? Optional.of(out.toString()) : Optional.empty();
  }

  /**
   * @return the practices' or the vocabulary's word closest to an unknown word, in its script's
   *     languages (the closer first, then the more frequent in the practices), with its first letter's case
   */
  private Optional<String> suggestion(String word, List<Language> languages) {
    String lower = word.toLowerCase(Locale.ROOT);
    return suggestions.get(languages + " " + lower, key -> lookUp(lower, languages))
        .map(s -> Character.isUpperCase(word.charAt(0)) ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s);
  }

  /** @return the library's closest word to {@code lower}, lower-cased, if one is close enough */
  private Optional<String> lookUp(String lower, List<Language> languages) {
    SuggestWord best = null;
    try {
      for (Language l : languages) {
        for (SuggestWord s : spelling.suggestSimilar(new Term(Fields.spell(l), lower), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
          if (best == null || s.score > best.score || (s.score == best.score && s.freq > best.freq)) best = s;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Language l : languages) {
      for (String w : vocabularyWords.get(l)) {
        if (Math.abs(w.length() - lower.length()) > 2) continue;
        float score = distance.getDistance(lower, w);
        if (score >= ACCURACY && (best == null || score > best.score)) {
          best = new SuggestWord();
          best.string = w;
          best.score = score;
        }
      }
    }
    return best == null ? Optional.empty() : Optional.of(best.string);
  }

  /**
   * @return whether the word, or another form of it, is in the language's practices or vocabulary,
   *     is a stop word, or is a word of the language by its dictionary ({@link WordLists})
   */
  private boolean known(Language language, String word) {
    if (knows(language, word) || language.stopWords().contains(word) || WordLists.isWord(language, word)) return true;
    List<String> forms = analysed(language, word);
    if (forms.isEmpty()) return true; // a stop word of the query analysis
    try {
      for (String f : forms) {
        if (vocabulary.get(language).contains(f) || reader.docFreq(new Term(Fields.text(language), f)) > 0) return true;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }

  private static List<String> analysed(Language language, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = QueryAnalyzer.keywords(language).tokenStream(Fields.text(language), text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return out;
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
