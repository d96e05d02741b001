//! Small text helpers shared by the source layer and the extractors: entity
//! decoding, Unicode-aware trimming, markdown inline → plain text.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::borrow::Cow;

/// Characters the docs use as invisible padding: Unicode whitespace plus the
/// zero-width and direction marks found inside Intune descriptions.
pub fn is_blank_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{200e}' | '\u{200f}' | '\u{202a}'
                ..='\u{202e}' | '\u{2060}' | '\u{feff}'
        )
}

/// Trim Unicode whitespace and zero-width marks from both ends.
pub fn trim(s: &str) -> &str {
    // Most texts start and end with a visible ASCII char: nothing to trim
    // (two byte checks instead of decoding a char at either end).
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x7f);
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        return s;
    }
    s.trim_matches(is_blank_char)
}

/// Whether `haystack` may hold `needle` (lowercase ASCII) in any case: a
/// cheap gate before a `(?i)` regex that needs that literal. Non-ASCII
/// haystacks always pass, because Unicode case folding matches some
/// non-ASCII chars to ASCII letters (`K` KELVIN SIGN to `k`, `ſ` to `s`).
pub fn may_contain_ci(haystack: &str, needle: &str) -> bool {
    !haystack.is_ascii() || contains_ci(haystack, needle)
}

