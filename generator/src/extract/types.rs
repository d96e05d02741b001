//! Type cells → (type name, collection).
//!
//! The docs spell types in thousands of ways (corpus-formats.md §8.2):
//! `[x](link)`, `[x][]`, `[x](link) collection`, `x collection`,
//! `Collection(x)`, `Edm.X`, `microsoft.graph[.ns].x`, primitive case variants
//! (`string`, `GUID`, `DateTimeOffSet`), bold/code marks, `(optional)`,
//! `X enum`, descriptions leaked into the cell. Names are taken from the LINK
//! TEXT, never the link target: targets are lowercased, `intune-`-prefixed
//! file names.

use crate::source::static_regex;
use crate::source::text::{leading_link, may_contain_ci, trim};
use std::borrow::Cow;

/// A parsed type cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TypeRef {
    /// Graph name without namespace; primitives by EDM name (`String`, `Int32`).
    pub name: String,
    pub collection: bool,
    /// The cell as written.
    pub raw: String,
}

/// The EDM name of a primitive spelled any way the docs spell it, if it is one.
pub fn primitive(name: &str) -> Option<&'static str> {
    // (`strip_prefix` loops: `trim_start_matches` with a `&str` pattern
    // builds a substring searcher on every call.)
    let mut n = name.trim();
    while let Some(rest) = n.strip_prefix("Edm.") {
        n = rest;
    }
    while let Some(rest) = n.strip_prefix("edm.") {
        n = rest;
    }
    // Compared in place, length first (this runs on every type cell and
    // name; a lowercased copy and a string match cost more).
    PRIMITIVES
        .iter()
        .find(|(spelling, _)| spelling.len() == n.len() && spelling.eq_ignore_ascii_case(n))
        .map(|(_, edm)| *edm)
}

/// Every spelling of a primitive (lowercase) and its EDM name.
const PRIMITIVES: &[(&str, &str)] = &[
    ("string", "String"),
    ("str", "String"),
    ("bool", "Boolean"),
    ("boolean", "Boolean"),
    ("int", "Int32"),
    ("integer", "Int32"),
    ("int32", "Int32"),
    ("int16", "Int16"),
    ("short", "Int16"),
    ("int64", "Int64"),
    ("long", "Int64"),
    ("byte", "Byte"),
    ("sbyte", "SByte"),
    ("single", "Single"),
    ("float", "Single"),
    ("double", "Double"),
    ("number", "Double"),
    ("decimal", "Decimal"),
    ("datetimeoffset", "DateTimeOffset"),
    ("datetime", "DateTimeOffset"),
    ("timestamp", "DateTimeOffset"),
    ("date", "Date"),
    ("timeofday", "TimeOfDay"),
    ("duration", "Duration"),
    ("timespan", "Duration"),
    ("guid", "Guid"),
    ("uuid", "Guid"),
    // No Graph type is named `url`: a `Url` cell is a string holding one.
    ("url", "String"),
    ("binary", "Binary"),
    ("stream", "Stream"),
];

/// Parse a type cell. Never fails: an empty cell gives an empty name.
pub fn parse_type_cell(cell: &str) -> TypeRef {
    let raw = trim(cell).to_string();
    let (name, collection) = parse_inner(&raw, 0);
    TypeRef {
        name,
        collection,
        raw,
    }
}

fn has_collection_word(s: &str) -> bool {
    may_contain_ci(s, "collection") && static_regex!(r"(?i)\bcollection\b").is_match(s)
}

fn strip_marks(s: &str) -> Cow<'_, str> {
    // Most cells hold none of these marks: skip the regex and the copies.
    // Every mark is a `(` then an `o` or an `r` (no other char folds to them).
    let s = if has_paren_then(s, b"oOrR") {
        static_regex!(r"(?i)\((optional|required|read-only)\)").replace_all(s, "")
    } else {
        Cow::Borrowed(s)
    };
    // (Each mark needs a `*`, `_` or backtick: one byte search first.)
    let marked = memchr::memchr3(b'*', b'_', b'`', s.as_bytes()).is_some()
        && (s.contains("**") || s.contains("__") || s.contains('`'));
    let s = if marked {
        Cow::Owned(s.replace("**", "").replace("__", "").replace('`', ""))
    } else {
        s
    };
    match s {
        Cow::Borrowed(b) => Cow::Borrowed(trim(b)),
        Cow::Owned(o) => Cow::Owned(trim(&o).to_string()),
    }
}

