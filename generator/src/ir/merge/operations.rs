//! Every operation is kept; names become unique per version so each gets its
//! own client function.

use crate::diag::Diagnostic;
use crate::ir::model::Operation;
use crate::ir::naming;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Uniquify operation names per version and sort by (version, name).
///
/// Within a version the operations are first ordered by source, so which of
/// two same-named operations keeps the plain name depends only on the files,
/// never on input order.
pub fn merge_operations(ops: Vec<Operation>, diags: &mut Vec<Diagnostic>) -> Vec<Operation> {
    // One sort puts each version's operations together, in source order.
    let mut ops = sorted(ops, |a, b| {
        (a.version, &a.source, &a.name, &a.method).cmp(&(b.version, &b.source, &b.name, &b.method))
    });
    let mut start = 0;
    while let Some(first) = ops.get(start) {
        let v = first.version;
        let len = ops
            .get(start..)
            .map_or(0, |rest| rest.iter().take_while(|o| o.version == v).count());
        if let Some(group) = ops.get_mut(start..start + len) {
            name_uniquely(group, diags);
        }
        start += len.max(1);
    }
    sorted(ops, |a, b| (a.version, &a.name).cmp(&(b.version, &b.name)))
}

/// Give the operations of one version (in source order) unique names.
fn name_uniquely(ops: &mut [Operation], diags: &mut Vec<Diagnostic>) {
    let snake: Vec<String> = ops.iter().map(|o| naming::snake_name(&o.name)).collect();
    let (names, renamed) = naming::uniquify(&snake);
    let mut first_of: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, n) in snake.iter().enumerate() {
        first_of.entry(n.as_str()).or_insert(i);
    }
    for (i, old, new) in &renamed {
        let (Some(op), Some(first)) = (
            ops.get(*i),
            first_of.get(old.as_str()).and_then(|&f| ops.get(f)),
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
    for (op, name) in ops.iter_mut().zip(names) {
        op.name = name;
    }
}

/// `items` stably sorted by `cmp`. The order is found on positions and the
/// items moved once: operations are large, and moving them is most of
/// what sorting them in place costs.
fn sorted<T>(items: Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => a.cmp(&b),
    });
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}
