//! One spelling per type and enum name. The docs sometimes spell one Graph
//! type two ways (`deviceComplianceUserStatus` on the resource page,
//! `DeviceComplianceUserStatus` on a stub); names are compared exactly
//! everywhere else, so case-only variants are folded here, before anything is
//! merged, into the spelling of the resource (or enum) page, and every
//! reference (base types, property and parameter types, request/response
//! types) is rewritten to match.

use crate::diag::Diagnostic;
use crate::ir::model::{PageIr, Property, Source, Version};
use crate::ir::naming::{lower_hash, LowerMap};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// One way a name is spelled, with how much we trust it: a spelling from a
/// defining page (resource/enum page) beats one from a fragment; then the
/// earliest source wins so the choice does not depend on input order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Spelling<'a> {
    /// `false` sorts first: defining pages first.
    from_fragment: bool,
    source: &'a Source,
    name: &'a str,
}

/// The chosen spelling of one (version, lower-case name) of one kind.
#[derive(Debug)]
struct Canon {
    best: String,
    /// The other spellings definitions use (their renames were reported
    /// with the definitions).
    others: Vec<String>,
}

impl Canon {
    /// Whether some definition uses exactly this spelling.
    fn defines(&self, name: &str) -> bool {
        self.best == name || self.others.iter().any(|o| o == name)
    }
}

/// The canonical spellings of one lower-case name: as a type, as an enum.
#[derive(Debug, Default)]
struct Entry {
    ty: Option<Canon>,
    en: Option<Canon>,
}

/// Canonical spellings of type and enum names, per version, by lower-case
/// name (found by the name's lower-case hash, one lookup per reference:
/// every type reference of every page is looked up here).
#[derive(Debug, Default)]
struct Names {
    by_lower: BTreeMap<Version, LowerMap<Entry>>,
}

impl Names {
    fn entry(&self, version: Version, name: &str) -> Option<&Entry> {
        self.by_lower.get(&version)?.get(name)
    }

