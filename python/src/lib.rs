//! The `newslint._newslint` extension: the library's `Linter`, as the CLI and the language
//! server use it, for Python. The Python layer (`newslint/__init__.py`) turns what this
//! returns into dicts and Arrow record batches.

use newslint::linter::{FixMode, Linter};
use newslint::outcome::{FileReport, Located, locate};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// A linter built once from its configuration and shared by every call (and thread).
#[pyclass(frozen, name = "_Linter")]
struct PyLinter {
    linter: Linter,
    /// The shortest paragraph compared for copies across records, in characters.
    min_chars: usize,
}

/// The diagnostics of one text, positions resolved (code points too).
fn diagnostics(linter: &Linter, text: &str, path: Option<&Path>) -> Vec<Located> {
    let doc = linter.parse(text);
    let found = linter.lint_document(&doc, &linter.ignored(path));
    locate(text, &doc.index, found, true)
}

/// `work` on each text, in order, on `threads` threads (1: this one; 0: every core); `Err`
/// when it panicked.
fn each_text<T: Send>(
    texts: &[String],
    threads: usize,
    work: impl Fn(&String) -> T + Sync,
) -> Result<Vec<T>, ()> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if threads == 1 {
            return texts.iter().map(&work).collect();
        }
        let all = || texts.par_iter().map(&work).collect();
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_or_else(|_| all(), |pool| pool.install(all))
    }))
    .map_err(|_| ())
}

/// The columns of `lint_batch`: one entry a diagnostic, `index` naming its text.
#[derive(Default)]
struct Columns {
    index: Vec<u64>,
    rule: Vec<&'static str>,
    severity: Vec<&'static str>,
    message: Vec<String>,
    start: Vec<u64>,
    end: Vec<u64>,
    start_byte: Vec<u64>,
    end_byte: Vec<u64>,
    line: Vec<u32>,
    column: Vec<u32>,
}

impl Columns {
    fn push(&mut self, index: usize, d: Located) {
        let (start, end) = d.code_points.expect("located with code points");
        self.index.push(index as u64);
        self.rule.push(d.diagnostic.rule);
        self.severity.push(d.diagnostic.severity.as_str());
        self.message.push(d.diagnostic.message);
        self.start.push(start);
        self.end.push(end);
        self.start_byte.push(u64::from(d.start.offset));
        self.end_byte.push(u64::from(d.end.offset));
        self.line.push(d.start.line);
        self.column.push(d.start.column);
    }
}

#[pymethods]
impl PyLinter {
    /// The default rules; or those of a `newslint.toml` at `path`; or of the same
    /// configuration written as JSON (`config_json`, globs and a model relative to the
    /// current directory).
    #[new]
    #[pyo3(signature = (path=None, config_json=None))]
    fn new(path: Option<PathBuf>, config_json: Option<&str>) -> PyResult<Self> {
        let error = |e: String| PyValueError::new_err(e);
        let (file, root) = match (path, config_json) {
            (Some(path), _) => {
                let loaded = newslint::config::load(Some(&path), false).map_err(error)?;
                (loaded.file, loaded.root)
            }
            (None, Some(text)) => {
                let file = newslint::config::parse_json(text).map_err(|e| error(format!("config: {e}")))?;
                (file, std::env::current_dir().map_err(|e| error(e.to_string()))?)
            }
            (None, None) => Default::default(),
        };
        let linter = Linter::configured(&file, &root, Default::default(), None).map_err(error)?;
        let min_chars =
            newslint::rules::duplicate_min_chars(file.rules.get("duplicated-block")).map_err(error)?;
        Ok(PyLinter { linter, min_chars })
    }

