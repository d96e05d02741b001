//! One spelling per type and enum name. The docs sometimes spell one Graph
//! type two ways (`deviceComplianceUserStatus` on the resource page,
//! `DeviceComplianceUserStatus` on a stub); names are compared exactly
//! everywhere else, so case-only variants are folded here, before anything is
//! merged, into the spelling of the resource (or enum) page, and every
//! reference (base types, property and parameter types, request/response
//! types) is rewritten to match.

use crate::diag::Diagnostic;
use crate::ir::model::{PageIr, Property, Source, Version};
use crate::ir::naming::{with_lower, FastHash};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One way a name is spelled, with how much we trust it: a spelling from a
/// defining page (resource/enum page) beats one from a fragment; then the
/// earliest source wins so the choice does not depend on input order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Spelling {
    /// `false` sorts first: defining pages first.
    from_fragment: bool,
    source: Source,
    name: String,
}

/// Canonical spellings of one kind of name (types or enums), per version.
#[derive(Debug, Default)]
pub struct Spellings {
    /// Version → lower-case name → canonical spelling (hashed: every type
    /// reference of every page is looked up here).
    canonical: BTreeMap<Version, HashMap<String, String, FastHash>>,
    /// Every exact spelling some definition uses.
    defined: BTreeSet<(Version, String)>,
}

impl Spellings {
    /// Collect every spelling, choose the canonical one per (version,
    /// lower-case name) and report each other spelling with `code`.
    fn choose(
        kind: &str,
        code: &str,
        spellings: Vec<(Version, Spelling)>,
        diags: &mut Vec<Diagnostic>,
    ) -> Spellings {
        let mut groups: BTreeMap<(Version, String), Vec<Spelling>> = BTreeMap::new();
        let mut defined = BTreeSet::new();
        for (v, s) in spellings {
            defined.insert((v, s.name.clone()));
            groups
                .entry((v, crate::ir::naming::lower(&s.name)))
                .or_default()
                .push(s);
        }
        let mut canonical: BTreeMap<Version, HashMap<String, String, FastHash>> = BTreeMap::new();
        for ((v, lower), mut group) in groups {
            group.sort();
            let Some(best) = group.first().cloned() else {
                continue;
            };
            let mut reported: Vec<&str> = vec![&best.name];
            for other in &group {
                if reported.contains(&other.name.as_str()) {
                    continue;
                }
                reported.push(&other.name);
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
            canonical.entry(v).or_default().insert(lower, best.name);
        }
        Spellings { canonical, defined }
    }

    /// The canonical spelling of `name` in `version`, if it names one of these.
    pub fn resolve(&self, version: Version, name: &str) -> Option<&str> {
        let by_lower = self.canonical.get(&version)?;
        with_lower(name, |lower| by_lower.get(lower).map(String::as_str))
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
                        source: t.source.clone(),
                        name: t.name.clone(),
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
                        source: e.source.clone(),
                        name: e.name.clone(),
                    },
                ));
            }
        }
    }
    let types = Spellings::choose("type", "type-name-case", type_spellings, diags);
    let enums = Spellings::choose("enum", "enum-name-case", enum_spellings, diags);
    let names = Names {
        types: &types,
        enums: &enums,
    };
    // Pages are rewritten independently: half of them on a second thread.
    let (first, second) = pages.split_at_mut(pages.len() / 2);
    let more = std::thread::scope(|s| {
        let other = s.spawn(|| {
            let mut diags = Vec::new();
            for p in second.iter_mut() {
                rewrite_page(p, &names, &mut diags);
            }
            diags
        });
        for p in first.iter_mut() {
            rewrite_page(p, &names, diags);
        }
        other
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    });
    diags.extend(more);
}

struct Names<'a> {
    types: &'a Spellings,
    enums: &'a Spellings,
}

impl Names<'_> {
    /// The canonical spelling of a type reference (structured types first).
    fn resolve(&self, version: Version, name: &str) -> Option<&str> {
        self.types
            .resolve(version, name)
            .or_else(|| self.enums.resolve(version, name))
    }
}

fn rewrite_page(p: &mut PageIr, names: &Names, diags: &mut Vec<Diagnostic>) {
    for t in &mut p.types {
        let Some(v) = t.version else { continue };
        if let Some(c) = names.types.resolve(v, &t.name) {
            t.name = c.to_string();
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
        if let Some(c) = names.enums.resolve(v, &e.name) {
            e.name = c.to_string();
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
            let at = op
                .response
                .source
                .clone()
                .unwrap_or_else(|| op.source.clone());
            rewrite_ref(v, t, &at, names, diags);
        }
        for param in &mut op.parameters {
            rewrite_ref(v, &mut param.type_name, &param.source, names, diags);
        }
    }
}

fn rewrite_property(v: Version, prop: &mut Property, names: &Names, diags: &mut Vec<Diagnostic>) {
    rewrite_ref(v, &mut prop.type_name, &prop.source, names, diags);
}

/// Rewrite one reference to its canonical spelling. Exact spellings of a
/// definition are silent (the definition's rename was reported already).
fn rewrite_ref(
    v: Version,
    name: &mut String,
    at: &Source,
    names: &Names,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(c) = names.resolve(v, name) else {
        return;
    };
    if c == name.as_str() {
        return;
    }
    let defined = names.types.defines_spelling(v, name) || names.enums.defines_spelling(v, name);
    if !defined {
        diags.push(Diagnostic::note(
            "type-reference-case",
            &at.file,
            at.line,
            format!("type reference `{name}` matches `{c}` only ignoring case; using `{c}`"),
        ));
    }
    *name = c.to_string();
}

impl Spellings {
    /// Whether some page defines exactly this spelling (then its rename was
    /// reported with the definition and references need no note of their own).
    fn defines_spelling(&self, v: Version, name: &str) -> bool {
        self.defined.contains(&(v, name.to_string()))
    }
}
