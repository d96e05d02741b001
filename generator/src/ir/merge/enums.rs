//! One [`EnumDef`] per (version, name, namespace): members united across enum pages,
//! `x values` tables and the "Possible values" prose of properties typed with
//! the enum (the docs add members in prose before the enum page catches up).

use super::groups::grouped;
use super::namespace::Namespaces;
use super::type_index::{add_by_name, ByName};
use crate::diag::Diagnostic;
use crate::extract::enums::{find_member, is_member_name};
use crate::ir::model::{EnumDef, EnumMember, Operation, Source, TypeDef, Version};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Merge enum fragments (names already in canonical spelling, versions set).
/// The result is sorted by (version, name, namespace).
/// Groups are merged in parallel, their results kept in order.
pub fn merge_enums(fragments: Vec<EnumDef>, diags: &mut Vec<Diagnostic>) -> Vec<EnumDef> {
    let merged: Vec<(Option<EnumDef>, Vec<Diagnostic>)> = grouped(fragments, group_key)
        .into_par_iter()
        .map(|group| {
            let mut diags = Vec::new();
            (merge_group(group, &mut diags), diags)
        })
        .collect();
    let mut out = Vec::with_capacity(merged.len());
    for (e, mut d) in merged {
        diags.append(&mut d);
        out.extend(e);
    }
    out
}

/// What fragments of one enum share.
fn group_key(e: &EnumDef) -> (Option<Version>, &str, Option<&str>) {
    (e.version, e.name.as_str(), e.namespace.as_deref())
}

/// Declarations (enum pages and tables) first, enums implied by prose and
/// synthesised ones last, each by source, so "first occurrence" order and
/// spelling are the declaration's.
fn group_order(e: &EnumDef) -> (bool, bool, &Source) {
    (e.synthesized, e.implied, &e.source)
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
        merged.implied &= part.implied;
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
/// contradicting numeric value. A member differing from a kept one only in
/// case is that member (the kept, earlier spelling wins; reported).
fn add_member(e: &mut EnumDef, m: EnumMember, diags: &mut Vec<Diagnostic>) {
    let enum_name = &e.name;
    let Some(kept) = find_member(&mut e.members, &m.name) else {
        e.members.push(m);
        return;
    };
    if kept.name != m.name {
        diags.push(case_variant(enum_name, &m.name, kept, &m.source));
    }
    match (kept.value, m.value) {
        (None, Some(v)) => kept.value = Some(v),
        (Some(a), Some(b)) if a != b => diags.push(Diagnostic::warning(
            "enum-value-conflict",
            &m.source.file,
            m.source.line,
            format!(
                "`{enum_name}.{}` has value {b} here but {a} at {}; kept {a}",
                m.name, kept.source
            ),
        )),
        _ => {}
    }
    if kept.description.is_none() {
        kept.description = m.description;
    }
}

/// The note for a member spelled with other case than the kept one.
fn case_variant(enum_name: &str, name: &str, kept: &EnumMember, at: &Source) -> Diagnostic {
    Diagnostic::note(
        "enum-member-case",
        &at.file,
        at.line,
        format!(
            "`{enum_name}.{name}` differs only in case from `{}` ({}); merged under `{}`",
            kept.name, kept.source, kept.name
        ),
    )
}

/// A "Possible values" list on a property or parameter typed with an enum.
struct ProseValues<'a> {
    version: Option<Version>,
    /// The namespace the reference is resolved from (the owning type's).
    context: Option<&'a str>,
    type_name: &'a str,
    /// Who lists the values, as a diagnostic names it: (owner, list,
    /// whether it is an operation's parameter). Formatted only when a
    /// diagnostic is made: nearly every list adds nothing.
    owner: (&'a str, &'a str, bool),
    values: &'a [String],
    source: &'a Source,
}

/// `type.property` or `operation(parameter)`.
fn owner_text((owner, name, parameter): (&str, &str, bool)) -> String {
    if parameter {
        format!("{owner}({name})")
    } else {
        format!("{owner}.{name}")
    }
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
                context: t.namespace.as_deref(),
                type_name: &p.type_name,
                owner: (&t.name, &p.name, false),
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
                context: None,
                type_name: &p.type_name,
                owner: (&op.name, &p.name, true),
                values: &p.possible_values,
                source: &p.source,
            });
        }
    }
    out
}

/// The merged enums by (version, namespace, name), with the namespaces
/// each name exists in, to resolve a type reference to an enum.
pub struct EnumIndex {
    /// Version → name → each namespace defining it with the enum's
    /// position (nested so lookups borrow: the fold looks up thousands).
    by_name: BTreeMap<Version, ByName>,
    namespaces: Namespaces,
}

impl EnumIndex {
    pub fn new(enums: &[EnumDef]) -> EnumIndex {
        let mut by_name: BTreeMap<Version, ByName> = BTreeMap::new();
        let mut namespaces = Namespaces::default();
        for (i, e) in enums.iter().enumerate() {
            let (Some(v), Some(ns)) = (e.version, e.namespace.as_deref()) else {
                continue;
            };
            namespaces.add(v, ns, &e.name);
            add_by_name(&mut by_name, v, &e.name, ns, i);
        }
        EnumIndex {
            by_name,
            namespaces,
        }
    }

    /// The index of the enum a reference to `name` from namespace `context` means.
    pub fn find(
        &self,
        version: Option<Version>,
        context: Option<&str>,
        name: &str,
    ) -> Option<usize> {
        let v = version?;
        let by_ns = self.by_name.get(&v)?.get(name)?;
        let ns = self.namespaces.resolve_ref(v, context, name);
        by_ns.iter().find(|(n, _)| n == ns).map(|(_, i)| *i)
    }
}

/// Add the members that "Possible values" prose names to the enum the
/// property is typed with. Properties typed `String` (or anything that is not
/// a known enum) are left alone: the extractor synthesises those enums.
/// Values that cannot be members (`null`) are skipped; a value differing
/// from a member only in case is that member.
pub fn add_possible_values(
    enums: &mut [EnumDef],
    types: &[TypeDef],
    operations: &[Operation],
    diags: &mut Vec<Diagnostic>,
) {
    let index = EnumIndex::new(enums);
    for list in prose_lists(types, operations) {
        let Some(i) = index.find(list.version, list.context, list.type_name) else {
            continue;
        };
        let Some(e) = enums.get_mut(i) else { continue };
        let mut added = Vec::new();
        for v in list.values.iter().filter(|v| is_member_name(v)) {
            if e.members.iter().any(|m| m.name.eq_ignore_ascii_case(v)) {
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
                    owner_text(list.owner)
                ),
            ));
        }
    }
}
