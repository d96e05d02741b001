//! Examples section → request/response pairs.
//!
//! Code blocks of the Examples sections are read in page order. A block is a
//! request when its annotation says `request` or its first line is
//! `METHOD url`; a response when its annotation says `response` or its first
//! line is a status line (`HTTP/1.1 200 OK`, `HTTP 201 Created`). Pairing is
//! by order within each example group (the innermost `Example...` section;
//! `### Request` / `##### Request 1` / `#### Response` headings at any level
//! only label blocks, tabs `# [HTTP](#tab/http)` are not sections at all).
//! Messages: start line, headers up to the first blank line (or the first
//! line that is not `Name: value`, since some bodies follow the headers with
//! no blank line), body text, lenient JSON, placeholder flag, truncated flag.

use super::request_lines::split_request_line;
use super::response::status_in_line;
use crate::ir::model::{Example, HttpMessage};
use crate::source::static_regex;
use crate::source::text::trim;
use crate::source::{
    has_placeholders, parse_lenient, Annotation, CodeBlock, Ctx, Page, Section, SectionKind,
};

/// The examples of the page, and the response annotations met (for the
/// response type).
pub struct Examples<'p> {
    pub examples: Vec<Example>,
    pub response_annotations: Vec<&'p Annotation>,
}

/// What a code block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Request,
    Response,
    Other,
}

fn role(page: &Page, b: &CodeBlock) -> Role {
    let first = b
        .content
        .lines()
        .map(trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let ann = page.annotation_of(b).and_then(|a| a.block_type.as_deref());
    if status_in_line(first).is_some() {
        return Role::Response;
    }
    if split_request_line(first).is_some() {
        return Role::Request;
    }
    match ann {
        Some("response") => Role::Response,
        Some("request") => Role::Request,
        _ => Role::Other,
    }
}

/// The innermost Examples section holding line `idx`.
fn group_of<'p>(page: &'p Page, idx: usize) -> Option<&'p Section<'p>> {
    page.sections_of(SectionKind::Examples)
        .filter(|s| s.contains(idx))
        .max_by_key(|s| s.heading.level)
}

/// Read every example of the page.
pub fn examples<'p>(page: &'p Page, ctx: &mut Ctx) -> Examples<'p> {
    let mut out = Examples {
        examples: Vec::new(),
        response_annotations: Vec::new(),
    };
    let mut current: Option<(Option<usize>, Example)> = None;
    for b in &page.code_blocks {
        let Some(group) = group_of(page, b.line) else {
            continue;
        };
        let r = role(page, b);
        if r == Role::Other {
            continue;
        }
        let gid = Some(group.heading.line);
        // A new group closes the open example.
        if current.as_ref().is_some_and(|(g, _)| *g != gid) {
            if let Some((_, e)) = current.take() {
                out.examples.push(e);
            }
        }
        let ann = page.annotation_of(b);
        let msg = message(page, b, ann, ctx);
        match r {
            Role::Request => {
                if let Some((_, e)) = current.take() {
                    out.examples.push(e);
                }
                current = Some((
                    gid,
                    Example {
                        title: title_of(group),
                        request: Some(msg),
                        response: None,
                    },
                ));
            }
            Role::Response => {
                if let Some(a) = ann.filter(|a| a.block_type.as_deref() == Some("response")) {
                    out.response_annotations.push(a);
                }
                match &mut current {
                    Some((_, e)) if e.response.is_none() => e.response = Some(msg),
                    _ => {
                        if let Some((_, e)) = current.take() {
                            out.examples.push(e);
                        }
                        out.examples.push(Example {
                            title: title_of(group),
                            request: None,
                            response: Some(msg),
                        });
                    }
                }
            }
            Role::Other => {}
        }
    }
    if let Some((_, e)) = current {
        out.examples.push(e);
    }
    out
}

/// The group heading as the example's title, unless it is just "Example(s)".
fn title_of(s: &Section) -> Option<String> {
    let t = trim(&s.heading.text);
    // ASCII titles compared in place; others keep the regex (Unicode case
    // folding matches `ſ` to `s`).
    let generic = if t.is_ascii() {
        t.eq_ignore_ascii_case("example") || t.eq_ignore_ascii_case("examples")
    } else {
        static_regex!(r"(?i)^examples?$").is_match(t)
    };
    (!generic && !t.is_empty()).then(|| t.to_string())
}

