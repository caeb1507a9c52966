package org.practicefinder.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.practicefinder.model.Guidance;

/**
 * The manual's guidance entries as an opened Lucene index ({@code guidance/} inside the practice
 * index folder, built with it): one document per entry with its id and kind as keywords, title and
 * text (title, text and notes) for BM25 with English analysis, the stored entry, and an L2-normalised
 * embedding of title and text ({@code vec_guidance}, DOT_PRODUCT). Entries in manual order.
 * Thread-safe; close it once.
 */
public final class GuidanceLibrary implements Closeable {
  /** Field names of guidance documents. */
  public static final String ID = "id";
  public static final String KIND = "kind";
  public static final String TITLE = "title";
  public static final String TEXT = "text";
  public static final String VECTOR = "vec_guidance";
  static final String RECORD = "record";
  static final String ORDER = "order";
  /** The folder inside the practice index that holds the guidance index. */
  static final String FOLDER = "guidance";

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final List<Guidance> entries;
  private final Map<String, Guidance> byId;

  private GuidanceLibrary(DirectoryReader reader) throws IOException {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity());
    StoredFields stored = reader.storedFields();
    List<Document> docs = new ArrayList<>();
    for (int d = 0; d < reader.maxDoc(); d++) docs.add(stored.document(d));
    docs.sort(Comparator.comparingInt(doc -> doc.getField(ORDER).numericValue().intValue()));
    Map<String, Guidance> m = new LinkedHashMap<>();
    for (Document doc : docs) {
      Guidance g = GuidanceCodec.decode(doc.get(RECORD));
      m.put(g.id(), g);
    }
    this.byId = java.util.Collections.unmodifiableMap(m);
    this.entries = List.copyOf(m.values());
  }

  /**
   * Opens the guidance index of a practice index built by {@link IndexBuilder}.
   *
   * @throws IOException if there is none or it cannot be read
   */
  public static GuidanceLibrary open(Path practiceIndexDir) throws IOException {
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(practiceIndexDir.resolve(FOLDER)));
    try {
      return new GuidanceLibrary(reader);
    } catch (IOException | RuntimeException e) {
      try (var dir = reader.directory()) {
        reader.close();
      }
      throw e;
    }
  }

  /** @return every entry, in manual order */
  public List<Guidance> entries() {
    return entries;
  }

  /** @return the entry with this id, or empty */
  public Optional<Guidance> entry(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** @return the entries of one kind, in manual order */
  public List<Guidance> ofKind(Guidance.Kind kind) {
    return entries.stream().filter(g -> g.kind() == kind).toList();
  }

  /** @return a BM25 searcher over {@link #TITLE} and {@link #TEXT}; {@link #KIND} and {@link #ID} are keywords */
  public IndexSearcher searcher() {
    return searcher;
  }

  /** @return the entry a search hit's document holds */
  public Guidance entryOfDoc(int docId) throws IOException {
    return GuidanceCodec.decode(reader.storedFields().document(docId).get(RECORD));
  }

  /** @return the Lucene document of one entry, with {@code vector} its embedding (title and text, L2-normalised) */
  static Document document(Guidance g, int order, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField(ID, g.id(), Field.Store.NO));
    doc.add(new StringField(KIND, g.kind().id(), Field.Store.NO));
    doc.add(new TextField(TITLE, g.title(), Field.Store.NO));
    doc.add(new TextField(TEXT, g.title() + "\n" + g.text() + "\n" + String.join("\n", g.notes()), Field.Store.NO));
    doc.add(new StoredField(RECORD, GuidanceCodec.encode(g)));
    doc.add(new StoredField(ORDER, order));
    doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    return doc;
  }

  @Override
  public void close() throws IOException {
    try (var dir = reader.directory()) {
      reader.close();
    }
  }
}
