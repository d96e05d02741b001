//! Byte normalisation: the first thing done to a page.
//!
//! Pages come from many eras of the docs repository: UTF-8 BOMs (also in the
//! middle of files that were concatenated), CRLF files and January-2017 files
//! whose only line breaks are lone `\r`. Everything after this module sees
//! `\n`-separated lines of valid UTF-8, and every line remembers the line
//! number it had in the ORIGINAL bytes, counting `\r\n`, lone `\r` and `\n`
//! each as one break, so diagnostics point where an editor would.

use std::borrow::Cow;

/// The page text split into lines. Line `i` is line `i + 1` of the
/// original file: every line break (`\r\n`, lone `\r`, `\n`) ends one line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized<'a> {
    /// Lines without their terminators.
    pub lines: Lines<'a>,
    /// How many bytes were not valid UTF-8 (replaced by U+FFFD).
    pub invalid_utf8: bool,
    /// How many U+FEFF byte-order marks were removed.
    pub boms_removed: usize,
    /// Line-break styles seen in the original (`\r\n`, lone `\r`).
    pub crlf_breaks: usize,
    pub lone_cr_breaks: usize,
}

/// The normalised lines of a page: one text, each line a span of it (a
/// page has thousands of lines; one allocation holds them all). The text is
/// the page's own bytes whenever it can be (no copy): `\n` and `\r\n` breaks
/// and a leading BOM are left in it, the spans skip them. Only a page with
/// lone `\r` breaks or a BOM after its start gets an owned cleaned copy.
/// Consecutive lines are separated by one `\n` or one `\r\n` in the text,
/// so a run of lines joined with `\n` is a slice of it when no `\r\n` lies
/// inside the run ([`Lines::joined`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lines<'a> {
    text: Cow<'a, str>,
    /// Byte range of each line in `text`, without its terminator.
    spans: Vec<(usize, usize)>,
}

