//! Synthesized historical enums folded into the enum newer pages type the
//! same property with.
//!
//! The pre-2018 templates type enum properties `String` and list the members
//! in prose; the extractor names such an enum after owner and property
//! (`windows81CompliancePolicy.passwordRequiredType` gives
//! `windows81CompliancePolicyPasswordRequiredType`, `synthesized`). Newer
//! pages type the same property with the enum the service declares
//! (`requiredPasswordType`), so without this step a version would carry both
//! enums for one set of values. A synthesized enum S is folded into an enum E
//! when, in one version:
//! - the most authoritative description (see `authority`; a table row before
//!   a JSON-representation value) of some property (owning type and
//!   namespace, property name ignoring case) types it E, an enum that is not
//!   synthesized, and a page of an older era types the same property S;
//! - no fragment of S comes from a page as new as that description;
//! - every such property names the same E (else both stay: warning
//!   `enum-fold-ambiguous`);
//! - S's members are E's members or a subset of them, ignoring case and the
//!   `unknownFutureValue` sentinel (else both stay: warning
//!   `enum-fold-mismatch`).
//!
//! Folding fills E's members' missing numeric values and descriptions from
//! S (E's spelling and order win), re-points every reference to S (property,
//! parameter, request and response types of the version's fragments) to E,
//! and drops S (note `enum-folded`). It runs on the fragments, before the
//! per-type merge, so the property merge sees one enum name and reports no
//! conflict for what is one enum under two names.

use super::authority::{Authority, Rank};
use super::enums::EnumIndex;
use super::retype::member_set;
use crate::diag::Diagnostic;
use crate::extract::enums::find_member;
use crate::ir::model::{EnumDef, Operation, PageEra, Source, TypeDef, Version, MAIN_NAMESPACE};
use crate::ir::naming::{with_lower, FastHash};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// (version, namespace, name) of an enum.
type EnumKey = (Version, String, String);

/// The newest era of the pages each synthesized enum comes from (before
/// the enum fragments are merged and lose their pages). Only synthesized
/// fragments are read: a merged enum is synthesized only when all its
/// fragments are, and only those are looked up.
pub fn newest_eras(fragments: &[EnumDef], authority: &Authority) -> BTreeMap<EnumKey, PageEra> {
    let mut out: BTreeMap<EnumKey, PageEra> = BTreeMap::new();
    for e in fragments.iter().filter(|e| e.synthesized) {
        let Some(key) = key_of(e) else { continue };
        let era = authority.era_of(&e.source);
        out.entry(key)
            .and_modify(|newest| *newest = (*newest).min(era))
            .or_insert(era);
    }
    out
}

fn key_of(e: &EnumDef) -> Option<EnumKey> {
    Some((
        e.version?,
        e.namespace
            .clone()
            .unwrap_or_else(|| MAIN_NAMESPACE.to_string()),
        e.name.clone(),
    ))
}

/// Where a newer page types a property with E while an older one uses S.
struct Replacement {
    /// `owner.property`.
    owner: String,
    /// The authoritative description typing it E.
    at: Source,
    era: PageEra,
}

