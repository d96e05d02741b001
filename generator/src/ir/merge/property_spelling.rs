//! One spelling per property, chosen by the evidence of all the docs.
//!
//! The merge matches a type's properties ignoring case and keeps the first
//! spelling it meets (the resource page's). Where the docs disagree with
//! themselves (`schedule.md` lists `openshifts`; eleven API paths navigate
//! through `openShifts`) the spelling with the most independent evidence
//! wins. Evidence is counted once per (kind, page):
//! - a row of the type's resource-page property table;
//! - a key of the type's JSON representation;
//! - a row of a request-body table describing the type;
//! - an API path that navigates through the property (its prefix addresses
//!   a single entity of the type, see [`PathIndex::single_entity`]);
//! - a key of an example request or response body, read through the types
//!   of the operation's body, of its parameters and of nested properties
//!   (`findMeetingTimes`' request shows `timeConstraint.timeSlots`).
//!
//! An example key that is no property but a misspelling of one
//! (`appliedConditionalAccessPolicies` for the table's
//! `appliedConditionalAccessPolicy`, see [`crate::ir::near_name::misspelt`])
//! counts for that property when its value has the property's shape.
//!
//! Spellings are ranked first by whether example bodies write them (the
//! wire format), then by the number of kinds of evidence, then of places; a
//! spelling with a capital first letter is no rival to a lowerCamelCase one;
//! the current spelling keeps ties. Each change is a note at the property
//! listing the evidence for both spellings.

use super::paths::{returned, written, PathIndex, KEY};
use super::type_index::TypeIndex;
use crate::diag::Diagnostic;
use crate::ir::model::{Operation, Source, TypeDef, Version};
use crate::ir::naming::FastHash;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Where a spelling was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    PropertyTable,
    JsonRepresentation,
    RequestBody,
    Path,
    ExampleRequest,
    ExampleResponse,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::PropertyTable => "property table",
            Kind::JsonRepresentation => "JSON representation",
            Kind::RequestBody => "request body",
            Kind::Path => "path",
            Kind::ExampleRequest => "example request",
            Kind::ExampleResponse => "example response",
        }
    }
}

/// Spelling → the places it was seen.
type Votes = BTreeMap<String, Places>;

/// Every place one spelling was seen, in the order they were added, repeats
/// kept: appending is all `add` does (it runs for every property row, JSON
/// key and path literal of the corpus), and only the few properties whose
/// spellings are compared read [`Places::first_per_page`].
#[derive(Debug, Default)]
struct Places(Vec<(Kind, Source)>);

impl Places {
    /// The evidence: per (kind, page) the first place, ordered by kind then page.
    fn first_per_page(&self) -> Vec<(Kind, &Source)> {
        let mut all: Vec<(Kind, &Source)> = self.0.iter().map(|(k, s)| (*k, s)).collect();
        all.sort_unstable();
        all.dedup_by(|b, a| a.0 == b.0 && a.1.file == b.1.file);
        all
    }
}

/// Every spelling the docs use for each property, per type (version,
/// namespace, name) and lower-case property name. Each type gets a slot
/// once, so a sighting costs one hash lookup of the lower-cased name in its
/// type's map (this runs for every property row, JSON key and path
/// literal of the corpus).
#[derive(Debug, Default)]
pub struct Evidence {
    /// Type name → (version, namespace, slot) of each type of that name.
    slots: HashMap<String, Vec<(Version, String, usize)>, FastHash>,
    /// Per slot: lower-case property name → the spellings seen.
    votes: Vec<HashMap<String, Votes, FastHash>>,
}

impl Evidence {
    /// The slot of a type, if it has one.
    fn slot(&self, v: Version, ns: &str, name: &str) -> Option<usize> {
        let of_name = self.slots.get(name)?;
        of_name
            .iter()
            .find(|(v2, ns2, _)| *v2 == v && ns2 == ns)
            .map(|(_, _, slot)| *slot)
    }

