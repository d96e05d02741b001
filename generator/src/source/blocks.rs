//! The block scanner: decides for every line whether it is prose, part of a
//! fenced code block or part of an HTML comment, and collects code blocks,
//! comments (with their `<!-- { ... } -->` annotations), headings and link
//! reference definitions. Tables are found afterwards, on prose lines only,
//! so nothing inside a comment or a code block is ever a heading or a table.

use super::json::{self, LenientJson};
use super::text::{plain_text_cow, trim};
use super::{Ctx, Lines};
use crate::ir::json::Json;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    FrontMatter,
    Text,
    /// An opening or closing fence line.
    Fence,
    Code,
    Comment,
}

/// A fenced code block.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeBlock<'a> {
    /// The info string as written (`http`, ` json`, `msgraph-interactive`), trimmed.
    pub info: String,
    /// Line index of the opening fence.
    pub line: usize,
    /// Line index one past the last content line (the closing fence, or EOF).
    pub end: usize,
    /// Content lines joined with `\n`, fence indentation removed (a slice
    /// of the page when there was no indentation to remove).
    pub content: Cow<'a, str>,
    pub closed: bool,
    /// Index into [`super::Page::annotations`] of the annotation that
    /// precedes this block (nearest one, with no other code block between).
    pub annotation: Option<usize>,
}

impl CodeBlock<'_> {
    /// The info string's first word, lowercased (`http`, `json`).
    pub fn lang(&self) -> String {
        self.info
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    }
}

/// An `<!-- { ... } -->` comment whose body is (lenient) JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub line: usize,
    /// Line index one past the comment's last line.
    pub end: usize,
    pub json: Option<Json>,
    /// `blockType` (`request`, `response`, `resource`, `ignored`, ...), lowercased.
    pub block_type: Option<String>,
}

impl Annotation {
    /// A string value of the annotation (`@odata.type`, `keyProperty`, ...).
    pub fn str(&self, key: &str) -> Option<&str> {
        self.json.as_ref()?.get(key)?.as_str()
    }

    /// A boolean value, accepting `"true"` strings.
    pub fn bool(&self, key: &str) -> Option<bool> {
        json::loose_bool(self.json.as_ref()?.get(key))
    }
}

/// An ATX heading. Its texts are slices of the page when they can be
/// (sections copy their heading: then the copy costs no allocation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading<'a> {
    pub level: u8,
    /// The heading text as written (markdown kept, trimmed).
    pub raw: Cow<'a, str>,
    /// Plain text (markdown marks and link targets dropped).
    pub text: Cow<'a, str>,
    pub line: usize,
    /// A docfx tab heading `# [HTTP](#tab/http)`: not a section.
    pub is_tab: bool,
}

/// Everything the scanner found.
#[derive(Debug, Default)]
pub struct Scan<'a> {
    pub kinds: Vec<LineKind>,
    pub code_blocks: Vec<CodeBlock<'a>>,
    pub annotations: Vec<Annotation>,
    pub headings: Vec<Heading<'a>>,
    /// `[label]: target` definitions, label lowercased.
    pub link_defs: BTreeMap<String, String>,
}

fn fence_open(line: &str) -> Option<(char, usize, usize, String)> {
    let indent = line.len() - line.trim_start().len();
    let t = line.trim_start();
    let ch = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let count = t.chars().take_while(|c| *c == ch).count();
    if count < 3 {
        return None;
    }
    let info = &t[count..];
    // A backtick fence's info string cannot contain a backtick (inline code).
    if ch == '`' && info.contains('`') {
        return None;
    }
    Some((ch, count, indent, trim(info).to_string()))
}

