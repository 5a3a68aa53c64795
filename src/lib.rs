//! newslint: finds what transcription did to Chinese news text.
//!
//! paths → decode → `Document` → rules → sorted diagnostics → render. See `runner` for the
//! pipeline and `rules` for the registry.

/// A line on standard error. A closed pipe (`newslint … 2>&1 | head -c1`) is not worth a
/// panic: what cannot be written is dropped.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod atomic;
pub mod baseline;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod diagnostic;
pub mod fingerprint;
pub mod fix;
pub mod fixer;
pub mod linter;
pub mod model;
pub mod ordered;
pub mod outcome;
pub mod records;
pub mod render;
pub mod report;
pub mod rule;
pub mod rules;
pub mod runner;
pub mod server;
pub mod since;
pub mod source;
pub mod suppress;

use clap::Parser;
use cli::{CheckArgs, Cli, Color, Command, FailOn, LintOptions, ReportArgs, ReportFormat, RulesFormat};
use diagnostic::Severity;
use linter::Linter;
use render::Format;
use runner::Settings;
use std::io::{IsTerminal, Write};
use std::ops::ControlFlow;
use std::process::ExitCode;

/// Exit codes: a pipeline can trust them.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check(*args),
        Command::Report(args) => report_command(*args),
        Command::Rules { format } => {
            print(&rules_listing(format));
            EXIT_CLEAN
        }
        Command::Server => server::serve(),
        Command::Model {
            command: cli::ModelCommand::Build(args),
        } => model::build(&args),
        Command::Rule { name } => match rules::find(&name) {
            Some(entry) => {
                print(&rule_page(entry.meta));
                EXIT_CLEAN
            }
            None => {
                say!("newslint: unknown rule `{name}` (see `newslint rules`)");
                EXIT_ERROR
            }
        },
    };
    ExitCode::from(code)
}

fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`newslint … | head`) is not an error worth a panic.
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Turns the flags and the configuration file into settings.
pub fn settings(args: &LintOptions) -> Result<Settings, String> {
    let loaded = config::load(args.config.as_deref(), args.isolated)?;
    let file = &loaded.file;
    // A model named on the command line is relative to the current directory; one named in
    // the configuration file, to that file.
    let model = match &args.model {
        Some(path) => Some(source::char_model::CharModel::open(path)?),
        None => None,
    };
    let flags = config::Selection {
        select: args.select.as_deref(),
        extend_select: &args.extend_select,
        ignore: &args.ignore,
    };
    // An editor's selection goes below the file's or above it; the command line's on top.
    let editor = |file_wins: bool| {
        args.editor
            .as_ref()
            .filter(|e| e.file_wins == file_wins)
            .map(config::EditorSelection::layer)
    };
    let layers = config::Layers {
        below: editor(true),
        above: editor(false).into_iter().chain([flags]).collect(),
    };
    let linter = Linter::configured(file, &loaded.root, layers, model)?;
    // The faults accepted on purpose live beside the configuration (none with --isolated).
    let linter = linter.with_suppressions(match args.isolated {
        true => None,
        false => suppress::Suppressions::discover(&loaded.root)?,
    });
    // The configuration's extensions name text files: records have their own default.
    let records = records::fields_of(&args.records)?;
    let extensions = args
        .input
        .extensions
        .clone()
        .or_else(|| file.extensions.clone().filter(|_| records.is_none()))
        .unwrap_or_else(|| records::default_extensions(records.is_some()))
        .into_iter()
        .map(|e| e.trim_start_matches('.').to_owned())
        .collect();
    Ok(Settings {
        paths: args.paths.clone(),
        stdin_filename: args.stdin_filename.clone(),
        encoding: args.input.encoding.or(file.encoding).unwrap_or_default(),
        extensions,
        follow_links: args.input.follow,
        threads: args.threads.map_or(0, usize::from),
        max_file_size: args.input.max_file_size.unwrap_or(cli::DEFAULT_MAX_FILE_SIZE),
        linter,
        keep_source: false,
        fix: None,
        progress: !args.quiet && std::io::stderr().is_terminal(),
        count_chars: false,
        only: None,
        corpus_duplicates: match args.duplicates.or(file.duplicates).unwrap_or_default() {
            config::DuplicateScope::File => None,
            config::DuplicateScope::Corpus => {
                Some(rules::duplicate_min_chars(file.rules.get("duplicated-block"))?)
            }
        },
        records,
        shard: args.shard,
    })
}

