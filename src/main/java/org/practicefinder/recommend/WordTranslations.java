package org.practicefinder.recommend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;
import org.practicefinder.model.Sentences;
import org.practicefinder.search.QueryAnalyzer;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.Language;

/**
 * English words for the words of a Russian or Ukrainian text, learned from the library's own
 * parallel text: each practice's translation against its English (sentence by sentence where a
 * prose section has as many sentences in both, else section by section; list items item by item)
 * and the vocabulary's labels and definitions, aligned word by word with IBM Model 1 (EM, a NULL
 * word on the conditioning side) in both directions, a word's English words being those likely both
 * ways. No outside data: a word the translations never use has no English word. Builds in about a
 * second. Thread-safe once built.
 */
final class WordTranslations {
  /** EM rounds: Model 1's likelihood changes little after a handful on a corpus this size. */
  private static final int ROUNDS = 8;
  /** An English word is given for a word only this likely or more. */
  static final double MIN_PROBABILITY = 0.15;
  /** At most this many English words for one word. */
  static final int MAX_WORDS = 2;
  private static final String NULL = "\u0000";

  /** A candidate English word and how likely it translates the word. */
  record Candidate(String english, double probability) {}

  private final Map<Language, Map<String, List<Candidate>>> table = new EnumMap<>(Language.class);

  WordTranslations(List<PracticeRecord> records, List<Concept> concepts) {
    Analyzer english = englishWords();
    for (Language language : Language.values()) {
      if (language == Language.EN) continue;
      Analyzer source = QueryAnalyzer.challenges(language);
      List<String[][]> pairs = new ArrayList<>();
      for (PracticeRecord r : records) {
        if (r.original() != Language.EN || r.served(language) != language) continue;
        for (String[] pair : aligned(r.practice(), r.practice(language))) {
          pairs.add(new String[][] {tokens(source, pair[1], true), tokens(english, pair[0], false)});
        }
      }
      for (Concept c : concepts) {
        for (Map<Language, String> texts : List.of(c.labels(), c.definitions())) {
          if (texts.containsKey(language) && texts.containsKey(Language.EN)) {
            pairs.add(new String[][] {tokens(source, texts.get(language), true), tokens(english, texts.get(Language.EN), false)});
          }
        }
      }
      Map<String, Map<String, Double>> forward = train(pairs, false);
      Map<String, Map<String, Double>> backward = train(pairs, true); // t(word | english)
      table.put(language, candidates(forward, backward));
    }
  }

  /**
   * @return the English words for the words of {@code text} in {@code language}, in the text's
   *     order, each word's likeliest first, at most {@link #MAX_WORDS} a word of probability
   *     {@link #MIN_PROBABILITY} or more; empty for English
   */
  List<String> english(String text, Language language) {
    if (!table.containsKey(language)) return List.of();
    Set<String> out = new LinkedHashSet<>();
    for (String w : tokens(QueryAnalyzer.challenges(language), text, false)) {
      for (Candidate c : candidates(w, language)) out.add(c.english());
    }
    return List.copyOf(out);
  }

