//! The file side of `--fix` and `--diff`: the diff of a fixed text, and writing it back
//! atomically. The fix loop itself is the core's (`Linter::fix`).

use std::path::Path;

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