fn report_command(args: ReportArgs) -> u8 {
    let mut settings = match settings(&args.lint) {
        Ok(s) => s,
        Err(e) => {
            say!("newslint: {e}");
            return EXIT_ERROR;
        }
    };
    settings.count_chars = true;
    // Examples are quoted from the text while its file passes.
    settings.keep_source = true;
    let mut builder = report::Builder::default();
    let errors = match runner::run(&settings, |file| {
        builder.add(&file);
        ControlFlow::Continue(())
    }) {
        Ok(errors) => errors,
        Err(e) => {
            say!("newslint: {e}");
            return EXIT_ERROR;
        }
    };
    for error in &errors {
        say!("newslint: {}: {}", error.path, error.message);
    }
    let figures = builder.finish(errors.len());
    let text = match args.format {
        ReportFormat::Html => report::html(&figures),
        ReportFormat::Json => report::json(&figures),
    };
    if args.output.as_os_str() == "-" {
        print(&text);
    } else if let Err(e) = atomic::write(&args.output, text.as_bytes()) {
        say!(
            "newslint: {}: cannot write the report: {e}",
            args.output.display()
        );
        return EXIT_ERROR;
    } else if !args.lint.quiet {
        say!(
            "newslint: {} faults in {} files; report written to {}",
            figures.faults,
            figures.files,
            args.output.display()
        );
    }
    if errors.is_empty() { EXIT_CLEAN } else { EXIT_ERROR }
}

/// `--color`, then the conventions of the environment: `NO_COLOR` (any value but empty)
/// turns color off, `FORCE_COLOR` (any value but empty or `0`) turns it on, else color goes
/// to a terminal only.
fn use_color(choice: Color, terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto if set("NO_COLOR") => false,
        Color::Auto if set("FORCE_COLOR") => std::env::var_os("FORCE_COLOR").is_some_and(|v| v != "0"),
        Color::Auto => terminal,
    }
}

/// Flags that would be ignored in this combination are refused: a silent no-op misleads.
fn refuse_flags_that_do_nothing(args: &CheckArgs, format: Format) -> Result<(), String> {
    if (args.unsafe_fixes || args.show_fixes) && !(args.fix || args.diff) {
        return Err("--unsafe-fixes and --show-fixes go with --fix or --diff".to_owned());
    }
    if args.statistics.is_some()
        && !matches!(
            format,
            Format::Full | Format::Concise | Format::Json | Format::Jsonl
        )
    {
        return Err(
            "--statistics prints a table or JSON: it goes with --format full, concise, json or jsonl"
                .to_owned(),
        );
    }
    let stdin = args.lint.paths.iter().any(|p| p.as_os_str() == "-");
    if args.lint.stdin_filename.is_some() && !stdin {
        return Err("--stdin-filename names standard input: give `-` among the paths".to_owned());
    }
    // A fix is made per file, and the fixes of one pass move the lines of the next: newslint
    // cannot keep them to the changed lines, and will not fix more than it was asked to.
    if args.since.is_some() && (args.fix || args.diff) {
        return Err("--since reports the faults on changed lines only; --fix and --diff would change whole files: run them without --since".to_owned());
    }
    if args.lint.records.records && (args.fix || args.diff) {
        return Err(
            "--records lints JSONL records; --fix and --diff rewrite text files and do not rewrite records"
                .to_owned(),
        );
    }
    if stdin && args.fix && args.lint.paths.len() > 1 {
        return Err("--fix with `-` prints the fixed text of standard input: lint it alone".to_owned());
    }
    Ok(())
}

/// Where `check` writes: standard output, or a file that takes its place at the end.
enum Output {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    File(atomic::Pending),
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File(out) => out.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File(out) => out.flush(),
        }
    }
}

/// What the files that passed add up to, for the summary and the exit code.
#[derive(Default)]
struct Totals {
    files: usize,
    diagnostics: usize,
    fixable: usize,
    failing: bool,
    fixes: usize,
    fixed_files: usize,
}

