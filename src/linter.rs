//! The core of newslint: lints one text and fixes it, knowing nothing of files, flags or
//! output. The file runner, the benchmarks and the quality evaluation call it, and any other
//! front-end (an editor server, records, bindings) is meant to call it the same way.

use crate::config::{ConfigFile, Layers, PerFileIgnores, Selection};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::{Applicability, apply_fixes};
use crate::rule::{Check, RuleMeta};
use crate::source::Document;
use crate::source::char_model::CharModel;
use crate::suppress::{ForFile, Suppressions};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// Lint-and-fix passes a text gets at most. A fix may bring another fault to light (a
/// joined paragraph that again stops mid-sentence, a mark that starts a paragraph once an
/// invisible character before it is gone), so a chain of them takes a pass each; the bound
/// only stops fixes that undo one another.
const MAX_PASSES: usize = 100;

/// A selected rule, built with its options, at its configured severity.
pub struct ActiveRule {
    pub meta: &'static RuleMeta,
    pub check: Box<dyn Check>,
    pub severity: Severity,
}

/// The rules to run and the files they are turned off for, built once from the settings and
/// shared read-only between threads.
pub struct Linter {
    rules: Vec<ActiveRule>,
    per_file_ignores: PerFileIgnores,
    /// The sentence model built from the user's corpus (`--model`), if any.
    model: Option<CharModel>,
    /// The faults accepted in `newslint-ignore.toml`, if there is one.
    suppressions: Option<Arc<Suppressions>>,
}

/// What is turned off in one file: rules (by `per-file-ignores`, or by a whole-file entry of
/// `newslint-ignore.toml`) and single occurrences (by its other entries).
#[derive(Debug, Default)]
pub struct Ignored {
    pub rules: Vec<&'static str>,
    occurrences: ForFile,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixMode {
    /// Apply unsafe fixes too.
    pub unsafe_fixes: bool,
    /// Write the files (`--fix`), or only show the diff (`--diff`).
    pub write: bool,
}

impl FixMode {
    pub(crate) fn threshold(self) -> Applicability {
        if self.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        }
    }
}

/// A text after its fixes, and how many fixes of each rule went in.
pub struct Fixed {
    pub text: String,
    pub applied: BTreeMap<&'static str, usize>,
}

