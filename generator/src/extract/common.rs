//! Helpers every extractor uses: property tables → [`Property`]s, the page's
//! version, HTTP-request detection, and small name helpers. The API extractor
//! builds on these too (request-body tables are property tables).

use super::prose;
use super::types::parse_type_cell;
use crate::ir::model::{Property, Source, Version};
use crate::source::text::{plain_text, plain_text_cow, plain_text_of_collapsed, trim};
use crate::source::{static_finder, static_regex};
use crate::source::{Column, Ctx, LineKind, Page, Row, SectionKind, Table};

pub use super::prose::{possible_values, read as read_prose, strip_todo, PossibleValue, Prose};
pub use super::types::{normalize_name, primitive, TypeRef};

/// Column indexes of a property-like table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PropertyColumns {
    pub name: usize,
    pub type_col: Option<usize>,
    pub description: Option<usize>,
    pub required: Option<usize>,
}

/// The columns of `t` if it is a property/parameter table: a name column
/// (`Property`, `Name`, `Parameter`, `Relationship`...) and a `Type` column.
/// `Member`/`Value` tables (enum members) and `Method` tables are not.
pub fn property_columns(t: &Table) -> Option<PropertyColumns> {
    let cols = t.columns();
    let name = cols.iter().position(|c| *c == Column::Name)?;
    let head = t.header_text(name);
    if head.starts_with("member") || head.starts_with("method") {
        return None;
    }
    let type_col = cols.iter().position(|c| *c == Column::Type)?;
    Some(PropertyColumns {
        name,
        type_col: Some(type_col),
        description: cols.iter().position(|c| *c == Column::Description),
        required: cols.iter().position(|c| *c == Column::Required),
    })
}

/// A property/parameter name cell → the name: markdown removed, first word,
/// trailing punctuation dropped. `None` when it is not an identifier (group
/// rows such as `**Calendar**` with empty cells are filtered by the caller).
pub fn clean_name(cell: &str) -> Option<String> {
    name_of_plain(&plain_text_cow(cell))
}

/// [`clean_name`] of a table row's cell, which cleaning already collapsed
/// (so its plain text needs no second collapse).
fn clean_name_of_cell(cell: &str) -> Option<String> {
    name_of_plain(&plain_text_of_collapsed(cell))
}

/// The name in the plain text of a name cell.
fn name_of_plain(text: &str) -> Option<String> {
    let first = text.split_whitespace().next().unwrap_or("");
    let first = first
        .trim_end_matches([',', ':', ';', '*', '.'])
        .trim_start_matches(['*', '_']);
    is_name_word(first).then(|| first.to_string())
}

/// `^[@$A-Za-z_][A-Za-z0-9_@.#$-]*$`, by hand (it runs on every table row).
fn is_name_word(w: &str) -> bool {
    let mut bytes = w.bytes();
    let first_ok = bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'@' | b'$' | b'_'));
    first_ok
        && bytes.all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'_' | b'@' | b'.' | b'#' | b'$' | b'-')
        })
}

/// Whether a Required column cell says yes.
fn required_cell(cell: &str) -> bool {
    let c = plain_text(cell).to_ascii_lowercase();
    matches!(
        c.trim_end_matches('.'),
        "yes" | "y" | "true" | "required" | "✓" | "x"
    )
}

/// One table row → a [`Property`]; `None` for group/blank rows and rows whose
/// name cell is not an identifier (a diagnostic says so).
pub fn property_from_row(
    page: &Page,
    cols: &PropertyColumns,
    row: &Row,
    navigation: bool,
    ctx: &mut Ctx,
) -> Option<Property> {
    let name_cell = row.cell(cols.name);
    let type_cell = cols.type_col.map(|i| row.cell(i)).unwrap_or("");
    let desc_cell = cols.description.map(|i| row.cell(i)).unwrap_or("");
    if trim(type_cell).is_empty() && trim(desc_cell).is_empty() {
        return None; // a group heading row such as `| **Calendar** | | |`
    }
    let Some(name) = clean_name_of_cell(name_cell) else {
        if !trim(name_cell).is_empty() {
            ctx.warning(
                row.line,
                "property-name-invalid",
                format!(
                    "property name cell `{}` is not a name; row skipped",
                    trim(name_cell)
                ),
            );
        }
        return None;
    };
    let ty = parse_type_cell(type_cell);
    if ty.name.is_empty() {
        ctx.warning(
            row.line,
            "property-type-missing",
            format!("property `{name}` has no readable type (`{type_cell}`); kept as String"),
        );
    }
    let p = prose::read_cell(desc_cell);
    let required = p.required || cols.required.is_some_and(|i| required_cell(row.cell(i)));
    Some(Property {
        name,
        type_name: if ty.name.is_empty() {
            "String".to_string()
        } else {
            ty.name
        },
        raw_type: ty.raw,
        collection: ty.collection,
        nullable: p.nullable,
        read_only: p.read_only,
        required,
        navigation,
        description: p.description,
        possible_values: p.possible_values.into_iter().map(|v| v.name).collect(),
        supports: p.supports,
        select_only: p.select_only,
        from_json: false,
        inferred_from_path: false,
        source: page.source(row.line),
    })
}

