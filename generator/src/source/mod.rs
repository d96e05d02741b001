//! Bytes → page: BOM/CR normalisation (keeping original line numbers), front
//! matter, sections by heading name, GFM tables with repairs, annotations,
//! code blocks, lenient JSON.
//!
//! [`Page::parse`] never fails. Everything it finds carries a line index into
//! [`Page::lines`]; [`Page::orig_line`] turns it into the 1-based line of the
//! original file for sources and diagnostics.

/// A `&'static Regex` compiled once. The patterns are constants of this crate,
/// so compiling them cannot fail on any input.
///
/// Each thread searches with a copy of its own (see [`RegexSlots`]).
macro_rules! static_regex {
    ($re:expr) => {{
        static RE: $crate::source::RegexSlots = $crate::source::RegexSlots::new();
        RE.get($re)
    }};
}
pub(crate) use static_regex;

/// A `&'static memchr::memmem::Finder` for a constant needle, set up once:
/// a search for a word in every cell then costs no searcher setup (which
/// `str::contains` pays on every call).
macro_rules! static_finder {
    ($needle:expr) => {{
        static F: ::std::sync::OnceLock<::memchr::memmem::Finder<'static>> =
            ::std::sync::OnceLock::new();
        F.get_or_init(|| ::memchr::memmem::Finder::new($needle))
    }};
}
pub(crate) use static_finder;

/// Compile a constant pattern of this crate (used once per pattern by
/// `static_regex!`; a bad pattern is a bug caught by the unit tests).
#[doc(hidden)]
pub fn compile_regex(re: &str) -> regex::Regex {
    regex::Regex::new(re).expect("constant regex is valid")
}

/// How many copies of a regex [`RegexSlots`] keeps (threads beyond that
/// share them).
const REGEX_SLOTS: usize = 8;

/// One compiled regex and up to [`REGEX_SLOTS`] copies of it, one per
/// thread. A regex keeps its search caches in a pool whose fast path serves
/// only the first thread that used it: every other thread took the pool's
/// locked slow path on every search. A copy shares the compiled program and
/// has a pool of its own, so each pipeline thread takes the fast path of its
/// copy. Threads share copies past the first few (tests start many): still
/// correct, only slower.
#[doc(hidden)]
pub struct RegexSlots {
    compiled: std::sync::OnceLock<regex::Regex>,
    copies: [std::sync::OnceLock<regex::Regex>; REGEX_SLOTS],
}

impl RegexSlots {
    #[allow(clippy::new_without_default)]
    pub const fn new() -> RegexSlots {
        RegexSlots {
            compiled: std::sync::OnceLock::new(),
            copies: [const { std::sync::OnceLock::new() }; REGEX_SLOTS],
        }
    }

    /// This thread's copy of the regex of `pattern` (always the same pattern
    /// for one `RegexSlots`), compiled on first use.
    pub fn get(&self, pattern: &str) -> &regex::Regex {
        let compiled = self.compiled.get_or_init(|| compile_regex(pattern));
        match self.copies.get(thread_slot()) {
            Some(copy) => copy.get_or_init(|| compiled.clone()),
            None => compiled,
        }
    }
}

/// The regex copy slot of this thread: threads are numbered as they first
/// search, round the slots.
fn thread_slot() -> usize {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    std::thread_local! {
        static SLOT: usize =
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % REGEX_SLOTS;
    }
    SLOT.with(|s| *s)
}

pub mod blocks;
pub mod front_matter;
pub mod json;
pub mod normalize;
pub mod sections;
pub mod table;
pub mod text;

pub use blocks::{Annotation, CodeBlock, Heading, LineKind};
pub use front_matter::FrontMatter;
pub use json::{has_placeholders, is_placeholder_value, parse_lenient, LenientJson};
pub use normalize::Lines;
pub use sections::{Section, SectionKind};
pub use table::{Column, Row, Table};

use crate::diag::Diagnostic;
use std::collections::BTreeMap;
use std::ops::ControlFlow;

