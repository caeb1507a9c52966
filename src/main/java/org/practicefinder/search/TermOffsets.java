package org.practicefinder.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * The offsets of every term of some fields in every document, read from the index's postings once
 * per library and field (on the first search that needs the field, not at start-up): the highlighter
 * looks each of the query's terms up per field and document, which in Lucene's term dictionary (a
 * seek and a postings enum each) was most of the time of a search's snippets. Gives the highlighter
 * the same offsets, terms and frequencies as the postings. Thread-safe.
 */
final class TermOffsets {
  private final IndexReader reader;
  private final Set<String> fields;
  /** Field → global document id → term → its start and end offsets, in position order. */
  private final Map<String, List<Map<BytesRef, int[]>>> byField = new ConcurrentHashMap<>();
  private final Map<LeafReader, Integer> docBases = new IdentityHashMap<>();

  /** @param fields the fields to keep, indexed with offsets */
  TermOffsets(IndexReader reader, Collection<String> fields) {
    this.reader = reader;
    this.fields = Set.copyOf(fields);
    for (LeafReaderContext leaf : reader.leaves()) docBases.put(leaf.reader(), leaf.docBase);
  }

  /** @return document → term → offsets of one of {@link #fields} */
  private List<Map<BytesRef, int[]>> field(String field) {
    return byField.computeIfAbsent(field, f -> {
      try {
        return read(f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private List<Map<BytesRef, int[]>> read(String field) throws IOException {
    List<Map<BytesRef, int[]>> byDoc = new ArrayList<>();
    for (int doc = 0; doc < reader.maxDoc(); doc++) byDoc.add(new HashMap<>());
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) continue;
      TermsEnum te = terms.iterator();
      PostingsEnum postings = null;
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        BytesRef term = BytesRef.deepCopyOf(t);
        postings = te.postings(postings, PostingsEnum.OFFSETS);
        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
          int[] offsets = new int[2 * postings.freq()];
          for (int i = 0; i < offsets.length; i += 2) {
            postings.nextPosition();
            offsets[i] = postings.startOffset();
            offsets[i + 1] = postings.endOffset();
          }
          byDoc.get(leaf.docBase + d).put(term, offsets);
        }
      }
    }
    return byDoc;
  }

  /** @return true if the field of the document (a global id) has any of the terms; true for a field not kept */
  boolean hasAny(int doc, String field, Set<BytesRef> terms) {
    if (!fields.contains(field)) return true;
    Map<BytesRef, int[]> have = field(field).get(doc);
    for (BytesRef t : terms) {
      if (have.containsKey(t)) return true;
    }
    return false;
  }

  /**
   * @return the offsets of the components' terms in their field, or null where the highlighter needs
   *     more than each term's offsets (a phrase's positions, a wildcard's terms, weight matches)
   */
  FieldOffsetStrategy strategy(UHComponents components) {
    if (!fields.contains(components.getField()) || components.getPhraseHelper().hasPositionSensitivity()
        || components.getAutomata().length > 0
        || components.getHighlightFlags().contains(UnifiedHighlighter.HighlightFlag.WEIGHT_MATCHES)) {
      return null;
    }
    return new FieldOffsetStrategy(components) {
      @Override
      public UnifiedHighlighter.OffsetSource getOffsetSource() {
        return UnifiedHighlighter.OffsetSource.POSTINGS;
      }

      @Override
      public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
        Integer base = docBases.get(reader);
        if (base == null) return createOffsetsEnumFromReader(reader, docId); // not a reader of this library: the postings
        Map<BytesRef, int[]> terms = field(getField()).get(base + docId);
        List<OffsetsEnum> found = new ArrayList<>();
        for (BytesRef term : components.getTerms()) {
          int[] offsets = terms.get(term);
          if (offsets != null) found.add(new OfOffsets(term, offsets));
        }
        return switch (found.size()) {
          case 0 -> OffsetsEnum.EMPTY;
          case 1 -> found.get(0);
          default -> new OffsetsEnum.MultiOffsetsEnum(found);
        };
      }
    };
  }

  /** A term's offsets in one document, as {@link OffsetsEnum.OfPostings} gives them from the postings. */
  private static final class OfOffsets extends OffsetsEnum {
    private final BytesRef term;
    private final int[] offsets;
    private int at = -2;

    OfOffsets(BytesRef term, int[] offsets) {
      this.term = term;
      this.offsets = offsets;
    }

    @Override
    public boolean nextPosition() {
      if (at + 2 >= offsets.length) return false;
      at += 2;
      return true;
    }

    @Override
    public int freq() {
      return offsets.length / 2;
    }

    @Override
    public BytesRef getTerm() {
      return term;
    }

    @Override
    public int startOffset() {
      return offsets[at];
    }

    @Override
    public int endOffset() {
      return offsets[at + 1];
    }
  }
}
