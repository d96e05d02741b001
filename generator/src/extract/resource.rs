//! Resource pages (`# x resource type`) → one [`TypeDef`].
//!
//! Name: the resource annotation's `@odata.type`, else the H1 text before
//! ` resource type`. Properties: every property table of the `Properties`
//! section(s) except tables inside `### x values` subsections (enum members),
//! then every property table of `Relationships` (navigation). Kind: entity
//! when the page shows identity (a `keyProperty`, base `entity`, an `id`
//! property or navigation properties), complex otherwise.

use super::common::{link_texts, properties_from_table};
use super::enums;
use super::representation::properties_from_json;
use super::types::normalize_name;
use crate::ir::model::{EnumDef, Property, TypeDef, TypeKind, Version};
use crate::source::static_regex;
use crate::source::text::may_contain_ci;
use crate::source::{Annotation, CodeBlock, Ctx, Page, Section, SectionKind};

/// `user resource type` → `user` (also with backticks/links, already
/// stripped by the title cleaning, and `microsoft.graph.x` names).
pub fn resource_title_name(title: &str) -> Option<String> {
    // Most titles (every API page's) name no resource: skip the regex.
    if !may_contain_ci(title, "resource") {
        return None;
    }
    let stem = resource_stem(title.trim())?.trim();
    let word = stem.split_whitespace().last()?;
    // Namespaces stripped, but no primitive mapping: `timeStamp` is a type here.
    let word = word.trim_matches(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'));
    let name = super::types::lower_camel(word.rsplit('.').next().unwrap_or(word));
    static_regex!(r"^[A-Za-z_][A-Za-z0-9_]*$")
        .is_match(&name)
        .then_some(name)
}

/// What `(?i)^(.*?)\s+resource\s+type\b` captures as its group: the text
/// before the first ` resource type`. Read by hand for ASCII titles (every
/// title runs it, and the lazy capture made the regex slow); others, where
/// Unicode blanks and case folding come in, go to the regex.
fn resource_stem(t: &str) -> Option<&str> {
    if !t.is_ascii() {
        let c = static_regex!(r"(?i)^(.*?)\s+resource\s+type\b").captures(t)?;
        return c.get(1).map(|m| m.as_str());
    }
    let b = t.as_bytes();
    // The stem is `.*?`: it ends at the first place the rest matches, and
    // holds no line break.
    let stem_ends = b
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| p + 1);
    (0..stem_ends)
        .find(|&i| resource_type_at(b, i))
        .and_then(|i| t.get(..i))
}

/// Whether `\s+resource\s+type\b` (ASCII, any case) matches at `i` of `b`.
fn resource_type_at(b: &[u8], i: usize) -> bool {
    let blanks = |from: usize| {
        b.get(from..).map_or(0, |r| {
            r.iter()
                .take_while(|c| matches!(c, b'\t'..=b'\r' | b' '))
                .count()
        })
    };
    let word_at = |at: usize, w: &str| {
        b.get(at..at + w.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
    };
    let n = blanks(i);
    if n == 0 || !word_at(i + n, "resource") {
        return false;
    }
    let after = i + n + "resource".len();
    let m = blanks(after);
    let end = after + m + "type".len();
    m > 0
        && word_at(after + m, "type")
        && !b
            .get(end)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

/// The type name when the H1 and the resource annotation disagree.
/// The annotation usually carries the real (prefixed) name the H1 shortens:
/// `Chart` / `workbookChart`, `section` / `onenoteSection`. But when the
/// annotation is the H1 name or a tail of it, ignoring case, the H1 is the
/// better spelling: `orgContact` / `orgcontact`, `identityUserFlow` / `UserFlow`.
fn choose_name(ann: &str, title: &str, page: &Page, ctx: &mut Ctx) -> String {
    let (a, t) = (ann.to_ascii_lowercase(), title.to_ascii_lowercase());
    if a == t && ann == title {
        return ann.to_string();
    }
    let title_wins = if a == t {
        // Case only: Graph names start lowercase and have camel humps
        // (`Drive`/`drive` → `drive`; `orgcontact`/`orgContact` → `orgContact`).
        let score = |n: &str| {
            let lower_first = n.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            (
                lower_first,
                n.chars().filter(|c| c.is_ascii_uppercase()).count(),
            )
        };
        score(title) > score(ann)
    } else {
        t.ends_with(&a)
    };
    let (won, lost) = if title_wins {
        (title, ann)
    } else {
        (ann, title)
    };
    ctx.note(
        page.title_line.unwrap_or(0),
        "resource-name-mismatch",
        format!("H1 names `{title}` but the resource annotation `{ann}`; `{won}` kept, `{lost}` dropped"),
    );
    won.to_string()
}

/// The page's resource annotation (`blockType: resource`).
pub fn resource_annotation<'p>(page: &'p Page) -> Option<&'p Annotation> {
    page.annotations
        .iter()
        .find(|a| a.block_type.as_deref() == Some("resource"))
}