fn check(args: CheckArgs) -> u8 {
    let mut settings = match settings(&args.lint) {
        Ok(s) => s,
        Err(e) => {
            say!("newslint: {e}");
            return EXIT_ERROR;
        }
    };
    let terminal = std::io::stdout().is_terminal() && args.output.is_none();
    let format = args
        .format
        .unwrap_or(if terminal { Format::Full } else { Format::Concise });
    settings.fix = (args.fix || args.diff).then_some(linter::FixMode {
        unsafe_fixes: args.unsafe_fixes,
        write: !args.diff,
    });
    settings.keep_source =
        (format == Format::Full && args.statistics.is_none()) || args.write_baseline.is_some();
    let mut baseline = match args.baseline.as_deref().map(baseline::Baseline::load).transpose() {
        Ok(b) => b,
        Err(e) => {
            say!("newslint: {e}");
            return EXIT_ERROR;
        }
    };
    if let Err(e) = refuse_flags_that_do_nothing(&args, format) {
        say!("newslint: {e}");
        return EXIT_ERROR;
    }
    let stdin = args.lint.paths.iter().any(|p| p.as_os_str() == "-");
    let changes = match args.since.as_deref().map(since::Changes::since).transpose() {
        Ok(c) => c,
        Err(e) => {
            say!("newslint: {e}");
            return EXIT_ERROR;
        }
    };
    if let Some(changes) = &changes {
        settings.only = Some(changes.paths().map(std::path::Path::to_path_buf).collect());
    }
    let mut out = match &args.output {
        None => Output::Stdout(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout().lock(),
        )),
        Some(path) => match atomic::Pending::create(path) {
            Ok(file) => Output::File(file),
            Err(e) => {
                say!("newslint: {}: cannot write the output: {e}", path.display());
                return EXIT_ERROR;
            }
        },
    };
    let threshold = match args.fail_on {
        FailOn::Info => Severity::Info,
        FailOn::Warning => Severity::Warning,
        FailOn::Error => Severity::Error,
    };
    let color = use_color(args.color, terminal);
    let mut emitter = render::emitter(format, color);
    let mut statistics = args.statistics.map(render::Statistics::new);
    let mut recorder = args
        .write_baseline
        .as_ref()
        .map(|_| baseline::Recorder::default());
    let mut totals = Totals::default();
    // A write that fails (a closed pipe) ends the run: nobody reads what would follow.
    let mut write_error: Option<std::io::Error> = None;
    let mut written = |result: std::io::Result<()>| match result {
        Ok(()) => ControlFlow::Continue(()),
        Err(e) => {
            write_error = Some(e);
            ControlFlow::Break(())
        }
    };
    let plain = statistics.is_none() && recorder.is_none() && !args.diff && !(args.fix && stdin);
    if plain && written(emitter.start(&mut out)).is_break() {
        return EXIT_ERROR;
    }
    let run = runner::run(&settings, |mut file| {
        if let Some(changes) = &changes {
            changes.filter(&mut file);
        }
        if let Some(recorder) = &mut recorder {
            recorder.add(&file);
            return ControlFlow::Continue(());
        }
        if let Some(baseline) = &mut baseline {
            baseline.filter(&mut file);
        }
        let fixes: usize = file.fixed.values().sum();
        totals.fixes += fixes;
        totals.fixed_files += usize::from(fixes > 0);
        if args.show_fixes && fixes > 0 {
            let list: Vec<String> = file
                .fixed
                .iter()
                .map(|(rule, n)| format!("{rule} ×{n}"))
                .collect();
            say!("{}: {}", file.path, list.join(", "));
        }
        totals.files += 1;
        totals.diagnostics += file.diagnostics.len();
        totals.fixable += file
            .diagnostics
            .iter()
            .filter(|d| d.diagnostic.fix.is_some())
            .count();
        totals.failing |= file
            .diagnostics
            .iter()
            .any(|d| d.diagnostic.severity >= threshold);
        if args.diff {
            return written(out.write_all(file.diff.as_deref().unwrap_or("").as_bytes()));
        }
        // `--fix -`: the fixed text is the output; what is left to fix goes to standard error.
        if args.fix && stdin {
            if !args.lint.quiet {
                let mut err = std::io::stderr().lock();
                let _ = err.write_all(&render::render(
                    Format::Concise,
                    std::slice::from_ref(&file),
                    &[],
                    false,
                ));
            }
            return written(out.write_all(file.source.as_deref().unwrap_or("").as_bytes()));
        }
        match &mut statistics {
            Some(statistics) => {
                statistics.add(&file);
                ControlFlow::Continue(())
            }
            None => written(emitter.file(&mut out, &file)),
        }
    });
    let errors = match run {
        Ok(errors) => errors,
        Err(e) => {
            say!("newslint: {e}");
            return EXIT_ERROR;
        }
    };
    if let Some(statistics) = statistics {
        let as_json = matches!(format, Format::Json | Format::Jsonl);
        let _ = written(out.write_all(statistics.render(as_json).as_bytes()));
    } else if plain {
        let _ = written(emitter.finish(&mut out, &errors));
    }
    let finished = out.flush().and_then(|()| match out {
        Output::File(file) => file.commit(),
        Output::Stdout(_) => Ok(()),
    });
    for error in &errors {
        say!("newslint: {}: {}", error.path, error.message);
    }
    // A reader that went away (`newslint … | head`) took what it wanted: the exit code says
    // what the files linted until then hold.
    if let Some(e) = write_error
        .or(finished.err())
        .filter(|e| e.kind() != std::io::ErrorKind::BrokenPipe)
    {
        let target = args
            .output
            .as_ref()
            .map_or("standard output".to_owned(), |p| p.display().to_string());
        say!("newslint: cannot write to {target}: {e}");
        return EXIT_ERROR;
    }

    if let (Some(path), Some(recorder)) = (&args.write_baseline, recorder) {
        return match recorder.write(path) {
            Ok(n) => {
                if !args.lint.quiet {
                    say!(
                        "newslint: wrote {n} entr{} to {}",
                        if n == 1 { "y" } else { "ies" },
                        path.display()
                    );
                }
                if errors.is_empty() { EXIT_CLEAN } else { EXIT_ERROR }
            }
            Err(e) => {
                say!("newslint: {e}");
                EXIT_ERROR
            }
        };
    }
    if let Some(baseline) = baseline {
        let stale = baseline.stale();
        if !stale.is_empty() {
            say!(
                "newslint: {} baseline entr{} no longer occur (fixed or changed): rewrite the baseline with --write-baseline to drop them",
                stale.len(),
                if stale.len() == 1 { "y" } else { "ies" }
            );
            for entry in &stale {
                say!(
                    "  {}: {} {} {:?}",
                    entry.path,
                    entry.rule,
                    entry.fingerprint,
                    entry.text
                );
            }
        }
    }
    if let Some(suppressions) = settings.linter.suppressions() {
        let stale = suppressions.stale();
        if !stale.is_empty() && !args.lint.quiet {
            say!(
                "newslint: {} entr{} of {} matched nothing in the files linted (fixed or changed): delete {}",
                stale.len(),
                if stale.len() == 1 { "y" } else { "ies" },
                suppressions.source.display(),
                if stale.len() == 1 { "it" } else { "them" }
            );
            for entry in &stale {
                let key = entry
                    .fingerprint
                    .as_deref()
                    .or(entry.text.as_deref())
                    .unwrap_or("");
                say!("  {}: {} {}", entry.path, entry.rule, key);
            }
        }
    }
    let Totals {
        files,
        diagnostics,
        fixable,
        failing,
        fixes,
        fixed_files,
    } = totals;
    let plural = |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    if args.diff {
        if !args.lint.quiet {
            say!(
                "newslint: {fixes} fix{} would change {fixed_files} file{}",
                plural(fixes, "", "es"),
                plural(fixed_files, "", "s")
            );
        }
        return if !errors.is_empty() {
            EXIT_ERROR
        } else if fixed_files > 0 {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        };
    }
    if args.fix && !args.lint.quiet && !stdin {
        say!(
            "newslint: fixed {fixes} fault{} in {fixed_files} file{}",
            plural(fixes, "", "s"),
            plural(fixed_files, "", "s")
        );
    }
    if format == Format::Full
        && args.statistics.is_none()
        && terminal
        && !args.lint.quiet
        && !(args.fix && stdin)
    {
        say!(
            "{diagnostics} diagnostic{} in {files} file{} ({fixable} with a fix)",
            plural(diagnostics, "", "s"),
            plural(files, "", "s")
        );
    }
    if !errors.is_empty() {
        EXIT_ERROR
    } else if args.fix && stdin {
        // What is left to fix in standard input counts, whatever its severity.
        if diagnostics > 0 && !args.exit_zero {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        }
    } else if failing && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// `newslint rules`, in text, JSON or the README's Markdown table.
