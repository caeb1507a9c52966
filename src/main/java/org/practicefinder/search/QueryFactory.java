package org.practicefinder.search;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.facet.FacetsConfig;
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

  /**
   * @param weights field → boost
   * @return a BM25 query for the words of {@code text} that are not negated, over the weighted
   *     fields; a query that matches nothing when there is no such word. Negated words are for
   *     {@link #excluding}: SimpleQueryParser would read "police -saunas" as "police, or anything
   *     but saunas".
   */
  public static Query text(Analyzer analyzer, Map<String, Float> weights, String text) {
    Query q = new SimpleQueryParser(analyzer, weights).parse(distinctWords(withoutNegations(text)));
    return q == null ? new MatchNoDocsQuery("no searchable words") : q;
  }

  /**
   * @param query what the words of {@code text} that are not negated ask for
   * @return {@code query} less the practices that match a negated word or phrase of {@code text}
   *     ({@code -saunas}, {@code -"indoor venues"}); {@code query} itself when nothing is negated
   */
  public static Query excluding(Query query, Analyzer analyzer, Map<String, Float> weights, String text) {
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights);
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    boolean any = false;
    Matcher m = NEGATED.matcher(text);
    for (int n = 0; m.find() && n < MAX_WORDS; n++) {
      Query negated = parser.parse(m.group(1));
      if (negated == null) continue;
      b.add(negated, BooleanClause.Occur.MUST_NOT);
      any = true;
    }
    return any ? b.build() : query;
  }

  /**
   * A text of more than {@link #MAX_WORDS} words is cut to its first {@code MAX_WORDS} distinct
   * words: every word becomes clauses, which Lucene caps at {@link IndexSearcher#getMaxClauseCount()}.
   * Shorter text is left as typed, quotes and operators included.
   */
  static String distinctWords(String text) {
    String[] words = text.trim().split("\\s+");
    if (words.length <= MAX_WORDS) return text;
    return Arrays.stream(words).distinct().limit(MAX_WORDS).collect(Collectors.joining(" "));
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
