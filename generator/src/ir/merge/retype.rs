//! Properties the docs type `String` but whose "Possible values" are exactly
//! the members of a declared enum (`attendee.type`: `String`, "Possible
//! values are: `required`, `optional`, `resource`" = the `attendeeType`
//! values table) are typed with that enum: the type cell lags behind the
//! enum the page itself documents. Only an unambiguous match counts: the
//! values, as a set ignoring case, equal the members of exactly one enum
//! declared (enum page, `## Members`, `### x values` table) in the same
//! version. The evolvable-enum sentinel `unknownFutureValue` is left out of
//! both sides: it is a member by convention ("do not use"), and prose lists
//! the values a client meets, so it seldom names it. Each retyping is a note.

use crate::diag::Diagnostic;
use crate::extract::enums::is_member_name;
use crate::ir::model::{EnumDef, TypeDef, Version};
use std::collections::{BTreeMap, BTreeSet};

/// A set of member names, lower-cased, without the sentinel.
pub(super) type MemberSet = BTreeSet<String>;

/// The evolvable-enum sentinel, lower-cased.
const SENTINEL: &str = "unknownfuturevalue";

pub(super) fn member_set<'a>(names: impl Iterator<Item = &'a String>) -> MemberSet {
    names
        .filter(|v| is_member_name(v))
        .map(|v| crate::ir::naming::lower(v))
        .filter(|v| v != SENTINEL)
        .collect()
}

/// Retype `String` properties whose possible values name exactly one
/// declared enum's members.
pub fn retype_string_enums(types: &mut [TypeDef], enums: &[EnumDef], diags: &mut Vec<Diagnostic>) {
    let by_members = declared_member_sets(enums);
    for t in types.iter_mut() {
        let Some(version) = t.version else { continue };
        let owner = t.name.clone();
        for p in t
            .properties
            .iter_mut()
            .filter(|p| p.type_name == "String" && !p.possible_values.is_empty())
        {
            // One named value is too little to tell an enum by (the sentinel
            // counts here: `sharedSecret`, `unknownFutureValue` is a list).
            let named = p.possible_values.iter().filter(|v| is_member_name(v));
            let values = member_set(p.possible_values.iter());
            if named.count() < 2 || values.is_empty() {
                continue;
            }
            let Some(candidates) = by_members.get(&(version, values)) else {
                continue;
            };
            match candidates.as_slice() {
                [only] => {
                    diags.push(Diagnostic::note(
                        "property-retyped-enum",
                        &p.source.file,
                        p.source.line,
                        format!(
                            "`{owner}.{}` is typed String but its possible values are exactly the members of enum `{only}`; typed `{only}`",
                            p.name
                        ),
                    ));
                    p.type_name.clone_from(only);
                }
                many => diags.push(Diagnostic::note(
                    "property-enum-ambiguous",
                    &p.source.file,
                    p.source.line,
                    format!(
                        "`{owner}.{}` is typed String; its possible values are the members of each of {}; left String",
                        p.name,
                        many.iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )),
            }
        }
    }
}

/// (version, member set) → the names of the declared enums with exactly
/// those members (distinct names; one name declared in several namespaces
/// with the same members counts once).
fn declared_member_sets(enums: &[EnumDef]) -> BTreeMap<(Version, MemberSet), Vec<String>> {
    let mut out: BTreeMap<(Version, MemberSet), Vec<String>> = BTreeMap::new();
    for e in enums.iter().filter(|e| !e.implied && !e.synthesized) {
        let Some(v) = e.version else { continue };
        let set = member_set(e.members.iter().map(|m| &m.name));
        if e.members.len() < 2 || set.is_empty() {
            continue;
        }
        let names = out.entry((v, set)).or_default();
        if !names.contains(&e.name) {
            names.push(e.name.clone());
        }
    }
    out
}