pub fn rules_listing(format: RulesFormat) -> String {
    match format {
        RulesFormat::Text => {
            let mut out = String::new();
            for r in rules::RULES {
                let m = r.meta;
                out.push_str(&format!(
                    "{:<24} {:<11} {:<8} {:<7} fix: {}\n",
                    m.name,
                    m.category.as_str(),
                    if m.default_enabled { "on" } else { "off" },
                    m.severity.as_str(),
                    m.fix.as_str()
                ));
            }
            out
        }
        RulesFormat::Json => {
            let list: Vec<_> = rules::RULES
                .iter()
                .map(|r| {
                    let m = r.meta;
                    serde_json::json!({
                        "name": m.name,
                        "category": m.category.as_str(),
                        "default": m.default_enabled,
                        "severity": m.severity.as_str(),
                        "fix": m.fix.as_str(),
                        "summary": m.summary(),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list).expect("rules serialize") + "\n"
        }
        RulesFormat::Markdown => {
            let mut out =
                String::from("| rule | category | default | fix | what it finds |\n|---|---|---|---|---|\n");
            for r in rules::RULES {
                let m = r.meta;
                out.push_str(&format!(
                    "| `{}` | {} | {} | {} | {} |\n",
                    m.name,
                    m.category.as_str(),
                    if m.default_enabled {
                        m.severity.as_str()
                    } else {
                        "off"
                    },
                    m.fix.as_str(),
                    m.summary().replace('|', "\\|")
                ));
            }
            out
        }
    }
}

/// `newslint rule NAME`.
pub fn rule_page(meta: &rule::RuleMeta) -> String {
    format!(
        "# {}\n\ncategory: {} · default: {} · severity: {} · fix: {}\n\n{}",
        meta.name,
        meta.category.as_str(),
        if meta.default_enabled { "on" } else { "off" },
        meta.severity.as_str(),
        meta.fix.as_str(),
        meta.documentation()
    )
}
