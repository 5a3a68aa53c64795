//! Duplicates across files (`--duplicates=corpus`). While a file is linted, on its worker,
//! each of its paragraphs is reduced to a fingerprint: a hash of its text for exact copies
//! and a MinHash sketch of its character 4-grams, cut into bands, for near copies. One pass
//! over the fingerprints, in path order as the files come out of the run, then finds the
//! paragraphs that repeat a paragraph of an earlier file. The index keeps hashes and positions, never text: memory grows with
//! the number of distinct paragraphs (a few hundred bytes each), not with their length.

use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::outcome::{FileReport, Located};
use crate::source::chars::is_cjk_punct;
use crate::source::{BlockKind, Document, Position};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};

/// Hash functions in a sketch.
const SIGNATURE: usize = BANDS * ROWS;
/// A sketch is cut into bands; two paragraphs whose band hashes agree are candidates.
const BANDS: usize = 8;
const ROWS: usize = 4;
/// Bands two paragraphs must share to count as near copies. With 8 bands of 4 rows, a pair
/// whose 4-gram sets overlap by 90% (Jaccard) shares 3 or more bands 96% of the time; a pair
/// at 60%, 8% of the time; at 50%, 1%.
const MIN_SHARED_BANDS: usize = 3;
/// Characters in a shingle.
const SHINGLE: usize = 4;

/// One paragraph, as the corpus pass sees it.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    exact: u64,
    bands: [u64; BANDS],
    /// Ends with punctuation: only such prose is compared for near copies (a title repeats
    /// words on purpose).
    prose: bool,
    pub start: Position,
    pub end: Position,
    /// Start and end in code points, for a record's diagnostic.
    start_char: u64,
    end_char: u64,
    /// The fingerprint a diagnostic on this paragraph has (`crate::fingerprint`).
    diagnostic_fingerprint: u64,
}

/// The fingerprints of a document's paragraphs, list items and quotes of at least
/// `min_chars` characters (white space left out, as `duplicated-block` counts them).
pub fn fingerprints(doc: &Document, min_chars: usize) -> Vec<Fingerprint> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut boundaries = Vec::new();
    let mut chars = crate::source::CharCounter::new(doc.text);
    for block in &doc.blocks {
        if !matches!(
            block.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote
        ) {
            continue;
        }
        text.clear();
        text.extend(doc.block_text(block).chars().filter(|c| !c.is_whitespace()));
        boundaries.clear();
        boundaries.extend(text.char_indices().map(|(i, _)| i));
        if boundaries.len() < min_chars.max(SHINGLE) {
            continue;
        }
        boundaries.push(text.len());
        let mut signature = [u64::MAX; SIGNATURE];
        for window in boundaries.windows(SHINGLE + 1) {
            let shingle = hash_of(&text[window[0]..window[SHINGLE]]);
            for (slot, seed) in signature.iter_mut().zip(SEEDS.iter()) {
                *slot = (*slot).min(mix(shingle ^ seed));
            }
        }
        let mut bands = [0; BANDS];
        for (band, rows) in bands.iter_mut().zip(signature.chunks(ROWS)) {
            *band = hash_of(rows);
        }
        out.push(Fingerprint {
            exact: hash_of(text.as_str()),
            bands,
            prose: text
                .chars()
                .next_back()
                .is_some_and(|c| is_cjk_punct(c) || c.is_ascii_punctuation()),
            start: doc.index.position(doc.text, block.content.start),
            end: doc.index.position(doc.text, block.content.end),
            start_char: chars.at(block.content.start),
            end_char: chars.at(block.content.end),
            diagnostic_fingerprint: crate::fingerprint::fingerprint(
                "duplicated-block",
                doc.text,
                block.content.clone(),
            ),
        });
    }
    out
}

/// Where a fingerprint came from: its index among the paragraphs seen.
type Origin = u32;

/// A paragraph that earlier ones are compared with: where it stands.
struct Seen {
    file: u32,
    start: Position,
    end: Position,
}

/// The paragraphs of the files seen so far, by exact hash and by band, each pointing to its
/// first occurrence. Files come in path order: a paragraph's copy in a later file is the copy.
#[derive(Default)]
pub struct Index {
    exact: FxHashMap<u64, Origin>,
    bands: FxHashMap<(u8, u64), Origin>,
    seen: Vec<Seen>,
    /// The name of each file that had paragraphs, for the messages.
    names: Vec<String>,
}

