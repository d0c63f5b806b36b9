//! JSON text → typed article, with the field path of whatever is wrong.
//!
//! Paths come from where serde_json stopped: its error names a line and
//! column, and [`path_at`] reads the JSON text up to there, keeping the
//! keys and indexes of the containers open at that point. Nothing tracks
//! paths while a file loads well (a tracking deserializer was 9 KB of the
//! viewer's gzipped wasm); the work is done only for an error.
//!
//! `Block` and `Inline` are deserialised by hand (serde's internally tagged
//! enums lose positions): their JSON is buffered, `type` read, and the
//! variant's fields deserialised from the buffer. A buffer has no
//! positions, so on an error the variant is read once more from its own
//! JSON text to find the inner path, which travels out inside the error
//! message (see `NEST`) to be joined onto the outer one.

use std::fmt;

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use crate::types::{Article, Block, Inline, Manifest};
use crate::validate::{validate, Problem, Severity};

/// Marks an error message raised by this module's own deserialisers, with
/// the nested path it carries (maybe empty): `NEST path NEST message`.
/// serde_json positions such an error after the `,` `]` or `}` that follows
/// the value (it reads on to close the container), its own errors on the
/// value's last byte; [`located`] reads the mark to tell them apart.
const NEST: char = '\u{1f}';

/// Why a file could not be shown: every problem found, each with its path.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The file as the reader would name it (`articles/seed.json`).
    pub file: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {}", self.file, p)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// An article that can be shown, with the problems that did not stop it
/// (unsupported blocks, links that are not http/https).
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    article: Article,
    warnings: Vec<Problem>,
}

/// Read-only: a `Loaded` holds what validation accepted, so nothing after
/// loading can change the article behind the checks' back.
impl Loaded {
    pub fn article(&self) -> &Article {
        &self.article
    }

    /// Problems that did not stop the article being shown.
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }

    pub fn into_article(self) -> Article {
        self.article
    }
}

/// Parse and validate one article file. `file` only names it in messages.
pub fn load_article(file: &str, json: &str) -> Result<Loaded, LoadError> {
    let article: Article = parse(file, json)?;
    let (errors, warnings): (Vec<_>, Vec<_>) = validate(&article)
        .into_iter()
        .partition(|p| p.severity == Severity::Error);
    if errors.is_empty() {
        Ok(Loaded { article, warnings })
    } else {
        Err(LoadError {
            file: file.to_string(),
            problems: errors,
        })
    }
}

/// Parse the manifest (`articles/index.json`).
pub fn load_manifest(file: &str, json: &str) -> Result<Manifest, LoadError> {
    parse(file, json)
}

/// An article loaded from `<stem>.json` must have `stem` as its id: share
/// links and addresses use the id, so a different one would open another
/// article on reload.
pub fn check_file_name(file: &str, stem: &str, loaded: Loaded) -> Result<Loaded, LoadError> {
    if loaded.article.id == stem {
        return Ok(loaded);
    }
    Err(LoadError {
        file: file.to_string(),
        problems: vec![Problem::error(
            "id".to_string(),
            format!(
                "\"{}\" differs from the file name \"{stem}.json\"; an article's id must be its file name",
                loaded.article.id
            ),
        )],
    })
}

fn parse<T: DeserializeOwned>(file: &str, json: &str) -> Result<T, LoadError> {
    let fail = |path: String, message: String| LoadError {
        file: file.to_string(),
        problems: vec![Problem::error(path, message)],
    };
    // UTF-16 read as UTF-8: its byte-order mark becomes two replacement
    // characters, and every ASCII character carries a zero byte.
    if json.starts_with("\u{fffd}\u{fffd}") || json.chars().take(64).any(|c| c == '\0') {
        return Err(fail(
            String::new(),
            "this file is not UTF-8 (it looks like UTF-16); save it as UTF-8".into(),
        ));
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let value = T::deserialize(&mut de).map_err(|err| {
        let (path, message) = located(json, &err);
        fail(path, describe(&err, &message))
    })?;
    // Anything after the top-level value is an error too.
    de.end()
        .map_err(|e| fail(String::new(), describe(&e, &e.to_string())))?;
    Ok(value)
}

/// Syntax errors get their line and column; data errors have their path
/// instead (a block's position would point into its re-read text).
fn describe(err: &serde_json::Error, message: &str) -> String {
    let message = without_position(message);
    match err.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("{message} (line {}, column {})", err.line(), err.column())
        }
        _ => message.to_string(),
    }
}

/// serde_json's message without the " at line L column C" it appends.
fn without_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |i| &message[..i])
}

/// The path where `err` stopped in `json`, joined with any nested path its
/// message carries, and the message.
fn located(json: &str, err: &serde_json::Error) -> (String, String) {
    let outer = match err.line() {
        0 => String::new(),
        line => {
            let line_start: usize = json
                .split_inclusive('\n')
                .take(line - 1)
                .map(str::len)
                .sum();
            let at = (line_start + err.column()).saturating_sub(1);
            // A data error from serde_json is on the last byte it read, a
            // syntax error on the byte it could not read. Our own errors
            // are raised after the value; serde_json has then read on over
            // the `,` `]` or `}` after it (and any spaces): step back.
            let end = if err.to_string().starts_with(NEST) {
                let read = json.get(..at + 1).unwrap_or(json).trim_end();
                read.strip_suffix([',', ']', '}'])
                    .unwrap_or(read)
                    .trim_end()
                    .len()
            } else if err.is_data() {
                at + 1
            } else {
                at
            };
            path_at(json, end)
        }
    };
    unnest(outer, err)
}