/// One code block → an HTTP message.
fn message(page: &Page, b: &CodeBlock, ann: Option<&Annotation>, ctx: &mut Ctx) -> HttpMessage {
    // A cursor over the lines (not a list of them: a body may have
    // hundreds, and only the first few are looked at one by one).
    let content: &str = &b.content;
    let mut pos = 0;
    let mut start_line = "";
    while let Some((l, next)) = line_at(content, pos) {
        pos = next;
        if !trim(l).is_empty() {
            start_line = trim(l);
            break;
        }
    }
    let start_line = start_line.to_string();
    // A blank line right after the status line, before the headers.
    let mut j = pos;
    while let Some((l, next)) = line_at(content, j) {
        if !trim(l).is_empty() {
            break;
        }
        j = next;
    }
    if line_at(content, j).is_some_and(|(l, _)| is_header(l)) {
        pos = j;
    }
    let mut headers = Vec::new();
    while let Some((l, next)) = line_at(content, pos) {
        let t = trim(l);
        if t.is_empty() {
            pos = next;
            break;
        }
        let Some((k, v)) = header_of(t) else {
            break; // The body follows the headers without a blank line.
        };
        headers.push((k.to_string(), v.to_string()));
        pos = next;
    }
    // The rest of the block's content (a trailing line break aside, which
    // the trim removes).
    let body = content.get(pos..).unwrap_or("");
    let body = trim(body).to_string();
    let body_text = (!body.is_empty()).then_some(body);
    let mut json = None;
    if let Some(bt) = body_text
        .as_deref()
        .filter(|t| t.starts_with('{') || t.starts_with('['))
    {
        let r = parse_lenient(bt);
        match (r.value, r.error) {
            (Some(v), _) => {
                if !r.repairs.is_empty() {
                    ctx.note(
                        b.line,
                        "example-json-repaired",
                        format!("example JSON repaired: {}", r.repairs.join(", ")),
                    );
                }
                json = Some(v);
            }
            (None, err) => ctx.warning(
                b.line,
                "example-json-invalid",
                format!(
                    "example body is not JSON even leniently ({}); kept as text",
                    err.unwrap_or_default()
                ),
            ),
        }
    }
    let placeholder = json.as_ref().is_some_and(has_placeholders);
    let truncated = ann.and_then(|a| a.bool("truncated")).unwrap_or(false);
    HttpMessage {
        start_line,
        headers,
        body_text,
        json,
        placeholder,
        truncated,
        source: page.source(b.line + 1),
    }
}

/// The line of `text` that starts at byte `at` and where the next one
/// starts; what [`str::lines`] yields, one at a time.
fn line_at(text: &str, at: usize) -> Option<(&str, usize)> {
    let rest = text.get(at..).filter(|r| !r.is_empty())?;
    let (line, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
        Some(n) => (rest.get(..n).unwrap_or(""), at + n + 1),
        None => (rest, text.len()),
    };
    Some((line.strip_suffix('\r').unwrap_or(line), next))
}

fn is_header(l: &str) -> bool {
    header_of(trim(l)).is_some()
}

/// `Name: value` (header names are tokens: letters, digits, `-`),
/// borrowed: [`is_header`] only asks whether there is one.
fn header_of(t: &str) -> Option<(&str, &str)> {
    if !t.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // By hand, what `^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*)$` reads: this runs
    // on every line of every example.
    let name_len = t
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    let (name, rest) = t.split_at(name_len);
    let value = rest
        .trim_start_matches(char::is_whitespace)
        .strip_prefix(':')?
        .trim_start_matches(char::is_whitespace);
    if memchr::memchr(b'\n', value.as_bytes()).is_some() {
        return None;
    }
    Some((name, trim(value)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_read_as_the_regex_reads_them() {
        let re = regex::Regex::new(r"^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*)$").unwrap();
        for t in [
            "Content-Type: application/json",
            "Authorization:Bearer x",
            "Prefer :  odata.maxpagesize=2 ",
            "X-1 \t: a: b",
            "Name: a\nb",
            "Name:\n  value",
            "Name\n: v",
            "Name value: x",
            "Name:",
            "Na_me: x",
            "Name:\u{a0}x",
        ] {
            let want = re
                .captures(t)
                .map(|c| (c.get(1).unwrap().as_str(), trim(c.get(2).unwrap().as_str())));
            assert_eq!(header_of(t), want, "{t:?}");
        }
    }
}
