package org.practicefinder.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import com.google.gson.JsonParser;
import org.practicefinder.embed.Embedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.practicefinder.taxonomy.Concept;
import org.practicefinder.taxonomy.Dimension;
import org.practicefinder.taxonomy.Vocabulary;

/**
 * An opened practice index: the records in manual order, a BM25 searcher, the facet state, the
 * vocabulary it was tagged with, and the manual's guidance indexed beside it ({@link #guidance()}).
 * Thread-safe; close it once.
 */
public final class PracticeLibrary implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(PracticeLibrary.class);
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final FacetsConfig facetsConfig;
  private final Vocabulary vocabulary;
  private final List<PracticeRecord> records;
  private final Map<String, PracticeRecord> byId;
  private final int[] orderByDocId;
  /** Sentence embeddings by manual order, parallel to {@code Sentences.of(practice, false)}. */
  private final List<List<float[]>> sentenceVectors;
  private final List<float[]> practiceVectors;
  private final GuidanceLibrary guidance;
  private final List<String> refusals;
  private final Dimensions registry;

  private PracticeLibrary(DirectoryReader reader, Vocabulary vocabulary, GuidanceLibrary guidance) throws IOException {
    this.reader = reader;
    this.guidance = guidance;
    List<String> refused = new ArrayList<>();
    JsonParser.parseString(reader.getIndexCommit().getUserData().getOrDefault(IndexBuilder.REFUSALS, "[]"))
        .getAsJsonArray().forEach(e -> refused.add(e.getAsString()));
    this.refusals = List.copyOf(refused);
    this.vocabulary = vocabulary;
    this.registry = new Dimensions(vocabulary);
    this.searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity());
    this.facetsConfig = Fields.facetsConfig(vocabularyDimensions(vocabulary));
    List<PracticeRecord> list = new ArrayList<>(Collections.nCopies(reader.maxDoc(), null));
    StoredFields stored = reader.storedFields();
    int[] orders = new int[reader.maxDoc()];
    List<List<float[]>> sentences = new ArrayList<>(Collections.nCopies(reader.maxDoc(), null));
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      var document = stored.document(doc);
      PracticeRecord r = RecordCodec.decode(document.get(Fields.RECORD));
      list.set(r.order(), r);
      orders[doc] = r.order();
      sentences.set(r.order(), VectorCodec.decode(document.getBinaryValue(Fields.SENTENCE_VECTORS)));
    }
    this.sentenceVectors = List.copyOf(sentences);
    List<float[]> practices = new ArrayList<>(Collections.nCopies(reader.maxDoc(), null));
    for (LeafReaderContext leaf : reader.leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.vector(Fields.PRACTICE_UNIT));
      for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
        practices.set(orders[leaf.docBase + d], values.vectorValue().clone());
      }
    }
    this.practiceVectors = List.copyOf(practices);
    this.records = List.copyOf(list);
    this.orderByDocId = orders;
    Map<String, PracticeRecord> m = new LinkedHashMap<>();
    records.forEach(r -> m.put(r.id(), r));
    this.byId = Collections.unmodifiableMap(m);
  }

  /**
   * Builds the index from {@code seeds} if it is missing or stale, then opens it.
   *
   * @throws IOException if the seeds or index cannot be read or written
   */
  public static PracticeLibrary open(Path seeds, Path indexDir, Embedder embedder) throws IOException {
    boolean built = IndexBuilder.ensure(seeds, indexDir, embedder);
    PracticeLibrary library = open(indexDir);
    if (!built) { // a build has said it already
      library.refusals().forEach(r -> LOG.warn("translation refused, served in English there: {}", r));
    }
    return library;
  }

  /** Opens an existing index and the guidance index in it. @throws IOException if there is none or it cannot be read */
  public static PracticeLibrary open(Path indexDir) throws IOException {
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir));
    GuidanceLibrary guidance = null;
    try {
      guidance = GuidanceLibrary.open(indexDir);
      return new PracticeLibrary(reader, Vocabulary.load(), guidance);
    } catch (IOException | RuntimeException e) {
      close(reader);
      if (guidance != null) guidance.close();
      throw e;
    }
  }

  private static void close(DirectoryReader reader) throws IOException {
    try (var dir = reader.directory()) {
      reader.close();
    }
  }

  static List<String> vocabularyDimensions(Vocabulary vocabulary) {
    return vocabulary.dimensions().stream().map(Dimension::id).toList();
  }

  /**
   * @return the fingerprint of what the index was built from (seeds, vocabulary, model…; see
   *     {@link IndexBuilder#fingerprint}), stored with it; "" for an index without one
   */
  public String fingerprint() {
    try {
      return reader.getIndexCommit().getUserData().getOrDefault(IndexBuilder.FINGERPRINT, "");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * @return the translations refused when the index was built, each naming its file, its practice or
   *     guidance entry and what is wrong ({@link org.practicefinder.ingest.Translations.Refusal#message()})
   */
  public List<String> refusals() {
    return refusals;
  }

  /** @return every practice, in manual order */
  public List<PracticeRecord> records() {
    return records;
  }

  /** @return the practice with this id (exact, case-sensitive), or empty */
  public Optional<PracticeRecord> record(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** @return the record of a Lucene document id */
  public PracticeRecord recordOfDoc(int docId) {
    return records.get(orderByDocId[docId]);
  }

  /** @return the embedding of the whole practice (title, challenge and action) */
  public float[] practiceVector(PracticeRecord record) {
    return practiceVectors.get(record.order());
  }

  /** @return the embeddings of a practice's sentences, in {@code Sentences.of(practice, false)} order */
  public List<float[]> sentenceVectors(PracticeRecord record) {
    return sentenceVectors.get(record.order());
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  /** @return the manual's guidance entries, indexed with the practices (none when the seeds hold no manual) */
  public GuidanceLibrary guidance() {
    return guidance;
  }

  public FacetsConfig facetsConfig() {
    return facetsConfig;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * @return the facet dimensions in display order: the vocabulary's (population, setting, service…),
   *     then country, location and year ({@link Dimensions})
   */
  public List<String> dimensions() {
    return registry.ids();
  }

  /** @return the registry of the facet dimensions: their order, sources and labels */
  public Dimensions registry() {
    return registry;
  }

  /** @return the values present in the library for a header dimension or year, sorted */
  public List<String> values(String dimension) {
    TreeSet<String> values = new TreeSet<>(Comparator.naturalOrder());
    for (PracticeRecord r : records) values.addAll(valuesOf(r, dimension));
    return List.copyOf(values);
  }

  /**
   * @throws IllegalArgumentException if a filter names an unknown dimension or a value the
   *     dimension does not have
   */
  public void validateFilters(Map<String, List<String>> filters) {
    List<String> dims = dimensions();
    filters.forEach((dim, values) -> {
      if (!dims.contains(dim)) throw new IllegalArgumentException("unknown facet; known: " + dims);
      List<String> known = knownValues(dim);
      for (String v : values) {
        if (!known.contains(v)) throw new IllegalArgumentException("unknown " + dim + " value; known: " + known);
      }
    });
  }

  /**
   * @return every value a filter of the dimension may take: a vocabulary dimension's concept ids in
   *     vocabulary order (those no practice has included), else the practices' values in natural order
   */
  public List<String> knownValues(String dim) {
    return vocabulary.dimension(dim)
        .map(d -> d.concepts().stream().map(Concept::id).toList())
        .orElseGet(() -> values(dim));
  }

  /** @return the practice's values of a dimension, as {@link Dimensions#values} */
  public static List<String> valuesOf(PracticeRecord record, String dimension) {
    return Dimensions.values(record, dimension);
  }

  /** @return the practices whose {@code dimension} has {@code value} (a concept, country or place), in manual order */
  public List<PracticeRecord> having(String dimension, String value) {
    return records.stream().filter(r -> valuesOf(r, dimension).contains(value)).toList();
  }

  /** @return true if the practice has, for every filtered dimension, at least one of its values */
  public boolean matches(PracticeRecord record, Map<String, List<String>> filters) {
    for (Map.Entry<String, List<String>> f : filters.entrySet()) {
      List<String> have = valuesOf(record, f.getKey());
      if (f.getValue().stream().noneMatch(have::contains)) return false;
    }
    return true;
  }

  /** Closes the readers and their directories, the guidance's too. */
  @Override
  public void close() throws IOException {
    try (guidance) {
      close(reader);
    }
  }
}
