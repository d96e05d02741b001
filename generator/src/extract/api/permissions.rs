//! Permissions / Prerequisites section → [`PermissionSet`]s.
//!
//! Forms (corpus-formats.md §4, §13.3):
//! - `Permission type | Permissions (from least to most privileged)` tables,
//!   also "most to least" (scopes reversed so they always read least first),
//!   header case variants and several value columns ("acting on self" /
//!   "acting on others": the column header becomes the qualifier);
//! - Intune per-workflow sub-rows: a kind row with an empty cell followed by
//!   `| &nbsp; &nbsp; **Policy Set** | scopes |` rows (qualifier = the bold text);
//! - matrix tables `Supported resource | Delegated (work...) | ... | Application`
//!   (qualifier = the resource cell);
//! - value cells: `Not supported.` and its spellings → `supported: false`;
//!   scopes separated by `, ` ` and ` ` or ` `<br/>`, with `*` footnote marks and
//!   a trailing `.`; TODO placeholders → nothing;
//! - historical italic lines `*A.B; C.D*` (kind Unspecified), inline after the
//!   sentence in 2016 pages;
//! - bullet lists `+ For ...: A.B, C.D` when there is no table.

use crate::extract::common::strip_todo;
use crate::ir::model::{PermissionKind, PermissionSet};
use crate::source::static_regex;
use crate::source::text::{contains_ci, plain_text, plain_text_cow, starts_with_ci, trim};
use crate::source::{Ctx, Page, SectionKind, Table};

/// Every permission set the page states, in page order.
pub fn permissions(page: &Page, ctx: &mut Ctx) -> Vec<PermissionSet> {
    let mut out = Vec::new();
    let mut seen_tables = Vec::new();
    for s in page.sections_of(SectionKind::Permissions) {
        let mut from_tables = false;
        for t in page.tables_in(s.start, s.end) {
            if seen_tables.contains(&t.line) {
                continue;
            }
            seen_tables.push(t.line);
            let sets = from_table(page, t, ctx);
            from_tables |= !sets.is_empty();
            out.extend(sets);
        }
        if !from_tables {
            out.extend(from_prose(page, s.start, s.end));
        }
    }
    out
}

/// The permission kind a row key or a column header names.
pub fn kind_of(cell: &str) -> Option<PermissionKind> {
    // Case-blind searches instead of a lowercased copy (a call per row).
    let t = plain_text_cow(cell);
    if contains_ci(&t, "delegated") && contains_ci(&t, "personal") {
        Some(PermissionKind::DelegatedPersonal)
    } else if contains_ci(&t, "delegated") {
        Some(PermissionKind::DelegatedWork)
    } else if starts_with_ci(&t, "application")
        || starts_with_ci(&t, "app-only")
        || starts_with_ci(&t, "app only")
    {
        Some(PermissionKind::Application)
    } else {
        None
    }
}

/// A value cell (its plain text) says the kind is not supported. Compared
/// case-blind in place: no lowercased copy per cell.
fn not_supported(plain: &str) -> bool {
    let t = plain.trim().trim_end_matches('.').trim();
    [
        "not supported",
        "none",
        "not applicable",
        "n/a",
        "na",
        "not available",
        "-",
    ]
    .iter()
    .any(|w| t.eq_ignore_ascii_case(w))
        || starts_with_ci(t, "not supported")
}

/// Scope names in a cell or line: dotted identifiers (`User.Read.All`),
/// footnote `*` and trailing `.` removed, prose words dropped.
pub fn scopes_in(text: &str, upper_first: bool) -> Vec<String> {
    scopes_in_plain(&plain_text_cow(text), upper_first)
}