/// Fold synthesized enums into the enums newer pages replace them with (see
/// the module doc). `eras` is [`newest_eras`] of the enum fragments.
pub fn fold_synthesized_enums(
    enums: &mut Vec<EnumDef>,
    eras: &BTreeMap<EnumKey, PageEra>,
    types: &mut [TypeDef],
    operations: &mut [Operation],
    authority: &Authority,
    diags: &mut Vec<Diagnostic>,
) {
    // Only a property typed with a synthesized enum's name can lead to a
    // fold, and only such a name needs re-pointing: everything else is
    // skipped by these names before any lookup.
    let synthesized: HashSet<&str, FastHash> = enums
        .iter()
        .filter(|e| e.synthesized)
        .map(|e| e.name.as_str())
        .collect();
    if synthesized.is_empty() {
        return;
    }
    let index = EnumIndex::new(enums);
    let refs = synthesized_refs(types, &synthesized);
    let candidates = replacements(enums, eras, &index, types, &refs, authority);
    let mut folds: BTreeMap<usize, usize> = BTreeMap::new();
    for (s, by_target) in &candidates {
        let Some(synth) = enums.get(*s) else { continue };
        match decide(synth, by_target, enums) {
            Ok(e) => {
                folds.insert(*s, e);
            }
            Err(d) => diags.push(d),
        }
    }
    if folds.is_empty() {
        return;
    }
    let folded: HashSet<&str, FastHash> = folds
        .keys()
        .filter_map(|&s| enums.get(s).map(|e| e.name.as_str()))
        .collect();
    let counts = repoint_references(&folds, &folded, enums, &index, (types, &refs), operations);
    for (&s, &e) in &folds {
        let (Some(synth), Some(evidence)) = (
            enums.get(s).cloned(),
            candidates.get(&s).and_then(|c| c.get(&e)),
        ) else {
            continue;
        };
        let Some(target) = enums.get_mut(e) else {
            continue;
        };
        let respelled = fill_members(target, &synth);
        diags.push(folded_note(
            &synth,
            target,
            evidence,
            counts.get(&s).copied().unwrap_or(0),
            respelled,
        ));
    }
    let mut i = 0;
    enums.retain(|_| {
        let keep = !folds.contains_key(&i);
        i += 1;
        keep
    });
}

/// (fragment, property) positions of every property typed with a
/// synthesized enum's name, in order: the only properties that can lead
/// to a fold or need re-pointing (every row is read once, on the pool).
fn synthesized_refs(
    types: &[TypeDef],
    synthesized: &HashSet<&str, FastHash>,
) -> Vec<(usize, usize)> {
    types
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, t)| {
            t.properties
                .iter()
                .enumerate()
                .filter(|(_, p)| synthesized.contains(p.type_name.as_str()))
                .map(move |(pos, _)| (i, pos))
        })
        .collect()
}

/// For each synthesized enum (by index), the enums newer pages type its
/// properties with, each with the first property that shows it. `refs`:
/// [`synthesized_refs`].
fn replacements(
    enums: &[EnumDef],
    eras: &BTreeMap<EnumKey, PageEra>,
    index: &EnumIndex,
    types: &[TypeDef],
    refs: &[(usize, usize)],
    authority: &Authority,
) -> BTreeMap<usize, BTreeMap<usize, Replacement>> {
    let mut out: BTreeMap<usize, BTreeMap<usize, Replacement>> = BTreeMap::new();
    for typings in property_typings(types, refs, authority).values() {
        let Some(best) = typings.iter().min_by(|a, b| a.rank.cmp(&b.rank)) else {
            continue;
        };
        let Some(e) = index.find(Some(best.version), best.context, best.type_name) else {
            continue;
        };
        if enums.get(e).is_none_or(|target| target.synthesized) {
            continue;
        }
        let best_era = authority.era_of(best.source);
        for t in typings {
            let Some(s) = index.find(Some(t.version), t.context, t.type_name) else {
                continue;
            };
            let Some(synth) = enums.get(s).filter(|x| x.synthesized && s != e) else {
                continue;
            };
            let synth_era = key_of(synth)
                .and_then(|k| eras.get(&k).copied())
                .unwrap_or_else(|| authority.era_of(&synth.source));
            if synth_era <= best_era {
                continue;
            }
            out.entry(s).or_default().entry(e).or_insert(Replacement {
                owner: format!("{}.{}", best.owner, best.property),
                at: best.source.clone(),
                era: best_era,
            });
        }
    }
    out
}

/// One page's typing of one property.
struct Typing<'a> {
    /// JSON-representation-only values last, then the page's authority.
    rank: (bool, Rank<'a>, &'a Source),
    version: Version,
    context: Option<&'a str>,
    owner: &'a str,
    property: &'a str,
    type_name: &'a str,
    source: &'a Source,
}

/// (version, namespace, owning type, property name lower-cased).
type PropertyKey<'a> = (Version, Option<&'a str>, &'a str, String);

/// (version, namespace, name) of a type.
type OwnerKey<'a> = (Version, Option<&'a str>, &'a str);

