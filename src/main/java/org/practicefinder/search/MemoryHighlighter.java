package org.practicefinder.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * A highlighter that takes the text of the fields from memory instead of the index's stored fields:
 * Lucene decompresses those a block at a time, with everything else stored beside them (records,
 * sentence vectors), which was half the time of a search. The text must be what was indexed. Where
 * given {@link TermOffsets}, the words' offsets come from them rather than from the postings.
 */
final class MemoryHighlighter extends UnifiedHighlighter {
  /** The text of one field of one document, as indexed; "" where the document has none. */
  interface Texts {
    String text(int doc, String field);
  }

  private final Texts texts;
  private final TermOffsets offsets;

  /** @param offsets the fields' term offsets read once from the postings, or null to read the postings per search */
  MemoryHighlighter(UnifiedHighlighter.Builder builder, Texts texts, TermOffsets offsets) {
    super(builder);
    this.texts = texts;
    this.offsets = offsets;
  }

  @Override
  protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
    FieldOffsetStrategy fromMemory = source == OffsetSource.POSTINGS && offsets != null ? offsets.strategy(components) : null;
    return fromMemory != null ? fromMemory : super.getOffsetStrategy(source, components);
  }

  /**
   * As Lucene's: the values of {@code fields} for the next documents, each cut at {@link #getMaxLength()}
   * characters, until they hold more than the threshold's characters.
   */
  @Override
  protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
    List<CharSequence[]> out = new ArrayList<>();
    int chars = 0;
    do {
      int doc = docs.nextDoc();
      if (doc == DocIdSetIterator.NO_MORE_DOCS) break;
      CharSequence[] values = new CharSequence[fields.length];
      for (int i = 0; i < fields.length; i++) {
        String text = texts.text(doc, fields[i]);
        values[i] = text.length() > getMaxLength() ? text.substring(0, getMaxLength()) : text; // as Lucene reads stored values
        chars += values[i].length();
      }
      out.add(values);
    } while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
    return out;
  }
}
