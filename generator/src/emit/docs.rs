//! Doc comments from documentation prose, sanitised for rustdoc: nothing in
//! a description may become a doctest, a broken intra-doc link or stray HTML.
//!
//! - code fences become ```` ```text ```` (closed if the prose leaves them open);
//! - leading indentation is removed outside fences (an indented line would be
//!   a code block, that is a doctest);
//! - links to other doc pages (`[user](../resources/user.md)`) keep their text,
//!   absolute links are kept, other `[`/`]` are escaped;
//! - bare URLs become autolinks `<https://...>`; other `<`/`>` are escaped;
//!   `<br>` becomes a line break. Code spans are left as written.

use crate::ir::model::Source;
use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = "..."]` attributes: the sanitised description (if any), extra
/// paragraphs (already sanitised or plain), and the source line.
pub fn doc_attrs(
    description: Option<&str>,
    extra: &[String],
    source: Option<&Source>,
) -> TokenStream {
    let mut paragraphs: Vec<String> = Vec::new();
    if let Some(text) = description.map(sanitize).filter(|t| !t.is_empty()) {
        paragraphs.push(text);
    }
    paragraphs.extend(extra.iter().filter(|e| !e.is_empty()).cloned());
    if let Some(s) = source {
        paragraphs.push(format!(
            "Source: `{}:{}`",
            source_file_text(&s.file),
            s.line
        ));
    }
    lines_to_attrs(&paragraphs.join("\n\n"))
}

/// A file label inside a code span: a file name may hold any character, so
/// whitespace runs (newlines, CRs) become one space and backticks cannot
/// close the span.
fn source_file_text(file: &str) -> String {
    file.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('`', "'")
}

/// One `#[doc = " line"]` per line (a leading space, as `///` would give).
/// A lone `\r` also ends a line: prettyplease prints each attribute as a
/// `///` comment, where a bare CR is a compile error.
pub fn lines_to_attrs(text: &str) -> TokenStream {
    let lines = text.lines().flat_map(|l| l.split('\r')).map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    quote!(#(#[doc = #lines])*)
}

/// Sanitise markdown prose for rustdoc (see the module docs).
pub fn sanitize(text: &str) -> String {
    let text = replace_br(text);
    let mut out: Vec<String> = Vec::new();
    let mut in_fence = false;
    for line in split_inline_fences(&text) {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("```") {
            if in_fence {
                out.push("```".to_string());
                // Prose after a closing fence on the same line.
                let after = rest.trim_start_matches('`').trim();
                if !after.is_empty() {
                    out.push(inline(after));
                }
            } else {
                out.push("```text".to_string());
            }
            in_fence = !in_fence;
        } else if in_fence {
            out.push(line.trim_end().to_string());
        } else {
            out.push(inline(trimmed));
        }
    }
    if in_fence {
        out.push("```".to_string());
    }
    collapse_blank_lines(&out)
}

/// Lines, with a fence that starts mid-line (`See ```json`, prose in a
/// table cell) moved to a line of its own: rustdoc only sees fences at the
/// start of a line. A line with balanced fences (inline code) is kept.
fn split_inline_fences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        match trimmed.find("```") {
            Some(pos) if pos > 0 && trimmed.matches("```").count() % 2 == 1 => {
                out.push(trimmed[..pos].to_string());
                out.push(trimmed[pos..].to_string());
            }
            _ => out.push(line.to_string()),
        }
    }
    out
}

fn collapse_blank_lines(lines: &[String]) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for l in lines {
        if l.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(l);
    }
    out
}

