//! What a successful call returns: status, body type, collection or not.
//!
//! Sources, most reliable first (corpus-formats.md §10):
//! 1. the example response annotation (`"@odata.type": "microsoft.graph.x"`,
//!    `"isCollection": true`, `Collection(microsoft.graph.x)`);
//! 2. the example response body (`@odata.type`, `@odata.context`
//!    `#Collection(microsoft.graph.x)`, a `value` array of typed objects);
//! 3. the Response section's "returns" sentence in all its phrasings
//!    (`a/an [x] object`, `a collection of [x] objects`, `an [x] collection`,
//!    `a String collection`, `no response body` ...).
//!
//! The status comes from the sentence (`` `200 OK` ``, `201 Created`,
//! `` `204, No Content` ``), else from the first example's status line.

use crate::extract::common::{normalize_name, primitive};
use crate::extract::resource::annotation_type_name;
use crate::ir::json::Json;
use crate::ir::model::{Example, Response};
use crate::source::text::plain_text;
use crate::source::{static_finder, static_regex};
use crate::source::{Annotation, Page, SectionKind};

/// What the Response section's sentence says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    pub status: Option<u16>,
    /// `Some(None)`: the sentence says there is no body.
    pub type_name: Option<Option<String>>,
    pub collection: bool,
    pub line: Option<usize>,
}

/// Read the first "returns" paragraph of the (non-example) Response section.
pub fn sentence(page: &Page) -> Sentence {
    let mut out = Sentence::default();
    let Some(sec) = page
        .sections_of(SectionKind::Response)
        .find(|s| !in_examples(page, s.heading.line))
    else {
        return out;
    };
    for (line, p) in page.paragraphs_in(sec.start, sec.end) {
        let status = status_in(&p);
        let ty = type_in(&p);
        if status.is_none() && ty.is_none() {
            continue;
        }
        if out.line.is_none() {
            out.line = Some(line);
        }
        if out.status.is_none() {
            out.status = status;
        }
        if out.type_name.is_none() {
            if let Some((t, c)) = ty {
                out.type_name = Some(t);
                out.collection = c;
            }
        }
        if out.status.is_some() && out.type_name.is_some() {
            break;
        }
    }
    if out.type_name.is_none() && matches!(out.status, Some(204)) {
        out.type_name = Some(None);
    }
    out
}

/// Whether line `idx` lies inside an Examples section.
pub fn in_examples(page: &Page, idx: usize) -> bool {
    page.sections_of(SectionKind::Examples)
        .any(|e| e.contains(idx))
}

/// The status code a sentence names: backticked first, then any 2xx/3xx code.
pub fn status_in(text: &str) -> Option<u16> {
    if text.is_ascii() {
        return status_in_ascii(text.as_bytes());
    }
    let code = static_regex!(r"`\s*([1-5]\d\d)\b")
        .captures(text)
        .or_else(|| static_regex!(r"\b([23]\d\d)(?:\s*,)?\s+[A-Z][a-z]").captures(text))
        .or_else(|| static_regex!(r"\b(20[0-9])\b").captures(text))?;
    code.get(1)?.as_str().parse().ok()
}

/// [`status_in`]'s three patterns, by hand for ASCII text (where `\d`,
/// `\s` and `\b` are the ASCII ones), tried in the same order, each for
/// its leftmost match: `` `\s*([1-5]\d\d)\b ``, then
/// `\b([23]\d\d)(?:\s*,)?\s+[A-Z][a-z]`, then `\b(20[0-9])\b`. It runs on
/// every paragraph of every Response section.
fn status_in_ascii(b: &[u8]) -> Option<u16> {
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let word = |i: usize| {
        b.get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    };
    let blank = |i: usize| {
        b.get(i)
            .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c'))
    };
    let skip_blanks = |mut i: usize| {
        while blank(i) {
            i += 1;
        }
        i
    };
    let code = |i: usize| {
        b.get(i..i + 3)
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| d.parse().ok())
    };
    let starts_word = |i: usize| i == 0 || !word(i - 1);
    for p in memchr::memchr_iter(b'`', b) {
        let i = skip_blanks(p + 1);
        if b.get(i).is_some_and(|c| (b'1'..=b'5').contains(c))
            && digit(i + 1)
            && digit(i + 2)
            && !word(i + 3)
        {
            return code(i);
        }
    }
    // `\s+[A-Z][a-z]` from `i`.
    let titled = |i: usize| {
        let j = skip_blanks(i);
        j > i
            && b.get(j).is_some_and(u8::is_ascii_uppercase)
            && b.get(j + 1).is_some_and(u8::is_ascii_lowercase)
    };
    for (i, c) in b.iter().enumerate() {
        if matches!(c, b'2' | b'3') && starts_word(i) && digit(i + 1) && digit(i + 2) {
            let after = i + 3;
            // The optional `\s*,` first (greedy), then without it.
            let comma = skip_blanks(after);
            if b.get(comma) == Some(&b',') && titled(comma + 1) || titled(after) {
                return code(i);
            }
        }
    }
    static_finder!("20")
        .find_iter(b)
        .find(|&i| starts_word(i) && digit(i + 2) && !word(i + 3))
        .and_then(code)
}

