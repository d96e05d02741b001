//! One [`EnumDef`] per (version, name): members united across enum pages,
//! `x values` tables and the "Possible values" prose of properties typed with
//! the enum (the docs add members in prose before the enum page catches up).

use crate::diag::Diagnostic;
use crate::ir::model::{EnumDef, EnumMember, Operation, Source, TypeDef, Version};
use std::collections::BTreeMap;

/// Merge enum fragments (names already in canonical spelling, versions set).
/// The result is sorted by (version, name).
pub fn merge_enums(fragments: Vec<EnumDef>, diags: &mut Vec<Diagnostic>) -> Vec<EnumDef> {
    let mut groups: BTreeMap<(Option<Version>, String), Vec<EnumDef>> = BTreeMap::new();
    for e in fragments {
        groups
            .entry((e.version, e.name.clone()))
            .or_default()
            .push(e);
    }
    groups
        .into_values()
        .filter_map(|group| merge_group(group, diags))
        .collect()
}

/// Enum pages and tables first, synthesised (prose-only) enums last, each by
/// source, so "first occurrence" order means the enum page's order.
fn group_order(e: &EnumDef) -> (bool, &Source) {
    (e.synthesized, &e.source)
}

fn merge_group(mut group: Vec<EnumDef>, diags: &mut Vec<Diagnostic>) -> Option<EnumDef> {
    group.sort_by(|a, b| group_order(a).cmp(&group_order(b)));
    let mut parts = group.into_iter();
    let mut merged = parts.next()?;
    let own = std::mem::take(&mut merged.members);
    for m in own {
        add_member(&mut merged, m, diags);
    }
    for part in parts {
        merged.flags |= part.flags;
        merged.synthesized &= part.synthesized;
        if merged.description.is_none() {
            merged.description = part.description;
        }
        for m in part.members {
            add_member(&mut merged, m, diags);
        }
    }
    Some(merged)
}

/// Add a member if new; else fill its missing value/description and report a
/// contradicting numeric value.
fn add_member(e: &mut EnumDef, m: EnumMember, diags: &mut Vec<Diagnostic>) {
    let Some(kept) = e.members.iter_mut().find(|k| k.name == m.name) else {
        e.members.push(m);
        return;
    };
    match (kept.value, m.value) {
        (None, Some(v)) => kept.value = Some(v),
        (Some(a), Some(b)) if a != b => diags.push(Diagnostic::warning(
            "enum-value-conflict",
            &m.source.file,
            m.source.line,
            format!(
                "`{}.{}` has value {b} here but {a} at {}; kept {a}",
                e.name, m.name, kept.source
            ),
        )),
        _ => {}
    }
    if kept.description.is_none() {
        kept.description = m.description;
    }
}

/// A "Possible values" list on a property or parameter typed with an enum.
struct ProseValues<'a> {
    version: Option<Version>,
    type_name: &'a str,
    owner: String,
    values: &'a [String],
    source: &'a Source,
}

/// Every possible-values list of the merged types and operations, in output order.
fn prose_lists<'a>(types: &'a [TypeDef], operations: &'a [Operation]) -> Vec<ProseValues<'a>> {
    let mut out = Vec::new();
    for t in types {
        for p in t
            .properties
            .iter()
            .filter(|p| !p.possible_values.is_empty())
        {
            out.push(ProseValues {
                version: t.version,
                type_name: &p.type_name,
                owner: format!("{}.{}", t.name, p.name),
                values: &p.possible_values,
                source: &p.source,
            });
        }
    }
    for op in operations {
        for p in op
            .parameters
            .iter()
            .filter(|p| !p.possible_values.is_empty())
        {
            out.push(ProseValues {
                version: op.version,
                type_name: &p.type_name,
                owner: format!("{}({})", op.name, p.name),
                values: &p.possible_values,
                source: &p.source,
            });
        }
    }
    out
}

/// Add the members that "Possible values" prose names to the enum the
/// property is typed with. Properties typed `String` (or anything that is not
/// a known enum) are left alone: the extractor synthesises those enums.
pub fn add_possible_values(
    enums: &mut [EnumDef],
    types: &[TypeDef],
    operations: &[Operation],
    diags: &mut Vec<Diagnostic>,
) {
    let index: BTreeMap<(Option<Version>, String), usize> = enums
        .iter()
        .enumerate()
        .map(|(i, e)| ((e.version, e.name.clone()), i))
        .collect();
    for list in prose_lists(types, operations) {
        let Some(&i) = index.get(&(list.version, list.type_name.to_string())) else {
            continue;
        };
        let Some(e) = enums.get_mut(i) else { continue };
        let mut added = Vec::new();
        for v in list.values {
            if e.members.iter().any(|m| &m.name == v) {
                continue;
            }
            e.members.push(EnumMember {
                name: v.clone(),
                value: None,
                description: None,
                source: list.source.clone(),
            });
            added.push(format!("`{v}`"));
        }
        if !added.is_empty() {
            diags.push(Diagnostic::note(
                "enum-member-from-prose",
                &list.source.file,
                list.source.line,
                format!(
                    "added {} to enum `{}` from the possible values of `{}`",
                    added.join(", "),
                    e.name,
                    list.owner
                ),
            ));
        }
    }
}
