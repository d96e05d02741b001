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
use crate::ir::naming::{lower_hash, FastHash, LowerMap};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// One segment of a path key: a lower-cased literal, interned (see
/// [`PathIndex::name`]), or [`KEY`].
pub type Seg = u32;

/// A key placeholder in a path key.
pub const KEY: Seg = 0;

/// How [`KEY`] reads as a name.
const KEY_NAME: &str = "{}";

/// Per version, what each path returns and which paths are collections;
/// and the key of every path of the operations it was built from.
///
/// Path keys are interned once here (every later step reads each path
/// several times, prefix by prefix): a key is a slice of [`Seg`]s, and
/// the operations' keys are found by position ([`PathIndex::leading_key`]),
/// so the index must be used with the operations it was built from.
#[derive(Debug, Default)]
pub struct PathIndex {
    /// The interned literals.
    names: Interner,
    /// Per operation, per path: its leading key (see [`PathIndex::leading_key`]).
    keys: Vec<Vec<Option<Vec<Seg>>>>,
    /// Per version (nested so lookups borrow the key).
    returns: BTreeMap<Version, HashMap<Vec<Seg>, Returned, FastHash>>,
    /// Paths that some documented path (any method) continues with a key.
    keyed: BTreeMap<Version, HashSet<Vec<Seg>, FastHash>>,
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
    const NAME: &[u8] = b"propertyname";
    // Too short to hold the name however its letters are spaced (`{id}`,
    // `{user-id}`: most placeholders).
    if raw.len() < NAME.len() {
        return false;
    }
    // The letters and digits, lower-cased, in a buffer on the stack (every
    // key placeholder of every path is tested; `{id}` is the usual one).
    let mut buf = [0u8; 64];
    let mut n = 0;
    for b in raw.bytes().filter(u8::is_ascii_alphanumeric) {
        let Some(slot) = buf.get_mut(n) else {
            return long_names_a_property(raw);
        };
        *slot = b.to_ascii_lowercase();
        n += 1;
    }
    buf.get(..n)
        .is_some_and(|compact| compact.windows(NAME.len()).any(|w| w == NAME))
}

/// [`names_a_property`] of a placeholder too long for its buffer.
fn long_names_a_property(raw: &str) -> bool {
    let compact: String = raw
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase();
    compact.contains("propertyname")
}

/// The spelling of segment `i` of a path as written: a literal's name, a
/// key's name.
pub fn written(path: &OpPath, i: usize) -> Option<&str> {
    match path.segments.get(i)? {
        Segment::Literal { name } | Segment::Param { name, .. } => Some(name),
        _ => None,
    }
}

/// Each answer for what a path returns, with the pages that give it.
type Answers<'a> = BTreeMap<Returned, BTreeSet<&'a str>>;

/// What GET operations on one path return, once their votes are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Returned {
    /// Position of the type in the merged types.
    pub type_id: usize,
    pub collection: bool,
}

