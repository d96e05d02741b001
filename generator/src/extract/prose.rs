//! Description prose → flags and enum values.
//!
//! Property descriptions carry metadata nothing else records: "Read-only",
//! "Nullable" / "Not nullable", "Required", "Optional", "Supports `$filter`
//! (`eq`, `ne`)", "Returned only on `$select`", and "Possible values are:
//! `a`, `b`" in its many phrasings (corpus-formats.md §9). TODO placeholders
//! of generated stubs (`**TODO: Add Description**`) are removed; "Not yet
//! documented" is real (if unhelpful) text and kept.

use crate::source::text::{collapse_spaces_cow, may_contain_ci, trim, CiText};
use crate::source::{static_finder, static_regex};
use std::borrow::Cow;

/// One value named by "Possible values" prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PossibleValue {
    pub name: String,
    /// `0 - \`Not Ready\``: the number before the name.
    pub value: Option<i64>,
}

/// What a description cell says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prose {
    /// The text with TODO placeholders removed; `None` when nothing is left.
    pub description: Option<String>,
    pub read_only: bool,
    pub nullable: Option<bool>,
    pub required: bool,
    pub optional: bool,
    /// `$filter`, `$orderby`, ... in page order, deduplicated.
    pub supports: Vec<String>,
    pub select_only: bool,
    pub possible_values: Vec<PossibleValue>,
    /// The values were written in code marks or a numbered form (a strong
    /// signal the list is an enum's members, not loose prose).
    pub values_marked: bool,
}

/// Remove `**TODO: ...**` placeholders; `None` when no real text remains.
pub fn strip_todo(s: &str) -> Option<String> {
    strip_todo_in(s, false)
}

/// [`strip_todo`]; `collapsed` says `s` is already what
/// [`collapse_spaces_cow`] makes of it (a cleaned table cell): then only a
/// text that lost a TODO mark needs collapsing again.
fn strip_todo_in(s: &str, collapsed: bool) -> Option<String> {
    let s = if has(s, static_finder!("TODO")) {
        without_todo_marks(s)
    } else {
        Cow::Borrowed(s)
    };
    let head = s.trim_start();
    let s = if may_contain_ci(head.get(..4).unwrap_or(head), "todo") {
        match static_regex!(r"(?i)^\s*TODO:?.*$").replace_all(&s, " ") {
            Cow::Borrowed(_) => s,
            Cow::Owned(o) => Cow::Owned(o),
        }
    } else {
        s
    };
    // One copy at the end (most descriptions need no change before it).
    let s = match (&s, collapsed) {
        (Cow::Borrowed(b), true) => Cow::Borrowed(*b),
        _ => collapse_spaces_cow(&s),
    };
    let meaningful = s.chars().any(|c| c.is_alphanumeric());
    meaningful.then(|| trim(&s).trim_start_matches(['.', ' ']).to_string())
}

