//! A file as the rules see it: decoded text, its line index and its document model.

pub mod carry;
pub mod char_model;
pub mod chars;
pub mod continuity;
pub mod decode;
mod document;
pub mod flow;
mod line_index;
pub mod ngram;
pub mod opening;
pub mod residue;
pub mod starts;
mod tables;
pub mod words;

pub use decode::{DecodeError, Decoded, EncodingChoice, SourceEncoding, encode};
pub use document::{Block, BlockKind, Classes, Document, Line, LineKind, sentence_ranges};
pub use line_index::{CharCounter, LineIndex, Locator, Position};
