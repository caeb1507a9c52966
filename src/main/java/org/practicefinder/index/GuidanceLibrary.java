package org.practicefinder.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
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
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.practicefinder.model.Guidance;
import org.practicefinder.taxonomy.Language;

/**
 * The manual's guidance entries as an opened Lucene index ({@code guidance/} inside the practice
 * index folder, built with it): one document per entry with its id, kind and concepts (named in its
 * English text) as keywords; per language it is in (English, and each translation that passed the
 * checks of {@link org.practicefinder.ingest.Translations}), a title and a text field (its text, a
 * gap's Russia note, its footnotes; stored, for highlighting) analysed as that language, as the
 * practices' fields are ({@link Fields#analyzer()}); the stored entry and its translations; and an
 * L2-normalised embedding of the English title and body ({@code vec_guidance}, DOT_PRODUCT). Entries
 * in manual order. Thread-safe; close it once.
 */
public final class GuidanceLibrary implements Closeable {
  /** Field names of guidance documents; the title and text of a language are {@link #title} and {@link #text}. */
  public static final String ID = "id";
  public static final String KIND = "kind";
  /** The ids of the vocabulary concepts the entry's text names (keywords). */
  public static final String CONCEPT = "concept";
  public static final String VECTOR = "vec_guidance";
  static final String RECORD = "record";
  static final String ORDER = "order";
  private static final String CONCEPTS = "concepts";
  /** The folder inside the practice index that holds the guidance index. */
  static final String FOLDER = "guidance";

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final List<Guidance> entries;
  private final Map<String, Guidance> byId;
  private final Map<String, List<String>> concepts;
  private final Map<String, float[]> vectors;
  private final Map<String, Map<Language, Guidance>> translations;
  private final Guidance[] byDoc;