impl Index {
    /// Adds a `duplicated-block` diagnostic to every paragraph of `file` that repeats,
    /// exactly or nearly, a paragraph of an earlier file, then adds its paragraphs to the
    /// index. Copies within one file are the per-file rule's business and are left to it.
    pub fn check(&mut self, file: &mut FileReport, severity: Severity) {
        let prints = std::mem::take(&mut file.fingerprints);
        if prints.is_empty() {
            return;
        }
        let here = self.names.len() as u32;
        self.names.push(file.name().into_owned());
        let mut shared: FxHashMap<Origin, usize> = FxHashMap::default();
        let mut found = false;
        for print in &prints {
            let earlier = |origin: &&Origin| self.seen[**origin as usize].file != here;
            let copy = if let Some(origin) = self.exact.get(&print.exact).filter(earlier) {
                Some((*origin, true))
            } else if print.prose {
                shared.clear();
                for (b, band) in print.bands.iter().enumerate() {
                    if let Some(origin) = self.bands.get(&(b as u8, *band)).filter(earlier) {
                        *shared.entry(*origin).or_default() += 1;
                    }
                }
                // The earliest of the best-sharing candidates, so the result does not depend
                // on the order of a hash map.
                shared
                    .iter()
                    .filter(|&(_, &n)| n >= MIN_SHARED_BANDS)
                    .max_by_key(|&(origin, &n)| (n, std::cmp::Reverse(*origin)))
                    .map(|(origin, _)| (*origin, false))
            } else {
                None
            };
            if let Some((origin, identical)) = copy {
                found |= self.report(file, print, origin, identical, severity);
            }
            let id = self.seen.len() as Origin;
            self.seen.push(Seen {
                file: here,
                start: print.start,
                end: print.end,
            });
            self.exact.entry(print.exact).or_insert(id);
            for (b, band) in print.bands.iter().enumerate() {
                self.bands.entry((b as u8, *band)).or_insert(id);
            }
        }
        if found {
            file.diagnostics.sort_by(|a, b| {
                let key = |d: &Located| (d.start.offset, d.diagnostic.rule, d.end.offset);
                key(a).cmp(&key(b))
            });
        }
    }

    /// Reports `print` as a copy of `origin`, unless the per-file rule already did.
    fn report(
        &self,
        file: &mut FileReport,
        print: &Fingerprint,
        origin: Origin,
        identical: bool,
        severity: Severity,
    ) -> bool {
        let original = &self.seen[origin as usize];
        let (start, end, fingerprint) = (print.start, print.end, print.diagnostic_fingerprint);
        // The per-file rule already reported this paragraph (a copy of one in its own file).
        if file
            .diagnostics
            .iter()
            .any(|d| d.diagnostic.rule == "duplicated-block" && d.start.offset == start.offset)
        {
            return false;
        }
        let original_name = self.names[original.file as usize].clone();
        let message = format!(
            "paragraph {} a paragraph of {original_name} (line {})",
            if identical { "repeats" } else { "nearly repeats" },
            original.start.line
        );
        let mut diagnostic = Diagnostic::new(
            "duplicated-block",
            start.offset as usize..end.offset as usize,
            message,
        )
        .with_help("keep one copy: the same text in two files counts twice in any corpus statistic");
        diagnostic.severity = severity;
        diagnostic.related.push(Related {
            path: Some(original_name),
            span: (original.start.offset as usize..original.end.offset as usize).into(),
            message: "earlier copy".to_owned(),
        });
        let code_points = file.record.as_ref().map(|_| (print.start_char, print.end_char));
        file.diagnostics.push(Located {
            diagnostic,
            start,
            end,
            related: vec![(original.start, original.end)],
            edits: Vec::new(),
            fingerprint,
            code_points,
        });
        true
    }
}

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

/// A 64-bit finaliser (splitmix64's): turns a hash xor a seed into an independent-looking value.
const fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// One seed per hash function of the sketch, fixed so that results are reproducible.
const SEEDS: [u64; SIGNATURE] = {
    let mut seeds = [0; SIGNATURE];
    let mut i = 0;
    while i < SIGNATURE {
        seeds[i] = mix(0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(i as u64 + 1));
        i += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;

    fn prints(text: &str) -> Vec<Fingerprint> {
        fingerprints(&Document::parse(text), 20)
    }

    fn shared_bands(a: &Fingerprint, b: &Fingerprint) -> usize {
        a.bands.iter().zip(&b.bands).filter(|(x, y)| x == y).count()
    }

    const PARAGRAPH: &str = "市场治理重点领域，破解传统手段难以解决的顽疾。三是赋能重点领域改革攻坚；四是解决群众急难愁盼问题，如“一件事一次办”“民呼我为”等10个应用有力提升服务效能，明显增强群众获得感。";

    #[test]
    fn near_copies_share_bands_and_others_do_not() {
        let original = &prints(PARAGRAPH)[0];
        let near = &prints(&PARAGRAPH.replacen("市场", "市", 1))[0];
        let other = &prints(
            "会上还发布了数字重庆建设场景机会首批清单。代小红表示，今年是数字重庆建设“三年形成基本能力”的关键之年，发布场景机会清单，旨在加大应用场景供给。",
        )[0];
        assert_ne!(original.exact, near.exact);
        assert!(shared_bands(original, near) >= MIN_SHARED_BANDS);
        assert_eq!(shared_bands(original, other), 0);
        // White space does not count.
        assert_eq!(prints(&PARAGRAPH.replace('，', "， "))[0].exact, original.exact);
    }

    #[test]
    fn short_blocks_and_headings_have_no_fingerprint() {
        assert!(prints("本报讯 记者 张三\n\n# 数字重庆建设场景机会首批清单发布会在重庆举行\n").is_empty());
    }
}