    /// The slot of a type, made on first use.
    fn slot_or_new(&mut self, v: Version, ns: &str, name: &str) -> usize {
        if let Some(slot) = self.slot(v, ns, name) {
            return slot;
        }
        let slot = self.votes.len();
        self.votes.push(HashMap::default());
        self.slots
            .entry(name.to_string())
            .or_default()
            .push((v, ns.to_string(), slot));
        slot
    }

    /// The slot of a type with a version and a namespace (merged types
    /// and fragments without them take no part).
    fn slot_of_type(&mut self, t: &TypeDef) -> Option<usize> {
        let (Some(v), Some(ns)) = (t.version, t.namespace.as_deref()) else {
            return None;
        };
        Some(self.slot_or_new(v, ns, &t.name))
    }

    fn add(&mut self, slot: usize, spelling: &str, kind: Kind, at: &Source) {
        self.add_for(slot, spelling, spelling, kind, at);
    }

    /// A sighting of `spelling` as the way of writing `property` (the same
    /// name but for case, or, from an example, a misspelling of it) of the
    /// type in `slot`.
    fn add_for(&mut self, slot: usize, property: &str, spelling: &str, kind: Kind, at: &Source) {
        let Some(by_lower) = self.votes.get_mut(slot) else {
            return;
        };
        // Looked up with borrowed keys: most sightings land on a property
        // and a spelling already seen, and then nothing is allocated.
        crate::ir::naming::with_lower(property, |lower| {
            let by_spelling = match by_lower.get_mut(lower) {
                Some(votes) => votes,
                None => by_lower.entry(lower.to_string()).or_default(),
            };
            let places = match by_spelling.get_mut(spelling) {
                Some(places) => places,
                None => by_spelling.entry(spelling.to_string()).or_default(),
            };
            places.0.push((kind, at.clone()));
        });
    }

    /// The spellings seen for one property of the type in `slot`, if any.
    fn get(&self, slot: usize, property: &str) -> Option<&Votes> {
        let by_lower = self.votes.get(slot)?;
        crate::ir::naming::with_lower(property, |lower| by_lower.get(lower))
    }

    /// Add every sighting of `other` (evidence gathered apart, e.g. on
    /// another thread; sightings are unordered, so the result is the same).
    pub fn absorb(&mut self, other: Evidence) {
        let mut theirs: Vec<Option<(Version, String, String)>> = Vec::new();
        theirs.resize_with(other.votes.len(), || None);
        for (name, of_name) in other.slots {
            for (v, ns, slot) in of_name {
                if let Some(t) = theirs.get_mut(slot) {
                    *t = Some((v, ns, name.clone()));
                }
            }
        }
        for (owner, by_lower) in theirs.into_iter().zip(other.votes) {
            let Some((v, ns, name)) = owner else { continue };
            let slot = self.slot_or_new(v, &ns, &name);
            let Some(mine) = self.votes.get_mut(slot) else {
                continue;
            };
            for (lower, votes) in by_lower {
                let mine = mine.entry(lower).or_default();
                for (spelling, places) in votes {
                    mine.entry(spelling).or_default().0.extend(places.0);
                }
            }
        }
    }

    /// Read the spellings of the type fragments (before they are merged and
    /// case variants folded): table rows and JSON-representation keys.
    pub fn of_fragments(fragments: &[TypeDef]) -> Evidence {
        let mut e = Evidence::default();
        for t in fragments {
            let kind = if t.from_resource_page {
                Kind::PropertyTable
            } else {
                Kind::RequestBody
            };
            let Some(slot) = e.slot_of_type(t) else {
                continue;
            };
            // JSON-only properties are read from the representation below.
            for p in t.properties.iter().filter(|p| !p.from_json) {
                e.add(slot, &p.name, kind, &p.source);
            }
            if let Some(Value::Object(map)) = &t.json_example {
                for k in map.keys().filter(|k| is_property_key(k)) {
                    e.add(slot, k, Kind::JsonRepresentation, &t.source);
                }
            }
        }
        e
    }

