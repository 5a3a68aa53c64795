//! What every rule declares about itself, and the one thing it does: check a document.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Document;
use serde::de::DeserializeOwned;

/// Groups of rules, selectable by name like a rule (`select = ["characters"]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// What the page layout did to the text.
    Structure,
    /// Characters and script.
    Characters,
    /// Residue of the web page or print page.
    Residue,
    /// Off unless selected: house-style matters.
    Pedantic,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Structure,
        Category::Characters,
        Category::Residue,
        Category::Pedantic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Structure => "structure",
            Category::Characters => "characters",
            Category::Residue => "residue",
            Category::Pedantic => "pedantic",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

impl FixAvailability {
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::None => "no",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Always => "yes",
        }
    }
}

/// A rule's public face: its name is a contract (CLI, config, outputs, suppressions).
#[derive(Debug)]
pub struct RuleMeta {
    pub name: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub default_enabled: bool,
    pub fix: FixAvailability,
    /// Markdown: What it does / Why is this bad / Example / Fix safety / Data.
    pub doc: &'static str,
}

impl RuleMeta {
    /// The documentation with the one leading space of each `///` line removed.
    pub fn documentation(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The first sentence of "What it does", for tables.
    pub fn summary(&self) -> String {
        let doc = self.documentation();
        let body: Vec<&str> = doc
            .lines()
            .skip_while(|l| !l.starts_with("## What it does"))
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            .collect();
        body.join(" ")
    }
}

/// A rule, built once per run from its options, then run on every document.
pub trait Check: Send + Sync {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>);
}

/// Builds a rule from its `[rules.NAME]` table; the error names the offending key.
pub type Build = fn(Option<&toml::Value>) -> Result<Box<dyn Check>, String>;

/// The registry entry: metadata and a constructor taking the rule's config table.
pub struct RuleEntry {
    pub meta: &'static RuleMeta,
    pub build: Build,
}

/// Reads a rule's options from its `[rules.NAME]` table (defaults when absent).
pub fn options<T: DeserializeOwned + Default>(value: Option<&toml::Value>) -> Result<T, String> {
    match value {
        None => Ok(T::default()),
        Some(v) => T::deserialize(v.clone()).map_err(|e| e.message().to_owned()),
    }
}

/// Declares a rule's metadata from its doc comment, so the documentation that
/// `newslint rule NAME` prints and the README's table cannot drift from the code.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        name: $name:literal,
        category: $category:ident,
        severity: $severity:ident,
        default: $default:literal,
        fix: $fix:ident $(,)?
    ) => {
        pub(crate) static META: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
            name: $name,
            category: $crate::rule::Category::$category,
            severity: $crate::diagnostic::Severity::$severity,
            default_enabled: $default,
            fix: $crate::rule::FixAvailability::$fix,
            doc: concat!($($doc, "\n"),*),
        };
    };
}
pub(crate) use declare_rule;