/// A type name from an annotation's `@odata.type` (`#microsoft.graph.x`,
/// `Collection(microsoft.graph.x)`).
pub fn annotation_type_name(v: &str) -> Option<String> {
    let v = v.trim().trim_start_matches('#');
    let v = static_regex!(r"(?i)^collection\((.*)\)$")
        .captures(v)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
        .unwrap_or(v);
    // Namespaces stripped; no primitive mapping (`microsoft.graph.timeStamp`).
    let n = v.rsplit('.').next().unwrap_or(v).trim();
    static_regex!(r"^[A-Za-z_][A-Za-z0-9_]*$")
        .is_match(n)
        .then(|| n.to_string())
}

/// Whether a table at `line` of section `s` belongs to `s` itself: the
/// innermost section holding it is `s` or another Properties/Relationships
/// heading. Nested subsections of a Properties section hold other things:
/// `### x values` enum tables, "Properties of a ... policy definition" (the
/// JSON inside a string property), "Instance attributes" (`@microsoft.graph.*`
/// annotations), option tables.
fn belongs_to(page: &Page, s: &Section, line: usize) -> bool {
    let innermost = page
        .sections
        .iter()
        .filter(|x| x.contains(line) && x.start >= s.start)
        .max_by_key(|x| x.start);
    match innermost {
        Some(x) if x.start == s.start => true,
        Some(x) => matches!(
            x.kind,
            Some(SectionKind::Properties) | Some(SectionKind::Relationships)
        ),
        None => true,
    }
}

/// Property tables of the given sections, their own tables only (see
/// [`belongs_to`]). Instance annotations (`@odata.type`,
/// `@microsoft.graph.conflictBehavior`) are not properties of the type.
fn section_properties(
    page: &Page,
    sections: &[&Section],
    navigation: bool,
    ctx: &mut Ctx,
) -> Vec<Property> {
    let mut out = Vec::new();
    for s in sections {
        for t in page.tables_in(s.start, s.end) {
            if !belongs_to(page, s, t.line) {
                continue;
            }
            let props = properties_from_table(page, t, navigation, ctx);
            out.extend(props.into_iter().filter(|p| !p.name.starts_with('@')));
        }
    }
    out
}

/// `Inherits from [x](x.md)` / `derived from x` in the page's introduction.
fn base_from_prose(intro: &str) -> Option<String> {
    // Each verb of the pattern holds `inherit` or `derive` in some case.
    if !may_contain_ci(intro, "inherit") && !may_contain_ci(intro, "derive") {
        return None;
    }
    let c = static_regex!(r"(?i)\b(?:inherits|inherited|derives|derived)\s+from\s+(?:the\s+)?(\[[^\]]+\]|`?[A-Za-z][\w.]*`?)")
        .captures(intro)?;
    let m = c.get(1)?.as_str();
    let name = link_texts(&format!("{m}()"))
        .into_iter()
        .next()
        .unwrap_or_else(|| m.trim_matches(['[', ']', '`']).to_string());
    let n = normalize_name(&name);
    static_regex!(r"^[A-Za-z_][A-Za-z0-9_]*$")
        .is_match(&n)
        .then_some(n)
}

