package org.practicefinder.recommend;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicefinder.embed.Embedder;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.Language;

/**
 * A challenge as the signals see it: the user's text, the concepts detected in it (less any the
 * user removed), and what is computed from it once per request: its embedding, its cosine with
 * every sentence, and the signals' scores. Not thread-safe: one per request.
 */
final class Challenge {
  /**
   * The most characters of a challenge that are embedded: a paragraph. The model's cost grows with
   * the text (a 4,000-character challenge took about 0.2 s alone); words and topics still count in full.
   */
  static final int EMBEDDED_CHARS = 1000;

  private final String text;
  private final List<ConceptDetector.Detected> concepts;
  private final Language language;
  /** English words for the text's words when it is in another language; empty for English. */
  private final List<String> english;
  private float[] embedding;
  /** Scores by signal name: a signal that feeds another is computed once. */
  private final Map<String, double[]> scores = new HashMap<>();
  /** Cosine of the challenge with each sentence, by practice order: shared by the sentence signals and the explanations. */
  private double[][] sentenceCosines;

  /**
   * @param language the language the text is written in
   * @param english English words for the text's words, when it is in another language ({@link WordTranslations})
   */
  Challenge(String text, List<ConceptDetector.Detected> concepts, Language language, List<String> english) {
    this.text = text;
    this.concepts = List.copyOf(concepts);
    this.language = language;
    this.english = List.copyOf(english);
  }

  /** An English challenge. */
  Challenge(String text, List<ConceptDetector.Detected> concepts) {
    this(text, concepts, Language.EN, List.of());
  }

  /** @return English words for the text's words when it is in another language; empty for English */
  List<String> english() {
    return english;
  }

  Language language() {
    return language;
  }

  String text() {
    return text;
  }

  List<ConceptDetector.Detected> concepts() {
    return concepts;
  }

  /** @return the signal's scores for this challenge, computed on first use */
  double[] scores(Signal signal) throws IOException {
    double[] s = scores.get(signal.name());
    if (s == null) {
      s = signal.score(this);
      scores.put(signal.name(), s);
    }
    return s;
  }

  /** @return the cosine of the challenge with each of the practice's sentences, computed once for all practices */
  double[] sentenceCosines(PracticeLibrary library, Embedder embedder, PracticeRecord record) {
    if (sentenceCosines == null) {
      float[] q = embedding(embedder);
      sentenceCosines = new double[library.records().size()][];
      for (PracticeRecord r : library.records()) {
        sentenceCosines[r.order()] = SentenceSignal.cosines(q, library.sentenceVectors(r));
      }
    }
    return sentenceCosines[record.order()];
  }

  /** @return the embedding of {@link #englishText()}, of its first {@value #EMBEDDED_CHARS} characters, computed on first use */
  float[] embedding(Embedder embedder) {
    if (embedding == null) embedding = embedder.query(head(englishText(), EMBEDDED_CHARS));
    return embedding;
  }

  /** @return {@code text} cut to at most {@code max} characters, at a space where there is one */
  static String head(String text, int max) {
    if (text.length() <= max) return text;
    int cut = text.lastIndexOf(' ', max);
    if (cut < max / 2) cut = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    return text.substring(0, cut);
  }

  /**
   * @return the text itself when it is in English; otherwise the English words for its words, or,
   *     if none of them has one, the English labels and definitions of its detected concepts: text
   *     the English models and fields can match
   */
  String englishText() {
    if (language == Language.EN) return text;
    if (!english.isEmpty()) return String.join(" ", english);
    if (concepts.isEmpty()) return text;
    StringBuilder out = new StringBuilder();
    for (ConceptDetector.Detected d : concepts) {
      out.append(d.concept().label(Language.EN)).append(": ").append(d.concept().definition(Language.EN)).append(". ");
    }
    return out.toString().trim();
  }
}
