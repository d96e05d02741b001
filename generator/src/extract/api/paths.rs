//! One request line's path → [`OpPath`]: host and version stripped, query
//! string split off, segments typed (literal, key placeholder, cast, function
//! call, `$value`-style, drive `:/item-path:`), placeholder names made unique.
//!
//! Inputs seen in the corpus (corpus-formats.md §5.2, §13.3): `{x}`, `<x>`,
//! `{id | userPrincipalName}`, generic `{id}`/`<id>` repeated in one path,
//! `microsoft.graph[.ns].x` casts, `f(p='{x}')`, `range(<address>)`, `f()`,
//! `root:/{item-path}:`, `{id}$ref` (missing `/`), absolute URLs, `/beta/`
//! prefixes, `~/`, missing leading `/`, trailing `/`, `//` and query strings
//! containing spaces and parentheses.

use std::borrow::Cow;

use crate::ir::model::{FunctionArg, OpPath, Segment, Version};
use crate::ir::naming;
use crate::source::static_regex;
use crate::source::text::{contains_ci, trim};

/// A parsed path plus what the parser had to repair (for diagnostics).
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedPath {
    pub path: OpPath,
    /// The version named by an absolute URL or a `/beta/` prefix.
    pub version: Option<Version>,
    /// Repairs and oddities, each `(code, message)`; all are notes.
    pub notes: Vec<(&'static str, String)>,
}

/// Why a path could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError(pub String);

/// Is `s` a generator-failure "path" such as `** Collection URI for x not found`?
pub fn is_garbage(s: &str) -> bool {
    let t = trim(s);
    t.contains("**") || contains_ci(t, " not found") || t.is_empty()
}

/// Parse the path part of a request line (everything after the method).
pub fn parse_path(raw: &str, source: crate::ir::Source) -> Result<ParsedPath, PathError> {
    let raw_t = trim(raw);
    if is_garbage(raw_t) {
        return Err(PathError(format!("`{raw_t}` is not a request path")));
    }
    let mut notes = Vec::new();
    // Borrowed slices of the line until a repair needs a copy (most lines
    // need none).
    let (rest, version) = strip_host_and_version(raw_t, &mut notes);
    let rest = close_parens(&rest, &mut notes);
    let (path_part, query, trailing) = split_query(&rest);
    if let Some(t) = trailing {
        notes.push((
            "request-line-trailing-text",
            format!("text after the path ignored: `{t}`"),
        ));
    }
    let pieces = split_segments(path_part);
    // One segment a piece, nearly always.
    let mut segments = Vec::with_capacity(pieces.len());
    let mut empty_inner = false;
    let n = pieces.len();
    for (i, piece) in pieces.into_iter().enumerate() {
        match piece {
            Piece::Plain("") => {
                // Leading `/` gives an empty first piece, a trailing `/` an
                // empty last one; anything in between is a `//`.
                if i != 0 && i + 1 != n {
                    empty_inner = true;
                }
            }
            Piece::Plain(p) => classify(p, &mut notes, &mut segments),
            Piece::ItemPath(inner) => segments.push(item_path(inner)),
        }
    }
    if empty_inner {
        notes.push((
            "path-double-slash",
            "empty path segment (`//`) collapsed".to_string(),
        ));
    }
    if segments.is_empty() {
        return Err(PathError(format!("`{raw_t}` has no path segments")));
    }
    name_params(&mut segments);
    let template = render_template(&segments);
    Ok(ParsedPath {
        path: OpPath {
            raw: raw_t.to_string(),
            template,
            segments,
            query,
            source,
        },
        version,
        notes,
    })
}

/// `https://graph.microsoft.com/beta/x` → `/x` (Beta); `/v1.0/x` → `/x`;
/// `~/x` → `/x`; `x` → `/x`.
fn strip_host_and_version<'a>(
    s: &'a str,
    notes: &mut Vec<(&'static str, String)>,
) -> (Cow<'a, str>, Option<Version>) {
    let mut rest = s;
    // Anchored on a first char: check it before the regex.
    let url = rest
        .starts_with(['h', 'H'])
        .then(|| static_regex!(r"(?i)^https?://[^/?\s]*").find(rest))
        .flatten();
    if let Some(c) = url {
        notes.push((
            "path-absolute-url",
            format!("host `{}` removed from the path", c.as_str()),
        ));
        rest = rest.get(c.end()..).unwrap_or_default();
    }
    if let Some(r) = rest.strip_prefix('~') {
        rest = r;
    }
    let rest: Cow<str> = if rest.starts_with('/') {
        Cow::Borrowed(rest)
    } else {
        Cow::Owned(format!("/{rest}"))
    };
    // `^/(beta|v1\.0)(/|$|\?)`, by hand (literal prefixes): the version
    // segment is cut, its `/` kept.
    let version = [("/beta", Version::Beta), ("/v1.0", Version::V1_0)]
        .into_iter()
        .find(|(prefix, _)| {
            rest.strip_prefix(prefix)
                .is_some_and(|after| after.is_empty() || after.starts_with(['/', '?']))
        });
    let Some((prefix, version)) = version else {
        return (rest, None);
    };
    let cut = |r: &str| r.get(prefix.len()..).unwrap_or_default().to_string();
    let rest = match rest {
        Cow::Borrowed(r) => Cow::Borrowed(r.get(prefix.len()..).unwrap_or_default()),
        Cow::Owned(r) => Cow::Owned(cut(&r)),
    };
    if rest.is_empty() {
        return (Cow::Borrowed("/"), Some(version));
    }
    (rest, Some(version))
}

/// `range(address='<address>'/entireRow`: a function call whose `)` is
/// missing is closed before the next `/`.
fn close_parens<'a>(s: &'a str, notes: &mut Vec<(&'static str, String)>) -> Cow<'a, str> {
    let path_end = memchr::memchr(b'?', s.as_bytes()).unwrap_or(s.len());
    let path = s.as_bytes().get(..path_end).unwrap_or_default();
    let count = |c: u8| path.iter().filter(|&&b| b == c).count();
    // Most paths hold no `(`: one vectorised search settles them.
    if memchr::memchr(b'(', path).is_none() || count(b'(') <= count(b')') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 1);
    let mut depth = 0i32;
    let mut repaired = false;
    for (i, c) in s.char_indices() {
        if i >= path_end {
            out.push_str(&s[i..]);
            break;
        }
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '/' if depth > 0 && !repaired => {
                out.push(')');
                depth -= 1;
                repaired = true;
            }
            _ => {}
        }
        out.push(c);
    }
    if repaired {
        notes.push((
            "path-unbalanced-paren",
            "function call without `)`: closed before the next `/`".to_string(),
        ));
    }
    Cow::Owned(out)
}

