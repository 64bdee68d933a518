// Multinomial logistic regression over sparse named features: trained deterministically, probabilities out.

export interface Sample {
  features: string[];
  /** Value of each feature (1 when absent): long messages spread their weight over more words. */
  values?: number[];
  label: number;
  /** Samples of one group (an example and its padded copy) stay in the same cross-validation fold. */
  group?: number;
}

export interface SoftmaxModel {
  classes: number;
  /** Per feature, one weight per class. */
  weights: Map<string, Float64Array>;
  bias: Float64Array;
  /** Logits are divided by this before the softmax (fitted on held-out folds, so probabilities mean something). */
  temperature: number;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Share of each target spread over the other classes, so the model never learns to be certain. */
  smoothing?: number;
}

/** A small deterministic generator: the same examples always give the same model. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function logits(model: SoftmaxModel, features: readonly string[], values?: readonly number[]): Float64Array {
  const z = Float64Array.from(model.bias);
  features.forEach((f, i) => {
    const w = model.weights.get(f);
    const v = values?.[i] ?? 1;
    if (w) for (let k = 0; k < model.classes; k++) z[k]! += w[k]! * v;
  });
  return z;
}

export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v / temperature);
  const p = z.map((v) => Math.exp(v / temperature - max));
  const sum = p.reduce((a, b) => a + b, 0);
  return p.map((v) => v / sum);
}

export function predict(model: SoftmaxModel, features: readonly string[], values?: readonly number[]): Float64Array {
  return softmax(logits(model, features, values), model.temperature);
}

/** Stochastic gradient descent with L2 decay, examples visited in a seeded order. */
export function train(samples: Sample[], classes: number, options: TrainOptions = {}): SoftmaxModel {
  const { epochs = 30, learningRate = 0.3, l2 = 1e-4, seed = 7, smoothing = 0 } = options;
  const on = 1 - smoothing;
  const off = classes > 1 ? smoothing / (classes - 1) : 0;
  // Features become dense indices and the weights one flat array: training runs at start, so it must be quick.
  const index = new Map<string, number>();
  const rows = samples.map((s) =>
    Int32Array.from(s.features, (f) => index.get(f) ?? (index.set(f, index.size), index.size - 1)),
  );
  const vals = samples.map((s) => Float64Array.from(s.features, (_, i) => s.values?.[i] ?? 1));
  const w = new Float64Array(index.size * classes);
  const bias = new Float64Array(classes);
  const z = new Float64Array(classes);
  const rand = mulberry32(seed);
  const order = samples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = learningRate / Math.sqrt(1 + epoch);
    const decay = 1 - rate * l2;
    for (const idx of order) {
      const row = rows[idx]!;
      const val = vals[idx]!;
      let max = -Infinity;
      for (let k = 0; k < classes; k++) {
        let v = bias[k]!;
        for (let r = 0; r < row.length; r++) v += w[row[r]! * classes + k]! * val[r]!;
        z[k] = v;
        if (v > max) max = v;
      }
      let sum = 0;
      for (let k = 0; k < classes; k++) sum += z[k] = Math.exp(z[k]! - max);
      const label = samples[idx]!.label;
      for (let k = 0; k < classes; k++) {
        const g = z[k]! / sum - (k === label ? on : off);
        bias[k]! -= rate * g;
        for (let r = 0; r < row.length; r++) {
          const at = row[r]! * classes + k;
          w[at] = w[at]! * decay - rate * g * val[r]!;
        }
      }
    }
  }
  const weights = new Map<string, Float64Array>();
  for (const [f, i] of index) weights.set(f, w.slice(i * classes, (i + 1) * classes));
  return { classes, weights, bias, temperature: 1 };
}

/**
 * The temperature that makes held-out probabilities honest: least negative log-likelihood on a grid.
 * It may sharpen down to t = 0.5: label smoothing and a varied example set leave the raw model
 * under-confident, and held-out folds of the examples show by how much (a floor keeps it from overreaching).
 */
export function fitTemperature(heldOut: { z: Float64Array; label: number }[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.5; t <= 4.001; t += 0.05) {
    let loss = 0;
    for (const { z, label } of heldOut) loss -= Math.log(Math.max(1e-12, softmax(z, t)[label]!));
    if (loss < bestLoss) {
      bestLoss = loss;
      best = Number(t.toFixed(2));
    }
  }
  return best;
}

/** Trains on everything, with a temperature fitted on `folds`-fold cross-validation of the same samples. */
export function trainCalibrated(
  samples: Sample[],
  classes: number,
  options: TrainOptions & { folds?: number } = {},
): SoftmaxModel {
  const folds = options.folds ?? 5;
  const foldOf = (s: Sample, i: number) => (s.group ?? i) % folds;
  const heldOut: { z: Float64Array; label: number }[] = [];
  for (let f = 0; f < folds; f++) {
    const fitted = train(
      samples.filter((s, i) => foldOf(s, i) !== f),
      classes,
      options,
    );
    for (const s of samples.filter((s, i) => foldOf(s, i) === f))
      heldOut.push({ z: logits(fitted, s.features, s.values), label: s.label });
  }
  const model = train(samples, classes, options);
  model.temperature = fitTemperature(heldOut);
  return model;
}