fn is_fence_close(line: &str, ch: char, count: usize) -> bool {
    // Most lines of a block start with some other ASCII char: then the
    // trimmed line cannot start with the fence char (checked by byte).
    let lead = line.bytes().find(|b| !matches!(b, b'\t'..=b'\r' | b' '));
    if lead.is_some_and(|b| b.is_ascii() && char::from(b) != ch) || lead.is_none() {
        return false;
    }
    let t = trim(line);
    let n = t.chars().take_while(|c| *c == ch).count();
    n >= count && n == t.chars().count()
}

/// Scan the lines from `start` (the first line after the front matter).
pub fn scan<'a>(lines: &Lines<'a>, start: usize, ctx: &mut Ctx) -> Scan<'a> {
    let mut s = Scan {
        kinds: vec![LineKind::FrontMatter; start.min(lines.len())],
        ..Scan::default()
    };
    s.kinds.resize(lines.len(), LineKind::Text);
    let mut i = start;
    while i < lines.len() {
        let line = &lines[i];
        // The first byte after ASCII blanks decides which constructs the
        // line may open (a non-ASCII one may be a Unicode blank that the
        // readers below skip, so it lets every check run).
        let lead = line.bytes().find(|b| !matches!(b, b'\t'..=b'\r' | b' '));
        let may_open_fence = matches!(lead, Some(b'`' | b'~' | 0x80..));
        if let Some((ch, count, indent, info)) = may_open_fence.then(|| fence_open(line)).flatten()
        {
            i = scan_code_block(lines, i, ch, count, indent, info, &mut s, ctx);
            continue;
        }
        let may_open_comment = matches!(lead, Some(b'<' | 0x80..));
        if may_open_comment && trim(line).starts_with("<!--") {
            i = scan_comment(lines, i, &mut s, ctx);
            continue;
        }
        // Both patterns are anchored after at most 3 spaces: a byte check
        // on the first other character skips the regexes on most lines.
        if matches!(lead, Some(b'#' | b'[')) {
            let first = line.trim_start_matches(' ').as_bytes().first();
            if first == Some(&b'#') {
                if let Some(h) = heading(lines, line, i) {
                    s.headings.push(h);
                }
            } else if first == Some(&b'[') {
                if let Some(c) = static_regex!(r"^ {0,3}\[([^\]]+)\]:\s*(\S+)").captures(line) {
                    s.link_defs.insert(c[1].to_lowercase(), c[2].to_string());
                }
            }
        }
        i += 1;
    }
    s
}

#[allow(clippy::too_many_arguments)]
fn scan_code_block<'a>(
    lines: &Lines<'a>,
    open: usize,
    ch: char,
    count: usize,
    indent: usize,
    info: String,
    s: &mut Scan<'a>,
    ctx: &mut Ctx,
) -> usize {
    s.kinds[open] = LineKind::Fence;
    let mut j = open + 1;
    let mut closed = false;
    while j < lines.len() {
        if is_fence_close(&lines[j], ch, count) {
            s.kinds[j] = LineKind::Fence;
            closed = true;
            break;
        }
        s.kinds[j] = LineKind::Code;
        j += 1;
    }
    // Unindented fences (nearly all) hold the lines as they are: one slice.
    let content = if indent == 0 {
        lines.keep_joined(lines.joined(open + 1..j))
    } else {
        Cow::Owned(
            lines
                .range(open + 1..j)
                .map(|l| strip_indent(l, indent))
                .collect::<Vec<_>>()
                .join("\n"),
        )
    };
    if !closed {
        ctx.warning(
            open,
            "code-fence-unclosed",
            "code fence is never closed; the block runs to the end of the page",
        );
    }
    // The nearest annotation before the block, provided no other block sits
    // between them (annotations may be separated from their fence by prose).
    let prev_block_end = s.code_blocks.last().map(|b| b.end).unwrap_or(0);
    let annotation = s
        .annotations
        .iter()
        .rposition(|a| a.line >= prev_block_end && a.block_type.is_some())
        .filter(|&k| !s.code_blocks.iter().any(|b| b.annotation == Some(k)));
    s.code_blocks.push(CodeBlock {
        info,
        line: open,
        end: j,
        content,
        closed,
        annotation,
    });
    if closed {
        j + 1
    } else {
        j
    }
}