/// Split off the query string at the first `?` outside brackets and quotes.
/// The path part ends at the first blank outside brackets (text after it,
/// when there is no query, is returned as trailing text).
fn split_query(s: &str) -> (&str, Option<String>, Option<String>) {
    let mut depth = 0i32;
    let mut quote = false;
    // By bytes, skipping through a table the bytes that change nothing (the
    // ASCII bulk of every path); a non-ASCII char is decoded at its first
    // byte, for the blank test.
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if !is_marked(&QUERY_STOPS, b) {
            continue;
        }
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => c,
                None => continue, // Inside a char.
            }
        };
        match c {
            '\'' => quote = !quote,
            '(' | '{' | '<' | '[' if !quote => depth += 1,
            ')' | '}' | '>' | ']' if !quote => depth -= 1,
            '?' if depth <= 0 && !quote => {
                let q = trim(&s[i + 1..]).to_string();
                return (&s[..i], Some(q).filter(|q| !q.is_empty()), None);
            }
            c if c.is_whitespace() && depth <= 0 && !quote => {
                let tail = trim(&s[i..]);
                // `GET /x ?$select=a` : a blank before the query.
                if let Some(q) = tail.strip_prefix('?') {
                    return (&s[..i], Some(trim(q).to_string()), None);
                }
                let tail = Some(tail.to_string()).filter(|t| !t.is_empty());
                return (&s[..i], None, tail);
            }
            _ => {}
        }
    }
    (s, None, None)
}