/// The body type a sentence names: `Some(None)` for "no body".
pub fn type_in(text: &str) -> Option<(Option<String>, bool)> {
    // One lowercased copy, then vectorised substring searches (case-blind
    // searches in place stop at every `r`, `n`, `e`...: dearer here).
    let lower = text.to_ascii_lowercase();
    // Searchers set up once: building one costs more than searching a sentence.
    let has = |w: &memchr::memmem::Finder| w.find(lower.as_bytes()).is_some();
    // Every "no body" phrase holds `anything`, `empty`, `nothing` or `no`
    // and a blank (any case; non-ASCII text may fold to them, so it always
    // runs the regex). Most "returns" sentences hold none: the regex is
    // skipped for them.
    let may_say_no_body = !text.is_ascii()
        || [
            static_finder!("anything"),
            static_finder!("empty"),
            static_finder!("nothing"),
        ]
        .iter()
        .any(|w| has(w))
        || static_finder!("no").find_iter(lower.as_bytes()).any(|i| {
            lower
                .as_bytes()
                .get(i + 2)
                .is_some_and(|&c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c'))
        });
    if may_say_no_body
        && static_regex!(r"(?i)(does not|doesn't|do not|won't|will not)\s+return\s+anything|no\s+(response\s+)?(body|content)|empty\s+(response\s+)?body|body\s+is\s+empty|nothing\s+in\s+the\s+response")
        .is_match(text)
    {
        return Some((None, false));
    }
    if !(has(static_finder!("return"))
        || has(static_finder!("response body"))
        || has(static_finder!("in the body")))
    {
        return None;
    }
    // The part after the status code (links before it are prose links).
    let start = status_end(text).unwrap_or(0);
    let tail = text.get(start..).unwrap_or_default();
    let link = links(tail).find(|l| {
        let target = l.target.map(str::to_ascii_lowercase).unwrap_or_default();
        // Links to conceptual pages (`/graph/query-parameters`) are not types.
        !(target.contains("/concepts/")
            || target.contains("query-parameters")
            || target.contains("http"))
            || target.contains("/resources/")
    });
    if let Some(l) = link {
        let name = normalize_name(&plain_text(l.label));
        if !static_regex!(r"^[A-Za-z_][A-Za-z0-9_]*$").is_match(&name) {
            return None;
        }
        let before = tail.get(..l.start).unwrap_or_default();
        let after = tail.get(l.end..).unwrap_or_default();
        let collection = ends_with_collection_of(before)
            || static_regex!(r"(?i)^\s*(collection|objects\b|resources\b|entities\b)")
                .is_match(after);
        return Some((Some(name), collection));
    }
    // `a **deviceAndAppManagementAssignedRoleId** in the response body`.
    if let Some(c) =
        static_regex!(r"(?i)\b(?:a|an|the)\s+\*\*([A-Za-z][A-Za-z0-9_]*)\*\*(\s+collection)?")
            .captures(tail)
    {
        let name = normalize_name(c.get(1)?.as_str());
        return Some((Some(name), c.get(2).is_some()));
    }
    // `a String collection`, `a Boolean value`, `a stream`.
    let prim = static_regex!(r"(?i)\b(?:a|an|the)\s+(string|boolean|bool|int32|int64|integer|double|stream|binary|guid|datetimeoffset)\b(\s+collection)?")
        .captures(tail)?;
    let name = primitive(prim.get(1)?.as_str())?.to_string();
    Some((Some(name), prim.get(2).is_some()))
}

/// Whether `before` (the text before a type link) ends like "a collection
/// of": what `(?i)\b(collection|list|array)\s+of\s+(the\s+)?$|\bcollection\s+of\s+\w*\s*$`
/// matches, by hand (backwards from the end) for ASCII text, where `\s`,
/// `\w` and `\b` are the ASCII ones and only ASCII letters fold (the
/// regex's reverse search was a sixth of this module's time).
fn ends_with_collection_of(before: &str) -> bool {
    if !before.is_ascii() {
        return static_regex!(
            r"(?i)\b(collection|list|array)\s+of\s+(the\s+)?$|\bcollection\s+of\s+\w*\s*$"
        )
        .is_match(before);
    }
    let b = before.as_bytes();
    let blank = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c');
    let word = |c: &u8| c.is_ascii_alphanumeric() || *c == b'_';
    // Where the run of `is` bytes that ends at `end` starts.
    let run_start = |end: usize, is: &dyn Fn(&u8) -> bool| {
        let mut i = end;
        while i > 0 && b.get(i - 1).is_some_and(is) {
            i -= 1;
        }
        i
    };
    let ends_with = |end: usize, w: &str| {
        end.checked_sub(w.len())
            .and_then(|s| b.get(s..end))
            .is_some_and(|t| t.eq_ignore_ascii_case(w.as_bytes()))
    };
    // `\b(word)\s+of` ending at `end`.
    let word_of = |end: usize, words: &[&str]| {
        if !ends_with(end, "of") {
            return false;
        }
        let gap = run_start(end - 2, &blank);
        gap < end - 2
            && words.iter().any(|w| {
                ends_with(gap, w)
                    && (gap == w.len() || b.get(gap - w.len() - 1).is_some_and(|c| !word(c)))
            })
    };
    let end = b.len();
    let trailing = run_start(end, &blank);
    let any = ["collection", "list", "array"];
    if trailing < end {
        // First pattern: `... of ` or `... of the `.
        if word_of(trailing, &any) {
            return true;
        }
        let the = trailing.saturating_sub(3);
        if ends_with(trailing, "the") {
            let gap = run_start(the, &blank);
            if gap < the && word_of(gap, &any) {
                return true;
            }
        }
        // Second pattern with an empty `\w*`.
        if word_of(trailing, &["collection"]) {
            return true;
        }
    }
    // Second pattern: `collection of <word> `.
    let w = run_start(trailing, &word);
    let gap = run_start(w, &blank);
    w < trailing && gap < w && word_of(gap, &["collection"])
}

/// Where the status code of a sentence ends: the end of the first match of
/// `` `[^`]*\d{3}[^`]*`|\b[1-5]\d\d\b `` (a backticked span holding three
/// digits, or a lone 1xx-5xx number). By hand for ASCII text, where `\d`
/// and `\b` are the ASCII ones; other text goes to the regex.
fn status_end(text: &str) -> Option<usize> {
    if !text.is_ascii() {
        return static_regex!(r"`[^`]*\d{3}[^`]*`|\b[1-5]\d\d\b")
            .find(text)
            .map(|m| m.end());
    }
    let b = text.as_bytes();
    let word = |i: usize| {
        b.get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    };
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    // Both branches start on a backtick or a digit: only those are tried,
    // leftmost first (they never start on the same byte).
    for (i, &c) in b.iter().enumerate() {
        if c == b'`' {
            let close = memchr::memchr(b'`', b.get(i + 1..)?).map(|k| i + 1 + k);
            if let Some(q) = close {
                if (i + 1..q.saturating_sub(2)).any(|k| digit(k) && digit(k + 1) && digit(k + 2)) {
                    return Some(q + 1);
                }
            }
        } else if (b'1'..=b'5').contains(&c)
            && (i == 0 || !word(i - 1))
            && digit(i + 1)
            && digit(i + 2)
            && !word(i + 3)
        {
            return Some(i + 3);
        }
    }
    None
}

/// One markdown link: `[label](target)` or `[label][ref]` (target `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Link<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    target: Option<&'a str>,
}

