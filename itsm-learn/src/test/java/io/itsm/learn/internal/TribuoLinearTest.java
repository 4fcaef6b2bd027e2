package io.itsm.learn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.rules.predict.PastIncident;
import io.itsm.rules.predict.internal.TextFeatures;
import io.itsm.rules.testkit.HelpDeskTickets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The weights handed to TriageModel score exactly as Tribuo's own model predicts. */
class TribuoLinearTest {

  @Test
  void weights_giveTribuosProbabilities() {
    List<PastIncident> history = HelpDeskTickets.generate(400, 8L);
    List<TextFeatures.Extracted> xs = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>();
    for (PastIncident p : history) {
      TextFeatures.Extracted x = TextFeatures.extract(p.ticket());
      xs.add(x);
      names.addAll(x.keys());
    }
    List<String> features = List.copyOf(names);
    Map<String, Integer> vocabulary = new HashMap<>();
    for (int i = 0; i < features.size(); i++) {
      vocabulary.put(features.get(i), i);
    }
    float[] idf = new float[features.size()];
    java.util.Arrays.fill(idf, 1f);
    List<TextFeatures.Vector> vectors = new ArrayList<>();
    for (TextFeatures.Extracted x : xs) {
      vectors.add(TextFeatures.vector(x, vocabulary, idf));
    }
    List<String> labels = List.copyOf(new TreeSet<>(
        history.stream().map(PastIncident::category).toList()));
    int[] targets = history.stream().mapToInt(p -> labels.indexOf(p.category())).toArray();

    TribuoLinear.Weights w = TribuoLinear.train(vectors, targets, features, labels, 2, 1L);

    int c = labels.size();
    for (TextFeatures.Vector v : vectors.subList(0, 50)) {
      double[] s = new double[c];
      for (int k = 0; k < c; k++) {
        s[k] = w.bias()[k];
        for (int i = 0; i < v.features().length; i++) {
          s[k] += v.values()[i] * w.weights()[v.features()[i] * c + k];
        }
      }
      double max = java.util.Arrays.stream(s).max().orElseThrow();
      double sum = java.util.Arrays.stream(s).map(d -> Math.exp(d - max)).sum();
      Map<String, Double> tribuo = w.tribuo().apply(v);
      for (int k = 0; k < c; k++) {
        assertThat(Math.exp(s[k] - max) / sum).as(labels.get(k))
            .isCloseTo(tribuo.get(labels.get(k)), Offset.offset(1e-4));
      }
    }
  }
}