/// [`scopes_in`] of text already made plain.
fn scopes_in_plain(plain: &str, upper_first: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tok in
        plain.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '/' | '|'))
    {
        let tok = tok.trim_matches(|c: char| matches!(c, '*' | '.' | ':' | '`' | '"' | '\''));
        let ok = is_scope_name(tok)
            && (!upper_first || tok.starts_with(|c: char| c.is_ascii_uppercase()));
        if ok && !out.iter().any(|o| o == tok) {
            out.push(tok.to_string());
        }
    }
    out
}

/// `User.Read.All`: what `^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$`
/// matches (all ASCII classes), by hand: a letter first, then words of
/// `[A-Za-z0-9_-]` joined by single dots, at least one dot.
fn is_scope_name(tok: &str) -> bool {
    let b = tok.as_bytes();
    b.first().is_some_and(u8::is_ascii_alphabetic)
        && b.contains(&b'.')
        && tok.split('.').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
        })
}

/// One value cell → a set, or `None` for empty/TODO cells.
fn cell_set(
    page: &Page,
    kind: PermissionKind,
    cell: &str,
    reverse: bool,
    qualifier: Option<String>,
    line: usize,
    ctx: &mut Ctx,
) -> Option<PermissionSet> {
    let text = strip_todo(cell)?;
    // Made plain once for both readings of the cell.
    let plain = plain_text_cow(&text);
    if not_supported(&plain) {
        return Some(PermissionSet {
            kind,
            scopes: Vec::new(),
            supported: false,
            qualifier,
            source: page.source(line),
        });
    }
    let mut scopes = scopes_in_plain(&plain, false);
    if scopes.is_empty() {
        ctx.warning(
            line,
            "permission-cell-unreadable",
            format!("permission cell `{}` names no scope; ignored", trim(cell)),
        );
        return None;
    }
    if reverse {
        scopes.reverse();
    }
    Some(PermissionSet {
        kind,
        scopes,
        supported: true,
        qualifier,
        source: page.source(line),
    })
}

fn from_table(page: &Page, t: &Table, ctx: &mut Ctx) -> Vec<PermissionSet> {
    let header_kinds: Vec<Option<PermissionKind>> = t.header.iter().map(|h| kind_of(h)).collect();
    let reverse = t
        .header
        .iter()
        .any(|h| contains_ci(&plain_text_cow(h), "most to least"));
    if header_kinds.iter().skip(1).any(Option::is_some) {
        return matrix(page, t, &header_kinds, reverse, ctx);
    }
    // Key column + value columns. The first header must look like a
    // permission-type column, else this is some other table.
    let first = t.header_text(0);
    if !(first.contains("permission") || first.contains("type") || first.contains("context")) {
        return Vec::new();
    }
    let value_cols: Vec<usize> = (1..t.header.len()).collect();
    let qualify_cols = value_cols.len() > 1;
    let mut out = Vec::new();
    let mut parent: Option<PermissionKind> = None;
    for row in &t.rows {
        let key = row.cell(0);
        let (kind, sub_qualifier) = match kind_of(key) {
            Some(k) => {
                parent = Some(k);
                (k, None)
            }
            None => match parent {
                // A workflow sub-row (`&nbsp; &nbsp; **Policy Set**`).
                Some(p) if !trim(key).is_empty() => (p, Some(plain_text(key))),
                _ => {
                    if !trim(key).is_empty() {
                        ctx.warning(
                            row.line,
                            "permission-kind-unknown",
                            format!(
                                "permission row `{}` names no permission type; skipped",
                                trim(key)
                            ),
                        );
                    }
                    continue;
                }
            },
        };
        for &c in &value_cols {
            let col_q =
                qualify_cols.then(|| plain_text(t.header.get(c).map(|h| h.as_ref()).unwrap_or("")));
            let qualifier = match (&sub_qualifier, col_q) {
                (Some(s), Some(c)) => Some(format!("{s}; {c}")),
                (Some(s), None) => Some(s.clone()),
                (None, c) => c,
            };
            if let Some(set) = cell_set(page, kind, row.cell(c), reverse, qualifier, row.line, ctx)
            {
                out.push(set);
            }
        }
    }
    out
}