/// The bytes [`split_query`] reads: quotes, brackets, `?`, the ASCII blanks
/// (`char::is_whitespace`) and every non-ASCII byte.
static QUERY_STOPS: [bool; 256] = byte_set(b"'({<[)}>]?\t\n\x0b\x0c\r ", true);

/// The bytes [`split_segments`] reads: quotes, brackets, `:` and `/`.
static SEGMENT_STOPS: [bool; 256] = byte_set(b"'({<[)}>]:/", false);

/// A byte table marking `bytes`, and every byte from 0x80 when `non_ascii`.
const fn byte_set(bytes: &[u8], non_ascii: bool) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        set[bytes[i] as usize] = true;
        i += 1;
    }
    let mut b = 0x80;
    while non_ascii && b < 256 {
        set[b] = true;
        b += 1;
    }
    set
}

/// Whether `set` marks `b` (a `u8` index: always in bounds).
fn is_marked(set: &[bool; 256], b: u8) -> bool {
    set[usize::from(b)]
}

/// A piece of the path between `/`s, or a drive path `:/...:`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece<'a> {
    Plain(&'a str),
    /// The text between `:` and the closing `:` (`/{item-path}`).
    ItemPath(&'a str),
}

/// Split on `/` outside brackets and quotes; `x:/a/b:` gives `x`, then an
/// item path `/a/b`. Byte scanning is exact: every char it looks for is
/// ASCII, so every cut falls on a char boundary.
fn split_segments(path: &str) -> Vec<Piece<'_>> {
    let b = path.as_bytes();
    let piece = |from: usize, to: usize| path.get(from..to).unwrap_or("");
    let mut out = Vec::new();
    let (mut start, mut depth, mut quote) = (0, 0i32, false);
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if !is_marked(&SEGMENT_STOPS, c) {
            i += 1;
            continue;
        }
        match c {
            b'\'' => quote = !quote,
            b'(' | b'{' | b'<' | b'[' if !quote => depth += 1,
            b')' | b'}' | b'>' | b']' if !quote => depth -= 1,
            b':' if depth <= 0 && !quote && b.get(i + 1) == Some(&b'/') => {
                // Drive path: up to the next `:` at depth 0 (or the end).
                out.push(Piece::Plain(piece(start, i)));
                let mut j = i + 1;
                let mut d = 0i32;
                while let Some(&cj) = b.get(j) {
                    if cj == b':' && d <= 0 {
                        break;
                    }
                    match cj {
                        b'{' | b'(' | b'<' => d += 1,
                        b'}' | b')' | b'>' => d -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                out.push(Piece::ItemPath(piece(i + 1, j)));
                // Skip the closing `:` and the `/` after it (`...:/content`).
                i = j + 1;
                if b.get(i) == Some(&b'/') {
                    i += 1;
                }
                start = i;
                continue;
            }
            b'/' if depth <= 0 && !quote => {
                out.push(Piece::Plain(piece(start, i)));
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(Piece::Plain(piece(start, path.len())));
    out
}

/// `{a | b}` / `<a>` → the alternatives (`["a", "b"]`), or `None` when `s`
/// is not a placeholder.
fn placeholder(s: &str) -> Option<Vec<String>> {
    let t = trim(s);
    let t = t
        .strip_prefix('\'')
        .and_then(|x| x.strip_suffix('\''))
        .unwrap_or(t);
    let inner = t
        .strip_prefix('{')
        .and_then(|x| x.strip_suffix('}'))
        .or_else(|| t.strip_prefix('<').and_then(|x| x.strip_suffix('>')))?;
    let alts: Vec<String> = inner
        .split('|')
        .map(|a| trim(a).to_string())
        .filter(|a| !a.is_empty())
        .collect();
    (!alts.is_empty()).then_some(alts)
}

/// `team-id` / `id_value` / `path and filename` → `teamId`, `idValue`,
/// `pathAndFilename` (inner capitals kept: `deviceCompliancePolicyId`).
pub fn ident_of(s: &str) -> String {
    // By bytes, into one allocation (this names every path parameter): the
    // words are runs of ASCII alphanumerics, and every byte of a non-ASCII
    // char is >= 0x80, so non-ASCII chars separate words as before.
    let mut out = String::with_capacity(s.len());
    let mut word_start = true;
    for &b in s.as_bytes() {
        if !b.is_ascii_alphanumeric() {
            word_start = true;
            continue;
        }
        let c = char::from(b);
        out.push(match (word_start, out.is_empty()) {
            (true, true) => c.to_ascii_lowercase(),
            (true, false) => c.to_ascii_uppercase(),
            (false, _) => c,
        });
        word_start = false;
    }
    if out.is_empty() {
        "id".to_string()
    } else {
        out
    }
}

/// Generic key names that say nothing: named after the collection instead.
fn is_generic(name: &str) -> bool {
    if !name.is_ascii() {
        // Unicode digits and case folds: leave those to the regex.
        return static_regex!(r"^(?i)(id\d*|key)$").is_match(name);
    }
    let b = name.as_bytes();
    name.eq_ignore_ascii_case("key")
        || (b.len() >= 2
            && b[..2].eq_ignore_ascii_case(b"id")
            && b[2..].iter().all(u8::is_ascii_digit))
}

/// One path piece → segments pushed to `out` (usually one; `{id}$ref`
/// gives two).
fn classify(p: &str, notes: &mut Vec<(&'static str, String)>, out: &mut Vec<Segment>) {
    let p = trim(p);
    if let Some(name) = p.strip_prefix('$') {
        out.push(Segment::Dollar {
            name: name.to_string(),
        });
        return;
    }
    if let Some(alts) = placeholder(p) {
        out.push(param(p, alts));
        return;
    }
    // `{id}$ref`, `{managedDeviceId}rebootNow`: a placeholder glued to the
    // next segment (missing `/`).
    // Each pattern below is anchored on a literal first or last char: the
    // byte checks skip the regexes for plain literal segments.
    let glued = p
        .starts_with(['{', '<'])
        .then(|| static_regex!(r"^(\{[^}]*\}|<[^>]*>)(\$?[A-Za-z]\w*)$").captures(p))
        .flatten();
    if let Some(c) = glued {
        let ph = c.get(1).map(|m| m.as_str()).unwrap_or("");
        let next = c.get(2).map(|m| m.as_str()).unwrap_or("");
        notes.push(("path-missing-slash", format!("`{p}` read as `{ph}/{next}`")));
        if let Some(alts) = placeholder(ph) {
            out.push(param(ph, alts));
        }
        classify(next, notes, out);
        return;
    }
    if let Some((name, args)) = p.ends_with(')').then(|| function_call(p)).flatten() {
        out.push(Segment::Function {
            name: name.to_string(),
            args: function_args(args),
        });
        return;
    }
    if let Some((namespace, type_name)) =
        p.starts_with("microsoft.graph").then(|| cast(p)).flatten()
    {
        out.push(Segment::Cast {
            namespace: namespace.to_string(),
            type_name: type_name.to_string(),
        });
        return;
    }
    if p.contains('{') || p.contains('<') {
        notes.push((
            "path-segment-mixed",
            format!("segment `{p}` mixes text and a placeholder; read as a key placeholder"),
        ));
        let inner = static_regex!(r"\{([^}]*)\}|<([^>]*)>")
            .captures(p)
            .and_then(|c| c.get(1).or_else(|| c.get(2)))
            .map(|m| m.as_str().to_string())
            .unwrap_or_default();
        out.push(param(p, vec![trim(&inner).to_string()]));
        return;
    }
    out.push(Segment::Literal {
        name: p.to_string(),
    });
}

/// `microsoft.graph[.ns].x` → (`microsoft.graph[.ns]`, `x`): what
/// `^(microsoft\.graph(?:\.[A-Za-z]\w*)*)\.([A-Za-z]\w*)$` captures, by
/// hand for ASCII pieces (others go to the regex, whose `\w` is Unicode).
/// `\w` holds no `.`, so the dots split the words one way only.
fn cast(p: &str) -> Option<(&str, &str)> {
    if !p.is_ascii() {
        let c =
            static_regex!(r"^(microsoft\.graph(?:\.[A-Za-z]\w*)*)\.([A-Za-z]\w*)$").captures(p)?;
        return Some((c.get(1)?.as_str(), c.get(2)?.as_str()));
    }
    let rest = p.strip_prefix("microsoft.graph.")?;
    let word_ok = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_alphabetic())
            && w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    };
    if !rest.split('.').all(word_ok) {
        return None;
    }
    let dot = p.rfind('.')?;
    Some((p.get(..dot)?, p.get(dot + 1..)?))
}

/// `name(args)` → (name, args): what `^([A-Za-z_$][\w.$-]*)\s*\((.*)\)$`
/// captures, by hand for ASCII one-line pieces (others go to the regex,
/// whose `\w` and `\s` are Unicode).
fn function_call(p: &str) -> Option<(&str, &str)> {
    if !p.is_ascii() || p.contains('\n') {
        let c = static_regex!(r"^([A-Za-z_$][\w.$-]*)\s*\((.*)\)$").captures(p)?;
        return Some((c.get(1)?.as_str(), c.get(2)?.as_str()));
    }
    let b = p.as_bytes();
    let starts_name = b
        .first()
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'_' | b'$'));
    if !starts_name {
        return None;
    }
    let n = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'$' | b'-'))
        .count();
    let rest = p[n..].trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b');
    let args = rest.strip_prefix('(')?.strip_suffix(')')?;
    Some((&p[..n], args))
}

