//! JSON representations often show a type's inherited properties too
//! (`teleconferenceDeviceAudioQuality` lists every property of its base
//! `teleconferenceDeviceMediaQuality`). A property known only from the JSON
//! (`from_json`) that a base type has is the base's: it is dropped from the
//! derived type, with a note.

use super::property_spelling::FragmentVotes;
use super::type_index::TypeIndex;
use crate::diag::Diagnostic;
use crate::ir::model::TypeDef;
use std::collections::BTreeMap;

/// Drop JSON-only properties that a base type (transitively) has; the
/// spelling votes of each type (`votes`, by position) follow.
pub fn drop_inherited_json_properties(
    types: &mut [TypeDef],
    votes: &mut [FragmentVotes],
    diags: &mut Vec<Diagnostic>,
) {
    let index = TypeIndex::new(types);
    let mut drops: Vec<(usize, BTreeMap<String, String>)> = Vec::new();
    for (i, t) in types.iter().enumerate() {
        if !t.properties.iter().any(|p| p.from_json) {
            continue;
        }
        let inherited = index.inherited_properties(types, i);
        let dropped: BTreeMap<String, String> = t
            .properties
            .iter()
            .filter(|p| p.from_json)
            .filter_map(|p| {
                inherited
                    .get(&crate::ir::naming::lower(&p.name))
                    .map(|owner| (p.name.clone(), owner.clone()))
            })
            .collect();
        if !dropped.is_empty() {
            drops.push((i, dropped));
        }
    }
    for (i, dropped) in drops {
        let Some(t) = types.get_mut(i) else { continue };
        let type_name = t.name.clone();
        let kept: Vec<bool> = t
            .properties
            .iter()
            .map(|p| !(p.from_json && dropped.contains_key(&p.name)))
            .collect();
        if let Some(votes) = votes.get_mut(i) {
            votes.retain(&kept);
        }
        t.properties.retain(|p| {
            let Some(owner) = dropped.get(&p.name).filter(|_| p.from_json) else {
                return true;
            };
            diags.push(Diagnostic::note(
                "property-from-json-inherited",
                &p.source.file,
                p.source.line,
                format!(
                    "`{type_name}.{}` of the JSON representation is inherited from `{owner}`; not added to `{type_name}`",
                    p.name
                ),
            ));
            false
        });
    }
}
