//! `newslint model build`: one streaming pass over a clean corpus, counting its character
//! n-grams in a table of bounded size, then the model file, written atomically.

use crate::cli::ModelBuildArgs;
use crate::linter::Linter;
use crate::runner::Settings;
use crate::source::char_model::Builder;
use crate::source::{BlockKind, Document};
use crate::{EXIT_CLEAN, EXIT_ERROR, atomic};
use std::io::IsTerminal;

pub fn build(args: &ModelBuildArgs) -> u8 {
    let records = match crate::records::fields_of(&args.records) {
        Ok(records) => records,
        Err(e) => {
            say!("newslint: {e}");
            return EXIT_ERROR;
        }
    };
    let settings = Settings {
        paths: args.paths.clone(),
        stdin_filename: None,
        encoding: args.input.encoding.unwrap_or_default(),
        extensions: args
            .input
            .extensions
            .clone()
            .unwrap_or_else(|| crate::records::default_extensions(records.is_some()))
            .into_iter()
            .map(|e| e.trim_start_matches('.').to_owned())
            .collect(),
        follow_links: args.input.follow,
        threads: 1,
        max_file_size: args
            .input
            .max_file_size
            .unwrap_or(crate::cli::DEFAULT_MAX_FILE_SIZE),
        linter: Linter::new(Vec::new(), Default::default()),
        keep_source: false,
        fix: None,
        progress: false,
        count_chars: false,
        only: None,
        corpus_duplicates: None,
        records,
        shard: None,
    };
    let max_ngrams = usize::try_from(args.max_ngrams).unwrap_or(usize::MAX);
    let mut builder = Builder::new(usize::from(args.order), max_ngrams);
    let progress = if !args.quiet && std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(0)
    } else {
        indicatif::ProgressBar::hidden()
    };
    progress.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {bytes}/{total_bytes}, {elapsed} (about {eta} left)",
        )
        .expect("a valid progress template"),
    );
    let mut texts = 0;
    let errors = crate::runner::for_each_text(
        &settings,
        |size, total| {
            progress.set_length(total);
            progress.inc(size);
        },
        |text| {
            texts += 1;
            // Paragraphs and headings, as the rules see them (Markdown markers and code left
            // out), each with a boundary before and after.
            let doc = Document::parse(text);
            for block in &doc.blocks {
                if matches!(
                    block.kind,
                    BlockKind::Paragraph | BlockKind::Heading(_) | BlockKind::Quote | BlockKind::ListItem
                ) {
                    builder.add_paragraph(doc.block_text(block));
                }
            }
        },
    );
    progress.finish_and_clear();
    for e in &errors {
        say!("{}: error: {}", e.path, e.message);
    }
    let characters = builder.characters();
    let built = match builder.finish(args.min_count) {
        Ok(built) => built,
        Err(e) => {
            say!("newslint: {e}");
            return EXIT_ERROR;
        }
    };
    if let Err(e) = atomic::write(&args.output, &built.bytes) {
        say!("newslint: {}: cannot write the model: {e}", args.output.display());
        return EXIT_ERROR;
    }
    if !args.quiet {
        say!(
            "newslint: {} written: {texts} {}, {characters} characters, {} n-grams seen {} times or more ({} bytes)",
            args.output.display(),
            if settings.records.is_some() {
                "records"
            } else {
                "files"
            },
            built.entries,
            built.min_count,
            built.bytes.len()
        );
    }
    if errors.is_empty() { EXIT_CLEAN } else { EXIT_ERROR }
}
