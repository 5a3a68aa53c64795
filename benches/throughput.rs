//! Throughput of `newslint check` with the default rules, on a corpus of at least 200 MiB
//! built from `seeds/` and, when present, `../shared/corpus-dev` (edited news stories).
//! Reports MB/s (10^6 bytes) and MiB/s on one thread and on all cores, and the peak resident
//! memory.
//!
//! `cargo bench` runs it; `NEWSLINT_BENCH_MB=50 cargo bench` builds a smaller corpus (in MiB), and
//! `NEWSLINT_BENCH_DUPLICATES=corpus cargo bench` adds the cross-file duplicate pass (every
//! file of the corpus is a copy, so every paragraph after the first copies is reported: the
//! worst case for it).

use clap::Parser;

/// The allocator the newslint binary runs with (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use newslint::cli::{Cli, Command};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn source_texts(repo: &Path) -> Vec<Vec<u8>> {
    let mut texts = Vec::new();
    for dir in [repo.join("seeds"), repo.join("../shared/corpus-dev")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            texts.push(std::fs::read(path).expect("corpus file is readable"));
        }
    }
    texts
}

/// Writes copies of the texts, 200 files to a directory, until `target` bytes are written.
fn build_corpus(dir: &Path, texts: &[Vec<u8>], target: usize) -> usize {
    let mut written = 0;
    let mut n = 0;
    while written < target {
        let text = &texts[n % texts.len()];
        let sub = dir.join(format!("{:04}", n / 200));
        std::fs::create_dir_all(&sub).expect("corpus directory");
        std::fs::write(sub.join(format!("{n:07}.txt")), text).expect("corpus file");
        written += text.len();
        n += 1;
    }
    written
}

fn peak_memory_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn run(corpus: &Path, threads: usize, duplicates: &str) -> (f64, usize) {
    let cli = Cli::parse_from([
        "newslint",
        "check",
        "--isolated",
        "--duplicates",
        duplicates,
        "--threads",
        &threads.to_string(),
        corpus.to_str().expect("UTF-8 path"),
    ]);
    let Command::Check(args) = cli.command else {
        unreachable!()
    };
    let settings = newslint::settings(&args.lint).expect("default settings");
    let start = Instant::now();
    let mut diagnostics = 0;
    let errors = newslint::runner::run(&settings, |file| {
        diagnostics += file.diagnostics.len();
        std::ops::ControlFlow::Continue(())
    })
    .expect("threads start");
    let seconds = start.elapsed().as_secs_f64();
    assert!(errors.is_empty(), "{:?}", errors.first());
    (seconds, diagnostics)
}

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let megabytes: usize = std::env::var("NEWSLINT_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let corpus = repo.join("target/bench-corpus");
    let _ = std::fs::remove_dir_all(&corpus);
    let texts = source_texts(repo);
    let bytes = build_corpus(&corpus, &texts, megabytes * 1024 * 1024);
    let mib = bytes as f64 / (1024.0 * 1024.0);
    let mb = bytes as f64 / 1e6;
    let duplicates = std::env::var("NEWSLINT_BENCH_DUPLICATES").unwrap_or_else(|_| "file".to_owned());
    println!(
        "corpus: {mib:.0} MiB ({mb:.0} MB) in {} source texts, copied; duplicates looked for per {duplicates}",
        texts.len()
    );
    // Warm the page cache so the first run does not measure the disk.
    let _ = run(&corpus, 0, &duplicates);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for threads in [1, cores] {
        let (seconds, found) = run(&corpus, threads, &duplicates);
        println!(
            "threads {threads}: {seconds:.2} s, {:.1} MB/s = {:.1} MiB/s ({:.1} MB/s per core), {found} diagnostics",
            mb / seconds,
            mib / seconds,
            mb / seconds / threads as f64
        );
    }
    println!("peak memory: {:.0} MiB", peak_memory_mb());
    std::fs::remove_dir_all(&corpus).expect("corpus removed");
}
