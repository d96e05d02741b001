//! One [`TypeDef`] per (version, name, namespace): the most authoritative
//! definition (see `authority`: newest template era, then the resource page,
//! then the type's own page), with the properties of every other page
//! describing the same type united into it.

use super::authority::Authority;
use super::groups::grouped;
use crate::diag::Diagnostic;
use crate::ir::model::{Property, Source, TypeDef, Version};
use crate::ir::naming::FastHash;
use rayon::prelude::*;
use std::collections::HashMap;

/// Merge type fragments (names already in canonical spelling, versions set).
/// The result is sorted by (version, name, namespace); with each merged
/// type comes what `read_group` read of its fragments before they were
/// merged. Groups are merged in parallel, their results kept in order.
pub fn merge_types<R: Send>(
    fragments: Vec<TypeDef>,
    authority: &Authority,
    read_group: impl Fn(&[TypeDef]) -> R + Sync,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<TypeDef>, Vec<R>) {
    let by_type = grouped(fragments, |a, b| group_key(a).cmp(&group_key(b)));
    let merged: Vec<(Option<TypeDef>, R, Vec<Diagnostic>)> = by_type
        .into_par_iter()
        .map(|group| {
            let read = read_group(&group);
            let mut diags = Vec::new();
            let merged = merge_group(group, authority, &mut diags);
            (merged, read, diags)
        })
        .collect();
    let mut types = Vec::with_capacity(merged.len());
    let mut reads = Vec::with_capacity(merged.len());
    for (t, read, mut d) in merged {
        diags.append(&mut d);
        if let Some(t) = t {
            types.push(t);
            reads.push(read);
        }
    }
    (types, reads)
}

/// What fragments of one type share.
fn group_key(t: &TypeDef) -> (Option<Version>, &str, Option<&str>) {
    (t.version, t.name.as_str(), t.namespace.as_deref())
}

/// The parts in order of authority. Every property is first seen on the most
/// authoritative page that lists it; the definition the others are merged
/// into (kind, base, description, source) is the most authoritative resource
/// page, even when a newer era has only request-body fragments of the type
/// (they describe properties, not the type).
fn merge_group(
    mut group: Vec<TypeDef>,
    authority: &Authority,
    diags: &mut Vec<Diagnostic>,
) -> Option<TypeDef> {
    sort_by_rank(&mut group, authority);
    let type_name = group.first()?.name.clone();
    let mut props = PropertySet::new(&type_name, authority);
    // The definition's own rows go through the same matching: a table that
    // lists a property twice is merged (and reported if it contradicts itself).
    for part in &mut group {
        for p in std::mem::take(&mut part.properties) {
            props.add(p, diags);
        }
    }
    let defining = group.iter().position(|t| t.from_resource_page).unwrap_or(0);
    if defining >= group.len() {
        return None;
    }
    let mut merged = group.remove(defining);
    let mut contributors: Vec<Source> = std::mem::take(&mut merged.contributors);
    for part in group {
        if part.from_resource_page {
            report_duplicate_resource(&merged, &part, authority, diags);
        }
        fill_type_gaps(&mut merged, &part);
        contributors.push(part.source.clone());
        contributors.extend(part.contributors);
    }
    merged.properties = props.into_vec();
    merged.contributors = contributors_list(&merged.source, contributors);
    Some(merged)
}

/// Sort the parts by [`Authority::type_rank`] (stable), each rank computed
/// once rather than per comparison.
fn sort_by_rank(group: &mut Vec<TypeDef>, authority: &Authority) {
    if group.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..group.len()).collect();
    {
        let ranks: Vec<_> = group.iter().map(|t| authority.type_rank(t)).collect();
        order.sort_by(|&a, &b| ranks.get(a).cmp(&ranks.get(b)));
    }
    let mut parts: Vec<Option<TypeDef>> = std::mem::take(group).into_iter().map(Some).collect();
    group.extend(
        order
            .into_iter()
            .filter_map(|i| parts.get_mut(i).and_then(Option::take)),
    );
}

