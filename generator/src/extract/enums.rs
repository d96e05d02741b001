//! Enum declarations: `## Members` enum pages, `### x values` subsections
//! (anywhere, in every table shape), and enums implied by "Possible values"
//! prose on properties.

use super::common::{clean_name, PossibleValue};
use crate::ir::model::{EnumDef, EnumMember, PageEra, Property, Version};
use crate::source::static_regex;
use crate::source::text::plain_text;
use crate::source::{Column, Ctx, Page, Section, SectionKind, Table};

/// The enum name of an enum page's H1: `complianceStatus enum type`,
/// `` `x` enumeration ``; else the first word of the title.
pub fn enum_page_name(title: &str) -> Option<String> {
    let t = title.trim();
    let stem = static_regex!(r"(?i)^(.*?)\s+enum(eration)?(\s+type)?\b")
        .captures(t)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
        .unwrap_or(t);
    let word = stem.split_whitespace().last()?;
    let word = word.rsplit('.').next().unwrap_or(word);
    static_regex!(r"^[A-Za-z_][A-Za-z0-9_]*$")
        .is_match(word)
        .then(|| word.to_string())
}

/// Members of an enum table. The name column is `Member`/`Name` (else the
/// first `Value` column holding names); a numeric `Value` column gives values;
/// a `Description` column gives descriptions.
pub fn members_from_table(page: &Page, t: &Table, ctx: &mut Ctx) -> Vec<EnumMember> {
    let cols = t.columns();
    let numeric = |i: usize| {
        t.rows
            .iter()
            .all(|r| r.cell(i).trim().parse::<i64>().is_ok())
            && !t.rows.is_empty()
    };
    let name_col = cols
        .iter()
        .position(|c| *c == Column::Name)
        .or_else(|| (0..cols.len()).find(|&i| cols[i] == Column::Value && !numeric(i)))
        .or_else(|| (cols.len() == 1).then_some(0));
    let Some(name_col) = name_col else {
        ctx.note(
            t.line,
            "enum-table-no-name-column",
            "enum table has no Member/Name column; skipped",
        );
        return Vec::new();
    };
    let value_col =
        (0..cols.len()).find(|&i| i != name_col && cols[i] == Column::Value && numeric(i));
    let desc_col = cols.iter().position(|c| *c == Column::Description);
    let mut out: Vec<EnumMember> = Vec::new();
    for r in &t.rows {
        let cell = r.cell(name_col);
        let Some(name) = clean_name(cell) else {
            if !cell.trim().is_empty() {
                ctx.warning(
                    r.line,
                    "enum-member-invalid",
                    format!("enum member cell `{}` is not a name; skipped", cell.trim()),
                );
            }
            continue;
        };
        if out.iter().any(|m| m.name == name) {
            ctx.note(
                r.line,
                "enum-member-duplicate",
                format!("enum member `{name}` listed twice; kept once"),
            );
            continue;
        }
        let description = desc_col
            .and_then(|i| super::prose::strip_todo(r.cell(i)))
            .filter(|d| !d.trim().is_empty());
        out.push(EnumMember {
            name,
            value: value_col.and_then(|i| r.cell(i).trim().parse().ok()),
            description,
            source: page.source(r.line),
        });
    }
    out
}

/// Enum tables of a section: tables whose first column is a member/value
/// column (not property tables).
fn enum_tables<'p>(page: &'p Page, s: &Section) -> impl Iterator<Item = &'p Table<'p>> {
    let (start, end) = (s.start, s.end);
    // Tables of a nested `#### y values` subsection belong to `y`.
    let nested_end = page
        .sections
        .iter()
        .filter(|x| x.start > start && x.start < end && x.kind.is_some())
        .map(|x| x.heading.line)
        .min()
        .unwrap_or(end);
    page.tables_in(start, nested_end).filter(|t| {
        let head = t.header_text(0);
        let cols = t.columns();
        !cols.contains(&Column::Type)
            && (head.starts_with("member")
                || head.starts_with("value")
                || head.starts_with("name")
                || head == "enum")
    })
}

/// Whether the prose around an enum says its values combine (a flags enum):
/// "flags", "can be combined", "bitwise", "multiple values". Values that are
/// all powers of two support the judgement but are not enough alone.
fn says_flags(page: &Page, s: &Section, members: &[EnumMember]) -> bool {
    let prose: String = page
        .prose_in(s.start, s.end)
        .iter()
        .map(|(_, l)| *l)
        .collect::<Vec<_>>()
        .join(" ");
    let title_prose: String = if s.kind == Some(SectionKind::Members) {
        page.paragraphs_in(page.title_line.map(|l| l + 1).unwrap_or(0), s.start)
            .into_iter()
            .map(|(_, p)| p)
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        String::new()
    };
    let text = format!("{prose} {title_prose}");
    let says = static_regex!(r"(?i)\bflags?\s+(enum|enumeration)\b|\bis\s+a\s+flags?\b|\bbit\s*(wise|flags?|mask)\b|values?\s+can\s+be\s+combined|\bcombination\s+of\s+(the\s+)?(values|flags)\b|\bisFlags\b")
        .is_match(&text);
    let pow2 = members
        .iter()
        .filter_map(|m| m.value)
        .filter(|v| *v > 0)
        .all(|v| v & (v - 1) == 0)
        && members
            .iter()
            .filter(|m| m.value.is_some_and(|v| v > 2))
            .count()
            >= 1;
    says && (pow2 || members.iter().all(|m| m.value.is_none()))
}

