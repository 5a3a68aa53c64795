//! Cross-file duplicates at corpus scale: `newslint check --records --duplicates corpus` over
//! generated JSONL records holding 10 million paragraphs (`NEWSLINT_BENCH_PARAGRAPHS`), a
//! known share of them exact or near copies of a paragraph of an earlier record. Prints the
//! time, the peak resident memory (GNU time, when installed) and the precision and recall of
//! the copies found.
//!
//! Paragraphs are four to eight clauses drawn at random from the sentences of `seeds/` and,
//! when present, `../shared/corpus-dev` (so that two paragraphs share most of their text only
//! when one copies the other); 4% are exact copies of an earlier record's paragraph and 4% near
//! copies (one character in about 40 replaced, as OCR or an editor leaves them). Records hold
//! 10 paragraphs each. `cargo bench --bench duplicates` runs it.

use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, BufWriter, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const PARAGRAPHS_PER_RECORD: usize = 10;
const EXACT_SHARE: f64 = 0.04;
const NEAR_SHARE: f64 = 0.04;
/// One character in this many is replaced in a near copy.
const NEAR_EVERY: usize = 40;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Exact,
    Near,
}

/// The clauses of the source texts: runs of at least 6 characters between clause marks.
fn clauses(repo: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for dir in [repo.join("seeds"), repo.join("../shared/corpus-dev")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let mut clause = String::new();
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                if "，。！？；：".contains(c) {
                    if clause.chars().count() >= 6 {
                        out.push(std::mem::take(&mut clause));
                    }
                    clause.clear();
                } else {
                    clause.push(c);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Writes the records; returns the copies made: (record, paragraph) → kind.
fn generate(path: &Path, paragraphs: usize, pool: &[String]) -> HashMap<(usize, usize), Kind> {
    let mut rng = fastrand::Rng::with_seed(20261201);
    let mut out = BufWriter::new(std::fs::File::create(path).expect("bench file"));
    let mut truth = HashMap::new();
    // A sample of earlier paragraphs to copy from (reservoir of at most 100,000).
    let mut earlier: Vec<String> = Vec::new();
    let mut seen = 0usize;
    let records = paragraphs.div_ceil(PARAGRAPHS_PER_RECORD);
    let filler: Vec<char> = pool.iter().flat_map(|s| s.chars()).take(5000).collect();
    for r in 0..records {
        let mut record_paragraphs = Vec::with_capacity(PARAGRAPHS_PER_RECORD);
        for p in 0..PARAGRAPHS_PER_RECORD {
            let roll = rng.f64();
            let paragraph = if !earlier.is_empty() && roll < EXACT_SHARE {
                truth.insert((r, p), Kind::Exact);
                earlier[rng.usize(..earlier.len())].clone()
            } else if !earlier.is_empty() && roll < EXACT_SHARE + NEAR_SHARE {
                truth.insert((r, p), Kind::Near);
                let original = &earlier[rng.usize(..earlier.len())];
                original
                    .chars()
                    .enumerate()
                    .map(|(k, c)| {
                        if k % NEAR_EVERY == NEAR_EVERY / 2 && !"。！？，".contains(c) {
                            filler[rng.usize(..filler.len())]
                        } else {
                            c
                        }
                    })
                    .collect()
            } else {
                let parts: Vec<&str> = (0..rng.usize(4..=8))
                    .map(|_| pool[rng.usize(..pool.len())].as_str())
                    .collect();
                parts.join("，") + "。"
            };
            record_paragraphs.push(paragraph);
        }
        // This record's paragraphs may be copied by later ones.
        for paragraph in &record_paragraphs {
            seen += 1;
            if earlier.len() < 100_000 {
                earlier.push(paragraph.clone());
            } else if rng.usize(..seen) < 100_000 {
                earlier[rng.usize(..100_000)] = paragraph.clone();
            }
        }
        let record = serde_json::json!({"id": format!("r{r}"), "text": record_paragraphs.join("\n\n")});
        serde_json::to_writer(&mut out, &record).expect("bench record");
        out.write_all(b"\n").expect("bench record");
    }
    out.flush().expect("bench file");
    truth
}

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paragraphs: usize = std::env::var("NEWSLINT_BENCH_PARAGRAPHS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000);
    let dir = repo.join("target/bench-duplicates");
    std::fs::create_dir_all(&dir).expect("bench directory");
    let path = dir.join("records.jsonl");
    let pool = clauses(repo);
    let start = Instant::now();
    let truth = generate(&path, paragraphs, &pool);
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "{paragraphs} paragraphs in {} records, {:.0} MB, from {} clauses ({:.0} s to write); copies made: {} exact, {} near",
        paragraphs.div_ceil(PARAGRAPHS_PER_RECORD),
        bytes as f64 / 1e6,
        pool.len(),
        start.elapsed().as_secs_f64(),
        truth.values().filter(|k| **k == Kind::Exact).count(),
        truth.values().filter(|k| **k == Kind::Near).count(),
    );
    let memory = dir.join("time.txt");
    let newslint = env!("CARGO_BIN_EXE_newslint");
    let args = [
        "check",
        "--isolated",
        "--records",
        "--duplicates",
        "corpus",
        "--select",
        "duplicated-block",
        "--format",
        "jsonl",
    ];
    let gnu_time = Path::new("/usr/bin/time").exists();
    let mut command = if gnu_time {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f").arg("%M").arg("-o").arg(&memory).arg(newslint);
        c
    } else {
        Command::new(newslint)
    };
    let start = Instant::now();
    let mut child = command
        .args(args)
        .arg(&path)
        .stdout(Stdio::piped())
        .spawn()
        .expect("newslint runs");
    // (record, paragraph) of every paragraph a diagnostic covers.
    let mut found: HashMap<(usize, usize), bool> = HashMap::new();
    let mut diagnostics = 0;
    for line in std::io::BufReader::new(child.stdout.take().expect("piped")).lines() {
        let d: Value = serde_json::from_str(&line.expect("output line")).expect("JSON output");
        diagnostics += 1;
        let record: usize = d["record"]
            .as_str()
            .and_then(|id| id[1..].parse().ok())
            .expect("bench id");
        // Paragraph k stands on line 2k + 1 of its record.
        let (first, last) = (
            d["start"]["line"].as_u64().unwrap_or(1),
            d["end"]["line"].as_u64().unwrap_or(1),
        );
        for line in (first..=last).step_by(2) {
            found.insert((record, (line as usize - 1) / 2), true);
        }
    }
    let status = child.wait().expect("newslint ends");
    let seconds = start.elapsed().as_secs_f64();
    assert!(status.code().is_some_and(|c| c <= 1), "newslint failed: {status}");
    let hits = found.keys().filter(|k| truth.contains_key(k)).count();
    let by_kind = |kind: Kind| {
        let made = truth.values().filter(|k| **k == kind).count();
        let hit = truth
            .iter()
            .filter(|(k, v)| **v == kind && found.contains_key(k))
            .count();
        hit as f64 / made.max(1) as f64
    };
    let peak = std::fs::read_to_string(&memory)
        .ok()
        .and_then(|t| t.lines().last().and_then(|l| l.trim().parse::<f64>().ok()))
        .map_or("unknown (no GNU time)".to_owned(), |kb| {
            format!("{:.0} MiB", kb / 1024.0)
        });
    println!(
        "newslint: {seconds:.1} s ({:.0} MB/s), peak memory {peak}, {diagnostics} diagnostics over {} paragraphs",
        bytes as f64 / 1e6 / seconds,
        found.len()
    );
    println!(
        "precision {:.4}, recall {:.4} (exact copies {:.4}, near copies {:.4})",
        hits as f64 / found.len().max(1) as f64,
        hits as f64 / truth.len().max(1) as f64,
        by_kind(Kind::Exact),
        by_kind(Kind::Near),
    );
    if std::env::var_os("NEWSLINT_BENCH_KEEP").is_none() {
        std::fs::remove_file(&path).expect("bench file removed");
    }
}
