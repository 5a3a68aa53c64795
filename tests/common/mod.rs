//! What the end-to-end tests share: running the binary and reading what it printed.

#![allow(dead_code)] // Each test file uses its own part of this.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `newslint ARGS` in `cwd`, with nothing on standard input.
pub fn newslint(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newslint"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .output()
        .expect("newslint runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The repository's root, where `seeds/` is.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}
