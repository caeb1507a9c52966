package org.practicefinder.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.practicefinder.taxonomy.ConceptDetector;

/**
 * Turns user text into Lucene queries. User text goes through {@link SimpleQueryParser}, which
 * accepts any input (unbalanced quotes, slashes, Cyrillic) without an error.
 */
public final class QueryFactory {
  /** Words per query: with a field or two each and synonyms, well below Lucene's 1024 clauses. */
  static final int MAX_WORDS = 150;
  /** A word with a leading minus, or a quoted phrase with one: SimpleQueryParser's NOT. */
  private static final Pattern NEGATED = Pattern.compile("(?<!\\S)-(\"[^\"]*\"?|\\S+)");

  /** Control characters but tab and line breaks: no one types them, and they would be echoed back. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

  private QueryFactory() {}

  /** @throws IllegalArgumentException if {@code text} has a control character other than tab or a line break */
  public static void requireTypedText(String name, String text) {
    if (CONTROL.matcher(text).find()) throw new IllegalArgumentException(name + " contains control characters");
  }

  /** @return the text without its negated words and phrases, so they are not read as concepts wanted */
  public static String withoutNegations(String text) {
    return NEGATED.matcher(text).replaceAll(" ");
  }

  /** @return the negated words and phrases of {@code text}, without their minus: {@code -saunas} → {@code saunas} */
  private static String negations(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = NEGATED.matcher(text);
    while (m.find()) out.append(m.group(1)).append(' ');
    return out.toString().trim();
  }

  /**
   * @param weights field → boost
   * @return a BM25 query for the words of {@code text} that are not negated, over the weighted
   *     fields; a query that matches nothing when there is no such word. Negated words are for
   *     {@link #exclusion}: SimpleQueryParser would read "police -saunas" as "police, or anything
   *     but saunas".
   */
  public static Query text(Analyzer analyzer, Map<String, Float> weights, String text) {
    Query q = new SimpleQueryParser(analyzer, weights).parse(distinctWords(withoutNegations(text)));
    return q == null ? new MatchNoDocsQuery("no searchable words") : q;
  }

  /**
   * @param detector finds the concepts the negated words name, so "-сауны" excludes too
   * @return the practices a user excluded with {@code -word} or {@code -"a phrase"}: those that
   *     contain a negated word or are tagged with a negated concept; null when nothing is negated
   */
  public static Query exclusion(Analyzer analyzer, Map<String, Float> weights, String text, FacetsConfig config,
      ConceptDetector detector) {
    String negated = negations(text);
    if (negated.isEmpty()) return null;
    List<ConceptDetector.Detected> negatedConcepts = detector.detect(negated);
    // "---saunas" and "-off-street": a minus inside a negated word is not another operator
    Query words = new SimpleQueryParser(analyzer, weights).parse(distinctWords(negated.replace("-", " ")));
    return any(words, concepts(config, negatedConcepts, 1f));
  }

  /**
   * A text of more than {@link #MAX_WORDS} words is cut to its first {@code MAX_WORDS} distinct
   * words: every word becomes clauses, which Lucene caps at {@link IndexSearcher#getMaxClauseCount()}.
   * Words are counted as the tokenizer splits them ("ab,ab" is two, and so is "中中"); shorter text is
   * left as typed, quotes and operators included.
   */
  static String distinctWords(String text) {
    List<String> words = new ArrayList<>();
    try (StandardTokenizer tokens = new StandardTokenizer()) {
      tokens.setReader(new StringReader(text));
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) words.add(term.toString());
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no I/O
    }
    if (words.size() <= MAX_WORDS) return text;
    return words.stream().distinct().limit(MAX_WORDS).collect(Collectors.joining(" "));
  }

  /**
   * @param terms words or phrases, each analysed as a phrase over every field
   * @param budget how many leaf clauses the result may have ({@link #clauseBudget}); terms beyond it are left out
   * @return the SHOULD-combination of the phrases
   */
  public static Query phrases(Analyzer analyzer, Collection<String> fields, Collection<String> terms, int budget) {
    QueryBuilder builder = new QueryBuilder(analyzer);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int used = 0;
    for (String term : terms) {
      for (String field : fields) {
        Query q = builder.createPhraseQuery(field, term);
        if (q == null) continue;
        int leaves = leaves(q); // a term with synonyms is several phrases
        if (used + leaves > budget) return b.build();
        b.add(q, BooleanClause.Occur.SHOULD);
        used += leaves;
      }
    }
    return b.build();
  }

  /** @return how many leaf clauses may be added to {@code query} within Lucene's limit on the whole query tree */
  public static int clauseBudget(Query query) {
    return Math.max(0, IndexSearcher.getMaxClauseCount() - leaves(query));
  }

  /** @return the leaf clauses of {@code query} as {@link IndexSearcher} counts them against its limit */
  static int leaves(Query query) {
    int[] n = {0};
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }

      @Override
      public void visitLeaf(Query q) {
        n[0]++;
      }

      @Override
      public void consumeTerms(Query q, Term... terms) {
        n[0]++;
      }

      @Override
      public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
        n[0]++;
      }
    });
    return n[0];
  }

  /**
   * @return a query matching practices tagged with any of the concepts, each scoring {@code boost};
   *     null when there are none
   */
  public static Query concepts(FacetsConfig config, List<ConceptDetector.Detected> concepts, float boost) {
    if (concepts.isEmpty()) return null;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (ConceptDetector.Detected d : concepts) {
      String dim = d.concept().dimension();
      String field = config.getDimConfig(dim).indexFieldName;
      b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(DrillDownQuery.term(field, dim, d.concept().id()))), boost),
          BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /** @return the SHOULD-combination of the non-null queries */
  public static Query any(Query... queries) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : queries) {
      if (q != null) b.add(q, BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }
}
