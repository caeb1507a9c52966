package org.practicefinder.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.practicefinder.embed.Embedder;
import org.practicefinder.embed.EmbeddingModelChoice;
import org.practicefinder.eval.Figures;
import org.practicefinder.index.IndexBuilder;
import org.practicefinder.index.PracticeLibrary;
import org.practicefinder.index.PracticeRecord;
import org.practicefinder.ingest.ManualParser;
import org.practicefinder.ingest.PracticeFile;
import org.practicefinder.ingest.Seeds;
import org.practicefinder.model.Practice;
import org.practicefinder.opendata.PracticeJson;
import org.practicefinder.model.Sentences;
import org.practicefinder.recommend.Evaluation;
import org.practicefinder.recommend.Recommender;
import org.practicefinder.search.PracticeSearcher;
import org.practicefinder.search.SearchRequest;
import org.practicefinder.search.SearchResult;
import org.practicefinder.search.WordLists;
import org.practicefinder.taxonomy.ConceptDetector;
import org.practicefinder.taxonomy.FacetEvaluation;
import org.practicefinder.taxonomy.Language;
import org.practicefinder.taxonomy.Vocabulary;
import org.practicefinder.taxonomy.VocabularyAudit;
import org.practicefinder.web.ApiServer;
import org.practicefinder.web.Generations;
import org.practicefinder.web.LibraryGeneration;
import org.practicefinder.web.ServerConfig;
import org.practicefinder.web.SiteSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Command line: {@code serve} (the default), {@code index}, {@code validate}, {@code search}, {@code recommend},
 * {@code export}, {@code eval}, {@code bench}, {@code vocabulary-audit}; {@code --help} on each. A failure is
 * one {@code error:} line and exit code 1.
 */
@Command(name = "practice-finder", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Main.Version.class,
    description = "Practice Finder: good practices for HIV/STI, health and rights programmes with sex workers.",
    subcommands = {Main.Serve.class, Main.Index.class, Main.Validate.class, Main.Search.class, Main.Recommend.class,
        Main.Export.class, Main.Eval.class, Main.Bench.class, Main.AuditVocabulary.class})
public final class Main implements Callable<Integer> {
  /** {@code --version}: the project's version, from the pom.properties Maven puts in the jar ("unknown" outside a jar). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws java.io.IOException {
      java.util.Properties pom = new java.util.Properties();
      try (java.io.InputStream in = Main.class.getResourceAsStream("/META-INF/maven/org.practicefinder/practice-finder/pom.properties")) {
        if (in != null) pom.load(in);
      }
      return new String[] {"Practice Finder " + pom.getProperty("version", "unknown")};
    }
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    // A bad file or input is a message and exit code 1, not a stack trace.
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      String message = e instanceof java.nio.file.NoSuchFileException ? "no such file or folder: " + e.getMessage()
          : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      commandLine.getErr().println("error: " + message);
      return 1;
    });
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    return serveWithDefaults().call();
  }

  /** No command: {@code serve} with its options' defaults, applied by parsing (a bare {@code new Serve()} has none). */
  static Serve serveWithDefaults() {
    return CommandLine.populateCommand(new Serve());
  }

  /** Where the manual and the index live, and the embedding model. */
  static final class Paths {
    @Option(names = "--seeds", description = "folder with the manual's text (default: ${DEFAULT-VALUE})", defaultValue = "seeds")
    Path seeds = Path.of("seeds");

    @Option(names = "--index", description = "index folder (default: ${DEFAULT-VALUE})", defaultValue = "index")
    Path index = Path.of("index");

    @Option(names = "--model", description = "sentence-embedding model: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})",
        defaultValue = "BGE_SMALL_EN_V15")
    EmbeddingModelChoice model = EmbeddingModelChoice.BGE_SMALL_EN_V15;

    private Embedder embedder;

    Embedder embedder() {
      if (embedder == null) embedder = model.load();
      return embedder;
    }

    PracticeLibrary open() throws Exception {
      return PracticeLibrary.open(seeds, index, embedder());
    }

    /** The library for commands that answer queries: as a warm server answers (spelling dictionaries loaded). */
    PracticeLibrary openForQueries() throws Exception {
      PracticeLibrary library = open();
      WordLists.loaded().join();
      return library;
    }