fn replace_br(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find('<') {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        let lower: String = tail
            .chars()
            .take(6)
            .collect::<String>()
            .to_ascii_lowercase();
        let len = ["<br />", "<br/>", "<br>"]
            .iter()
            .find(|t| lower.starts_with(**t))
            .map(|t| t.len());
        match len {
            Some(n) => {
                out.push('\n');
                rest = &tail[n..];
            }
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Sanitise one line outside code fences.
fn inline(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let links = LinkIndex::new(&chars);
    let mut out = String::with_capacity(line.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            if let Some(end) = code_span_end(&chars, i) {
                out.extend(&chars[i..end]);
                i = end;
                continue;
            }
            out.push('`');
            i += 1;
        } else if c == '[' {
            if let Some((text, target, end)) = links.link_at(&chars, i) {
                if is_url_start(&target) {
                    out.push_str(&format!("[{}]({})", escape_text(&text), target));
                } else {
                    out.push_str(&escape_text(&text));
                }
                i = end;
                continue;
            }
            out.push_str("\\[");
            i += 1;
        } else if is_url_start_at(&chars, i) {
            let end = url_end(&chars, i);
            out.push('<');
            out.extend(&chars[i..end]);
            out.push('>');
            i = end;
        } else {
            out.push_str(&escape_char(c));
            i += 1;
        }
    }
    out
}

/// A code span opened by a run of backticks at `i`: the index after the
/// matching closing run, if the line has one.
fn code_span_end(chars: &[char], i: usize) -> Option<usize> {
    let run = chars[i..].iter().take_while(|c| **c == '`').count();
    let mut j = i + run;
    while j < chars.len() {
        if chars[j] == '`' {
            let close = chars[j..].iter().take_while(|c| **c == '`').count();
            if close == run {
                return Some(j + close);
            }
            j += close;
        } else {
            j += 1;
        }
    }
    None
}

/// Where each `[` of a line closes and where the next `)` is, found in one
/// pass each: scanning ahead from every `[` was quadratic (a description of
/// 50,000 `[` took 3 s to emit).
struct LinkIndex {
    /// For a `[` at `i`: its matching `]` (nesting counted).
    close: Vec<Option<usize>>,
    /// For each index: the first `)` at or after it.
    next_paren: Vec<Option<usize>>,
}

impl LinkIndex {
    fn new(chars: &[char]) -> Self {
        let mut close = vec![None; chars.len()];
        let mut open = Vec::new();
        for (j, c) in chars.iter().enumerate() {
            match c {
                '[' => open.push(j),
                ']' => {
                    if let Some(i) = open.pop() {
                        close[i] = Some(j);
                    }
                }
                _ => {}
            }
        }
        let mut next_paren = vec![None; chars.len() + 1];
        for j in (0..chars.len()).rev() {
            next_paren[j] = if chars[j] == ')' {
                Some(j)
            } else {
                next_paren[j + 1]
            };
        }
        LinkIndex { close, next_paren }
    }

    /// `[text](target)` at `i`: (text, target, index after it).
    fn link_at(&self, chars: &[char], i: usize) -> Option<(String, String, usize)> {
        let close = (*self.close.get(i)?)?;
        if chars.get(close + 1) != Some(&'(') {
            return None;
        }
        let end = (*self.next_paren.get(close + 2)?)?;
        Some(link_parts(chars, i, close, end))
    }
}

/// The text and target of the link `[` at `i`, `]` at `close`, `)` at `end`.
fn link_parts(chars: &[char], i: usize, close: usize, end: usize) -> (String, String, usize) {
    let text: String = chars[i + 1..close].iter().collect();
    let target: String = chars[close + 2..end].iter().collect();
    (text, target.trim().to_string(), end + 1)
}

fn escape_text(text: &str) -> String {
    text.chars().map(escape_char).collect()
}

fn escape_char(c: char) -> String {
    match c {
        '[' => "\\[".to_string(),
        ']' => "\\]".to_string(),
        '<' => "&lt;".to_string(),
        '>' => "&gt;".to_string(),
        _ => c.to_string(),
    }
}

fn is_url_start(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

fn is_url_start_at(chars: &[char], i: usize) -> bool {
    let head: String = chars[i..].iter().take(8).collect();
    is_url_start(&head) && (i == 0 || !chars[i - 1].is_alphanumeric())
}

/// End of a bare URL: up to whitespace or `<>"`, without trailing punctuation.
fn url_end(chars: &[char], i: usize) -> usize {
    let mut end = i;
    while end < chars.len()
        && !chars[end].is_whitespace()
        && !matches!(chars[end], '<' | '>' | '"' | '`')
    {
        end += 1;
    }
    while end > i
        && matches!(
            chars[end - 1],
            '.' | ',' | ';' | ':' | ')' | '\'' | '!' | '?' | ']'
        )
    {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::{doc_attrs, sanitize};
    use crate::ir::model::Source;

    /// A file name may hold a CR (found by tests/robustness.rs): the
    /// formatted file must still be Rust.
    #[test]
    fn a_source_file_with_cr_newline_and_backtick_gives_valid_doc_comments() {
        let source = Source::new("v1.0/resources/a\rb\nc`d.md", 7);
        let attrs = doc_attrs(Some("one\rtwo"), &[], Some(&source));
        let mut diags = Vec::new();
        let text =
            crate::write::format_tokens(&quote::quote!(#attrs pub struct X;), "x.rs", &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(!text.contains('\r'), "{text:?}");
        assert!(syn::parse_file(&text).is_ok(), "{text}");
        assert!(
            text.contains("/// Source: `v1.0/resources/a b c'd.md:7`"),
            "{text}"
        );
        assert!(text.contains("/// one\n/// two\n"), "{text}");
    }

    /// Found by tests/robustness.rs: 50,000 `[` in a description took 3 s.
    #[test]
    fn many_brackets_are_linear_and_links_still_resolve() {
        let text = format!(
            "{}#[a](b.md) [c [d]](https://e.com/f) [g](",
            "[".repeat(100_000)
        );
        let started = std::time::Instant::now();
        let out = sanitize(&text);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        assert!(
            out.ends_with("\\[#a [c \\[d\\]](https://e.com/f) \\[g\\]("),
            "{}",
            &out[out.len() - 60..]
        );
    }

    #[test]
    fn sanitises_prose() {
        assert_eq!(sanitize("See [user](../resources/user.md)."), "See user.");
        assert_eq!(sanitize("a [b] c"), "a \\[b\\] c");
        assert_eq!(
            sanitize("Go to https://aka.ms/x."),
            "Go to <https://aka.ms/x>."
        );
        assert_eq!(sanitize("a<br>b"), "a\nb");
        assert_eq!(sanitize("x < y > z"), "x &lt; y &gt; z");
        assert_eq!(sanitize("keep `a[0] <b>`"), "keep `a[0] <b>`");
        assert_eq!(sanitize("```json\n{ }\n"), "```text\n{ }\n```");
        assert_eq!(
            sanitize("See ```json\n{ }\n``` for more."),
            "See\n```text\n{ }\n```\nfor more."
        );
        assert_eq!(sanitize("    indented"), "indented");
        assert_eq!(sanitize("[x](https://e.com/a)"), "[x](https://e.com/a)");
    }
}
