//! Writing a file so that anyone reading it, or a crash at any moment, sees the old file or
//! the new one, never half of one: a temporary file in the same directory, written, synced
//! and renamed over the target, then the directory synced so that the rename lasts. Fixes,
//! baselines and reports all write this way.

use std::io::Write;
use std::path::Path;

/// The name of a temporary file `write` makes (`.newslint-XXXXXX.tmp`).
pub fn is_leftover(name: &str) -> bool {
    name.starts_with(".newslint-") && name.ends_with(".tmp")
}

/// Replaces (or creates) `path` with `bytes`. The file keeps the permissions of the one it
/// replaces; a new file gets a new file's (0644). The temporary file is hidden
/// (`.newslint-*.tmp`), so a walk never lints one left by a killed run.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = Pending::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// A replacement being written: it takes the target's place on `commit`, and is deleted if
/// dropped before (a run that fails leaves the old file as it was). A target that exists and
/// is not a regular file (a device such as `/dev/stdout`, a FIFO) is written to directly:
/// replacing it would put a file where the device was.
pub struct Pending {
    target: Target,
    path: std::path::PathBuf,
    dir: std::path::PathBuf,
}

enum Target {
    Temp(std::io::BufWriter<tempfile::NamedTempFile>),
    Direct(std::io::BufWriter<std::fs::File>),
}

impl Pending {
    pub fn create(path: &Path) -> std::io::Result<Pending> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            let file = std::fs::OpenOptions::new().write(true).open(path)?;
            return Ok(Pending {
                target: Target::Direct(std::io::BufWriter::with_capacity(1 << 16, file)),
                path: path.to_path_buf(),
                dir: dir.to_path_buf(),
            });
        }
        // The temporary file's name means nothing to the user: name the folder instead.
        let temp = tempfile::Builder::new()
            .prefix(".newslint-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| {
                let why = match e.kind() {
                    std::io::ErrorKind::NotFound => "no such directory".to_owned(),
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                    kind => kind.to_string(),
                };
                std::io::Error::new(
                    e.kind(),
                    format!("cannot create a file in {}: {why}", dir.display()),
                )
            })?;
        Ok(Pending {
            target: Target::Temp(std::io::BufWriter::with_capacity(1 << 16, temp)),
            path: path.to_path_buf(),
            dir: dir.to_path_buf(),
        })
    }

    /// Puts the written file in the target's place.
    pub fn commit(self) -> std::io::Result<()> {
        let temp = match self.target {
            Target::Temp(temp) => temp.into_inner().map_err(std::io::IntoInnerError::into_error)?,
            Target::Direct(mut file) => return file.flush(),
        };
        match std::fs::metadata(&self.path) {
            Ok(old) => {
                temp.as_file().set_permissions(old.permissions())?;
                keep_owner(temp.as_file(), &old)?;
            }
            Err(_) => set_new_file_permissions(temp.as_file())?,
        }
        temp.as_file().sync_all()?;
        temp.persist(&self.path).map_err(|e| e.error)?;
        std::fs::File::open(&self.dir)?.sync_all()
    }
}

impl Write for Pending {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.target {
            Target::Temp(temp) => temp.write(buf),
            Target::Direct(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.target {
            Target::Temp(temp) => temp.flush(),
            Target::Direct(file) => file.flush(),
        }
    }
}

/// The replacement belongs to whoever owned the file (a run as root must not take it over).
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, old: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let now = file.metadata()?;
    if (now.uid(), now.gid()) == (old.uid(), old.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()))
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn set_new_file_permissions(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    // What `File::create` gives under the usual umask of 022.
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_new_file_permissions(_: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn replaces_keeping_permissions_and_creates_readable_files() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old.txt");
        std::fs::write(&old, "x").unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o640)).unwrap();
        write(&old, b"y").unwrap();
        assert_eq!(std::fs::read(&old).unwrap(), b"y");
        assert_eq!(
            std::fs::metadata(&old).unwrap().permissions().mode() & 0o777,
            0o640
        );
        let new = dir.path().join("new.txt");
        write(&new, b"z").unwrap();
        assert_eq!(
            std::fs::metadata(&new).unwrap().permissions().mode() & 0o777,
            0o644
        );
        // Nothing but the two files is left.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_device_is_written_to_not_replaced() {
        let mut null = Pending::create(Path::new("/dev/null")).unwrap();
        null.write_all(b"x").unwrap();
        null.commit().unwrap();
        assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
    }
}
