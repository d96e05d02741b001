//! Items grouped by a key, groups in key order, each group's items in
//! input order: what a `BTreeMap<key, Vec<item>>` gives, found by sorting
//! positions instead (no key is cloned; the beta has tens of thousands of
//! type fragments), so the groups can then be merged in parallel.

use rayon::prelude::*;
use std::cmp::Ordering;

/// `items` grouped by `cmp` (items comparing equal share a group).
pub fn grouped<T: Send + Sync>(
    items: Vec<T>,
    cmp: impl Fn(&T, &T) -> Ordering + Sync,
) -> Vec<Vec<T>> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    // Stable: equal keys keep input order.
    order.par_sort_by(|&a, &b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => a.cmp(&b),
    });
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    let mut out: Vec<Vec<T>> = Vec::new();
    for i in order {
        let Some(item) = slots.get_mut(i).and_then(Option::take) else {
            continue;
        };
        match out.last_mut() {
            Some(group) if group.last().is_some_and(|last| cmp(last, &item).is_eq()) => {
                group.push(item);
            }
            _ => out.push(vec![item]),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_in_key_order_items_in_input_order() {
        let items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (3, 'e')];
        let groups = grouped(items, |x, y| x.0.cmp(&y.0));
        assert_eq!(
            groups,
            vec![
                vec![(1, 'b'), (1, 'd')],
                vec![(2, 'a'), (2, 'c')],
                vec![(3, 'e')]
            ]
        );
        assert!(grouped(Vec::<u8>::new(), u8::cmp).is_empty());
    }
}
