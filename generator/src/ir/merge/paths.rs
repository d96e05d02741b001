//! What the documented URL structure says about types: per version, which
//! type a GET on each path returns (`/users/{id}` → `user`, `/me` → `user`,
//! `/users/{id}/joinedTeams` → `group` collection) and which paths address
//! a collection (some documented path continues them with a key).
//!
//! Paths are compared as keys: literal segments lower-cased (the docs spell
//! one path several ways), every key placeholder as `{}`. Only paths made of
//! literals and keys take part: a cast, function, `$value` or drive item
//! path changes what the path addresses.

use super::type_index::TypeIndex;
use crate::ir::model::{OpPath, Operation, Segment, TypeDef, Version};
use std::collections::{BTreeMap, BTreeSet};

/// A key placeholder in a path key.
pub const KEY: &str = "{}";

/// A normalised path: lower-cased literals and [`KEY`]s.
pub type PathKey = Vec<String>;

/// The leading literal and key segments of a path, as a key, with the
/// spelling of each segment as written (a key's is its name). A literal GUID
/// is a key written as an example value
/// (`/education/classes/acdefc6b-.../assignmentDefaults`). `None` when a
/// placeholder names a property rather than a key (`branding/{property
/// name}` reads one property of the branding, it does not index a collection).
pub fn leading_key(path: &OpPath) -> Option<(PathKey, Vec<&str>)> {
    let mut key = Vec::with_capacity(path.segments.len());
    let mut written = Vec::with_capacity(path.segments.len());
    for s in &path.segments {
        match s {
            Segment::Literal { name } if is_guid(name) => {
                key.push(KEY.to_string());
                written.push(name.as_str());
            }
            Segment::Literal { name } => {
                key.push(crate::ir::naming::lower(name));
                written.push(name.as_str());
            }
            Segment::Param { name, raw, .. } => {
                if names_a_property(raw) {
                    return None;
                }
                key.push(KEY.to_string());
                written.push(name.as_str());
            }
            _ => break,
        }
    }
    Some((key, written))
}

/// The whole path as a key, when it has only literal and key segments.
pub fn whole_key(path: &OpPath) -> Option<PathKey> {
    let (key, _) = leading_key(path)?;
    (key.len() == path.segments.len()).then_some(key)
}

/// `acdefc6b-2dc6-4e71-b1e9-6d9810ab1793`: groups of 8-4-4-4-12 hex digits.
fn is_guid(s: &str) -> bool {
    if s.len() != 36 {
        return false;
    }
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `{property name}`, `{propertyName}`: a placeholder for a property name.
fn names_a_property(raw: &str) -> bool {
    let compact: String = raw
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase();
    compact.contains("propertyname")
}

/// What GET operations on one path return, once their votes are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Returned {
    /// Position of the type in the merged types.
    pub type_id: usize,
    pub collection: bool,
}

/// Per version, what each path returns and which paths are collections.
#[derive(Debug, Default)]
pub struct PathIndex {
    /// Per version (nested so lookups borrow the key).
    returns: BTreeMap<Version, BTreeMap<PathKey, Returned>>,
    /// Paths that some documented path (any method) continues with a key.
    keyed: BTreeMap<Version, BTreeSet<PathKey>>,
}

impl PathIndex {
    /// Index every operation's paths. A path returns what its GET
    /// operations' responses say; when pages disagree, a type that is the
    /// base of every other answer wins (list pages of derived types share
    /// their base's path), else the answer of more than half of the pages,
    /// else the path stays unknown. Paths with a query string are left out:
    /// their responses describe what the query expands (`?$expand=extensions`
    /// on an extension page).
    pub fn build(ops: &[Operation], index: &TypeIndex) -> PathIndex {
        let mut out = PathIndex::default();
        let mut votes: BTreeMap<(Version, PathKey), BTreeMap<Returned, BTreeSet<&str>>> =
            BTreeMap::new();
        for op in ops {
            let Some(v) = op.version else { continue };
            for path in &op.paths {
                let Some(key) = whole_key(path) else { continue };
                let keyed = out.keyed.entry(v).or_default();
                for (i, seg) in key.iter().enumerate().skip(1) {
                    let prefix = &key[..i];
                    if seg == KEY && !keyed.contains(prefix) {
                        keyed.insert(prefix.to_vec());
                    }
                }
                if op.method != "GET" || path.query.is_some() {
                    continue;
                }
                if let Some(r) = returned(op, v, index) {
                    votes
                        .entry((v, key))
                        .or_default()
                        .entry(r)
                        .or_default()
                        .insert(&*op.source.file);
                }
            }
        }
        for ((v, key), answers) in votes {
            if let Some(r) = decide(&answers, index) {
                out.returns.entry(v).or_default().insert(key, r);
            }
        }
        out
    }

