//! The corpus the examples read, and where a page or column break may cut one of its
//! paragraphs, for the examples that inject faults or fit models on cuts
//! (`#[path = "shared/corpus.rs"] mod corpus;`).

use std::path::{Path, PathBuf};

/// The `.txt` files of `dir`, in name order (the examples split them by their place in it).
pub fn text_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

fn is_sentence_final(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '…' | '；')
}

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | '》' | ')')
}

/// A random point inside a sentence of `paragraph`: at least two characters from either
/// end, never right after a sentence end (with its closing quotes) and never at white space.
pub fn cut_point(paragraph: &str, rng: &mut fastrand::Rng) -> Option<usize> {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let candidates: Vec<usize> = (2..chars.len().saturating_sub(1))
        .filter(|&k| {
            let mut before = k - 1;
            while before > 0 && is_closing(chars[before].1) {
                before -= 1;
            }
            !is_sentence_final(chars[before].1)
                && !chars[k - 1].1.is_whitespace()
                && !chars[k].1.is_whitespace()
        })
        .map(|k| chars[k].0)
        .collect();
    (!candidates.is_empty()).then(|| candidates[rng.usize(..candidates.len())])
}