    Recommender recommender(PracticeLibrary library) {
      return Recommender.create(library, new ConceptDetector(library.vocabulary()), embedder());
    }
  }

  @Command(name = "serve", description = "Serve the page and the JSON API (builds the index if missing, stale or damaged).")
  static final class Serve implements Callable<Integer> {
    /** Seconds a stop may take beyond its timeout (closing the library) before the watchdog ends the process. */
    static final int STOP_GRACE_SECONDS = 5;

    @CommandLine.Mixin Paths paths = new Paths();

    @Option(names = "--port", description = "port (default: $PORT, else 4567)")
    Integer port;

    @Option(names = "--cors-origins", description = "origins whose pages may call the API and load the widget, "
        + "comma-separated, or * for any (default: $CORS_ORIGINS, else *)")
    String corsOrigins;

    @Option(names = "--frame-ancestors", description = "sites that may frame /embed, as CSP frame-ancestors sources, "
        + "comma-separated (default: $FRAME_ANCESTORS, else *); the rest of the site is never framed")
    String frameAncestors;

    @Option(names = "--exit-url", description = "where the page's \"Leave this site quickly\" goes, a neutral site "
        + "(default: $EXIT_URL, else " + SiteSettings.DEFAULT_EXIT_URL + ")")
    String exitUrl;

    @Option(names = "--idle-timeout", defaultValue = "10", description = "seconds a connection may send nothing (default: ${DEFAULT-VALUE})")
    int idleSeconds;

    @Option(names = "--body-timeout", defaultValue = "10", description = "seconds a request body may take to arrive (default: ${DEFAULT-VALUE})")
    int bodySeconds;

    @Option(names = "--no-watch", description = "do not reload when the seeds folder changes (POST /api/admin/reload "
        + "with the token of $" + ApiServer.RELOAD_TOKEN + " still does)")
    boolean noWatch;

    @Option(names = "--stop-timeout", defaultValue = "10",
        description = "seconds a stop (SIGTERM) waits for requests in flight (default: ${DEFAULT-VALUE})")
    int stopSeconds;

