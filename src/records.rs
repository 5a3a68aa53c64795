//! JSONL records (`--records`): one JSON object per line, its text and id at field paths
//! such as `text` or `meta.id`; plain, gzip or zstd (told by the stream's first bytes), from
//! a file or standard input, read line by line so that a corpus of any size streams through.

use serde_json::Value;
use std::io::{self, BufRead, BufReader, Read};

/// Where a record's id and text are: each a path of object keys (`meta.id` is
/// `["meta", "id"]`).
#[derive(Debug, Clone)]
pub struct Fields {
    pub id: Vec<String>,
    pub text: Vec<String>,
}

impl Fields {
    /// From the dotted forms given on the command line.
    pub fn new(id: &str, text: &str) -> Result<Fields, String> {
        let path = |dotted: &str, flag: &str| {
            let keys: Vec<String> = dotted.split('.').map(str::to_owned).collect();
            if keys.iter().any(String::is_empty) {
                return Err(format!(
                    "{flag} `{dotted}`: give object keys joined by dots, as `text` or `meta.id`"
                ));
            }
            Ok(keys)
        };
        Ok(Fields {
            id: path(id, "--id-field")?,
            text: path(text, "--text-field")?,
        })
    }
}

/// The fields `--records` reads, or None without it.
pub fn fields_of(options: &crate::cli::RecordOptions) -> Result<Option<Fields>, String> {
    options
        .records
        .then(|| Fields::new(&options.id_field, &options.text_field))
        .transpose()
}

/// The file extensions a walk reads unless told otherwise: JSONL with records, text without.
pub fn default_extensions(records: bool) -> Vec<String> {
    let extensions: &[&str] = if records {
        &["jsonl", "jsonl.gz", "jsonl.zst"]
    } else {
        &["txt", "md"]
    };
    extensions.iter().map(|e| (*e).to_owned()).collect()
}

/// A record read from its line: the id as text (a number is written as JSON writes it).
#[derive(Debug, PartialEq, Eq)]
pub struct Parsed {
    pub id: String,
    pub text: String,
}

/// Parses one line. The error says what is wrong, for a message naming the file and line.
pub fn parse(line: &[u8], fields: &Fields) -> Result<Parsed, String> {
    let value: Value = serde_json::from_slice(line).map_err(|e| format!("not a JSON object: {e}"))?;
    if !value.is_object() {
        return Err("not a JSON object".to_owned());
    }
    let field = |keys: &[String]| {
        keys.iter()
            .try_fold(&value, |v, key| v.as_object().and_then(|o| o.get(key)))
    };
    let id = match field(&fields.id) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => {
            return Err(format!(
                "the id field `{}` is neither a string nor a number",
                fields.id.join(".")
            ));
        }
        None => return Err(missing("id", &fields.id)),
    };
    let text = match field(&fields.text) {
        Some(Value::String(s)) => s.clone(),
        Some(_) => {
            return Err(format!(
                "the text field `{}` is not a string",
                fields.text.join(".")
            ));
        }
        None => return Err(missing("text", &fields.text)),
    };
    Ok(Parsed { id, text })
}

/// The error of a record without the `which` field at `keys`.
fn missing(which: &str, keys: &[String]) -> String {
    format!(
        "no {which} field `{}` (name it with --{which}-field)",
        keys.join(".")
    )
}

/// A line of a JSONL stream, or why it could not be read.
pub enum Line {
    Record {
        number: u64,
        bytes: Vec<u8>,
    },
    /// Longer than the limit: skipped whole.
    TooLong {
        number: u64,
        length: u64,
    },
    /// The stream failed: nothing more comes from it.
    Failed {
        number: u64,
        message: String,
    },
}

/// The lines of a stream, decompressed. Blank lines are skipped; a line's `\r\n` ending,
/// and a byte order mark before the first, are not part of it.
pub struct Lines {
    reader: Box<dyn BufRead + Send>,
    number: u64,
    max_line: u64,
    done: bool,
}

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];

impl Lines {
    /// `max_line`: the longest line read, in bytes; longer ones are reported and skipped.
    pub fn new(source: impl Read + Send + 'static, max_line: u64) -> io::Result<Lines> {
        let mut raw = BufReader::with_capacity(1 << 16, source);
        let head = raw.fill_buf()?;
        let reader: Box<dyn BufRead + Send> = if head.starts_with(GZIP_MAGIC) {
            Box::new(BufReader::with_capacity(
                1 << 16,
                flate2::bufread::MultiGzDecoder::new(raw),
            ))
        } else if head.starts_with(ZSTD_MAGIC) {
            Box::new(BufReader::with_capacity(
                1 << 16,
                ZstdFrames {
                    source: Some(raw),
                    frame: None,
                },
            ))
        } else {
            Box::new(raw)
        };
        Ok(Lines {
            reader,
            number: 0,
            max_line,
            done: false,
        })
    }

    /// Reads up to the next line break; `Ok(None)` at the end. A line past the limit is read
    /// through but not kept.
    fn next_line(&mut self) -> io::Result<Option<(Vec<u8>, u64)>> {
        let mut line = Vec::new();
        let mut length: u64 = 0;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok((length > 0).then_some((line, length)));
            }
            let (take, end) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i, true),
                None => (buf.len(), false),
            };
            length += take as u64;
            if length <= self.max_line {
                line.extend_from_slice(&buf[..take]);
            } else {
                line = Vec::new();
            }
            self.reader.consume(take + usize::from(end));
            if end {
                return Ok(Some((line, length)));
            }
        }
    }
}

