//! Counts how sentences start in a corpus of news and prints `rules/starts.tsv` (see
//! `src/source/starts.rs`; `scripts/build-starts` fetches the corpus and runs this).
//!
//! `cargo run --release --example build-starts -- PLAIN_TEXT > rules/starts.tsv`, where the
//! text has one paragraph a line (blank lines are skipped).

use newslint::source::starts::StartCounts;

fn main() {
    let path = std::env::args().nth(1).expect("usage: build-starts PLAIN_TEXT");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut counts = StartCounts::default();
    for paragraph in text.lines() {
        counts.add_paragraph(paragraph);
    }
    print!(
        "{}",
        counts.table("the People's Daily, January 1998 (see starts.LICENSE)")
    );
}