  private GuidanceLibrary(DirectoryReader reader) throws IOException {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity());
    StoredFields stored = reader.storedFields();
    Guidance[] ordered = new Guidance[reader.maxDoc()];
    String[] idOfDoc = new String[reader.maxDoc()];
    Map<String, List<String>> conceptsById = new LinkedHashMap<>();
    Map<String, Map<Language, Guidance>> translated = new LinkedHashMap<>();
    for (int d = 0; d < reader.maxDoc(); d++) {
      Document doc = stored.document(d);
      Guidance g = GuidanceCodec.decode(doc.get(RECORD));
      ordered[doc.getField(ORDER).numericValue().intValue()] = g;
      idOfDoc[d] = g.id();
      String joined = doc.get(CONCEPTS);
      conceptsById.put(g.id(), joined.isEmpty() ? List.of() : List.of(joined.split(" ")));
      Map<Language, Guidance> byLanguage = new EnumMap<>(Language.class);
      for (Language l : Language.values()) {
        String json = doc.get(record(l));
        if (l != Language.EN && json != null) byLanguage.put(l, GuidanceCodec.decode(json));
      }
      translated.put(g.id(), Collections.unmodifiableMap(byLanguage));
    }
    Map<String, float[]> vectorsById = new LinkedHashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
      if (values == null) continue; // no entries
      for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
        vectorsById.put(idOfDoc[leaf.docBase + d], values.vectorValue().clone());
      }
    }
    Map<String, Guidance> m = new LinkedHashMap<>();
    for (Guidance g : ordered) m.put(g.id(), g);
    this.byId = Collections.unmodifiableMap(m);
    this.entries = List.copyOf(m.values());
    this.concepts = Map.copyOf(conceptsById);
    this.vectors = Map.copyOf(vectorsById);
    this.translations = Map.copyOf(translated);
    this.byDoc = new Guidance[idOfDoc.length];
    for (int d = 0; d < idOfDoc.length; d++) byDoc[d] = byId.get(idOfDoc[d]);
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

  /**
   * Writes the guidance index of a practice index, replacing what was there.
   *
   * @param vectors each entry's embedding (title and {@link Guidance#body()}, L2-normalised), parallel to {@code entries}
   * @param concepts the concept ids each entry's text names, parallel to {@code entries}
   * @param translations entry id → language → the entry in that language, for those translated
   * @throws IOException if the index cannot be written
   */
  public static void write(Path practiceIndexDir, List<Guidance> entries, List<float[]> vectors, List<List<String>> concepts,
      Map<String, Map<Language, Guidance>> translations) throws IOException {
    if (vectors.size() != entries.size() || concepts.size() != entries.size()) {
      throw new IllegalArgumentException("one vector and one concept list per entry");
    }
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Guidance g = entries.get(i);
      docs.add(document(g, i, vectors.get(i), concepts.get(i), translations.getOrDefault(g.id(), Map.of())));
    }
    IndexWriterConfig config = new IndexWriterConfig(Fields.analyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (Directory dir = FSDirectory.open(practiceIndexDir.resolve(FOLDER)); IndexWriter writer = new IndexWriter(dir, config)) {
      writer.addDocuments(docs);
      writer.commit();
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

  /** @return the entry in {@code language} if it is translated into it, else in English */
  public Guidance in(Guidance g, Language language) {
    return translations.getOrDefault(g.id(), Map.of()).getOrDefault(language, g);
  }

  /** @return the language {@link #in} serves the entry in when {@code language} is asked for */
  public Language served(Guidance g, Language language) {
    return translations.getOrDefault(g.id(), Map.of()).containsKey(language) ? language : Language.EN;
  }

  /** @return the title field of a language: {@code title}, {@code title_ru}, {@code title_uk} */
  public static String title(Language language) {
    return Fields.title(language);
  }

  /** @return the text field of a language, stored: {@code text}, {@code text_ru}, {@code text_uk} */
  public static String text(Language language) {
    return Fields.text(language);
  }

  /** @return the key gaps whose example names the practice ({@link Guidance.Gap#practices()}), in manual order */
  public List<Guidance> gapsOf(String practiceId) {
    return entries.stream().filter(g -> g.gap().map(gap -> gap.practices().contains(practiceId)).orElse(false)).toList();
  }

  /** @return the ids of the vocabulary concepts the entry's text names, in vocabulary order */
  public List<String> concepts(Guidance g) {
    return concepts.getOrDefault(g.id(), List.of());
  }

  /** @return the entry's embedding (title and body, L2-normalised) */
  public float[] vector(Guidance g) {
    return vectors.get(g.id());
  }

  /** @return a BM25 searcher over each language's {@link #title} and {@link #text}; {@link #KIND}, {@link #ID} and {@link #CONCEPT} are keywords */
  public IndexSearcher searcher() {
    return searcher;
  }

  /** @return the entry a search hit's document holds */
  public Guidance entryOfDoc(int docId) {
    return byDoc[docId];
  }

  /**
   * @return the {@link #text} field of a document in {@code language} as it is indexed and stored (the
   *     entry's body and notes, a line each), from memory; "" where the entry is not translated into it
   */
  public String indexedText(int docId, Language language) {
    Guidance g = byDoc[docId];
    return language == Language.EN ? indexedText(g)
        : Optional.ofNullable(translations.get(g.id()).get(language)).map(GuidanceLibrary::indexedText).orElse("");
  }

  private static String indexedText(Guidance g) {
    List<String> text = new ArrayList<>(List.of(g.body()));
    text.addAll(g.notes());
    return String.join("\n", text);
  }

  private static Document document(Guidance g, int order, float[] vector, List<String> concepts,
      Map<Language, Guidance> translations) {
    Document doc = new Document();
    doc.add(new StringField(ID, g.id(), Field.Store.NO));
    doc.add(new StringField(KIND, g.kind().id(), Field.Store.NO));
    for (Language l : Language.values()) {
      Guidance t = l == Language.EN ? g : translations.get(l);
      if (t == null) continue;
      doc.add(new TextField(title(l), t.title(), Field.Store.NO));
      doc.add(new TextField(text(l), indexedText(t), Field.Store.YES));
      if (l != Language.EN) doc.add(new StoredField(record(l), GuidanceCodec.encode(t)));
    }
    for (String c : concepts) doc.add(new StringField(CONCEPT, c, Field.Store.NO));
    doc.add(new StoredField(CONCEPTS, String.join(" ", concepts)));
    doc.add(new StoredField(RECORD, GuidanceCodec.encode(g)));
    doc.add(new StoredField(ORDER, order));
    doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    return doc;
  }

  /** @return the stored field of an entry's translation: {@code record_ru}… */
  private static String record(Language language) {
    return RECORD + "_" + language.code();
  }

  @Override
  public void close() throws IOException {
    try (var dir = reader.directory()) {
      reader.close();
    }
  }
}
