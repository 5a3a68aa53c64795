//! The file side of `--fix` and `--diff`: the diff of a fixed text, and writing it back
//! atomically. The fix loop itself is the core's (`Linter::fix`).

use std::path::Path;

/// A unified diff from `old` to `new`, the form `patch` and `git apply` read.
pub fn diff(path: &str, old: &str, new: &str) -> String {
    // `patch` and `git apply` end lines at `\n` only; similar also ends them at a lone `\r`,
    // and its hunks then do not apply. A lone `\r` is hidden behind a placeholder while the
    // lines are compared, and put back in the output.
    const HIDDEN_CR: char = '\u{10FFFD}';
    let hide = |text: &str| {
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            if c == '\r' && bytes.get(i + 1) != Some(&b'\n') {
                out.push(HIDDEN_CR);
            } else {
                out.push(c);
            }
        }
        out
    };
    let lone_cr = |text: &str| {
        text.match_indices('\r')
            .any(|(i, _)| text.as_bytes().get(i + 1) != Some(&b'\n'))
    };
    let hidden = (lone_cr(old) || lone_cr(new)) && !old.contains(HIDDEN_CR) && !new.contains(HIDDEN_CR);
    let (old, new) = if hidden {
        (
            std::borrow::Cow::Owned(hide(old)),
            std::borrow::Cow::Owned(hide(new)),
        )
    } else {
        (std::borrow::Cow::Borrowed(old), std::borrow::Cow::Borrowed(new))
    };
    let text = similar::TextDiff::from_lines(old.as_ref(), new.as_ref())
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string();
    if hidden {
        text.replace(HIDDEN_CR, "\r")
    } else {
        text
    }
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
    // Replacing the file would cut it off from its other names; writing it in place would
    // not be atomic. Neither is a fix's to decide.
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let links = std::fs::metadata(&target).map(|m| m.nlink()).unwrap_or(1);
        if links > 1 {
            return Err(format!(
                "has {links} hard links, which a fix would break: not written (see --diff)"
            ));
        }
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
