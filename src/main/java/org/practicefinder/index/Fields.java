package org.practicefinder.index;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.practicefinder.model.Section;
import org.practicefinder.taxonomy.Language;

/** Index field and facet dimension names, and the one {@link FacetsConfig} that indexing and search share. */
public final class Fields {
  /**
   * A section's text: stored, and with the offsets of its words in the postings, so that the search's
   * highlighter reads where the query's words are instead of analysing the text again per search.
   */
  public static final FieldType SECTION_TYPE;

  static {
    FieldType t = new FieldType(TextField.TYPE_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    SECTION_TYPE = t;
  }

  public static final String TITLE = "title";
  /** Title, organisation, places and every section: the catch-all search field. */
  public static final String TEXT = "text";
  /** The whole {@link PracticeRecord} as JSON, for display without re-parsing the manual. */
  public static final String RECORD = "record";
  /** Embeddings of every sentence (title and sections, in {@code Sentences.of} order), float32 little-endian. */
  public static final String SENTENCE_VECTORS = "sentence_vectors";

  public static final String COUNTRY = "country";
  public static final String LOCATION = "location";

  /** Embedded units of a practice: the whole practice, then each section; see {@link #vector(String)}. */
  public static final String PRACTICE_UNIT = "practice";

  private Fields() {}

  /** @return the field holding one section's English text, e.g. {@code challenge} */
  public static String section(Section section) {
    return section.key();
  }

  /**
   * @return the field holding one section's text in a language: the English one as {@link
   *     #section(Section)}, the others with the language code after it ({@code challenge_ru})
   */
  public static String section(Section section, Language language) {
    return inLanguage(section.key(), language);
  }

  /** @return the catch-all field of a language: {@link #TEXT}, {@code text_ru}, {@code text_uk} */
  public static String text(Language language) {
    return inLanguage(TEXT, language);
  }

  /** @return the title field of a language: {@link #TITLE}, {@code title_ru}, {@code title_uk} */
  public static String title(Language language) {
    return inLanguage(TITLE, language);
  }

  /**
   * @return the field of a language's words as written, lower-cased and neither stemmed nor
   *     stop-worded ({@code spell_en}…): the dictionary of spelling suggestions and of the words a
   *     language knows
   */
  public static String spell(Language language) {
    return "spell_" + language.code();
  }

  /** @return the name of an English text field ({@link #TEXT}, {@link #TITLE}, a section's) in another language */
  public static String inLanguage(String field, Language language) {
    return language == Language.EN ? field : field + "_" + language.code();
  }

  /** @return the language whose analysis a text field takes: from its suffix, else English */
  public static Language language(String field) {
    for (Language l : Language.values()) {
      if (field.endsWith("_" + l.code())) return l;
    }
    return Language.EN;
  }

  /**
   * @return the index's analysis of every field: each language's ({@link Language#newAnalyzer}) by
   *     the field's suffix, and for the {@link #spell} fields the words lower-cased, stop words dropped
   */
  public static Analyzer analyzer() {
    Map<Language, Analyzer> byLanguage = new EnumMap<>(Language.class);
    Map<Language, Analyzer> spelling = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      byLanguage.put(l, l.newAnalyzer());
      spelling.put(l, words(l));
    }
    return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        Language l = language(fieldName);
        return fieldName.startsWith("spell_") ? spelling.get(l) : byLanguage.get(l);
      }
    };
  }

  /** @return the analysis of the {@link #spell} field of a language */
  public static Analyzer words(Language language) {
    return new Analyzer() {
      @Override
      protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
        return language.fold(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new StopFilter(new LowerCaseFilter(source), language.stopWords());
        return new TokenStreamComponents(source, result);
      }
    };
  }

  /** @return the vector field of an embedded unit ({@code practice} or a section key), e.g. {@code vec_challenge} */
  public static String vector(String unit) {
    return "vec_" + unit;
  }

  /**
   * @return the facet configuration: every dimension but {@code country} and {@code year} holds
   *     several values per practice, and reports how many practices have any value
   */
  public static FacetsConfig facetsConfig(List<String> vocabularyDimensions) {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(LOCATION, true);
    config.setRequireDimCount(LOCATION, true);
    for (String dim : vocabularyDimensions) {
      config.setMultiValued(dim, true);
      config.setRequireDimCount(dim, true);
    }
    return config;
  }
}