    /// Add the spellings of the paths that navigate through properties and
    /// of the example request and response bodies of the operations (the
    /// ones `paths` was built from, from position `first` on).
    fn add_operations(
        &mut self,
        ops: &[Operation],
        first: usize,
        types: &[TypeDef],
        index: &TypeIndex,
        paths: &PathIndex,
    ) {
        let slots: Vec<Option<usize>> = types.iter().map(|t| self.slot_of_type(t)).collect();
        let slots = slots.as_slice();
        for (op_i, op) in (first..).zip(ops) {
            let Some(v) = op.version else { continue };
            let typed = Typed {
                v,
                types,
                slots,
                index,
            };
            for (path_i, path) in op.paths.iter().enumerate() {
                self.add_path(&typed, paths, (op_i, path_i), path);
            }
            let returned = returned(op, v, index);
            for ex in &op.examples {
                if let (Some(r), Some(msg)) = (returned, &ex.response) {
                    if let Some(json) = &msg.json {
                        for body in example_objects(json, r.collection) {
                            let at = (Kind::ExampleResponse, &msg.source);
                            self.add_body(&typed, body, r.type_id, at, 0);
                        }
                    }
                }
                if let Some(msg) = &ex.request {
                    if let Some(Value::Object(body)) = &msg.json {
                        self.add_request(&typed, op, body, &msg.source);
                    }
                }
            }
        }
    }

    /// The keys of an example request body: the properties of the body's
    /// type, or, for an action, of the typed objects its parameters hold.
    fn add_request(
        &mut self,
        typed: &Typed<'_>,
        op: &Operation,
        body: &serde_json::Map<String, Value>,
        at: &Source,
    ) {
        let at = (Kind::ExampleRequest, at);
        if !op.request.is_parameters {
            let Some(name) = op.request.type_name.as_deref() else {
                return;
            };
            if let Some(t) = typed.index.resolve(typed.v, None, name) {
                self.add_body(typed, body, t, at, 0);
            }
            return;
        }
        for param in &op.request.properties {
            let Some(value) = body
                .iter()
                .find_map(|(k, v)| k.eq_ignore_ascii_case(&param.name).then_some(v))
            else {
                continue;
            };
            if let Some(t) = typed.index.resolve(typed.v, None, &param.type_name) {
                self.add_value(typed, value, t, at, 0);
            }
        }
    }

    /// Every key of an example object of type `type_id` (or of the derived
    /// type its `@odata.type` names) that is a property of that type is a
    /// spelling of it; the objects nested in properties whose type is a type
    /// of the API are read the same way.
    fn add_body(
        &mut self,
        typed: &Typed<'_>,
        body: &serde_json::Map<String, Value>,
        type_id: usize,
        at: (Kind, &Source),
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let t = typed.refine(body, type_id);
        for (k, value) in body.iter().filter(|(k, _)| is_property_key(k)) {
            let Some((owner, pos)) = typed.index.declaring(typed.types, t, k) else {
                self.add_misspelt(typed, body, t, (k, value), at);
                continue;
            };
            let Some(declaring) = typed.types.get(owner) else {
                continue;
            };
            if let Some(slot) = typed.slot(owner) {
                self.add(slot, k, at.0, at.1);
            }
            let nested = declaring.properties.get(pos).and_then(|p| {
                typed
                    .index
                    .resolve(typed.v, declaring.namespace.as_deref(), &p.type_name)
            });
            if let Some(nested) = nested {
                self.add_value(typed, value, nested, at, depth + 1);
            }
        }
    }

