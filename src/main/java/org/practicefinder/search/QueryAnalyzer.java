package org.practicefinder.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.IOUtils;
import org.practicefinder.index.Fields;
import org.practicefinder.taxonomy.Acronyms;
import org.practicefinder.taxonomy.Language;

/**
 * Analysis of query text, per language: the steps of the index's analysis ({@link Language#newAnalyzer}),
 * plus synonyms expanded before stop words are removed and words stemmed: the field's acronyms in
 * the other languages' forms ({@link Acronyms}: ВИЧ and ВІЛ are HIV to the English fields), and, for
 * English, the domain synonyms of {@code synonyms.txt} (PWID/IDU, STI/STD, British and American
 * spellings…). Used for queries only, so the index needs no rebuild when the lists change. Two
 * stop lists: keywords and the vocabulary's phrases keep the index's ("off-street" stays two words),
 * challenges drop more ({@link #challengeStopWords}).
 */
public final class QueryAnalyzer {
  private static final Map<Language, SynonymMap> SYNONYMS = new EnumMap<>(Language.class);
  private static final Map<Language, CharArraySet> CHALLENGE_STOP_WORDS = new EnumMap<>(Language.class);
  private static final Map<Language, Analyzer> KEYWORDS = new EnumMap<>(Language.class);
  private static final Map<Language, Analyzer> CHALLENGES = new EnumMap<>(Language.class);

  static {
    for (Language l : Language.values()) {
      SYNONYMS.put(l, synonyms(l));
      CHALLENGE_STOP_WORDS.put(l, loadChallengeStopWords(l));
      KEYWORDS.put(l, l.analyzer(l.stopWords(), SYNONYMS.get(l)));
      CHALLENGES.put(l, l.analyzer(CHALLENGE_STOP_WORDS.get(l), SYNONYMS.get(l)));
    }
  }

  /**
   * English challenge stop words: Snowball's English stop list (174 words) plus "can" and "will",
   * which it leaves out for being nouns too and NLTK's English list has: challenges are typed as
   * questions, and "how", "we", "our", "can" would otherwise count as matches and be given as the
   * reason for one. Adding the two was measured on the development challenges (see the README).
   */
  public static final CharArraySet CHALLENGE_STOP_WORDS_EN = CHALLENGE_STOP_WORDS.get(Language.EN);

  private QueryAnalyzer() {}

  /** @return the English analysis of search keywords and of vocabulary phrases: the index's stop words */
  public static Analyzer keywords() {
    return keywords(Language.EN);
  }

  /** @return the English analysis of a challenge's free text: {@link #CHALLENGE_STOP_WORDS_EN} */
  public static Analyzer challenges() {
    return challenges(Language.EN);
  }

  /**
   * @return the analysis of search keywords and vocabulary phrases in {@code language}: the index's
   *     stop words; one shared, thread-safe instance: do not close it
   */
  public static Analyzer keywords(Language language) {
    return KEYWORDS.get(language);
  }

  /**
   * @return the analysis of a challenge's free text in {@code language}: {@link #challengeStopWords};
   *     one shared, thread-safe instance: do not close it
   */
  public static Analyzer challenges(Language language) {
    return CHALLENGES.get(language);
  }

  /** @return the analysis of keywords by field: that of the field's language ({@link Fields#language}) */
  public static Analyzer keywordsByField() {
    Map<Language, Analyzer> byLanguage = new EnumMap<>(Language.class);
    for (Language l : Language.values()) byLanguage.put(l, keywords(l));
    return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return byLanguage.get(Fields.language(fieldName));
      }
    };
  }

  /**
   * @return the stop words of challenges: English as {@link #CHALLENGE_STOP_WORDS_EN}; Russian and
   *     Ukrainian, Lucene's lists plus the possessive pronouns (наш, ваш, свій…) the Russian list
   *     lacks, as the English list has "our" and "your"
   */
  public static CharArraySet challengeStopWords(Language language) {
    return CHALLENGE_STOP_WORDS.get(language);
  }

  private static CharArraySet loadChallengeStopWords(Language language) {
    // English: Snowball's list alone, which holds nearly all of Lucene's short one
    CharArraySet words = language == Language.EN ? new CharArraySet(200, false) : CharArraySet.copy(language.stopWords());
    switch (language) {
      case EN -> {
        try (Reader in = IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)) {
          words.addAll(WordlistLoader.getSnowballWordSet(in));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        words.addAll(List.of("can", "will"));
      }
      case RU -> words.addAll(List.of("наш", "наша", "наше", "наши", "нашего", "нашей", "нашему", "нашим", "нашими", "наших",
          "нашу", "ваш", "ваша", "ваше", "ваши", "вашего", "вашей", "вашему", "вашим", "вашими", "ваших", "вашу", "свой",
          "своя", "свое", "свои", "своего", "своей", "своему", "своим", "своими", "своих", "свою"));
      case UK -> words.addAll(List.of("наш", "наша", "наше", "наші", "нашого", "нашої", "нашому", "нашим", "нашими", "наших",
          "нашу", "нашою", "свій", "своя", "своє", "свої", "свого", "своєї", "своєму", "своїм", "своїми", "своїх", "свою", "своєю"));
    }
    return CharArraySet.unmodifiableSet(words);
  }

  private static SynonymMap synonyms(Language language) {
    // Synonym entries go through the same steps as the query up to the synonym filter.
    Analyzer entries = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
      }
    };
    SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
    if (language == Language.EN) {
      try (InputStream in = QueryAnalyzer.class.getResourceAsStream("/synonyms.txt")) {
        parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ParseException e) {
        throw new IllegalStateException("synonyms.txt line " + e.getErrorOffset() + ": " + e.getMessage(), e);
      }
    }
    Acronyms.addInto(parser, language);
    try {
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
