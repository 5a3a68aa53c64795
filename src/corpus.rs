//! Duplicates across files (`--duplicates=corpus`). While a file is linted, on its worker,
//! each of its paragraphs is reduced to a fingerprint: a hash of its text for exact copies
//! and a MinHash sketch of its character 4-grams, cut into bands, for near copies. One pass
//! over the fingerprints, in path order as the files come out of the run, then finds the
//! paragraphs that repeat a paragraph of an earlier file, and reports each run of them (a
//! copied article is one diagnostic, not one a paragraph). The index keeps hashes and
//! positions, never text: memory grows with the number of distinct paragraphs (about 120
//! bytes each), not with their length.

use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::outcome::{FileReport, Located};
use crate::source::chars::is_cjk_punct;
use crate::source::{BlockKind, Document, Position};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};

/// Bins of a sketch (a power of two).
const SIGNATURE: usize = BANDS * ROWS;
/// A sketch is cut into bands; two paragraphs whose band hashes agree are candidates.
pub const BANDS: usize = 8;
const ROWS: usize = 4;
/// Bands two paragraphs must share to count as near copies. With 8 bands of 4 rows, a pair
/// whose 4-gram sets overlap by 90% (Jaccard) shares 3 or more bands 96% of the time; a pair
/// at 60%, 8% of the time; at 50%, 1% (`benches/duplicates.rs` measures it on generated
/// copies).
pub const MIN_SHARED_BANDS: usize = 3;
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

impl Fingerprint {
    /// The hash of the paragraph's text (white space left out): equal for exact copies.
    pub fn exact(&self) -> u64 {
        self.exact
    }

    /// The keys the index files the paragraph under, one a band (the low 32 bits of each
    /// band's hash): the same keys in an engine's shuffle give the same candidates.
    pub fn band_keys(&self) -> [u32; BANDS] {
        self.bands.map(|band| band as u32)
    }

    /// Whether it ends with punctuation: only prose is compared for near copies.
    pub fn prose(&self) -> bool {
        self.prose
    }

    /// Start and end in code points from the start of the text.
    pub fn chars(&self) -> (u64, u64) {
        (self.start_char, self.end_char)
    }
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
        let signature = sketch(&text, &boundaries);
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

/// A paragraph that later ones are compared with: where it stands (28 bytes).
struct Seen {
    file: u32,
    start: Position,
    end: Position,
}

/// Every paragraph seen, in chunks of fixed size: a vector that doubles would hold up to
/// twice what it needs, and both its old and new buffers while it grows (at ten million
/// paragraphs, about 400 MB more at the peak).
#[derive(Default)]
struct SeenList {
    chunks: Vec<Vec<Seen>>,
}

/// Paragraphs a chunk of `SeenList` holds (1.8 MB).
const SEEN_CHUNK: usize = 1 << 16;

impl SeenList {
    fn len(&self) -> usize {
        self.chunks
            .last()
            .map_or(0, |last| (self.chunks.len() - 1) * SEEN_CHUNK + last.len())
    }

    fn push(&mut self, seen: Seen) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < SEEN_CHUNK => last.push(seen),
            _ => {
                let mut chunk = Vec::with_capacity(SEEN_CHUNK);
                chunk.push(seen);
                self.chunks.push(chunk);
            }
        }
    }
}

impl std::ops::Index<usize> for SeenList {
    type Output = Seen;
    fn index(&self, at: usize) -> &Seen {
        &self.chunks[at / SEEN_CHUNK][at % SEEN_CHUNK]
    }
}

/// A paragraph of the file being checked that copies an earlier one.
struct Copy {
    /// Its index among the file's fingerprints.
    print: usize,
    origin: Origin,
    identical: bool,
}

/// The paragraphs of the files seen so far, each pointing to its first occurrence: by exact
/// hash, and by the low 32 bits of each band's hash, one table a band, holding only prose
/// (the only paragraphs compared for near copies). About 120 bytes a distinct paragraph.
/// Files come in path order: a paragraph's copy in a later file is the copy.
#[derive(Default)]
pub struct Index {
    exact: FxHashMap<u64, Origin>,
    bands: [FxHashMap<u32, Origin>; BANDS],
    seen: SeenList,
    /// The name of each file that had paragraphs, for the messages.
    names: Vec<String>,
}