/// Every row of a property table as [`Property`]s (for Properties,
/// Relationships and request-body tables).
pub fn properties_from_table(
    page: &Page,
    t: &Table,
    navigation: bool,
    ctx: &mut Ctx,
) -> Vec<Property> {
    let Some(cols) = property_columns(t) else {
        return Vec::new();
    };
    t.rows
        .iter()
        .filter_map(|r| property_from_row(page, &cols, r, navigation, ctx))
        .collect()
}

/// The version a page belongs to, and how it was found:
/// 1. a `beta` or `v1.0` folder in its path (the nearest one);
/// 2. else the example URLs (`https://graph.microsoft.com/beta/...`), by majority;
/// 3. else the beta notice (`[!INCLUDE [beta-disclaimer]`, "APIs under the /beta version");
/// 4. else `None` (merge decides).
pub fn page_version(page: &Page) -> (Option<Version>, &'static str) {
    let from_path = page
        .file
        .split(['/', '\\'])
        .rev()
        .skip(1)
        .find_map(|c| match c {
            "beta" => Some(Version::Beta),
            "v1.0" => Some(Version::V1_0),
            _ => None,
        });
    if from_path.is_some() {
        return (from_path, "folder");
    }
    // Whole-text searches find the few lines to look at: most pages name
    // no URL at all.
    let (mut beta, mut v1) = (0usize, 0usize);
    for i in page
        .lines
        .lines_containing(static_finder!("graph.microsoft.com/"))
    {
        let l = &page.lines[i];
        for c in static_regex!(r"graph\.microsoft\.com/(beta|v1\.0)\b").captures_iter(l) {
            match c.get(1).map(|m| m.as_str()) {
                Some("beta") => beta += 1,
                _ => v1 += 1,
            }
        }
    }
    if beta + v1 > 0 {
        return (
            Some(if beta > v1 {
                Version::Beta
            } else {
                Version::V1_0
            }),
            "example-url",
        );
    }
    let is_text = |i: usize| page.kinds.get(i) == Some(&LineKind::Text);
    let notice = page
        .lines
        .lines_containing(static_finder!("[!INCLUDE [beta-disclaimer]"))
        .any(is_text)
        || page
            .lines
            .lines_containing(static_finder!("APIs under the /beta version"))
            .any(is_text);
    if notice {
        return (Some(Version::Beta), "beta-notice");
    }
    (None, "none")
}

/// The namespace a page states: its `Namespace: microsoft.graph.x` line
/// (docs pages carry one under the H1), else the namespace part of its
/// resource annotation's `@odata.type` (`microsoft.graph.callRecords.endpoint`
/// → `microsoft.graph.callRecords`). `None` when the page states neither.
pub fn page_namespace(page: &Page) -> Option<String> {
    let stated = page
        .lines
        .lines_containing(static_finder!("Namespace:"))
        .filter(|&i| page.kinds.get(i) == Some(&LineKind::Text))
        .find_map(|i| {
            page.lines
                .get(i)
                .and_then(namespace_line)
                .map(str::to_string)
        });
    stated.or_else(|| {
        let ann = super::resource::resource_annotation(page)?;
        annotation_namespace(ann.str("@odata.type")?)
    })
}