/// What the fix loop leaves: the fixed text (`None` when nothing was fixed) and the
/// diagnostics of the final text, which its last pass found (no need to lint it again).
pub struct FixRun {
    pub fixed: Option<Fixed>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Linter {
    pub fn new(rules: Vec<ActiveRule>, per_file_ignores: PerFileIgnores) -> Self {
        Linter {
            rules,
            per_file_ignores,
            model: None,
            suppressions: None,
        }
    }

    /// The linter, leaving out the faults `suppressions` accepts.
    pub fn with_suppressions(mut self, suppressions: Option<Suppressions>) -> Self {
        self.suppressions = suppressions.map(Arc::new);
        self
    }

    pub fn suppressions(&self) -> Option<&Suppressions> {
        self.suppressions.as_deref()
    }

    /// The linter, judging paragraph breaks with `model` instead of the shipped one.
    pub fn with_model(mut self, model: Option<CharModel>) -> Self {
        self.model = model;
        self
    }

    /// Parses `text` for the rules, with this linter's sentence model.
    pub fn parse<'a>(&'a self, text: &'a str) -> Document<'a> {
        Document::parse(text).with_model(self.model.as_ref())
    }

    /// The linter a configuration describes: its selection layered with `layers` (the command
    /// line's above it, an editor's below or above), its rules' options and severities, its per-file ignores (globs relative to
    /// `root`) and its sentence model (relative to `root`, unless `model` is given). Every
    /// rule's options are checked, selected or not: a typo should not wait to bite.
    pub fn configured(
        file: &ConfigFile,
        root: &Path,
        layers: Layers,
        model: Option<CharModel>,
    ) -> Result<Linter, String> {
        let mut all: Vec<Selection> = layers.below.into_iter().collect();
        all.push(Selection {
            select: file.select.as_deref(),
            extend_select: &file.extend_select,
            ignore: &file.ignore,
        });
        all.extend(layers.above);
        let selected = crate::config::selected_rules(&all)?;
        let mut active = Vec::new();
        for entry in crate::rules::RULES {
            let check = (entry.build)(file.rules.get(entry.meta.name))
                .map_err(|e| format!("[rules.{}]: {e}", entry.meta.name))?;
            if selected.iter().any(|s| s.meta.name == entry.meta.name) {
                let severity = file
                    .severity
                    .get(entry.meta.name)
                    .copied()
                    .unwrap_or(entry.meta.severity);
                active.push(ActiveRule {
                    meta: entry.meta,
                    check,
                    severity,
                });
            }
        }
        let per_file_ignores = PerFileIgnores::new(&file.per_file_ignores, root)?;
        let model = match (model, &file.model) {
            (Some(model), _) => Some(model),
            (None, Some(path)) => Some(CharModel::open(&root.join(path))?),
            (None, None) => None,
        };
        Ok(Linter::new(active, per_file_ignores).with_model(model))
    }

    /// Every rule that is on by default, with default options and severities.
    pub fn with_default_rules() -> Self {
        let rules = crate::rules::RULES
            .iter()
            .filter(|entry| entry.meta.default_enabled)
            .map(|entry| ActiveRule {
                meta: entry.meta,
                check: (entry.build)(None).expect("default options are valid"),
                severity: entry.meta.severity,
            })
            .collect();
        Linter::new(rules, PerFileIgnores::default())
    }

    pub fn rules(&self) -> &[ActiveRule] {
        &self.rules
    }

    pub fn rule(&self, name: &str) -> Option<&ActiveRule> {
        self.rules.iter().find(|r| r.meta.name == name)
    }

    /// What `per-file-ignores` and `newslint-ignore.toml` turn off for `path` (nothing for a
    /// text without a path).
    pub fn ignored(&self, path: Option<&Path>) -> Ignored {
        let Some(path) = path else {
            return Ignored::default();
        };
        let mut rules = self.per_file_ignores.ignored(path);
        let occurrences = match &self.suppressions {
            Some(suppressions) => {
                let mut found = suppressions.for_file(path);
                rules.append(&mut found.rules);
                found
            }
            None => ForFile::default(),
        };
        Ignored { rules, occurrences }
    }

    /// Lints `text`, named `path` for the per-file ignores; diagnostics sorted by position,
    /// then rule.
    pub fn lint(&self, text: &str, path: Option<&Path>) -> Vec<Diagnostic> {
        self.lint_document(&self.parse(text), &self.ignored(path))
    }

    /// Lints a parsed document, leaving out what is `ignored`.
    pub fn lint_document(&self, doc: &Document, ignored: &Ignored) -> Vec<Diagnostic> {
        let mut all = Vec::new();
        let mut found = Vec::new();
        for rule in self
            .rules
            .iter()
            .filter(|r| !ignored.rules.contains(&r.meta.name))
        {
            rule.check.check(doc, &mut found);
            for mut d in found.drain(..) {
                d.severity = rule.severity;
                all.push(d);
            }
        }
        all.sort_by(|a, b| {
            (a.span.start, a.rule, a.span.end, &a.message).cmp(&(
                b.span.start,
                b.rule,
                b.span.end,
                &b.message,
            ))
        });
        all.dedup();
        say_where_the_line_is_boilerplate(doc, &mut all);
        if let Some(suppressions) = &self.suppressions {
            suppressions.filter(&ignored.occurrences, doc.text, &mut all);
        }
        all
    }

    /// Lints and fixes `text` until no applicable fix is left. A fix pass applies the fixes
    /// that do not overlap, then the text is linted again: a fix that moved text may make room
    /// for another, or uncover one. Passes are bounded; a text still changing after them is an
    /// error, and the caller keeps the text as it was.
    pub fn fix(&self, text: &str, ignored: &Ignored, mode: FixMode) -> Result<FixRun, String> {
        self.fix_linted(
            text,
            self.lint_document(&self.parse(text), ignored),
            ignored,
            mode,
        )
    }

    /// `fix` for a text already linted: `linted` are the diagnostics `lint_document` gives
    /// `text` with `ignored`, and the first pass applies their fixes without linting again.
    pub fn fix_linted(
        &self,
        text: &str,
        linted: Vec<Diagnostic>,
        ignored: &Ignored,
        mode: FixMode,
    ) -> Result<FixRun, String> {
        let mut current = text.to_owned();
        let mut applied: BTreeMap<&'static str, usize> = BTreeMap::new();
        let mut linted = Some(linted);
        for _ in 0..MAX_PASSES {
            let diagnostics = match linted.take() {
                Some(first) => first,
                None => self.lint_document(&self.parse(&current), ignored),
            };
            let fixes = diagnostics
                .iter()
                .filter_map(|d| d.fix.as_ref().map(|f| (d.rule, f)))
                .filter(|(_, f)| f.applicability >= mode.threshold());
            let (next, rules) = apply_fixes(&current, fixes);
            if next == current {
                return Ok(FixRun {
                    fixed: (current != text).then_some(Fixed {
                        text: current,
                        applied,
                    }),
                    diagnostics,
                });
            }
            for rule in rules {
                *applied.entry(rule).or_default() += 1;
            }
            current = next;
        }
        Err(format!(
            "the fixes did not settle after {MAX_PASSES} passes (a bug in newslint: please report it); the file is left as it was"
        ))
    }
}

/// A fault on a line that `boilerplate` flags (a `来源：…  作者：…` header) goes with the line:
/// its message says so, so that a reader deleting the line knows the others go with it.
fn say_where_the_line_is_boilerplate(doc: &Document, all: &mut [Diagnostic]) {
    let lines: Vec<usize> = all
        .iter()
        .filter(|d| d.rule == BOILERPLATE)
        .map(|d| doc.index.line_of(d.span.start as usize))
        .collect();
    if lines.is_empty() {
        return;
    }
    for d in all.iter_mut().filter(|d| d.rule != BOILERPLATE) {
        let line = doc.index.line_of(d.span.start as usize);
        if lines.contains(&line) && doc.index.line_of(d.span.end.saturating_sub(1) as usize) == line {
            d.message.push_str(ON_BOILERPLATE_LINE);
        }
    }
}

const BOILERPLATE: &str = "boilerplate";

/// What a fault on a boilerplate line adds to its message.
pub const ON_BOILERPLATE_LINE: &str = ", on a boilerplate line (removing the line removes it too)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_on_a_boilerplate_line_say_that_the_line_is_boilerplate() {
        let found = Linter::with_default_rules().lint("他说,今天下雨。\n\n责任编辑:梁荣\n", None);
        let colons: Vec<&str> = found
            .iter()
            .filter(|d| d.rule == "halfwidth-punctuation")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(colons.len(), 2, "{found:?}");
        assert!(!colons[0].ends_with(ON_BOILERPLATE_LINE) && colons[1].ends_with(ON_BOILERPLATE_LINE));
        assert!(
            found
                .iter()
                .any(|d| d.rule == BOILERPLATE && !d.message.ends_with(ON_BOILERPLATE_LINE))
        );
    }
}
