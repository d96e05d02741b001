//! One [`TypeDef`] per (version, name, namespace): the most authoritative
//! definition (see `authority`: newest template era, then the resource page,
//! then the type's own page), with the properties of every other page
//! describing the same type united into it.

use super::authority::Authority;
use super::groups::grouped;
use super::property_spelling::{is_property_key, FragmentVotes};
use crate::diag::Diagnostic;
use crate::ir::model::{Property, Source, TypeDef, Version};
use crate::ir::naming::{lower_hash, same_lower, FastHash};
use rayon::prelude::*;
use std::collections::HashMap;

/// Merge type fragments (names already in canonical spelling, versions set).
/// The result is sorted by (version, name, namespace); with each merged
/// type come the spellings its fragments used (read while they are merged;
/// empty for types without a version or namespace, which take no part in
/// choosing spellings). Groups are merged in parallel, their results kept
/// in order.
pub fn merge_types(
    fragments: Vec<TypeDef>,
    authority: &Authority,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<TypeDef>, Vec<FragmentVotes>) {
    let by_type = grouped(fragments, group_key);
    let merged: Vec<(Option<TypeDef>, FragmentVotes, Vec<Diagnostic>)> = by_type
        .into_par_iter()
        .map(|group| {
            let mut diags = Vec::new();
            let mut votes = FragmentVotes::default();
            let merged = merge_group(group, authority, &mut votes, &mut diags);
            (merged, votes, diags)
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
    votes: &mut FragmentVotes,
    diags: &mut Vec<Diagnostic>,
) -> Option<TypeDef> {
    sort_by_rank(&mut group, authority);
    let first = group.first()?;
    let type_name = first.name.clone();
    // Fragments of one group share version and namespace: either all
    // take part in choosing spellings or none does.
    let voting = first.version.is_some() && first.namespace.is_some();
    let mut props = PropertySet::new(&type_name, authority);
    // Room for every row (most are distinct properties): growing the
    // vector of large properties copies them.
    let rows: usize = group.iter().map(|t| t.properties.len()).sum();
    props.props.reserve(rows);
    // The definition's own rows go through the same matching: a table that
    // lists a property twice is merged (and reported if it contradicts itself).
    for part in &mut group {
        let from_resource_page = part.from_resource_page;
        for p in std::mem::take(&mut part.properties) {
            // JSON-only properties are read from the representation below.
            let vote = (voting && !p.from_json).then_some(from_resource_page);
            props.add(
                p,
                vote.map(|page| (votes as &mut FragmentVotes, page)),
                diags,
            );
        }
    }
    if voting {
        for part in &group {
            props.vote_json_keys(part, votes);
        }
        props.record_first_names(votes);
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
    merged.properties = props.into_vec(votes);
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
    /// [`lower_hash`] of the name → position (names are unique ignoring
    /// case; keyed by hash, no lower-cased copy of each name is made). A
    /// name whose hash another holds is found by a scan.
    by_lower: HashMap<u64, usize, FastHash>,
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

    /// Add a row; `vote` (the votes and whether the row is a resource
    /// page's) records its spelling.
    fn add(
        &mut self,
        p: Property,
        vote: Option<(&mut FragmentVotes, bool)>,
        diags: &mut Vec<Diagnostic>,
    ) {
        let h = lower_hash(&p.name);
        let Some(i) = self.find(h, &p.name) else {
            let i = self.props.len();
            if let Some((votes, page)) = vote {
                votes.row(i, None, page, &p.source);
            }
            self.by_lower.entry(h).or_insert(i);
            self.props.push(p);
            return;
        };
        let Some(existing) = self.props.get_mut(i) else {
            return;
        };
        let first_name = self.renamed.get(&i).unwrap_or(&existing.name);
        if let Some((votes, page)) = vote {
            // A spelling is kept only where it is not the first one.
            let spelling = (*first_name != p.name).then(|| p.name.clone());
            votes.row(i, spelling, page, &p.source);
        }
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
    fn into_vec(mut self, votes: &mut FragmentVotes) -> Vec<Property> {
        // (Nearly always in order already: then nothing moves.)
        let out_of_order = self
            .props
            .windows(2)
            .any(|w| matches!(w, [a, b] if a.navigation && !b.navigation));
        if out_of_order {
            // Stable: the positions the votes follow.
            let mut order: Vec<usize> = (0..self.props.len()).collect();
            order.sort_by_key(|&i| self.props.get(i).map(|p| p.navigation));
            let mut new_pos = vec![0; order.len()];
            for (new, &old) in order.iter().enumerate() {
                if let Some(slot) = new_pos.get_mut(old) {
                    *slot = new;
                }
            }
            votes.reorder(&new_pos);
            self.props.sort_by_key(|p| p.navigation);
        }
        self.props
    }

    /// The keys of a fragment's JSON representation that name a property
    /// (keys naming none are never read: only properties choose spellings).
    fn vote_json_keys(&self, part: &TypeDef, votes: &mut FragmentVotes) {
        let Some(crate::ir::json::Json::Object(map)) = &part.json_example else {
            return;
        };
        for k in map.keys().filter(|k| is_property_key(k)) {
            let Some(i) = self.find(lower_hash(k), k) else {
                continue;
            };
            let spelling = (self.first_name(i) != Some(k.as_str())).then(|| k.clone());
            votes.json_key(i, spelling, &part.source);
        }
    }

    /// The position of the property named `name` ignoring case (`h`: its
    /// [`lower_hash`]).
    fn find(&self, h: u64, name: &str) -> Option<usize> {
        let i = *self.by_lower.get(&h)?;
        if self.props.get(i).is_some_and(|p| same_lower(&p.name, name)) {
            return Some(i);
        }
        // Another name has this hash.
        self.props.iter().position(|p| same_lower(&p.name, name))
    }

    /// The name property `i` was first added under.
    fn first_name(&self, i: usize) -> Option<&str> {
        match self.renamed.get(&i) {
            Some(name) => Some(name),
            None => self.props.get(i).map(|p| p.name.as_str()),
        }
    }

    /// Record the first names of properties whose name has changed since.
    fn record_first_names(&self, votes: &mut FragmentVotes) {
        for (&i, name) in &self.renamed {
            votes.first_name(i, name.clone());
        }
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
