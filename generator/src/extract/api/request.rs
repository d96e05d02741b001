//! Request headers and request body.
//!
//! Headers: `Header|Value` (Intune), `Name|Description`, `Name|Type|Description`,
//! `Name|Value|Description` (corpus-formats.md §7); required when a cell says
//! "Required".
//!
//! Body: the type of "In the request body, supply a JSON representation of
//! [x]" and the rows of the section's property tables. The rows are action
//! or function parameters (not properties of a type) when the section says
//! "parameters", the name column is headed Parameter, or the operation is an
//! action (a POST whose last segment names an action, not a collection).

use super::RequestShape;
use crate::extract::common::{link_texts, normalize_name, properties_from_table, property_columns};
use crate::ir::model::{Header, Request, Segment};
use crate::source::static_regex;
use crate::source::text::{may_contain_ci, plain_text, trim};
use crate::source::{Column, Ctx, Page, SectionKind};

/// The documented request headers.
pub fn headers(page: &Page) -> Vec<Header> {
    let mut out = Vec::new();
    for s in page.sections_of(SectionKind::RequestHeaders) {
        for t in page.tables_in(s.start, s.end) {
            let cols = t.columns();
            let value_col = cols
                .iter()
                .position(|c| *c == Column::Value)
                .or_else(|| cols.iter().position(|c| *c == Column::Description))
                .unwrap_or(1);
            for row in &t.rows {
                let name = plain_text(row.cell(0));
                let name = name.trim_matches(|c: char| c == '_' || c == '*' || c.is_whitespace());
                if name.is_empty() || name.contains(' ') && !name.contains(':') && name.len() > 40 {
                    continue;
                }
                // `Required` (that case) is a literal of the first regex:
                // a substring search settles most cells without it.
                let required = row.cells.iter().skip(1).any(|c| {
                    c.contains("Required")
                        && static_regex!(r"\bRequired\b").is_match(c)
                        && !static_regex!(r"(?i)\bnot required\b").is_match(c)
                });
                out.push(Header {
                    name: name.to_string(),
                    value: trim(row.cell(value_col)).to_string(),
                    required,
                    source: page.source(row.line),
                });
            }
        }
    }
    out
}

/// "supply a JSON representation of [x]" → (type, collection).
pub fn body_type(text: &str) -> Option<(String, bool)> {
    // The regex needs `json` in some case: a case-blind search settles
    // most paragraphs.
    if !may_contain_ci(text, "json") {
        return None;
    }
    let m =
        static_regex!(r"(?i)JSON\s+(?:representation|object|array)\s+(?:of|for)\s+").find(text)?;
    let rest = &text[m.end()..];
    // Only the sentence the phrase is in.
    let rest = static_regex!(r"\.(\s|$)")
        .split(rest)
        .next()
        .unwrap_or(rest);
    let collection_words = static_regex!(r"(?i)\b(collection|array|list)\s+of\b|\bcollection\b");
    let name = match link_texts(rest).into_iter().next() {
        Some(l) => l,
        None => {
            let c = static_regex!(r"^(?:(?:the|a|an|one|new)\s+)*`?([A-Za-z][A-Za-z0-9_.]*)`?")
                .captures(rest)?;
            let w = c.get(1)?.as_str().to_string();
            // A bare word must look like a type name (camelCase), not prose.
            if !w.chars().any(|c| c.is_ascii_uppercase()) || w.contains("JSON") {
                return None;
            }
            w
        }
    };
    let name = normalize_name(&plain_text(&name));
    let ok = static_regex!(r"^[A-Za-z_][A-Za-z0-9_]*$").is_match(&name);
    ok.then(|| (name, collection_words.is_match(rest)))
}

/// Irregular plurals: a POST to these is a create, not an action.
const COLLECTION_WORDS: &[&str] = &["children", "people", "media", "data", "content", "items"];

/// A POST whose last path segment names an action: a literal that is not a
/// plural collection name (`assign`, `sendMail`, `microsoft.graph.x/wipe`).
pub fn is_action_path(segments: &[Segment]) -> bool {
    match segments.last() {
        Some(Segment::Literal { name }) => {
            let lower = name.to_ascii_lowercase();
            !(lower.ends_with('s') || COLLECTION_WORDS.contains(&lower.as_str()))
                && segments.len() > 1
        }
        Some(Segment::Function { .. }) => true,
        _ => false,
    }
}

/// The request body: type, table rows, and whether the rows are parameters
/// (`paragraphs`: those of the Request body section).
pub fn body(
    page: &Page,
    paragraphs: &[(usize, String)],
    shape: &RequestShape,
    ctx: &mut Ctx,
) -> Request {
    let mut req = Request::default();
    let Some(s) = page.section(SectionKind::RequestBody) else {
        return req;
    };
    if let Some((t, coll)) = paragraphs.iter().find_map(|(_, p)| body_type(p)) {
        req.type_name = Some(t);
        req.collection = coll;
    }
    // "parameters" except "(OData) query parameters", which every kind of
    // page mentions. Both regexes need `parameter` in some case: most
    // sections lack it, and need neither the joined prose nor the regexes.
    let says_parameters = paragraphs
        .iter()
        .any(|(_, p)| may_contain_ci(p, "parameter"))
        && {
            let prose: String = paragraphs
                .iter()
                .map(|(_, p)| p.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let without_query =
                static_regex!(r"(?i)\bquery\s+parameters?\b").replace_all(&prose, "");
            static_regex!(r"(?i)\bparameters?\b").is_match(&without_query)
        };
    let mut header_says_parameter = false;
    for t in page.tables_in(s.start, s.end) {
        let Some(cols) = property_columns(t) else {
            continue;
        };
        header_says_parameter |= t.header_text(cols.name).starts_with("parameter");
        req.properties
            .extend(properties_from_table(page, t, false, ctx));
    }
    let action = shape.method == "POST" && shape.all_paths_action && !shape.create_title;
    req.is_parameters = !req.properties.is_empty()
        && (says_parameters || header_says_parameter || action || shape.function);
    req
}

/// Whether the table rows describe properties of the body type named in
/// the section (a different linked type in the table's intro says not).
pub fn rows_are_properties_of(page: &Page, type_name: &str) -> bool {
    let Some(s) = page.section(SectionKind::RequestBody) else {
        return false;
    };
    let Some(t) = page
        .tables_in(s.start, s.end)
        .find(|t| property_columns(t).is_some())
    else {
        return false;
    };
    // The last paragraph before the table.
    let intro = page
        .paragraphs_in(s.start, t.line)
        .into_iter()
        .last()
        .map(|(_, p)| p)
        .unwrap_or_default();
    let links: Vec<String> = link_texts(&intro)
        .into_iter()
        .map(|l| normalize_name(&l))
        .collect();
    links.is_empty() || links.iter().any(|l| l.eq_ignore_ascii_case(type_name))
}
