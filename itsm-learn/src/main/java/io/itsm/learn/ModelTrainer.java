package io.itsm.learn;

import io.itsm.core.ValidationException;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.learn.internal.TribuoLinear;
import io.itsm.rules.predict.ModelInfo;
import io.itsm.rules.predict.PastIncident;
import io.itsm.rules.predict.TriageModel;
import io.itsm.rules.predict.internal.TextFeatures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains a {@link TriageModel} from a team's labelled history, and measures it by k-fold
 * cross-validation first. The learning is Tribuo's (multinomial logistic regression by SGD with
 * AdaGrad) on tf-idf vectors of stemmed words, word pairs, character 3/4-grams and the structured
 * fields.
 *
 * <pre>{@code
 * ModelTrainer trainer = ModelTrainer.builder(TriageAttribute.CATEGORY)
 *     .knownLabels(catalogueCodes)         // unknown labels are an error listing them
 *     .build();
 * List<PastIncident> history = History.read(Path.of("past.jsonl"));
 * Evaluation e = trainer.crossValidate(history);
 * System.out.println(e.format());          // accuracy, macro-F1, per label, confusion matrix
 * TriageModel model = trainer.train(history, e);
 * model.write(Path.of("category.model"));
 * }</pre>
 *
 * <p>Tickets without a label for the target are left out. The same history, settings and clock
 * give the same model.
 *
 * <p>Immutable and thread-safe; training uses the calling thread.
 */
public final class ModelTrainer {

  /** The default number of passes over the history. */
  public static final int DEFAULT_EPOCHS = 5;

  /** The default number of cross-validation folds. */
  public static final int DEFAULT_FOLDS = 5;

  /** The default least number of tickets a feature must occur in. */
  public static final int DEFAULT_MIN_DOCUMENT_FREQUENCY = 2;

  /** The default most features a model keeps (the most frequent). */
  public static final int DEFAULT_MAX_FEATURES = 200_000;

  /** The default seed. */
  public static final long DEFAULT_SEED = 42L;

  private static final String LIBRARY = "itsm " + version();

  private final TriageAttribute target;
  private final int epochs;
  private final int folds;
  private final int minDf;
  private final int maxFeatures;
  private final long seed;
  private final Set<String> knownLabels;
  private final Clock clock;

  private ModelTrainer(Builder b) {
    this.target = b.target;
    this.epochs = b.epochs;
    this.folds = b.folds;
    this.minDf = b.minDf;
    this.maxFeatures = b.maxFeatures;
    this.seed = b.seed;
    this.knownLabels = b.knownLabels;
    this.clock = b.clock;
  }

  /**
   * Starts configuring a trainer for a target.
   *
   * @param target {@link TriageAttribute#CATEGORY}, {@link TriageAttribute#TEAM} or {@link
   *     TriageAttribute#PRIORITY}
   * @return a builder
   * @throws ValidationException if the target cannot be learned
   */
  public static Builder builder(TriageAttribute target) {
    Objects.requireNonNull(target, "target");
    if (!PastIncident.TARGETS.contains(target)) {
      throw new ValidationException(
          "target must be one of " + PastIncident.TARGETS + ", but was " + target);
    }
    return new Builder(target);
  }

  /**
   * Trains a model on the whole history.
   *
   * @param history the past incidents
   * @return the model
   * @throws ValidationException if no ticket has a label, all have the same one, or a label is
   *     not among the {@linkplain Builder#knownLabels known labels} (all such labels listed)
   */
  public TriageModel train(List<PastIncident> history) {
    return train(history, null);
  }

  /**
   * Trains a model on the whole history and records an evaluation in its header.
   *
   * @param history the past incidents
   * @param evaluation the cross-validated figures to record, or null
   * @return the model
   * @throws ValidationException as {@link #train(List)}
   */
  public TriageModel train(List<PastIncident> history, Evaluation evaluation) {
    Labelled data = labelled(history);
    Fitted fitted = fit(data.incidents, data.targets, data.labels);
    Instant now = clock.instant();
    String digest = digest(data);
    Map<String, Integer> counts = new TreeMap<>();
    for (int t : data.targets) {
      counts.merge(data.labels.get(t), 1, Integer::sum);
    }
    String id = target.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
        + sha256(digest + now).substring(0, 8);
    ModelInfo info = new ModelInfo(id, target, data.labels, now,
        TribuoLinear.describe(epochs, seed), LIBRARY, data.incidents.size(), digest, counts,
        evaluation == null ? Map.of() : evaluation.summary());
    return TriageModel.of(info, fitted.features, fitted.idf, fitted.weights.weights(),
        fitted.weights.bias());
  }

