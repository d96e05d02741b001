//! The `METHOD path` lines of a page's HTTP-request section(s).
//!
//! Every code block inside every HTTP-request section counts, whatever its
//! info string (` http`, `http`, none, `HTTP`, `msgraph-interactive`, even a
//! wrong `csharp`), and every line of it that starts with an HTTP method is
//! an endpoint: sections hold up to 23 blocks of up to 30 lines
//! (corpus-formats.md §5.1). Header and body lines inside such blocks
//! (`driveitem-invite.md`) are not request lines. `DELETE/identity/...`
//! (no blank after the method) is accepted.

use crate::source::text::trim;
use crate::source::{Page, SectionKind};

/// One request line as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestLine {
    /// `GET`, `POST`, `PATCH`, `PUT`, `DELETE` (uppercase).
    pub method: String,
    /// Everything after the method, trimmed.
    pub path: String,
    /// Line index in the page.
    pub line: usize,
}

/// Methods an endpoint line can start with.
const METHODS: &[&str] = &["GET", "POST", "PATCH", "PUT", "DELETE"];

/// `METHOD rest` → (method, rest) for a request line; `None` for anything else.
///
/// By hand, exactly what `^\s*(GET|POST|PATCH|PUT|DELETE)(?:\s+|(/))(.*)$`
/// matches (it runs on every line of every code block the examples and
/// request sections hold): blanks, a method, then blanks or a `/`, then a
/// rest without a line break (`.` stops at `\n`; `\s` may cross one).
pub fn split_request_line(line: &str) -> Option<(String, String)> {
    let t = line.trim_start();
    let method = METHODS.iter().find(|m| t.starts_with(**m))?;
    let after = t.get(method.len()..).unwrap_or("");
    let rest = if after.starts_with('/') {
        after
    } else if after.starts_with(char::is_whitespace) {
        after.trim_start()
    } else {
        return None;
    };
    if rest.contains('\n') {
        return None;
    }
    let rest = trim(rest);
    if rest.is_empty() {
        return None;
    }
    Some((method.to_string(), rest.to_string()))
}

/// Every request line of the page's HTTP-request sections, in page order.
/// Nested sections (an `### HTTP request` inside another) are read once.
pub fn request_lines(page: &Page) -> Vec<RequestLine> {
    let mut out: Vec<RequestLine> = Vec::new();
    let mut seen_blocks = Vec::new();
    for s in page.sections_of(SectionKind::HttpRequest) {
        for b in page.code_blocks_in(s.start, s.end) {
            if seen_blocks.contains(&b.line) {
                continue;
            }
            seen_blocks.push(b.line);
            for (k, l) in b.content.lines().enumerate() {
                if let Some((method, path)) = split_request_line(l) {
                    out.push(RequestLine {
                        method,
                        path,
                        line: b.line + 1 + k,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(l: &str) -> Option<(String, String)> {
        split_request_line(l)
    }

    #[test]
    fn request_lines_in_all_spellings() {
        let ok = |m: &str, r: &str| Some((m.to_string(), r.to_string()));
        assert_eq!(split("GET /me"), ok("GET", "/me"));
        assert_eq!(split("  POST  https://x/y  "), ok("POST", "https://x/y"));
        assert_eq!(split("DELETE/identity/x"), ok("DELETE", "/identity/x"));
        assert_eq!(split("PATCH\t/a"), ok("PATCH", "/a"));
        assert_eq!(split("\nPUT\n/a"), ok("PUT", "/a"));
        assert_eq!(split("GET /a\nb"), None);
        assert_eq!(split("GETTER /a"), None);
        assert_eq!(split("GET"), None);
        assert_eq!(split("GET   "), None);
        assert_eq!(split("HEAD /a"), None);
        assert_eq!(split("get /a"), None);
    }

    /// The pattern the hand-written reader implements, as the reference.
    fn by_regex(line: &str) -> Option<(String, String)> {
        let c = crate::source::compile_regex(r"^\s*(GET|POST|PATCH|PUT|DELETE)(?:\s+|(/))(.*)$")
            .captures(line)?;
        let rest = format!(
            "{}{}",
            c.get(2).map_or("", |m| m.as_str()),
            c.get(3).map_or("", |m| m.as_str())
        );
        let rest = trim(&rest);
        (!rest.is_empty()).then(|| (c[1].to_string(), rest.to_string()))
    }

    #[test]
    fn same_as_the_regex() {
        for l in [
            "GET /me",
            " \u{a0}POST /x ",
            "DELETE/a",
            "PUT\n\n/a",
            "PUT \n/a\n",
            "PATCH /a\r",
            "GET\u{2003}/a",
            "POSTx",
            "GET /",
            "GET \u{200b}",
            "PUT  a  b",
            "\tGET\t\t",
        ] {
            assert_eq!(split(l), by_regex(l), "{l:?}");
        }
    }
}