/// Whether some `(` in `s` is directly followed by one of `next`.
fn has_paren_then(s: &str, next: &[u8]) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'(', b).any(|i| b.get(i + 1).is_some_and(|c| next.contains(c)))
}

fn parse_inner(cell: &str, depth: u8) -> (String, bool) {
    if depth > 3 {
        return (String::new(), false);
    }
    // Most cells (and link texts) are one plain word (`String`,
    // `identitySet`, `microsoft.graph.x`): none of the forms below applies.
    if let Some(word) = plain_type_word(cell) {
        return (normalize_name(word), false);
    }
    parse_written(cell, depth)
}

/// [`parse_inner`] for every form a cell takes.
fn parse_written(cell: &str, depth: u8) -> (String, bool) {
    let s = strip_marks(cell);
    if depth > 3 || s.is_empty() {
        return (String::new(), false);
    }
    // `Collection(x)` / `collection([x][])`.
    let collection_word = may_contain_ci(&s, "collection");
    if let Some(c) = collection_word
        .then(|| static_regex!(r"(?i)^collection\s*\((.*)\)").captures(&s))
        .flatten()
    {
        let (name, _) = parse_inner(c.get(1).map(|m| m.as_str()).unwrap_or(""), depth + 1);
        return (name, true);
    }
    // `[x](link) collection`, `[x][] collection`, `[x](x.md collection)`.
    if let Some((text, target, rest)) = leading_link(&s) {
        let collection =
            has_collection_word(rest) || has_collection_word(target) || has_collection_word(text);
        let (name, inner_coll) = parse_inner(text, depth + 1);
        return (name, collection || inner_coll);
    }
    // `Untyped JSON object`: the metadata's `Json`.
    if may_contain_ci(&s, "untyped")
        && static_regex!(r"(?i)^untyped\s+json(\s+object)?$").is_match(&s)
    {
        return ("Json".to_string(), false);
    }
    // `x collection`, `String Collection`, `x enum`, `string (timestamp)`.
    let collection = collection_word && has_collection_word(&s);
    let cleaned = if collection_word {
        static_regex!(r"(?i)\bcollection\b(\s+of\b)?").replace_all(&s, " ")
    } else {
        Cow::Borrowed(&*s)
    };
    let word = cleaned
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ',' | '/' | ';' | '[' | ']'))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let word = word.trim_matches(|c: char| !(c.is_alphanumeric() || c == '_'));
    (normalize_name(word), collection)
}

/// `cell` trimmed when it is one word of ASCII letters, digits, `_` and
/// inner `.`s that holds no `collection`: then [`parse_inner`] would read
/// the word itself as the type.
fn plain_type_word(cell: &str) -> Option<&str> {
    let t = trim(cell);
    let b = t.as_bytes();
    let inner_ok = b
        .iter()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.'));
    let ends_ok = b.first().is_some_and(|c| *c != b'.') && b.last().is_some_and(|c| *c != b'.');
    (inner_ok && ends_ok && !may_contain_ci(t, "collection")).then_some(t)
}

/// Strip `#`, `Edm.` and namespaces (`microsoft.graph.ediscovery.sourceType` →
/// `sourceType`) and map primitives to their EDM names.
pub fn normalize_name(name: &str) -> String {
    let n = trim(name).trim_start_matches('#');
    if let Some(p) = primitive(n) {
        return p.to_string();
    }
    let last = n.rsplit('.').next().unwrap_or(n);
    match primitive(last) {
        Some(p) => p.to_string(),
        None => lower_camel(last),
    }
}

/// Graph type names that really start with a capital letter (the service
/// metadata's exceptions to its lowerCamel rule; `Json` is the usual one).
const UPPER_CAMEL_TYPES: &[&str] = &["Json", "ComplexExtensionValue", "CopyNotebookModel"];

