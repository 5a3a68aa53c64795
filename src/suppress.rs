//! `newslint-ignore.toml`: faults accepted on purpose, kept beside the text. News text cannot
//! carry a `# noqa` comment (it would corrupt the corpus), so each accepted fault is an entry
//! of a side file in the project's root (the folder of `newslint.toml`, or the current one).
//!
//! ```toml
//! [[ignore]]
//! rule = "repeated-token"
//! path = "2024/0312.txt"            # a glob, relative to this file's folder
//! fingerprint = "6c1f0d9a8e2b4473"  # one occurrence (the baseline's key)
//! text = "研究研究"                  # or every occurrence whose flagged text is this
//! reason = "quoted speech"
//! ```
//!
//! An entry with neither `fingerprint` nor `text` turns the rule off for the files its
//! `path` matches. An occurrence is keyed as in the baseline: by the rule and the text around
//! it, so that it survives lines inserted above it and a move of its file within the glob.

use crate::config::{RootedPath, glob_of};
use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

pub const IGNORE_FILE: &str = "newslint-ignore.toml";

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct IgnoreFile {
    #[serde(default)]
    ignore: Vec<Entry>,
}

/// One accepted fault, or one rule accepted in some files.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rule: String,
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The entries of one side file, compiled, with what each has matched in this run.
#[derive(Debug)]
pub struct Suppressions {
    /// Where the entries came from, for messages.
    pub source: PathBuf,
    entries: Vec<Compiled>,
    root: RootedPath,
}

#[derive(Debug)]
struct Compiled {
    entry: Entry,
    rule: &'static str,
    glob: globset::GlobMatcher,
    key: Key,
    /// A linted file matched the glob.
    file_seen: AtomicBool,
    /// A diagnostic matched the entry (for entries of one occurrence).
    used: AtomicBool,
}

#[derive(Debug, PartialEq)]
enum Key {
    Fingerprint(u64),
    Text(String),
    WholeFile,
}

/// What the side file turns off in one file: whole rules, and entries to match diagnostics
/// against (indices into the side file's entries).
#[derive(Debug, Default)]
pub struct ForFile {
    pub rules: Vec<&'static str>,
    occurrences: Vec<usize>,
}

impl Suppressions {
    /// The side file in `root`, if there is one.
    pub fn discover(root: &Path) -> Result<Option<Suppressions>, String> {
        let path = root.join(IGNORE_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Suppressions::parse(&text, root, &path).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
        }
    }

    pub fn parse(text: &str, root: &Path, source: &Path) -> Result<Suppressions, String> {
        let at = |e: String| format!("{}: {e}", source.display());
        let file: IgnoreFile = toml::from_str(text).map_err(|e| at(e.to_string().trim_end().to_owned()))?;
        let mut entries = Vec::with_capacity(file.ignore.len());
        for (n, entry) in file.ignore.into_iter().enumerate() {
            let which = |e: String| at(format!("entry {}: {e}", n + 1));
            let rule = crate::rules::find(&entry.rule)
                .map(|r| r.meta.name)
                .ok_or_else(|| which(format!("unknown rule `{}`", entry.rule)))?;
            let glob = glob_of(&entry.path)
                .map_err(|e| which(e.to_string()))?
                .compile_matcher();
            let key = match (&entry.fingerprint, &entry.text) {
                (Some(hex), _) => Key::Fingerprint(
                    u64::from_str_radix(hex, 16)
                        .ok()
                        .filter(|_| hex.len() == 16)
                        .ok_or_else(|| which(format!("fingerprint `{hex}` is not 16 hexadecimal digits")))?,
                ),
                (None, Some(text)) if text.is_empty() => return Err(which("`text` is empty".to_owned())),
                (None, Some(text)) => Key::Text(text.clone()),
                (None, None) => Key::WholeFile,
            };
            entries.push(Compiled {
                entry,
                rule,
                glob,
                key,
                file_seen: AtomicBool::new(false),
                used: AtomicBool::new(false),
            });
        }
        Ok(Suppressions {
            source: source.to_path_buf(),
            entries,
            root: RootedPath::new(root),
        })
    }

    /// What the entries turn off in the file at `path`.
    pub fn for_file(&self, path: &Path) -> ForFile {
        let mut found = ForFile::default();
        if self.entries.is_empty() {
            return found;
        }
        let relative = self.root.relative(path);
        for (n, compiled) in self.entries.iter().enumerate() {
            if !compiled.glob.is_match(&relative) {
                continue;
            }
            compiled.file_seen.store(true, Ordering::Relaxed);
            if compiled.key == Key::WholeFile {
                compiled.used.store(true, Ordering::Relaxed);
                found.rules.push(compiled.rule);
            } else {
                found.occurrences.push(n);
            }
        }
        // An occurrence of a rule turned off for the whole file is accepted with it.
        found.occurrences.retain(|&n| {
            let covered = found.rules.contains(&self.entries[n].rule);
            if covered {
                self.entries[n].used.store(true, Ordering::Relaxed);
            }
            !covered
        });
        found
    }

