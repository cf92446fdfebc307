//! Reading the file to import: CSV or JSON Lines into rows, each checked on its own, so that a
//! bad row is reported and skipped while the good ones go on.

use super::columns::{self, Cells, Field, Pick, Value};
use super::dates;
use super::{Bad, Input, Place, Row};

/// Reads the bytes of a CSV or JSON Lines file named `name` (by its extension: `.csv`;
/// `.jsonl`, `.ndjson`, `.json`; otherwise by its first character). A file that cannot be read
/// at all, or lacks a required column, is refused with a message.
pub fn read(name: &str, bytes: &[u8]) -> Result<Input, String> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    let json = match ext.as_str() {
        "csv" => false,
        "jsonl" | "ndjson" | "json" => true,
        _ => matches!(first, Some(b'{' | b'[')),
    };
    if json && first == Some(b'[') {
        return Err(format!(
            "{name} is one JSON array, not JSON Lines: write one object per line (for example with `jq -c '.[]' {name}`)"
        ));
    }
    if json {
        json_lines(name, bytes)
    } else {
        csv(name, bytes)
    }
}

/// The offset of every `\n` in `bytes`.
fn newline_offsets(bytes: &[u8]) -> Vec<usize> {
    bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n')
        .map(|(i, _)| i)
        .collect()
}

/// Says where the first invalid byte of `bytes` is.
pub fn utf8_problem(bytes: &[u8], what: &str) -> Option<String> {
    let e = std::str::from_utf8(bytes).err()?;
    let at = e.valid_up_to();
    Some(format!(
        "invalid UTF-8 (byte 0x{:02x} at byte {} of {what}): save the file as UTF-8",
        bytes[at],
        at + 1
    ))
}

fn csv(name: &str, bytes: &[u8]) -> Result<Input, String> {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(bytes);
    let headers = reader
        .byte_headers()
        .map_err(|e| format!("{name}: cannot read the header row: {e}"))?
        .clone();
    let names: Vec<String> = headers
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_string())
        .collect();
    let missing = columns::missing(&names);
    if !missing.is_empty() {
        return Err(columns::refusal(name, &missing, &names));
    }
    let mut input = Input::new(name);
    // Where each line starts, to give the line of a record from its byte offset (the reader's
    // own line count is one short after a CRLF line end, whose LF it reads with the next record).
    let newlines: Vec<usize> = newline_offsets(bytes);
    let line_at = |mut at: usize| {
        while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        newlines.partition_point(|&n| n < at) + 1
    };
    let mut record = ::csv::ByteRecord::new();
    let mut index = 0;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(format!("{name}: cannot read row {}: {e}", index + 2)),
        }
        index += 1;
        let place = Place {
            file: name.to_string(),
            // As a spreadsheet numbers them: the header is row 1.
            row: Some(index + 1),
            line: record.position().map(|p| line_at(p.byte() as usize)),
        };
        let cells = Cells(
            names
                .iter()
                .zip(record.iter())
                .map(|(col, field)| {
                    let value = match utf8_problem(field, "the value") {
                        Some(why) => Value::Bad(why),
                        None => Value::Text(String::from_utf8_lossy(field).into_owned()),
                    };
                    (col.clone(), value)
                })
                .collect(),
        );
        input.push(check(&cells, place));
    }
    Ok(input)
}