/// `s` with every `**TODO: ...**` mark replaced by a space: what
/// `static_regex!(r"\*\*\s*TODO:?[^*]*\*\*\.?").replace_all(s, " ")` does, by
/// hand (it ran on 25,000 stub descriptions). A match starts at a `**`;
/// `[^*]*` ends at the first `*`, which must start the closing `**`.
fn without_todo_marks(s: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let (mut copied, mut from) = (0, 0);
    let b = s.as_bytes();
    let next_pair = |from: usize| {
        memchr::memchr_iter(b'*', b.get(from..)?)
            .map(|p| from + p)
            .find(|&p| b.get(p + 1) == Some(&b'*'))
    };
    while let Some(at) = next_pair(from) {
        match todo_mark_end(s, at) {
            Some(end) => {
                out.push_str(s.get(copied..at).unwrap_or(""));
                out.push(' ');
                (copied, from) = (end, end);
            }
            // The next match may start inside this `**` (`***TODO**`).
            None => from = at + 1,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(s);
    }
    out.push_str(s.get(copied..).unwrap_or(""));
    Cow::Owned(out)
}

/// Where a TODO mark starting with the `**` at `at` ends, if one does.
fn todo_mark_end(s: &str, at: usize) -> Option<usize> {
    let rest = s.get(at + 2..)?.trim_start_matches(char::is_whitespace);
    let rest = rest.strip_prefix("TODO")?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let star = rest.find('*')?;
    let tail = rest.get(star..)?.strip_prefix("**")?;
    let tail = tail.strip_prefix('.').unwrap_or(tail);
    Some(s.len() - tail.len())
}

/// Whether `text` holds the needle of `finder`.
fn has(text: &str, finder: &memchr::memmem::Finder) -> bool {
    finder.find(text.as_bytes()).is_some()
}

/// Read a description cell.
pub fn read(desc: &str) -> Prose {
    read_in(desc, false)
}

/// [`read`] for a table row's cell, which cleaning already collapsed.
pub fn read_cell(desc: &str) -> Prose {
    read_in(desc, true)
}

/// [`read`]; `collapsed` as for [`strip_todo_in`].
fn read_in(desc: &str, collapsed: bool) -> Prose {
    let description = strip_todo_in(desc, collapsed);
    let text = description.as_deref().unwrap_or("");
    let mut p = Prose::default();
    // Each regex needs a literal word: a cheap check on it skips the regex
    // for the many descriptions that do not mention it.
    let ci = CiText::new(text);
    p.read_only = ci.may_hold(static_finder!("read"))
        && static_regex!(r"(?i)\bread[- ]?only\b").is_match(text)
        && !static_regex!(r"(?i)\bnot read[- ]?only\b").is_match(text);
    if ci.may_hold(static_finder!("null")) {
        if static_regex!(r"(?i)\b(not|non)[- ]nullable\b|\bcannot be null\b|\bis never null\b")
            .is_match(text)
        {
            p.nullable = Some(false);
        } else if static_regex!(r"(?i)\bnullable\b|\bcan be null\b").is_match(text) {
            p.nullable = Some(true);
        }
    }
    p.required = has(text, static_finder!("equired"))
        && static_regex!(r"(^|[.;:]\s*|\bis\s+|\bare\s+|\()Required\b|\b(is|are) required\b")
            .is_match(text)
        && !static_regex!(r"(?i)\bnot required\b").is_match(text);
    p.optional = has(text, static_finder!("ptional"))
        && static_regex!(r"(^|[.;:(]\s*)Optional\b|\b(is|are) optional\b").is_match(text);
    if p.required && p.nullable.is_none() {
        p.nullable = Some(false);
    }
    p.supports = supports(text);
    p.select_only = ci.may_hold(static_finder!("$select")) && static_regex!(r"(?i)(returned\s+only\s+(on|when|if|with|by|using)|only\s+returned\s+(on|when|if|with|by|using))[^.]*\$select")
        .is_match(text);
    let (values, marked) = possible_values_gated(text, &ci);
    p.possible_values = values;
    p.values_marked = marked;
    p.description = description;
    p
}

/// OData query options named in "Supports ..." sentences.
fn supports(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if !text.contains('$') {
        return out; // every query option is written with its `$`
    }
    for sentence in static_regex!(r"\.\s+|\.$").split(text) {
        let lower = sentence.to_ascii_lowercase();
        if !lower.contains("support")
            || static_regex!(r"(?i)(not|n't|never)\s+support").is_match(sentence)
        {
            continue;
        }
        for m in static_regex!(r"\$(filter|orderby|orderBy|search|select|expand|count|top|skip)\b")
            .find_iter(sentence)
        {
            let opt = m.as_str().to_ascii_lowercase();
            if !out.contains(&opt) {
                out.push(opt);
            }
        }
    }
    out
}

/// Values of the first "Possible values ..." list in `text`; the flag says
/// whether they were code-marked/numbered (vs. bare words). A marked list
/// wins over an earlier bare one (`One of: NONE, LOW. Possible values are: `x``).
pub fn possible_values(text: &str) -> (Vec<PossibleValue>, bool) {
    possible_values_gated(text, &CiText::new(text))
}

/// [`possible_values`] with the text's case gate already built.
fn possible_values_gated(text: &str, ci: &CiText) -> (Vec<PossibleValue>, bool) {
    let trigger = static_regex!(
        r"(?i)\b(?:the\s+)?(?:possible|supported|allowed|valid|accepted|available)\s+values?(?:\s+for\s+(?:this|the)\s+\w+)?(?:\s+(?:for\s+\*\*\w+\*\*\s+)?(?:are|is|include|includes|can\s+be))?\s*:?|\bone\s+of\s*:|\bthe\s+values?\s+(?:are|can\s+be)\s*:"
    );
    let mut bare: Option<Vec<PossibleValue>> = None;
    // Every trigger needs `value`, or `one` and a `:`; every colon list a
    // `:` followed by a backtick: most descriptions have neither, and then
    // the regexes cannot match.
    // (A `value` trigger needs a colon or one of its adjectives.)
    let colon = text.contains(':');
    let adjective = || {
        ci.may_hold(static_finder!("possible"))
            || ci.may_hold(static_finder!("supported"))
            || ci.may_hold(static_finder!("allowed"))
            || ci.may_hold(static_finder!("valid"))
            || ci.may_hold(static_finder!("accepted"))
            || ci.may_hold(static_finder!("available"))
    };
    let may_trigger = (ci.may_hold(static_finder!("value")) && (colon || adjective()))
        || (colon && ci.may_hold(static_finder!("one")));
    let may_list = colon_then_backtick(text);
    if !may_trigger && !may_list {
        return (Vec::new(), false);
    }
    let triggers = may_trigger.then(|| trigger.find_iter(text));
    for m in triggers.into_iter().flatten() {
        let rest = &text[m.end()..];
        let (vals, marked) = value_list(rest);
        if vals.is_empty() {
            continue;
        }
        if marked {
            return (vals, true);
        }
        if bare.is_none() {
            bare = Some(vals);
        }
    }
    if let Some(vals) = bare {
        return (vals, false);
    }
    if !may_list {
        return (Vec::new(), false);
    }
    colon_list(text)
}

/// Whether a `:` is followed (after blanks) by a backtick: what every lead-in
/// of [`colon_list`] ends with.
fn colon_then_backtick(text: &str) -> bool {
    memchr::memchr_iter(b':', text.as_bytes()).any(|i| {
        text.get(i + 1..).is_some_and(|rest| {
            rest.trim_start_matches(char::is_whitespace)
                .starts_with('`')
        })
    })
}

/// A code-marked list right after a short lead-in ending in a colon, the
/// docs' other way of giving the values ("The attendee type: `required`,
/// `optional`, `resource`."; "Types include: `Group`, ..."). Example lists
/// ("For example:", "Examples include:", "such as:") and lists of
/// characters ("any of the following: `:`, `;`") are not value lists.
fn colon_list(text: &str) -> (Vec<PossibleValue>, bool) {
    let lead_in = static_regex!(r"(?:^|[.!?]\s+)([^.:!?`|]{1,80}):\s*`");
    for c in lead_in.captures_iter(text) {
        let (Some(whole), Some(lead)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if static_regex!(r"(?i)\b(?:examples?|e\.g|such\s+as|like|following|scenarios?)\b")
            .is_match(lead.as_str())
        {
            continue;
        }
        // Back up to the opening backtick the pattern consumed.
        let rest = &text[whole.end() - 1..];
        let (vals, marked) = value_list(rest);
        if marked && vals.len() >= 2 {
            return (vals, true);
        }
    }
    (Vec::new(), false)
}

/// Tokens of a value list.
enum Tok<'a> {
    Marked(&'a str),
    Numbered(i64, &'a str),
    Bare(&'a str),
}

/// Read a list right after a trigger. Separators: `,` `;` `and` `or`
/// `and/or`, list HTML (`<ul>`, `<li>`), blanks. In `<li>` lists each item's
/// first token is the value and the rest of the item is skipped.
fn value_list(rest: &str) -> (Vec<PossibleValue>, bool) {
    let mut out = Vec::new();
    let mut marked = false;
    let mut s = rest;
    let start = s.trim_start_matches(char::is_whitespace);
    let in_li = start.starts_with("<ul>") || start.starts_with("<li>");
    loop {
        s = skip_separators(s);
        let Some((tok, after)) = next_token(s) else {
            break;
        };
        match tok {
            Tok::Marked(v) => {
                marked = true;
                push_value(&mut out, v, None);
            }
            Tok::Numbered(n, v) => {
                marked = true;
                push_value(&mut out, v, Some(n));
            }
            Tok::Bare(v) => {
                if marked {
                    break;
                }
                push_value(&mut out, v, None);
            }
        }
        s = after;
        if in_li {
            // Skip the item's description up to the next `<li>`.
            match s.find("<li>") {
                Some(p) if !s[..p].contains("</ul>") => s = &s[p..],
                _ => break,
            }
            continue;
        }
        // After a value: a separator must follow, else the list is over
        // (`.`, `(`, or prose such as "`a` is the default").
        let t = s.trim_start_matches(|c: char| c.is_whitespace());
        // (`and`/`or` need an `a`/`o` first: no other char folds to them.)
        let continues = t.starts_with(',')
            || t.starts_with(';')
            || t.starts_with('`')
            || (t.starts_with(['a', 'A', 'o', 'O'])
                && static_regex!(r"^(?i)(and/or|and|or)\b").is_match(t))
            || (t.starts_with('.') && marked && static_regex!(r"^\.\s*`").is_match(t));
        if !continues {
            // `^($|[.;)(])` ends a bare list cleanly.
            let clean_end = t.is_empty() || t.starts_with(['.', ';', ')', '(']);
            if !marked && !clean_end {
                // Bare words followed by more prose: not a list after all.
                out.clear();
            }
            break;
        }
    }
    if !marked && out.len() < 2 {
        out.clear();
    }
    (out, marked)
}

fn push_value(out: &mut Vec<PossibleValue>, v: &str, value: Option<i64>) {
    let name = trim(v).trim_end_matches([',', '.']).to_string();
    if !name.is_empty() && !out.iter().any(|p: &PossibleValue| p.name == name) {
        out.push(PossibleValue { name, value });
    }
}

/// The word and tag separators of a value list, tried in this order.
const SEPARATORS: &[&str] = &[
    "and/or ", "and ", "or ", "<ul>", "<li>", "</li>", "<p>", "</p>",
];

fn skip_separators(mut s: &str) -> &str {
    loop {
        let before = s.len();
        s = s.trim_start_matches(|c: char| {
            c.is_whitespace() || c == ',' || c == ';' || c == '\u{200b}'
        });
        // Every word or tag separator starts with an `a`, `o` or `<` (in
        // any case): a text starting otherwise has none to skip.
        let may_start_sep = s
            .as_bytes()
            .first()
            .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'a' | b'o' | b'<'));
        let seps: &[&str] = if may_start_sep { SEPARATORS } else { &[] };
        for sep in seps {
            if s.len() >= sep.len()
                && s.is_char_boundary(sep.len())
                && s[..sep.len()].eq_ignore_ascii_case(sep)
            {
                s = &s[sep.len()..];
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// The next value token at the start of `s`. The code-mark, bold and bare
/// forms are read by hand (this runs on every token of every value list);
/// the quoted and numbered forms, whose patterns use Unicode classes, keep
/// their regexes behind a check of the first char.
fn next_token(s: &str) -> Option<(Tok<'_>, &str)> {
    if let Some(rest) = s.strip_prefix("``") {
        // `^``\s*([^`]+?)\s*``` : the text up to the next backtick, which
        // must open the closing pair.
        let p = rest.find('`')?;
        let after = rest[p..].strip_prefix("``")?;
        return Some((Tok::Marked(double_backtick_value(&rest[..p])?), after));
    }
    if let Some(rest) = s.strip_prefix('`') {
        // `^`([^`]+)``
        let p = rest.find('`').filter(|&p| p > 0)?;
        return Some((Tok::Marked(&rest[..p]), &rest[p + 1..]));
    }
    if let Some(rest) = s.strip_prefix("**") {
        // `^\*\*([^*]+)\*\*`
        let p = rest.find('*').filter(|&p| p > 0)?;
        let after = rest[p..].strip_prefix("**")?;
        return Some((Tok::Marked(&rest[..p]), after));
    }
    if s.starts_with(['\'', '"', '“', '‘']) {
        let c = static_regex!(r#"^['"“‘]([A-Za-z][\w.-]*)['"”’]"#).captures(s)?;
        let m = c.get(0)?;
        return Some((Tok::Marked(c.get(1)?.as_str()), &s[m.end()..]));
    }
    if s.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        let c = static_regex!(r"^(-?\d+)\s*[-–:=]\s*`([^`]+)`").captures(s)?;
        let m = c.get(0)?;
        let n = c.get(1)?.as_str().parse::<i64>().ok()?;
        return Some((Tok::Numbered(n, c.get(2)?.as_str()), &s[m.end()..]));
    }
    // `^([A-Za-z][A-Za-z0-9_]*)`
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let n = s
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    Some((Tok::Bare(&s[..n]), &s[n..]))
}

/// What `\s*([^`]+?)\s*` captures of the text between double backticks:
/// the text without blanks at either end; when it is all blanks, its last
/// char (the group needs one); nothing when it is empty.
fn double_backtick_value(inner: &str) -> Option<&str> {
    let t = inner.trim_matches(char::is_whitespace);
    if !t.is_empty() {
        return Some(t);
    }
    let last = inner.chars().next_back()?;
    Some(&inner[inner.len() - last.len_utf8()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regexes the hand-written [`next_token`] replaced, as the reference.
    fn token_by_regex(s: &str) -> Option<(String, Option<i64>, bool, &str)> {
        let re = |p: &str| regex::Regex::new(p).unwrap();
        for p in [r"^``\s*([^`]+?)\s*``", r"^`([^`]+)`", r"^\*\*([^*]+)\*\*"] {
            if let Some(c) = re(p).captures(s) {
                return Some((c[1].to_string(), None, true, &s[c[0].len()..]));
            }
        }
        if let Some(c) = re(r#"^['"“‘]([A-Za-z][\w.-]*)['"”’]"#).captures(s) {
            return Some((c[1].to_string(), None, true, &s[c[0].len()..]));
        }
        if let Some(c) = re(r"^(-?\d+)\s*[-–:=]\s*`([^`]+)`").captures(s) {
            let n = c[1].parse::<i64>().ok()?;
            return Some((c[2].to_string(), Some(n), true, &s[c[0].len()..]));
        }
        let c = re(r"^([A-Za-z][A-Za-z0-9_]*)").captures(s)?;
        Some((c[1].to_string(), None, false, &s[c[0].len()..]))
    }

    #[test]
    fn hand_todo_marks_read_what_the_regex_reads() {
        let re = regex::Regex::new(r"\*\*\s*TODO:?[^*]*\*\*\.?").unwrap();
        for s in [
            "**TODO: Add Description**",
            "a **TODO: x**. b **TODO** c",
            "***TODO**",
            "** TODO:x*y**",
            "**\u{a0}TODO\nz**.",
            "**TODO",
            "TODO: later",
            "**todo: x**",
            "x **TODO: a** **TODO: b**",
            "****TODO****",
        ] {
            assert_eq!(without_todo_marks(s), re.replace_all(s, " "), "{s:?}");
        }
    }

    #[test]
    fn hand_tokens_read_what_the_regexes_read() {
        for s in [
            "`a`, `b`",
            "``a``",
            "`` a b ``.",
            "``  ``x",
            "````",
            "``a`b``",
            "``a",
            "`a",
            "``",
            "`",
            "**x** and",
            "**x*y**",
            "****",
            "**x",
            "'abc', 'd'",
            "\u{201c}ab.c-d\u{201d}",
            "'1a'",
            "0 - `Not Ready`, 1",
            "-1: `x`",
            "12 = `y`",
            "12 y",
            "abc_1 def",
            "a",
            "_a",
            "\u{e9}t\u{e9}",
            "",
            " `a`",
            "`\u{e9}`",
        ] {
            let got = next_token(s).map(|(t, rest)| match t {
                Tok::Marked(v) => (v.to_string(), None, true, rest),
                Tok::Numbered(n, v) => (v.to_string(), Some(n), true, rest),
                Tok::Bare(v) => (v.to_string(), None, false, rest),
            });
            assert_eq!(got, token_by_regex(s), "{s:?}");
        }
    }

    fn names(text: &str) -> Vec<String> {
        possible_values(text)
            .0
            .into_iter()
            .map(|v| v.name)
            .collect()
    }

    #[test]
    fn possible_values_phrasings() {
        let want = vec!["a", "b", "c"];
        for t in [
            "Status. Possible values are: `a`, `b`, `c`.",
            "Possible values are: `a`, `b` and `c`. Read-only.",
            "The possible values are: `a`, `b`, or `c`.",
            "Possible values: `a`, `b`, `c`",
            "Possible values include `a`, `b`, and/or `c`.",
            "Possible values are `a` `b` `c`",
            "Possible values are: ``a``, ``b``, ``c``.",
            "Possible values are: **a**, **b**, or **c**.",
            "Possible values are 'a', 'b', 'c'.",
            "Possible values are: a, b, and c.",
            "Supported values are:<ul><li>`a`: first</li><li>`b`: second, really</li><li>`c`</li></ul>",
            "Possible values are:\u{a0}`a`,\u{202f}`b`\u{202f}and `c`.",
            "One of: NONE, LOW. Possible values are: `a`, `b`, `c`.",
        ] {
            assert_eq!(names(t), want, "{t}");
        }
    }

    #[test]
    fn colon_lists() {
        assert_eq!(
            names("The attendee type: `required`, `optional`, `resource`."),
            vec!["required", "optional", "resource"]
        );
        assert_eq!(
            names("Used to describe the type. Types include: `Word`, `Excel`."),
            vec!["Word", "Excel"]
        );
        assert!(names("The service (For example: `Self-service`, `B2C`).").is_empty());
        assert!(names("A code. Examples include: `US`, `JP`.").is_empty());
        assert!(names("No whitespace or any of the following: `:`, `;`.").is_empty());
        assert!(
            names("The name: `a` only.").is_empty(),
            "one value is no list"
        );
        assert!(names("See `x`: `a`, `b`.").is_empty(), "lead-in has code");
    }

    #[test]
    fn numbered_values() {
        let (v, marked) =
            possible_values("Possible values are: 0 - `Not Ready`, 1 - `Ready`, 2 - `Processing`.");
        assert!(marked);
        assert_eq!(
            v[1],
            PossibleValue {
                name: "Ready".into(),
                value: Some(1)
            }
        );
        assert_eq!(v.len(), 3);
    }

    #[test]
    fn prose_that_is_not_a_list() {
        assert!(names("Valid values 4 to 16.").is_empty());
        assert!(names("Possible values are the ISO 3166 codes of the country.").is_empty());
        assert!(names("The name of the thing.").is_empty());
    }

    #[test]
    fn flags() {
        let p = read("The id. Read-only. Not nullable. Supports `$filter` (`eq`, `ne`) and `$orderby`. Returned only on `$select`.");
        assert!(p.read_only);
        assert_eq!(p.nullable, Some(false));
        assert_eq!(p.supports, vec!["$filter", "$orderby"]);
        assert!(p.select_only);
        let p = read("Required. The name.");
        assert!(p.required && !p.optional);
        assert_eq!(p.nullable, Some(false));
        let p = read("Optional. Nullable. Does not support `$filter`.");
        assert!(p.optional && !p.required);
        assert_eq!(p.nullable, Some(true));
        assert!(p.supports.is_empty());
    }

    #[test]
    fn todo_placeholders_are_missing_text() {
        assert_eq!(read("**TODO: Add Description**").description, None);
        let p = read("**TODO: Add Description**. Possible values are: `unknown`, `compliant`.");
        assert_eq!(
            p.description.as_deref(),
            Some("Possible values are: `unknown`, `compliant`.")
        );
        assert_eq!(p.possible_values.len(), 2);
        assert_eq!(
            read("Not yet documented").description.as_deref(),
            Some("Not yet documented")
        );
    }
}