    /// Drops from `diagnostics` (of `text`) those that an entry of `file` names.
    pub fn filter(&self, file: &ForFile, text: &str, diagnostics: &mut Vec<Diagnostic>) {
        if file.occurrences.is_empty() {
            return;
        }
        diagnostics.retain(|d| {
            let mut print = None;
            let matched = file.occurrences.iter().map(|&n| &self.entries[n]).find(|c| {
                c.rule == d.rule
                    && match &c.key {
                        Key::Fingerprint(f) => {
                            *f == *print.get_or_insert_with(|| {
                                crate::fingerprint::fingerprint(d.rule, text, d.span.range())
                            })
                        }
                        Key::Text(t) => text.get(d.span.range()) == Some(t.as_str()),
                        Key::WholeFile => false,
                    }
            });
            if let Some(c) = matched {
                c.used.store(true, Ordering::Relaxed);
            }
            matched.is_none()
        });
    }

    /// Entries for files that were linted but that matched nothing there: the fault was fixed
    /// or its text changed.
    pub fn stale(&self) -> Vec<&Entry> {
        self.entries
            .iter()
            .filter(|c| c.file_seen.load(Ordering::Relaxed) && !c.used.load(Ordering::Relaxed))
            .map(|c| &c.entry)
            .collect()
    }
}

/// `entry` as the side file writes it, to append to a file that may hold others.
pub fn render_entry(entry: &Entry) -> String {
    let file = IgnoreFile {
        ignore: vec![entry.clone()],
    };
    toml::to_string(&file).expect("an entry serialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    fn parse(text: &str) -> Result<Suppressions, String> {
        Suppressions::parse(
            text,
            Path::new("/corpus"),
            Path::new("/corpus/newslint-ignore.toml"),
        )
    }

    #[test]
    fn entries_are_checked() {
        let entry = |extra: &str| format!("[[ignore]]\nrule = \"stray-latin\"\npath = \"*.txt\"\n{extra}");
        assert!(parse(&entry("")).is_ok());
        assert!(parse("").is_ok());
        for (bad, says) in [
            (entry("fingerprint = \"12\""), "16 hexadecimal digits"),
            (
                entry("fingerprint = \"zzzzzzzzzzzzzzzz\""),
                "16 hexadecimal digits",
            ),
            (entry("text = \"\""), "`text` is empty"),
            (entry("colour = 1"), "unknown field `colour`"),
            (
                "[[ignore]]\nrule = \"stray-latin\"\npath = \"[\"\n".to_owned(),
                "entry 1",
            ),
            (
                "[[ignore]]\nrule = \"stray-latn\"\npath = \"a.txt\"\n".to_owned(),
                "unknown rule `stray-latn`",
            ),
            (
                "[[ignore]]\nrule = \"stray-latin\"\n".to_owned(),
                "missing field `path`",
            ),
        ] {
            let err = parse(&bad).unwrap_err();
            assert!(
                err.starts_with("/corpus/newslint-ignore.toml: ") && err.contains(says),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn an_occurrence_is_matched_by_its_text_or_its_fingerprint_in_the_files_of_its_glob() {
        let text = "他说,好。甲乙,丙丁。";
        let second = text.rfind(',').unwrap();
        let print = crate::fingerprint::fingerprint("halfwidth-punctuation", text, second..second + 1);
        let side = parse(&format!(
            "[[ignore]]\nrule = \"halfwidth-punctuation\"\npath = \"news/*.txt\"\nfingerprint = \"{}\"\n\n\
             [[ignore]]\nrule = \"halfwidth-punctuation\"\npath = \"a.txt\"\ntext = \",\"\n\n\
             [[ignore]]\nrule = \"stray-latin\"\npath = \"old/**\"\n",
            crate::fingerprint::hex(print)
        ))
        .unwrap();
        let found = || {
            [text.find(',').unwrap(), second]
                .map(|at| Diagnostic::new("halfwidth-punctuation", at..at + 1, "ASCII"))
                .to_vec()
        };
        let kept = |path: &str| {
            let mut diagnostics = found();
            side.filter(&side.for_file(Path::new(path)), text, &mut diagnostics);
            diagnostics
                .iter()
                .map(|d| d.span.start as usize)
                .collect::<Vec<_>>()
        };
        assert_eq!(kept("/corpus/news/1.txt"), [text.find(',').unwrap()]);
        assert_eq!(kept("/corpus/x/a.txt"), Vec::<usize>::new());
        assert_eq!(kept("/elsewhere/news/1.txt").len(), 2);
        assert_eq!(
            side.for_file(Path::new("/corpus/old/y/b.txt")).rules,
            ["stray-latin"]
        );
        // Every entry matched a file and a fault: none is stale.
        assert!(side.stale().is_empty());
    }
}