/// Remove up to `indent` leading spaces (the fence's own indentation).
fn strip_indent(line: &str, indent: usize) -> &str {
    let n = line
        .bytes()
        .take(indent)
        .take_while(|c| *c == b' ' || *c == b'\t')
        .count();
    // The skipped bytes are ASCII, so `n` is a char boundary.
    line.get(n..).unwrap_or("")
}

fn scan_comment(lines: &Lines, open: usize, s: &mut Scan, ctx: &mut Ctx) -> usize {
    let start = lines[open].find("<!--").map(|p| p + 4).unwrap_or(0);
    // Where the body ends in its last line (`-->`), once found.
    let mut close: Option<usize> = None;
    let mut j = open;
    while j < lines.len() {
        s.kinds[j] = LineKind::Comment;
        let from = if j == open { start } else { 0 };
        let rest = lines[j].get(from..).unwrap_or("");
        j += 1;
        if let Some(end) = comment_end(rest) {
            close = Some(from + end);
            break;
        }
    }
    let closed = close.is_some();
    // The body is the lines' text from after `<!--` to `-->` (or to the end
    // of the page), a slice of the page's text.
    let all = lines.joined(open..j);
    let body_end = match close {
        Some(end) => all.len() - lines[j - 1].len() + end,
        None => all.len(),
    };
    let body = all.get(start..body_end).unwrap_or("");
    if !closed {
        ctx.warning(
            open,
            "comment-unclosed",
            "HTML comment is never closed; the rest of the page is inside it",
        );
    }
    let t = trim(body);
    if t.starts_with('{') {
        let json_text = match t.rfind('}') {
            Some(e) => &t[..=e],
            None => t,
        };
        let LenientJson {
            value,
            repairs,
            error,
        } = json::parse_lenient(json_text);
        if let Some(err) = &error {
            ctx.warning(
                open,
                "annotation-invalid-json",
                format!("annotation is not JSON even leniently ({err}); ignored"),
            );
        } else if !repairs.is_empty() {
            ctx.note(
                open,
                "annotation-json-repaired",
                format!("annotation JSON repaired: {}", repairs.join(", ")),
            );
        }
        let block_type = value
            .as_ref()
            .and_then(|v| v.get("blockType"))
            .and_then(Json::as_str)
            .map(|b| b.trim().to_ascii_lowercase());
        s.annotations.push(Annotation {
            line: open,
            end: j,
            json: value,
            block_type,
        });
    }
    j
}

/// Where the first `-->` of `s` starts (a `>` search, then the two bytes
/// before it: cheaper than a substring search on every comment line).
fn comment_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memchr_iter(b'>', b)
        .find(|&i| i >= 2 && b.get(i - 2..i) == Some(b"--"))
        .map(|i| i - 2)
}

/// An ATX heading line (`#` to `######`). A missing space after the hashes is
/// tolerated (`##Properties`); trailing `#`s and blanks are removed.
fn heading<'a>(lines: &Lines<'a>, line: &str, idx: usize) -> Option<Heading<'a>> {
    let (level, raw) = heading_parts(line)?;
    let raw = trim(without_closing_hashes(raw));
    let is_tab = is_tab_link(raw);
    // A tab heading's plain text is its label: read without the markdown
    // parser when the label is a plain word or two (nearly all of them).
    let shown = if is_tab { plain_tab_label(raw) } else { None };
    let text = match plain_text_cow(shown.unwrap_or(raw)) {
        Cow::Borrowed(t) => lines.keep(t),
        Cow::Owned(t) => Cow::Owned(t),
    };
    let raw = lines.keep(raw);
    Some(Heading {
        level,
        raw,
        text,
        line: idx,
        is_tab,
    })
}

