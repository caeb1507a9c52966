package org.practicefinder.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.google.gson.JsonArray;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.practicefinder.embed.Embedder;
import org.practicefinder.i18n.Texts;
import org.practicefinder.ingest.Seeds;
import org.practicefinder.ingest.Translations;
import org.practicefinder.model.Guidance;
import org.practicefinder.model.Practice;
import org.practicefinder.model.Section;
import org.practicefinder.model.Sentences;
import org.practicefinder.taxonomy.Dimension;
import org.practicefinder.taxonomy.Language;
import org.practicefinder.taxonomy.Tagger;
import org.practicefinder.taxonomy.Tagging;
import org.practicefinder.taxonomy.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Lucene index from a seeds folder (the manual's text and practices added as JSON files,
 * see {@link Seeds}) and the practices' translations ({@link Translations}): one document per
 * practice, per language a field per section, a catch-all text field and a spelling field, the
 * stored record, SortedSetDocValues facets, and sentence embeddings of the English practice, of
 * each section (vector fields) and of each sentence (stored); and beside it, in {@code guidance/},
 * the manual's guidance entries ({@link GuidanceLibrary}). The index remembers a fingerprint of what it was built from (seed and
 * translation files, vocabulary, overrides, gazetteer, acronyms, server texts, embedding model,
 * schema version), so a changed input rebuilds it, and which translations it refused.
 */
public final class IndexBuilder {
  /** Bump when the document layout or the tagging changes, so old indexes rebuild. */
  static final String SCHEMA_VERSION = "9";
  static final String FINGERPRINT = "practicefinder.fingerprint";
  /** The translations refused when the index was built, as a JSON array of their messages. */
  static final String REFUSALS = "practicefinder.refusals";
  private static final List<String> RESOURCES = List.of("/vocabulary.json", "/facet-overrides.tsv", "/places.tsv",
      "/guidance-outline.tsv", "/practice.schema.json", "/acronyms.tsv", "/i18n/server_en.properties",
      "/i18n/server_ru.properties", "/i18n/server_uk.properties");
  private static final Logger LOG = LoggerFactory.getLogger(IndexBuilder.class);

  private IndexBuilder() {}

  /**
   * Makes the index at {@code indexDir} fit the seeds: verifies it (Lucene's checksums over every
   * file), and builds it if it is missing, damaged or was built from other inputs. A damaged index
   * is rebuilt from the seeds, with one log line. When the seeds cannot be indexed (not the manual,
   * not UTF-8, unreadable) and a good index built earlier is there, that index stays, with one log
   * line naming the file and what is wrong with it.
   *
   * @return true if the index was (re)built
   * @throws IOException if the seeds cannot be read or the index cannot be written, and there is no
   *     good index to keep
   * @throws org.practicefinder.ingest.ManualFormatException naming the file, if a seed file is not
   *     the manual, and there is no good index to keep
   */
  public static boolean ensure(Path seeds, Path indexDir, Embedder embedder) throws IOException {
    String stored;
    try {
      stored = verifiedFingerprint(indexDir);
    } catch (IOException | RuntimeException e) {
      LOG.warn("index {} failed verification ({}); rebuilding it from {}", indexDir, oneLine(e), seeds);
      deleteIndexFiles(indexDir);
      build(seeds, indexDir, embedder);
      return true;
    }
    try {
      if (fingerprint(seeds, embedder).equals(stored)) return false;
      build(seeds, indexDir, embedder);
      return true;
    } catch (IOException | RuntimeException e) {
      if (stored.isEmpty()) throw e;
      LOG.error("cannot index {} ({}); serving the index built from earlier seeds", seeds, oneLine(e));
      return false;
    }
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return message.replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * @return the fingerprint stored with the index, after Lucene has verified the checksum of every
   *     file of the practice index and of the guidance index beside it; "" if there is no index
   * @throws IOException (or a runtime exception from Lucene's decoders) if a file is damaged,
   *     truncated or missing
   */
  static String verifiedFingerprint(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) return "";
    String fingerprint;
    try (Directory dir = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(dir)) return "";
      fingerprint = verify(dir);
    }
    Path guidance = indexDir.resolve(GuidanceLibrary.FOLDER);
    try (Directory dir = FSDirectory.open(guidance)) {
      if (!DirectoryReader.indexExists(dir)) throw new java.nio.file.NoSuchFileException(guidance + " holds no index");
      verify(dir);
    }
    return fingerprint;
  }