fn param(raw: &str, alts: Vec<String>) -> Segment {
    let name = alts.first().map(|a| ident_of(a)).unwrap_or_default();
    Segment::Param {
        name,
        alternatives: if alts.len() > 1 { alts } else { Vec::new() },
        raw: trim(raw).to_string(),
    }
}

/// `p='{x}', b=1` / `<address>` / `` → arguments.
fn function_args(s: &str) -> Vec<FunctionArg> {
    let mut args = Vec::new();
    for part in split_top_level(s, ',') {
        let part = trim(&part).to_string();
        if part.is_empty() {
            continue;
        }
        let (name, value) = match static_regex!(r"^([A-Za-z_][\w.-]*)\s*=\s*(.*)$").captures(&part)
        {
            Some(c) => (
                c.get(1).map(|m| m.as_str().to_string()),
                c.get(2)
                    .map(|m| trim(m.as_str()).to_string())
                    .unwrap_or_default(),
            ),
            None => (None, part.clone()),
        };
        let unquoted = value.trim_matches('\'');
        // Template pages write `f(on='parameterValue')`, `f(count=n)`,
        // `f(x=x-value)`: OData literals are quoted, numbers, booleans,
        // null or namespaced enums, so a bare word is a placeholder.
        let bare_word = static_regex!(r"^[A-Za-z_][\w-]*$").is_match(&value)
            && !matches!(value.as_str(), "true" | "false" | "null");
        let generic_value = matches!(unquoted, "parameterValue" | "value") || bare_word;
        if let Some(alts) = placeholder(&value) {
            // Named arguments are named by the argument (the function
            // parameters table uses those names); positional ones by the
            // placeholder.
            let ph = alts.first().cloned().unwrap_or_default();
            let pname = match &name {
                Some(n) => ident_of(n),
                None => ident_of(&ph),
            };
            args.push(FunctionArg {
                name,
                is_param: true,
                value: pname,
            });
        } else if generic_value && name.is_some() {
            let pname = ident_of(name.as_deref().unwrap_or("value"));
            args.push(FunctionArg {
                name,
                is_param: true,
                value: pname,
            });
        } else {
            args.push(FunctionArg {
                name,
                is_param: false,
                value,
            });
        }
    }
    args
}

