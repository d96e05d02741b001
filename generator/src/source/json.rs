//! Lenient JSON for annotations and examples.
//!
//! The docs' JSON is written by hand: `//` and `/* */` comments, trailing
//! commas, `...`/`…` elision lines, unquoted keys, smart quotes, raw newlines
//! inside strings and, rarely, a missing comma. [`parse_lenient`] cleans these
//! outside of strings, then lets serde_json parse; when serde_json reports a
//! missing comma it inserts one and retries (a bounded number of times).
//! Every repair is reported so callers can turn them into diagnostics.

use crate::ir::json::Json;

/// The outcome of a lenient parse.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LenientJson {
    pub value: Option<Json>,
    /// Human-readable repairs made (`trailing comma removed`, ...), deduplicated.
    pub repairs: Vec<String>,
    /// Why no value could be produced.
    pub error: Option<String>,
}

/// Parse `text` as JSON, repairing what hand-written examples get wrong.
pub fn parse_lenient(text: &str) -> LenientJson {
    let mut out = LenientJson::default();
    if text.trim().is_empty() {
        out.error = Some("empty JSON text".to_string());
        return out;
    }
    if let Ok(v) = serde_json::from_str::<Json>(text) {
        out.value = Some(v);
        return out;
    }
    let mut repairs = Vec::new();
    let mut cleaned = clean(text, &mut repairs);
    // Missing commas: serde_json says where; insert and retry.
    for _ in 0..20 {
        match serde_json::from_str::<Json>(&cleaned) {
            Ok(v) => {
                out.value = Some(v);
                break;
            }
            Err(e) => {
                let msg = e.to_string();
                let fixable =
                    msg.contains("expected `,` or `}`") || msg.contains("expected `,` or `]`");
                match (fixable, offset_of(&cleaned, e.line(), e.column())) {
                    (true, Some(off)) => {
                        let at = back_to_token_end(&cleaned, off);
                        cleaned.insert(at, ',');
                        push_once(&mut repairs, "missing comma inserted");
                    }
                    _ => {
                        out.error = Some(msg);
                        break;
                    }
                }
            }
        }
    }
    if out.value.is_none() && out.error.is_none() {
        out.error = Some("too many missing commas".to_string());
    }
    out.repairs = repairs;
    out
}

fn push_once(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// Byte offset of serde_json's (1-based line, 1-based column) position.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let mut off = 0usize;
    for (i, l) in text.split('\n').enumerate() {
        if i + 1 == line {
            let col = column.saturating_sub(1).min(l.len());
            // Column counts bytes; step back to a char boundary.
            let mut c = col;
            while c > 0 && !l.is_char_boundary(c) {
                c -= 1;
            }
            return Some(off + c);
        }
        off += l.len() + 1;
    }
    None
}

/// From the error offset (the start of the unexpected token), go back over
/// whitespace so the comma lands right after the previous value.
fn back_to_token_end(text: &str, off: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = off.min(bytes.len());
    while i > 0 && bytes.get(i - 1).is_some_and(|b| b.is_ascii_whitespace()) {
        i -= 1;
    }
    i
}