  /**
   * Measures how well a model trained like {@link #train(List)} predicts tickets it has not
   * seen: the labelled tickets are shuffled (by the seed) into {@code folds} parts; each part is
   * predicted by a model trained on the others (vocabulary and idf included).
   *
   * @param history the past incidents
   * @return the pooled figures
   * @throws ValidationException as {@link #train(List)}, or if there are fewer labelled tickets
   *     than folds
   */
  public Evaluation crossValidate(List<PastIncident> history) {
    Labelled data = labelled(history);
    int n = data.incidents.size();
    if (n < folds) {
      throw new ValidationException("cross-validation needs at least " + folds
          + " labelled tickets (one per fold), but the history has " + n
          + "; use fewer folds");
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int c = data.labels.size();
    int[][] confusion = new int[c][c];
    for (int fold = 0; fold < folds; fold++) {
      List<PastIncident> train = new ArrayList<>();
      List<Integer> trainTargets = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        int i = order[k];
        if (k % folds == fold) {
          test.add(i);
        } else {
          train.add(data.incidents.get(i));
          trainTargets.add(data.targets[i]);
        }
      }
      int[] tt = trainTargets.stream().mapToInt(Integer::intValue).toArray();
      Fitted fitted = fit(train, tt, data.labels);
      Map<String, Integer> vocabulary = vocabulary(fitted.features);
      for (int i : test) {
        TextFeatures.Vector v = TextFeatures.vector(
            TextFeatures.extract(data.incidents.get(i).ticket()), vocabulary, fitted.idf);
        confusion[data.targets[i]][argmax(v, fitted.weights, c)]++;
      }
    }
    return evaluation(confusion, data.labels, n);
  }

  private Evaluation evaluation(int[][] confusion, List<String> labels, int n) {
    int c = labels.size();
    int right = 0;
    int majority = 0;
    double f1Sum = 0;
    List<Evaluation.LabelMetrics> per = new ArrayList<>();
    for (int k = 0; k < c; k++) {
      right += confusion[k][k];
      int support = 0;
      int predicted = 0;
      for (int j = 0; j < c; j++) {
        support += confusion[k][j];
        predicted += confusion[j][k];
      }
      majority = Math.max(majority, support);
      double p = predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
      double rc = support == 0 ? 0 : (double) confusion[k][k] / support;
      double f1 = p + rc == 0 ? 0 : 2 * p * rc / (p + rc);
      f1Sum += f1;
      per.add(new Evaluation.LabelMetrics(labels.get(k), p, rc, f1, support));
    }
    return new Evaluation(folds, n, (double) right / n, f1Sum / c, (double) majority / n, per,
        labels, confusion);
  }

  private static int argmax(TextFeatures.Vector v, TribuoLinear.Weights w, int c) {
    double[] s = new double[c];
    for (int k = 0; k < c; k++) {
      s[k] = w.bias()[k];
    }
    for (int i = 0; i < v.features().length; i++) {
      int base = v.features()[i] * c;
      for (int k = 0; k < c; k++) {
        s[k] += v.values()[i] * w.weights()[base + k];
      }
    }
    int best = 0;
    for (int k = 1; k < c; k++) {
      if (s[k] > s[best]) {
        best = k;
      }
    }
    return best;
  }

  private record Labelled(List<PastIncident> incidents, int[] targets, List<String> labels) {}

  private record Fitted(List<String> features, float[] idf, TribuoLinear.Weights weights) {}

