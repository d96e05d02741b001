//! Round trip of the documentation's JSON examples (crate feature
//! `roundtrip`): each example deserializes into its generated type and
//! serializes back to an equal JSON value.
//!
//! "Equal" ignores key order and compares numbers by value (`1024` and
//! `1024.0` are equal). For models, members whose value is `null` are
//! removed from both sides first: read models hold `Option`s, where an
//! absent property and a `null` one are the same `None`. Update bodies keep
//! their top-level `null`s: their `Patch` fields keep `null` and absent
//! apart (nested values are read models).
//!
//! The [`Report`] counts examples by version (`v1.0`, `beta`) and origin
//! (`response`: an operation's response example, or one element of its
//! `value` array; `request`: a request body; `resource`: a resource page's
//! JSON representation) and lists every failure with its `file:line`, type
//! and reason: the JSON pointer of the first difference, or the serde error
//! with the pointer of the smallest part of the example that still fails.
//!
//! Pass criterion ([`Criterion::from_env`]): by default every tried example
//! must pass. With `GRAPH_DOCGEN_ROUNDTRIP_MIN_V1_RESPONSE=95` set, at least
//! 95% of the non-placeholder `v1.0` response examples must pass instead
//! (for a crate generated from the whole documentation, some of whose
//! examples are wrong); the failures are printed all the same.

use ::serde_json::Value;
use ::std::collections::BTreeMap;
use ::std::fmt;

/// The environment variable that relaxes the pass criterion to a minimum
/// percentage of `v1.0` response examples passing.
pub const MIN_V1_RESPONSE_ENV: &str = "GRAPH_DOCGEN_ROUNDTRIP_MIN_V1_RESPONSE";

/// One example, as written by graph-docgen into `tests/examples.json`.
#[derive(Debug, Clone, PartialEq, ::serde::Deserialize)]
pub struct Example {
    pub version: ::std::string::String,
    #[serde(rename = "type")]
    pub type_name: ::std::string::String,
    /// `model` or `update`.
    pub shape: ::std::string::String,
    /// `response`, `request` or `resource`.
    pub origin: ::std::string::String,
    pub source: ::std::string::String,
    pub placeholder: bool,
    pub json: Value,
}

/// An example that did not round-trip, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub version: ::std::string::String,
    pub origin: ::std::string::String,
    pub source: ::std::string::String,
    pub type_name: ::std::string::String,
    pub shape: ::std::string::String,
    pub reason: ::std::string::String,
}

/// Counts for one group of examples.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Examples tried (placeholders excluded).
    pub tried: usize,
    pub passed: usize,
    pub failed: usize,
    /// Schema-like examples (`"String (timestamp)"` values), not tried.
    pub skipped_placeholder: usize,
}

impl Tally {
    /// Percentage of the tried examples that passed (100 when none was tried).
    pub fn pass_rate(&self) -> f64 {
        if self.tried == 0 {
            100.0
        } else {
            self.passed as f64 * 100.0 / self.tried as f64
        }
    }

    fn add(&mut self, other: &Tally) {
        self.tried += other.tried;
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped_placeholder += other.skipped_placeholder;
    }
}

/// What a run gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Counts by `(version, origin)`.
    pub groups: BTreeMap<(::std::string::String, ::std::string::String), Tally>,
    /// Every failure, grouped by version and origin, in fixture order within a group.
    pub failed: ::std::vec::Vec<Failure>,
}

impl Report {
    /// The counts over every group.
    pub fn total(&self) -> Tally {
        let mut total = Tally::default();
        for tally in self.groups.values() {
            total.add(tally);
        }
        total
    }

    /// The counts of one version and origin (zero when there is none).
    pub fn tally(&self, version: &str, origin: &str) -> Tally {
        self.groups
            .get(&(version.to_string(), origin.to_string()))
            .copied()
            .unwrap_or_default()
    }

    /// `Ok` with a one-line verdict when the report meets `criterion`, else `Err`.
    pub fn check(
        &self,
        criterion: &Criterion,
    ) -> ::std::result::Result<::std::string::String, ::std::string::String> {
        match criterion {
            Criterion::NoFailure if self.failed.is_empty() => {
                Ok("every tried example round-trips".to_string())
            }
            Criterion::NoFailure => Err(format!(
                "{} examples failed to round-trip (set {MIN_V1_RESPONSE_ENV} to require a pass rate instead)",
                self.failed.len()
            )),
            Criterion::MinPassRate {
                version,
                origin,
                percent,
            } => {
                let tally = self.tally(version, origin);
                let rate = tally.pass_rate();
                let verdict = format!(
                    "{version} {origin} examples: {}/{} passed ({rate:.2}%), minimum {percent}%",
                    tally.passed, tally.tried
                );
                if tally.tried > 0 && rate >= *percent {
                    Ok(verdict)
                } else if tally.tried == 0 {
                    Err(format!("{verdict}: none was tried"))
                } else {
                    Err(verdict)
                }
            }
        }
    }
}