/// The defining source first, then every other contributor, sorted, once.
fn contributors_list(defining: &Source, mut others: Vec<Source>) -> Vec<Source> {
    others.retain(|s| s != defining);
    others.sort();
    others.dedup();
    let mut out = Vec::with_capacity(others.len() + 1);
    out.push(defining.clone());
    out.extend(others);
    out
}

/// Two resource pages define the same type: the more authoritative one is the
/// definition; properties are still united. Across eras that is the newer
/// template superseding the older (a note); within one era a real duplicate.
fn report_duplicate_resource(
    kept: &TypeDef,
    dup: &TypeDef,
    authority: &Authority,
    diags: &mut Vec<Diagnostic>,
) {
    let mut differs = Vec::new();
    if kept.kind != dup.kind {
        differs.push(format!("kind {:?} vs {:?}", dup.kind, kept.kind));
    }
    if dup.base.is_some() && kept.base != dup.base {
        differs.push(format!(
            "base `{}` vs `{}`",
            dup.base.as_deref().unwrap_or("-"),
            kept.base.as_deref().unwrap_or("-")
        ));
    }
    let differs = if differs.is_empty() {
        String::new()
    } else {
        format!(" ({})", differs.join(", "))
    };
    let (kept_era, dup_era) = (
        authority.era_of(&kept.source),
        authority.era_of(&dup.source),
    );
    if kept_era < dup_era {
        diags.push(Diagnostic::note(
            "type-definition-superseded",
            &dup.source.file,
            dup.source.line,
            format!(
                "type `{}` is also defined by the resource page {} ({}){differs}; kept that definition, the newer template outranks this {}, and united the properties",
                kept.name, kept.source, kept_era.describe(), dup_era.describe()
            ),
        ));
        return;
    }
    diags.push(Diagnostic::warning(
        "type-duplicate-resource",
        &dup.source.file,
        dup.source.line,
        format!(
            "type `{}` is also defined by the resource page {}{differs}; kept that definition and united the properties",
            kept.name, kept.source
        ),
    ));
}

/// The definition is authoritative; only what it leaves unsaid is taken from
/// the other parts.
fn fill_type_gaps(merged: &mut TypeDef, part: &TypeDef) {
    if merged.description.is_none() {
        merged.description.clone_from(&part.description);
    }
    if merged.base.is_none() {
        merged.base.clone_from(&part.base);
    }
    if merged.key.is_none() {
        merged.key.clone_from(&part.key);
    }
    if merged.json_example.is_none() {
        merged.json_example.clone_from(&part.json_example);
    }
}

/// The properties of one type being merged, in first-seen order, matched by
/// name (exactly, else ignoring case with a warning).
struct PropertySet<'a> {
    type_name: &'a str,
    authority: &'a Authority,
    props: Vec<Property>,
    /// Lower-case name → position (names are unique ignoring case).
    by_lower: HashMap<String, usize, FastHash>,
    /// The name each property was first added under, where a JSON-only
    /// property has since taken a table row's spelling: an exact match is
    /// a match of the first name.
    renamed: HashMap<usize, String, FastHash>,
}

impl<'a> PropertySet<'a> {
    fn new(type_name: &'a str, authority: &'a Authority) -> Self {
        PropertySet {
            type_name,
            authority,
            props: Vec::new(),
            by_lower: HashMap::default(),
            renamed: HashMap::default(),
        }
    }