/// The links of `text`, as the captures of
/// `\[([^\]]+)\](?:\(([^)]*)\)|\[[^\]]*\])` in order (non-overlapping,
/// leftmost first), read by hand: the regex's capture search was most of
/// the sentence reading. Every delimiter is ASCII, so cuts fall on char
/// boundaries.
fn links(text: &str) -> impl Iterator<Item = Link<'_>> {
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(k) = memchr::memchr(b'[', b.get(from..)?) {
            let open = from + k;
            from = open + 1;
            // `[^\]]+`: up to the next `]`, at least one byte.
            // (No `]` after this `[`: none after a later one either.)
            let close = memchr::memchr(b']', b.get(open + 1..)?).map(|k| open + 1 + k)?;
            if close == open + 1 {
                continue;
            }
            let (closer, is_target) = match b.get(close + 1) {
                Some(b'(') => (b')', true),
                Some(b'[') => (b']', false),
                _ => continue,
            };
            let Some(end) = memchr::memchr(closer, b.get(close + 2..)?).map(|k| close + 2 + k)
            else {
                continue;
            };
            from = end + 1;
            return Some(Link {
                start: open,
                end: end + 1,
                label: text.get(open + 1..close)?,
                target: if is_target {
                    text.get(close + 2..end)
                } else {
                    None
                },
            });
        }
        None
    })
}