/// Enums declared by the page: `## Members` sections and `### x values`
/// sections anywhere.
pub fn declared_enums(page: &Page, version: Option<Version>, ctx: &mut Ctx) -> Vec<EnumDef> {
    let mut out: Vec<EnumDef> = Vec::new();
    // Read only once an enum is found: most pages declare none.
    let mut namespace: Option<Option<String>> = None;
    for s in &page.sections {
        let name = match s.kind {
            Some(SectionKind::Members) => page.title.as_deref().and_then(enum_page_name),
            Some(SectionKind::Values) => crate::source::sections::enum_values_name(&s.heading.text),
            _ => continue,
        };
        let Some(name) = name else {
            ctx.warning(
                s.heading.line,
                "enum-name-missing",
                "members section without an enum name; skipped",
            );
            continue;
        };
        let mut members = Vec::new();
        for t in enum_tables(page, s) {
            for m in members_from_table(page, t, ctx) {
                if !members.iter().any(|x: &EnumMember| x.name == m.name) {
                    members.push(m);
                }
            }
        }
        if members.is_empty() {
            continue;
        }
        let flags = says_flags(page, s, &members);
        let description = if s.kind == Some(SectionKind::Members) {
            page.first_paragraph_in(
                page.title_line.map(|l| l + 1).unwrap_or(0),
                s.heading.line,
                |_| true,
            )
        } else {
            page.first_paragraph_in(s.start, s.end, |_| true)
        };
        add_enum(
            &mut out,
            EnumDef {
                name,
                version,
                namespace: namespace
                    .get_or_insert_with(|| super::common::page_namespace(page))
                    .clone(),
                flags,
                synthesized: false,
                implied: false,
                description,
                members,
                source: page.source(s.heading.line),
            },
        );
    }
    out
}

/// Add `e` to `out`, uniting members with an enum of the same name. A
/// member that differs from a kept one only in case is the same member
/// (prose often capitalises what the values table spells in lowerCamel): the
/// kept spelling wins, declarations being added before prose.
pub fn add_enum(out: &mut Vec<EnumDef>, e: EnumDef) {
    if let Some(existing) = out.iter_mut().find(|x| x.name == e.name) {
        for m in e.members {
            match find_member(&mut existing.members, &m.name) {
                Some(x) => {
                    if x.value.is_none() {
                        x.value = m.value;
                    }
                    if x.description.is_none() {
                        x.description = m.description;
                    }
                }
                None => existing.members.push(m),
            }
        }
        existing.flags |= e.flags;
        existing.implied &= e.implied;
    } else {
        out.push(e);
    }
}

/// The member named `name`: exactly, else ignoring case.
pub fn find_member<'a>(members: &'a mut [EnumMember], name: &str) -> Option<&'a mut EnumMember> {
    match members.iter().position(|m| m.name == name) {
        Some(i) => members.get_mut(i),
        None => members
            .iter_mut()
            .find(|m| m.name.eq_ignore_ascii_case(name)),
    }
}

/// Whether a value named by "Possible values" prose can be an enum member:
/// an identifier, and not `null`/`true`/`false` (which in a value list mean
/// "no value" or a Boolean, not a member).
pub fn is_member_name(v: &str) -> bool {
    is_member_word(v) && !matches!(v, "null" | "true" | "false")
}