/// Diagnostic sink that maps line indexes to original line numbers.
pub struct Ctx<'a> {
    pub file: &'a str,
    /// How many lines the page has.
    lines: usize,
    pub diags: Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    /// A sink for a page of `lines` lines.
    pub fn new(file: &'a str, lines: usize) -> Ctx<'a> {
        Ctx {
            file,
            lines,
            diags: Vec::new(),
        }
    }

    fn line(&self, idx: usize) -> u32 {
        orig_line_of(self.lines, idx)
    }

    pub fn note(&mut self, idx: usize, code: &str, msg: impl Into<String>) {
        let line = self.line(idx);
        self.diags
            .push(Diagnostic::note(code, self.file, line, msg));
    }

    pub fn warning(&mut self, idx: usize, code: &str, msg: impl Into<String>) {
        let line = self.line(idx);
        self.diags
            .push(Diagnostic::warning(code, self.file, line, msg));
    }
}

/// The original 1-based line of line index `idx` of a page of `lines`
/// lines: every line break of the original ends one line (see
/// [`normalize`]), so it is `idx + 1`; past the end (EOF), the line after
/// the last one.
fn orig_line_of(lines: usize, idx: usize) -> u32 {
    u32::try_from(idx.min(lines) + 1).unwrap_or(u32::MAX)
}

/// A parsed page. It borrows the page's bytes where it can (`'a`): lines,
/// table cells and code blocks are slices of them, not copies.
#[derive(Debug)]
pub struct Page<'a> {
    pub file: String,
    /// `file` once more, shared by every [`crate::ir::Source`] of the page.
    shared_file: std::sync::Arc<str>,
    /// Normalised lines.
    pub lines: Lines<'a>,
    pub kinds: Vec<LineKind>,
    pub front_matter: FrontMatter<'a>,
    /// The H1, cleaned (see [`clean_title`]).
    pub title: Option<String>,
    /// Line index of the H1.
    pub title_line: Option<usize>,
    pub headings: Vec<blocks::Heading<'a>>,
    pub sections: Vec<Section<'a>>,
    pub code_blocks: Vec<CodeBlock<'a>>,
    pub annotations: Vec<Annotation>,
    pub tables: Vec<Table<'a>>,
    /// `[label]: target` definitions, label lowercased.
    pub link_defs: BTreeMap<String, String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Per line: prose (a text line that is no heading and no table line),
    /// worked out once for the many [`Page::prose_in`] calls.
    prose: Vec<bool>,
}

impl<'a> Page<'a> {
    /// Parse a page's raw bytes. Never panics; repairs become diagnostics.
    pub fn parse(file: &str, bytes: &'a [u8]) -> Page<'a> {
        Page::build(file, normalize::normalize(bytes))
    }

    /// [`Page::parse`], with the cleaned text of a page that needed one
    /// (CRLF, lone CR, BOM) kept in `store`: then its cells and code blocks
    /// are slices of it too, not copies.
    pub fn parse_in(file: &str, bytes: &'a [u8], store: &'a mut String) -> Page<'a> {
        let mut n = normalize::normalize(bytes);
        n.lines = n.lines.settle_in(store);
        Page::build(file, n)
    }