/// The field path where `json` has been read up to byte `end` (not
/// included): for each container open there, the key or index being read
/// or just read (`sections[2].blocks[4].speaker`). So an error on a bad
/// value's last byte names its key, one on an unknown key's closing quote
/// names that key, one on the `}` of an object missing a field names the
/// object.
fn path_at(json: &str, end: usize) -> String {
    enum Frame {
        Object { key: Option<String>, want_key: bool },
        Array { index: usize, started: bool },
    }
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end.min(bytes.len()) {
        let b = bytes[i];
        if !matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b',' | b']') {
            if let Some(Frame::Array { started, .. }) = stack.last_mut() {
                *started = true;
            }
        }
        match b {
            b'{' => stack.push(Frame::Object {
                key: None,
                want_key: true,
            }),
            b'[' => stack.push(Frame::Array {
                index: 0,
                started: false,
            }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { want_key, .. }) = stack.last_mut() {
                    *want_key = false;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { want_key, .. }) => *want_key = true,
                Some(Frame::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            b'"' => {
                // To the closing quote; a backslash escapes the next byte.
                let mut close = i + 1;
                while close < bytes.len() && bytes[close] != b'"' {
                    close += if bytes[close] == b'\\' { 2 } else { 1 };
                }
                let close = close.min(bytes.len() - 1);
                if let Some(Frame::Object {
                    key,
                    want_key: true,
                }) = stack.last_mut()
                {
                    let raw = &json[i..=close];
                    *key = Some(serde_json::from_str(raw).unwrap_or_else(|_| raw.to_string()));
                }
                i = close;
            }
            _ => {}
        }
        i += 1;
    }
    // Stopped before an element it only peeked at (`[` or `{` of the wrong
    // type): the error is about that element.
    let next = bytes[i.min(bytes.len())..]
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    if let (Some(Frame::Array { started, .. }), Some(b)) = (stack.last_mut(), next) {
        *started |= !matches!(b, b',' | b']');
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array {
                index,
                started: true,
            } => path.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    path
}

/// Join nested paths carried in the message onto the outer path.
fn unnest(mut path: String, err: &serde_json::Error) -> (String, String) {
    let mut message = err.to_string();
    while let Some(rest) = message.strip_prefix(NEST) {
        let Some((inner, msg)) = rest.split_once(NEST) else {
            break;
        };
        path = join_path(&path, inner);
        message = msg.to_string();
    }
    (path, message)
}

fn join_path(outer: &str, inner: &str) -> String {
    if inner.is_empty() || inner == "." {
        outer.to_string()
    } else if outer.is_empty() || inner.starts_with('[') {
        format!("{outer}{inner}")
    } else {
        format!("{outer}.{inner}")
    }
}

/// Split a tagged object into its `type` and the remaining fields.
/// Reads any JSON value like `Value::deserialize`, but a key repeated in an
/// object is an error: the buffered blocks and runs would otherwise keep the
/// last one silently (a second "type" turning a paragraph into something
/// else, a second "text" replacing the first). Derived structs already
/// refuse repeated fields.
struct Strict;

impl<'de> serde::de::DeserializeSeed<'de> for Strict {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(Strict)
    }
}

impl<'de> serde::de::Visitor<'de> for Strict {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Strict)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Strict)?;
            if fields.contains_key(&key) {
                // Raised after its value: the position names the key.
                return Err(A::Error::custom(format!(
                    "{NEST}{NEST}the key \"{key}\" appears twice in this object"
                )));
            }
            fields.insert(key, value);
        }
        Ok(Value::Object(fields))
    }
}

fn split_tag<E: serde::de::Error>(value: Value) -> Result<(String, Map<String, Value>), E> {
    let Value::Object(mut fields) = value else {
        return Err(E::custom(format!(
            "{NEST}{NEST}expected an object with a \"type\", found {}",
            json_kind(&value)
        )));
    };
    match fields.remove("type") {
        Some(Value::String(kind)) => Ok((kind, fields)),
        Some(other) => Err(E::custom(format!(
            "{NEST}type{NEST}expected a string, found {}",
            json_kind(&other)
        ))),
        None => Err(E::custom(format!("{NEST}{NEST}missing field `type`"))),
    }
}

/// Deserialise a variant's fields; on an error, read them once more from
/// their JSON text for the inner path.
fn variant<T: DeserializeOwned, E: serde::de::Error>(fields: Map<String, Value>) -> Result<T, E> {
    let value = Value::Object(fields);
    T::deserialize(&value).map_err(|first| {
        let text = value.to_string();
        let err = serde_json::from_str::<T>(&text).err().unwrap_or(first);
        let (path, message) = located(&text, &err);
        E::custom(format!("{NEST}{path}{NEST}{}", without_position(&message)))
    })
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (kind, fields) = split_tag(d.deserialize_any(Strict)?)?;
        match kind.as_str() {
            "paragraph" => variant(fields).map(Block::Paragraph),
            "media" => variant(fields).map(Block::Media),
            "image" => variant(fields).map(Block::Image),
            "embed" => variant(fields).map(Block::Embed),
            _ => {
                let mut raw = fields;
                raw.insert("type".into(), Value::String(kind));
                Ok(Block::Unsupported(Value::Object(raw)))
            }
        }
    }
}

impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (kind, fields) = split_tag(d.deserialize_any(Strict)?)?;
        match kind.as_str() {
            "text" => variant(fields).map(Inline::Text),
            "quote" => variant(fields).map(Inline::Quote),
            other => Err(D::Error::custom(format!(
                "{NEST}type{NEST}unknown inline type \"{other}\", expected \"text\" or \"quote\""
            ))),
        }
    }
}