/// When a run passes.
#[derive(Debug, Clone, PartialEq)]
pub enum Criterion {
    /// Every tried example round-trips.
    NoFailure,
    /// At least `percent` of the tried examples of `version` and `origin` round-trip.
    MinPassRate {
        version: ::std::string::String,
        origin: ::std::string::String,
        percent: f64,
    },
}

impl Criterion {
    /// [`Criterion::NoFailure`], or a minimum pass rate of `v1.0` response
    /// examples when [`MIN_V1_RESPONSE_ENV`] holds a percentage.
    pub fn from_env() -> ::std::result::Result<Criterion, ::std::string::String> {
        match ::std::env::var(MIN_V1_RESPONSE_ENV) {
            Ok(text) => Criterion::min_v1_response(&text),
            Err(_) => Ok(Criterion::NoFailure),
        }
    }

    /// The minimum pass rate of `v1.0` response examples, from a percentage
    /// written `95` or `99.5`.
    pub fn min_v1_response(text: &str) -> ::std::result::Result<Criterion, ::std::string::String> {
        match text.trim().parse::<f64>() {
            Ok(percent) if (0.0..=100.0).contains(&percent) => Ok(Criterion::MinPassRate {
                version: "v1.0".to_string(),
                origin: "response".to_string(),
                percent,
            }),
            _ => Err(format!(
                "{MIN_V1_RESPONSE_ENV}={text:?}: expected a percentage between 0 and 100"
            )),
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.total();
        writeln!(
            f,
            "examples: {} tried, {} passed, {} failed, {} skipped as placeholders",
            total.tried, total.passed, total.failed, total.skipped_placeholder
        )?;
        writeln!(
            f,
            "  {:<8} {:<9} {:>7} {:>7} {:>7} {:>8} {:>8}",
            "version", "origin", "tried", "passed", "failed", "skipped", "passed%"
        )?;
        for ((version, origin), t) in &self.groups {
            writeln!(
                f,
                "  {version:<8} {origin:<9} {:>7} {:>7} {:>7} {:>8} {:>7.2}%",
                t.tried,
                t.passed,
                t.failed,
                t.skipped_placeholder,
                t.pass_rate()
            )?;
        }
        if !self.failed.is_empty() {
            writeln!(f, "failures ({}):", self.failed.len())?;
        }
        for x in &self.failed {
            let shape = if x.shape == "update" { " update" } else { "" };
            writeln!(
                f,
                "  {} {} {} {}{shape}: {}",
                x.version, x.origin, x.source, x.type_name, x.reason
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
        let tally = report
            .groups
            .entry((example.version.clone(), example.origin.clone()))
            .or_default();
        if example.placeholder {
            tally.skipped_placeholder += 1;
            continue;
        }
        tally.tried += 1;
        match run_example(example) {
            Ok(()) => tally.passed += 1,
            Err(reason) => {
                tally.failed += 1;
                report.failed.push(Failure {
                    version: example.version.clone(),
                    origin: example.origin.clone(),
                    source: example.source.clone(),
                    type_name: example.type_name.clone(),
                    shape: example.shape.clone(),
                    reason,
                });
            }
        }
    }
    // Stable: fixture order within each version and origin.
    report
        .failed
        .sort_by(|a, b| (&a.version, &a.origin).cmp(&(&b.version, &b.origin)));
    Ok(report)
}

/// Round-trip one example; `Err` says where the result differs.
pub fn run_example(example: &Example) -> ::std::result::Result<(), ::std::string::String> {
    let update = example.shape == "update";
    let trip = |json: &Value| -> ::std::result::Result<Value, ::std::string::String> {
        let text = json.to_string();
        if update {
            crate::roundtrip::roundtrip_update(&example.version, &example.type_name, &text)
        } else {
            crate::roundtrip::roundtrip(&example.version, &example.type_name, &text)
        }
    };
    let back = match trip(&example.json) {
        Ok(back) => back,
        Err(error) if error.starts_with("deserialize") => {
            return Err(locate_error(&example.json, error, &trip))
        }
        Err(error) => return Err(error),
    };
    let (expected, back) = comparable(&example.json, &back, update);
    match first_difference(&expected, &back, "") {
        None => Ok(()),
        Some(diff) => Err(diff),
    }
}

/// The example and its round trip with the `null` members that carry no
/// meaning removed from both: in a read model an absent property and a
/// `null` one are the same `None` (and `additional` keeps a `null` it does
/// not know); an update body keeps its top-level `null`s, which clear a
/// value, and its nested values are read models.
fn comparable(example: &Value, back: &Value, update: bool) -> (Value, Value) {
    if !update {
        return (without_nulls(example), without_nulls(back));
    }
    let nested = |v: &Value| match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        other => without_nulls(other),
    };
    (nested(example), nested(back))
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
/// numbers compared by value), as `at <JSON pointer>: expected X, got Y`.
/// `pointer` is the JSON pointer (RFC 6901) of `expected` in the example.
pub fn first_difference(
    expected: &Value,
    actual: &Value,
    pointer: &str,
) -> ::std::option::Option<::std::string::String> {
    match (expected, actual) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                let here = child_pointer(pointer, k);
                match b.get(k) {
                    Some(w) => {
                        if let Some(d) = first_difference(v, w, &here) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("at {}: missing after the round trip", shown(&here))),
                }
            }
            b.keys().find(|k| !a.contains_key(*k)).map(|k| {
                format!(
                    "at {}: added by the round trip",
                    shown(&child_pointer(pointer, k))
                )
            })
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!(
                    "at {}: {} items, got {}",
                    shown(pointer),
                    a.len(),
                    b.len()
                ));
            }
            a.iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (v, w))| first_difference(v, w, &child_pointer(pointer, &i.to_string())))
        }
        (Value::Number(a), Value::Number(b)) if a == b || a.as_f64() == b.as_f64() => None,
        (a, b) if a == b => None,
        (a, b) => Some(format!(
            "at {}: expected {}, got {}",
            shown(pointer),
            clipped(a),
            clipped(b)
        )),
    }
}