    /// An example key that is no property of the object's type but a near
    /// spelling of exactly one (`appliedConditionalAccessPolicies` in the
    /// responses of `signIn`, whose table lists `appliedConditionalAccessPolicy`)
    /// is a spelling of that property, when the value has the property's
    /// shape (an array for a collection) and the object does not also carry
    /// the property under its own name (then the key is another property).
    fn add_misspelt(
        &mut self,
        typed: &Typed<'_>,
        body: &serde_json::Map<String, Value>,
        type_id: usize,
        (key, value): (&str, &Value),
        at: (Kind, &Source),
    ) {
        // Every misspelt property of the lineage, so that two near ones
        // (in one type or in a type and its base) leave the key alone.
        let mut near = typed.index.lineage(type_id).iter().flat_map(|&d| {
            typed.types.get(d).into_iter().flat_map(move |declaring| {
                declaring
                    .properties
                    .iter()
                    .filter(|p| crate::ir::near_name::misspelt(&p.name, key))
                    .map(move |p| (d, declaring, p))
            })
        });
        let (Some((d, declaring, p)), None) = (near.next(), near.next()) else {
            return;
        };
        let same_shape = typed.fits(value, declaring, p);
        let own_name_present = body.keys().any(|k| k.eq_ignore_ascii_case(&p.name));
        if let Some(slot) = typed.slot(d).filter(|_| same_shape && !own_name_present) {
            self.add_for(slot, &p.name, key, at.0, at.1);
        }
    }

    /// An object, or each object of an array, of type `type_id`.
    fn add_value(
        &mut self,
        typed: &Typed<'_>,
        value: &Value,
        type_id: usize,
        at: (Kind, &Source),
        depth: usize,
    ) {
        match value {
            Value::Object(body) => self.add_body(typed, body, type_id, at, depth),
            Value::Array(items) => {
                for body in items.iter().filter_map(Value::as_object) {
                    self.add_body(typed, body, type_id, at, depth);
                }
            }
            _ => {}
        }
    }

    /// Each literal of a path whose prefix addresses a single entity that has
    /// a property of that name is a spelling of that property.
    fn add_path(
        &mut self,
        typed: &Typed<'_>,
        paths: &PathIndex,
        (op, i): (usize, usize),
        path: &crate::ir::model::OpPath,
    ) {
        let Some(key) = paths.leading_key(op, i) else {
            return;
        };
        let prefixes = key.get(..key.len().saturating_sub(1)).unwrap_or_default();
        let entities = paths.single_entities(typed.v, prefixes, typed.types, typed.index);
        for (i, &seg) in key.iter().enumerate().skip(1) {
            if seg == KEY {
                continue;
            }
            let (Some(spelling), Some(owner)) =
                (written(path, i), entities.get(i).copied().flatten())
            else {
                continue;
            };
            if let Some((declaring, _)) = typed.index.declaring(typed.types, owner, spelling) {
                if let Some(slot) = typed.slot(declaring) {
                    self.add(slot, spelling, Kind::Path, &path.source);
                }
            }
        }
    }
}

/// How deep example bodies are followed into nested objects.
const MAX_DEPTH: usize = 16;

/// What reading an example body needs: the version's merged types.
struct Typed<'a> {
    v: Version,
    types: &'a [TypeDef],
    /// The evidence slot of each merged type.
    slots: &'a [Option<usize>],
    index: &'a TypeIndex,
}

impl Typed<'_> {
    /// The evidence slot of merged type `i`.
    fn slot(&self, i: usize) -> Option<usize> {
        self.slots.get(i).copied().flatten()
    }

    /// The type of an example object declared as `type_id`: the type its
    /// `@odata.type` names when that is `type_id` or derived from it.
    fn refine(&self, body: &serde_json::Map<String, Value>, type_id: usize) -> usize {
        let named = body
            .get("@odata.type")
            .and_then(Value::as_str)
            .and_then(|s| s.trim_start_matches('#').rsplit('.').next())
            .and_then(|name| self.index.resolve(self.v, None, name));
        match named {
            Some(t) if self.index.lineage(t).contains(&type_id) => t,
            _ => type_id,
        }
    }
}