/// Extract the type (and the enums its page declares or implies).
pub fn extract_resource(
    page: &Page,
    version: Option<Version>,
    ctx: &mut Ctx,
) -> (Option<TypeDef>, Vec<EnumDef>) {
    let title_name = page.title.as_deref().and_then(resource_title_name);
    let ann = resource_annotation(page);
    let ann_name = ann
        .and_then(|a| a.str("@odata.type"))
        .and_then(annotation_type_name);
    let name = match (&ann_name, &title_name) {
        (Some(a), Some(t)) => choose_name(a, t, page, ctx),
        (Some(a), None) => a.clone(),
        (None, Some(t)) => t.clone(),
        (None, None) => {
            ctx.warning(
                page.title_line.unwrap_or(0),
                "resource-name-missing",
                "resource page without a type name in its H1 or annotation",
            );
            return (None, Vec::new());
        }
    };
    let intro_end = page
        .sections
        .iter()
        .find(|s| s.heading.level > 1)
        .map(|s| s.heading.line)
        .unwrap_or(page.lines.len());
    let intro_start = page.title_line.map(|l| l + 1).unwrap_or(0);
    let intro: Vec<String> = page
        .paragraphs_in(intro_start, intro_end)
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    let description = intro.first().cloned();

    let props_sections: Vec<&Section> = page.sections_of(SectionKind::Properties).collect();
    let rel_sections: Vec<&Section> = page.sections_of(SectionKind::Relationships).collect();
    let mut properties = section_properties(page, &props_sections, false, ctx);
    properties.extend(section_properties(page, &rel_sections, true, ctx));
    dedup_properties(&mut properties, ctx, page);

    let base = ann
        .and_then(|a| a.str("baseType"))
        .and_then(annotation_type_name)
        .or_else(|| base_from_prose(&intro.join(" ")));
    let key = ann
        .and_then(|a| a.str("keyProperty"))
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty());
    let has_id = properties.iter().any(|p| p.name == "id");
    let has_nav = properties.iter().any(|p| p.navigation);
    let kind = if key.is_some() || base.as_deref() == Some("entity") || has_id || has_nav {
        TypeKind::Entity
    } else {
        TypeKind::Complex
    };
    let is_abstract = ann
        .and_then(|a| a.bool("abstract").or_else(|| a.bool("isAbstract")))
        .unwrap_or(false);
    let open_type = ann
        .and_then(|a| a.bool("openType"))
        .unwrap_or_else(|| says_open_type(page));

    let (json_example, json_block) = json_representation(page, ctx);
    // An open type allows undeclared (dynamic) properties: a JSON key of
    // its page that no table declares may be one (`fieldValueSet.Author`),
    // so only a closed type's JSON adds properties.
    if let (Some(json), Some(block), false) = (&json_example, json_block, open_type) {
        let more = properties_from_json(page, block, json, &properties, ctx);
        properties.extend(more);
    }
    let mut enums = enums::declared_enums(page, version, ctx);
    enums::enums_from_properties(page, &name, &mut properties, version, &mut enums);
    let source_line = page.title_line.unwrap_or(0);
    let def = TypeDef {
        name,
        version,
        namespace: super::common::page_namespace(page),
        kind,
        base,
        is_abstract,
        open_type,
        key,
        description,
        properties,
        json_example,
        source: page.source(source_line),
        contributors: Vec::new(),
        from_resource_page: true,
    };
    (Some(def), enums)
}

/// Whether the page's prose says its type is an open type ("This type is an
/// open type", "hence this is an [open type](...)"); a mention of another
/// open type ("used in the open type [x]") is not.
fn says_open_type(page: &Page) -> bool {
    // The phrase needs `open` in some case: a search settles most paragraphs.
    page.first_paragraph_in(0, page.lines.len(), |p| {
        may_contain_ci(p, "open")
            && static_regex!(r"(?i)\b(?:this|it)\s+(?:type\s+)?is\s+an?\s+[_*\[]*open\s+type\b")
                .is_match(p)
    })
    .is_some()
}

/// Drop repeated property rows (a handful of pages list one twice).
fn dedup_properties(props: &mut Vec<Property>, ctx: &mut Ctx, page: &Page) {
    let mut seen = std::collections::BTreeSet::new();
    props.retain(|p| {
        if seen.insert(p.name.clone()) {
            true
        } else {
            let _ = page;
            ctx.diags.push(crate::diag::Diagnostic::note(
                "property-duplicate",
                &p.source.file,
                p.source.line,
                format!("property `{}` listed twice; the first row is kept", p.name),
            ));
            false
        }
    });
}