/// Whether `s` holds `needle` (lowercase ASCII) in any ASCII case: what
/// `s.to_ascii_lowercase().contains(needle)` says, without the copy.
pub fn contains_ci(s: &str, needle: &str) -> bool {
    let (h, n) = (s.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    // Only where the first byte is, in either case.
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), h).any(|i| {
        h.get(i..i + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

/// Whether `s` starts with `prefix` (lowercase ASCII) in any ASCII case:
/// `s.to_ascii_lowercase().starts_with(prefix)` without the copy.
pub fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A text with its ASCII-lowercased copy, for several [`may_contain_ci`]
/// gates on the same (long) text: one pass to lowercase, then fast
/// substring searches.
pub struct CiText {
    /// `None` for non-ASCII text: every gate passes (see [`may_contain_ci`]).
    lower: Option<String>,
}

impl CiText {
    pub fn new(text: &str) -> CiText {
        CiText {
            lower: text.is_ascii().then(|| text.to_ascii_lowercase()),
        }
    }

    /// Whether the text may hold `needle` (lowercase ASCII) in any case.
    pub fn may_contain(&self, needle: &str) -> bool {
        self.lower.as_ref().is_none_or(|l| l.contains(needle))
    }

    /// [`CiText::may_contain`] with a searcher set up once for its (lowercase
    /// ASCII) needle (see `static_finder!`).
    pub fn may_hold(&self, needle: &memchr::memmem::Finder) -> bool {
        self.lower
            .as_ref()
            .is_none_or(|l| needle.find(l.as_bytes()).is_some())
    }
}

/// Replace NBSP-like spaces by plain spaces and collapse runs of blanks.
pub fn collapse_spaces(s: &str) -> String {
    collapse_spaces_cow(s).into_owned()
}

/// [`collapse_spaces`], borrowing when only blanks at either end go.
pub fn collapse_spaces_cow(s: &str) -> Cow<'_, str> {
    // Blanks at either end vanish anyway: cut the ASCII ones, then the
    // rest is usually already collapsed (table cells are ` text `).
    let inner = trim_ascii_blanks(s);
    if is_collapsed(inner) {
        return Cow::Borrowed(inner);
    }
    // Copy the runs between blanks, one space after each (runs, not bytes:
    // one copy per word instead of one per char).
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some((at, len)) = next_blank(rest) {
        let (run, after) = (rest.get(..at).unwrap_or(""), rest.get(at + len..));
        if !run.is_empty() {
            out.push_str(run);
            out.push(' ');
        }
        rest = after.unwrap_or("");
    }
    if rest.is_empty() {
        if out.ends_with(' ') {
            out.pop();
        }
    } else {
        out.push_str(rest);
    }
    Cow::Owned(out)
}

/// `s` without the ASCII blanks (`\t`..=`\r`, space) at either end.
fn trim_ascii_blanks(s: &str) -> &str {
    let blank = |c: &u8| matches!(c, b'\t'..=b'\r' | b' ');
    let b = s.as_bytes();
    let start = b.iter().position(|c| !blank(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !blank(c)).map_or(start, |e| e + 1);
    // Both cuts are next to ASCII bytes: char boundaries.
    s.get(start..end).unwrap_or("")
}

/// The byte offset and length of the first blank char (see [`is_blank_char`]).
fn next_blank(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c.is_ascii() {
            if matches!(c, b'\t'..=b'\r' | b' ') {
                return Some((i, 1));
            }
            i += 1;
        } else {
            let ch = s.get(i..).and_then(|r| r.chars().next())?;
            if is_blank_char(ch) {
                return Some((i, ch.len_utf8()));
            }
            i += ch.len_utf8();
        }
    }
    None
}

/// Whether `s` is already what [`collapse_spaces`] makes of it: no blank
/// at either end, no ASCII blank but single spaces, no Unicode blank. Most
/// cells and descriptions are. This runs on every cell, heading and
/// description, most of them short: eight bytes at a time (bit tricks on
/// a `u64`), with the rare text holding a control or non-ASCII byte left to
/// [`is_collapsed_exact`].
fn is_collapsed(s: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    const LOW7: u64 = ONES * 0x7f;
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut chunks = b.chunks_exact(8);
    let words = chunks.by_ref().map(|c| {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        u64::from_le_bytes(w)
    });
    let (mut control, mut non_ascii, mut doubled, mut prev_top) = (0u64, 0u64, 0u64, 0u64);
    let mut add = |w: u64| {
        // Some byte below 0x20 (exact as to whether there is one).
        control |= w.wrapping_sub(ONES * 0x20) & !w & HIGH;
        non_ascii |= w & HIGH;
        // 0x80 in exactly the bytes that are spaces.
        let x = w ^ (ONES * 0x20);
        let spaces = !(((x & LOW7) + LOW7) | x | LOW7);
        // A space after a space, in this word or across the previous one.
        doubled |= spaces & ((spaces << 8) | (prev_top >> 56));
        prev_top = spaces & (0x80 << 56);
    };
    words.for_each(&mut add);
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Padded with a letter, which is none of the bytes looked for.
        let mut w = [b'a'; 8];
        if let Some(dst) = w.get_mut(..rest.len()) {
            dst.copy_from_slice(rest);
        }
        add(u64::from_le_bytes(w));
    }
    if doubled != 0 {
        return false;
    }
    if control != 0 || non_ascii != 0 {
        return is_collapsed_exact(s);
    }
    true
}

/// [`is_collapsed`] byte by byte and char by char.
fn is_collapsed_exact(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // `\t`..=`\r` are the 5 ASCII blanks besides the space.
    let other_blank = b.iter().any(|&c| c.wrapping_sub(b'\t') < 5);
    let double_space = b.windows(2).any(|w| w == b"  ");
    if other_blank || double_space {
        return false;
    }
    s.is_ascii() || !s.chars().any(|c| !c.is_ascii() && is_blank_char(c))
}

/// Decode the HTML entities the docs use (`&lt; &gt; &amp; &nbsp; &quot;
/// &#124;` and any numeric `&#NNN;`/`&#xHH;`). Unknown entities stay as written.
pub fn decode_entities(s: &str) -> String {
    decode_entities_cow(s).into_owned()
}

/// [`decode_entities`], borrowing when there is nothing to decode.
pub fn decode_entities_cow(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| decode_one(&after[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn decode_one(name: &str) -> Option<char> {
    let named = match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "nbsp" => Some('\u{a0}'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "ndash" => Some('–'),
        "mdash" => Some('—'),
        "#124" => Some('|'),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    let num = name.strip_prefix('#')?;
    let code = match num.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => num.parse::<u32>().ok()?,
    };
    char::from_u32(code)
}

/// Replace HTML line breaks (`<br>`, `<br/>`, `<br />`, the invalid `</br>`)
/// by a space.
pub fn replace_br(s: &str) -> String {
    replace_br_cow(s).into_owned()
}

/// [`replace_br`], borrowing when there is no tag.
pub fn replace_br_cow(s: &str) -> Cow<'_, str> {
    if !s.contains('<') {
        return Cow::Borrowed(s);
    }
    static_regex!(r"(?i)</?br\s*/?>").replace_all(s, " ")
}

/// The plain text of a markdown inline fragment: emphasis, code marks and
/// link targets dropped, link text and code text kept, HTML tags dropped.
pub fn plain_text(md: &str) -> String {
    plain_text_cow(md).into_owned()
}

/// [`plain_text`], borrowing when the text is plain and needs no change.
pub fn plain_text_cow(md: &str) -> Cow<'_, str> {
    if is_plain(md) {
        return collapse_spaces_cow(md);
    }
    Cow::Owned(plain_text_of_markdown(md))
}

/// [`plain_text_cow`] of a text that is already what [`collapse_spaces`]
/// makes of it (a cleaned table cell): plain text is then the text itself.
pub fn plain_text_of_collapsed(md: &str) -> Cow<'_, str> {
    if is_plain(md) {
        return Cow::Borrowed(md);
    }
    Cow::Owned(plain_text_of_markdown(md))
}

/// Whether `md` is one line that markdown would read as a paragraph of
/// literal text: no inline syntax (emphasis, code, links, HTML, entities,
/// escapes) and no block syntax (it starts with a letter, so it is no list,
/// heading, quote or fence). Its plain text is then the text itself with
/// blanks collapsed, which is what pulldown-cmark would give, much faster.
fn is_plain(md: &str) -> bool {
    // One table lookup per byte: an ASCII byte it refuses settles it (both
    // readings refuse it), a non-ASCII one needs the char reading.
    let b = md.as_bytes();
    match b.iter().position(|&c| !PLAIN_BYTE[c as usize]) {
        None => starts_with_ascii_letter(b),
        Some(i) if b.get(i).is_some_and(u8::is_ascii) => false,
        Some(_) => is_plain_chars(md),
    }
}

/// The ASCII bytes [`is_plain`] accepts anywhere: letters, digits, blanks
/// and the punctuation markdown gives no meaning inside a line.
const PLAIN_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b' ' | b'\t'
                    | b'.'
                    | b','
                    | b';'
                    | b':'
                    | b'('
                    | b')'
                    | b'\''
                    | b'"'
                    | b'/'
                    | b'?'
                    | b'%'
                    | b'@'
                    | b'='
                    | b'+'
                    | b'$'
                    | b'-'
                    | b'{'
                    | b'}'
                    | b'#'
                    | b'^'
            );
        c += 1;
    }
    t
};

