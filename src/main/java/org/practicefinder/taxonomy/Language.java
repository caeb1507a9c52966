package org.practicefinder.taxonomy;

import java.io.Reader;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/** The three languages of the library's users, each with the Lucene analysis used to match its text. */
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

  /**
   * @return a new analyzer for this language: English with Porter stemming; Russian with snowball
   *     stemming and {@code ё} folded to {@code е}; Ukrainian with morfologik lemmas and the
   *     apostrophes {@code ' ’ ʼ} made one. The caller closes it.
   */
  public Analyzer newAnalyzer() {
    return switch (this) {
      case EN -> new EnglishAnalyzer();
      case RU -> new RussianSnowballAnalyzer();
      case UK -> new ApostropheFoldingUkrainianAnalyzer();
    };
  }

  private static final NormalizeCharMap FOLDING;

  static {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    b.add("ё", "е");
    b.add("Ё", "Е");
    b.add("’", "'");
    b.add("ʼ", "'");
    b.add("`", "'");
    FOLDING = b.build();
  }

  private static final class RussianSnowballAnalyzer extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new MappingCharFilter(FOLDING, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      TokenStream result = new LowerCaseFilter(source);
      result = new StopFilter(result, RussianAnalyzer.getDefaultStopSet());
      result = new SnowballFilter(result, new org.tartarus.snowball.ext.RussianStemmer());
      return new TokenStreamComponents(source, result);
    }
  }

  /** Morfologik lemmas for Ukrainian, behind the same apostrophe folding as Russian. */
  private static final class ApostropheFoldingUkrainianAnalyzer extends AnalyzerWrapper {
    private final UkrainianMorfologikAnalyzer delegate = new UkrainianMorfologikAnalyzer();

    ApostropheFoldingUkrainianAnalyzer() {
      super(Analyzer.PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      return delegate;
    }

    @Override
    protected Reader wrapReader(String fieldName, Reader reader) {
      return new MappingCharFilter(FOLDING, reader);
    }

    @Override
    public void close() {
      delegate.close();
      super.close();
    }
  }
}