/// The JSON representation: the block annotated `resource`, else the first
/// JSON block in the `JSON representation` section; parsed leniently, with
/// the block it was read from.
fn json_representation<'p>(
    page: &'p Page,
    ctx: &mut Ctx,
) -> (Option<crate::ir::json::Json>, Option<&'p CodeBlock<'p>>) {
    let annotated = page
        .code_blocks
        .iter()
        .find(|b| page.annotation_of(b).and_then(|a| a.block_type.as_deref()) == Some("resource"));
    let block = annotated.or_else(|| {
        let s = page.section(SectionKind::JsonRepresentation)?;
        page.code_blocks_in(s.start, s.end).next()
    });
    let Some(block) = block else {
        return (None, None);
    };
    let parsed = crate::source::parse_lenient(&block.content);
    match (&parsed.value, &parsed.error) {
        (Some(_), _) if !parsed.repairs.is_empty() => {
            ctx.note(
                block.line,
                "json-repaired",
                format!(
                    "JSON representation repaired: {}",
                    parsed.repairs.join(", ")
                ),
            );
        }
        (None, Some(e)) => {
            ctx.warning(
                block.line,
                "json-invalid",
                format!("JSON representation is not JSON even leniently ({e}); not kept"),
            );
        }
        _ => {}
    }
    (parsed.value, Some(block))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_stems_are_what_the_regex_captures() {
        let re = crate::source::compile_regex(r"(?i)^(.*?)\s+resource\s+type\b");
        let mut titles = vec![
            "user resource type".to_string(),
            "user Resource Type".into(),
            "a  resource\ttype".into(),
            "resource type".into(),
            " resource type".into(),
            "x resource types".into(),
            "x resource type_".into(),
            "x resource type.".into(),
            "x resource typeA".into(),
            "x resource type9".into(),
            "x resourcetype".into(),
            "x resource\ntype".into(),
            "a\nb resource type".into(),
            "a\n resource type".into(),
            "x resource y resource type".into(),
            "x  resource type resource type".into(),
            "x resource".into(),
            "x RESOURCE TYPE (deprecated)".into(),
            "\u{e9} resource type".into(),
            "x\u{a0}resource type".into(),
            "x re\u{17f}ource type".into(),
            "".into(),
        ];
        for a in ["", "x", "x ", "x\n", " "] {
            for mid in [
                " resource ",
                "resource ",
                " resource\x0b",
                " resource",
                "\tRESOURCE\r\n",
            ] {
                for end in ["type", "Type b", "types", "type\n", "typ", ""] {
                    titles.push(format!("{a}{mid}{end}"));
                }
            }
        }
        for t in &titles {
            let want = re.captures(t).and_then(|c| c.get(1)).map(|m| m.as_str());
            assert_eq!(resource_stem(t), want, "{t:?}");
        }
    }

    #[test]
    fn title_names() {
        assert_eq!(
            resource_title_name("user resource type").as_deref(),
            Some("user")
        );
        assert_eq!(
            resource_title_name("microsoft.graph.ediscovery.case resource type").as_deref(),
            Some("case")
        );
        assert_eq!(resource_title_name("List users"), None);
    }

    #[test]
    fn annotation_names() {
        assert_eq!(
            annotation_type_name("#microsoft.graph.x").as_deref(),
            Some("x")
        );
        assert_eq!(
            annotation_type_name("Collection(microsoft.graph.y)").as_deref(),
            Some("y")
        );
    }

    #[test]
    fn open_type_from_prose() {
        let open = |md: &str| says_open_type(&Page::parse("x.md", md.as_bytes()));
        assert!(open(
            "# x resource type\nThis type is an open type. Each property...\n"
        ));
        assert!(open(
            "# x resource type\n## Properties\nhence this is an [open type](/a/b).\n"
        ));
        assert!(!open(
            "# x resource type\nThis type is used in the open type [y](y.md).\n"
        ));
    }

    #[test]
    fn base_from_intro() {
        assert_eq!(
            base_from_prose("Represents X. Inherits from [directoryObject](directoryobject.md).")
                .as_deref(),
            Some("directoryObject")
        );
        assert_eq!(
            base_from_prose("Derived from `entity`.").as_deref(),
            Some("entity")
        );
        assert_eq!(base_from_prose("Nothing here."), None);
    }
}