    /// The diagnostics of `text` as a JSON array, the fields of `--format json` (positions
    /// with their offset in code points as `char`).
    #[pyo3(signature = (text, path=None))]
    fn lint_json(&self, py: Python<'_>, text: &str, path: Option<PathBuf>) -> PyResult<String> {
        let name = path
            .as_ref()
            .map_or_else(|| "-".to_owned(), |p| p.to_string_lossy().into_owned());
        py.detach(|| {
            let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                diagnostics(&self.linter, text, path.as_deref())
            }))
            .map_err(|_| PyRuntimeError::new_err("internal error while linting (a bug in newslint)"))?;
            let file = FileReport {
                path: name,
                record: None,
                diagnostics: Vec::new(),
                source: None,
                fingerprints: Vec::new(),
                origin: None,
                fixed: Default::default(),
                diff: None,
                chars: 0,
            };
            let values: Vec<serde_json::Value> = found
                .iter()
                .map(|d| {
                    let mut value = newslint::render::json_value(&file, d);
                    if let (Some(map), Some((start, end))) = (value.as_object_mut(), d.code_points) {
                        map.remove("record_offset");
                        map["start"]["char"] = start.into();
                        map["end"]["char"] = end.into();
                    }
                    value
                })
                .collect();
            Ok(serde_json::to_string(&values).expect("diagnostics serialize"))
        })
    }

    /// The diagnostics of many texts, column by column (with the GIL released, on `threads`
    /// threads: 0 for every core).
    #[pyo3(signature = (texts, threads=1))]
    #[allow(clippy::type_complexity)]
    fn lint_columns(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        threads: usize,
    ) -> PyResult<(
        Vec<u64>,
        Vec<&'static str>,
        Vec<&'static str>,
        Vec<String>,
        Vec<u64>,
        Vec<u64>,
        Vec<u64>,
        Vec<u64>,
        Vec<u32>,
        Vec<u32>,
    )> {
        let columns = py.detach(|| {
            let lint_all = || -> Vec<Vec<Located>> {
                texts
                    .par_iter()
                    .map(|text| diagnostics(&self.linter, text, None))
                    .collect()
            };
            let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                if threads == 1 {
                    texts
                        .iter()
                        .map(|text| diagnostics(&self.linter, text, None))
                        .collect()
                } else {
                    rayon::ThreadPoolBuilder::new()
                        .num_threads(threads)
                        .build()
                        .map_or_else(|_| lint_all(), |pool| pool.install(lint_all))
                }
            }))
            .map_err(|_| PyRuntimeError::new_err("internal error while linting (a bug in newslint)"))?;
            let mut columns = Columns::default();
            for (index, list) in found.into_iter().enumerate() {
                for d in list {
                    columns.push(index, d);
                }
            }
            Ok::<_, PyErr>(columns)
        })?;
        let c = columns;
        Ok((
            c.index,
            c.rule,
            c.severity,
            c.message,
            c.start,
            c.end,
            c.start_byte,
            c.end_byte,
            c.line,
            c.column,
        ))
    }

    /// `text` with its fixes applied (safe ones, and unsafe ones too when asked), until
    /// nothing is left to fix.
    #[pyo3(signature = (text, unsafe_fixes=false))]
    fn fix(&self, py: Python<'_>, text: &str, unsafe_fixes: bool) -> PyResult<String> {
        py.detach(|| {
            let mode = FixMode {
                unsafe_fixes,
                write: true,
            };
            let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                self.linter.fix(text, &Default::default(), mode)
            }))
            .map_err(|_| PyRuntimeError::new_err("internal error while fixing (a bug in newslint)"))?
            .map_err(PyRuntimeError::new_err)?;
            Ok(run.fixed.map_or_else(|| text.to_owned(), |fixed| fixed.text))
        })
    }

    /// The paragraphs of many texts as the corpus pass of `--duplicates corpus` sees them,
    /// column by column: text index, paragraph number (among the compared ones), exact hash,
    /// prose, the band keys (`BANDS` a paragraph, flattened), code points, bytes and lines of
    /// its span, and whether the text's own `duplicated-block` already reports it.
    #[pyo3(signature = (texts, threads=1))]
    fn paragraph_columns<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        threads: usize,
    ) -> PyResult<Bound<'py, PyDict>> {
        let rule = self.linter.rule("duplicated-block");
        let one = |text: &String| -> Vec<(newslint::corpus::Fingerprint, bool)> {
            let doc = self.linter.parse(text);
            let mut reported = Vec::new();
            if let Some(rule) = rule {
                rule.check.check(&doc, &mut reported);
            }
            newslint::corpus::fingerprints(&doc, self.min_chars)
                .into_iter()
                .map(|print| {
                    let own = reported
                        .iter()
                        .any(|d| d.span.start as usize == print.start.offset as usize);
                    (print, own)
                })
                .collect()
        };
        let found = py.detach(|| {
            each_text(&texts, threads, one).map_err(|_| {
                PyRuntimeError::new_err("internal error while fingerprinting (a bug in newslint)")
            })
        })?;
        let mut index = Vec::new();
        let mut paragraph = Vec::new();
        let mut exact = Vec::new();
        let mut prose = Vec::new();
        let mut bands = Vec::new();
        let (mut start, mut end, mut start_byte, mut end_byte) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut start_line, mut end_line, mut reported) = (Vec::new(), Vec::new(), Vec::new());
        for (i, prints) in found.into_iter().enumerate() {
            for (p, (print, own)) in prints.into_iter().enumerate() {
                index.push(i as u64);
                paragraph.push(p as u32);
                exact.push(print.exact());
                prose.push(print.prose());
                bands.extend(print.band_keys());
                let (s, e) = print.chars();
                start.push(s);
                end.push(e);
                start_byte.push(print.start.offset);
                end_byte.push(print.end.offset);
                start_line.push(print.start.line);
                end_line.push(print.end.line);
                reported.push(own);
            }
        }
        let out = PyDict::new(py);
        out.set_item("index", index)?;
        out.set_item("paragraph", paragraph)?;
        out.set_item("exact", exact)?;
        out.set_item("prose", prose)?;
        out.set_item("bands", bands)?;
        out.set_item("start", start)?;
        out.set_item("end", end)?;
        out.set_item("start_byte", start_byte)?;
        out.set_item("end_byte", end_byte)?;
        out.set_item("start_line", start_line)?;
        out.set_item("end_line", end_line)?;
        out.set_item("reported", reported)?;
        Ok(out)
    }

    /// The names of the rules this linter runs.
    fn selected(&self) -> Vec<&'static str> {
        self.linter.rules().iter().map(|r| r.meta.name).collect()
    }
}

/// Every rule, as the JSON of `newslint rules --format json`.
#[pyfunction]
fn rules_json() -> String {
    newslint::rules_listing(newslint::cli::RulesFormat::Json)
}

#[pymodule]
fn _newslint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("BANDS", newslint::corpus::BANDS)?;
    m.add("MIN_SHARED_BANDS", newslint::corpus::MIN_SHARED_BANDS)?;
    m.add_class::<PyLinter>()?;
    m.add_function(wrap_pyfunction!(rules_json, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