/// `Supported resource | Delegated (work or school account) | ... | Application`.
fn matrix(
    page: &Page,
    t: &Table,
    header_kinds: &[Option<PermissionKind>],
    reverse: bool,
    ctx: &mut Ctx,
) -> Vec<PermissionSet> {
    let mut out = Vec::new();
    for row in &t.rows {
        let q = plain_text(row.cell(0));
        let qualifier = Some(q).filter(|q| !q.is_empty());
        for (c, k) in header_kinds.iter().enumerate().skip(1) {
            let Some(kind) = k else { continue };
            if let Some(set) = cell_set(
                page,
                *kind,
                row.cell(c),
                reverse,
                qualifier.clone(),
                row.line,
                ctx,
            ) {
                out.push(set);
            }
        }
    }
    out
}

/// Italic scope lines (`*A.B; C.D*`, kind Unspecified) and bullet lists.
fn from_prose(page: &Page, start: usize, end: usize) -> Vec<PermissionSet> {
    let mut out = Vec::new();
    for (i, line) in page.prose_in(start, end) {
        let l = trim(line);
        let italics: Vec<String> = static_regex!(r"(?:^|[^*])\*([^*\s][^*]*)\*(?:[^*]|$)")
            .captures_iter(l)
            .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
            .collect();
        let mut scopes: Vec<String> = Vec::new();
        for it in &italics {
            for s in scopes_in(it, false) {
                if !scopes.contains(&s) {
                    scopes.push(s);
                }
            }
        }
        if !scopes.is_empty() {
            out.push(PermissionSet {
                kind: PermissionKind::Unspecified,
                scopes,
                supported: true,
                qualifier: None,
                source: page.source(i),
            });
            continue;
        }
        // `+ For an application ...: A.B, C.D` bullets.
        if let Some(item) = static_regex!(r"^[-+*]\s+(.*)$")
            .captures(l)
            .and_then(|c| c.get(1))
        {
            let text = item.as_str();
            let after = text.rsplit_once(':').map(|(_, a)| a).unwrap_or(text);
            let scopes = scopes_in(after, true);
            if scopes.is_empty() {
                continue;
            }
            let lower = text.to_ascii_lowercase();
            let kind = if lower.contains("delegated") {
                PermissionKind::DelegatedWork
            } else if lower.contains("application") && lower.contains("app-only") {
                PermissionKind::Application
            } else {
                PermissionKind::Unspecified
            };
            let head = text.rsplit_once(':').map(|(h, _)| plain_text(h));
            out.push(PermissionSet {
                kind,
                scopes,
                supported: true,
                qualifier: head.filter(|h| !h.is_empty()),
                source: page.source(i),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_scope_names_are_the_regex_matches() {
        let re = regex::Regex::new(r"^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$").unwrap();
        for t in [
            "User.Read",
            "User.Read.All",
            "User",
            "",
            ".",
            "a.",
            ".a",
            "a..b",
            "a.b.",
            "1a.b",
            "a-b_c.D-9",
            "a.b c",
            "é.b",
            "a.é",
            "A.b*",
            "_a.b",
            "a._",
            "Mail.ReadWrite.Shared",
        ] {
            assert_eq!(is_scope_name(t), re.is_match(t), "{t:?}");
        }
    }

    #[test]
    fn kinds_read_case_blind() {
        assert_eq!(
            kind_of("**Delegated (personal Microsoft account)**"),
            Some(PermissionKind::DelegatedPersonal)
        );
        assert_eq!(
            kind_of("DELEGATED (work or school account)"),
            Some(PermissionKind::DelegatedWork)
        );
        assert_eq!(kind_of("App-only"), Some(PermissionKind::Application));
        assert_eq!(kind_of("Application"), Some(PermissionKind::Application));
        assert_eq!(kind_of("Other application"), None);
    }
}
