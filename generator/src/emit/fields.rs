//! Field identifiers of one struct: snake_case, keywords escaped, collisions
//! (two wire names with one snake_case form, `userPrincipalName` and
//! `UserPrincipalName`) resolved in declaration order with a diagnostic, and
//! the `#[serde(rename)]` decision.

use crate::diag::Diagnostic;
use crate::ir::model::Source;
use crate::ir::naming;

/// Synthetic field holding `@odata.type`.
pub const ODATA_TYPE: &str = "@odata.type";
/// Synthetic field holding unknown JSON properties.
pub const ADDITIONAL: &str = "additional";

/// Identifier texts (`r#type`, `last_reported_date_time`) for `wire` names,
/// in order. The synthetic names come last so real properties keep theirs.
pub fn field_idents(
    owner: &str,
    wire: &[&str],
    source: &Source,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let snakes: Vec<String> = wire
        .iter()
        .map(|w| {
            if *w == ODATA_TYPE {
                "odata_type".to_string()
            } else {
                naming::snake_name(w)
            }
        })
        .collect();
    let (unique, renamed) = naming::uniquify(&snakes);
    for (i, old, new) in renamed {
        let what = match wire.get(i).copied() {
            Some(ODATA_TYPE) => "the `@odata.type` field".to_string(),
            Some(ADDITIONAL) if i + 1 == wire.len() => "the map of unknown properties".to_string(),
            Some(name) => format!("property `{name}`"),
            None => "a field".to_string(),
        };
        diags.push(Diagnostic::note(
            "emit-field-collision",
            &source.file,
            source.line,
            format!("in `{owner}`, field name `{old}` is taken; {what} is emitted as `{new}`"),
        ));
    }
    unique.iter().map(|s| naming::escape_snake(s)).collect()
}

/// The wire name serde derives from a field identifier under
/// `rename_all = "camelCase"` (serde's own rule: `r#` removed, each `_`
/// dropped and the next character upper-cased, then the first lower-cased).
pub fn serde_camel(ident: &str) -> String {
    let raw = ident.strip_prefix("r#").unwrap_or(ident);
    let mut pascal = String::with_capacity(raw.len());
    let mut capitalize = true;
    for c in raw.chars() {
        if c == '_' {
            capitalize = true;
        } else if capitalize {
            pascal.push(c.to_ascii_uppercase());
            capitalize = false;
        } else {
            pascal.push(c);
        }
    }
    let mut chars = pascal.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// Whether a field needs `#[serde(rename = "wire")]` under a camelCase container.
pub fn needs_rename(ident: &str, wire: &str) -> bool {
    serde_camel(ident) != wire
}

/// Whether rustc's `non_camel_case_types` lint accepts `ident` (its rule:
/// after trimming `_`, no lower-case first letter, no `__`, no `_` next to a
/// letter). Names made unique by a suffix (`Self_2`) can fail it; their item
/// then gets `#[allow(non_camel_case_types)]`.
pub fn is_camel_case(ident: &str) -> bool {
    let name = ident.trim_matches('_');
    let chars: Vec<char> = name.chars().collect();
    let first_ok = chars.first().is_none_or(|c| !c.is_lowercase());
    let underscore_by_letter = chars
        .windows(2)
        .any(|w| matches!(w, [a, '_'] | ['_', a] if a.is_alphabetic()));
    first_ok && !name.contains("__") && !underscore_by_letter
}

/// `#[allow(non_camel_case_types)]` when any of `idents` needs it.
pub fn camel_allow<'a>(idents: impl IntoIterator<Item = &'a str>) -> proc_macro2::TokenStream {
    if idents.into_iter().all(is_camel_case) {
        proc_macro2::TokenStream::new()
    } else {
        quote::quote!(#[allow(non_camel_case_types)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_matches_serde() {
        assert_eq!(
            serde_camel("last_reported_date_time"),
            "lastReportedDateTime"
        );
        assert_eq!(serde_camel("r#type"), "type");
        assert!(needs_rename("i_os_version", "iOSVersion"));
        assert!(!needs_rename("display_name", "displayName"));
        assert!(is_camel_case("_3dSecure"));
        assert!(is_camel_case("Self_"));
        assert!(!is_camel_case("Self_2"));
    }
}