    fn add(&mut self, p: Property, diags: &mut Vec<Diagnostic>) {
        let found =
            crate::ir::naming::with_lower(&p.name, |lower| self.by_lower.get(lower).copied());
        let Some(i) = found else {
            let i = self.props.len();
            self.by_lower.insert(crate::ir::naming::lower(&p.name), i);
            self.props.push(p);
            return;
        };
        let Some(existing) = self.props.get_mut(i) else {
            return;
        };
        let first_name = self.renamed.get(&i).unwrap_or(&existing.name);
        if *first_name == p.name {
            merge_property(self.type_name, self.authority, existing, p, diags);
            return;
        }
        diags.push(Diagnostic::warning(
            "property-name-case",
            &p.source.file,
            p.source.line,
            format!(
                "`{}.{}` differs only in case from `{}` ({}); merged under `{}`",
                self.type_name, p.name, existing.name, existing.source, existing.name
            ),
        ));
        // A JSON-only property yields to a table row, spelling and all.
        if existing.from_json && !p.from_json && !self.renamed.contains_key(&i) {
            self.renamed.insert(i, existing.name.clone());
        }
        merge_property(self.type_name, self.authority, existing, p, diags);
    }

    /// Structural properties then navigation properties (the model's order),
    /// each group in first-seen order: rows added by fragments come after the
    /// resource page's rows of the same group.
    fn into_vec(mut self) -> Vec<Property> {
        self.props.sort_by_key(|p| p.navigation);
        self.props
    }
}

/// How a property's type reads in a diagnostic: `String` or `String collection`.
fn type_text(p: &Property) -> String {
    if p.collection {
        format!("{} collection", p.type_name)
    } else {
        p.type_name.clone()
    }
}

/// Merge a later (less authoritative) description of a property into the
/// kept one: the kept one's facts win, gaps are filled, contradictions
/// reported.
fn merge_property(
    type_name: &str,
    authority: &Authority,
    kept: &mut Property,
    mut other: Property,
    diags: &mut Vec<Diagnostic>,
) {
    // A table row (of any page) says more than a JSON representation value.
    if kept.from_json && !other.from_json {
        std::mem::swap(kept, &mut other);
        fill_property_gaps(kept, other);
        return;
    }
    if kept.type_name.is_empty() {
        kept.type_name.clone_from(&other.type_name);
        kept.collection = other.collection;
    } else if !other.type_name.is_empty()
        && (!kept.type_name.eq_ignore_ascii_case(&other.type_name)
            || kept.collection != other.collection)
    {
        diags.push(type_conflict(type_name, authority, kept, &other));
    }
    fill_property_gaps(kept, other);
}

/// The diagnostic for a property typed differently by two pages, saying
/// which rule of `authority` kept the type.
fn type_conflict(
    type_name: &str,
    authority: &Authority,
    kept: &Property,
    other: &Property,
) -> Diagnostic {
    let (kept_era, other_era) = (
        authority.era_of(&kept.source),
        authority.era_of(&other.source),
    );
    if kept_era < other_era {
        return Diagnostic::note(
            "type-superseded",
            &other.source.file,
            other.source.line,
            format!(
                "`{type_name}.{}` is `{}` on this {} but `{}` on the {} at {}; kept `{}`: the newer template wins",
                kept.name,
                type_text(other),
                other_era.describe(),
                type_text(kept),
                kept_era.describe(),
                kept.source,
                type_text(kept)
            ),
        );
    }
    let why = if kept_era == other_era {
        format!(
            "both are {}s: the resource page, then the type's own page, then the first file wins",
            kept_era.describe()
        )
    } else {
        "a table row outranks a JSON representation value".to_string()
    };
    Diagnostic::warning(
        "type-conflict",
        &other.source.file,
        other.source.line,
        format!(
            "`{type_name}.{}` is `{}` here but `{}` at {}; kept `{}` ({why})",
            kept.name,
            type_text(other),
            type_text(kept),
            kept.source,
            type_text(kept),
        ),
    )
}

/// Take from `other` what `kept` leaves unsaid.
fn fill_property_gaps(kept: &mut Property, other: Property) {
    if kept.description.is_none() {
        kept.description = other.description;
    }
    if kept.possible_values.is_empty() {
        kept.possible_values = other.possible_values;
    }
    if kept.nullable.is_none() {
        kept.nullable = other.nullable;
    }
    if kept.supports.is_empty() {
        kept.supports = other.supports;
    }
    if kept.raw_type.is_empty() {
        kept.raw_type = other.raw_type;
    }
}
