//! Logistic regression for the examples that fit a model's weights
//! (`#[path = "../shared/logistic.rs"] mod logistic;`).

/// One sample: its features (the first is the bias, 1) and whether it is a positive one.
pub type Sample<const N: usize> = ([f32; N], bool);

/// Gradient steps, step size and L2 penalty (per sample) of the fit.
const STEPS: usize = 4000;
const RATE: f64 = 0.5;
const PENALTY: f64 = 1e-3;

/// Fits by gradient descent on standardised features; the weights returned apply to the raw
/// ones.
pub fn fit<const N: usize>(samples: &[Sample<N>]) -> [f32; N] {
    let n = samples.len() as f64;
    let mut mean = [0.0f64; N];
    let mut scale = [1.0f64; N];
    for j in 1..N {
        mean[j] = samples.iter().map(|(x, _)| f64::from(x[j])).sum::<f64>() / n;
        let var = samples
            .iter()
            .map(|(x, _)| (f64::from(x[j]) - mean[j]).powi(2))
            .sum::<f64>()
            / n;
        scale[j] = var.sqrt().max(1e-6);
    }
    let rows: Vec<([f64; N], f64)> = samples
        .iter()
        .map(|(x, y)| {
            let mut z = [1.0; N];
            for j in 1..N {
                z[j] = (f64::from(x[j]) - mean[j]) / scale[j];
            }
            (z, if *y { 1.0 } else { 0.0 })
        })
        .collect();
    let mut w = [0.0f64; N];
    for _ in 0..STEPS {
        let mut grad = [0.0f64; N];
        for (z, y) in &rows {
            let p = 1.0 / (1.0 + (-dot(&w, z)).exp());
            for j in 0..N {
                grad[j] += (p - y) * z[j];
            }
        }
        for j in 0..N {
            let penalty = if j == 0 { 0.0 } else { PENALTY * w[j] };
            w[j] -= RATE * (grad[j] / n + penalty);
        }
    }
    let mut raw = [0.0f32; N];
    let mut bias = w[0];
    for j in 1..N {
        raw[j] = (w[j] / scale[j]) as f32;
        bias -= w[j] * mean[j] / scale[j];
    }
    raw[0] = bias as f32;
    raw
}

pub fn score<const N: usize>(x: &[f32; N], weights: &[f32; N]) -> f32 {
    x.iter().zip(weights).map(|(a, b)| a * b).sum()
}

fn dot<const N: usize>(w: &[f64; N], z: &[f64; N]) -> f64 {
    w.iter().zip(z).map(|(a, b)| a * b).sum()
}

/// The chance that a random positive sample scores above a random negative one.
pub fn auc<const N: usize>(samples: &[Sample<N>], weights: &[f32; N]) -> f64 {
    let mut scored: Vec<(f32, bool)> = samples.iter().map(|(x, y)| (score(x, weights), *y)).collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut below, mut wins) = (0.0, 0.0);
    for (_, positive) in &scored {
        if *positive {
            wins += below;
        } else {
            below += 1.0;
        }
    }
    let positives = scored.iter().filter(|s| s.1).count() as f64;
    wins / (positives * below)
}

/// Prints the weights as `rules/*-weights.tsv` holds them: a header naming the model, the
/// example and what it learnt from, then `feature<TAB>weight` lines.
pub fn print_weights<const N: usize>(
    model: &str,
    source: &str,
    learnt: &str,
    names: &[String],
    weights: &[f32; N],
) {
    println!("# Weights of the {model}: feature<TAB>weight.");
    println!("# Made by {source} from {learnt}.");
    for (name, weight) in names.iter().zip(weights) {
        println!("{name}\t{weight:.4}");
    }
}