/// The level and text of an ATX heading line: what the regex
/// `^ {0,3}(#{1,6})(?:[ \t]+|$|([^#\s]))(.*)$` reads (groups 2 and 3 form
/// the text), by hand: it runs on every heading of the corpus.
fn heading_parts(line: &str) -> Option<(u8, &str)> {
    let after_indent = line.trim_start_matches(' ');
    if line.len() - after_indent.len() > 3 {
        return None;
    }
    let text = after_indent.trim_start_matches('#');
    let level = after_indent.len() - text.len();
    if !(1..=6).contains(&level) {
        return None;
    }
    let spaced = text.trim_start_matches([' ', '\t']);
    match text.chars().next() {
        // Blanks then the rest, or nothing at all.
        None | Some(' ' | '\t') => Some((level as u8, spaced)),
        // Glued to the hashes (`##Properties`): any other non-blank char.
        Some(c) if !c.is_whitespace() => Some((level as u8, text)),
        _ => None,
    }
}

/// `raw` without a closing sequence: blanks, `#`s, then optional blanks at
/// the end (`## Tab ##`); what the regex `[ \t]+#+[ \t]*$` removes.
fn without_closing_hashes(raw: &str) -> &str {
    let end = raw.trim_end_matches([' ', '\t']);
    let before_hashes = end.trim_end_matches('#');
    let has_hashes = before_hashes.len() < end.len();
    if has_hashes && before_hashes.ends_with([' ', '\t']) {
        before_hashes.trim_end_matches([' ', '\t'])
    } else {
        raw
    }
}

/// The label of a tab heading that is exactly `[label](#tab/target)`, when
/// the label is ASCII letters, digits, blanks and `#+.-` starting with a
/// letter and the target holds no markdown: then the heading's plain text is
/// the label's (`HTTP`, `C#`, `JavaScript`).
fn plain_tab_label(raw: &str) -> Option<&str> {
    let (label, rest) = raw.strip_prefix('[')?.split_once(']')?;
    let target = rest.strip_prefix("(#tab/")?.strip_suffix(')')?;
    let plain_label = label
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'#' | b'+' | b'.' | b'-'));
    let plain_target = target
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/' | b'.'));
    (plain_label && plain_target).then_some(label)
}

