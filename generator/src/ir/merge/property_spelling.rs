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
use crate::ir::json::{Json, JsonObject};
use crate::ir::model::{Operation, Source, TypeDef, Version};
use crate::ir::naming::{eq_ignore_ascii_case, lower_hash};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

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
pub type Votes = BTreeMap<String, Places>;

/// Every place one spelling was seen, in the order they were added, repeats
/// kept: appending is all `add` does (it runs for every property row, JSON
/// key and path literal of the corpus), and only the few properties whose
/// spellings are compared read [`Places::first_per_page`].
#[derive(Debug, Default)]
pub struct Places(Vec<(Kind, Source)>);

impl Places {
    /// The evidence: per (kind, page) the first place, ordered by kind then page.
    fn first_per_page(&self) -> Vec<(Kind, &Source)> {
        let mut all: Vec<(Kind, &Source)> = self.0.iter().map(|(k, s)| (*k, s)).collect();
        all.sort_unstable();
        all.dedup_by(|b, a| a.0 == b.0 && a.1.file == b.1.file);
        all
    }
}

/// The spellings the fragments of one merged type use (table rows and
/// JSON-representation keys), recorded by the per-type merge as it matches
/// each row to a merged property (it finds the position anyway, and the
/// fragments' spellings are gone after it). Most rows spell a property as
/// it was first added: those carry no string, so recording a row allocates
/// nothing (a map per type keyed by lower-cased names cost more than the
/// merge itself).
#[derive(Debug, Default)]
pub struct FragmentVotes {
    /// (property position, spelling if not the property's first name,
    /// kind, place), in the order recorded.
    votes: Vec<(usize, Option<String>, Kind, Source)>,
    /// The name a property was first added under, where it has since
    /// taken another spelling (a JSON-only property yields to a table row).
    first_names: Vec<(usize, String)>,
}

impl FragmentVotes {
    /// A table row of a fragment (a resource page's, else a request
    /// body's) for property `pos`; `spelling` is `None` when the row spells
    /// the property as it was first added.
    pub(super) fn row(
        &mut self,
        pos: usize,
        spelling: Option<String>,
        from_resource_page: bool,
        at: &Source,
    ) {
        let kind = if from_resource_page {
            Kind::PropertyTable
        } else {
            Kind::RequestBody
        };
        self.votes.push((pos, spelling, kind, at.clone()));
    }

    /// A key of a fragment's JSON representation naming property `pos`.
    pub(super) fn json_key(&mut self, pos: usize, spelling: Option<String>, at: &Source) {
        self.votes
            .push((pos, spelling, Kind::JsonRepresentation, at.clone()));
    }

    /// Property `pos` was first added as `name` (its name now differs).
    pub(super) fn first_name(&mut self, pos: usize, name: String) {
        self.first_names.push((pos, name));
    }

    /// The properties were reordered: the property at `old` is now at
    /// `new_pos[old]`.
    pub(super) fn reorder(&mut self, new_pos: &[usize]) {
        for (pos, ..) in &mut self.votes {
            *pos = new_pos.get(*pos).copied().unwrap_or(usize::MAX);
        }
        for (pos, _) in &mut self.first_names {
            *pos = new_pos.get(*pos).copied().unwrap_or(usize::MAX);
        }
    }

    /// Properties were dropped: `kept[i]` says whether the property at `i`
    /// stays; the votes of dropped ones go, the others follow their property.
    pub(super) fn retain(&mut self, kept: &[bool]) {
        let mut new_pos = Vec::with_capacity(kept.len());
        let mut next = 0;
        for &k in kept {
            new_pos.push(if k { next } else { usize::MAX });
            next += usize::from(k);
        }
        self.reorder(&new_pos);
        self.votes.retain(|v| v.0 != usize::MAX);
        self.first_names.retain(|v| v.0 != usize::MAX);
    }
}

/// One sighting of a property of a merged type in an operation: the
/// property by position (`declaring` found it; names are unique ignoring
/// case, so this is the property the lower-cased spelling names).
#[derive(Clone, Copy)]
struct Sighting<'a> {
    ty: usize,
    pos: usize,
    spelling: &'a str,
    kind: Kind,
    at: &'a Source,
}

/// The sightings of the operations' paths and example bodies. Reading
/// them only appends (no hashing, nothing cloned): they are grouped by
/// property once, when the spellings are chosen.
#[derive(Default)]
struct Sightings<'a>(Vec<Sighting<'a>>);

