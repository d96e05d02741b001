//! Enums that survive values the docs do not list: one variant per
//! documented member plus `Unrecognized(String)`, which keeps any other value
//! and writes it back unchanged. (`Unknown` is not used for it: `unknown` is
//! a documented member of many Graph enums.) Each enum has `as_str`,
//! `Display`, `FromStr` (never fails) and string serde; flag enums are used
//! through `primitives::Flags<E>` (`"a,b"` on the wire).
//!
//! Evolvable enums: members after the `unknownFutureValue` sentinel are sent
//! by the service only when the request opts in with the
//! `Prefer: include-unknown-enum-members` header (otherwise it sends
//! `unknownFutureValue`). They are ordinary variants here, documented as such.

use crate::diag::Diagnostic;
use crate::emit::docs;
use crate::emit::model::Ctx;
use crate::ir::model::{EnumDef, EnumMember};
use crate::ir::naming;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::BTreeSet;

/// The name of the catch-all variant.
pub const UNRECOGNIZED: &str = "Unrecognized";

/// The sentinel member of evolvable enums.
pub const SENTINEL: &str = "unknownFutureValue";

/// The enum `e`, named `ident`.
pub fn emit_enum(ctx: &mut Ctx<'_, '_>, e: &EnumDef, ident: &str) -> TokenStream {
    let EnumDef {
        name,
        flags,
        synthesized,
        description,
        source,
        ..
    } = e;
    let members = unique_members(e, ctx.diags);
    let mut wanted: Vec<String> = members.iter().map(|m| naming::type_name(&m.name)).collect();
    wanted.push(UNRECOGNIZED.to_string());
    let (variant_names, renamed) = naming::uniquify(&wanted);
    for (i, old, new) in renamed {
        let what = members
            .get(i)
            .map(|m| format!("member `{}`", m.name))
            .unwrap_or_else(|| "the catch-all variant".to_string());
        ctx.diags.push(Diagnostic::note(
            "emit-variant-collision",
            &source.file,
            source.line,
            format!(
                "in enum `{name}`, variant name `{old}` is taken; {what} is emitted as `{new}`"
            ),
        ));
    }
    let sentinel_at = members.iter().position(|m| m.name == SENTINEL);
    let variants: Vec<proc_macro2::Ident> = variant_names
        .iter()
        .map(|v| format_ident!("{}", v))
        .collect();
    let (known, catch_all) = variants.split_at(members.len());
    let catch_all = catch_all
        .first()
        .cloned()
        .unwrap_or_else(|| format_ident!("{}", UNRECOGNIZED));
    let wires: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
    let member_docs: Vec<TokenStream> = members
        .iter()
        .enumerate()
        .map(|(i, m)| member_doc(m, sentinel_at.is_some_and(|s| i > s)))
        .collect();
    let doc = docs::doc_attrs(
        description.as_deref(),
        &enum_notes(name, *flags, *synthesized, sentinel_at.is_some()),
        Some(source),
    );
    let allow =
        crate::emit::fields::camel_allow(variant_names.iter().map(String::as_str).chain([ident]));
    let ty = format_ident!("{}", ident);
    quote! {
        #doc
        #allow
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum #ty {
            #(#member_docs #known,)*
            /// A value the documentation does not list, kept as received.
            #catch_all(::std::string::String),
        }

        impl #ty {
            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#known => #wires,)*
                    Self::#catch_all(value) => value,
                }
            }
        }

        impl crate::primitives::GraphEnum for #ty {
            fn wire(&self) -> &str {
                self.as_str()
            }

            fn from_wire(text: &str) -> Self {
                match text {
                    #(#wires => Self::#known,)*
                    other => Self::#catch_all(other.to_string()),
                }
            }
        }

        impl ::std::fmt::Display for #ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for #ty {
            type Err = ::std::convert::Infallible;

            fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(crate::primitives::GraphEnum::from_wire(text))
            }
        }

        impl ::serde::Serialize for #ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                crate::primitives::deserialize_enum(deserializer)
            }
        }
    }
}

/// Members with distinct wire values (a repeated one is reported and dropped).
fn unique_members<'e>(e: &'e EnumDef, diags: &mut Vec<Diagnostic>) -> Vec<&'e EnumMember> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for m in &e.members {
        if seen.insert(m.name.as_str()) {
            out.push(m);
        } else {
            diags.push(Diagnostic::warning(
                "emit-duplicate-member",
                &m.source.file,
                m.source.line,
                format!(
                    "enum `{}` lists member `{}` twice; emitted once",
                    e.name, m.name
                ),
            ));
        }
    }
    out
}

fn enum_notes(name: &str, flags: bool, synthesized: bool, evolvable: bool) -> Vec<String> {
    let mut notes = Vec::new();
    if flags {
        notes.push(format!("Flag enum: a `{name}` value is a set of members, `primitives::Flags` of this enum, written `a,b` on the wire."));
    }
    if synthesized {
        notes.push("Named by graph-docgen: the documentation lists these values on a property typed as a string.".to_string());
    }
    if evolvable {
        notes.push(format!("Evolvable enum: members after `{SENTINEL}` are sent by the service only when the request has the `Prefer: include-unknown-enum-members` header; otherwise it sends `{SENTINEL}` in their place."));
    }
    notes
}

fn member_doc(m: &EnumMember, after_sentinel: bool) -> TokenStream {
    let mut extra = vec![match m.value {
        Some(v) => format!(
            "Wire value `{}` (numeric value {v}).",
            m.name.replace('`', "")
        ),
        None => format!("Wire value `{}`.", m.name.replace('`', "")),
    }];
    if m.name == SENTINEL {
        extra.push(
            "The evolvable-enum sentinel: stands for members added after the client was written."
                .to_string(),
        );
    }
    if after_sentinel {
        extra.push(format!(
            "Added after `{SENTINEL}`: sent only with `Prefer: include-unknown-enum-members`."
        ));
    }
    docs::doc_attrs(m.description.as_deref(), &extra, None)
}