/// A docfx tab heading: `[label](#tab/...)` (the regex `^\[[^\]]*\]\(#tab/`).
fn is_tab_link(raw: &str) -> bool {
    raw.strip_prefix('[')
        .and_then(|rest| rest.find(']').map(|i| &rest[i..]))
        .is_some_and(|rest| rest.starts_with("](#tab/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> (Scan<'static>, Vec<crate::diag::Diagnostic>) {
        let lines: Lines<'static> = s.lines().collect();
        let mut ctx = Ctx::new("t.md", lines.len());
        let scan = scan(&lines, 0, &mut ctx);
        (scan, ctx.diags)
    }

    #[test]
    fn plain_tab_labels_are_what_markdown_reads() {
        for raw in [
            "[HTTP](#tab/http)",
            "[C#](#tab/csharp)",
            "[C++](#tab/cpp)",
            "[JavaScript](#tab/javascript)",
            "[Java](#tab/java)",
            "[Go](#tab/go)",
            "[PowerShell](#tab/powershell)",
            "[Python](#tab/python)",
            "[Azure CLI](#tab/azure-cli)",
            "[Objective-C](#tab/objc)",
            "[PHP 8.1](#tab/php/v8.1)",
            "[Graph  SDK](#tab/sdk)",
            "[A.B](#tab/a.b)",
        ] {
            let label = plain_tab_label(raw);
            assert!(label.is_some(), "{raw:?}");
            let label = label.unwrap_or_default();
            assert_eq!(
                plain_text_cow(label),
                crate::source::text::plain_text(raw),
                "{raw:?}"
            );
        }
        for raw in [
            "[HTTP](#tab/http) x",
            "[**HTTP**](#tab/http)",
            "[1. a](#tab/a)",
            "[HTTP](#tab/http title)",
            "[HTTP](#tab/<x>)",
            "[](#tab/x)",
            "[_x_](#tab/x)",
            "[HTTP](#tab/http",
            "[a `b`](#tab/x)",
        ] {
            assert_eq!(plain_tab_label(raw), None, "{raw:?}");
        }
    }

    #[test]
    fn headings_outside_code_and_comments_only() {
        let (s, _) = run("# Title\n```\n# not\n```\n<!-- ## Methods\n| a | b |\n-->\n##Properties \n## Tab ##\n# [HTTP](#tab/http)");
        let texts: Vec<_> = s
            .headings
            .iter()
            .map(|h| (h.level, h.text.as_ref(), h.is_tab))
            .collect();
        assert_eq!(
            texts,
            vec![
                (1, "Title", false),
                (2, "Properties", false),
                (2, "Tab", false),
                (1, "HTTP", true)
            ]
        );
        assert_eq!(s.kinds[5], LineKind::Comment);
    }

    #[test]
    fn annotation_attaches_across_prose_and_indented_fences() {
        let (s, _) = run("<!-- { \"blockType\": \"request\", } -->\nsome prose\n  ```http\n  GET /me\n  ```\n```json\n{}\n```");
        assert_eq!(s.code_blocks.len(), 2);
        assert_eq!(s.code_blocks[0].annotation, Some(0));
        assert_eq!(s.code_blocks[0].content, "GET /me");
        assert_eq!(s.code_blocks[0].lang(), "http");
        assert_eq!(s.code_blocks[1].annotation, None);
        assert_eq!(s.annotations[0].block_type.as_deref(), Some("request"));
    }

    #[test]
    fn unclosed_fence_runs_to_eof_with_a_warning() {
        let (s, d) = run("``` http\nGET /a\n### Response\n");
        assert_eq!(s.code_blocks.len(), 1);
        assert!(!s.code_blocks[0].closed);
        assert!(s.headings.is_empty());
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "code-fence-unclosed");
    }

    #[test]
    fn hand_heading_parser_reads_what_the_regexes_read() {
        let re = regex::Regex::new(r"^ {0,3}(#{1,6})(?:[ \t]+|$|([^#\s]))(.*)$").unwrap();
        let closing = regex::Regex::new(r"[ \t]+#+[ \t]*$").unwrap();
        let tab = regex::Regex::new(r"^\[[^\]]*\]\(#tab/").unwrap();
        for line in [
            "# T",
            "#T",
            "#",
            "##  T  ##  ",
            "####### x",
            "    # x",
            "   # x",
            "#\tx #",
            "#\u{a0}x",
            "## a # b ##",
            "## #",
            "##a##",
            "### x\t#\t",
            "#é",
            "# [A](#tab/b)",
            "# [A] (#tab/b)",
            "# [](#tab/",
            "#[a]b](#tab/c)",
            "# x ## y",
            "## ##",
        ] {
            let want = re.captures(line).map(|c| {
                let raw = format!(
                    "{}{}",
                    c.get(2).map_or("", |m| m.as_str()),
                    c.get(3).map_or("", |m| m.as_str())
                );
                let raw = closing.replace(&raw, "").to_string();
                (c[1].len() as u8, raw.clone(), tab.is_match(trim(&raw)))
            });
            let got = heading_parts(line).map(|(level, raw)| {
                let raw = without_closing_hashes(raw);
                (level, raw.to_string(), is_tab_link(trim(raw)))
            });
            assert_eq!(got, want, "{line:?}");
        }
    }

    #[test]
    fn link_definitions_are_collected() {
        let (s, _) = run("[driveItem]: ../resources/driveitem.md");
        assert_eq!(
            s.link_defs.get("driveitem").map(String::as_str),
            Some("../resources/driveitem.md")
        );
    }
}