impl Typed<'_> {
    /// Whether an example value has the shape of property `p` of `owner`:
    /// an array for a collection (judged by its items), an object for a type
    /// of the API, anything but an object or array for a primitive or enum.
    fn fits(&self, value: &Value, owner: &TypeDef, p: &crate::ir::model::Property) -> bool {
        let structured = self
            .index
            .resolve(self.v, owner.namespace.as_deref(), &p.type_name)
            .is_some();
        let one = |v: &Value| match v {
            Value::Null => true,
            Value::Object(_) => structured,
            Value::Array(_) => false,
            _ => !structured,
        };
        match value {
            Value::Array(items) => p.collection && items.iter().all(one),
            Value::Null => true,
            other => !p.collection && one(other),
        }
    }
}

/// A JSON key that can be a property (not `@odata.type`, `x@odata.bind`).
fn is_property_key(k: &str) -> bool {
    !k.is_empty() && !k.contains('@')
}

/// The entity objects of an example response body: the items of `value`
/// for a collection, else the body itself.
fn example_objects(json: &Value, collection: bool) -> Vec<&serde_json::Map<String, Value>> {
    match json {
        Value::Object(map) if collection => match map.get("value") {
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
            _ => Vec::new(),
        },
        Value::Object(map) => vec![map],
        _ => Vec::new(),
    }
}

/// Rename every property whose docs prefer another spelling.
pub fn choose_spellings(
    types: &mut [TypeDef],
    ops: &[Operation],
    index: &TypeIndex,
    paths: &PathIndex,
    mut evidence: Evidence,
    diags: &mut Vec<Diagnostic>,
) {
    // The operations' evidence is read in two halves, one on a thread of
    // its own (sightings are unordered: absorbing gives the same evidence).
    let merged: &[TypeDef] = types;
    let (first, second) = ops.split_at(ops.len() / 2);
    let other = std::thread::scope(|s| {
        let half = s.spawn(|| {
            let mut e = Evidence::default();
            e.add_operations(second, first.len(), merged, index, paths);
            e
        });
        evidence.add_operations(first, 0, merged, index, paths);
        half.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
    });
    evidence.absorb(other);
    let slots: Vec<Option<usize>> = types.iter().map(|t| evidence.slot_of_type(t)).collect();
    for (t, slot) in types.iter_mut().zip(slots) {
        let Some(slot) = slot else { continue };
        for p in &mut t.properties {
            let Some(votes) = evidence.get(slot, &p.name) else {
                continue;
            };
            let Some(best) = preferred(votes, &p.name) else {
                continue;
            };
            diags.push(Diagnostic::note(
                "property-spelling-chosen",
                &p.source.file,
                p.source.line,
                format!(
                    "`{}.{}`: the docs spell it `{best}` {} and `{}` {}; using `{best}`",
                    t.name,
                    p.name,
                    describe(votes.get(best)),
                    p.name,
                    describe(votes.get(&p.name)),
                ),
            ));
            p.name = best.clone();
        }
    }
}

/// How much evidence a spelling has: first whether example requests or
/// responses write it (they are the wire format, what a client reads and
/// sends; tables are prose), then the kinds of evidence (a path template
/// copied onto nine pages is one way of writing it, the table and the JSON
/// representation of the resource page are two), then the places.
fn weight(places: &Places) -> (bool, usize, usize) {
    let places = places.first_per_page();
    let kinds: BTreeSet<Kind> = places.iter().map(|(k, _)| *k).collect();
    let on_the_wire =
        kinds.contains(&Kind::ExampleRequest) || kinds.contains(&Kind::ExampleResponse);
    (on_the_wire, kinds.len(), places.len())
}

