//! Every operation is kept; names become unique per version so each gets its
//! own client function.

use crate::diag::Diagnostic;
use crate::ir::model::Operation;
use crate::ir::naming;
use std::collections::BTreeMap;

/// Uniquify operation names per version and sort by (version, name).
///
/// Within a version the operations are first ordered by source, so which of
/// two same-named operations keeps the plain name depends only on the files,
/// never on input order.
///
/// Both orders are found on positions and the operations are then moved
/// into their final place, in place: operations are large, and moving them
/// (into fresh memory) is most of what sorting them costs.
pub fn merge_operations(mut ops: Vec<Operation>, diags: &mut Vec<Diagnostic>) -> Vec<Operation> {
    // One sort puts each version's operations together, in source order.
    let mut order: Vec<usize> = (0..ops.len()).collect();
    order.sort_by(|&a, &b| match (ops.get(a), ops.get(b)) {
        (Some(a), Some(b)) => (a.version, &a.source, &a.name, &a.method)
            .cmp(&(b.version, &b.source, &b.name, &b.method)),
        _ => a.cmp(&b),
    });
    let versions: Vec<_> = order
        .iter()
        .map(|&i| ops.get(i).map(|o| o.version))
        .collect();
    let mut start = 0;
    for run in versions.chunk_by(|a, b| a == b) {
        if let Some(group) = order.get(start..start + run.len()) {
            name_uniquely(&mut ops, group, diags);
        }
        start += run.len();
    }
    // Stable, over the source order: names are unique per version now.
    order.sort_by(|&a, &b| match (ops.get(a), ops.get(b)) {
        (Some(a), Some(b)) => (a.version, &a.name).cmp(&(b.version, &b.name)),
        _ => a.cmp(&b),
    });
    permute(&mut ops, &order);
    ops
}

/// Put `items[order[k]]` at position `k`, in place, by following each cycle
/// of the permutation with swaps (no second vector of these large items
/// to fault in). `order` is a permutation of the positions.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while done.get(at) == Some(&false) {
            if let Some(d) = done.get_mut(at) {
                *d = true;
            }
            let Some(&from) = order.get(at) else { break };
            if from == start || from >= items.len() {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Give the operations of one version (`group`: their positions, in source
/// order) unique names.
fn name_uniquely(ops: &mut [Operation], group: &[usize], diags: &mut Vec<Diagnostic>) {
    let snake: Vec<String> = group
        .iter()
        .filter_map(|&i| ops.get(i))
        .map(|o| naming::snake_name(&o.name))
        .collect();
    let (names, renamed) = naming::uniquify(&snake);
    let mut first_of: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, n) in snake.iter().enumerate() {
        first_of.entry(n.as_str()).or_insert(i);
    }
    let op_at = |i: usize| group.get(i).and_then(|&at| ops.get(at));
    for (i, old, new) in &renamed {
        let (Some(op), Some(first)) = (
            op_at(*i),
            first_of.get(old.as_str()).and_then(|&f| op_at(f)),
        ) else {
            continue;
        };
        diags.push(Diagnostic::note(
            "operation-renamed",
            &op.source.file,
            op.source.line,
            format!(
                "operation name `{old}` is already used by {} ({} {}); renamed to `{new}`",
                first.source, first.method, first.title
            ),
        ));
    }
    for (&at, name) in group.iter().zip(names) {
        if let Some(op) = ops.get_mut(at) {
            op.name = name;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        let order = [3, 0, 4, 1, 2, 5];
        let mut items: Vec<char> = "abcdef".chars().collect();
        permute(&mut items, &order);
        let expected: Vec<char> = order.iter().map(|&i| (b'a' + i as u8) as char).collect();
        assert_eq!(items, expected);
        let mut empty: Vec<u8> = Vec::new();
        permute(&mut empty, &[]);
        assert!(empty.is_empty());
    }
}