  /**
   * @return {English word, the word of the text it translates, as written} for the text's words
   *     that have English words, as {@link #english}
   */
  List<String[]> pairs(String text, Language language) {
    if (!table.containsKey(language)) return List.of();
    List<String[]> out = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    try (TokenStream ts = QueryAnalyzer.challenges(language).tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      org.apache.lucene.analysis.tokenattributes.OffsetAttribute offset =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String typed = text.substring(offset.startOffset(), offset.endOffset());
        for (Candidate c : candidates(term.toString(), language)) {
          if (seen.add(c.english())) out.add(new String[] {c.english(), typed});
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return out;
  }

  /** @return the candidates of an analysed word, likeliest first; none for a word the translations never use */
  private List<Candidate> candidates(String word, Language language) {
    return table.get(language).getOrDefault(word, List.of());
  }


  /** @return {english, translation} segments: the title, then per section sentences or the whole section, then notes */
  static List<String[]> aligned(Practice en, Practice other) {
    List<String[]> out = new ArrayList<>();
    out.add(new String[] {en.title(), other.title()});
    for (Section s : en.sections().keySet()) {
      List<String> a = en.items(s);
      List<String> b = other.items(s);
      if (a.size() != b.size()) {
        out.add(new String[] {String.join(" ", a), String.join(" ", b)});
        continue;
      }
      for (int i = 0; i < a.size(); i++) {
        List<String> sa = Sentences.split(a.get(i));
        List<String> sb = Sentences.split(b.get(i));
        if (sa.size() == sb.size()) {
          for (int j = 0; j < sa.size(); j++) out.add(new String[] {sa.get(j), sb.get(j)});
        } else {
          out.add(new String[] {a.get(i), b.get(i)});
        }
      }
    }
    for (int i = 0; i < Math.min(en.notes().size(), other.notes().size()); i++) {
      out.add(new String[] {en.notes().get(i), other.notes().get(i)});
    }
    return out;
  }

  /**
   * @return per word the English words that both directions of the model find likely: the
   *     geometric mean of t(english | word) and t(word | english), which drops the frequent English
   *     words a rare word co-occurs with ("sex", "workers") and keeps its translation
   */
  private static Map<String, List<Candidate>> candidates(Map<String, Map<String, Double>> forward,
      Map<String, Map<String, Double>> backward) {
    Map<String, List<Candidate>> out = new HashMap<>();
    forward.forEach((word, englishes) -> {
      List<Candidate> list = new ArrayList<>();
      englishes.forEach((english, p) -> {
        double q = backward.getOrDefault(english, Map.of()).getOrDefault(word, 0.0);
        double score = Math.sqrt(p * q);
        if (score >= MIN_PROBABILITY) list.add(new Candidate(english, score));
      });
      list.sort((x, y) -> Double.compare(y.probability(), x.probability()));
      if (!list.isEmpty()) out.put(word, List.copyOf(list.subList(0, Math.min(MAX_WORDS, list.size()))));
    });
    return out;
  }

  /**
   * IBM Model 1 trained by EM.
   *
   * @param reverse train t(word | english) instead of t(english | word)
   * @return conditioning word → generated word → probability
   */
  private static Map<String, Map<String, Double>> train(List<String[][]> pairs, boolean reverse) {
    if (reverse) {
      List<String[][]> swapped = new ArrayList<>();
      for (String[][] p : pairs) swapped.add(new String[][] {p[1], p[0]});
      pairs = swapped;
    }
    Map<String, Integer> srcIds = new HashMap<>();
    Map<String, Integer> tgtIds = new HashMap<>();
    srcIds.put(NULL, 0);
    List<int[][]> corpus = new ArrayList<>();
    for (String[][] p : pairs) {
      if (p[0].length == 0 || p[1].length == 0) continue;
      int[] src = new int[p[0].length + 1];
      for (int i = 0; i < p[0].length; i++) src[i + 1] = srcIds.computeIfAbsent(p[0][i], k -> srcIds.size());
      int[] tgt = new int[p[1].length];
      for (int j = 0; j < p[1].length; j++) tgt[j] = tgtIds.computeIfAbsent(p[1][j], k -> tgtIds.size());
      corpus.add(new int[][] {src, tgt});
    }
    // t(e|f) over co-occurring pairs only: each pair of ids gets a slot, each sentence pair the slots of its word pairs
    long targets = tgtIds.size();
    Map<Long, Integer> slotOf = new HashMap<>();
    List<int[]> slots = new ArrayList<>();
    for (int[][] p : corpus) {
      int[] s = new int[p[0].length * p[1].length];
      int k = 0;
      for (int e : p[1]) {
        for (int f : p[0]) s[k++] = slotOf.computeIfAbsent(f * targets + e, x -> slotOf.size());
      }
      slots.add(s);
    }
    int[] source = new int[slotOf.size()];
    slotOf.forEach((key, slot) -> source[slot] = (int) (key / targets));
    double[] t = new double[slotOf.size()];
    java.util.Arrays.fill(t, 1.0);
    for (int round = 0; round < ROUNDS; round++) {
      double[] count = new double[t.length];
      double[] total = new double[srcIds.size()];
      for (int i = 0; i < corpus.size(); i++) {
        int n = corpus.get(i)[0].length;
        int[] s = slots.get(i);
        for (int from = 0; from < s.length; from += n) {
          double z = 0;
          for (int k = from; k < from + n; k++) z += t[s[k]];
          for (int k = from; k < from + n; k++) count[s[k]] += t[s[k]] / z;
        }
      }
      for (int slot = 0; slot < t.length; slot++) total[source[slot]] += count[slot];
      for (int slot = 0; slot < t.length; slot++) t[slot] = count[slot] / total[source[slot]];
    }
    String[] srcWords = new String[srcIds.size()];
    srcIds.forEach((w, id) -> srcWords[id] = w);
    String[] tgtWords = new String[tgtIds.size()];
    tgtIds.forEach((w, id) -> tgtWords[id] = w);
    Map<String, Map<String, Double>> out = new HashMap<>();
    slotOf.forEach((key, slot) -> {
      int f = (int) (key / targets);
      if (f == 0 || t[slot] < 0.01) return;
      out.computeIfAbsent(srcWords[f], k -> new HashMap<>()).put(tgtWords[(int) (key % targets)], t[slot]);
    });
    return out;
  }

  /** @return English words as written, lower case, without a challenge's stop words */
  private static Analyzer englishWords() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)),
            QueryAnalyzer.challengeStopWords(Language.EN));
        return new TokenStreamComponents(source, result);
      }
    };
  }

  /** @param keepDuplicates keep a word each time it occurs (training counts), else once */
  private static String[] tokens(Analyzer analyzer, String text, boolean keepDuplicates) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String w = term.toString();
        if (w.chars().allMatch(Character::isDigit)) continue;
        if (keepDuplicates || !out.contains(w)) out.add(w);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return out.toArray(String[]::new);
  }
}