/// The namespace a `Namespace: microsoft.graph.x` line states: what the
/// regex `^\s*Namespace:\s*`?((?i:microsoft)\.[A-Za-z][A-Za-z0-9.]*?)`?\s*$`
/// captures, read by hand for ASCII lines (non-ASCII ones, where case
/// folding and Unicode blanks come in, go to the regex).
fn namespace_line(l: &str) -> Option<&str> {
    if !l.is_ascii() {
        return static_regex!(r"^\s*Namespace:\s*`?((?i:microsoft)\.[A-Za-z][A-Za-z0-9.]*?)`?\s*$")
            .captures(l)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str());
    }
    let blank = |c: char| c.is_ascii_whitespace() || c == '\x0b';
    let t = l.trim_start_matches(blank).strip_prefix("Namespace:")?;
    let t = t.trim_start_matches(blank);
    let t = t.strip_prefix('`').unwrap_or(t);
    let (head, after) = (t.get(..10)?, t.get(10..)?);
    if !head.eq_ignore_ascii_case("microsoft.") {
        return None;
    }
    if !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // The lazy tail ends where only an optional backtick and blanks remain,
    // which is the end of the run of name chars.
    let run = after
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'.')
        .count();
    let rest = &after[run..];
    let rest = rest.strip_prefix('`').unwrap_or(rest);
    rest.trim_start_matches(blank)
        .is_empty()
        .then(|| &t[..10 + run])
}

/// The namespace part of a qualified annotation type name:
/// `#microsoft.graph.callRecords.endpoint` → `microsoft.graph.callRecords`;
/// `None` for an unqualified name.
pub fn annotation_namespace(odata_type: &str) -> Option<String> {
    let v = odata_type.trim().trim_start_matches('#');
    let v = static_regex!(r"(?i)^collection\((.*)\)$")
        .captures(v)
        .and_then(|c| c.get(1))
        .map_or(v, |m| m.as_str());
    let (ns, _) = v.trim().rsplit_once('.')?;
    static_regex!(r"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$")
        .is_match(ns)
        .then(|| ns.to_string())
}

/// Whether a code block of the page's HTTP-request sections holds a request
/// line (`METHOD path`, loosely: `GETx` counts too).
pub fn has_http_request_line(page: &Page) -> bool {
    page.sections_of(SectionKind::HttpRequest).any(|s| {
        page.code_blocks_in(s.start, s.end).any(|b| {
            b.content.lines().any(|l| {
                static_regex!(r"^\s*(GET|POST|PATCH|PUT|DELETE)\s*[/~A-Za-z{h]").is_match(l)
            })
        })
    })
}

/// `[x](link)` texts of a line, in order (names of linked types).
pub fn link_texts(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some((text, end)) = next_link(rest) {
        out.push(plain_text(text));
        rest = rest.get(end..).unwrap_or("");
    }
    out
}

/// The first `[text](target)` or `[text][]` of `s`: its text and where it
/// ends. By hand, what `\[([^\]]+)\]\(([^)]*)\)|\[([^\]]+)\]\[\]` finds
/// (leftmost match): a `[` starts one only with its first `]` after a
/// non-empty text, then `(` and a later `)`, or `[]`. Byte scanning is exact:
/// every char looked at is ASCII.
fn next_link(s: &str) -> Option<(&str, usize)> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(open) = memchr::memchr(b'[', b.get(from..)?).map(|i| from + i) {
        from = open + 1;
        let Some(close) = memchr::memchr(b']', b.get(open + 1..)?).map(|i| open + 1 + i) else {
            return None; // no `]` after this `[`, nor after any later one
        };
        if close == open + 1 {
            continue;
        }
        let text = s.get(open + 1..close)?;
        let after = b.get(close + 1..)?;
        if after.first() == Some(&b'(') {
            if let Some(paren) = memchr::memchr(b')', after) {
                return Some((text, close + 1 + paren + 1));
            }
        }
        if after.starts_with(b"[]") {
            return Some((text, close + 3));
        }
    }
    None
}