fn json_lines(name: &str, bytes: &[u8]) -> Result<Input, String> {
    let mut input = Input::new(name);
    let mut keys: Vec<String> = Vec::new();
    let mut objects = 0;
    let mut rows = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let place = Place {
            file: name.to_string(),
            row: Some(i + 1),
            line: None,
        };
        if let Some(why) = utf8_problem(line, "the line") {
            rows.push(Err(Bad::new(place, why)));
            continue;
        }
        let text = String::from_utf8_lossy(line);
        let object = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Object(o)) => o,
            Ok(other) => {
                let what = match other {
                    serde_json::Value::Array(_) => "a list",
                    serde_json::Value::String(_) => "a string",
                    serde_json::Value::Number(_) => "a number",
                    serde_json::Value::Bool(_) => "true or false",
                    _ => "null",
                };
                let why = format!("the line is {what}, not a JSON object");
                rows.push(Err(Bad::new(place, why)));
                continue;
            }
            Err(e) => {
                rows.push(Err(Bad::new(place, format!("not valid JSON: {e}"))));
                continue;
            }
        };
        objects += 1;
        let cells = Cells(
            object
                .into_iter()
                .map(|(k, v)| {
                    if !keys.contains(&k) {
                        keys.push(k.clone());
                    }
                    let value = match v {
                        serde_json::Value::String(s) => Value::Text(s),
                        serde_json::Value::Number(n) => Value::Text(n.to_string()),
                        serde_json::Value::Null => Value::Null,
                        serde_json::Value::Bool(_) => Value::Bad("true or false, not text".into()),
                        serde_json::Value::Array(_) => Value::Bad("a list, not text".into()),
                        serde_json::Value::Object(_) => Value::Bad("an object, not text".into()),
                    };
                    (k, value)
                })
                .collect(),
        );
        rows.push(check(&cells, place));
    }
    if objects == 0 {
        let first = rows.iter().find_map(|r| r.as_ref().err());
        return Err(match first {
            Some(bad) => format!("{name} has no JSON object on any line; {bad}"),
            None => format!("{name} is empty"),
        });
    }
    let missing = columns::missing(&keys);
    if !missing.is_empty() {
        return Err(columns::refusal(name, &missing, &keys));
    }
    for r in rows {
        input.push(r);
    }
    Ok(input)
}

/// A required field's value, or `None` with the problem noted.
fn required(
    cells: &Cells,
    field: Field,
    missing: &str,
    problems: &mut Vec<String>,
) -> Option<(String, String)> {
    match cells.pick(field) {
        Pick::Found(col, v) => Some((col, v)),
        Pick::Empty(col) => {
            problems.push(format!("empty {col}"));
            None
        }
        Pick::Absent => {
            problems.push(missing.to_string());
            None
        }
        Pick::Bad(col, why) => {
            problems.push(format!("{col}: {why}"));
            None
        }
    }
}

/// An optional field's value; a value that cannot be read is still a problem.
fn optional(cells: &Cells, field: Field, problems: &mut Vec<String>) -> Option<String> {
    match cells.pick(field) {
        Pick::Found(_, v) => Some(v),
        Pick::Bad(col, why) => {
            problems.push(format!("{col}: {why}"));
            None
        }
        Pick::Empty(_) | Pick::Absent => None,
    }
}

/// A row with everything an article needs, or a message saying all that is wrong with it.
fn check(cells: &Cells, place: Place) -> Result<Row, Bad> {
    let mut problems = Vec::new();
    let p = &mut problems;
    let text = required(
        cells,
        Field::Text,
        "missing text (no text column in this row)",
        p,
    );
    let date = required(
        cells,
        Field::Date,
        "missing date (no date column in this row)",
        p,
    )
    .and_then(|(col, raw)| match dates::parse(&raw) {
        Ok(spec) => {
            let (file, row, raw) = (&place.file, place.short(), raw.trim());
            Some((
                spec,
                format!("From the {col} column of {file}, {row}: «{raw}»."),
            ))
        }
        Err(why) => {
            p.push(format!("{col}: {why}"));
            None
        }
    });
    let outlet = required(cells, Field::Outlet, "missing outlet column", p);
    let title = optional(cells, Field::Title, p);
    let url = optional(cells, Field::Url, p).map(|u| u.trim().to_string());
    match (text, date, outlet) {
        (Some((_, text)), Some((date, date_note)), Some((_, outlet))) if problems.is_empty() => {
            Ok(Row {
                place,
                text,
                title,
                date,
                date_note,
                outlet: Some(outlet.trim().to_string()),
                url,
            })
        }
        _ => Err(Bad::new(place, problems.join("; "))),
    }
}