/// `^[A-Za-z_][A-Za-z0-9_.-]*$`, by hand (it runs on every value of every
/// "Possible values" list).
fn is_member_word(v: &str) -> bool {
    let mut bytes = v.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

/// Members from a property's "Possible values" list.
fn prose_members(values: &[PossibleValue], p: &Property) -> Vec<EnumMember> {
    values
        .iter()
        .filter(|v| is_member_name(&v.name))
        .map(|v| EnumMember {
            name: v.name.clone(),
            value: v.value,
            description: None,
            source: p.source.clone(),
        })
        .collect()
}

/// Enums implied by properties' "Possible values" prose:
/// - a property typed with a non-primitive name (`[complianceStatus](...)`,
///   doc-stub bare `complianceStatus`) gives/augments the enum of that name;
/// - on HISTORICAL pages (no front matter: the 2016–2018 templates, whose enum
///   properties are typed `String`) a `String` property with a code-marked
///   list gets a synthesised enum named `<owningType><PropertyName>`
///   (`deviceComplianceUserStatus` + `status` →
///   `deviceComplianceUserStatusStatus`, `synthesized: true`) and its type is
///   changed to it. Current pages are left alone: there `String` + "Possible
///   values" really is a string in the service metadata.
pub fn enums_from_properties(
    page: &Page,
    owner: &str,
    props: &mut [Property],
    version: Option<Version>,
    enums: &mut Vec<EnumDef>,
) {
    // Asked only of a `String` property with a list (few are).
    let mut historical: Option<bool> = None;
    for p in props.iter_mut() {
        // `possible_values` holds the names `prose::read` found in this same
        // description (JSON-only properties have neither): fewer than two
        // means no list here either, without reading the text again.
        if p.possible_values.len() < 2 {
            continue;
        }
        let desc = p.description.as_deref().unwrap_or_default();
        let (values, marked) = super::prose::possible_values(desc);
        if values.len() < 2 || !marked {
            continue;
        }
        let members = prose_members(&values, p);
        if members.len() < 2 {
            continue;
        }
        let is_primitive = super::types::primitive(&p.type_name).is_some();
        let (name, synthesized) = if !is_primitive {
            if p.type_name == "Json" || p.type_name.is_empty() {
                continue;
            }
            (p.type_name.clone(), false)
        } else if p.type_name == "String"
            && !owner.is_empty()
            && *historical.get_or_insert_with(|| super::era::page_era(page) == PageEra::Legacy)
        {
            let name = format!("{owner}{}", upper_first(&p.name));
            p.type_name = name.clone();
            (name, true)
        } else {
            continue;
        };
        add_enum(
            enums,
            EnumDef {
                name,
                version,
                // A reference to the enum the property is typed with: the
                // merge resolves it like any type reference.
                namespace: None,
                flags: false,
                synthesized,
                implied: true,
                description: None,
                members,
                source: p.source.clone(),
            },
        );
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Whether the page is an enum page: `doc_type: enumPageType`, a `## Members`
/// section, or an H1 `x enum type`, or only `### x values` sections.
pub fn is_enum_page(page: &Page) -> bool {
    page.doc_type().as_deref() == Some("enumpagetype")
        || page.section(SectionKind::Members).is_some()
        || page.title.as_deref().is_some_and(|t| {
            static_regex!(r"(?i)\benum(eration)?\s+(type|values)\b|^enum values$")
                .is_match(&plain_text(t))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_words_are_what_the_regex_accepts() {
        let re = crate::source::compile_regex(r"^[A-Za-z_][A-Za-z0-9_.-]*$");
        for v in [
            "a",
            "_",
            "A1",
            "a.b-c_d",
            "1a",
            "-a",
            ".a",
            "",
            "a b",
            "a\n",
            "a\nb",
            "\u{e9}t\u{e9}",
            "a\u{e9}",
            "a$",
            "null",
            "ok.",
            "a/b",
            "Z9-",
            "a\u{200b}",
        ] {
            assert_eq!(is_member_word(v), re.is_match(v), "{v:?}");
        }
    }

    #[test]
    fn enum_page_names() {
        assert_eq!(
            enum_page_name("complianceStatus enum type").as_deref(),
            Some("complianceStatus")
        );
        assert_eq!(
            enum_page_name("teamVisibilityType enumeration").as_deref(),
            Some("teamVisibilityType")
        );
        assert_eq!(
            enum_page_name("windowsStartMenuModeType").as_deref(),
            Some("windowsStartMenuModeType")
        );
    }

    #[test]
    fn members_values_and_descriptions() {
        let md = "# x enum type\n## Members\n|Member|Value|Description|\n|:---|:---|:---|\n|unknown|0|Not yet documented|\n|`ok`|1|**TODO: x**|\n";
        let page = Page::parse("x.md", md.as_bytes());
        let mut ctx = page.ctx();
        let e = declared_enums(&page, None, &mut ctx);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "x");
        assert_eq!(e[0].members[1].name, "ok");
        assert_eq!(e[0].members[1].value, Some(1));
        assert_eq!(
            e[0].members[0].description.as_deref(),
            Some("Not yet documented")
        );
        assert_eq!(e[0].members[1].description, None);
    }

    #[test]
    fn flags_need_words_and_shape() {
        let md = "# a enum type\nThis is a flags enum: values can be combined.\n## Members\n|Member|Value|\n|-|-|\n|none|0|\n|a|1|\n|b|2|\n|c|4|\n";
        let page = Page::parse("x.md", md.as_bytes());
        let mut ctx = page.ctx();
        assert!(declared_enums(&page, None, &mut ctx)[0].flags);
        let md =
            "# a enum type\n## Members\n|Member|Value|\n|-|-|\n|none|0|\n|a|1|\n|b|2|\n|c|4|\n";
        let page = Page::parse("x.md", md.as_bytes());
        assert!(!declared_enums(&page, None, &mut ctx)[0].flags);
    }
}
