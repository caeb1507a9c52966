package org.practicefinder.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import morfologik.stemming.DictionaryLookup;
import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.practicefinder.taxonomy.Language;

/**
 * Whether a word is a word of its language, by a dictionary of the language rather than by the
 * practices: a real word the library happens not to use ("забирает", take away) must not be
 * "corrected" into one it does ("защищает", protect). English and Russian: Hunspell's en_US (SCOWL)
 * and ru_RU (A. Lebedev) dictionaries from Debian's hunspell-en-us and hunspell-ru packages, in
 * {@code hunspell/} with their licences. Ukrainian: the morfologik dictionary the Ukrainian
 * analyser already uses.
 *
 * <p>The dictionaries load once per process, in the background (a few seconds for Hunspell's); until
 * they have, every word counts as a word, so nothing is corrected rather than something wrongly.
 * Thread-safe.
 */
public final class WordLists {
  private static final CompletableFuture<WordLists> LOADED = CompletableFuture.supplyAsync(WordLists::load);

  private final Dictionary english;
  private final Dictionary russian;
  private final morfologik.stemming.Dictionary ukrainian;
  // Hunspell and DictionaryLookup keep state per call; their dictionaries are shared.
  private final ThreadLocal<Hunspell> englishSpeller;
  private final ThreadLocal<Hunspell> russianSpeller;
  private final ThreadLocal<DictionaryLookup> ukrainianLookup;

  private WordLists(Dictionary english, Dictionary russian, morfologik.stemming.Dictionary ukrainian) {
    this.english = english;
    this.russian = russian;
    this.ukrainian = ukrainian;
    this.englishSpeller = ThreadLocal.withInitial(() -> new Hunspell(this.english));
    this.russianSpeller = ThreadLocal.withInitial(() -> new Hunspell(this.russian));
    this.ukrainianLookup = ThreadLocal.withInitial(() -> new DictionaryLookup(this.ukrainian));
  }

  /** @return the dictionaries once loaded; a test can join it to get past the loading window */
  public static CompletableFuture<WordLists> loaded() {
    return LOADED;
  }

  /**
   * @param word a single word, lower case
   * @return whether the language's dictionary has it in some form; true for every word while the
   *     dictionaries are loading, or if they could not be loaded
   */
  public static boolean isWord(Language language, String word) {
    WordLists lists = LOADED.getNow(null);
    if (lists == null || LOADED.isCompletedExceptionally()) return true;
    return switch (language) {
      case EN -> lists.englishSpeller.get().spell(word);
      case RU -> lists.russianSpeller.get().spell(word);
      case UK -> !lists.ukrainianLookup.get().lookup(word).isEmpty();
    };
  }

  private static WordLists load() {
    try {
      return new WordLists(hunspell("en_US"), hunspell("ru_RU"),
          morfologik.stemming.Dictionary.read(Objects.requireNonNull(
              UkrainianMorfologikAnalyzer.class.getResource("/ua/net/nlp/ukrainian.dict"), "ukrainian.dict")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Dictionary hunspell(String name) throws IOException {
    try (InputStream aff = resource(name + ".aff"); InputStream dic = resource(name + ".dic")) {
      return new Dictionary(new ByteBuffersDirectory(), name, aff, dic);
    } catch (ParseException e) {
      throw new IOException("hunspell/" + name + ".aff: " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = WordLists.class.getResourceAsStream("/hunspell/" + name);
    if (in == null) throw new IOException("hunspell/" + name + " is not on the class path");
    return in;
  }
}