/// A deserialize error with the JSON pointer of the smallest part of
/// `json` that still fails. serde's own position is of no use here: the
/// example is one line, and structs with a flattened `additional` map
/// buffer their input, so the error is reported at the object's end.
/// Instead the example is pruned: an object is cut down to one member
/// (and its `@odata.type`, which picks the derived type), an array to one
/// item, for as long as the pruned example still fails.
fn locate_error(
    json: &Value,
    error: ::std::string::String,
    trip: &dyn Fn(&Value) -> ::std::result::Result<Value, ::std::string::String>,
) -> ::std::string::String {
    let mut doc = json.clone();
    let mut error = error;
    let mut path: ::std::vec::Vec<Step> = ::std::vec::Vec::new();
    loop {
        let here = pruned_pointer(&path);
        let Some(node) = doc.pointer(&here).cloned() else {
            break;
        };
        // When the node emptied still fails, the fault is the node itself
        // (an object where a string belongs), not one of its members.
        let mut emptied = doc.clone();
        match emptied.pointer_mut(&here) {
            Some(slot) => *slot = empty_like(&node),
            None => break,
        }
        if trip(&emptied).is_err() {
            break;
        }
        let found = pruned_children(&node).into_iter().find_map(|(step, pruned)| {
            let mut candidate = doc.clone();
            *candidate.pointer_mut(&here)? = pruned;
            trip(&candidate).err().map(|e| (step, candidate, e))
        });
        let Some((step, candidate, e)) = found else {
            break;
        };
        path.push(step);
        doc = candidate;
        error = e;
    }
    let pointer = path.iter().fold(::std::string::String::new(), |p, step| match step {
        Step::Key(k) => child_pointer(&p, k),
        Step::Index(i) => child_pointer(&p, &i.to_string()),
    });
    format!("at {}: {}", shown(&pointer), without_position(&error))
}

/// One step down a JSON value.
enum Step {
    Key(::std::string::String),
    Index(usize),
}

/// `node` with no members (its `@odata.type` kept) or no items.
fn empty_like(node: &Value) -> Value {
    match node {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| k.as_str() == "@odata.type")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        Value::Array(_) => Value::Array(::std::vec::Vec::new()),
        other => other.clone(),
    }
}

/// For each member (item) of `node`: its step and `node` cut down to that
/// member (item) alone; an object keeps its `@odata.type`.
fn pruned_children(node: &Value) -> ::std::vec::Vec<(Step, Value)> {
    match node {
        Value::Object(map) => map
            .iter()
            .filter(|(k, _)| k.as_str() != "@odata.type")
            .map(|(k, v)| {
                let mut one = ::serde_json::Map::new();
                if let Some(t) = map.get("@odata.type") {
                    one.insert("@odata.type".to_string(), t.clone());
                }
                one.insert(k.clone(), v.clone());
                (Step::Key(k.clone()), Value::Object(one))
            })
            .collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (Step::Index(i), Value::Array(vec![v.clone()])))
            .collect(),
        _ => ::std::vec::Vec::new(),
    }
}

/// The JSON pointer of `path` in the pruned document, where each pruned
/// array holds the chosen item alone, at index 0.
fn pruned_pointer(path: &[Step]) -> ::std::string::String {
    path.iter().fold(::std::string::String::new(), |p, step| match step {
        Step::Key(k) => child_pointer(&p, k),
        Step::Index(_) => child_pointer(&p, "0"),
    })
}

/// `pointer` extended by one reference token (escaped per RFC 6901).
pub fn child_pointer(pointer: &str, token: &str) -> ::std::string::String {
    format!("{pointer}/{}", token.replace('~', "~0").replace('/', "~1"))
}

fn shown(pointer: &str) -> &str {
    if pointer.is_empty() {
        "(root)"
    } else {
        pointer
    }
}

/// serde_json's " at line 1 column 345" says nothing of a one-line example.
fn without_position(error: &str) -> &str {
    match error.rfind(" at line ") {
        Some(i) if error[i..].contains(" column ") => &error[..i],
        _ => error,
    }
}

/// `value` as JSON, cut to 100 characters.
fn clipped(value: &Value) -> ::std::string::String {
    let text = value.to_string();
    match text.char_indices().nth(100) {
        Some((i, _)) => format!("{}...", &text[..i]),
        None => text,
    }
}