/// One pass over the text outside strings: comments, elisions, smart quotes,
/// unquoted keys, raw newlines in strings; then trailing commas.
fn clean(text: &str, repairs: &mut Vec<String>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut in_str = false;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if in_str {
            match c {
                '\\' => {
                    out.push(c);
                    if let Some(n) = next {
                        out.push(n);
                        i += 1;
                    }
                }
                '"' | '\u{201d}' | '\u{201c}' => {
                    if c != '"' {
                        push_once(repairs, "smart quotes replaced");
                    }
                    out.push('"');
                    in_str = false;
                }
                '\n' => {
                    out.push_str("\\n");
                    push_once(repairs, "raw newline in string escaped");
                }
                '\r' | '\t' => out.push(' '),
                _ => out.push(c),
            }
            i += 1;
            continue;
        }
        match c {
            // A doubled opening quote (`""internalServerErrorUncategorized"`):
            // an empty string is never followed by a letter, so it is one quote.
            '"' if next == Some('"')
                && chars.get(i + 2).is_some_and(|c| c.is_ascii_alphanumeric()) =>
            {
                out.push('"');
                in_str = true;
                i += 2;
                push_once(repairs, "doubled quote made one");
            }
            '"' | '\u{201c}' | '\u{201d}' => {
                if c != '"' {
                    push_once(repairs, "smart quotes replaced");
                }
                out.push('"');
                in_str = true;
                i += 1;
            }
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                push_once(repairs, "comment removed");
            }
            '/' if next == Some('*') => {
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    i += 1;
                }
                i += 2;
                push_once(repairs, "comment removed");
            }
            '.' if next == Some('.') && chars.get(i + 2) == Some(&'.') => {
                i += 3;
                while chars.get(i) == Some(&'.') {
                    i += 1;
                }
                push_once(repairs, "elision `...` removed");
            }
            '…' => {
                i += 1;
                push_once(repairs, "elision `...` removed");
            }
            c if (c.is_ascii_alphabetic() || c == '_' || c == '@' || c == '$')
                && key_position(&out) =>
            {
                // An unquoted key: `isCollection: true`.
                let start = i;
                while i < chars.len()
                    && (chars[i].is_ascii_alphanumeric()
                        || matches!(chars[i], '_' | '@' | '.' | '$' | '-'))
                {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let mut j = i;
                while j < chars.len() && chars[j].is_whitespace() {
                    j += 1;
                }
                if chars.get(j) == Some(&':') {
                    out.push('"');
                    out.push_str(&word);
                    out.push('"');
                    push_once(repairs, "unquoted key quoted");
                } else {
                    out.push_str(&word);
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    if in_str {
        out.push('"');
        push_once(repairs, "unterminated string closed");
    }
    remove_trailing_commas(&out, repairs)
}

/// True when the last non-blank character written opens an object member
/// (`{` or `,`), i.e. a key may follow.
fn key_position(out: &str) -> bool {
    matches!(out.trim_end().chars().last(), Some('{') | Some(','))
}

/// Drop commas followed (after blanks) by `}` or `]`, and commas that directly
/// follow `[`/`{`/`,` (left behind by removed elisions).
fn remove_trailing_commas(s: &str, repairs: &mut Vec<String>) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut in_str = false;
    // The last non-blank character written: looking it up with
    // `out.trim_end()` at each comma was quadratic after a long blank run
    // (100,000 blanks then 100,000 commas took 13 s).
    let mut prev = None;
    for (i, &c) in chars.iter().enumerate() {
        if in_str {
            out.push(c);
            prev = Some(c).filter(|c| !c.is_whitespace()).or(prev);
            if c == '"' && !escaped(&chars, i) {
                in_str = false;
            }
            continue;
        }
        if c == '"' {
            in_str = true;
            out.push(c);
            prev = Some(c);
            continue;
        }
        if c == ',' {
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if matches!(next, Some('}') | Some(']') | None)
                || matches!(prev, Some('[') | Some('{') | Some(','))
            {
                push_once(repairs, "trailing comma removed");
                continue;
            }
        }
        out.push(c);
        if !c.is_whitespace() {
            prev = Some(c);
        }
    }
    out
}

fn escaped(chars: &[char], i: usize) -> bool {
    let mut n = 0;
    let mut j = i;
    while j > 0 && chars[j - 1] == '\\' {
        n += 1;
        j -= 1;
    }
    n % 2 == 1
}

/// The type names of [`is_placeholder_value`], lowercase.
const KNOWN: &[&str] = &[
    "string",
    "integer",
    "int32",
    "int64",
    "boolean",
    "bool",
    "date",
    "double",
    "guid",
    "datetimeoffset",
    "datetime",
    "timestamp",
    "duration",
    "binary",
    "timeofday",
    "stream",
    "single",
    "decimal",
    "number",
];
/// The shortest and longest of [`KNOWN`] (a test checks them).
const KNOWN_LEN_MIN: usize = 4;
const KNOWN_LEN_MAX: usize = 14;

/// Schema-like placeholder values of resource JSON and stub examples:
/// `"String"`, `"String (timestamp)"`, `"Integer"`, `"Boolean"`, `"Date"`...,
/// and the `"<name>-value"` fill-ins of example bodies (`"datetime-value"`,
/// `"id-value"`: 2,000 of them in the corpus, in fields of every type).
pub fn is_placeholder_value(s: &str) -> bool {
    if is_named_fill_in(s) {
        return true;
    }
    if !may_start_a_known_name(s) {
        return false;
    }
    // The text before the first ` (` (a `(` search, then the byte before
    // it: cheaper than a substring search on every string of every body).
    let b = s.as_bytes();
    let cut = memchr::memchr_iter(b'(', b).find(|&i| i > 0 && b.get(i - 1) == Some(&b' '));
    let base = s.get(..cut.map_or(s.len(), |i| i - 1)).unwrap_or(s).trim();
    // Compared in place (no lowercased copy); the length bounds settle
    // most of the rest at once.
    let known = (KNOWN_LEN_MIN..=KNOWN_LEN_MAX).contains(&base.len())
        && KNOWN.iter().any(|k| k.eq_ignore_ascii_case(base));
    // `String` alone, or `String (identifier)`-style with a short parenthesis.
    known && (base.len() == s.trim().len() || s.trim_end().ends_with(')'))
}

/// Whether `s`, blanks aside, starts with the first letter of a name of
/// [`is_placeholder_value`]'s list. The name found there is a prefix of the
/// left-trimmed text, so this settles most strings (nearly all example
/// values) before the `(` search and the list's comparisons.
fn may_start_a_known_name(s: &str) -> bool {
    s.trim_start().as_bytes().first().is_some_and(|b| {
        matches!(
            b.to_ascii_lowercase(),
            b's' | b'i' | b'b' | b'd' | b'g' | b't' | b'n'
        )
    })
}

/// `"id-value"`, `"addressLocal-value"`: one identifier, then `-value`.
fn is_named_fill_in(s: &str) -> bool {
    s.strip_suffix("-value").is_some_and(|name| {
        name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// Whether any string in `v` is a placeholder value.
pub fn has_placeholders(v: &Json) -> bool {
    match v {
        Json::String(s) => is_placeholder_value(s),
        Json::Array(a) => a.iter().any(has_placeholders),
        Json::Object(o) => o.values().any(has_placeholders),
        _ => false,
    }
}

/// A boolean annotation/JSON value, accepting `"true"`/`"false"` strings.
pub fn loose_bool(v: Option<&Json>) -> Option<bool> {
    match v? {
        Json::Bool(b) => Some(*b),
        Json::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `serde_json::json!`, as the IR's [`Json`](crate::ir::json::Json).
    macro_rules! json {
        ($($t:tt)+) => {
            crate::ir::json::Json::from(serde_json::json!($($t)+))
        };
    }

    #[test]
    fn a_doubled_opening_quote_is_one_and_empty_strings_stay() {
        let r = parse_lenient(r#"{"code": ""internalError", "empty": "", "e2": ""}"#);
        assert_eq!(
            r.value,
            Some(json!({"code": "internalError", "empty": "", "e2": ""}))
        );
        assert_eq!(r.repairs, ["doubled quote made one"]);
    }

    #[test]
    fn named_fill_ins_are_placeholders_and_real_values_are_not() {
        for s in [
            "id-value",
            "datetime-value",
            "addressLocal-value",
            "String-value",
        ] {
            assert!(is_placeholder_value(s), "{s}");
        }
        for s in [
            "-value",
            "my value-value",
            "high-value-item",
            "value",
            "x-values",
            "2-value",
        ] {
            assert!(!is_placeholder_value(s), "{s}");
        }
        assert!(has_placeholders(
            &json!({"a": [{"start": "datetime-value"}]})
        ));
    }

    /// `is_placeholder_value` before its pre-filters: the `(` cut, a trim
    /// and the list compared without lowercasing.
    fn placeholder_reference(s: &str) -> bool {
        if is_named_fill_in(s) {
            return true;
        }
        let base = match s.find(" (") {
            Some(i) => &s[..i],
            None => s,
        }
        .trim();
        KNOWN.iter().any(|k| k.eq_ignore_ascii_case(base))
            && (base.len() == s.trim().len() || s.trim_end().ends_with(')'))
    }

    #[test]
    fn placeholder_filters_change_no_answer() {
        for k in KNOWN {
            assert!((KNOWN_LEN_MIN..=KNOWN_LEN_MAX).contains(&k.len()), "{k}");
            assert!(may_start_a_known_name(k), "{k}");
            assert_eq!(*k, k.to_ascii_lowercase());
        }
        let mut inputs: Vec<String> = [
            "",
            " ",
            "\u{a0}",
            "S",
            "s",
            "String",
            " string ",
            "STRING",
            "String(x)",
            "String (x)",
            "String (x",
            "  Int32 (y) ",
            "\u{2003}Guid\u{2003}",
            "Stringy",
            "Date time",
            "DateTimeOffset",
            "datetimeoffset (timestamp)",
            "dateTimeOffsetX",
            "Timestamp",
            "é",
            "ßtring",
            "\u{17f}tring",
            "Number (",
            " (",
            "(String)",
            "x String",
            "Boolean )",
            "boolean (true) extra",
            "Bool-value",
            "high-value-item",
            "ἰnt32",
            "İnt32",
            "decimal\n",
            "\tstream",
            "Single (1) (2)",
            "Binary (base64",
            "TimeOfDay (hh:mm)",
            "Duration (ISO 8601)",
            "id-value",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for k in KNOWN {
            for s in [
                k.to_string(),
                k.to_uppercase(),
                format!(" {k} (x)"),
                format!("{k} (x) y"),
                format!("\u{a0}{k}"),
                format!("{k}s"),
                k[1..].to_string(),
            ] {
                inputs.push(s);
            }
        }
        for s in &inputs {
            assert_eq!(is_placeholder_value(s), placeholder_reference(s), "{s:?}");
        }
    }

    #[test]
    fn strict_json_needs_no_repair() {
        let r = parse_lenient(r#"{"a": [1, 2]}"#);
        assert_eq!(r.value, Some(json!({"a": [1, 2]})));
        assert!(r.repairs.is_empty());
    }

    #[test]
    fn comments_trailing_commas_and_elisions() {
        let r = parse_lenient(
            "{\n  // a comment\n  \"url\": \"https://x/y\", /* block */\n  \"v\": [1, 2, ],\n  ...\n  \"w\": { \"x\": 1, },\n}",
        );
        assert_eq!(
            r.value,
            Some(json!({"url": "https://x/y", "v": [1, 2], "w": {"x": 1}})),
            "{r:?}"
        );
        assert!(r.repairs.iter().any(|x| x.contains("comment")));
        assert!(r.repairs.iter().any(|x| x.contains("trailing comma")));
    }

    #[test]
    fn unquoted_keys_and_string_booleans() {
        let r = parse_lenient(
            r#"{ "blockType": "response", "truncated": "true", isCollection: true }"#,
        );
        let v = r.value.unwrap_or_default();
        assert_eq!(v.get("isCollection"), Some(&json!(true)));
        assert_eq!(loose_bool(v.get("truncated")), Some(true));
    }

    #[test]
    fn missing_comma_is_inserted() {
        let r = parse_lenient("{ \"a\": \"\" \"b\": [] }");
        assert_eq!(r.value, Some(json!({"a": "", "b": []})));
        assert!(r.repairs.iter().any(|x| x.contains("missing comma")));
    }

    #[test]
    fn raw_newline_in_string_is_escaped() {
        let r = parse_lenient("{\"s\": [\"a\nb\"]}");
        assert_eq!(r.value, Some(json!({"s": ["a\nb"]})));
    }

    /// Found by tests/robustness.rs: commas after a long blank run were
    /// quadratic in `remove_trailing_commas`.
    #[test]
    fn many_commas_after_many_blanks_are_linear() {
        let n = 50_000;
        let text = format!("[{}{}1]", " ".repeat(n), ",".repeat(n));
        let started = std::time::Instant::now();
        let r = parse_lenient(&text);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        assert_eq!(r.value, Some(json!([1])));
    }

    #[test]
    fn garbage_gives_an_error_not_a_panic() {
        let r = parse_lenient("893 not json {");
        assert!(r.value.is_none());
        assert!(r.error.is_some());
        assert!(parse_lenient("").error.is_some());
    }

    #[test]
    fn placeholders() {
        for p in [
            "String",
            "String (timestamp)",
            "Integer",
            "Boolean",
            "String (identifier)",
            "Date",
        ] {
            assert!(is_placeholder_value(p), "{p}");
        }
        for p in [
            "User Display Name value",
            "notApplicable",
            "Strings are fun",
        ] {
            assert!(!is_placeholder_value(p), "{p}");
        }
        assert!(has_placeholders(&json!({"a": {"b": ["String"]}})));
        assert!(!has_placeholders(&json!({"a": 1024})));
    }
}
