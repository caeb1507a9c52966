package org.practicefinder.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * An analyzer that replays the tokens of known texts (term, position increment, offsets, as
 * {@code delegate} made them) instead of analysing them again: each is analysed once, the first time
 * it is asked for; any other text is analysed by the delegate every time. For a highlighter that
 * re-analyses the same stored texts on every search: stemming and synonyms took nearly half of a
 * guidance search. Thread-safe.
 */
final class ReplayingAnalyzer extends Analyzer {
  private record Token(String term, int positionIncrement, int start, int end) {}

  private record Tokens(List<Token> tokens, int finalOffset) {}

  private final Analyzer delegate;
  /** Field → its known texts. */
  private final Map<String, Set<String>> known = new HashMap<>();
  /** Field → known text → its tokens, once asked for. */
  private final Map<String, Map<String, Tokens>> analysed = new ConcurrentHashMap<>();

  /** @param texts field → the texts to remember the tokens of */
  ReplayingAnalyzer(Analyzer delegate, Map<String, List<String>> texts) {
    super(PER_FIELD_REUSE_STRATEGY);
    this.delegate = delegate;
    texts.forEach((field, list) -> known.put(field, Set.copyOf(list)));
  }

  private Tokens tokens(String field, String text) {
    if (!known.getOrDefault(field, Set.of()).contains(text)) return analyse(field, text);
    return analysed.computeIfAbsent(field, f -> new ConcurrentHashMap<>()).computeIfAbsent(text, t -> analyse(field, t));
  }

  private Tokens analyse(String field, String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream ts = delegate.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tokens.add(new Token(term.toString(), increment.getPositionIncrement(), offset.startOffset(), offset.endOffset()));
      }
      ts.end();
      return new Tokens(List.copyOf(tokens), offset.endOffset());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no I/O
    }
  }

  @Override
  protected TokenStreamComponents createComponents(String field) {
    return new TokenStreamComponents(new Replay(field));
  }

  /** Reads the whole text, then gives its tokens one by one. */
  private final class Replay extends Tokenizer {
    private final String field;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private Tokens tokens;
    private int next;

    Replay(String field) {
      this.field = field;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[4096];
      for (int n = input.read(buffer); n != -1; n = input.read(buffer)) text.append(buffer, 0, n);
      tokens = tokens(field, text.toString());
      next = 0;
    }

    @Override
    public boolean incrementToken() {
      if (next == tokens.tokens().size()) return false;
      clearAttributes();
      Token t = tokens.tokens().get(next++);
      term.setEmpty().append(t.term());
      increment.setPositionIncrement(t.positionIncrement());
      offset.setOffset(t.start(), t.end());
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(tokens.finalOffset(), tokens.finalOffset());
    }
  }
}