/// Every typing of every property some fragment types with a synthesized
/// enum's name, grouped by [`PropertyKey`]. (The other properties cannot
/// name a synthesized enum, so they cannot lead to a fold; leaving them out
/// keeps the groups that matter, in the same order.)
fn property_typings<'a>(
    types: &'a [TypeDef],
    refs: &[(usize, usize)],
    authority: &Authority,
) -> BTreeMap<PropertyKey<'a>, Vec<Typing<'a>>> {
    // Per owning type, the lower-case names of its properties that some
    // fragment types with a synthesized enum (looked up per type once,
    // then per property by borrowed name: the beta has 50,000 rows).
    let typed_synthesized = refs.iter().filter_map(|&(i, pos)| {
        let t = types.get(i)?;
        let owner = (t.version?, t.namespace.as_deref(), t.name.as_str());
        let p = t.properties.get(pos)?;
        Some((owner, crate::ir::naming::lower(&p.name)))
    });
    let mut wanted: HashMap<OwnerKey<'a>, HashSet<String, FastHash>, FastHash> = HashMap::default();
    for (owner, name) in typed_synthesized {
        wanted.entry(owner).or_default().insert(name);
    }
    // Each fragment is read on the pool (most are no wanted owner's);
    // the typings are grouped in fragment order, as one pass would.
    let typings: Vec<Vec<(PropertyKey<'a>, Typing<'a>)>> = types
        .par_iter()
        .map(|t| {
            let Some(version) = t.version else {
                return Vec::new();
            };
            let context = t.namespace.as_deref();
            let Some(names) = wanted.get(&(version, context, t.name.as_str())) else {
                return Vec::new();
            };
            let rank = authority.type_rank(t);
            t.properties
                .iter()
                .filter(|p| !p.type_name.is_empty())
                .filter_map(|p| {
                    let lower = with_lower(&p.name, |l| names.get(l))?;
                    let key = (version, context, t.name.as_str(), lower.clone());
                    let typing = Typing {
                        rank: (p.from_json, rank, &p.source),
                        version,
                        context,
                        owner: &t.name,
                        property: &p.name,
                        type_name: &p.type_name,
                        source: &p.source,
                    };
                    Some((key, typing))
                })
                .collect()
        })
        .collect();
    let mut out: BTreeMap<_, Vec<Typing<'a>>> = BTreeMap::new();
    for (key, typing) in typings.into_iter().flatten() {
        out.entry(key).or_default().push(typing);
    }
    out
}

/// The enum to fold `synth` into, or the warning saying why both stay.
fn decide(
    synth: &EnumDef,
    by_target: &BTreeMap<usize, Replacement>,
    enums: &[EnumDef],
) -> Result<usize, Diagnostic> {
    let mut targets = by_target.iter();
    let (Some((&e, evidence)), None) = (targets.next(), targets.next()) else {
        let named = by_target
            .iter()
            .filter_map(|(e, r)| {
                Some(format!(
                    "`{}` ({} at {})",
                    enums.get(*e)?.name,
                    r.owner,
                    r.at
                ))
            })
            .collect::<Vec<_>>()
            .join(", ");
        return Err(Diagnostic::warning(
            "enum-fold-ambiguous",
            &synth.source.file,
            synth.source.line,
            format!(
                "synthesized enum `{}` is replaced on newer pages by different enums: {named}; kept it and them",
                synth.name
            ),
        ));
    };
    let Some(target) = enums.get(e) else {
        return Err(Diagnostic::warning(
            "enum-fold-ambiguous",
            &synth.source.file,
            synth.source.line,
            format!(
                "synthesized enum `{}`: its replacement is missing; kept it",
                synth.name
            ),
        ));
    };
    let theirs = member_set(target.members.iter().map(|m| &m.name));
    let extra: Vec<String> = synth
        .members
        .iter()
        .filter(|m| !member_set(std::iter::once(&m.name)).is_subset(&theirs))
        .map(|m| format!("`{}`", m.name))
        .collect();
    if extra.is_empty() {
        return Ok(e);
    }
    Err(Diagnostic::warning(
        "enum-fold-mismatch",
        &synth.source.file,
        synth.source.line,
        format!(
            "synthesized enum `{}` is `{}` on the {} at {} (`{}`), but has members `{}` lacks: {}; kept both",
            synth.name,
            target.name,
            evidence.era.describe(),
            evidence.at,
            evidence.owner,
            target.name,
            extra.join(", ")
        ),
    ))
}

