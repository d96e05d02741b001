//! The JSON representation block of a resource page → the properties it
//! lists that the page's tables lack.
//!
//! The docs' own build checks that every property of the JSON representation
//! is described in a table, and pages suppress that warning when it is not
//! (`filtercriteria.md` has no table at all; `serviceprincipal.md` shows
//! `passwordCredentials` only in its JSON). Those properties are part of the
//! type by the page's own word. Their type is read from the placeholder value:
//! `"String"` → String, `"String (timestamp)"` → DateTimeOffset, `true` or
//! `"Boolean"` → Boolean, `{"@odata.type": "microsoft.graph.x"}` → x, `[...]`
//! → a collection of the element's type, `1024` → Int32 (a fraction →
//! Double, beyond 32 bits → Int64). A table row always wins: the JSON only
//! adds names no table has.

use super::types::{normalize_name, primitive};
use crate::ir::json::Json;
use crate::ir::model::Property;
use crate::source::static_regex;
use crate::source::{CodeBlock, Ctx, Page};

/// A type read from a JSON value: (name, collection), or why not.
type ValueType = Result<(String, bool), &'static str>;

/// Properties of the JSON representation `json` (the parsed `block`) that no
/// table row of `tables` names (ignoring case). Each gets a note.
pub fn properties_from_json(
    page: &Page,
    block: &CodeBlock,
    json: &Json,
    tables: &[Property],
    ctx: &mut Ctx,
) -> Vec<Property> {
    let Some(obj) = json.as_object() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, value) in obj {
        if key.starts_with('@') || !is_property_name(key) {
            continue;
        }
        if tables.iter().any(|p| p.name.eq_ignore_ascii_case(key)) {
            continue;
        }
        let line = key_line(block, key);
        match value_type(value) {
            Ok((type_name, collection)) => {
                ctx.note(
                    line,
                    "property-from-json",
                    format!(
                        "`{key}` is in the JSON representation but in no property table; added as `{}{}`",
                        type_name,
                        if collection { " collection" } else { "" }
                    ),
                );
                out.push(Property {
                    name: key.clone(),
                    type_name,
                    raw_type: compact(value),
                    collection,
                    from_json: true,
                    source: page.source(line),
                    ..Property::default()
                });
            }
            Err(why) => ctx.note(
                line,
                "property-from-json-untyped",
                format!(
                    "`{key}` is in the JSON representation but in no property table, and its value ({why}) gives no type; not added"
                ),
            ),
        }
    }
    out
}

/// `^[A-Za-z_][A-Za-z0-9_]*$`, by hand: this runs on every key of every
/// JSON representation.
fn is_property_name(key: &str) -> bool {
    let mut bytes = key.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The value as written in one line, for `raw_type` (long values cut).
fn compact(v: &Json) -> String {
    let s = v.to_string();
    match s.char_indices().nth(80) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s,
    }
}

/// The line index of `"key":` in the block (the opening fence if not found).
fn key_line(block: &CodeBlock, key: &str) -> usize {
    let quoted = format!("\"{key}\"");
    block
        .content
        .lines()
        .position(|l| {
            l.find(&quoted)
                .is_some_and(|i| l[i + quoted.len()..].trim_start().starts_with(':'))
        })
        .map_or(block.line, |k| block.line + 1 + k)
}

/// The type a JSON representation value stands for.
fn value_type(v: &Json) -> ValueType {
    match v {
        Json::Bool(_) => Ok(("Boolean".to_string(), false)),
        Json::Number(n) => Ok((number_type(n).to_string(), false)),
        Json::String(s) => string_type(s).map(|t| (t, false)),
        Json::Object(o) => match o.get("@odata.type").and_then(Json::as_str) {
            Some(t) => odata_type(t),
            None => Err("an object without `@odata.type`"),
        },
        Json::Array(items) => match items.first() {
            Some(Json::Array(_)) => Err("an array of arrays"),
            Some(first) => value_type(first).map(|(t, _)| (t, true)),
            None => Err("an empty array"),
        },
        Json::Null => Err("null"),
    }
}

fn number_type(n: &serde_json::Number) -> &'static str {
    match n.as_i64() {
        Some(i) if i32::try_from(i).is_ok() => "Int32",
        Some(_) => "Int64",
        None if n.is_u64() => "Int64",
        None => "Double",
    }
}

/// `microsoft.graph.x` / `#microsoft.graph.x` / `Collection(microsoft.graph.x)`.
fn odata_type(t: &str) -> ValueType {
    let t = t.trim().trim_start_matches('#');
    if let Some(inner) = static_regex!(r"(?i)^collection\((.*)\)$")
        .captures(t)
        .and_then(|c| c.get(1))
    {
        return odata_type(inner.as_str()).map(|(n, _)| (n, true));
    }
    let name = normalize_name(t);
    if static_regex!(r"^[A-Za-z_][A-Za-z0-9_]*$").is_match(&name) {
        Ok((name, false))
    } else {
        Err("an unreadable `@odata.type`")
    }
}

