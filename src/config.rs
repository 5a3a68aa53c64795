//! `newslint.toml`: which rules run, at what severity, on which files, with which options.

use crate::diagnostic::Severity;
use crate::rule::{Category, RuleEntry};
use crate::rules::RULES;
use crate::source::EncodingChoice;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "newslint.toml";

/// The file as written. Unknown keys are errors that name the key.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Rules or categories to run instead of the default set (`ALL` for every rule).
    pub select: Option<Vec<String>>,
    /// Rules or categories to run besides those selected.
    #[serde(default)]
    pub extend_select: Vec<String>,
    /// Rules or categories not to run.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// A severity per rule: `error`, `warning` or `info`.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Glob → rules or categories ignored in the files it matches.
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    /// Each rule's options, under `[rules.NAME]`.
    #[serde(default)]
    pub rules: BTreeMap<String, toml::Value>,
    /// File extensions linted when walking directories (default: txt, md).
    pub extensions: Option<Vec<String>>,
    /// The encoding of the files (default: auto).
    pub encoding: Option<EncodingChoice>,
    /// Where `duplicated-block` looks for earlier copies: `file` (default) or `corpus`.
    pub duplicates: Option<DuplicateScope>,
    /// A sentence model made by `newslint model build`, relative to this file.
    pub model: Option<PathBuf>,
}

/// Where `duplicated-block` looks for the earlier copy of a paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DuplicateScope {
    /// In the same file.
    #[default]
    File,
    /// In the same file and in every file linted before it (in path order).
    Corpus,
}

#[derive(Debug)]
pub struct LoadedConfig {
    pub file: ConfigFile,
    /// The directory `per-file-ignores` globs are relative to.
    pub root: PathBuf,
    pub path: Option<PathBuf>,
}

/// Finds `newslint.toml` in `start` or above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|candidate| candidate.is_file())
}

pub fn load(explicit: Option<&Path>, isolated: bool) -> Result<LoadedConfig, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None if isolated => None,
        None => discover(&cwd),
    };
    let Some(path) = path else {
        return Ok(LoadedConfig {
            file: ConfigFile::default(),
            root: cwd,
            path: None,
        });
    };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let file = parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let root = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or(cwd, Path::to_path_buf);
    Ok(LoadedConfig {
        file,
        root,
        path: Some(path),
    })
}

pub fn parse(text: &str) -> Result<ConfigFile, String> {
    let file: ConfigFile = toml::from_str(text).map_err(|e| e.to_string().trim_end().to_owned())?;
    checked(file)
}

/// The same configuration written as JSON (the Python package takes it as a dict).
pub fn parse_json(text: &str) -> Result<ConfigFile, String> {
    checked(serde_json::from_str(text).map_err(|e| e.to_string())?)
}

fn checked(file: ConfigFile) -> Result<ConfigFile, String> {
    for name in file.severity.keys().chain(file.rules.keys()) {
        if crate::rules::find(name).is_none() {
            return Err(format!("unknown rule `{name}`"));
        }
    }
    Ok(file)
}

/// The rules a selector names: `ALL`, a category, or one rule.
pub fn resolve_selector(selector: &str) -> Result<Vec<&'static RuleEntry>, String> {
    // `--select 'a, b'` splits into `a` and ` b`.
    let selector = selector.trim();
    if selector.eq_ignore_ascii_case("ALL") {
        return Ok(RULES.iter().collect());
    }
    if let Some(category) = Category::ALL.iter().find(|c| c.as_str() == selector) {
        return Ok(RULES.iter().filter(|r| r.meta.category == *category).collect());
    }
    crate::rules::find(selector)
        .map(|r| vec![r])
        .ok_or_else(|| format!("unknown rule or category `{selector}` (see `newslint rules`)"))
}

/// One layer of rule selection: the configuration file, then the command line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Selection<'a> {
    pub select: Option<&'a [String]>,
    pub extend_select: &'a [String],
    pub ignore: &'a [String],
}

/// Rule selections layered with a configuration file's, each overriding those before it:
/// `below` (which the file's overrides), the file's, then `above`.
#[derive(Debug, Default, Clone)]
pub struct Layers<'a> {
    pub below: Option<Selection<'a>>,
    pub above: Vec<Selection<'a>>,
}

/// An editor's rule selection (the server's settings `select` and `ignore`), and whether the
/// configuration file overrides it (`configurationPreference` "filesystemFirst") or it the
/// file ("editorFirst").
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct EditorSelection {
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    pub file_wins: bool,
}

impl EditorSelection {
    pub fn layer(&self) -> Selection<'_> {
        Selection {
            select: self.select.as_deref(),
            extend_select: &[],
            ignore: &self.ignore,
        }
    }
}

fn names(selectors: &[String]) -> Result<Vec<&'static str>, String> {
    let mut out = Vec::new();
    for s in selectors {
        out.extend(resolve_selector(s)?.iter().map(|r| r.meta.name));
    }
    Ok(out)
}

/// Which rules run. Starting from the default set, each layer in turn: its `select` replaces
/// what came before, `extend-select` adds, `ignore` removes. So `--select X` on the command
/// line runs X even where the configuration file ignores it.
pub fn selected_rules(layers: &[Selection]) -> Result<Vec<&'static RuleEntry>, String> {
    let mut chosen: Vec<&'static str> = RULES
        .iter()
        .filter(|r| r.meta.default_enabled)
        .map(|r| r.meta.name)
        .collect();
    for layer in layers {
        if let Some(select) = layer.select {
            chosen = names(select)?;
        }
        chosen.extend(names(layer.extend_select)?);
        let dropped = names(layer.ignore)?;
        chosen.retain(|name| !dropped.contains(name));
    }
    Ok(RULES.iter().filter(|r| chosen.contains(&r.meta.name)).collect())
}

