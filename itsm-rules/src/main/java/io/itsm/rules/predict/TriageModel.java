package io.itsm.rules.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsm.core.ValidationException;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.rules.facts.Prediction;
import io.itsm.rules.predict.internal.TextFeatures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A linear model trained from a team's labelled history (by {@code itsm-learn}'s {@code
 * ModelTrainer}, or {@code itsm learn}) that predicts one attribute — category, team or priority
 * — of a ticket, with the words that weighed most. Give it to the engine, which turns its
 * predictions into facts for the rules:
 *
 * <pre>{@code
 * TriageModel model = TriageModel.read(Path.of("category.model"));
 * TriageEngine engine = TriageEngine.builder().model(model).build();
 * model.predict(ticket);   // Prediction[target=CATEGORY, value=network, confidence=0.91,
 *                          //   because=[vpn, tunnel], model=category-3fa2c1d0, ...]
 * }</pre>
 *
 * <p>Scoring: the ticket's features ({@code TextFeatures}: stemmed words, word pairs, character
 * 3/4-grams, structured fields; tf-idf, L2-normalized) times the weights of each label plus its
 * bias; the softmax of those scores are the confidences. The explanation sums each word's
 * contributions (its word, pair and character features) to the winning label's score and names
 * the three largest positive ones.
 *
 * <p>The file format is documented in {@code docs/learning.md#model-file}: a header in JSON
 * ({@link ModelInfo}), then the features and weights, with the SHA-256 of the weights in the
 * header; reading checks the format, the version and the digest, and loads nothing on any error
 * ({@link ModelFileException}). No Java serialization.
 *
 * <p>Immutable and thread-safe.
 */
public final class TriageModel implements Predictor {

  /** The file's first bytes. */
  public static final String MAGIC = "ITSM-TRIAGE-MODEL\n";

  /** The format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /** How many words an explanation names at most. */
  public static final int EXPLANATION_WORDS = 3;

  private static final int MAX_HEADER_BYTES = 4 << 20;
  private static final int MAX_FEATURES = 20_000_000;
  private static final int MAX_LABELS = 100_000;
  private static final long MAX_WEIGHTS = 200_000_000L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelInfo info;
  private final String[] features;
  private final TextFeatures.Vocabulary vocabulary;
  private final float[] idf;
  /** Feature-major: weights[f * labels + c]. */
  private final float[] weights;
  private final float[] bias;
  private final String[] labels;

  private TriageModel(ModelInfo info, String[] features, float[] idf, float[] weights, float[] bias) {
    this.info = info;
    this.features = features;
    this.idf = idf;
    this.weights = weights;
    this.bias = bias;
    this.labels = info.labels().toArray(new String[0]);
    this.vocabulary = new TextFeatures.Vocabulary(Arrays.asList(features));
  }

  /**
   * Assembles a model from its parts; for trainers (such as {@code itsm-learn}'s).
   *
   * @param info what the model is
   * @param features the feature names (as {@code TextFeatures} names them)
   * @param idf the inverse document frequency of each feature
   * @param weights feature-major weights: {@code weights[f * labels + c]}
   * @param bias one per label
   * @return the model
   * @throws ValidationException if the sizes do not fit or a number is not finite
   */
  public static TriageModel of(
      ModelInfo info, List<String> features, float[] idf, float[] weights, float[] bias) {
    Objects.requireNonNull(info, "info");
    String[] f = features.toArray(new String[0]);
    check(info, f.length, idf, weights, bias);
    return new TriageModel(info, f, idf.clone(), weights.clone(), bias.clone());
  }

  private static void check(ModelInfo info, int features, float[] idf, float[] weights, float[] bias) {
    int c = info.labels().size();
    if (idf.length != features || weights.length != (long) features * c || bias.length != c) {
      throw new ValidationException(
          "model parts must fit: " + features + " features and " + c + " labels need " + features
              + " idf values, " + ((long) features * c) + " weights and " + c
              + " biases, but were " + idf.length + ", " + weights.length + ", " + bias.length);
    }
    for (float[] a : List.of(idf, weights, bias)) {
      for (float x : a) {
        if (!Float.isFinite(x)) {
          throw new ValidationException("model weights must be finite, but one was " + x);
        }
      }
    }
  }

  /**
   * Returns what this model is and what it was trained on.
   *
   * @return the header
   */
  public ModelInfo info() {
    return info;
  }

  /**
   * Returns the model's id.
   *
   * @return {@code info().id()}
   */
  public String id() {
    return info.id();
  }

  /**
   * Returns what the model predicts.
   *
   * @return {@code info().target()}
   */
  public TriageAttribute target() {
    return info.target();
  }

  /**
   * Returns how many features the model knows.
   *
   * @return the count
   */
  public int featureCount() {
    return features.length;
  }

  /**
   * Predicts the best label of a ticket with its confidence and the words that weighed most.
   *
   * @param ticket the ticket
   * @return the prediction
   */
  public Prediction predictBest(Ticket ticket) {
    TextFeatures.Vector x = TextFeatures.vector(ticket, vocabulary, idf);
    double[] p = probabilities(x);
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return new Prediction(
        info.target(), labels[best], Math.min(1, Math.max(0, p[best])), because(x, best), info.id(),
        info.trainedAt());
  }

  /**
   * Predicts for a ticket: the best label, as {@link #predictBest(Ticket)}.
   *
   * @param ticket the ticket
   * @return one prediction
   */
  @Override
  public List<Prediction> predict(Ticket ticket) {
    Objects.requireNonNull(ticket, "ticket");
    return List.of(predictBest(ticket));
  }

  /**
   * Returns the confidence of every label for a ticket.
   *
   * @param ticket the ticket
   * @return label → probability, summing to 1, in the model's label order
   */
  public Map<String, Double> probabilities(Ticket ticket) {
    Objects.requireNonNull(ticket, "ticket");
    double[] p =
        probabilities(TextFeatures.vector(ticket, vocabulary, idf));
    Map<String, Double> out = new LinkedHashMap<>();
    for (int c = 0; c < p.length; c++) {
      out.put(labels[c], p[c]);
    }
    return out;
  }

  private double[] probabilities(TextFeatures.Vector x) {
    int c = labels.length;
    double[] s = new double[c];
    for (int k = 0; k < c; k++) {
      s[k] = bias[k];
    }
    int[] f = x.features();
    float[] v = x.values();
    for (int i = 0; i < f.length; i++) {
      int base = f[i] * c;
      float value = v[i];
      for (int k = 0; k < c; k++) {
        s[k] += value * weights[base + k];
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double d : s) {
      max = Math.max(max, d);
    }
    double sum = 0;
    for (int k = 0; k < c; k++) {
      s[k] = Math.exp(s[k] - max);
      sum += s[k];
    }
    for (int k = 0; k < c; k++) {
      s[k] /= sum;
    }
    return s;
  }

  private List<String> because(TextFeatures.Vector x, int label) {
    int c = labels.length;
    int words = x.words().size();
    int[] f = x.features();
    // one slot per word, then one per field feature
    double[] sum = new double[words + f.length];
    String[] fieldName = new String[f.length];
    for (int i = 0; i < f.length; i++) {
      double contribution = x.values()[i] * weights[f[i] * c + label];
      int owner = x.owners()[i];
      if (owner == TextFeatures.FIELD) {
        sum[words + i] += contribution;
        fieldName[i] = x.fieldNames()[i];
      } else {
        sum[owner] += contribution;
      }
    }
    List<String> out = new ArrayList<>(EXPLANATION_WORDS);
    boolean[] taken = new boolean[sum.length];
    while (out.size() < EXPLANATION_WORDS) {
      int best = -1;
      for (int k = 0; k < sum.length; k++) {
        if (!taken[k] && sum[k] > 0 && (best < 0 || sum[k] > sum[best])) {
          best = k;
        }
      }
      if (best < 0) {
        break;
      }
      taken[best] = true;
      String name = best < words ? x.words().get(best) : fieldName[best - words];
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ file

  /**
   * Writes the model to a file (replacing it).
   *
   * @param file the file
   * @throws UncheckedIOException if writing fails
   */
  public void write(Path file) {
    Objects.requireNonNull(file, "file");
    try (OutputStream out = Files.newOutputStream(file)) {
      write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the model to a stream in the documented format. The stream is not closed.
   *
   * @param out the stream
   * @throws UncheckedIOException if writing fails
   */
  public void write(OutputStream out) {
    Objects.requireNonNull(out, "out");
    try {
      ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
      DataOutputStream body = new DataOutputStream(bodyBytes);
      for (int i = 0; i < features.length; i++) {
        body.writeUTF(features[i]);
        body.writeFloat(idf[i]);
      }
      for (float w : weights) {
        body.writeFloat(w);
      }
      for (float b : bias) {
        body.writeFloat(b);
      }
      body.flush();
      byte[] b = bodyBytes.toByteArray();
      byte[] header = JSON.writeValueAsBytes(header(b));
      DataOutputStream data = new DataOutputStream(out);
      data.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
      data.writeInt(header.length);
      data.write(header);
      data.writeInt(features.length);
      data.write(b);
      data.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode header(byte[] body) {
    ObjectNode h = JSON.createObjectNode();
    h.put("format", "itsm-triage-model");
    h.put("formatVersion", FORMAT_VERSION);
    h.put("id", info.id());
    h.put("target", info.target().name());
    ArrayNode ls = h.putArray("labels");
    info.labels().forEach(ls::add);
    h.put("trainedAt", info.trainedAt().toString());
    h.put("trainer", info.trainer());
    h.put("library", info.library());
    ObjectNode set = h.putObject("trainingSet");
    set.put("size", info.trainingSetSize());
    set.put("sha256", info.trainingSetSha256());
    ObjectNode counts = set.putObject("labelCounts");
    new TreeMap<>(info.labelCounts()).forEach(counts::put);
    ObjectNode eval = h.putObject("evaluation");
    new TreeMap<>(info.evaluation()).forEach(eval::put);
    ObjectNode feat = h.putObject("features");
    feat.put("count", features.length);
    feat.put("scheme", "stemmed words, word pairs, character 3/4-grams, fields; (1+ln tf)*idf, L2");
    h.put("weightsSha256", sha256(body));
    return h;
  }

  /**
   * Reads a model file.
   *
   * @param file the file
   * @return the model
   * @throws ModelFileException if the file is not a model file of this format version, is
   *     truncated or corrupt, or cannot be read; nothing is loaded
   */
  public static TriageModel read(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new ModelFileException(file.toString(), "cannot be read: " + e.getMessage());
    }
  }

  /**
   * Reads a model from a stream (to its end; the stream is not closed).
   *
   * @param in the stream
   * @param source its name, for error messages
   * @return the model
   * @throws ModelFileException if the bytes are not a model of this format version, are
   *     truncated or corrupt; nothing is loaded
   */
  public static TriageModel read(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    try {
      DataInputStream data = new DataInputStream(in);
      byte[] magic = new byte[MAGIC.length()];
      int got = data.readNBytes(magic, 0, magic.length);
      if (got < magic.length || !MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
        throw new ModelFileException(
            source, "is not an itsm triage model (it does not start with \"ITSM-TRIAGE-MODEL\");"
                + " write one with 'itsm learn' or ModelTrainer");
      }
      int headerLength = data.readInt();
      if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES) {
        throw new ModelFileException(source, "is corrupt: header length " + headerLength);
      }
      JsonNode h = JSON.readTree(data.readNBytes(headerLength));
      if (h == null || !h.isObject()) {
        throw new ModelFileException(source, "is corrupt: the header is not a JSON object");
      }
      int version = h.path("formatVersion").asInt(-1);
      if (!"itsm-triage-model".equals(h.path("format").asText())) {
        throw new ModelFileException(source, "is not an itsm triage model (format '"
            + h.path("format").asText() + "')");
      }
      if (version != FORMAT_VERSION) {
        throw new ModelFileException(source, "has format version " + version
            + ", but this library reads version " + FORMAT_VERSION
            + "; retrain the model with this version (itsm learn)");
      }
      ModelInfo info = info(h, source);
      int n = data.readInt();
      int c = info.labels().size();
      if (n < 0 || n > MAX_FEATURES || (long) n * c > MAX_WEIGHTS
          || n != h.path("features").path("count").asInt(-1)) {
        throw new ModelFileException(source, "is corrupt: feature count " + n);
      }
      byte[] body = data.readAllBytes();
      if (!sha256(body).equals(h.path("weightsSha256").asText())) {
        throw new ModelFileException(source, "is truncated or corrupt: the weights do not match"
            + " the digest in its header (" + body.length + " bytes read)");
      }
      DataInputStream b = new DataInputStream(new ByteArrayInputStream(body));
      List<String> features = new ArrayList<>(n);
      float[] idf = new float[n];
      for (int i = 0; i < n; i++) {
        features.add(b.readUTF());
        idf[i] = b.readFloat();
      }
      float[] weights = new float[n * c];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = b.readFloat();
      }
      float[] bias = new float[c];
      for (int i = 0; i < c; i++) {
        bias[i] = b.readFloat();
      }
      if (b.available() != 0) {
        throw new ModelFileException(source, "is corrupt: " + b.available() + " bytes too many");
      }
      return of(info, features, idf, weights, bias);
    } catch (EOFException e) {
      throw new ModelFileException(source, "is truncated; write it again (itsm learn)");
    } catch (ModelFileException e) {
      throw e;
    } catch (ValidationException | IOException | DateTimeParseException e) {
      throw new ModelFileException(source, "is corrupt: " + e.getMessage());
    }
  }

  private static ModelInfo info(JsonNode h, String source) {
    List<String> labels = new ArrayList<>();
    h.path("labels").forEach(l -> labels.add(l.asText()));
    if (labels.size() > MAX_LABELS) {
      throw new ModelFileException(source, "is corrupt: " + labels.size() + " labels");
    }
    TriageAttribute target;
    try {
      target = TriageAttribute.valueOf(h.path("target").asText());
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(source, "is corrupt: unknown target '"
          + h.path("target").asText() + "'");
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it =
        h.path("trainingSet").path("labelCounts").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      counts.put(e.getKey(), e.getValue().asInt());
    }
    Map<String, Double> eval = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = h.path("evaluation").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      eval.put(e.getKey(), e.getValue().asDouble());
    }
    return new ModelInfo(
        h.path("id").asText(),
        target,
        labels,
        Instant.parse(h.path("trainedAt").asText()),
        h.path("trainer").asText(),
        h.path("library").asText(),
        h.path("trainingSet").path("size").asInt(),
        h.path("trainingSet").path("sha256").asText(),
        counts,
        eval);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TriageModel m
        && info.equals(m.info)
        && Arrays.equals(features, m.features)
        && Arrays.equals(idf, m.idf)
        && Arrays.equals(weights, m.weights)
        && Arrays.equals(bias, m.bias);
  }

  @Override
  public int hashCode() {
    return info.hashCode();
  }

  @Override
  public String toString() {
    return "TriageModel[" + info.id() + ", " + info.target() + ", " + labels.length + " labels, "
        + features.length + " features, trained " + info.trainedAt() + " on "
        + info.trainingSetSize() + " tickets]";
  }
}