    fn build(file: &str, n: normalize::Normalized<'a>) -> Page<'a> {
        let mut ctx = Ctx::new(file, n.lines.len());
        if n.invalid_utf8 {
            ctx.warning(
                0,
                "invalid-utf8",
                "page is not valid UTF-8; invalid bytes replaced by U+FFFD",
            );
        }
        if n.lone_cr_breaks > 0 {
            ctx.note(
                0,
                "lone-cr-line-breaks",
                format!(
                    "{} lone CR line breaks read as line breaks",
                    n.lone_cr_breaks
                ),
            );
        }
        let fm = front_matter::parse(&n.lines);
        if fm.unclosed {
            ctx.warning(
                0,
                "front-matter-unclosed",
                "front matter `---` is never closed; ignored",
            );
        }
        let scan = blocks::scan(&n.lines, fm.body_start, &mut ctx);
        let tables = table::find_tables(&n.lines, &scan.kinds, &mut ctx);
        let sections = sections::build(&scan.headings, n.lines.len());
        let h1 = scan.headings.iter().find(|h| h.level == 1 && !h.is_tab);
        let title = h1.map(|h| clean_title(&h.raw)).filter(|t| !t.is_empty());
        let title_line = h1.map(|h| h.line);
        let diagnostics = ctx.diags;
        let prose = prose_lines(&scan.kinds, &scan.headings, &tables);
        Page {
            file: file.to_string(),
            shared_file: std::sync::Arc::from(file),
            lines: n.lines,
            kinds: scan.kinds,
            front_matter: fm,
            title,
            title_line,
            headings: scan.headings,
            sections,
            code_blocks: scan.code_blocks,
            annotations: scan.annotations,
            tables,
            link_defs: scan.link_defs,
            diagnostics,
            prose,
        }
    }

    /// The original 1-based line of line index `idx`.
    pub fn orig_line(&self, idx: usize) -> u32 {
        orig_line_of(self.lines.len(), idx)
    }

    /// A [`crate::ir::Source`] for line index `idx`.
    pub fn source(&self, idx: usize) -> crate::ir::Source {
        crate::ir::Source::in_file(&self.shared_file, self.orig_line(idx))
    }

    /// A diagnostic sink for extractors (push its `diags` into the page IR).
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx::new(&self.file, self.lines.len())
    }

    /// Every section of kind `k`, in page order.
    pub fn sections_of(&self, k: SectionKind) -> impl Iterator<Item = &Section<'a>> {
        self.sections.iter().filter(move |s| s.kind == Some(k))
    }

    /// The first section of kind `k`.
    pub fn section(&self, k: SectionKind) -> Option<&Section<'a>> {
        self.sections_of(k).next()
    }

    /// Tables whose header lies in `[start, end)`.
    pub fn tables_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Table<'a>> {
        self.tables
            .iter()
            .filter(move |t| t.line >= start && t.line < end)
    }

    /// Code blocks whose opening fence lies in `[start, end)`.
    pub fn code_blocks_in(&self, start: usize, end: usize) -> impl Iterator<Item = &CodeBlock<'a>> {
        self.code_blocks
            .iter()
            .filter(move |b| b.line >= start && b.line < end)
    }

    /// The annotation attached to `block`, if any.
    pub fn annotation_of(&self, block: &CodeBlock) -> Option<&Annotation> {
        block.annotation.and_then(|i| self.annotations.get(i))
    }

    /// Prose lines (not code, comment, heading or table) in `[start, end)`,
    /// with their indexes.
    pub fn prose_in(&self, start: usize, end: usize) -> Vec<(usize, &str)> {
        self.prose_lines(start, end).collect()
    }

    /// [`Page::prose_in`], read lazily (for callers that may stop early).
    fn prose_lines(&self, start: usize, end: usize) -> impl Iterator<Item = (usize, &str)> + '_ {
        let end = end.min(self.lines.len());
        (start.min(end)..end)
            .filter(|&i| self.prose.get(i) == Some(&true))
            .filter_map(|i| self.lines.get(i).map(|l| (i, l)))
    }

    /// The prose paragraphs in `[start, end)` joined: blank lines separate
    /// paragraphs; `Namespace: x` lines and docfx includes/alerts skipped.
    pub fn paragraphs_in(&self, start: usize, end: usize) -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String)> = Vec::new();
        self.each_paragraph(start, end, |i, p| {
            out.push((i, p));
            ControlFlow::Continue(())
        });
        out
    }

    /// The first of [`Page::paragraphs_in`] that `accept` takes (the later
    /// ones are not built).
    pub fn first_paragraph_in(
        &self,
        start: usize,
        end: usize,
        accept: impl Fn(&str) -> bool,
    ) -> Option<String> {
        let mut found = None;
        self.each_paragraph(start, end, |_, p| {
            if accept(&p) {
                found = Some(p);
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        });
        found
    }

    /// Hand each paragraph of [`Page::paragraphs_in`] (its first line and
    /// text) to `f`, in page order, until `f` breaks.
    fn each_paragraph(
        &self,
        start: usize,
        end: usize,
        mut f: impl FnMut(usize, String) -> ControlFlow<()>,
    ) {
        let mut cur: Option<(usize, String)> = None;
        for (i, l) in self.prose_lines(start, end) {
            let t = text::trim(l);
            let skip = t.is_empty()
                || t.starts_with("Namespace:")
                || t.starts_with("[!INCLUDE")
                || t.starts_with("> [!")
                || t.starts_with(">[!");
            if skip {
                if let Some((first, p)) = cur.take() {
                    if f(first, p).is_break() {
                        return;
                    }
                }
                continue;
            }
            match &mut cur {
                Some((_, s)) => {
                    s.push(' ');
                    s.push_str(t);
                }
                None => cur = Some((i, t.to_string())),
            }
        }
        if let Some((first, p)) = cur {
            let _ = f(first, p);
        }
    }

    /// The front matter `doc_type`, lowercased, trailing `_` typo removed.
    pub fn doc_type(&self) -> Option<String> {
        self.front_matter
            .get("doc_type")
            .map(|d| d.trim().trim_end_matches('_').to_ascii_lowercase())
    }
}