/// Type and collection from a response annotation.
pub fn from_annotation(a: &Annotation) -> Option<(String, bool)> {
    let t = a.str("@odata.type").or_else(|| a.str("@type"))?;
    let name = annotation_type_name(t)?;
    let coll = a.bool("isCollection").unwrap_or(false)
        || t.trim().to_ascii_lowercase().starts_with("collection(");
    Some((name, coll))
}

/// Type and collection from an example response body.
pub fn from_body(v: &Json) -> Option<(Option<String>, bool)> {
    let obj = v.as_object()?;
    if let Some(ctx) = obj.get("@odata.context").and_then(Json::as_str) {
        if let Some(c) =
            static_regex!(r"#Collection\((?:microsoft\.graph\.)([A-Za-z][\w.]*)\)").captures(ctx)
        {
            return Some((c.get(1).map(|m| normalize_name(m.as_str())), true));
        }
    }
    if let Some(arr) = obj.get("value").and_then(Json::as_array) {
        let elem_type = arr
            .iter()
            .filter_map(|e| e.get("@odata.type").and_then(Json::as_str))
            .filter_map(annotation_type_name)
            .next();
        let elem_type = elem_type.or_else(|| {
            // A `value` array of strings/numbers: a primitive collection.
            arr.first().and_then(|e| match e {
                Json::String(_) => Some("String".to_string()),
                Json::Bool(_) => Some("Boolean".to_string()),
                _ => None,
            })
        });
        return Some((elem_type, true));
    }
    let t = obj.get("@odata.type").and_then(Json::as_str)?;
    Some((annotation_type_name(t), false))
}

/// Build the response from all three sources.
pub fn response(page: &Page, examples: &[Example], annotations: &[&Annotation]) -> Response {
    let s = sentence(page);
    let mut r = Response {
        status: s.status,
        source: s.line.map(|l| page.source(l)),
        ..Response::default()
    };
    let first_resp = examples.iter().find_map(|e| e.response.as_ref());
    if r.status.is_none() {
        if let Some(m) = first_resp {
            r.status = status_in_line(&m.start_line);
            r.source = Some(m.source.clone());
        }
    }
    if r.status == Some(204) {
        return r;
    }
    if let Some((t, c)) = annotations.iter().find_map(|a| from_annotation(a)) {
        r.type_name = Some(t);
        r.collection = c;
        return r;
    }
    if let Some((t, c)) = first_resp.and_then(|m| m.json.as_ref()).and_then(from_body) {
        let sentence_type = s.type_name.clone().flatten();
        r.collection = c;
        r.type_name = t.or_else(|| sentence_type.clone());
        // A derived type in the example (`#microsoft.graph.iosVppApp`) for an
        // operation the sentence types by its base: keep the sentence's type.
        if let (Some(st), false) = (&sentence_type, c) {
            r.type_name = Some(st.clone());
        }
        if r.type_name.is_some() {
            return r;
        }
    }
    if let Some(t) = s.type_name {
        r.type_name = t;
        r.collection = s.collection;
    }
    r
}

/// `HTTP/1.1 201 Created` → 201.
pub fn status_in_line(line: &str) -> Option<u16> {
    if line.is_ascii() {
        return status_in_ascii_line(line);
    }
    static_regex!(r"^\s*HTTP(?:/[\d.]+)?\s+(\d{3})")
        .captures(line)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse().ok())
}

