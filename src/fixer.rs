//! `--fix`, `--unsafe-fixes` and `--diff`: apply the fixes of a file until nothing is left to
//! fix, and write it back atomically in the encoding it came in.
//!
//! A fix pass applies the fixes that do not overlap, then the text is linted again: a fix
//! that moved text may make room for another, or uncover one. Passes are bounded; a file that
//! is still changing after them is left as it was and reported, as a bug.

use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, apply_fixes};
use crate::runner::{ActiveRule, check_text};
use std::collections::BTreeMap;
use std::path::Path;

/// Lint-and-fix passes a file gets.
const MAX_PASSES: usize = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixMode {
    /// Apply unsafe fixes too.
    pub unsafe_fixes: bool,
    /// Write the files (`--fix`), or only show the diff (`--diff`).
    pub write: bool,
}

impl FixMode {
    fn threshold(self) -> Applicability {
        if self.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        }
    }
}

/// A file's text after its fixes, and how many fixes of each rule went in.
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

/// Lints and fixes `text` until no applicable fix is left.
pub fn fix_text(text: &str, rules: &[ActiveRule], ignored: &[&str], mode: FixMode) -> Result<FixRun, String> {
    let mut current = text.to_owned();
    let mut applied: BTreeMap<&'static str, usize> = BTreeMap::new();
    for _ in 0..MAX_PASSES {
        let (diagnostics, _) = check_text(&current, rules, ignored);
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

/// A unified diff from `old` to `new`, the form `patch` and `git apply` read.
pub fn diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// Replaces the file at `path` with `bytes`, atomically (`crate::atomic`), unless its bytes
/// on disk are no longer `original` (it changed since it was read). A symbolic link is
/// followed: its target is written, the link stays.
pub fn write_fixed(path: &Path, original: &[u8], bytes: &[u8]) -> Result<(), String> {
    let target = path
        .canonicalize()
        .map_err(|e| format!("cannot resolve the path to write it: {e}"))?;
    let on_disk = std::fs::read(&target).map_err(|e| format!("cannot read it again before writing: {e}"))?;
    if on_disk != original {
        return Err("changed on disk since it was read: not overwritten (run again)".to_owned());
    }
    crate::atomic::write(&target, bytes).map_err(|e| format!("cannot write the fixed file: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_on_disk_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "他说,好。").unwrap();
        let error = write_fixed(&path, "他说,不好。".as_bytes(), "他说，好。".as_bytes()).unwrap_err();
        assert!(error.contains("changed on disk"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "他说,好。");
        write_fixed(&path, "他说,好。".as_bytes(), "他说，好。".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "他说，好。");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn permissions_and_links_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "x").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        write_fixed(&link, b"x", b"y").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&path).unwrap(), b"y");
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}