impl<'a> Lines<'a> {
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Line `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&str> {
        let &(start, end) = self.spans.get(i)?;
        self.text.get(start..end)
    }

    /// Every line, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator + Clone {
        self.spans
            .iter()
            .map(|&(start, end)| self.text.get(start..end).unwrap_or(""))
    }

    /// The lines of `range`, clamped to the page.
    pub fn range(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = &str> + Clone {
        let end = range.end.min(self.len());
        self.iter().take(end).skip(range.start)
    }

    /// Lines `range` joined with `\n` (clamped to the page): a slice of the
    /// text, or a copy when `\r\n` breaks lie inside the run.
    pub fn joined(&self, range: std::ops::Range<usize>) -> Cow<'_, str> {
        let end = range.end.min(self.len());
        if range.start >= end {
            return Cow::Borrowed("");
        }
        let run = match (self.spans.get(range.start), self.spans.get(end - 1)) {
            (Some(&(from, _)), Some(&(_, to))) => self.text.get(from..to).unwrap_or(""),
            _ => "",
        };
        // Inside a run every `\r` is the first half of a `\r\n` break (lone
        // ones were rewritten when the text was cleaned).
        if memchr::memchr(b'\r', run.as_bytes()).is_none() {
            return Cow::Borrowed(run);
        }
        let mut copy = String::with_capacity(run.len());
        for (k, line) in self.range(range.start..end).enumerate() {
            if k > 0 {
                copy.push('\n');
            }
            copy.push_str(line);
        }
        Cow::Owned(copy)
    }

    /// The indexes of the lines that hold `needle` (which holds no line
    /// break), in order, each once: one substring search of the whole text
    /// instead of one per line. The searcher is the caller's, set up once
    /// (`static_finder!`): building one costs more than most pages' search.
    pub fn lines_containing<'s>(
        &'s self,
        needle: &'s memchr::memmem::Finder<'_>,
    ) -> impl Iterator<Item = usize> + 's {
        let mut last = None;
        let len = needle.needle().len();
        needle
            .find_iter(self.text.as_bytes())
            .filter_map(move |at| {
                // The line holding `at`: the last one that starts at or before it.
                let i = self
                    .spans
                    .partition_point(|&(start, _)| start <= at)
                    .checked_sub(1)?;
                let &(_, end) = self.spans.get(i)?;
                let inside = at + len <= end;
                (inside && last != Some(i)).then(|| {
                    last = Some(i);
                    i
                })
            })
    }

    /// `part` (a slice of this text, e.g. a line or a cell of one) for as
    /// long as the page's bytes live: borrowed when the text is the page's
    /// own bytes, else a copy. Anything not inside the text is copied too.
    pub fn keep(&self, part: &str) -> Cow<'a, str> {
        if let Cow::Borrowed(text) = self.text {
            // Address arithmetic only locates `part` in `text`; the slice
            // itself is taken by a checked `get`.
            let start = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
            if let Some(s) = start
                .checked_add(part.len())
                .and_then(|end| text.get(start..end))
            {
                return Cow::Borrowed(s);
            }
        }
        Cow::Owned(part.to_string())
    }

    /// [`Lines::keep`] for a [`Lines::joined`] run: a copied run is kept as is.
    pub fn keep_joined(&self, run: Cow<'_, str>) -> Cow<'a, str> {
        match run {
            Cow::Borrowed(part) => self.keep(part),
            Cow::Owned(copy) => Cow::Owned(copy),
        }
    }

    /// These lines with an owned text moved into `store` and borrowed from
    /// there, so that [`Lines::keep`] borrows on every page, cleaned ones too
    /// (the caller keeps `store` alive as long as the page).
    pub fn settle_in(self, store: &'a mut String) -> Lines<'a> {
        match self.text {
            Cow::Borrowed(text) => Lines {
                text: Cow::Borrowed(text),
                spans: self.spans,
            },
            Cow::Owned(owned) => {
                *store = owned;
                let text: &'a String = store;
                Lines {
                    text: Cow::Borrowed(text.as_str()),
                    spans: self.spans,
                }
            }
        }
    }

    /// Append a line (`line` must hold no line break).
    fn push(&mut self, line: &str) {
        let text = self.text.to_mut();
        let start = text.len();
        text.push_str(line);
        self.spans.push((start, text.len()));
        text.push('\n');
    }
}

/// Line `i`, or `""` past the end.
impl std::ops::Index<usize> for Lines<'_> {
    type Output = str;
    fn index(&self, i: usize) -> &str {
        self.get(i).unwrap_or("")
    }
}

impl<'s> FromIterator<&'s str> for Lines<'_> {
    fn from_iter<I: IntoIterator<Item = &'s str>>(lines: I) -> Self {
        let mut out = Lines::default();
        for l in lines {
            out.push(l);
        }
        out
    }
}

/// Decode `bytes` (lossily), drop every U+FEFF, and split into lines on
/// `\r\n`, lone `\r` and `\n`.
pub fn normalize(bytes: &[u8]) -> Normalized<'_> {
    // `from_utf8` is the fast check; the lossy decoding only runs on the
    // rare page that fails it.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    let invalid_utf8 = matches!(text, Cow::Owned(_));
    let mut out = Normalized {
        invalid_utf8,
        ..Normalized::default()
    };
    // (The memchr crate's searches: vectorised, unlike `contains`.)
    let b = text.as_bytes();
    let crs = memchr::memchr_iter(b'\r', b).count();
    let bom = "\u{feff}".as_bytes();
    let leading_bom = b.starts_with(bom);
    let from = if leading_bom { bom.len() } else { 0 };
    let inner_bom = super::static_finder!(bom)
        .find(b.get(from..).unwrap_or(&[]))
        .is_some();
    // Most pages (`\n` or `\r\n` breaks, no BOM past the start) are split
    // as they are: no copy. The others are cleaned as a whole, then split
    // the same way: breaks first (a BOM between a `\r` and a `\n` leaves two
    // breaks), then BOMs (a removal adds or removes no `\n`). Either way
    // every break ends one line, so line `i` is original line `i + 1`.
    if !inner_bom {
        let (lines, crlfs) = split_lines(text, from);
        // Every `\r` was half of a `\r\n`: no lone CR break.
        if crlfs == crs {
            out.crlf_breaks = crlfs;
            out.boms_removed = usize::from(leading_bom);
            out.lines = lines;
            return out;
        }
        // (Rare: lone CR breaks. The text comes back for cleaning.)
        return normalize_copied(lines.text, leading_bom, out);
    }
    normalize_copied(text, leading_bom || inner_bom, out)
}

/// [`normalize`] for a page with lone `\r` breaks or a BOM after its start:
/// the cleaned copy of its `text`, split.
fn normalize_copied<'a>(text: Cow<'a, str>, boms: bool, mut out: Normalized<'a>) -> Normalized<'a> {
    let text = match memchr::memchr(b'\r', text.as_bytes()) {
        None => text,
        Some(_) => Cow::Owned(unify_breaks(&text, &mut out)),
    };
    let text = match boms {
        true => Cow::Owned(without_boms(&text, &mut out.boms_removed)),
        false => text,
    };
    out.lines = split_lines(text, 0).0;
    out
}

/// `text` with every `\r\n` and lone `\r` written as `\n` (counted in `out`).
fn unify_breaks(text: &str, out: &mut Normalized) -> String {
    let b = text.as_bytes();
    let mut s = String::with_capacity(text.len());
    let mut from = 0;
    // Byte scanning is exact: `\r` and `\n` never occur inside a
    // multi-byte UTF-8 sequence, so every cut falls on a char boundary.
    for i in memchr::memchr_iter(b'\r', b) {
        s.push_str(text.get(from..i).unwrap_or(""));
        if b.get(i + 1) == Some(&b'\n') {
            out.crlf_breaks += 1; // the `\n` is copied with the next run
        } else {
            out.lone_cr_breaks += 1;
            s.push('\n');
        }
        from = i + 1;
    }
    s.push_str(text.get(from..).unwrap_or(""));
    s
}

/// Split `text` from byte `from` on `\n`, a `\r` right before it being part
/// of the break; with the number of such `\r\n` breaks. The text is kept
/// whole (not copied) and each line is the span between two breaks.
fn split_lines(text: Cow<'_, str>, from: usize) -> (Lines<'_>, usize) {
    let b = text.as_bytes();
    let mut spans = Vec::with_capacity(text.len() / 32 + 1);
    let (mut start, mut crlfs) = (from, 0);
    // One vectorised pass over the page (lines are short: a search per
    // line would spend more on starting than on searching).
    for pos in memchr::memchr_iter(b'\n', b.get(from..).unwrap_or(&[])).map(|p| from + p) {
        let end = match pos.checked_sub(1) {
            Some(cr) if cr >= start && b.get(cr) == Some(&b'\r') => {
                crlfs += 1;
                cr
            }
            _ => pos,
        };
        spans.push((start, end));
        start = pos + 1;
    }
    // The last line has no terminator (or the file ends with one: then the
    // empty remainder is not a line).
    if start < text.len() {
        spans.push((start, text.len()));
    }
    (Lines { text, spans }, crlfs)
}

const BOM: char = '\u{feff}';

/// `text` with every U+FEFF removed (counted in `removed`).
fn without_boms(text: &str, removed: &mut usize) -> String {
    let mut s = String::with_capacity(text.len());
    let mut from = 0;
    for (i, _) in text.match_indices(BOM) {
        s.push_str(text.get(from..i).unwrap_or(""));
        from = i + BOM.len_utf8();
        *removed += 1;
    }
    s.push_str(text.get(from..).unwrap_or(""));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_lone_cr_and_lf_each_count_as_one_line() {
        let n = normalize(b"a\r\nb\rc\nd");
        assert_eq!(n.lines.iter().collect::<Vec<_>>(), vec!["a", "b", "c", "d"]);
        assert_eq!(n.crlf_breaks, 1);
        assert_eq!(n.lone_cr_breaks, 1);
    }

    #[test]
    fn double_lone_cr_keeps_the_blank_line() {
        // Seed 001's original: `# Title\r\r> **Note:**` is three lines.
        let n = normalize(b"# Title\r\r> **Note:** x\r");
        assert_eq!(
            n.lines.iter().collect::<Vec<_>>(),
            vec!["# Title", "", "> **Note:** x"]
        );
    }

    #[test]
    fn a_bom_between_cr_and_lf_keeps_two_breaks() {
        let n = normalize("a\r\u{feff}\nb\r\n\u{feff}".as_bytes());
        assert_eq!(n.lines.iter().collect::<Vec<_>>(), vec!["a", "", "b"]);
        assert_eq!((n.lone_cr_breaks, n.crlf_breaks, n.boms_removed), (1, 1, 2));
    }

    #[test]
    fn crlf_pages_and_leading_boms_are_not_copied() {
        let bytes = "\u{feff}a\r\nb\n\r\nc\r\n".as_bytes();
        let n = normalize(bytes);
        assert!(matches!(n.lines.text, Cow::Borrowed(_)));
        assert_eq!(n.lines.iter().collect::<Vec<_>>(), vec!["a", "b", "", "c"]);
        assert_eq!((n.crlf_breaks, n.boms_removed), (3, 1));
        assert_eq!(n.lines.joined(0..4), "a\nb\n\nc");
        assert_eq!(n.lines.joined(1..2), "b");
        assert!(matches!(n.lines.joined(1..2), Cow::Borrowed(_)));
    }

    #[test]
    fn boms_anywhere_are_removed_and_bad_utf8_is_replaced() {
        let mut bytes = b"\xEF\xBB\xBFone\n".to_vec();
        bytes.extend_from_slice("t\u{feff}wo\n".as_bytes());
        bytes.extend_from_slice(b"\xFF\xFF");
        let n = normalize(&bytes);
        assert_eq!(&n.lines[0], "one");
        assert_eq!(&n.lines[1], "two");
        assert_eq!(n.boms_removed, 2);
        assert!(n.invalid_utf8);
        assert_eq!(&n.lines[2], "\u{fffd}\u{fffd}");
    }
}