/// Graph property names are lowerCamelCase: a spelling with a capital
/// first letter (`"Type"` in the `directoryAudit` examples) is a slip, no
/// rival to a lower-case one, however often it is written.
fn breaks_camel_case(spelling: &str) -> bool {
    spelling.starts_with(|c: char| c.is_ascii_uppercase())
}

/// The spelling with strictly more evidence than `current` and than every
/// other (ties between others go to the alphabetically first), if any.
fn preferred<'a>(votes: &'a Votes, current: &str) -> Option<&'a String> {
    // The common case, one spelling: it wins unless it is the current one
    // (any evidence outweighs none).
    if votes.len() == 1 {
        return votes.keys().next().filter(|only| only.as_str() != current);
    }
    let of = |s: &str| votes.get(s).map_or((false, 0, 0), weight);
    let rivals = votes
        .iter()
        .filter(|(s, _)| !breaks_camel_case(s) || breaks_camel_case(current));
    let (best, w) = rivals.map(|(s, v)| (s, weight(v))).fold(
        None::<(&String, (bool, usize, usize))>,
        |acc, (s, w)| match acc {
            Some((_, m)) if m >= w => acc,
            _ => Some((s, w)),
        },
    )?;
    (best != current && w > of(current)).then_some(best)
}

/// `in 3 places (path api/a.md:12, ...)`: how much evidence, with the first
/// few places.
fn describe(places: Option<&Places>) -> String {
    const SHOWN: usize = 4;
    let Some(places) = places else {
        return "nowhere else".to_string();
    };
    let places = places.first_per_page();
    let mut listed: Vec<String> = places
        .iter()
        .take(SHOWN)
        .map(|(kind, at)| format!("{} {at}", kind.label()))
        .collect();
    if places.len() > SHOWN {
        listed.push(format!("{} more", places.len() - SHOWN));
    }
    let n = places.len();
    format!(
        "in {n} place{} ({})",
        if n == 1 { "" } else { "s" },
        listed.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(spec: &[(&str, Kind, usize)]) -> Votes {
        let mut out = Votes::new();
        for (s, kind, n) in spec {
            for i in 0..*n {
                let file = format!("f{i}.md");
                out.entry(s.to_string())
                    .or_default()
                    .0
                    .push((*kind, Source::new(&file, 1)));
            }
        }
        out
    }

    #[test]
    fn more_evidence_wins_and_ties_keep_the_current_spelling() {
        let v = votes(&[
            ("openShifts", Kind::Path, 5),
            ("openshifts", Kind::PropertyTable, 1),
        ]);
        assert_eq!(
            preferred(&v, "openshifts").map(String::as_str),
            Some("openShifts")
        );
        assert_eq!(preferred(&v, "openShifts"), None);
        let tie = votes(&[("subUnit", Kind::Path, 2), ("subunit", Kind::Path, 2)]);
        assert_eq!(preferred(&tie, "subunit"), None);
        assert_eq!(preferred(&tie, "subUnit"), None);
    }

    #[test]
    fn kinds_of_evidence_outweigh_copies_of_one_kind() {
        let v = votes(&[
            ("categoryaxis", Kind::Path, 9),
            ("categoryAxis", Kind::PropertyTable, 1),
            ("categoryAxis", Kind::JsonRepresentation, 1),
        ]);
        assert_eq!(preferred(&v, "categoryAxis"), None);
        assert_eq!(
            preferred(&v, "categoryaxis").map(String::as_str),
            Some("categoryAxis")
        );
    }

    #[test]
    fn collection_examples_read_the_value_items() {
        let body = serde_json::json!({"value": [{"a": 1}, {"b": 2}], "@odata.context": "x"});
        assert_eq!(example_objects(&body, true).len(), 2);
        assert_eq!(example_objects(&body, false).len(), 1);
        assert!(is_property_key("openShifts"));
        assert!(!is_property_key("@odata.type"));
        assert!(!is_property_key("members@odata.bind"));
    }
}