  /** @return the commit's fingerprint, once every file of the index has passed its checksum */
  private static String verify(Directory dir) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) { // the commit and segment infos are checksummed as read
      for (LeafReaderContext leaf : reader.leaves()) leaf.reader().checkIntegrity(); // and here every other file
      return reader.getIndexCommit().getUserData().getOrDefault(FINGERPRINT, "");
    }
  }

  /** Removes a damaged index's files, which Lucene would otherwise try to read again when writing a new one. */
  private static void deleteIndexFiles(Path indexDir) throws IOException {
    for (Path dir : List.of(indexDir.resolve(GuidanceLibrary.FOLDER), indexDir)) {
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) Files.delete(f);
      }
    }
  }

  /**
   * Parses and tags the manual, embeds each practice and its sections, and writes the index,
   * replacing what was there.
   *
   * @return the records indexed, in manual order
   * @throws IllegalArgumentException if the seeds hold no practice
   */
  public static List<PracticeRecord> build(Path seeds, Path indexDir, Embedder embedder) throws IOException {
    Seeds loaded = Seeds.load(seeds);
    loaded.errors().forEach(e -> LOG.warn("skipped a practice file: {}", e)); // names files and fields, never user text
    List<Practice> practices = loaded.practices();
    if (practices.isEmpty()) {
      throw new IllegalArgumentException("no practices in " + seeds + ": it should hold the manual's text as .txt files"
          + " or practices as .json files");
    }
    Translations.Loaded<Practice> translations = Translations.load(seeds, practices);
    Translations.Loaded<Guidance> guidanceTranslations = Translations.loadGuidance(seeds, loaded.guidance());
    List<Translations.Refusal> refusals = new ArrayList<>(translations.refusals());
    refusals.addAll(guidanceTranslations.refusals());
    refusals.forEach(r -> LOG.warn("translation refused, served in English there: {}", r.message()));
    Vocabulary vocabulary = Vocabulary.load();
    Tagger tagger = new Tagger(vocabulary);
    List<PracticeRecord> records = new ArrayList<>();
    for (int i = 0; i < practices.size(); i++) {
      Practice p = practices.get(i);
      Tagging tagging = tagger.tag(p);
      Map<Language, PracticeRecord.Translation> translated = new EnumMap<>(Language.class);
      translations.of(p.id()).forEach((language, t) -> translated.put(language,
          new PracticeRecord.Translation(t, tagger.evidence(t, language, tagging))));
      records.add(new PracticeRecord(i, p, tagging, translated));
    }
    FacetsConfig config = Fields.facetsConfig(vocabulary.dimensions().stream().map(Dimension::id).toList());
    Files.createDirectories(indexDir);
    IndexWriterConfig iwc = new IndexWriterConfig(Fields.analyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    // Every text to embed, of every practice and guidance entry, in one batch over all the embedder's threads.
    List<VectorTexts> texts = records.stream().map(r -> VectorTexts.of(r.practice())).toList();
    List<String> batch = new ArrayList<>();
    texts.forEach(t -> batch.addAll(t.all()));
    loaded.guidance().forEach(g -> batch.add(g.title() + ". " + g.body())); // seeds of JSON files alone have none
    List<float[]> vectors = embedder.passages(batch, new Progress(batch.size()));
    List<Document> docs = new ArrayList<>(); // all work that can fail comes before the old index is replaced
    int next = 0;
    for (int i = 0; i < records.size(); i++) {
      Document doc = document(records.get(i));
      texts.get(i).addTo(doc, vectors.subList(next, next += texts.get(i).all().size()));
      docs.add(config.build(doc));
    }
    List<float[]> guidanceVectors = vectors.subList(next, vectors.size());
    List<List<String>> guidanceConcepts = loaded.guidance().stream().map(g -> tagger.concepts(g.title() + "\n" + g.body())).toList();
    // guidance first: the practice index's commit, which carries the fingerprint, comes last
    GuidanceLibrary.write(indexDir, loaded.guidance(), guidanceVectors, guidanceConcepts, guidanceTranslations.byId());
    String fingerprint = fingerprint(seeds, embedder);
    try (Directory dir = FSDirectory.open(indexDir); IndexWriter writer = new IndexWriter(dir, iwc)) {
      writer.addDocuments(docs);
      JsonArray refused = new JsonArray();
      refusals.forEach(r -> refused.add(r.message()));
      writer.setLiveCommitData(Map.of(FINGERPRINT, fingerprint, REFUSALS, refused.toString()).entrySet());
      writer.commit();
    }
    return records;
  }

  /**
   * Per language: the title and each section (stored, for highlighting), a catch-all field of the
   * title, organisation, places (by their names in that language) and sections, and the same words
   * unstemmed for spelling. A language the practice has no translation in gets only its place names.
   */
  static Document document(PracticeRecord record) {
    Document doc = new Document();
    for (Language language : Language.values()) {
      Texts texts = Texts.of(language);
      StringBuilder all = new StringBuilder();
      for (String place : record.practice().locationNames()) all.append(texts.place(place)).append('\n');
      if (record.served(language) == language) {
        Practice p = record.practice(language);
        doc.add(new TextField(Fields.title(language), p.title(), Field.Store.YES));
        all.append(p.title()).append('\n').append(p.organisation());
        for (Section s : p.sections().keySet()) {
          String text = p.text(s).orElseThrow();
          doc.add(new Field(Fields.section(s, language), text, Fields.SECTION_TYPE));
          all.append('\n').append(text);
        }
      }
      doc.add(new TextField(Fields.text(language), all.toString(), Field.Store.NO));
      doc.add(new TextField(Fields.spell(language), all.toString(), Field.Store.NO));
    }
    doc.add(new StoredField(Fields.RECORD, RecordCodec.encode(record)));
    java.util.Set<String> dims = new java.util.LinkedHashSet<>(Dimensions.own());
    dims.addAll(record.tagging().facets().keySet());
    for (String dim : dims) {
      for (String value : PracticeLibrary.valuesOf(record, dim)) doc.add(new SortedSetDocValuesFacetField(dim, value));
    }
    return doc;
  }

  /**
   * What gets an embedding in a practice: one L2-normalised vector per unit, the practice (title,
   * challenge, action) and each section, in vector fields (DOT_PRODUCT); and one per sentence, stored,
   * for sentence-level matching.
   *
   * @param units unit name → its text, the practice first
   */
  private record VectorTexts(Map<String, String> units, List<String> sentences) {
    static VectorTexts of(Practice p) {
      Map<String, String> units = new LinkedHashMap<>();
      units.put(Fields.PRACTICE_UNIT, p.title() + ". " + p.text(Section.CHALLENGE).orElse("") + " " + p.text(Section.ACTION).orElse(""));
      for (Section s : p.sections().keySet()) {
        String text = p.text(s).orElseThrow();
        units.put(s.key(), s == Section.CHALLENGE ? p.title() + ". " + text : text);
      }
      return new VectorTexts(units, Sentences.of(p, false).stream().map(Sentences.Sentence::text).toList());
    }

    /** @return the units' texts, then the sentences: the order {@link #addTo} takes their vectors in */
    List<String> all() {
      List<String> out = new ArrayList<>(units.values());
      out.addAll(sentences);
      return out;
    }

    void addTo(Document doc, List<float[]> vectors) {
      int i = 0;
      for (String unit : units.keySet()) {
        doc.add(new KnnFloatVectorField(Fields.vector(unit), vectors.get(i++), VectorSimilarityFunction.DOT_PRODUCT));
      }
      doc.add(new StoredField(Fields.SENTENCE_VECTORS, VectorCodec.encode(vectors.subList(i, vectors.size()))));
    }
  }

  /** One log line per tenth of the texts embedded, so a first start that builds the index is not silent. */
  private static final class Progress implements java.util.function.IntConsumer {
    private final int total;
    private final long start = System.nanoTime();
    private int logged;

    Progress(int total) {
      this.total = total;
      LOG.info("building the index: embedding {} texts (practices, sections, sentences, guidance)", total);
    }

    @Override
    public synchronized void accept(int done) { // in order, whichever thread comes first
      int tenth = done * 10 / total;
      if (tenth > logged) {
        logged = tenth;
        LOG.info("building the index: {} of {} texts embedded, {} s", done, total,
            String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
      }
    }
  }

  /** @return SHA-256 over the seed files (.txt and top-level .json: names and bytes), the taxonomy and format resources, the embedding model and the schema version */
  public static String fingerprint(Path seeds, Embedder embedder) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JVM has SHA-256
    }
    sha.update((SCHEMA_VERSION + embedder.id()).getBytes(StandardCharsets.UTF_8));
    List<Path> files = new ArrayList<>(Seeds.inputFiles(seeds));
    files.addAll(Translations.files(seeds));
    for (Path f : files) {
      sha.update(seeds.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
      sha.update(Files.readAllBytes(f));
    }
    for (String resource : RESOURCES) {
      try (InputStream in = IndexBuilder.class.getResourceAsStream(resource)) {
        if (in != null) sha.update(in.readAllBytes());
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