/// Whether the first non-blank byte of an ASCII text is a letter (or there
/// is none): the block-syntax half of [`is_plain`].
fn starts_with_ascii_letter(md: &[u8]) -> bool {
    md.iter()
        .find(|b| !b.is_ascii_whitespace() && **b != 0x0b)
        .is_none_or(u8::is_ascii_alphabetic)
}

/// [`is_plain`] char by char, for text with non-ASCII chars.
fn is_plain_chars(md: &str) -> bool {
    let starts_with_letter = md
        .trim_start_matches(char::is_whitespace)
        .chars()
        .next()
        .is_none_or(char::is_alphabetic);
    starts_with_letter
        && md.chars().all(|c| {
            c.is_alphanumeric()
                || (!c.is_ascii() && is_blank_char(c))
                || matches!(
                    c,
                    ' ' | '\t'
                        | '.'
                        | ','
                        | ';'
                        | ':'
                        | '('
                        | ')'
                        | '\''
                        | '"'
                        | '/'
                        | '?'
                        | '%'
                        | '@'
                        | '='
                        | '+'
                        | '$'
                        | '-'
                        | '{'
                        | '}'
                        | '#'
                        | '^'
                )
        })
}

/// [`plain_text`] by a full pulldown-cmark parse.
fn plain_text_of_markdown(md: &str) -> String {
    let mut out = String::new();
    for ev in Parser::new(md) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Start(Tag::Item) => out.push(' '),
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Item) => out.push(' '),
            _ => {}
        }
    }
    collapse_spaces(&out)
}

