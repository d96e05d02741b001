//! Whether two property names are one name misspelt: the same but for a
//! plural ending, one or two letters apart, or one with its last word cut.
//! `verify` classes disagreements with [`distance`]; the merge uses the
//! stricter [`misspelt`] (plurals and one-letter slips in long names only)
//! to tie a misspelt table row or example key to the property it means.

/// `a` and `b` are one name spelt two ways that differ by more than case
/// (the case-only variants are `property_spelling`'s), judged more strictly
/// than [`near`] because the merge acts on it: the same but for a plural
/// ending (`timeoffrequest`/`timeOffRequests`), or one letter apart in a
/// long name (`swapshiftchangerequests`/`swapShiftsChangeRequests`). Two
/// letters apart is too loose (`transitiveMemberOf`/`transitiveMembers`),
/// and so is one letter in a short name (`site`/`size`).
pub fn misspelt(a: &str, b: &str) -> bool {
    // Cheap gates first: this runs for every example key no property has.
    // Every accepted pair differs in length by at most 2 (`y`/`ies`).
    if a.len().abs_diff(b.len()) > 2 || a.eq_ignore_ascii_case(b) {
        return false;
    }
    let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
    if digits(&a) != digits(&b) {
        return false;
    }
    singular(&a) == singular(&b)
        || (a.len().min(b.len()) >= 8
            && a.bytes().next() == b.bytes().next()
            && edit_distance(&a, &b) == 1)
}

/// How far apart two names are when they are near (see [`near`]), else `None`.
pub fn distance(a: &str, b: &str) -> Option<usize> {
    let (la, lb) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
    (near(&la, &lb) || shortened(a, b) || shortened(b, a))
        .then(|| edit_distance(&singular(&la), &singular(&lb)))
}

/// `short` is `long` with its last word cut (`errorInfo`, `errorInformation`):
/// at least five letters kept, and what was cut starts no new word
/// (`device` is not `devicesCount` shortened).
fn shortened(short: &str, long: &str) -> bool {
    short.len() >= 5
        && long.len() > short.len()
        && long
            .get(..short.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(short))
        && long
            .get(short.len()..)
            .is_some_and(|cut| !cut.contains(|c: char| c.is_ascii_uppercase()))
}

/// Two lower-case names with the same digits that are the same but for a
/// plural ending (`policy`/`policies`), or one or two edits apart from the
/// same first letter (one edit for short names).
pub fn near(a: &str, b: &str) -> bool {
    // `v10_0` and `v14_0` are two settings, not one misspelt.
    if digits(a) != digits(b) {
        return false;
    }
    if singular(a) == singular(b) {
        return true;
    }
    let shorter = a.len().min(b.len());
    // A slip keeps the first letter: `endDateTime` is not `sentDateTime`.
    let allowed = if shorter >= 8 { 2 } else { 1 };
    a.bytes().next() == b.bytes().next()
        && a.len().abs_diff(b.len()) <= allowed
        && edit_distance(a, b) <= allowed
}

/// The digits of a name, in order.
fn digits(name: &str) -> String {
    name.chars().filter(char::is_ascii_digit).collect()
}

/// `policies` → `policy`, `requests` → `request`: the plural the docs and
/// the metadata disagree on most.
fn singular(name: &str) -> std::borrow::Cow<'_, str> {
    if let Some(stem) = name.strip_suffix("ies") {
        format!("{stem}y").into()
    } else {
        name.strip_suffix('s').unwrap_or(name).into()
    }
}

/// Levenshtein distance over bytes (names are ASCII identifiers).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = prev[j] + usize::from(ca != cb);
            cur[j + 1] = substitute.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("policy", "policies"), 3);
        assert_eq!(edit_distance("oauth2requiredpost", "oauth2requirepost"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn near_is_a_plural_or_a_slip_with_the_same_digits() {
        assert!(near("timeoffrequest", "timeoffrequests"));
        assert!(near(
            "appliedconditionalaccesspolicy",
            "appliedconditionalaccesspolicies"
        ));
        assert!(near("swapshiftchangerequests", "swapshiftschangerequests"));
        assert!(!near("v10_0", "v11_0"));
        assert!(!near("enddatetime", "sentdatetime"));
        assert!(
            !near("errorinfo", "errorinformation"),
            "a cut word is not a slip"
        );
        assert_eq!(distance("errorInfo", "errorInformation"), Some(7));
        assert!(misspelt("timeoffrequest", "timeOffRequests"));
        assert!(
            !misspelt("openshifts", "openShifts"),
            "case-only is not a misspelling"
        );
        assert!(misspelt(
            "swapshiftchangerequests",
            "swapShiftsChangeRequests"
        ));
        assert!(misspelt(
            "appliedConditionalAccessPolicy",
            "appliedConditionalAccessPolicies"
        ));
        assert!(!misspelt("transitiveMemberOf", "transitiveMembers"));
        assert!(!misspelt("site", "size"));
        assert!(!misspelt("v10_0", "v11_0"));
    }
}