  private Labelled labelled(List<PastIncident> history) {
    Objects.requireNonNull(history, "history");
    List<PastIncident> with = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    for (PastIncident p : history) {
      p.label(target).ifPresent(l -> {
        with.add(p);
        raw.add(l);
      });
    }
    String name = target.name().toLowerCase(java.util.Locale.ROOT);
    if (with.isEmpty()) {
      throw new ValidationException("the history has no ticket with a " + name + " label ("
          + history.size() + " tickets read); give each past ticket its \"" + name + "\"");
    }
    Set<String> distinct = new TreeSet<>(raw);
    if (distinct.size() < 2) {
      throw new ValidationException("a model needs at least two different " + name
          + " labels, but all " + with.size() + " labelled tickets have '"
          + distinct.iterator().next() + "'");
    }
    if (knownLabels != null) {
      Set<String> unknown = new TreeSet<>(distinct);
      unknown.removeAll(knownLabels);
      if (!unknown.isEmpty()) {
        throw new ValidationException("the history has " + name + " labels the catalogue does"
            + " not know: " + unknown + " (known: " + new TreeSet<>(knownLabels)
            + "); fix the history, add them to the catalogue, or allow them"
            + " (itsm learn --add-to-catalogue)");
      }
    }
    List<String> labels = List.copyOf(distinct);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
    }
    int[] targets = raw.stream().mapToInt(index::get).toArray();
    return new Labelled(List.copyOf(with), targets, labels);
  }

  private Fitted fit(List<PastIncident> incidents, int[] targets, List<String> labels) {
    List<TextFeatures.Extracted> extracted = new ArrayList<>(incidents.size());
    Map<String, Integer> df = new HashMap<>();
    for (PastIncident p : incidents) {
      TextFeatures.Extracted x = TextFeatures.extract(p.ticket());
      extracted.add(x);
      for (String k : x.keys()) {
        df.merge(k, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> kept = new ArrayList<>();
    for (Map.Entry<String, Integer> e : df.entrySet()) {
      if (e.getValue() >= minDf) {
        kept.add(e);
      }
    }
    kept.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    if (kept.size() > maxFeatures) {
      kept = kept.subList(0, maxFeatures);
    }
    List<String> features = new ArrayList<>(kept.size());
    float[] idf = new float[kept.size()];
    int n = incidents.size();
    for (int i = 0; i < kept.size(); i++) {
      features.add(kept.get(i).getKey());
      idf[i] = (float) (Math.log((1.0 + n) / (1.0 + kept.get(i).getValue())) + 1);
    }
    Map<String, Integer> vocabulary = vocabulary(features);
    List<TextFeatures.Vector> vectors = new ArrayList<>(n);
    for (TextFeatures.Extracted x : extracted) {
      vectors.add(TextFeatures.vector(x, vocabulary, idf));
    }
    TribuoLinear.Weights w = TribuoLinear.train(vectors, targets, features, labels, epochs, seed);
    return new Fitted(features, idf, w);
  }

  private static Map<String, Integer> vocabulary(List<String> features) {
    Map<String, Integer> v = new HashMap<>(features.size() * 2);
    for (int i = 0; i < features.size(); i++) {
      v.put(features.get(i), i);
    }
    return v;
  }

  private String digest(Labelled data) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ItsmJson json = ItsmJson.defaults();
      for (int i = 0; i < data.incidents.size(); i++) {
        md.update(json.writeTicket(data.incidents.get(i).ticket()).getBytes(StandardCharsets.UTF_8));
        md.update(("\t" + data.labels.get(data.targets[i]) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String version() {
    String v = ModelTrainer.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  /**
   * Configures a {@link ModelTrainer}.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private final TriageAttribute target;
    private int epochs = DEFAULT_EPOCHS;
    private int folds = DEFAULT_FOLDS;
    private int minDf = DEFAULT_MIN_DOCUMENT_FREQUENCY;
    private int maxFeatures = DEFAULT_MAX_FEATURES;
    private long seed = DEFAULT_SEED;
    private Set<String> knownLabels;
    private Clock clock = Clock.systemUTC();

    private Builder(TriageAttribute target) {
      this.target = target;
    }

    /**
     * Sets the passes over the history.
     *
     * @param epochs at least 1; default {@value #DEFAULT_EPOCHS}
     * @return this builder
     * @throws ValidationException if {@code epochs} is less than 1
     */
    public Builder epochs(int epochs) {
      if (epochs < 1) {
        throw new ValidationException("epochs must be at least 1, but was " + epochs);
      }
      this.epochs = epochs;
      return this;
    }

    /**
     * Sets the cross-validation folds.
     *
     * @param folds at least 2; default {@value #DEFAULT_FOLDS}
     * @return this builder
     * @throws ValidationException if {@code folds} is less than 2
     */
    public Builder folds(int folds) {
      if (folds < 2) {
        throw new ValidationException("folds must be at least 2, but was " + folds);
      }
      this.folds = folds;
      return this;
    }

    /**
     * Sets in how many tickets a feature must occur to be kept.
     *
     * @param min at least 1; default {@value #DEFAULT_MIN_DOCUMENT_FREQUENCY}
     * @return this builder
     * @throws ValidationException if {@code min} is less than 1
     */
    public Builder minDocumentFrequency(int min) {
      if (min < 1) {
        throw new ValidationException("minDocumentFrequency must be at least 1, but was " + min);
      }
      this.minDf = min;
      return this;
    }

    /**
     * Sets the most features kept (the most frequent win).
     *
     * @param max at least 1; default {@value #DEFAULT_MAX_FEATURES}
     * @return this builder
     * @throws ValidationException if {@code max} is less than 1
     */
    public Builder maxFeatures(int max) {
      if (max < 1) {
        throw new ValidationException("maxFeatures must be at least 1, but was " + max);
      }
      this.maxFeatures = max;
      return this;
    }

    /**
     * Sets the seed of shuffling and training.
     *
     * @param seed the seed; default {@value #DEFAULT_SEED}
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the labels the catalogue knows (category codes, team names); a history with other
     * labels is rejected, listing them. Default: any label.
     *
     * @param labels the known labels
     * @return this builder
     */
    public Builder knownLabels(Collection<String> labels) {
      this.knownLabels = Set.copyOf(labels);
      return this;
    }

    /**
     * Sets the clock that stamps the model's training time.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the trainer.
     *
     * @return the trainer
     */
    public ModelTrainer build() {
      return new ModelTrainer(this);
    }
  }
}
