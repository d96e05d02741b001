//! Why a docs property and the metadata disagree, as far as the names and
//! types tell: the classes `verify` counts so that a reader of the report
//! sees at once which disagreements are spelling slips, which put a
//! property on the wrong type, and which are the docs describing something
//! the metadata does not have (or the reverse).

use super::csdl::{simple_name, MetaType, Metadata};
use crate::ir::near_name::distance;
use serde::Serialize;

/// The class of one disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// The other side has the name in another case (`sharepointIds` vs
    /// `sharePointIds`): a serializer using the docs spelling misses it.
    CaseOnly,
    /// The other side has a close name: one or two letters apart, or one
    /// name extending the other (`errorInfo` vs `errorInformation`).
    NearName,
    /// The metadata declares the name on a type this one links to or is
    /// linked from (`agreement.localizations` is `agreementFile`'s).
    OnRelatedType,
    /// Nothing of that name near: the docs describe what the metadata does
    /// not have, or the reverse.
    Unmatched,
    /// Both numeric, of other widths (`Double` vs `Single`, `Int32` vs `Int64`).
    NumericWidth,
    /// Same type, one side a collection.
    CollectionFlag,
    /// `String` on one side, an enum on the other.
    StringForEnum,
    /// Any other pair of types.
    OtherType,
}

impl Cause {
    /// How the report's summary names the class.
    pub fn label(self) -> &'static str {
        match self {
            Cause::CaseOnly => "case-only spelling",
            Cause::NearName => "near a name of the other side",
            Cause::OnRelatedType => "on a related metadata type",
            Cause::Unmatched => "no such name",
            Cause::NumericWidth => "numeric width",
            Cause::CollectionFlag => "collection flag",
            Cause::StringForEnum => "String vs enum",
            Cause::OtherType => "other type",
        }
    }
}

/// The name of `candidates` closest to `name` (not equal): the same
/// ignoring case first, else the nearest spelling. With the cause.
pub fn closest<'a>(
    name: &str,
    candidates: impl Iterator<Item = &'a str> + Clone,
) -> Option<(Cause, &'a str)> {
    if let Some(c) = candidates
        .clone()
        .find(|c| *c != name && c.eq_ignore_ascii_case(name))
    {
        return Some((Cause::CaseOnly, c));
    }
    candidates
        .filter(|c| *c != name)
        .filter_map(|c| distance(name, c).map(|d| (d, c)))
        .min()
        .map(|(_, c)| (Cause::NearName, c))
}

/// The metadata types `t` links to (its properties' types) or that link to
/// it, other than `t` itself, that declare a property named `name` of the
/// type the docs give it (`type_name`, no namespace).
pub fn related_declaring<'a>(
    meta: &'a Metadata,
    t: &MetaType,
    name: &str,
    type_name: &str,
) -> Vec<&'a str> {
    let targets: Vec<&str> = meta
        .chain(t)
        .iter()
        .flat_map(|c| c.properties.iter().map(|p| p.type_name.as_str()))
        .collect();
    let mut out: Vec<&str> = meta
        .types
        .values()
        .filter(|o| o.name != t.name)
        .filter(|o| {
            targets.contains(&o.name.as_str()) || o.properties.iter().any(|p| p.type_name == t.name)
        })
        .filter(|o| {
            o.properties
                .iter()
                .any(|p| p.name == name && p.type_name.eq_ignore_ascii_case(type_name))
        })
        .map(|o| o.name.as_str())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Numeric EDM types, whose widths the docs often round.
const NUMERIC: [&str; 7] = [
    "Byte", "Int16", "Int32", "Int64", "Single", "Double", "Decimal",
];

/// The class of a type mismatch between a docs type and a metadata type.
pub fn type_cause(meta: &Metadata, docs: (&str, bool), metadata: (&str, bool)) -> Cause {
    let (d, m) = (simple_name(docs.0.trim()), metadata.0);
    let is = |list: &[&str], x: &str| list.iter().any(|n| n.eq_ignore_ascii_case(x));
    if d.eq_ignore_ascii_case(m) {
        Cause::CollectionFlag
    } else if is(&NUMERIC, d) && is(&NUMERIC, m) {
        Cause::NumericWidth
    } else if (d.eq_ignore_ascii_case("String") && meta.find_enum(m).is_some())
        || (m == "String" && meta.find_enum(d).is_some())
    {
        Cause::StringForEnum
    } else {
        Cause::OtherType
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_case_only_near_or_not() {
        let names = ["sharePointIds", "errorInformation", "isAzureAdJoined", "id"];
        let find = |n: &str| closest(n, names.iter().copied());
        assert_eq!(
            find("sharepointIds"),
            Some((Cause::CaseOnly, "sharePointIds"))
        );
        assert_eq!(
            find("errorInfo"),
            Some((Cause::NearName, "errorInformation"))
        );
        assert_eq!(
            find("isAzureAadJoined"),
            Some((Cause::NearName, "isAzureAdJoined"))
        );
        // Short names need to be closer: `ids` is one edit from `id`, `name` is not near.
        assert_eq!(find("ids"), Some((Cause::NearName, "id")));
        assert_eq!(find("name"), None);
        assert_eq!(closest("device", ["devicesCount"].into_iter()), None);
        assert_eq!(closest("endDateTime", ["sentDateTime"].into_iter()), None);
        let versions = ["v10_0", "v11_0"];
        assert_eq!(closest("v14_0", versions.iter().copied()), None);
        let two = ["timeOffRequestsEnabled", "timeOffRequests"];
        assert_eq!(
            closest("timeoffrequest", two.iter().copied()),
            Some((Cause::NearName, "timeOffRequests"))
        );
        let plural = ["appliedConditionalAccessPolicies"];
        assert_eq!(
            closest("appliedConditionalAccessPolicy", plural.iter().copied()),
            Some((Cause::NearName, "appliedConditionalAccessPolicies"))
        );
        assert_eq!(find("id"), None, "an equal name is no disagreement");
    }
}