/// A source for line index `idx` of `page`.
pub fn src(page: &Page, idx: usize) -> Source {
    page.source(idx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_name("**id**").as_deref(), Some("id"));
        assert_eq!(clean_name("`displayName`").as_deref(), Some("displayName"));
        assert_eq!(clean_name("_format_").as_deref(), Some("format"));
        assert_eq!(clean_name("@odata.type").as_deref(), Some("@odata.type"));
        assert_eq!(
            clean_name("[List users](../api/user-list.md)").as_deref(),
            Some("List")
        );
        assert_eq!(clean_name("").as_deref(), None);
        assert_eq!(clean_name("(none)").as_deref(), None);
    }

    #[test]
    fn property_rows_become_properties() {
        let md = "# x resource type\n## Properties\n|Property|Type|Description|Required|\n|---|---|---|---|\n|id|String|Read-only. Not nullable.|No|\n|tags|String collection|Supports `$filter`.|Yes|\n|**Group**|||\n";
        let page = Page::parse("v1.0/x.md", md.as_bytes());
        let mut ctx = page.ctx();
        let props = properties_from_table(&page, &page.tables[0], false, &mut ctx);
        assert_eq!(props.len(), 2);
        assert!(props[0].read_only && props[0].nullable == Some(false) && !props[0].required);
        assert!(props[1].collection && props[1].required && props[1].supports == vec!["$filter"]);
        assert_eq!(props[1].source.line, 6);
    }

    #[test]
    fn hand_links_read_what_the_regex_reads() {
        let re = regex::Regex::new(r"\[([^\]]+)\]\(([^)]*)\)|\[([^\]]+)\]\[\]").unwrap();
        for s in [
            "a [x](x.md) and [y][] then [z](z.md)",
            "[](a) [b](",
            "[[a](b)",
            "[a] [b](c)",
            "[a]([b](c)",
            "[a\nb](c)",
            "[\u{e9}t\u{e9}](x)[y][] [z][]x",
            "[a][b] [c][]",
            "no links",
            "[a](b",
            "[a]",
            "[",
            "]",
            "[a](b)[c](d)",
        ] {
            let want: Vec<String> = re
                .captures_iter(s)
                .filter_map(|c| {
                    c.get(1)
                        .or_else(|| c.get(3))
                        .map(|m| plain_text(m.as_str()))
                })
                .collect();
            assert_eq!(link_texts(s), want, "{s:?}");
        }
    }

    #[test]
    fn namespaces_from_line_or_annotation() {
        let p = Page::parse(
            "x.md",
            b"# endpoint resource type\n\nNamespace: microsoft.graph.callRecords\n",
        );
        assert_eq!(
            page_namespace(&p).as_deref(),
            Some("microsoft.graph.callRecords")
        );
        let md = "# x resource type\n## JSON representation\n<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.termStore.set\"\n}-->\n```json\n{}\n```\n";
        let p = Page::parse("x.md", md.as_bytes());
        assert_eq!(
            page_namespace(&p).as_deref(),
            Some("microsoft.graph.termStore")
        );
        assert_eq!(page_namespace(&Page::parse("x.md", b"# x\n")), None);
        assert_eq!(annotation_namespace("x"), None);
        assert_eq!(
            annotation_namespace("#microsoft.graph.x").as_deref(),
            Some("microsoft.graph")
        );
    }

    #[test]
    fn namespace_lines_read_as_the_regex_reads_them() {
        let re =
            regex::Regex::new(r"^\s*Namespace:\s*`?((?i:microsoft)\.[A-Za-z][A-Za-z0-9.]*?)`?\s*$")
                .unwrap();
        for l in [
            "Namespace: microsoft.graph",
            "  Namespace:`microsoft.graph.callRecords`  ",
            "Namespace: Microsoft.Graph.x.y",
            "Namespace: microsoft.graph.",
            "Namespace: microsoft.1x",
            "Namespace: microsoftx.graph",
            "Namespace: microsoft.graph extra",
            "Namespace: microsoft.graph``",
            "Namespace: `microsoft.graph",
            "Namespace:\tmicrosoft.graph\x0b",
            "Namespace: microsoft",
            "Namespace: micro\u{17f}oft.graph",
            "Namespace:\u{a0}microsoft.graph",
            "x Namespace: microsoft.graph",
        ] {
            let want = re.captures(l).map(|c| c[1].to_string());
            assert_eq!(namespace_line(l).map(str::to_string), want, "{l:?}");
        }
    }

    #[test]
    fn versions() {
        let p = Page::parse("corpus/beta/api/x.md", b"# x");
        assert_eq!(page_version(&p), (Some(Version::Beta), "folder"));
        let p = Page::parse(
            "x.txt",
            b"```http\nGET https://graph.microsoft.com/v1.0/me\n```",
        );
        assert_eq!(page_version(&p).0, Some(Version::V1_0));
        let p = Page::parse(
            "x.txt",
            b"[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]",
        );
        assert_eq!(page_version(&p).0, Some(Version::Beta));
        assert_eq!(page_version(&Page::parse("x.txt", b"")).0, None);
    }
}