    /// Whether some documented path continues `key` with a key segment.
    pub fn is_keyed(&self, version: Version, key: &[String]) -> bool {
        self.keyed
            .get(&version)
            .is_some_and(|keyed| keyed.contains(key))
    }

    /// What GET operations on exactly this path return, if they agree.
    pub fn returns(&self, version: Version, key: &[String]) -> Option<Returned> {
        self.returns.get(&version)?.get(key).copied()
    }

    /// The type of the single entity `key` addresses: what a GET on it
    /// returns, else, through the types' own properties, the type of the
    /// single-valued property its last literal names (or of the collection
    /// property a trailing key indexes) on the single entity before it.
    /// `None` for collections and for what the docs do not tell.
    pub fn single_entity(
        &self,
        version: Version,
        key: &[String],
        types: &[TypeDef],
        index: &TypeIndex,
    ) -> Option<usize> {
        if key.is_empty() || self.is_keyed(version, key) {
            return None;
        }
        if let Some(r) = self.returns(version, key) {
            return (!r.collection).then_some(r.type_id);
        }
        let (last, parent) = key.split_last()?;
        let (name, owner_key, want_collection) = if last == KEY {
            let (name, owner_key) = parent.split_last()?;
            (name, owner_key, true)
        } else {
            (last, parent, false)
        };
        if name == KEY {
            return None;
        }
        let owner = self.single_entity(version, owner_key, types, index)?;
        let (declaring, pos) = index.declaring(types, owner, name)?;
        let t = types.get(declaring)?;
        let p = t.properties.get(pos)?;
        if p.collection != want_collection {
            return None;
        }
        index.resolve(version, t.namespace.as_deref(), &p.type_name)
    }
}

/// What an operation's response says it returns, when that is a type of
/// the merged API (not a primitive, an enum or an unknown name).
pub fn returned(op: &Operation, version: Version, index: &TypeIndex) -> Option<Returned> {
    let name = op.response.type_name.as_deref()?;
    let type_id = index.resolve(version, None, name)?;
    Some(Returned {
        type_id,
        collection: op.response.collection,
    })
}

/// The answer for one path from the pages' votes (see [`PathIndex::build`]).
fn decide(answers: &BTreeMap<Returned, BTreeSet<&str>>, index: &TypeIndex) -> Option<Returned> {
    let base_of_all = answers.keys().find(|c| {
        answers
            .keys()
            .all(|d| d.collection == c.collection && index.lineage(d.type_id).contains(&c.type_id))
    });
    if let Some(c) = base_of_all {
        return Some(*c);
    }
    majority(answers.iter().map(|(r, pages)| (*r, pages.len())))
}

/// The candidate with more than half of the votes, if any.
pub fn majority<T: Copy>(votes: impl Iterator<Item = (T, usize)>) -> Option<T> {
    let mut total = 0;
    let mut best: Option<(T, usize)> = None;
    for (c, n) in votes {
        total += n;
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((c, n));
        }
    }
    best.filter(|&(_, n)| n * 2 > total).map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn majority_needs_more_than_half() {
        assert_eq!(majority([("a", 2), ("b", 1)].into_iter()), Some("a"));
        assert_eq!(majority([("a", 1), ("b", 1)].into_iter()), None);
        assert_eq!(majority([("a", 2), ("b", 1), ("c", 1)].into_iter()), None);
        assert_eq!(majority(std::iter::empty::<(&str, usize)>()), None);
    }

    #[test]
    fn guids_are_keys_written_as_values() {
        assert!(is_guid("acdefc6b-2dc6-4e71-b1e9-6d9810ab1793"));
        assert!(!is_guid("acdefc6b-2dc6-4e71-b1e9-6d9810ab179"));
        assert!(!is_guid("assignmentDefaults"));
        assert!(!is_guid("zzzzzzzz-2dc6-4e71-b1e9-6d9810ab1793"));
    }

    #[test]
    fn property_name_placeholders_are_not_keys() {
        assert!(names_a_property("{property name}"));
        assert!(names_a_property("{propertyName}"));
        assert!(!names_a_property("{id}"));
        assert!(!names_a_property("{property-id}"));
    }
}
