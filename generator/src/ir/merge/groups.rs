//! Items grouped by a key, groups in key order, each group's items in
//! input order: what a `BTreeMap<key, Vec<item>>` gives, found by hashing
//! each item's borrowed key to a group and sorting only the distinct keys
//! (no key is cloned; the beta has tens of thousands of type fragments and
//! a few thousand types), so the groups can then be merged in parallel.

use crate::ir::model::Version;
use crate::ir::naming::FastHash;
use std::collections::HashMap;

/// What fragments of one item share: (version, name, namespace).
pub type GroupKey<'a> = (Option<Version>, &'a str, Option<&'a str>);

/// `items` grouped by `key` (items with equal keys share a group).
pub fn grouped<T>(items: Vec<T>, key: impl for<'a> Fn(&'a T) -> GroupKey<'a>) -> Vec<Vec<T>> {
    let (group_of, groups) = group_ranks(&items, key);
    let mut out: Vec<Vec<T>> = (0..groups).map(|_| Vec::new()).collect();
    for (item, g) in items.into_iter().zip(group_of) {
        if let Some(group) = out.get_mut(g) {
            group.push(item);
        }
    }
    out
}

/// Per item, the position of its key among the distinct keys in order;
/// and how many distinct keys there are.
fn group_ranks<'a, T>(items: &'a [T], key: impl Fn(&'a T) -> GroupKey<'a>) -> (Vec<usize>, usize) {
    let mut ids: HashMap<GroupKey<'a>, usize, FastHash> = HashMap::default();
    let first_seen: Vec<usize> = items
        .iter()
        .map(|item| {
            let next = ids.len();
            *ids.entry(key(item)).or_insert(next)
        })
        .collect();
    // Keys are distinct: an unstable sort gives the one order there is.
    let mut keys: Vec<(GroupKey<'a>, usize)> = ids.into_iter().collect();
    keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut rank = vec![0; keys.len()];
    for (r, (_, id)) in keys.iter().enumerate() {
        if let Some(slot) = rank.get_mut(*id) {
            *slot = r;
        }
    }
    let group_of = first_seen
        .into_iter()
        .map(|id| rank.get(id).copied().unwrap_or(0))
        .collect();
    (group_of, keys.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_in_key_order_items_in_input_order() {
        let v = Some(Version::V1_0);
        let items = vec![
            (v, "b", Some("x"), 'a'),
            (v, "a", None, 'b'),
            (v, "b", Some("x"), 'c'),
            (v, "a", None, 'd'),
            (None, "c", None, 'e'),
            (v, "b", None, 'f'),
        ];
        let groups = grouped(items, |t| (t.0, t.1, t.2));
        let letters: Vec<String> = groups
            .iter()
            .map(|g| g.iter().map(|t| t.3).collect())
            .collect();
        assert_eq!(letters, ["e", "bd", "f", "ac"]);
        let none: Vec<(Option<Version>, &str, Option<&str>)> = Vec::new();
        assert!(grouped(none, |t| *t).is_empty());
    }
}