/// Split on `sep` outside quotes and brackets.
fn split_top_level(s: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    let mut quote = false;
    for c in s.chars() {
        match c {
            '\'' => {
                quote = !quote;
                cur.push(c);
            }
            '(' | '{' | '<' | '[' if !quote => {
                depth += 1;
                cur.push(c);
            }
            ')' | '}' | '>' | ']' if !quote => {
                depth -= 1;
                cur.push(c);
            }
            c if c == sep && depth <= 0 && !quote => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// `/{item-path}` → an item-path segment named from its placeholder.
fn item_path(inner: &str) -> Segment {
    let name = static_regex!(r"\{([^}|]*)|<([^>|]*)")
        .captures(inner)
        .and_then(|c| c.get(1).or_else(|| c.get(2)))
        .map(|m| ident_of(m.as_str()))
        .unwrap_or_else(|| "itemPath".to_string());
    Segment::ItemPath {
        name,
        raw: inner.to_string(),
    }
}

/// Name generic placeholders from the collection before them and make every
/// parameter name unique within the path (function-argument parameters too).
fn name_params(segments: &mut [Segment]) {
    // The index of the literal before the current segment (not a copy of
    // its name: most literals are never asked for).
    let mut prev_literal: Option<usize> = None;
    let mut seen: Vec<String> = Vec::new();
    for i in 0..segments.len() {
        let (before, rest) = segments.split_at_mut(i);
        let Some(seg) = rest.first_mut() else {
            break;
        };
        let prev_name = prev_literal.and_then(|k| match before.get(k) {
            Some(Segment::Literal { name }) => Some(name.as_str()),
            _ => None,
        });
        match seg {
            Segment::Literal { .. } => prev_literal = Some(i),
            Segment::Param { name, .. } => {
                // Generic keys, and a named key repeated for another
                // collection (`.../networkAccessConfigurations/{deviceConfigurationId}`),
                // are named from the collection before them.
                if is_generic(name) || seen.contains(name) {
                    if let Some(coll) = prev_name {
                        let from_coll = format!("{}Id", ident_of(&naming::singular(coll)));
                        // (A generic key always takes the collection name,
                        // numbered later if taken.)
                        if is_generic(name) || !seen.contains(&from_coll) {
                            *name = from_coll;
                        }
                    }
                }
                seen.push(name.clone());
                prev_literal = None;
            }
            Segment::Function { name: fname, args } => {
                // `worksheets(<id|name>)`: a key in parentheses.
                if let [a] = args.as_mut_slice() {
                    if a.is_param && a.name.is_none() && is_generic(&a.value) {
                        a.value = format!("{}Id", ident_of(&naming::singular(fname)));
                    }
                }
                prev_literal = None;
            }
            _ => prev_literal = None,
        }
    }
    // Unique names: first keeps its name, later ones get 2, 3...
    let names: Vec<String> = {
        let names = path_param_names(segments);
        // Distinct names (nearly every path) stay as they are.
        let repeated = names.iter().enumerate().any(|(i, (n, _))| {
            names
                .get(..i)
                .is_some_and(|b| b.iter().any(|(m, _)| m == n))
        });
        if !repeated {
            return;
        }
        names.into_iter().map(|(n, _)| n.to_string()).collect()
    };
    let (unique, _) = naming::uniquify(&names);
    let mut it = unique.into_iter();
    for seg in segments.iter_mut() {
        match seg {
            Segment::Param { name, .. } | Segment::ItemPath { name, .. } => {
                if let Some(u) = it.next() {
                    *name = u;
                }
            }
            Segment::Function { args, .. } => {
                for a in args.iter_mut().filter(|a| a.is_param) {
                    if let Some(u) = it.next() {
                        a.value = u;
                    }
                }
            }
            _ => {}
        }
    }
}

/// Every parameter name of a path in order, function arguments included.
pub fn path_param_names(segments: &[Segment]) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    for s in segments {
        match s {
            Segment::Param { name, .. } | Segment::ItemPath { name, .. } => {
                out.push((name.as_str(), false))
            }
            Segment::Function { args, .. } => {
                out.extend(
                    args.iter()
                        .filter(|a| a.is_param)
                        .map(|a| (a.value.as_str(), true)),
                );
            }
            _ => {}
        }
    }
    out
}

/// The normalised template: `/a/{b}/microsoft.graph.c/f(x={x})/$value`.
pub fn render_template(segments: &[Segment]) -> String {
    // Written into one string (no string per segment or argument).
    let mut out = String::with_capacity(64);
    for s in segments {
        match s {
            Segment::ItemPath { name, .. } => {
                out.push_str(":/{");
                out.push_str(name);
                out.push_str("}:");
            }
            other => {
                out.push('/');
                write_segment(&mut out, other);
            }
        }
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// Append the template text of one segment to `out`.
fn write_segment(out: &mut String, s: &Segment) {
    match s {
        Segment::Literal { name } => out.push_str(name),
        Segment::Param { name, .. } => {
            out.push('{');
            out.push_str(name);
            out.push('}');
        }
        Segment::Cast {
            namespace,
            type_name,
        } => {
            out.push_str(namespace);
            out.push('.');
            out.push_str(type_name);
        }
        Segment::Function { name, args } => {
            out.push_str(name);
            out.push('(');
            for (k, a) in args.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                if let Some(n) = &a.name {
                    out.push_str(n);
                    out.push('=');
                }
                if a.is_param {
                    out.push('{');
                    out.push_str(&a.value);
                    out.push('}');
                } else {
                    out.push_str(&a.value);
                }
            }
            out.push(')');
        }
        Segment::Dollar { name } => {
            out.push('$');
            out.push_str(name);
        }
        Segment::ItemPath { name, .. } => {
            out.push_str(":/{");
            out.push_str(name);
            out.push_str("}:");
        }
    }
}

#[cfg(test)]
mod call_tests {
    use super::*;

    /// `ident_of` by bytes reads as the char-by-char version it replaced.
    #[test]
    fn identifiers_read_as_the_char_version() {
        fn by_chars(s: &str) -> String {
            let mut out = String::new();
            let words = s.split(|c: char| !c.is_ascii_alphanumeric());
            for (k, w) in words.filter(|w| !w.is_empty()).enumerate() {
                let mut cs = w.chars();
                if let Some(f) = cs.next() {
                    out.push(if k == 0 {
                        f.to_ascii_lowercase()
                    } else {
                        f.to_ascii_uppercase()
                    });
                    out.extend(cs);
                }
            }
            if out.is_empty() {
                "id".to_string()
            } else {
                out
            }
        }
        for s in [
            "team-id",
            "id_value",
            "path and filename",
            "deviceCompliancePolicyId",
            "",
            "--",
            "é-x",
            "aé b",
            "ID",
            "  User Principal Name ",
            "x\u{a0}y",
            "9abc-def",
        ] {
            assert_eq!(ident_of(s), by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn casts_read_as_the_regex_reads_them() {
        let re =
            regex::Regex::new(r"^(microsoft\.graph(?:\.[A-Za-z]\w*)*)\.([A-Za-z]\w*)$").unwrap();
        for p in [
            "microsoft.graph.user",
            "microsoft.graph.callRecords.session",
            "microsoft.graph",
            "microsoft.graph.",
            "microsoft.graphx.user",
            "microsoft.graph.1x",
            "microsoft.graph.a..b",
            "microsoft.graph.a_1.B2",
            "microsoft.graph.a-b",
            "microsoft.graph.\u{e9}t\u{e9}",
            "microsoft.graph.x\u{e9}",
            "microsoft.graph.x.",
        ] {
            let want = re.captures(p).map(|c| (c[1].to_string(), c[2].to_string()));
            let got = cast(p).map(|(n, t)| (n.to_string(), t.to_string()));
            assert_eq!(got, want, "{p:?}");
        }
    }

    #[test]
    fn function_calls_read_as_the_regex_reads_them() {
        let re = regex::Regex::new(r"^([A-Za-z_$][\w.$-]*)\s*\((.*)\)$").unwrap();
        for p in [
            "f()",
            "range(address='A1:B2')",
            "getByPath(path='{path}')",
            "microsoft.graph.delta()",
            "$x-y.z (a)",
            "f\t\x0b(a(b))",
            "a b(c)",
            "1f(x)",
            "f(x",
            "f)",
            "(x)",
            "f(x)y)",
            "f(\u{e9})",
            "f\u{e9}(x)",
            "f(a\nb)",
        ] {
            let want = re.captures(p).map(|c| (c[1].to_string(), c[2].to_string()));
            let got = function_call(p).map(|(n, a)| (n.to_string(), a.to_string()));
            assert_eq!(got, want, "{p:?}");
        }
    }

    /// [`split_query`] before the byte table: every char looked at.
    fn split_query_reference(s: &str) -> (&str, Option<String>, Option<String>) {
        let (mut depth, mut quote) = (0i32, false);
        for (i, c) in s.char_indices() {
            match c {
                '\'' => quote = !quote,
                '(' | '{' | '<' | '[' if !quote => depth += 1,
                ')' | '}' | '>' | ']' if !quote => depth -= 1,
                '?' if depth <= 0 && !quote => {
                    let q = trim(&s[i + 1..]).to_string();
                    return (&s[..i], Some(q).filter(|q| !q.is_empty()), None);
                }
                c if c.is_whitespace() && depth <= 0 && !quote => {
                    let tail = trim(&s[i..]);
                    if let Some(q) = tail.strip_prefix('?') {
                        return (&s[..i], Some(trim(q).to_string()), None);
                    }
                    let tail = Some(tail.to_string()).filter(|t| !t.is_empty());
                    return (&s[..i], None, tail);
                }
                _ => {}
            }
        }
        (s, None, None)
    }

    /// [`split_segments`] before the byte table: every byte looked at.
    fn split_segments_reference(path: &str) -> Vec<Piece<'_>> {
        let b = path.as_bytes();
        let piece = |from: usize, to: usize| path.get(from..to).unwrap_or("");
        let mut out = Vec::new();
        let (mut start, mut depth, mut quote) = (0, 0i32, false);
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            match c {
                b'\'' => quote = !quote,
                b'(' | b'{' | b'<' | b'[' if !quote => depth += 1,
                b')' | b'}' | b'>' | b']' if !quote => depth -= 1,
                b':' if depth <= 0 && !quote && b.get(i + 1) == Some(&b'/') => {
                    out.push(Piece::Plain(piece(start, i)));
                    let mut j = i + 1;
                    let mut d = 0i32;
                    while let Some(&cj) = b.get(j) {
                        if cj == b':' && d <= 0 {
                            break;
                        }
                        match cj {
                            b'{' | b'(' | b'<' => d += 1,
                            b'}' | b')' | b'>' => d -= 1,
                            _ => {}
                        }
                        j += 1;
                    }
                    out.push(Piece::ItemPath(piece(i + 1, j)));
                    i = j + 1;
                    if b.get(i) == Some(&b'/') {
                        i += 1;
                    }
                    start = i;
                    continue;
                }
                b'/' if depth <= 0 && !quote => {
                    out.push(Piece::Plain(piece(start, i)));
                    start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        out.push(Piece::Plain(piece(start, path.len())));
        out
    }

    #[test]
    fn paths_split_as_the_char_by_char_reading_split_them() {
        for s in [
            "",
            "/",
            "//",
            "/me/drive/root:/folder/file.txt:/content",
            "/drives/{drive-id}/root:/{item-path}:",
            "/x:/a/b",
            "/users/{id | userPrincipalName}/messages?$select=subject",
            "/x ?$select=a",
            "/x   trailing text",
            "/x\tq",
            "/x\u{a0}nbsp tail",
            "/x\u{2003}em?$top=1",
            "/caf\u{e9}/\u{1f600}/y",
            "/range(address='A1:B2 x')/f?$q='a b'",
            "/f(p='{x}', q=<y>)/g",
            "/a[0]/b?c",
            "/unclosed('x/y?z",
            "/deep)))/x y",
            "/a\x0b b",
            "/\u{85}next",
            "/x:",
            "/x:/",
            "é",
        ] {
            assert_eq!(split_query(s), split_query_reference(s), "{s:?}");
            assert_eq!(split_segments(s), split_segments_reference(s), "{s:?}");
        }
    }
}