/// A glob of the configuration: one without a slash matches a file name anywhere, as in
/// .gitignore.
pub fn glob_of(pattern: &str) -> Result<Glob, globset::Error> {
    if pattern.contains('/') {
        Glob::new(pattern)
    } else {
        Glob::new(&format!("**/{pattern}"))
    }
}

/// The folder a configuration's globs are relative to.
#[derive(Debug, Default)]
pub struct RootedPath {
    root: PathBuf,
}

impl RootedPath {
    pub fn new(root: &Path) -> Self {
        // Paths are matched absolute: a root given relative (`--config ./newslint.toml`) is
        // made absolute too.
        RootedPath {
            root: root
                .canonicalize()
                .or_else(|_| std::path::absolute(root))
                .unwrap_or_else(|_| root.to_path_buf()),
        }
    }

    /// `path` relative to the root, for matching (as it is when it lies outside).
    pub fn relative(&self, path: &Path) -> PathBuf {
        // Both sides resolved (`..`, symbolic links): `../newslint.toml` and `a.txt` meet.
        let absolute = path
            .canonicalize()
            .or_else(|_| std::path::absolute(path))
            .unwrap_or_else(|_| path.to_path_buf());
        let relative = absolute.strip_prefix(&self.root).unwrap_or(&absolute);
        relative.strip_prefix("./").unwrap_or(relative).to_path_buf()
    }
}

/// `per-file-ignores`, compiled.
#[derive(Debug, Default)]
pub struct PerFileIgnores {
    globs: GlobSet,
    /// For each glob, the rule names it ignores.
    rules: Vec<Vec<&'static str>>,
    root: RootedPath,
}

impl PerFileIgnores {
    pub fn new(table: &BTreeMap<String, Vec<String>>, root: &Path) -> Result<Self, String> {
        let mut builder = GlobSetBuilder::new();
        let mut rules = Vec::new();
        for (pattern, selectors) in table {
            let glob = glob_of(pattern).map_err(|e| format!("per-file-ignores: {e}"))?;
            builder.add(glob);
            let mut names = Vec::new();
            for s in selectors {
                names.extend(resolve_selector(s)?.iter().map(|r| r.meta.name));
            }
            rules.push(names);
        }
        Ok(PerFileIgnores {
            globs: builder.build().map_err(|e| format!("per-file-ignores: {e}"))?,
            rules,
            root: RootedPath::new(root),
        })
    }

    /// The rules ignored for `path`.
    pub fn ignored(&self, path: &Path) -> Vec<&'static str> {
        if self.rules.is_empty() {
            return Vec::new();
        }
        self.globs
            .matches(self.root.relative(path))
            .into_iter()
            .flat_map(|i| self.rules[i].iter().copied())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_and_rules_are_errors_that_name_them() {
        let err = parse("selekt = []").unwrap_err();
        assert!(err.contains("selekt"), "{err}");
        let err = parse("[severity]\nstray-latn = \"error\"").unwrap_err();
        assert!(err.contains("stray-latn"), "{err}");
        // Rule options are checked when the rule is built, which names the key too.
        let parsed = parse("[rules.whitespace]\nname-pading = true").unwrap();
        let err = (crate::rules::find("whitespace").unwrap().build)(parsed.rules.get("whitespace"))
            .err()
            .unwrap();
        assert!(err.contains("name-pading"), "{err}");
    }

    #[test]
    fn selection_layers() {
        let names = |rules: Vec<&RuleEntry>| rules.iter().map(|r| r.meta.name).collect::<Vec<_>>();
        let default = selected_rules(&[]).unwrap();
        assert!(!names(default).contains(&"ascii-range-dash"));
        let (pedantic, latin) = (["pedantic".to_owned()], ["stray-latin".to_owned()]);
        let file = Selection {
            select: None,
            extend_select: &pedantic,
            ignore: &latin,
        };
        let more = selected_rules(&[file]).unwrap();
        let more = names(more);
        assert!(more.contains(&"ascii-range-dash") && !more.contains(&"stray-latin"));
        assert_eq!(
            names(
                selected_rules(&[Selection {
                    select: Some(&["residue".to_owned()]),
                    ..Selection::default()
                }])
                .unwrap()
            ),
            ["boilerplate", "markup-residue"]
        );
        assert!(
            selected_rules(&[Selection {
                select: Some(&["nope".to_owned()]),
                ..Selection::default()
            }])
            .err()
            .unwrap()
            .contains("nope")
        );
    }

    #[test]
    fn per_file_ignores_match_relative_paths_and_names() {
        let mut table = BTreeMap::new();
        table.insert("archive/**".to_owned(), vec!["boilerplate".to_owned()]);
        table.insert("*.md".to_owned(), vec!["residue".to_owned()]);
        let root = Path::new("/corpus");
        let ignores = PerFileIgnores::new(&table, root).unwrap();
        assert_eq!(
            ignores.ignored(Path::new("/corpus/archive/a.txt")),
            ["boilerplate"]
        );
        assert_eq!(
            ignores.ignored(Path::new("/corpus/x/b.md")),
            ["boilerplate", "markup-residue"]
        );
        assert!(ignores.ignored(Path::new("/corpus/x/b.txt")).is_empty());
    }
}