impl<'a> Sightings<'a> {
    /// A sighting of property `pos` of merged type `ty`, written `spelling`
    /// (its name but for case or, from an example, a misspelling of it).
    fn add(&mut self, (ty, pos): (usize, usize), spelling: &'a str, kind: Kind, at: &'a Source) {
        self.0.push(Sighting {
            ty,
            pos,
            spelling,
            kind,
            at,
        });
    }
}

impl<'a> Sightings<'a> {
    /// Add the spellings of the paths that navigate through properties and
    /// of the example request and response bodies of the operations (the
    /// ones `paths` was built from, from position `first` on).
    fn add_operations(
        &mut self,
        ops: &'a [Operation],
        first: usize,
        types: &[TypeDef],
        index: &TypeIndex,
        names: &PropertyNames,
        paths: &PathIndex,
    ) {
        for (op_i, op) in (first..).zip(ops) {
            let Some(v) = op.version else { continue };
            let typed = Typed {
                v,
                types,
                index,
                names,
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
                    if let Some(Json::Object(body)) = &msg.json {
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
        body: &'a JsonObject,
        at: &'a Source,
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
        body: &'a JsonObject,
        type_id: usize,
        at: (Kind, &'a Source),
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let t = typed.refine(body, type_id);
        for (k, value) in body.iter().filter(|(k, _)| is_property_key(k)) {
            let Some((owner, pos)) = typed.declaring(t, k) else {
                self.add_misspelt(typed, body, t, (k, value), at);
                continue;
            };
            let Some(declaring) = typed.types.get(owner) else {
                continue;
            };
            if typed.slot(owner).is_some() {
                self.add((owner, pos), k, at.0, at.1);
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
        body: &JsonObject,
        type_id: usize,
        (key, value): (&'a str, &Json),
        at: (Kind, &'a Source),
    ) {
        // Every misspelt property of the lineage, so that two near ones
        // (in one type or in a type and its base) leave the key alone.
        let mut near = typed.index.lineage(type_id).iter().flat_map(|&d| {
            typed.types.get(d).into_iter().flat_map(move |declaring| {
                declaring
                    .properties
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| crate::ir::near_name::misspelt(&p.name, key))
                    .map(move |(pos, p)| (d, pos, declaring, p))
            })
        });
        let (Some((d, pos, declaring, p)), None) = (near.next(), near.next()) else {
            return;
        };
        let same_shape = typed.fits(value, declaring, p);
        let own_name_present = body.keys().any(|k| k.eq_ignore_ascii_case(&p.name));
        if typed.slot(d).is_some() && same_shape && !own_name_present {
            self.add((d, pos), key, at.0, at.1);
        }
    }

    /// An object, or each object of an array, of type `type_id`.
    fn add_value(
        &mut self,
        typed: &Typed<'_>,
        value: &'a Json,
        type_id: usize,
        at: (Kind, &'a Source),
        depth: usize,
    ) {
        match value {
            Json::Object(body) => self.add_body(typed, body, type_id, at, depth),
            Json::Array(items) => {
                for body in items.iter().filter_map(Json::as_object) {
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
        path: &'a crate::ir::model::OpPath,
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
            if let Some(found) = typed.declaring(owner, spelling) {
                if typed.slot(found.0).is_some() {
                    self.add(found, spelling, Kind::Path, &path.source);
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
    index: &'a TypeIndex,
    names: &'a PropertyNames,
}

/// Per merged type, each property's [`lower_hash`] with its position,
/// sorted: finding the property an example key names is a binary search of
/// these (packed, 16 bytes a property; types with a hundred properties are
/// the ones examples show most) instead of a scan of every property's name
/// (one cache line a property); a hash match is confirmed on the name.
struct PropertyNames(Vec<Vec<(u64, usize)>>);

impl PropertyNames {
    fn new(types: &[TypeDef]) -> PropertyNames {
        PropertyNames(
            types
                .par_iter()
                .map(|t| {
                    let mut named: Vec<(u64, usize)> = (t.properties.iter())
                        .enumerate()
                        .map(|(pos, p)| (lower_hash(&p.name), pos))
                        .collect();
                    named.sort_unstable();
                    named
                })
                .collect(),
        )
    }
}

impl Typed<'_> {
    /// [`TypeIndex::declaring`], over the sorted name hashes (the first
    /// position of equal hashes whose name matches: the one a scan finds).
    fn declaring(&self, i: usize, name: &str) -> Option<(usize, usize)> {
        let h = lower_hash(name);
        self.index.lineage(i).iter().find_map(|&t| {
            let named = self.names.0.get(t)?;
            let props = &self.types.get(t)?.properties;
            let from = named.partition_point(|&(ph, _)| ph < h);
            let pos = named
                .get(from..)?
                .iter()
                .take_while(|&&(ph, _)| ph == h)
                .map(|&(_, pos)| pos)
                .find(|&pos| {
                    props
                        .get(pos)
                        .is_some_and(|p| eq_ignore_ascii_case(&p.name, name))
                })?;
            Some((t, pos))
        })
    }

    /// The evidence slot of merged type `i` (see [`slot_of`]).
    fn slot(&self, i: usize) -> Option<usize> {
        slot_of(self.types, i)
    }

    /// The type of an example object declared as `type_id`: the type its
    /// `@odata.type` names when that is `type_id` or derived from it.
    fn refine(&self, body: &JsonObject, type_id: usize) -> usize {
        // Scanned, not looked up: the map hashes with SipHash, and example
        // objects are small.
        let named = body
            .iter()
            .find_map(|(k, v)| (k == "@odata.type").then_some(v))
            .and_then(Json::as_str)
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
    fn fits(&self, value: &Json, owner: &TypeDef, p: &crate::ir::model::Property) -> bool {
        let structured = self
            .index
            .resolve(self.v, owner.namespace.as_deref(), &p.type_name)
            .is_some();
        let one = |v: &Json| match v {
            Json::Null => true,
            Json::Object(_) => structured,
            Json::Array(_) => false,
            _ => !structured,
        };
        match value {
            Json::Array(items) => p.collection && items.iter().all(one),
            Json::Null => true,
            other => !p.collection && one(other),
        }
    }
}

/// A JSON key that can be a property (not `@odata.type`, `x@odata.bind`).
pub(super) fn is_property_key(k: &str) -> bool {
    !k.is_empty() && !k.contains('@')
}

/// The entity objects of an example response body: the items of `value`
/// for a collection, else the body itself.
fn example_objects(json: &Json, collection: bool) -> Vec<&JsonObject> {
    match json {
        Json::Object(map) if collection => match map.get("value") {
            Some(Json::Array(items)) => items.iter().filter_map(Json::as_object).collect(),
            _ => Vec::new(),
        },
        Json::Object(map) => vec![map],
        _ => Vec::new(),
    }
}

/// Rename every property whose docs prefer another spelling: the
/// evidence of the fragments (`fragment_votes`, one per merged type, in
/// order) and of the operations.
pub fn choose_spellings(
    types: &mut [TypeDef],
    ops: &[Operation],
    index: &TypeIndex,
    paths: &PathIndex,
    fragment_votes: Vec<FragmentVotes>,
    diags: &mut Vec<Diagnostic>,
) {
    // The operations are read in chunks on the pool; the sightings are
    // then grouped by type in chunk order.
    let merged: &[TypeDef] = types;
    let names = PropertyNames::new(merged);
    let chunks: Vec<Sightings<'_>> = ops
        .par_chunks(OPS_CHUNK)
        .enumerate()
        .map(|(c, chunk)| {
            let mut found = Sightings::default();
            found.add_operations(chunk, c * OPS_CHUNK, merged, index, &names, paths);
            found
        })
        .collect();
    let (all, type_ends) = by_property(chunks, types);
    let mut by_type: Vec<&[Sighting<'_>]> = Vec::with_capacity(types.len());
    let mut from = 0;
    for end in type_ends {
        by_type.push(all.get(from..end).unwrap_or_default());
        from = end;
    }
    let slots: Vec<bool> = (0..types.len())
        .map(|i| slot_of(types, i).is_some())
        .collect();
    // Each type's properties are chosen on their own, in parallel.
    let notes: Vec<Vec<Diagnostic>> = types
        .par_iter_mut()
        .zip(fragment_votes)
        .zip(by_type)
        .zip(slots)
        .map(|(((t, mut votes), sightings), slot)| {
            let mut diags = Vec::new();
            if slot {
                choose_in_type(t, &mut votes, sightings, &mut diags);
            }
            diags
        })
        .collect();
    diags.extend(notes.into_iter().flatten());
}

/// The sightings ordered by (type, property), with where each type's run
/// ends, by one counting sort over a slot per property of every type
/// (their order within a property is no matter: places are compared as a
/// set). Sorting them (large items, hundreds of thousands) cost more than
/// reading them. A sighting of no property of the types is never read: left out.
fn by_property<'a>(
    chunks: Vec<Sightings<'a>>,
    types: &[TypeDef],
) -> (Vec<Sighting<'a>>, Vec<usize>) {
    // The slot of a type's first property, and past the last type's.
    let mut first_slot = Vec::with_capacity(types.len() + 1);
    let mut slots = 0;
    for t in types {
        first_slot.push(slots);
        slots += t.properties.len();
    }
    first_slot.push(slots);
    let slot_of = |s: &Sighting<'_>| {
        let (first, next) = (first_slot.get(s.ty)?, first_slot.get(s.ty + 1)?);
        Some(first + s.pos).filter(|slot| slot < next)
    };
    let sightings = || chunks.iter().flat_map(|c| c.0.iter());
    // Per slot, where its sightings start (counted, then summed up).
    let mut start = vec![0usize; slots + 1];
    for slot in sightings().filter_map(slot_of) {
        if let Some(n) = start.get_mut(slot + 1) {
            *n += 1;
        }
    }
    for i in 1..start.len() {
        let before = start.get(i - 1).copied().unwrap_or(0);
        if let Some(n) = start.get_mut(i) {
            *n += before;
        }
    }
    let type_ends: Vec<usize> = (first_slot.iter().skip(1))
        .map(|&next| start.get(next).copied().unwrap_or(0))
        .collect();
    let Some(&placeholder) = sightings().next() else {
        return (Vec::new(), type_ends);
    };
    let mut out = vec![placeholder; start.last().copied().unwrap_or(0)];
    for s in sightings() {
        let Some(next) = slot_of(s).and_then(|slot| start.get_mut(slot)) else {
            continue;
        };
        if let Some(place) = out.get_mut(*next) {
            *place = *s;
        }
        *next += 1;
    }
    (out, type_ends)
}

/// Rename the properties of one type whose evidence prefers another
/// spelling (see [`preferred`]).
fn choose_in_type(
    t: &mut TypeDef,
    fragment_votes: &mut FragmentVotes,
    sightings: &[Sighting<'_>],
    diags: &mut Vec<Diagnostic>,
) {
    // (The sightings come sorted by position; the order of votes for one
    // property is no matter.)
    fragment_votes.votes.sort_unstable_by_key(|v| v.0);
    let first_names = &fragment_votes.first_names;
    let mut rest: &[Sighting<'_>] = sightings;
    let mut rest_votes: &[FragmentVote] = &fragment_votes.votes;
    for (pos, p) in t.properties.iter_mut().enumerate() {
        let here = rest.iter().take_while(|s| s.pos == pos).count();
        let (seen, after) = rest.split_at(here);
        rest = after;
        let here = rest_votes.iter().take_while(|v| v.0 == pos).count();
        let (from_fragments, after) = rest_votes.split_at(here);
        rest_votes = after;
        let first = first_names
            .iter()
            .find(|(i, _)| *i == pos)
            .map_or(p.name.as_str(), |(_, n)| n.as_str());
        let spelling = |v: &'_ FragmentVote| v.1.as_deref().unwrap_or(first).to_string();
        // The common case: every sighting spells it as it is spelled.
        let all_current = from_fragments
            .iter()
            .all(|v| v.1.as_deref().unwrap_or(first) == p.name)
            && seen.iter().all(|s| s.spelling == p.name);
        if all_current {
            continue;
        }
        let votes = all_votes(
            from_fragments.iter().map(|v| (spelling(v), v.2, &v.3)),
            seen,
        );
        let Some(best) = preferred(&votes, &p.name) else {
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

/// One recorded fragment vote (see [`FragmentVotes::votes`]).
type FragmentVote = (usize, Option<String>, Kind, Source);

/// The votes of one property: its fragments' and its sightings'.
fn all_votes<'s>(
    from_fragments: impl Iterator<Item = (String, Kind, &'s Source)>,
    seen: &[Sighting<'_>],
) -> Votes {
    let mut votes = Votes::new();
    for (spelling, kind, at) in from_fragments {
        votes
            .entry(spelling)
            .or_default()
            .0
            .push((kind, at.clone()));
    }
    for s in seen {
        votes
            .entry(s.spelling.to_string())
            .or_default()
            .0
            .push((s.kind, s.at.clone()));
    }
    votes
}

/// How many operations a piece of the evidence reading takes: enough
/// pieces that an idle core can take some.
const OPS_CHUNK: usize = 256;

/// The evidence slot of merged type `i`: its position, when it has a
/// version and a namespace (types without them take no part).
fn slot_of(types: &[TypeDef], i: usize) -> Option<usize> {
    types
        .get(i)
        .filter(|t| t.version.is_some() && t.namespace.is_some())
        .map(|_| i)
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
        let body: Json =
            serde_json::json!({"value": [{"a": 1}, {"b": 2}], "@odata.context": "x"}).into();
        assert_eq!(example_objects(&body, true).len(), 2);
        assert_eq!(example_objects(&body, false).len(), 1);
        assert!(is_property_key("openShifts"));
        assert!(!is_property_key("@odata.type"));
        assert!(!is_property_key("members@odata.bind"));
    }
}
