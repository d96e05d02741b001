//! The `METHOD path` lines of a page's HTTP-request section(s).
//!
//! Every code block inside every HTTP-request section counts, whatever its
//! info string (` http`, `http`, none, `HTTP`, `msgraph-interactive`, even a
//! wrong `csharp`), and every line of it that starts with an HTTP method is
//! an endpoint: sections hold up to 23 blocks of up to 30 lines
//! (corpus-formats.md §5.1). Header and body lines inside such blocks
//! (`driveitem-invite.md`) are not request lines. `DELETE/identity/...`
//! (no blank after the method) is accepted.

use crate::source::static_regex;
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
pub fn split_request_line(line: &str) -> Option<(String, String)> {
    // Every method starts with G, P or D: most lines are rejected here.
    let first = line.trim_start().as_bytes().first();
    if !matches!(first, Some(b'G' | b'P' | b'D')) {
        return None;
    }
    let c = static_regex!(r"^\s*(GET|POST|PATCH|PUT|DELETE)(?:\s+|(/))(.*)$").captures(line)?;
    let method = c.get(1)?.as_str().to_string();
    let mut rest = String::new();
    if let Some(slash) = c.get(2) {
        rest.push_str(slash.as_str());
    }
    rest.push_str(c.get(3).map(|m| m.as_str()).unwrap_or(""));
    let rest = trim(&rest).to_string();
    if rest.is_empty() || !METHODS.contains(&method.as_str()) {
        return None;
    }
    Some((method, rest))
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