    /// Choose the canonical spelling of each (version, lower-case name) of
    /// one kind (`kind` says which slot of [`Entry`]) and report each other
    /// spelling with `code`.
    fn choose(
        &mut self,
        (kind, code): (&str, &str),
        slot: fn(&mut Entry) -> &mut Option<Canon>,
        spellings: Vec<(Version, Spelling<'_>)>,
        diags: &mut Vec<Diagnostic>,
    ) {
        // Grouped by lower-case name, found by hash: one allocation per
        // distinct name, not per definition.
        let mut groups: BTreeMap<Version, LowerMap<Vec<Spelling<'_>>>> = BTreeMap::new();
        for (v, s) in spellings {
            let by_lower = groups.entry(v).or_default();
            let h = lower_hash(s.name);
            match by_lower.get_mut_hashed(h, s.name) {
                Some(group) => group.push(s),
                None => by_lower.insert_new_hashed(h, s.name, vec![s]),
            }
        }
        for (v, by_lower) in groups {
            let names = self.by_lower.entry(v).or_default();
            for (lower, mut group) in by_lower.into_entries() {
                group.sort_unstable();
                let Some(best) = group.first().copied() else {
                    continue;
                };
                let mut others: Vec<String> = Vec::new();
                for other in &group {
                    if other.name == best.name || others.iter().any(|o| o == other.name) {
                        continue;
                    }
                    others.push(other.name.to_string());
                    diags.push(Diagnostic::warning(
                        code,
                        &other.source.file,
                        other.source.line,
                        format!(
                            "{kind} `{}` differs only in case from `{}` ({}, {}); merged under `{}`",
                            other.name,
                            best.name,
                            best.source,
                            if best.from_fragment {
                                "first fragment"
                            } else {
                                "its defining page"
                            },
                            best.name
                        ),
                    ));
                }
                let canon = Canon {
                    best: best.name.to_string(),
                    others,
                };
                let h = lower_hash(&lower);
                match names.get_mut_hashed(h, &lower) {
                    Some(entry) => *slot(entry) = Some(canon),
                    None => {
                        let mut entry = Entry::default();
                        *slot(&mut entry) = Some(canon);
                        names.insert_new_hashed(h, &lower, entry);
                    }
                }
            }
        }
    }
}

/// Choose the spelling of every type and enum name, rename definitions to it
/// and rewrite references. References spelled in a way no page defines are
/// rewritten too, with a `type-reference-case` note.
pub fn unify(pages: &mut [PageIr], diags: &mut Vec<Diagnostic>) {
    let mut type_spellings = Vec::new();
    let mut enum_spellings = Vec::new();
    for p in pages.iter() {
        for t in &p.types {
            if let Some(v) = t.version {
                type_spellings.push((
                    v,
                    Spelling {
                        from_fragment: !t.from_resource_page,
                        source: &t.source,
                        name: &t.name,
                    },
                ));
            }
        }
        for e in &p.enums {
            if let Some(v) = e.version {
                enum_spellings.push((
                    v,
                    Spelling {
                        from_fragment: e.synthesized,
                        source: &e.source,
                        name: &e.name,
                    },
                ));
            }
        }
    }
    let mut names = Names::default();
    let types = ("type", "type-name-case");
    names.choose(types, |e| &mut e.ty, type_spellings, diags);
    let enums = ("enum", "enum-name-case");
    names.choose(enums, |e| &mut e.en, enum_spellings, diags);
    // Pages are rewritten independently, in parallel; their notes are
    // kept in page order.
    let notes: Vec<Vec<Diagnostic>> = pages
        .par_iter_mut()
        .map(|p| {
            let mut diags = Vec::new();
            rewrite_page(p, &names, &mut diags);
            diags
        })
        .collect();
    diags.extend(notes.into_iter().flatten());
}

fn rewrite_page(p: &mut PageIr, names: &Names, diags: &mut Vec<Diagnostic>) {
    for t in &mut p.types {
        let Some(v) = t.version else { continue };
        if let Some(c) = names.entry(v, &t.name).and_then(|e| e.ty.as_ref()) {
            if c.best != t.name {
                t.name.clone_from(&c.best);
            }
        }
        if let Some(base) = &mut t.base {
            rewrite_ref(v, base, &t.source, names, diags);
        }
        for prop in &mut t.properties {
            rewrite_property(v, prop, names, diags);
        }
    }
    for e in &mut p.enums {
        let Some(v) = e.version else { continue };
        if let Some(c) = names.entry(v, &e.name).and_then(|e| e.en.as_ref()) {
            if c.best != e.name {
                e.name.clone_from(&c.best);
            }
        }
    }
    for op in &mut p.operations {
        let Some(v) = op.version else { continue };
        if let Some(t) = &mut op.request.type_name {
            rewrite_ref(v, t, &op.source, names, diags);
        }
        for prop in &mut op.request.properties {
            rewrite_property(v, prop, names, diags);
        }
        if let Some(t) = &mut op.response.type_name {
            let at = op.response.source.as_ref().unwrap_or(&op.source);
            rewrite_ref(v, t, at, names, diags);
        }
        for param in &mut op.parameters {
            rewrite_ref(v, &mut param.type_name, &param.source, names, diags);
        }
    }
}

fn rewrite_property(v: Version, prop: &mut Property, names: &Names, diags: &mut Vec<Diagnostic>) {
    rewrite_ref(v, &mut prop.type_name, &prop.source, names, diags);
}

/// Rewrite one reference to its canonical spelling (structured types
/// first). Exact spellings of a definition are silent (the definition's
/// rename was reported already).
fn rewrite_ref(
    v: Version,
    name: &mut String,
    at: &Source,
    names: &Names,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(entry) = names.entry(v, name) else {
        return;
    };
    let Some(c) = entry.ty.as_ref().or(entry.en.as_ref()) else {
        return;
    };
    if c.best == name.as_str() {
        return;
    }
    let defined = [&entry.ty, &entry.en]
        .into_iter()
        .flatten()
        .any(|c| c.defines(name));
    if !defined {
        diags.push(Diagnostic::note(
            "type-reference-case",
            &at.file,
            at.line,
            format!(
                "type reference `{name}` matches `{}` only ignoring case; using `{}`",
                c.best, c.best
            ),
        ));
    }
    name.clone_from(&c.best);
}