impl PathIndex {
    /// Index every operation's paths. A path returns what its GET
    /// operations' responses say; when pages disagree, a type that is the
    /// base of every other answer wins (list pages of derived types share
    /// their base's path), else the answer of more than half of the pages,
    /// else the path stays unknown. Paths with a query string are left out:
    /// their responses describe what the query expands (`?$expand=extensions`
    /// on an extension page).
    /// `keys` is [`PathKeys::read`] of the same operations.
    pub fn build(ops: &[Operation], index: &TypeIndex, keys: PathKeys) -> PathIndex {
        let mut out = PathIndex {
            names: keys.names,
            keys: keys.keys,
            keyed: keys.keyed,
            ..PathIndex::default()
        };
        let mut votes: HashMap<(Version, &[Seg]), Answers<'_>, FastHash> = HashMap::default();
        for (op, keys) in ops.iter().zip(&out.keys) {
            let Some(v) = op.version else { continue };
            if op.method != "GET" {
                continue;
            }
            for (path, key) in op.paths.iter().zip(keys) {
                let Some(key) = key.as_deref().filter(|k| k.len() == path.segments.len()) else {
                    continue;
                };
                if path.query.is_some() {
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
        let mut returns: BTreeMap<Version, HashMap<Vec<Seg>, Returned, FastHash>> = BTreeMap::new();
        for ((v, key), answers) in votes {
            if let Some(r) = decide(&answers, index) {
                returns.entry(v).or_default().insert(key.to_vec(), r);
            }
        }
        out.returns = returns;
        out
    }

    /// The lower-cased literal a segment stands for (`{}` for [`KEY`]).
    pub fn name(&self, seg: Seg) -> &str {
        self.names.name(seg)
    }

    /// The leading literal and key segments of path `path` of operation
    /// `op` (positions in the operations the index was built from), as a
    /// key: literals lower-cased (the docs spell one path several ways),
    /// every key placeholder as [`KEY`]. A literal GUID is a key written as
    /// an example value (`/education/classes/acdefc6b-.../assignmentDefaults`).
    /// `None` when a placeholder names a property rather than a key
    /// (`branding/{property name}` reads one property of the branding, it
    /// does not index a collection). Segment `i` of the key is segment `i`
    /// of the path (see [`written`]).
    pub fn leading_key(&self, op: usize, path: usize) -> Option<&[Seg]> {
        self.keys.get(op)?.get(path)?.as_deref()
    }

    /// The whole path as a key, when it has only literal and key segments.
    pub fn whole_key(&self, op: usize, path: usize, p: &OpPath) -> Option<&[Seg]> {
        self.leading_key(op, path)
            .filter(|k| k.len() == p.segments.len())
    }

    /// Whether some documented path continues `key` with a key segment.
    pub fn is_keyed(&self, version: Version, key: &[Seg]) -> bool {
        self.keyed
            .get(&version)
            .is_some_and(|keyed| keyed.contains(key))
    }

    /// What GET operations on exactly this path return, if they agree.
    pub fn returns(&self, version: Version, key: &[Seg]) -> Option<Returned> {
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
        key: &[Seg],
        types: &[TypeDef],
        index: &TypeIndex,
    ) -> Option<usize> {
        let owner = |len: usize| self.single_entity(version, key.get(..len)?, types, index);
        self.entity_step(version, key, owner, types, index)
    }

    /// [`PathIndex::single_entity`] of every prefix of `key`: element `i`
    /// is that of `key[..i]`. (Each prefix's entity is found from a shorter
    /// one's: computed together, each prefix is read once.)
    pub fn single_entities(
        &self,
        version: Version,
        key: &[Seg],
        types: &[TypeDef],
        index: &TypeIndex,
    ) -> Vec<Option<usize>> {
        let mut out: Vec<Option<usize>> = Vec::with_capacity(key.len() + 1);
        for n in 0..=key.len() {
            let prefix = key.get(..n).unwrap_or_default();
            let owner = |len: usize| out.get(len).copied().flatten();
            let found = self.entity_step(version, prefix, owner, types, index);
            out.push(found);
        }
        out
    }

    /// [`PathIndex::single_entity`] of `key`, given how to find that of
    /// the prefix of a length before its last property segment.
    fn entity_step(
        &self,
        version: Version,
        key: &[Seg],
        owner: impl FnOnce(usize) -> Option<usize>,
        types: &[TypeDef],
        index: &TypeIndex,
    ) -> Option<usize> {
        if key.is_empty() || self.is_keyed(version, key) {
            return None;
        }
        if let Some(r) = self.returns(version, key) {
            return (!r.collection).then_some(r.type_id);
        }
        let (&last, parent) = key.split_last()?;
        let (name, owner_len, want_collection) = if last == KEY {
            let (&name, owner_key) = parent.split_last()?;
            (name, owner_key.len(), true)
        } else {
            (last, parent.len(), false)
        };
        if name == KEY {
            return None;
        }
        let owner = owner(owner_len)?;
        let (declaring, pos) = index.declaring(types, owner, self.name(name))?;
        let t = types.get(declaring)?;
        let p = t.properties.get(pos)?;
        if p.collection != want_collection {
            return None;
        }
        index.resolve(version, t.namespace.as_deref(), &p.type_name)
    }
}

/// The lower-cased literals of path keys, numbered in the order they are
/// first met.
#[derive(Debug)]
struct Interner {
    /// Lower-cased literal by segment id (`names[0]` is [`KEY`]'s).
    names: Vec<String>,
    ids: LowerMap<Seg>,
}

impl Default for Interner {
    fn default() -> Self {
        let mut ids = LowerMap::default();
        // A literal written `{}` reads as a key, as it always has.
        ids.insert_new_hashed(lower_hash(KEY_NAME), KEY_NAME, KEY);
        Interner {
            names: vec![KEY_NAME.to_string()],
            ids,
        }
    }
}

impl Interner {
    /// The id of a literal, lower-cased.
    fn intern(&mut self, literal: &str) -> Seg {
        let h = lower_hash(literal);
        if let Some(&id) = self.ids.get_hashed(h, literal) {
            return id;
        }
        let id = Seg::try_from(self.names.len()).unwrap_or(Seg::MAX);
        self.names.push(crate::ir::naming::lower(literal));
        self.ids.insert_new_hashed(h, literal, id);
        id
    }

    fn name(&self, seg: Seg) -> &str {
        self.names
            .get(seg as usize)
            .map_or(KEY_NAME, String::as_str)
    }

    /// The leading literal and key segments of a path, as a key (see
    /// [`PathIndex::leading_key`]), interning its literals.
    fn leading_key(&mut self, path: &OpPath) -> Option<Vec<Seg>> {
        let mut key = Vec::with_capacity(path.segments.len());
        for s in &path.segments {
            match s {
                Segment::Literal { name } if is_guid(name) => key.push(KEY),
                Segment::Literal { name } => key.push(self.intern(name)),
                Segment::Param { raw, .. } => {
                    if names_a_property(raw) {
                        return None;
                    }
                    key.push(KEY);
                }
                _ => break,
            }
        }
        Some(key)
    }
}

/// Per operation, per path: its leading key (see
/// [`PathIndex::leading_key`]), with the literals they intern.
type Keys = Vec<Vec<Option<Vec<Seg>>>>;

/// How many operations a piece of the key reading takes.
const OPS_CHUNK: usize = 512;

/// What the paths say without the types: each path's leading key and the
/// prefixes some path continues with a key. It reads the operations
/// alone, so it is read while the types are merged.
pub struct PathKeys {
    names: Interner,
    keys: Keys,
    keyed: BTreeMap<Version, HashSet<Vec<Seg>, FastHash>>,
}

impl PathKeys {
    pub fn read(ops: &[Operation]) -> PathKeys {
        let (names, keys) = leading_keys(ops);
        let mut keyed: BTreeMap<Version, HashSet<Vec<Seg>, FastHash>> = BTreeMap::new();
        for (op, keys) in ops.iter().zip(&keys) {
            let Some(v) = op.version else { continue };
            for (path, key) in op.paths.iter().zip(keys) {
                let Some(key) = key.as_deref().filter(|k| k.len() == path.segments.len()) else {
                    continue;
                };
                let keyed = keyed.entry(v).or_default();
                for (i, &seg) in key.iter().enumerate().skip(1) {
                    let prefix = key.get(..i).unwrap_or_default();
                    if seg == KEY && !keyed.contains(prefix) {
                        keyed.insert(prefix.to_vec());
                    }
                }
            }
        }
        PathKeys { names, keys, keyed }
    }
}

/// The leading key of every path of every operation. Chunks of
/// operations are read in parallel, each interning into its own
/// [`Interner`]; the chunks' literals are then interned in chunk order,
/// which numbers them as reading all operations in order would.
fn leading_keys(ops: &[Operation]) -> (Interner, Keys) {
    let chunks: Vec<(Interner, Keys)> = ops
        .par_chunks(OPS_CHUNK)
        .map(|chunk| {
            let mut names = Interner::default();
            let keys = chunk
                .iter()
                .map(|op| op.paths.iter().map(|p| names.leading_key(p)).collect())
                .collect();
            (names, keys)
        })
        .collect();
    let mut names = Interner::default();
    let mut keys = Vec::with_capacity(ops.len());
    for (local, chunk_keys) in chunks {
        let global: Vec<Seg> = local.names.iter().map(|n| names.intern(n)).collect();
        for mut op_keys in chunk_keys {
            for seg in op_keys.iter_mut().flatten().flatten() {
                *seg = global.get(*seg as usize).copied().unwrap_or(KEY);
            }
            keys.push(op_keys);
        }
    }
    (names, keys)
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
fn decide(answers: &Answers<'_>, index: &TypeIndex) -> Option<Returned> {
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
        // The shortest placeholder that can name one, and one byte less.
        assert!(names_a_property("propertyName"));
        assert!(!names_a_property("ropertyName"));
        let long = format!("{{{}PropertyName}}", "x".repeat(80));
        assert!(names_a_property(&long));
        assert!(!names_a_property(&format!("{{{}}}", "y".repeat(80))));
    }
}
