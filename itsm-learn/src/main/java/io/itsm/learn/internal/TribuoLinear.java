package io.itsm.learn.internal;

import io.itsm.rules.predict.internal.TextFeatures;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The one class that talks to Tribuo: trains a multinomial logistic regression (Tribuo's {@code
 * LinearSGDTrainer} with the log-multiclass objective and AdaGrad) on sparse tf-idf vectors and
 * hands back its weights in the layout of {@code TriageModel}. No Tribuo type leaves this class.
 */
public final class TribuoLinear {

  /** AdaGrad's initial learning rate. */
  public static final double LEARNING_RATE =
      Double.parseDouble(System.getProperty("itsm.learn.rate", "0.5"));

  /**
   * Tickets per gradient step. Tribuo's optimiser step touches every weight, so steps over
   * minibatches rather than single tickets keep training time proportional to the history.
   */
  public static final int MINIBATCH = Integer.getInteger("itsm.learn.minibatch", 1);

  static {
    // Tribuo logs every epoch at INFO through java.util.logging: keep training quiet
    Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
  }

  private TribuoLinear() {}

  /**
   * The trained weights.
   *
   * @param weights feature-major: {@code weights[f * labels + c]}
   * @param bias one per label
   * @param tribuo Tribuo's own prediction for a vector (label → probability), to check the
   *     weights against
   */
  public record Weights(
      float[] weights, float[] bias,
      java.util.function.Function<TextFeatures.Vector, java.util.Map<String, Double>> tribuo) {}

  /**
   * Describes the trainer for the model file.
   *
   * @param epochs the epochs
   * @param seed the seed
   * @return the description
   */
  public static String describe(int epochs, long seed) {
    return "Tribuo " + org.tribuo.Tribuo.VERSION + " LinearSGDTrainer(LogMulticlass, AdaGrad("
        + LEARNING_RATE + "), epochs=" + epochs + ", minibatch=" + MINIBATCH + ", seed=" + seed + ")";
  }

  /**
   * Trains.
   *
   * @param vectors one sparse vector per ticket (feature indexes into {@code features})
   * @param targets the label index of each ticket
   * @param features the feature names
   * @param labels the label names
   * @param epochs the epochs
   * @param seed the seed
   * @return the weights
   */
  public static Weights train(
      List<TextFeatures.Vector> vectors, int[] targets, List<String> features,
      List<String> labels, int epochs, long seed) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("itsm history", factory), factory);
    for (int i = 0; i < vectors.size(); i++) {
      TextFeatures.Vector v = vectors.get(i);
      String[] names = new String[v.features().length];
      double[] values = new double[names.length];
      for (int k = 0; k < names.length; k++) {
        names[k] = features.get(v.features()[k]);
        values[k] = v.values()[k];
      }
      data.add(new ArrayExample<>(new Label(labels.get(targets[i])), names, values));
    }
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(
            new LogMulticlass(), new AdaGrad(LEARNING_RATE, 0.1), epochs, Integer.MAX_VALUE,
            MINIBATCH, seed);
    LinearSGDModel model = trainer.train(data);
    ImmutableFeatureMap fmap = model.getFeatureIDMap();
    ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
    DenseMatrix w = model.getWeightsCopy();
    int c = labels.size();
    int[] labelOf = new int[outputs.size()];
    for (int k = 0; k < c; k++) {
      int id = outputs.getID(new Label(labels.get(k)));
      if (id >= 0) {
        labelOf[id] = k;
      }
    }
    float[] weights = new float[features.size() * c];
    float[] bias = new float[c];
    // Tribuo's matrix: one row per output, one column per feature, the bias in the last column
    int biasColumn = w.getDimension2Size() - 1;
    for (int f = 0; f < features.size(); f++) {
      int id = fmap.getID(features.get(f));
      if (id < 0) {
        continue; // a feature no training ticket had: weight 0
      }
      for (int o = 0; o < outputs.size(); o++) {
        weights[f * c + labelOf[o]] = (float) w.get(o, id);
      }
    }
    for (int o = 0; o < outputs.size(); o++) {
      bias[labelOf[o]] = (float) w.get(o, biasColumn);
    }
    java.util.function.Function<TextFeatures.Vector, java.util.Map<String, Double>> predict = v -> {
      String[] names = new String[v.features().length];
      double[] values = new double[names.length];
      for (int k = 0; k < names.length; k++) {
        names[k] = features.get(v.features()[k]);
        values[k] = v.values()[k];
      }
      java.util.Map<String, Double> out = new java.util.TreeMap<>();
      model.predict(new ArrayExample<>(factory.getUnknownOutput(), names, values))
          .getOutputScores().forEach((name, label) -> out.put(name, label.getScore()));
      return out;
    };
    return new Weights(weights, bias, predict);
  }
}
