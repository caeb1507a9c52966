package org.practicefinder.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * English analysis for query text: the steps of the index's {@link EnglishAnalyzer}, plus the domain
 * synonyms of {@code synonyms.txt} (PWID/IDU, MSM, STI/STD, British and American spellings…)
 * expanded before stop words are removed and words stemmed. Used for queries only, so the index
 * needs no rebuild when the list changes. Two stop lists: keywords and the vocabulary's phrases
 * keep the index's ("off-street" stays two words), challenges drop more ({@link #CHALLENGE_STOP_WORDS}).
 */
public final class QueryAnalyzer extends Analyzer {
  private static final SynonymMap SYNONYMS = load();
  /**
   * Snowball's English stop list (174 words) plus "can" and "will", which it leaves out for being
   * nouns too and NLTK's English list has: challenges are typed as questions, and "how", "we",
   * "our", "can" would otherwise count as matches and be given as the reason for one. Adding the two
   * was measured on the development challenges (see the README).
   */
  public static final CharArraySet CHALLENGE_STOP_WORDS = snowballStopWords();

  private final CharArraySet stopWords;

  private QueryAnalyzer(CharArraySet stopWords) {
    this.stopWords = stopWords;
  }

  /** @return the analysis of search keywords and of vocabulary phrases: the index's stop words */
  public static QueryAnalyzer keywords() {
    return new QueryAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
  }

  /** @return the analysis of a challenge's free text: {@link #CHALLENGE_STOP_WORDS} */
  public static QueryAnalyzer challenges() {
    return new QueryAnalyzer(CHALLENGE_STOP_WORDS);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream result = new EnglishPossessiveFilter(source);
    result = new LowerCaseFilter(result);
    result = new SynonymGraphFilter(result, SYNONYMS, true);
    result = new StopFilter(result, stopWords);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  private static CharArraySet snowballStopWords() {
    try (Reader in = IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)) {
      CharArraySet words = CharArraySet.copy(WordlistLoader.getSnowballWordSet(in));
      words.addAll(java.util.List.of("can", "will"));
      return CharArraySet.unmodifiableSet(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SynonymMap load() {
    // Synonym entries go through the same steps as the query up to the synonym filter.
    Analyzer entries = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
      }
    };
    try (InputStream in = QueryAnalyzer.class.getResourceAsStream("/synonyms.txt")) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
      parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("synonyms.txt line " + e.getErrorOffset() + ": " + e.getMessage(), e);
    }
  }
}