/// Graph structured and enum type names are lowerCamel (`identitySet`), but
/// pages often capitalise them in type cells and titles (`[IdentitySet](...)`,
/// `# Drive resource type`). Lowercase a leading capital that starts a
/// lowercase word; leave acronyms (`IPv6Range`) and the known exceptions alone.
pub fn lower_camel(name: &str) -> String {
    if let Some(u) = UPPER_CAMEL_TYPES
        .iter()
        .find(|u| u.eq_ignore_ascii_case(name))
    {
        return u.to_string();
    }
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_ascii_uppercase() && b.is_ascii_lowercase() => {
            let mut out = String::with_capacity(name.len());
            out.push(a.to_ascii_lowercase());
            out.push_str(&name[1..]);
            out
        }
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_read_as_every_form_is_read() {
        for w in [
            "String",
            " Int32 ",
            "identitySet",
            "microsoft.graph.callRecords.session",
            "Edm.DateTimeOffset",
            "x_1",
            "_",
            "untyped",
            "ComplexExtensionValue",
            "IPv6Range",
            "\u{a0}Boolean\u{200b}",
        ] {
            assert!(plain_type_word(w).is_some(), "{w:?}");
            assert_eq!(parse_inner(w, 0), parse_written(w, 0), "{w:?}");
        }
        for w in [
            "Collection",
            "stringCollection",
            ".x",
            "x.",
            "a b",
            "[a](b)",
            "",
        ] {
            assert!(plain_type_word(w).is_none(), "{w:?}");
        }
    }

    fn t(cell: &str) -> (String, bool) {
        let r = parse_type_cell(cell);
        (r.name, r.collection)
    }

    #[test]
    fn links_key_on_text_not_file_name() {
        assert_eq!(
            t("[complianceStatus](../resources/intune-shared-compliancestatus.md)"),
            ("complianceStatus".into(), false)
        );
        assert_eq!(
            t("[keyCredential](../resources/keycredential.md) collection"),
            ("keyCredential".into(), true)
        );
        assert_eq!(
            t("[identitySet][] collection"),
            ("identitySet".into(), true)
        );
        assert_eq!(
            t("[timeZoneInformation](timezoneinformation.md collection)"),
            ("timeZoneInformation".into(), true)
        );
        assert_eq!(
            t("[invitedUserMessageInfo](invitedusermessageinfo.md"),
            ("invitedUserMessageInfo".into(), false)
        );
        assert_eq!(
            t("[educationOutcome](educationOutcome.md) collection. Holds grades"),
            ("educationOutcome".into(), true)
        );
    }

    #[test]
    fn collections_in_every_spelling() {
        assert_eq!(t("String collection"), ("String".into(), true));
        assert_eq!(t("string Collection"), ("String".into(), true));
        assert_eq!(t("Collection(string)"), ("String".into(), true));
        assert_eq!(
            t("collection([driveRecipient][])"),
            ("driveRecipient".into(), true)
        );
        assert_eq!(
            t("Collection(microsoft.graph.displayNameLocalization)"),
            ("displayNameLocalization".into(), true)
        );
        assert_eq!(
            t("microsoft.graph.accessReviewQueryScope collection"),
            ("accessReviewQueryScope".into(), true)
        );
    }

    #[test]
    fn primitives_are_normalised() {
        for (cell, want) in [
            ("string", "String"),
            ("bool", "Boolean"),
            ("boolean", "Boolean"),
            ("int", "Int32"),
            ("Integer", "Int32"),
            ("datetime", "DateTimeOffset"),
            ("dateTimeOffset", "DateTimeOffset"),
            ("DateTimeOffSet", "DateTimeOffset"),
            ("GUID", "Guid"),
            ("Edm.Int32", "Int32"),
            ("edm.DateTime", "DateTimeOffset"),
            ("`String`", "String"),
            ("**Boolean**", "Boolean"),
            ("(Optional) String", "String"),
            ("String (optional)", "String"),
            ("string (timestamp)", "String"),
            ("Int64", "Int64"),
            ("Json", "Json"),
        ] {
            assert_eq!(t(cell), (want.to_string(), false), "{cell}");
        }
    }

    #[test]
    fn namespaces_enums_and_decorations() {
        assert_eq!(
            t("microsoft.graph.ediscovery.sourceType"),
            ("sourceType".into(), false)
        );
        assert_eq!(t("alertFeedback enum"), ("alertFeedback".into(), false));
        assert_eq!(
            t("**dateTimeTimeZone**"),
            ("dateTimeTimeZone".into(), false)
        );
        assert_eq!(t("complianceStatus"), ("complianceStatus".into(), false));
        assert_eq!(t(""), (String::new(), false));
        assert_eq!(t("[physicalAddress]"), ("physicalAddress".into(), false));
        assert_eq!(
            t("[IdentitySet](identityset.md)"),
            ("identitySet".into(), false)
        );
        assert_eq!(t("JSON"), ("Json".into(), false));
        assert_eq!(t("URL"), ("String".into(), false));
        assert_eq!(t("Url"), ("String".into(), false));
        assert_eq!(t("IPv6Range"), ("IPv6Range".into(), false), "acronyms kept");
        assert_eq!(t("json"), ("Json".into(), false));
        assert_eq!(t("Untyped JSON object"), ("Json".into(), false));
    }
}
