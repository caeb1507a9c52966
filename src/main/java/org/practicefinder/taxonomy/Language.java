package org.practicefinder.taxonomy;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.Optional;
import morfologik.stemming.Dictionary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.morfologik.MorfologikFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/**
 * The three languages of the library's users, each with the Lucene analysis used to match its
 * text: English with Porter stemming; Russian with snowball stemming; Ukrainian with morfologik
 * lemmas. In Russian and Ukrainian {@code ё} is folded to {@code е}, the apostrophes {@code ' ’ ʼ `}
 * are made one and stress marks dropped. The field's acronyms ({@link Acronyms}) are not stemmed.
 */
public enum Language {
  EN, RU, UK;

  /** @return the ISO 639-1 code: {@code en}, {@code ru}, {@code uk} */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return the language with this code (case-insensitive), or empty */
  public static Optional<Language> fromCode(String code) {
    for (Language l : values()) {
      if (l.code().equalsIgnoreCase(code)) return Optional.of(l);
    }
    return Optional.empty();
  }

  /** @return the stop words of the index's analysis: Lucene's default list for the language */
  public CharArraySet stopWords() {
    return switch (this) {
      case EN -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
      case RU -> RussianAnalyzer.getDefaultStopSet();
      case UK -> UkrainianMorfologikAnalyzer.getDefaultStopwords();
    };
  }

  /** @return a new analyzer for indexing and tagging text of this language; the caller closes it */
  public Analyzer newAnalyzer() {
    return analyzer(stopWords(), null);
  }

  /**
   * @param stopWords the words to drop
   * @param synonyms applied after lower-casing, before stop words are dropped and words stemmed; null for none
   * @return a new analyzer: the index's steps with other stop words and synonyms; the caller closes it
   */
  public Analyzer analyzer(CharArraySet stopWords, SynonymMap synonyms) {
    Language language = this;
    CharArraySet keep = Acronyms.forms(this);
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return fold(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = language == EN ? new EnglishPossessiveFilter(source) : source;
        result = new LowerCaseFilter(result);
        if (synonyms != null) result = new SynonymGraphFilter(result, synonyms, true);
        result = new StopFilter(result, stopWords);
        result = new SetKeywordMarkerFilter(result, keep);
        result = switch (language) {
          case EN -> new PorterStemFilter(result);
          case RU -> new SnowballFilter(result, new org.tartarus.snowball.ext.RussianStemmer());
          case UK -> new MorfologikFilter(result, UkrainianDictionary.DICTIONARY);
        };
        return new TokenStreamComponents(source, result);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }

  /** @return the text with {@code ё}, the apostrophes and stress marks folded (Russian and Ukrainian), else as it is */
  public Reader fold(Reader reader) {
    return this == EN ? reader : new MappingCharFilter(FOLDING, reader);
  }

  /** The dictionary Lucene's Ukrainian analyzer uses, loaded once, when first needed. */
  private static final class UkrainianDictionary {
    static final Dictionary DICTIONARY = load();

    private static Dictionary load() {
      try {
        return Dictionary.read(UkrainianMorfologikAnalyzer.class.getClassLoader().getResource("ua/net/nlp/ukrainian.dict"));
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("cannot load the Ukrainian morfologik dictionary", e);
      }
    }
  }

  private static final NormalizeCharMap FOLDING;

  static {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    b.add("ё", "е");
    b.add("Ё", "Е");
    b.add("’", "'");
    b.add("‘", "'");
    b.add("ʼ", "'");
    b.add("`", "'");
    b.add("\u0301", ""); // stress mark
    FOLDING = b.build();
  }
}