/// Which lines are prose: text lines, minus headings and table lines.
fn prose_lines(kinds: &[LineKind], headings: &[Heading], tables: &[Table]) -> Vec<bool> {
    let mut prose: Vec<bool> = kinds.iter().map(|k| *k == LineKind::Text).collect();
    let mut clear = |from: usize, to: usize| {
        if let Some(lines) = prose.get_mut(from..to.min(kinds.len())) {
            lines.fill(false);
        }
    };
    for h in headings {
        clear(h.line, h.line + 1);
    }
    for t in tables {
        clear(t.line, t.end);
    }
    prose
}

/// Clean an H1: markdown to plain text, and drop a glued note tail. Seed 001's
/// H1 is `Update X> **Note:** ...` because the original's lone-CR line breaks
/// were deleted: cut at the first `>` that follows a word.
pub fn clean_title(raw: &str) -> String {
    let cut = match raw.find('>') {
        Some(p) if p > 0 => &raw[..p],
        _ => raw,
    };
    text::plain_text(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_001_title_is_cleaned() {
        assert_eq!(
            clean_title("Update deviceConfigurationUserStatus> **Note:** Using it"),
            "Update deviceConfigurationUserStatus"
        );
        assert_eq!(clean_title("`user` resource type"), "user resource type");
    }

    #[test]
    fn lone_cr_page_maps_items_to_original_lines() {
        let bytes = b"# Update x\r\r> **Note:** n\r### HTTP Request\r|a|b|\r|-|-|\r|c|d|\r";
        let p = Page::parse("x.md", bytes);
        assert_eq!(p.title.as_deref(), Some("Update x"));
        let s = p.section(SectionKind::HttpRequest).map(|s| s.heading.line);
        assert_eq!(s.map(|l| p.orig_line(l)), Some(4));
        assert_eq!(p.tables.len(), 1);
        assert_eq!(p.orig_line(p.tables[0].rows[0].line), 7);
    }

    #[test]
    fn crlf_page_with_bom_and_front_matter() {
        let bytes = b"\xEF\xBB\xBF--- \r\ntitle: \"t\"\r\n---\r\n\r\n# T\r\n## Properties\r\nx\r\n";
        let p = Page::parse("x.md", bytes);
        assert_eq!(p.front_matter.get("title"), Some("t"));
        assert_eq!(p.title.as_deref(), Some("T"));
        let s = p.section(SectionKind::Properties);
        assert_eq!(s.map(|s| (p.orig_line(s.start), s.end)), Some((7, 7)));
    }
}