/// A string placeholder: `"String"`, `"string (identifier)"`, `"String
/// (timestamp)"`, `"Int32"`, `"Boolean"`, `"Guid"`, `"microsoft.graph.x"`.
/// A string that names no type (an example value) is a String.
fn string_type(s: &str) -> Result<String, &'static str> {
    let s = s.trim();
    let timestamp = static_regex!(r"(?i)\btimestamp\b|\bdate\s*time\b|^datetimeoffset$")
        .is_match(s)
        || static_regex!(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}").is_match(s);
    if timestamp {
        return Ok("DateTimeOffset".to_string());
    }
    if static_regex!(r"(?i)^string\s*\((ISO\s*8601\s*)?duration\)$").is_match(s) {
        return Ok("Duration".to_string());
    }
    let first = s
        .split(|c: char| c.is_whitespace() || c == '(')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if let Some(p) = primitive(first) {
        return Ok(p.to_string());
    }
    if static_regex!(r"^(?i:microsoft\.graph)\.[A-Za-z][A-Za-z0-9.]*$").is_match(s) {
        return odata_type(s).map(|(n, _)| n);
    }
    Ok("String".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ty(v: serde_json::Value) -> ValueType {
        value_type(&v.into())
    }

    #[test]
    fn property_names_read_as_the_regex_reads_them() {
        let re = regex::Regex::new(r"^[A-Za-z_][A-Za-z0-9_]*$").unwrap();
        for key in [
            "",
            "a",
            "_",
            "_1",
            "1a",
            "displayName",
            "@odata.type",
            "a-b",
            "a b",
            "a\n",
            "\na",
            "é",
            "aé",
            "ａ",
            "a_B_9",
            "Z",
            "a.b",
            "a$",
            " a",
        ] {
            assert_eq!(is_property_name(key), re.is_match(key), "{key:?}");
        }
    }

    #[test]
    fn placeholder_values_give_types() {
        let s = |n: &str, c: bool| Ok((n.to_string(), c));
        assert_eq!(ty(json!("string")), s("String", false));
        assert_eq!(ty(json!("String (identifier)")), s("String", false));
        assert_eq!(ty(json!("String (timestamp)")), s("DateTimeOffset", false));
        assert_eq!(ty(json!("Boolean")), s("Boolean", false));
        assert_eq!(ty(json!(true)), s("Boolean", false));
        assert_eq!(ty(json!(1024)), s("Int32", false));
        assert_eq!(ty(json!(5_000_000_000_i64)), s("Int64", false));
        assert_eq!(ty(json!(0.5)), s("Double", false));
        assert_eq!(ty(json!("Int64")), s("Int64", false));
        assert_eq!(
            ty(json!("2020-01-01T00:00:00Z")),
            s("DateTimeOffset", false)
        );
        assert_eq!(ty(json!("Jane")), s("String", false));
        assert_eq!(
            ty(json!("String (ISO 8601 duration)")),
            s("Duration", false)
        );
        assert_eq!(
            ty(json!({"@odata.type": "microsoft.graph.workbookIcon"})),
            s("workbookIcon", false)
        );
        assert_eq!(
            ty(json!({"@odata.type": "microsoft.graph.Json"})),
            s("Json", false)
        );
        assert_eq!(
            ty(json!([{"@odata.type": "microsoft.graph.passwordCredential"}])),
            s("passwordCredential", true)
        );
        assert_eq!(ty(json!(["String"])), s("String", true));
        assert_eq!(ty(json!("microsoft.graph.x")), s("x", false));
        assert!(ty(json!([])).is_err());
        assert!(ty(json!({})).is_err());
        assert!(ty(json!(null)).is_err());
    }

    #[test]
    fn only_names_no_table_has_are_added() {
        let md = "# x resource type\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|name|Int64|n|\n## JSON representation\n```json\n{\n  \"Name\": \"String\",\n  \"icon\": {\"@odata.type\": \"microsoft.graph.workbookIcon\"},\n  \"@odata.type\": \"x\",\n  \"gone\": null\n}\n```\n";
        let page = Page::parse("x.md", md.as_bytes());
        let mut ctx = page.ctx();
        let block = &page.code_blocks[0];
        let json = crate::source::parse_lenient(&block.content).value;
        let tables = vec![Property {
            name: "name".into(),
            type_name: "Int64".into(),
            ..Property::default()
        }];
        let props = properties_from_json(
            &page,
            block,
            json.as_ref().unwrap_or(&Json::Null),
            &tables,
            &mut ctx,
        );
        assert_eq!(props.len(), 1);
        assert_eq!(
            (props[0].name.as_str(), props[0].type_name.as_str()),
            ("icon", "workbookIcon")
        );
        assert_eq!(props[0].source.line, 10);
        assert_eq!(ctx.diags.len(), 2, "{:?}", ctx.diags);
    }
}
