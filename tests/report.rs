//! `newslint report`: the figures, the self-contained page, and the page in a real browser
//! (headless Chromium, when installed: `.ci/run` installs it and sets
//! NEWSLINT_REQUIRE_BROWSER=1 so that CI cannot skip it).

mod common;

use common::repo;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn report(args: &[&str], cwd: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_newslint"))
        .arg("report")
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("newslint runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn figures_as_json() {
    let figures: Value =
        serde_json::from_str(&report(&["seeds", "--format", "json", "-o", "-"], repo())).unwrap();
    assert_eq!(figures["files"], 5);
    assert_eq!(figures["files_with_faults"], 5);
    let faults = figures["faults"].as_u64().unwrap();
    let per_rule: u64 = figures["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["faults"].as_u64().unwrap())
        .sum();
    assert_eq!(faults, per_rule);
    let binned: u64 = figures["distribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b[1].as_u64().unwrap())
        .sum();
    assert_eq!(binned, 5);
    let split = figures["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "split-paragraph")
        .unwrap();
    let example = &split["examples"][0];
    assert_eq!(example["path"], "seeds/000_bcdee26c53fe6a14.txt");
    assert_eq!(example["line"], 62);
    assert!(example["text"].as_str().unwrap().starts_with('化'));
    assert!(example["href"].as_str().unwrap().starts_with("file:///"));
}

#[test]
fn the_page_is_self_contained_and_renders() {
    let dir = tempfile::tempdir().unwrap();
    let page_path = dir.path().join("report.html");
    report(&["seeds", "-o", page_path.to_str().unwrap()], repo());
    let page = std::fs::read_to_string(&page_path).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    // Nothing to fetch: no script, stylesheet or image from elsewhere.
    for outside in ["<script", "src=\"http", "href=\"http", "@import", "url("] {
        assert!(!page.contains(outside), "{outside}");
    }
    assert!(page.contains(r#"<svg id="faults-per-rule""#) && page.contains(r#"<svg id="distribution""#));
    assert!(page.contains("<mark>"));

    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    let Some(browser) = browser else {
        assert!(
            std::env::var_os("NEWSLINT_REQUIRE_BROWSER").is_none(),
            "NEWSLINT_REQUIRE_BROWSER is set and no Chromium was found (apt-get install chromium)"
        );
        eprintln!("no Chromium installed: the page was not opened in a browser");
        return;
    };
    let url = format!("file://{}", page_path.display());
    let headless = |extra: &[&str]| {
        Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--enable-logging=stderr",
                "--v=0",
            ])
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join("profile").display()
            ))
            .args(extra)
            .arg(&url)
            .output()
            .expect("the browser runs")
    };
    // The DOM as the browser built it: both charts with their bars, the table, the examples.
    let dom = headless(&["--dump-dom"]);
    let html = String::from_utf8_lossy(&dom.stdout);
    let log = String::from_utf8_lossy(&dom.stderr);
    assert!(!log.contains("CONSOLE"), "console messages: {log}");
    let bars = html.matches("<rect").count();
    assert!(bars >= 5 + 9, "{bars} bars");
    assert_eq!(html.matches("<tr>").count(), 1 + 5, "a header and a row per file");
    assert!(html.contains("split-paragraph"));
    // A screenshot: the charts are drawn (the page is not blank).
    let shot = dir.path().join("report.png");
    let out = headless(&[
        "--hide-scrollbars",
        "--window-size=1100,1600",
        &format!("--screenshot={}", shot.display()),
    ]);
    let png = std::fs::read(&shot)
        .unwrap_or_else(|_| panic!("no screenshot: {}", String::from_utf8_lossy(&out.stderr)));
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "{} bytes",
        png.len()
    );
}