impl Index {
    /// Adds a `duplicated-block` diagnostic for every run of paragraphs of `file` that
    /// repeats, exactly or nearly, a run of paragraphs of one earlier file, then adds its
    /// paragraphs to the index. Copies within one file are the per-file rule's business and
    /// are left to it.
    pub fn check(&mut self, file: &mut FileReport, severity: Severity) {
        let prints = std::mem::take(&mut file.fingerprints);
        if prints.is_empty() {
            return;
        }
        let here = self.names.len() as u32;
        self.names.push(file.name().into_owned());
        let mut shared: FxHashMap<Origin, usize> = FxHashMap::default();
        let mut copies = Vec::new();
        for (p, print) in prints.iter().enumerate() {
            let earlier = |origin: &&Origin| self.seen[**origin as usize].file != here;
            let copy = if let Some(origin) = self.exact.get(&print.exact).filter(earlier) {
                Some((*origin, true))
            } else if print.prose {
                shared.clear();
                for (table, band) in self.bands.iter().zip(&print.bands) {
                    if let Some(origin) = table.get(&(*band as u32)).filter(earlier) {
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
                copies.push(Copy {
                    print: p,
                    origin,
                    identical,
                });
            }
            let id = self.seen.len() as Origin;
            self.seen.push(Seen {
                file: here,
                start: print.start,
                end: print.end,
            });
            self.exact.entry(print.exact).or_insert(id);
            if print.prose {
                for (table, band) in self.bands.iter_mut().zip(&print.bands) {
                    table.entry(*band as u32).or_insert(id);
                }
            }
        }
        if copies.is_empty() {
            return;
        }
        // The paragraphs the per-file rule already reported (copies within the file).
        let reported: Vec<u32> = file
            .diagnostics
            .iter()
            .filter(|d| d.diagnostic.rule == "duplicated-block")
            .map(|d| d.start.offset)
            .collect();
        let mut copies = copies
            .into_iter()
            .filter(|c| !reported.contains(&prints[c.print].start.offset))
            .peekable();
        while let Some(first) = copies.next() {
            let mut last = (first.print, first.origin, first.identical);
            // A run: the next paragraph copies the next paragraph of the same earlier file.
            while let Some(next) = copies.next_if(|c| {
                c.print == last.0 + 1
                    && c.origin > last.1
                    && self.seen[c.origin as usize].file == self.seen[first.origin as usize].file
            }) {
                last = (next.print, next.origin, last.2 && next.identical);
            }
            let run = (&prints[first.print], &prints[last.0]);
            let diagnostic = self.report(
                file,
                run,
                (first.origin, last.1),
                last.0 - first.print + 1,
                last.2,
                severity,
            );
            file.diagnostics.push(diagnostic);
        }
        file.diagnostics.sort_by(|a, b| {
            let key = |d: &Located| (d.start.offset, d.diagnostic.rule, d.end.offset);
            key(a).cmp(&key(b))
        });
    }

    /// The diagnostic of a run of `count` paragraphs (`run`: its first and last) that copies
    /// the paragraphs `origins` (first and last) of an earlier file.
    fn report(
        &self,
        file: &FileReport,
        (first, last): (&Fingerprint, &Fingerprint),
        (from, to): (Origin, Origin),
        count: usize,
        identical: bool,
        severity: Severity,
    ) -> Located {
        let (from, to) = (&self.seen[from as usize], &self.seen[to as usize]);
        let original_name = self.names[from.file as usize].clone();
        let what = if identical { "repeat" } else { "nearly repeat" };
        let message = if count == 1 {
            format!(
                "paragraph {what}s a paragraph of {original_name} (line {})",
                from.start.line
            )
        } else {
            format!(
                "{count} paragraphs {what} paragraphs of {original_name} (lines {}–{})",
                from.start.line, to.end.line
            )
        };
        let mut diagnostic = Diagnostic::new(
            "duplicated-block",
            first.start.offset as usize..last.end.offset as usize,
            message,
        )
        .with_help("keep one copy: the same text in two files counts twice in any corpus statistic");
        diagnostic.severity = severity;
        diagnostic.related.push(Related {
            path: Some(original_name),
            span: (from.start.offset as usize..to.end.offset as usize).into(),
            message: "earlier copy".to_owned(),
        });
        Located {
            diagnostic,
            start: first.start,
            end: last.end,
            related: vec![(from.start, to.end)],
            edits: Vec::new(),
            fingerprint: if count == 1 {
                first.diagnostic_fingerprint
            } else {
                first.diagnostic_fingerprint ^ last.diagnostic_fingerprint.rotate_left(1)
            },
            code_points: file.record.as_ref().map(|_| (first.start_char, last.end_char)),
        }
    }
}

/// The MinHash sketch of a text's shingles, by one-permutation hashing: each shingle is
/// hashed once, the hash's top bits pick one of the sketch's bins and the bin keeps the least
/// of the rest. An empty bin (a short text) borrows the bin after it, mixed with the distance,
/// so two sketches agree on it when they agree on the bin it borrows. Two texts agree on a bin
/// about as often as their shingle sets overlap (Jaccard), at one hash a shingle instead of
/// one a bin.
fn sketch(text: &str, boundaries: &[usize]) -> [u64; SIGNATURE] {
    const BIN_BITS: u32 = SIGNATURE.trailing_zeros();
    let mut bins = [u64::MAX; SIGNATURE];
    for window in boundaries.windows(SHINGLE + 1) {
        let h = mix(hash_of(&text[window[0]..window[SHINGLE]]));
        let bin = (h >> (64 - BIN_BITS)) as usize;
        bins[bin] = bins[bin].min(h << BIN_BITS);
    }
    let mut signature = bins;
    for (i, slot) in signature.iter_mut().enumerate() {
        if *slot != u64::MAX {
            continue;
        }
        if let Some(distance) = (1..SIGNATURE).find(|d| bins[(i + d) % SIGNATURE] != u64::MAX) {
            *slot = mix(bins[(i + distance) % SIGNATURE] ^ distance as u64);
        }
    }
    signature
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

#[cfg(test)]
mod tests {
    use super::*;

    fn prints(text: &str) -> Vec<Fingerprint> {
        fingerprints(&Document::parse(text), 20)
    }

    #[test]
    fn the_paragraphs_seen_are_found_across_chunks() {
        let mut list = SeenList::default();
        let at = |line| Position {
            line,
            column: 1,
            offset: 0,
        };
        for k in 0..SEEN_CHUNK as u32 + 3 {
            assert_eq!(list.len(), k as usize);
            list.push(Seen {
                file: k,
                start: at(k),
                end: at(k + 1),
            });
        }
        assert_eq!(list.chunks.len(), 2);
        for k in [0, 1, SEEN_CHUNK - 1, SEEN_CHUNK, SEEN_CHUNK + 2] {
            assert_eq!((list[k].file, list[k].start.line), (k as u32, k as u32));
        }
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