impl Iterator for Lines {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        while !self.done {
            let read = self.next_line();
            self.number += 1;
            let number = self.number;
            match read {
                Ok(None) => self.done = true,
                Ok(Some((_, length))) if length > self.max_line => {
                    return Some(Line::TooLong { number, length });
                }
                Ok(Some((mut bytes, _))) => {
                    if bytes.last() == Some(&b'\r') {
                        bytes.pop();
                    }
                    if number == 1 && bytes.starts_with("\u{feff}".as_bytes()) {
                        bytes.drain(..3);
                    }
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Line::Record { number, bytes });
                }
                Err(e) => {
                    self.done = true;
                    return Some(Line::Failed {
                        number,
                        message: format!("cannot read past line {}: {e}", number - 1),
                    });
                }
            }
        }
        None
    }
}

/// A zstd stream of one or more frames, one after another (as `zstd` and `pzstd` write them).
struct ZstdFrames<R: BufRead> {
    /// The compressed stream between frames.
    source: Option<R>,
    frame: Option<ruzstd::decoding::StreamingDecoder<R, ruzstd::decoding::FrameDecoder>>,
}

impl<R: BufRead> Read for ZstdFrames<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if let Some(frame) = &mut self.frame {
                let n = frame.read(buf)?;
                if n > 0 || buf.is_empty() {
                    return Ok(n);
                }
                let frame = self.frame.take().expect("a frame is being read");
                self.source = Some(frame.into_inner());
            }
            let Some(mut source) = self.source.take() else {
                return Ok(0);
            };
            if source.fill_buf()?.is_empty() {
                return Ok(0);
            }
            let frame = ruzstd::decoding::StreamingDecoder::new(source)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("zstd: {e}")))?;
            self.frame = Some(frame);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn fields() -> Fields {
        Fields::new("meta.id", "text").unwrap()
    }

    fn lines(bytes: Vec<u8>, max: u64) -> Vec<String> {
        Lines::new(io::Cursor::new(bytes), max)
            .unwrap()
            .map(|line| match line {
                Line::Record { number, bytes } => format!("{number}:{}", String::from_utf8_lossy(&bytes)),
                Line::TooLong { number, length } => format!("{number}: too long ({length})"),
                Line::Failed { number, message } => format!("{number}: {message}"),
            })
            .collect()
    }

    #[test]
    fn fields_are_found_by_dotted_path() {
        let parsed = parse(br#"{"meta": {"id": 17}, "text": "\u4e00\n\u4e8c"}"#, &fields()).unwrap();
        assert_eq!(
            parsed,
            Parsed {
                id: "17".to_owned(),
                text: "一\n二".to_owned()
            }
        );
        let missing = parse(br#"{"id": 1, "text": "x"}"#, &fields()).unwrap_err();
        assert!(missing.contains("no id field `meta.id`"), "{missing}");
        let not_text = parse(br#"{"meta": {"id": "a"}, "text": 3}"#, &fields()).unwrap_err();
        assert!(not_text.contains("not a string"), "{not_text}");
        assert!(
            parse(b"[1, 2]", &fields())
                .unwrap_err()
                .contains("not a JSON object")
        );
        assert!(
            parse(b"{\"text\": ", &fields())
                .unwrap_err()
                .contains("not a JSON object")
        );
        assert!(Fields::new("meta..id", "text").is_err());
    }

    #[test]
    fn lines_skip_blanks_crlf_and_a_bom_and_report_long_ones() {
        let text = "\u{feff}{\"a\":1}\r\n\n  \n{\"b\":2}\n0123456789abc\n{\"c\":3}";
        assert_eq!(
            lines(text.as_bytes().to_vec(), 12),
            ["1:{\"a\":1}", "4:{\"b\":2}", "5: too long (13)", "6:{\"c\":3}"]
        );
    }

    #[test]
    fn gzip_and_zstd_streams_of_several_members_read_as_one() {
        let text = "{\"a\":1}\n{\"b\":2}\n";
        let mut gz = Vec::new();
        for _ in 0..2 {
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            encoder.write_all(text.as_bytes()).unwrap();
            gz.extend(encoder.finish().unwrap());
        }
        assert_eq!(
            lines(gz, 100),
            ["1:{\"a\":1}", "2:{\"b\":2}", "3:{\"a\":1}", "4:{\"b\":2}"]
        );
        let frame =
            ruzstd::encoding::compress_to_vec(text.as_bytes(), ruzstd::encoding::CompressionLevel::Fastest);
        let zst = [frame.clone(), frame].concat();
        assert_eq!(
            lines(zst, 100),
            ["1:{\"a\":1}", "2:{\"b\":2}", "3:{\"a\":1}", "4:{\"b\":2}"]
        );
    }

    #[test]
    fn a_broken_stream_is_reported_once() {
        let mut gz = Vec::new();
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(&b"{\"a\":1}\n".repeat(10_000)).unwrap();
        gz.extend(encoder.finish().unwrap());
        gz.truncate(gz.len() / 2);
        let out = lines(gz, 100);
        assert!(
            out.last().unwrap().contains("cannot read past line"),
            "{:?}",
            out.last()
        );
        assert_eq!(out.iter().filter(|l| l.contains("cannot")).count(), 1);
    }
}