/// `[text](target)` at the start of `s` (after trimming): the text, the target
/// and the rest. Tolerates a missing closing parenthesis.
pub fn leading_link(s: &str) -> Option<(&str, &str, &str)> {
    let s = trim(s);
    let inner = s.strip_prefix('[')?;
    let close = inner.find(']')?;
    let text = &inner[..close];
    let after = &inner[close + 1..];
    if let Some(target) = after.strip_prefix('(') {
        match target.find(')') {
            Some(end) => Some((text, &target[..end], &target[end + 1..])),
            None => Some((text, target, "")),
        }
    } else if let Some(rest) = after.strip_prefix("[]") {
        Some((text, "", rest))
    } else if let Some(r) = after.strip_prefix('[') {
        // `[text][label]`
        let end = r.find(']')?;
        Some((text, &r[..end], &r[end + 1..]))
    } else {
        Some((text, "", after))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded_and_unknown_ones_kept() {
        assert_eq!(
            decode_entities("Bearer &lt;token&gt; a&#124;b &amp; &foo; &"),
            "Bearer <token> a|b & &foo; &"
        );
        assert_eq!(decode_entities("x&nbsp;y&#x41;"), "x\u{a0}yA");
    }

    #[test]
    fn br_tags_become_spaces() {
        assert_eq!(replace_br("a<br/>b<BR>c</br>d<br />e"), "a b c d e");
    }

    #[test]
    fn plain_text_drops_marks_and_link_targets() {
        assert_eq!(
            plain_text("`x` resource **type** [y](y.md)"),
            "x resource type y"
        );
    }

    #[test]
    fn plain_fast_path_matches_the_markdown_parse() {
        for s in [
            "Property name",
            "  spaced   out  words ",
            "odata.type: x/y (z) = 'q' \"r\" ? 50% @a + $b - {c} #d ^e",
            "caf\u{e9} na\u{ef}ve \u{a0}nbsp\u{200b}zero",
            "",
            "   ",
            "x\ty",
        ] {
            assert!(is_plain(s), "{s:?}");
            assert_eq!(plain_text(s), plain_text_of_markdown(s), "{s:?}");
        }
        for s in [
            "1. list",
            "- item",
            "# heading",
            "> quote",
            "a *b*",
            "a_b_",
            "`c`",
            "[l](t)",
            "a &amp; b",
            "a<br>b",
            "a\\*b",
            "two\nlines",
            "\u{a0}1. x",
        ] {
            assert!(!is_plain(s), "{s:?}");
        }
    }

    #[test]
    fn case_insensitive_gate() {
        assert!(may_contain_ci("Read-Only", "read"));
        assert!(!may_contain_ci("Writable", "read"));
        assert!(may_contain_ci("\u{212a}ey", "key"), "non-ASCII passes");
        assert!(may_contain_ci("x", ""));
        assert!(!may_contain_ci("", "x"));
    }

    #[test]
    fn lowercased_text_gate() {
        let t = CiText::new("Read-Only. NULLABLE");
        assert!(t.may_contain("read") && t.may_contain("null"));
        assert!(!t.may_contain("value"));
        assert!(CiText::new("\u{17f}elect").may_contain("select"));
    }

    #[test]
    fn collapse_handles_ascii_and_unicode_blanks() {
        assert_eq!(
            collapse_spaces("\t a \x0b b\u{2009}\u{200b}c\u{e9} "),
            "a b c\u{e9}"
        );
        assert_eq!(collapse_spaces(""), "");
        assert_eq!(collapse_spaces(" \t cell text \n"), "cell text");
        assert_eq!(collapse_spaces(" a  b "), "a b");
        assert_eq!(collapse_spaces("\u{feff}"), "");
    }

    #[test]
    fn word_wise_collapse_check_agrees_with_the_exact_one() {
        let pieces = [
            "a", " ", "  ", "\t", "\x0b", "\r", "\x01", "\x1f", "\u{a0}", "\u{e9}", "\u{200b}",
            "abcdefg", "x y",
        ];
        // Every sequence of up to three pieces, at every offset in a word.
        for pad in ["", "p", "pppp", "ppppppp", "pppppppp"] {
            for a in pieces {
                for b in pieces {
                    for c in pieces {
                        let s = format!("{pad}{a}{b}{c}");
                        assert_eq!(is_collapsed(&s), is_collapsed_exact(&s), "{s:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn trimming_is_unicode_aware() {
        assert_eq!(trim("\u{200b}\u{a0} x \u{202f}"), "x");
        assert_eq!(collapse_spaces("a\u{a0}\u{a0}b  c "), "a b c");
    }

    #[test]
    fn leading_links_in_all_forms() {
        assert_eq!(
            leading_link("[a](b.md) collection"),
            Some(("a", "b.md", " collection"))
        );
        assert_eq!(
            leading_link("[a][] collection"),
            Some(("a", "", " collection"))
        );
        assert_eq!(leading_link("[a](b.md"), Some(("a", "b.md", "")));
        assert_eq!(leading_link("a"), None);
    }
}
