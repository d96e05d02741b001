//! Every operation is kept; names become unique per version so each gets its
//! own client function.

use crate::diag::Diagnostic;
use crate::ir::model::{Operation, Version};
use crate::ir::naming;
use std::collections::BTreeMap;

/// Uniquify operation names per version and sort by (version, name).
///
/// Within a version the operations are first ordered by source, so which of
/// two same-named operations keeps the plain name depends only on the files,
/// never on input order.
pub fn merge_operations(ops: Vec<Operation>, diags: &mut Vec<Diagnostic>) -> Vec<Operation> {
    let mut by_version: BTreeMap<Option<Version>, Vec<Operation>> = BTreeMap::new();
    for op in ops {
        by_version.entry(op.version).or_default().push(op);
    }
    let mut out = Vec::new();
    for (_, mut ops) in by_version {
        ops.sort_by(|a, b| (&a.source, &a.name, &a.method).cmp(&(&b.source, &b.name, &b.method)));
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
        out.extend(ops);
    }
    out.sort_by(|a, b| (a.version, &a.name).cmp(&(b.version, &b.name)));
    out
}
