//! Round trip of the documentation's JSON examples (crate feature
//! `roundtrip`): each example deserializes into its generated type and
//! serializes back to an equal JSON value.
//!
//! "Equal" ignores key order and compares numbers by value (`1024` and
//! `1024.0` are equal). For models, members whose value is `null` are
//! removed from the example first: read models hold `Option`s, where an
//! absent property and a `null` one are the same `None`. Update bodies are
//! compared as written: their `Patch` fields keep `null` and absent apart.

use ::serde_json::Value;
use ::std::fmt;

/// One example, as written by graph-docgen into `tests/examples.json`.
#[derive(Debug, Clone, PartialEq, ::serde::Deserialize)]
pub struct Example {
    pub version: ::std::string::String,
    #[serde(rename = "type")]
    pub type_name: ::std::string::String,
    /// `model` or `update`.
    pub shape: ::std::string::String,
    pub source: ::std::string::String,
    pub placeholder: bool,
    pub json: Value,
}

/// An example that did not round-trip, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub source: ::std::string::String,
    pub type_name: ::std::string::String,
    pub reason: ::std::string::String,
}

/// What a run gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Examples tried (placeholders excluded).
    pub tried: usize,
    pub passed: usize,
    /// Schema-like examples (`"String (timestamp)"` values), not tried.
    pub skipped_placeholder: usize,
    pub failed: ::std::vec::Vec<Failure>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "examples: {} tried, {} passed, {} failed, {} skipped as placeholders",
            self.tried,
            self.passed,
            self.failed.len(),
            self.skipped_placeholder
        )?;
        for failure in &self.failed {
            writeln!(
                f,
                "  {} ({}): {}",
                failure.source, failure.type_name, failure.reason
            )?;
        }
        Ok(())
    }
}

/// Run every example of a fixture (a JSON array of [`Example`]).
pub fn run_examples(fixture: &str) -> ::std::result::Result<Report, ::std::string::String> {
    let examples: ::std::vec::Vec<Example> =
        ::serde_json::from_str(fixture).map_err(|e| format!("fixture: {e}"))?;
    let mut report = Report::default();
    for example in &examples {
        if example.placeholder {
            report.skipped_placeholder += 1;
            continue;
        }
        report.tried += 1;
        match run_example(example) {
            Ok(()) => report.passed += 1,
            Err(reason) => report.failed.push(Failure {
                source: example.source.clone(),
                type_name: example.type_name.clone(),
                reason,
            }),
        }
    }
    Ok(report)
}

/// Round-trip one example; `Err` says where the result differs.
pub fn run_example(example: &Example) -> ::std::result::Result<(), ::std::string::String> {
    let text = example.json.to_string();
    let back = match example.shape.as_str() {
        "update" => {
            crate::roundtrip::roundtrip_update(&example.version, &example.type_name, &text)?
        }
        _ => crate::roundtrip::roundtrip(&example.version, &example.type_name, &text)?,
    };
    // Update bodies keep `null` (it clears a value); read models do not.
    let expected = match example.shape.as_str() {
        "update" => example.json.clone(),
        _ => without_nulls(&example.json),
    };
    match first_difference(&expected, &back, "$") {
        None => Ok(()),
        Some(diff) => Err(diff),
    }
}

/// `value` with every object member whose value is `null` removed.
pub fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// The first place where `expected` and `actual` differ (key order ignored,
/// numbers compared by value), as `path: expected X, got Y`.
pub fn first_difference(
    expected: &Value,
    actual: &Value,
    path: &str,
) -> ::std::option::Option<::std::string::String> {
    match (expected, actual) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                match b.get(k) {
                    Some(w) => {
                        if let Some(d) = first_difference(v, w, &format!("{path}.{k}")) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{path}.{k}: missing after the round trip")),
                }
            }
            b.keys()
                .find(|k| !a.contains_key(*k))
                .map(|k| format!("{path}.{k}: added by the round trip"))
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!("{path}: {} items, got {}", a.len(), b.len()));
            }
            a.iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (v, w))| first_difference(v, w, &format!("{path}[{i}]")))
        }
        (Value::Number(a), Value::Number(b)) if a == b || a.as_f64() == b.as_f64() => None,
        (a, b) if a == b => None,
        (a, b) => Some(format!("{path}: expected {a}, got {b}")),
    }
}