/// Rename every reference to a folded enum; returns how many references of
/// each folded enum were re-pointed.
fn repoint_references(
    folds: &BTreeMap<usize, usize>,
    folded: &HashSet<&str, FastHash>,
    enums: &[EnumDef],
    index: &EnumIndex,
    (types, refs): (&mut [TypeDef], &[(usize, usize)]),
    operations: &mut [Operation],
) -> BTreeMap<usize, usize> {
    let repoint = |version: Option<Version>,
                   context: Option<&str>,
                   name: &mut String,
                   counts: &mut BTreeMap<usize, usize>| {
        if !folded.contains(name.as_str()) {
            return;
        }
        let Some(s) = index.find(version, context, name) else {
            return;
        };
        let Some(target) = folds.get(&s).and_then(|e| enums.get(*e)) else {
            return;
        };
        name.clone_from(&target.name);
        *counts.entry(s).or_default() += 1;
    };
    // Of the types only the properties typed with a synthesized enum's
    // name can be re-pointed; every operation's references are read, on
    // the pool. The counts are sums, the same whatever the pieces.
    let mut in_types = BTreeMap::new();
    for &(i, pos) in refs {
        let Some(t) = types.get_mut(i) else { continue };
        let (version, context) = (t.version, t.namespace.as_deref());
        if let Some(p) = t.properties.get_mut(pos) {
            repoint(version, context, &mut p.type_name, &mut in_types);
        }
    }
    let in_operations = operations
        .par_iter_mut()
        .fold(BTreeMap::new, |mut counts, op| {
            let v = op.version;
            for p in &mut op.parameters {
                repoint(v, None, &mut p.type_name, &mut counts);
            }
            if let Some(name) = op.request.type_name.as_mut() {
                repoint(v, None, name, &mut counts);
            }
            for p in &mut op.request.properties {
                repoint(v, None, &mut p.type_name, &mut counts);
            }
            if let Some(name) = op.response.type_name.as_mut() {
                repoint(v, None, name, &mut counts);
            }
            counts
        })
        .reduce(BTreeMap::new, add_counts);
    add_counts(in_types, in_operations)
}

/// Per-enum counts added up.
fn add_counts(mut a: BTreeMap<usize, usize>, b: BTreeMap<usize, usize>) -> BTreeMap<usize, usize> {
    for (k, n) in b {
        *a.entry(k).or_default() += n;
    }
    a
}

/// Fill the target's members' gaps from the synthesized enum's; returns the
/// names spelled differently (the target's spelling is kept).
fn fill_members(target: &mut EnumDef, synth: &EnumDef) -> Vec<String> {
    let mut respelled = Vec::new();
    for m in &synth.members {
        let Some(kept) = find_member(&mut target.members, &m.name) else {
            // Only the sentinel or a non-member name can be missing here.
            continue;
        };
        if kept.name != m.name {
            respelled.push(format!("`{}` as `{}`", m.name, kept.name));
        }
        if kept.value.is_none() {
            kept.value = m.value;
        }
        if kept.description.is_none() {
            kept.description.clone_from(&m.description);
        }
    }
    if target.description.is_none() {
        target.description.clone_from(&synth.description);
    }
    respelled
}

fn folded_note(
    synth: &EnumDef,
    target: &EnumDef,
    evidence: &Replacement,
    references: usize,
    respelled: Vec<String>,
) -> Diagnostic {
    let ours: BTreeSet<String> = member_set(synth.members.iter().map(|m| &m.name));
    let theirs = member_set(target.members.iter().map(|m| &m.name));
    let how = if ours == theirs {
        "the same members"
    } else {
        "a subset of its members"
    };
    let respelled = if respelled.is_empty() {
        String::new()
    } else {
        format!(" (spelled {})", respelled.join(", "))
    };
    Diagnostic::note(
        "enum-folded",
        &synth.source.file,
        synth.source.line,
        format!(
            "synthesized enum `{}` is `{}` on the {} at {} (`{}`) and has {how} ignoring case{respelled}; folded into `{}`: {references} references re-pointed, `{}` dropped",
            synth.name,
            target.name,
            evidence.era.describe(),
            evidence.at,
            evidence.owner,
            target.name,
            synth.name
        ),
    )
}
