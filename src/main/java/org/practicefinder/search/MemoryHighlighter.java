package org.practicefinder.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * A highlighter that takes the text of the fields from memory instead of the index's stored fields:
 * Lucene decompresses those a block at a time, with everything else stored beside them (records,
 * sentence vectors), which was half the time of a search. The text must be what was indexed.
 */
final class MemoryHighlighter extends UnifiedHighlighter {
  /** The text of one field of one document, as indexed; "" where the document has none. */
  interface Texts {
    String text(int doc, String field);
  }

  private final Texts texts;

  MemoryHighlighter(UnifiedHighlighter.Builder builder, Texts texts) {
    super(builder);
    this.texts = texts;
  }

  /** As Lucene's: the values of {@code fields} for the next documents, until they hold more than the threshold's characters. */
  @Override
  protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
    List<CharSequence[]> out = new ArrayList<>();
    int chars = 0;
    do {
      int doc = docs.nextDoc();
      if (doc == DocIdSetIterator.NO_MORE_DOCS) break;
      CharSequence[] values = new CharSequence[fields.length];
      for (int i = 0; i < fields.length; i++) {
        values[i] = texts.text(doc, fields[i]);
        chars += values[i].length();
      }
      out.add(values);
    } while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
    return out;
  }
}