/// [`status_in_line`] of an ASCII line, by hand (it runs on the first line
/// of every example block): blanks, `HTTP`, an optional `/` and version of
/// digits and dots, blanks, then three digits. Every part is followed by a
/// char the part cannot hold, so there is nothing to backtrack.
fn status_in_ascii_line(line: &str) -> Option<u16> {
    let blank = |c: char| c.is_ascii_whitespace() || c == '\x0b';
    let rest = line.trim_start_matches(blank).strip_prefix("HTTP")?;
    let rest = match rest.strip_prefix('/') {
        Some(version) => {
            let after = version.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            // `[\d.]+` needs one char; without it the `/` is no version.
            if after.len() == version.len() {
                return None;
            }
            after
        }
        None => rest,
    };
    let digits = rest.trim_start_matches(blank);
    if digits.len() == rest.len() {
        return None;
    }
    let code = digits.get(..3)?;
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    code.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCES: &[&str] = &[
        "If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.",
        "Returns `201 Created` and [a](x)[b][c] [d] [] [e](f [g][h] [[i]](j) [k](l",
        "returns 204 No Content; 2000 is not 200, x200 neither, 200_ neither, (404)",
        "`abc` then `12` then `x123y` then 5xx and 599.",
        "a ` lone backtick 300",
        "[x]\n(y) [x](multi\nline) [a\nb][c]",
        "`20 0` 6000 099 100",
        "",
        "[",
        "[a]",
        "[a](",
        "`",
        "12",
        "123",
    ];

    #[test]
    fn hand_status_end_finds_what_the_regex_finds() {
        let re = regex::Regex::new(r"`[^`]*\d{3}[^`]*`|\b[1-5]\d\d\b").unwrap();
        for s in SENTENCES {
            assert_eq!(status_end(s), re.find(s).map(|m| m.end()), "{s:?}");
        }
    }

    #[test]
    fn hand_status_codes_are_the_regex_codes() {
        let res = [
            regex::Regex::new(r"`\s*([1-5]\d\d)\b").unwrap(),
            regex::Regex::new(r"\b([23]\d\d)(?:\s*,)?\s+[A-Z][a-z]").unwrap(),
            regex::Regex::new(r"\b(20[0-9])\b").unwrap(),
        ];
        let more = [
            "returns `204, No Content`",
            "returns ` \t201` and 200 OK",
            "returns 200 , OK and `600`",
            "returns 202 ,Accepted or 302,\tFound",
            "returns 302  , X or 303 Ok",
            "returns 2020 and 3001 Abc then _200 then a2055",
            "returns 205_ or 209x or x 2007 then 207",
            "return 300 AB then 301 Ab",
            "`1234` then `123a` then `  404`",
            "\x0b200\x0cOk",
            "20",
            "200",
        ];
        for s in SENTENCES.iter().chain(more.iter()) {
            let want = res
                .iter()
                .find_map(|re| re.captures(s))
                .and_then(|c| c.get(1)?.as_str().parse::<u16>().ok());
            assert_eq!(status_in_ascii(s.as_bytes()), want, "{s:?}");
        }
    }

    /// Every sequence of up to four of these pieces, against the regex.
    #[test]
    fn hand_collection_of_is_the_regex() {
        let re = regex::Regex::new(
            r"(?i)\b(collection|list|array)\s+of\s+(the\s+)?$|\bcollection\s+of\s+\w*\s*$",
        )
        .unwrap();
        let pieces = [
            "collection",
            "List",
            "ARRAY",
            "of",
            "the",
            "x",
            " ",
            " \t",
            ",",
            "_",
            "Of ",
            "collection of ",
            "of the ",
            "a",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
            texts.sort();
            texts.dedup();
        }
        for t in &texts {
            assert_eq!(ends_with_collection_of(t), re.is_match(t), "{t:?}");
        }
    }

    #[test]
    fn hand_links_are_the_regex_captures() {
        let re = regex::Regex::new(r"\[([^\]]+)\](?:\(([^)]*)\)|\[[^\]]*\])").unwrap();
        for s in SENTENCES {
            let want: Vec<Link> = re
                .captures_iter(s)
                .map(|c| {
                    let m = c.get(0).unwrap();
                    Link {
                        start: m.start(),
                        end: m.end(),
                        label: c.get(1).unwrap().as_str(),
                        target: c.get(2).map(|t| t.as_str()),
                    }
                })
                .collect();
            assert_eq!(links(s).collect::<Vec<_>>(), want, "{s:?}");
        }
    }

    #[test]
    fn hand_status_lines_read_what_the_regex_reads() {
        let re = regex::Regex::new(r"^\s*HTTP(?:/[\d.]+)?\s+(\d{3})").unwrap();
        for l in [
            "HTTP/1.1 200 OK",
            "  HTTP 201 Created",
            "HTTP/2\t204",
            "HTTP/ 200",
            "HTTP/1.1200",
            "HTTP/1.1 20",
            "HTTP/1.1 2001",
            "HTTP 20x",
            "HTTPS/1.1 200",
            "http/1.1 200",
            "\x0bHTTP/1.1\x0c302",
            "HTTP",
            "",
            "GET /me",
            "HTTP/1.1 \u{a0}200",
            "HTTP/1.1 200 \u{e9}",
        ] {
            let want = re
                .captures(l)
                .and_then(|c| c.get(1))
                .and_then(|m| m.as_str().parse::<u16>().ok());
            assert_eq!(status_in_line(l), want, "{l:?}");
        }
    }
}