    /**
     * @return the options, else the environment ({@code PORT}, {@code CORS_ORIGINS}, {@code FRAME_ANCESTORS},
     *     {@code EXIT_URL}), else the defaults
     * @throws IllegalArgumentException if {@code PORT} is not a number, or a setting or timeout is invalid
     */
    ServerConfig config() {
      int p;
      try {
        p = port != null ? port : Integer.parseInt(System.getenv().getOrDefault("PORT", "4567").trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("PORT must be a number");
      }
      SiteSettings settings = SiteSettings.parse(corsOrigins != null ? corsOrigins : System.getenv("CORS_ORIGINS"),
          frameAncestors != null ? frameAncestors : System.getenv("FRAME_ANCESTORS"),
          exitUrl != null ? exitUrl : System.getenv("EXIT_URL"));
      return ServerConfig.defaults(p)
          .withTimeouts(Duration.ofSeconds(idleSeconds), Duration.ofSeconds(bodySeconds), Duration.ofSeconds(stopSeconds))
          .withSite(settings);
    }

    @Override
    public Integer call() throws Exception {
      ServerConfig config = config();
      PracticeLibrary library = paths.open();
      Generations generations = Generations.reloading(LibraryGeneration.owning(library, paths.embedder()), paths.seeds, paths.index,
          paths.embedder());
      ApiServer server = new ApiServer(generations, config, System.getenv(ApiServer.RELOAD_TOKEN), // unset or blank: no reload route
          noWatch || !Files.isDirectory(paths.seeds) ? null : paths.seeds); // no seeds: an index built earlier serves
      String hung = "Practice Finder: the stop did not finish within " + (stopSeconds + STOP_GRACE_SECONDS) + " s; exiting";
      StopWatchdog watchdog = new StopWatchdog(Duration.ofSeconds(stopSeconds + STOP_GRACE_SECONDS), () -> {
        System.out.println(hung);
        Runtime.getRuntime().halt(1);
      });
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        watchdog.arm();
        boolean clean;
        try {
          clean = server.stop();
        } catch (RuntimeException | LinkageError e) { // LinkageError: the jar replaced under the process
          clean = false;
        }
        try {
          generations.close();
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
          // exiting anyway; the index is only read
        }
        watchdog.disarm();
        System.out.println(clean ? "Practice Finder: stopped" : "Practice Finder: stopped, cutting requests still running after "
            + stopSeconds + " s");
        // After SIGTERM the JVM would exit with 143; a stop that finished every request in flight is a clean exit.
        Runtime.getRuntime().halt(clean ? 0 : 1);
      }, "graceful-stop"));
      System.out.printf("Practice Finder: %d practices at http://localhost:%d/%n", library.records().size(), server.port());
      // the model and the recommender are made in the background: one that cannot be made stops the server here
      paths.embedder().query("ready");
      generations.with(LibraryGeneration::recommender);
      Thread.currentThread().join();
      return 0;
    }
  }

  @Command(name = "index", description = "Rebuild the index from the manual.")
  static final class Index implements Callable<Integer> {
    @CommandLine.Mixin Paths paths = new Paths();

    @Override
    public Integer call() throws Exception {
      List<PracticeRecord> records = IndexBuilder.build(paths.seeds, paths.index, paths.embedder());
      System.out.printf("indexed %d practices into %s%n", records.size(), paths.index);
      return 0;
    }
  }

  @Command(name = "validate", description = "Check practice files against the format (practice.schema.json) and the "
      + "library's ids, without building the index or starting the server. Exit code 1 if a file would be skipped.")
  static final class Validate implements Callable<Integer> {
    @Option(names = "--seeds", description = "folder with the manual's text, whose ids are taken (default: ${DEFAULT-VALUE})",
        defaultValue = "seeds")
    Path seeds = Path.of("seeds");

    @Parameters(arity = "0..*", description = "practice files (default: the *.json files at the top of --seeds)")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
      Set<String> taken = new java.util.HashSet<>();
      new ManualParser().parseFolder(seeds).forEach(p -> taken.add(p.id()));
      List<Path> toCheck = files != null ? files
          : Seeds.inputFiles(seeds).stream().filter(f -> f.toString().endsWith(".json")).toList();
      PracticeFile reader = new PracticeFile();
      int bad = 0;
      for (Path file : toCheck) {
        PracticeFile.Result r = reader.read(file, taken);
        if (r.ok()) {
          System.out.printf("ok: %s (%d practices: %s)%n", file, r.practices().size(),
              String.join(", ", r.practices().stream().map(Practice::id).toList()));
          r.practices().forEach(p -> taken.add(p.id()));
        } else {
          bad++;
          r.errors().forEach(e -> System.out.println("error: " + e));
        }
      }
      if (toCheck.isEmpty()) System.out.println("no practice files in " + seeds);
      return bad == 0 ? 0 : 1;
    }
  }

  @Command(name = "search", description = "Search the practices (BM25) and print the hits.")
  static final class Search implements Callable<Integer> {
    @CommandLine.Mixin Paths paths = new Paths();

    @Parameters(index = "0", description = "query text")
    String query;

    @Option(names = "--size", defaultValue = "10")
    int size;

    @Override
    public Integer call() throws Exception {
      try (PracticeLibrary library = paths.openForQueries()) {
        PracticeSearcher searcher = new PracticeSearcher(library, new ConceptDetector(library.vocabulary()));
        SearchResult r = searcher.search(new SearchRequest(query, java.util.Map.of(), 1, size));
        System.out.printf("%d practices%n", r.total());
        for (SearchResult.Hit h : r.hits()) {
          System.out.printf("%-7s %6.3f  %s%n", h.id(), h.score(), library.record(h.id()).orElseThrow().practice().title());
        }
      }
      return 0;
    }
  }

  @Command(name = "recommend", description = "Print the practices that fit a described challenge, with the reason, and the "
      + "key gaps and key elements of the manual it is about.")
  static final class Recommend implements Callable<Integer> {
    @CommandLine.Mixin Paths paths = new Paths();

    @Parameters(index = "0", description = "the challenge, in English, Russian or Ukrainian")
    String challenge;

    @Option(names = "--size", defaultValue = "5")
    int size;

    @Override
    public Integer call() throws Exception {
      try (PracticeLibrary library = paths.openForQueries()) {
        Recommender recommender = paths.recommender(library);
        Recommender.Request request = new Recommender.Request(challenge, java.util.Map.of(), size, java.util.Set.of(), Language.EN);
        Recommender.Result result = recommender.recommend(request);
        for (Recommender.Recommendation r : result.recommendations()) {
          System.out.printf("%-7s %.3f  %s%n        %s%n", r.id(), r.score(), library.record(r.id()).orElseThrow().practice().title(), r.why());
        }
        for (var m : result.guidance()) { // the key gaps and key elements it is about
          System.out.printf(Locale.ROOT, "guidance: %s (meaning z %.2f)  %s%n", m.entry().id(), m.meaning(), m.entry().title());
        }
      }
      return 0;
    }
  }

  @Command(name = "export", description = "Print every practice in the data format of practice.schema.json (with its "
      + "computed facets and evidence); a file of it placed in seeds/ reads back unchanged.")
  static final class Export implements Callable<Integer> {
    @CommandLine.Mixin Paths paths = new Paths();

    @Override
    public Integer call() throws Exception {
      try (PracticeLibrary library = paths.open()) {
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        out.println(PracticeJson.write(library.records()));
      }
      return 0;
    }
  }

  @Command(name = "eval", description = "Measure on judged sets: challenges-*.json (recommender: nDCG@5, Recall@5, "
      + "MRR@10 per set and language, each signal, the fusion and the fusion refitted leave-one-out) or facets-*.json "
      + "(tagging: precision, recall, F1 per dimension); optionally compare with, or record, the expected figures.")
  static final class Eval implements Callable<Integer> {
    @CommandLine.Mixin Paths paths = new Paths();

    @Parameters(arity = "1..*", description = "judged sets, e.g. ../shared/eval/facets-dev.json ../shared/eval/challenges-dev.json "
        + "../shared/eval/challenges-dev-variants.json")
    List<Path> files;

    @Option(names = "--errors", description = "also list each practice's tagging differences and each challenge's judged practices missing from the fused top 5")
    boolean errors;

    @Option(names = "--fit", description = "also fit the fusion weights on the original challenges (coordinate ascent on "
        + "nDCG@5 + Recall@5) and print them, with the figures of the fusion with them (fused-refit)")
    boolean fit;

    @Option(names = "--expect", paramLabel = "FILE", description = "compare with the expected figures in FILE; exit code 1, "
        + "with the differences, when a figure is off by more than the file's tolerance, missing or new")
    Path expect;

    @Option(names = "--record", paramLabel = "FILE", description = "write the measured figures to FILE as the expected ones")
    Path record;

    @Override
    public Integer call() throws Exception {
      Figures expected = expect == null ? null : Figures.read(expect); // a bad file fails before the long run
      List<Figures.Figure> measured = new java.util.ArrayList<>();
      List<Evaluation.JudgedSet> sets = new java.util.ArrayList<>();
      Evaluation.Refit refit = null;
      try (PracticeLibrary library = paths.openForQueries()) {
        for (Path file : files) {
          if (Files.readString(file).contains("\"queries\"")) {
            sets.add(Evaluation.load(file));
            continue;
          }
          var rows = FacetEvaluation.run(FacetEvaluation.load(file), id -> assigned(library, id), library.vocabulary());
          measured.addAll(FacetEvaluation.figures(file.getFileName().toString().replaceFirst("\\.json$", ""), rows));
          if (errors) rows.forEach(r -> r.errors().forEach(e -> System.out.println("  " + r.dimension() + ": " + e)));
        }
        if (!sets.isEmpty()) {
          Recommender recommender = paths.recommender(library);
          measured.addAll(Evaluation.run(recommender, sets));
          if (errors) {
            sets.forEach(s -> Evaluation.misses(recommender, s.queries()).forEach(line -> System.out.println("  " + line)));
          }
          if (fit) refit = Evaluation.refit(recommender, sets);
        }
      }
      Figures figures = new Figures(measured, expected == null ? Figures.DEFAULT_TOLERANCE : expected.tolerance());
      System.out.print(figures.markdown());
      if (!sets.isEmpty()) {
        System.out.println("fused: the weights of fusion-weights.properties, fitted on the original challenges (in-sample for them).");
      }
      if (measured.stream().anyMatch(f -> f.system().equals("fused-loo"))) {
        System.out.println("fused-loo: each need ranked with weights refitted without it (leave-one-out; design choices not refitted).");
      }
      if (refit != null) {
        System.out.println("\nfitted weights (fusion-weights.properties):");
        refit.weights().forEach((signal, w) -> System.out.println(signal + "=" + w));
        System.out.print("\n" + new Figures(refit.figures(), figures.tolerance()).markdown());
      }
      if (record != null) {
        figures.write(record, "Expected figures of `eval` on the development sets; the README's quality tables are these.\n"
            + "Check: java -jar target/practice-finder.jar eval --expect " + record + " "
            + String.join(" ", files.stream().map(Path::toString).toList()) + "\n"
            + "Model " + paths.model.id() + ". Record anew (--record) only for a deliberate change, and say why in the commit.\n"
            + "tolerance: the largest difference that passes. Runs on one machine repeat exactly; it absorbs rounding and\n"
            + "floating-point differences between machines. One judged practice entering or leaving a top 5 moves the\n"
            + "Recall@5 of a 22-challenge group by 0.005 or more.");
        System.out.println("recorded " + figures.figures().size() + " figures in " + record);
      }
      if (expected == null) return 0;
      List<String> differences = expected.compare(figures);
      differences.forEach(d -> System.out.println("DIFFERS " + d));
      System.out.printf(Locale.ROOT, "%d differences from the %d expected figures of %s (tolerance %s)%n", differences.size(),
          expected.figures().size(), expect, expected.tolerance());
      return differences.isEmpty() ? 0 : 1;
    }

    private static Map<String, Set<String>> assigned(PracticeLibrary library, String id) {
      Map<String, Set<String>> out = new HashMap<>();
      library.record(id).ifPresent(r -> r.tagging().facets().forEach((dim, ids) -> out.put(dim, Set.copyOf(ids))));
      return out;
    }
  }

  @Command(name = "vocabulary-audit", description = "List the vocabulary's terms that judged challenges contain and "
      + "neither the manual nor the reference texts do, with their recorded sources; exit code 1 if one has none.")
  static final class AuditVocabulary implements Callable<Integer> {
    @Option(names = "--seeds", description = "folder with the manual's text (default: ${DEFAULT-VALUE})", defaultValue = "seeds")
    Path seeds = Path.of("seeds");

    @Option(names = "--reference", paramLabel = "FILE", description = "another text the field's terms come from, e.g. ../shared/TAXONOMY.md")
    List<Path> reference = List.of();

    @Parameters(arity = "1..*", description = "judged challenge sets, e.g. ../shared/eval/challenges-dev.json")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
      List<String> texts = new java.util.ArrayList<>();
      try (var manual = Files.list(seeds)) {
        for (Path p : manual.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) texts.add(Files.readString(p));
      }
      for (Path p : reference) texts.add(Files.readString(p));
      Map<String, String> challenges = new java.util.LinkedHashMap<>();
      for (Path f : files) Evaluation.load(f).queries().forEach(q -> challenges.put(q.id(), q.challenge()));
      int unsourced = 0;
      for (VocabularyAudit.Finding f : VocabularyAudit.run(Vocabulary.load(), texts, challenges)) {
        if (f.source().isEmpty()) unsourced++;
        System.out.printf("%s %s '%s' in %s: %s%n", f.concept().id(), f.language().code(), f.term(),
            String.join(" ", f.challenges()), f.source().orElse("NO SOURCE"));
      }
      System.out.println(unsourced + " without a source");
      return unsourced == 0 ? 0 : 1;
    }
  }

  @Command(name = "bench", description = "Recommend latency for warm, uncached challenges: p50 and p99 in ms; "
      + "with --model-only, the embedding model's own rate. bench/run drives the server itself.")
  static final class Bench implements Callable<Integer> {
    @CommandLine.Mixin Paths paths = new Paths();

    @Option(names = "--warmup", defaultValue = "200", description = "challenges run first and not measured (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--model-only", description = "measure the embedding model alone: distinct sentences of the manual "
        + "embedded as challenges by --threads callers for --seconds, as embeddings/s with p50 and p99")
    boolean modelOnly;

    @Option(names = "--threads", defaultValue = "2", description = "callers at once with --model-only (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--seconds", defaultValue = "10", description = "how long --model-only measures (default: ${DEFAULT-VALUE})")
    int seconds;

    @Override
    public Integer call() throws Exception {
      if (modelOnly) return modelOnly();
      try (PracticeLibrary library = paths.openForQueries()) {
        Recommender recommender = paths.recommender(library);
        // Every sentence of the manual is a distinct challenge: nothing is answered from a cache.
        List<String> challenges = new java.util.ArrayList<>();
        for (PracticeRecord r : library.records()) {
          Sentences.of(r.practice(), false).forEach(s -> challenges.add(s.text()));
        }
        java.util.Collections.shuffle(challenges, new java.util.Random(42));
        if (warmup < 0 || warmup >= challenges.size() - 10) {
          throw new IllegalArgumentException("--warmup must be between 0 and " + (challenges.size() - 11));
        }
        long[] nanos = new long[challenges.size() - warmup];
        for (int i = 0; i < challenges.size(); i++) {
          long t = System.nanoTime();
          recommender.recommend(Recommender.Request.of(challenges.get(i)));
          if (i >= warmup) nanos[i - warmup] = System.nanoTime() - t;
        }
        long[] embed = new long[nanos.length];
        for (int i = warmup; i < challenges.size(); i++) {
          long t = System.nanoTime();
          paths.embedder().query(challenges.get(i));
          embed[i - warmup] = System.nanoTime() - t;
        }
        System.out.printf(Locale.ROOT, "%d challenges after %d warm-up, model %s%n", nanos.length, warmup, paths.model.id());
        System.out.println("recommend (all signals, explanations): " + percentiles(nanos));
        System.out.println("of which the challenge embedding:      " + percentiles(embed));
      }
      return 0;
    }

    /**
     * The model's own rate, the yardstick of recommend: {@code threads} callers embed distinct sentences
     * of the manual as challenges (each is new, as in a cold recommend) after a warm-up of two seconds.
     * Prints one line, {@code model: N embeddings/s, p50 …, p99 …, CPU … ms per embedding}.
     */
    private int modelOnly() throws Exception {
      if (threads < 1 || seconds < 1) throw new IllegalArgumentException("--threads and --seconds must be 1 or more");
      List<String> sentences = new java.util.ArrayList<>();
      try (PracticeLibrary library = paths.open()) {
        for (PracticeRecord r : library.records()) Sentences.of(r.practice(), false).forEach(s -> sentences.add(s.text()));
      }
      java.util.Collections.shuffle(sentences, new java.util.Random(7));
      Embedder embedder = paths.embedder();
      java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
      java.util.Queue<Long> nanos = new java.util.concurrent.ConcurrentLinkedQueue<>();
      long warm = System.nanoTime() + 2_000_000_000L;
      long end = warm + seconds * 1_000_000_000L;
      java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(threads);
      for (int t = 0; t < threads; t++) {
        callers.submit(() -> {
          while (System.nanoTime() < end) {
            String text = sentences.get(next.getAndIncrement() % sentences.size());
            long start = System.nanoTime();
            embedder.query(text);
            if (start >= warm) nanos.add(System.nanoTime() - start);
          }
          return null;
        });
      }
      callers.shutdown();
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      Thread.sleep(Math.max(0, (warm - System.nanoTime()) / 1_000_000));
      long cpu = os.getProcessCpuTime();
      callers.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
      cpu = os.getProcessCpuTime() - cpu; // CPU time is what a shared machine does not distort much
      long[] all = nanos.stream().mapToLong(Long::longValue).toArray();
      System.out.printf(Locale.ROOT, "model: %.1f embeddings/s, %s, CPU %.2f ms per embedding (%s, %d callers, %d s)%n",
          all.length / (double) seconds, percentiles(all), cpu / 1e6 / all.length, paths.model.id(), threads, seconds);
      return 0;
    }

    private static String percentiles(long[] nanos) {
      long[] sorted = nanos.clone();
      java.util.Arrays.sort(sorted);
      return String.format(Locale.ROOT, "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms", sorted[sorted.length / 2] / 1e6,
          sorted[sorted.length * 9 / 10] / 1e6, sorted[sorted.length * 99 / 100] / 1e6);
    }
  }
}
