//! Request paths: IR segments → `PathBuilder` expressions, and the enum that
//! lets a caller choose among an operation's alternative paths.
//!
//! Literal text (names, casts, `$value`, function names) is encoded here, at
//! generation time; every caller-supplied value goes through the runtime's
//! `PathBuilder` so it stays one segment.

use super::docs;
use crate::diag::Diagnostic;
use crate::ir::model::{FunctionArg, OpPath, Operation, ParamLocation, Segment};
use crate::ir::naming;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::fmt::Write as _;

/// One piece of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// Encoded literal text.
    Lit(String),
    /// A key placeholder: one segment.
    Param(String),
    /// A function argument the docs quote (`q='{x}'`).
    Quoted(String),
    /// A function argument the docs write bare (`period={x}` for numbers, dates).
    Unquoted(String),
    /// A drive item path (`root:/{item-path}:`).
    ItemPath(String),
}

/// One path as pieces, literals merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PathPlan {
    pieces: Vec<Piece>,
    template: String,
}

/// One variant of an operation's path enum.
pub(crate) struct Alternative {
    variant: String,
    plan: PathPlan,
}

pub(crate) enum Paths {
    Single(PathPlan),
    Alternatives(Vec<Alternative>),
}

impl PathPlan {
    /// The value names the path needs, in order of first appearance.
    pub fn params(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for piece in &self.pieces {
            if let Piece::Param(n) | Piece::Quoted(n) | Piece::Unquoted(n) | Piece::ItemPath(n) =
                piece
            {
                if !out.contains(n) {
                    out.push(n.clone());
                }
            }
        }
        out
    }

    /// `crate::runtime::PathBuilder::new().literal("/a/").param(x)...`; `value`
    /// gives the expression of each named value.
    pub fn builder_expr(&self, value: &dyn Fn(&str) -> Option<TokenStream>) -> TokenStream {
        let mut expr = quote!(crate::runtime::PathBuilder::new());
        for piece in &self.pieces {
            let (method, arg) = match piece {
                Piece::Lit(text) => {
                    expr.extend(quote!(.literal(#text)));
                    continue;
                }
                Piece::Param(n) => ("param", n),
                Piece::Quoted(n) => ("quoted_arg", n),
                Piece::Unquoted(n) => ("unquoted_arg", n),
                Piece::ItemPath(n) => ("item_path", n),
            };
            let method = format_ident!("{}", method);
            let v = value(arg).unwrap_or_else(|| quote!(""));
            expr.extend(quote!(.#method(#v)));
        }
        expr
    }

    fn push_lit(&mut self, text: &str) {
        if let Some(Piece::Lit(last)) = self.pieces.last_mut() {
            last.push_str(text);
        } else {
            self.pieces.push(Piece::Lit(text.to_string()));
        }
    }
}

/// The paths of `op`: one plan, or the alternatives with variant names.
pub(crate) fn plan_paths(op: &Operation, diags: &mut Vec<Diagnostic>) -> Paths {
    let mut unique: Vec<&OpPath> = Vec::new();
    for p in &op.paths {
        if unique.iter().any(|u| u.template == p.template) {
            diags.push(Diagnostic::note(
                "client-duplicate-path",
                &p.source.file,
                p.source.line,
                format!("path `{}` is listed twice; emitted once", p.template),
            ));
        } else {
            unique.push(p);
        }
    }
    let plans: Vec<PathPlan> = unique.iter().map(|p| plan_path(op, p, diags)).collect();
    if plans.len() <= 1 {
        if plans.is_empty() {
            diags.push(Diagnostic::warning(
                "client-no-path",
                &op.source.file,
                op.source.line,
                "operation has no request path; its function targets the version root",
            ));
        }
        let plan = plans.into_iter().next().unwrap_or(PathPlan {
            pieces: Vec::new(),
            template: String::new(),
        });
        return Paths::Single(plan);
    }
    let names = variant_names(&unique);
    Paths::Alternatives(
        names
            .into_iter()
            .zip(plans)
            .map(|(variant, plan)| Alternative { variant, plan })
            .collect(),
    )
}

fn plan_path(op: &Operation, path: &OpPath, diags: &mut Vec<Diagnostic>) -> PathPlan {
    let mut plan = PathPlan {
        pieces: Vec::new(),
        template: path.template.clone(),
    };
    for segment in &path.segments {
        // A drive item path belongs to the segment before it (`root:/a/b:`).
        if !matches!(segment, Segment::ItemPath { .. }) {
            plan.push_lit("/");
        }
        match segment {
            Segment::Literal { name } => plan.push_lit(&encode_literal(name)),
            Segment::Param { name, .. } => plan.pieces.push(Piece::Param(name.clone())),
            Segment::Cast {
                namespace,
                type_name,
            } => {
                let cast = if namespace.is_empty() {
                    type_name.clone()
                } else {
                    format!("{namespace}.{type_name}")
                };
                plan.push_lit(&encode_literal(&cast));
            }
            Segment::Function { name, args } => function_segment(op, path, name, args, &mut plan),
            Segment::Dollar { name } => plan.push_lit(&format!("${}", encode_literal(name))),
            // `raw` is the text between the colons (`/{item-path}`, or
            // `/folder/{item-path}`): its slashes separate folders.
            Segment::ItemPath { name, raw } => match split_placeholder(raw) {
                Some((before, after)) => {
                    plan.push_lit(":");
                    plan.push_lit(&encode_folders(before));
                    plan.pieces.push(Piece::ItemPath(name.clone()));
                    plan.push_lit(&encode_folders(after));
                    plan.push_lit(":");
                }
                None => {
                    diags.push(Diagnostic::warning(
                        "client-item-path",
                        &path.source.file,
                        path.source.line,
                        format!("item path `{raw}` has no placeholder; the value is sent as `:/<value>:`"),
                    ));
                    plan.push_lit(":/");
                    plan.pieces.push(Piece::ItemPath(name.clone()));
                    plan.push_lit(":");
                }
            },
        }
    }
    plan
}

/// `name(a='{x}',b=1)`: literal arguments as written, placeholders quoted as the
/// docs show them.
fn function_segment(
    op: &Operation,
    path: &OpPath,
    name: &str,
    args: &[FunctionArg],
    plan: &mut PathPlan,
) {
    plan.push_lit(&encode_literal(name));
    plan.push_lit("(");
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            plan.push_lit(",");
        }
        if let Some(arg_name) = &arg.name {
            plan.push_lit(&encode_literal(arg_name));
            plan.push_lit("=");
        }
        if !arg.is_param {
            plan.push_lit(&encode_literal(&arg.value));
        } else if arg_is_quoted(op, path, name, i, arg) {
            plan.pieces.push(Piece::Quoted(arg.value.clone()));
        } else {
            plan.pieces.push(Piece::Unquoted(arg.value.clone()));
        }
    }
    plan.push_lit(")");
}

/// Whether the docs quote a placeholder argument: from the request line as
/// written (`q='{search-text}'`), else from its type (strings are quoted in
/// OData URLs, numbers, dates and GUIDs are not).
fn arg_is_quoted(
    op: &Operation,
    path: &OpPath,
    func: &str,
    index: usize,
    arg: &FunctionArg,
) -> bool {
    if let Some(args_text) = path
        .raw
        .find(&format!("{func}("))
        .and_then(|start| path.raw.get(start + func.len() + 1..))
        .and_then(|rest| rest.split(')').next())
    {
        let parts: Vec<&str> = args_text.split(',').collect();
        let written = match &arg.name {
            Some(n) => parts.iter().find_map(|p| {
                let (k, v) = p.split_once('=')?;
                (k.trim() == n).then_some(v)
            }),
            None => parts.get(index).copied(),
        };
        if let Some(v) = written {
            return v.trim_start().starts_with(['\'', '"']);
        }
    }
    let ty = op
        .parameters
        .iter()
        .find(|p| {
            p.location == ParamLocation::Function
                && (Some(&p.name) == arg.name.as_ref() || p.name == arg.value)
        })
        .map(|p| p.type_name.to_ascii_lowercase());
    !matches!(
        ty.as_deref(),
        Some(
            "int32"
                | "int64"
                | "int16"
                | "boolean"
                | "double"
                | "decimal"
                | "single"
                | "guid"
                | "datetimeoffset"
                | "date"
                | "duration"
                | "timeofday"
        )
    )
}

/// Split `root:/{item-path}:` around its first `{..}` or `<..>` placeholder.
fn split_placeholder(raw: &str) -> Option<(&str, &str)> {
    let (open, close) = if raw.contains('{') {
        ('{', '}')
    } else {
        ('<', '>')
    };
    let start = raw.find(open)?;
    let end = start + raw.get(start..)?.find(close)?;
    Some((raw.get(..start)?, raw.get(end + 1..)?))
}

/// Literal text of an item path: each `/`-separated part encoded, the
/// slashes kept.
fn encode_folders(text: &str) -> String {
    text.split('/')
        .map(encode_literal)
        .collect::<Vec<_>>()
        .join("/")
}

/// Encode docs text for a path: RFC 3986 `pchar`s stay, anything else is
/// percent-encoded, and dot-only text is encoded like a dot-only value.
pub(crate) fn encode_literal(text: &str) -> String {
    let mut out = String::new();
    if !text.is_empty() && text.bytes().all(|b| b == b'.') {
        for _ in 0..text.len() {
            out.push_str("%2E");
        }
        return out;
    }
    for b in text.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b);
        if keep {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A segment's shape for comparing paths (parameter names do not matter).
fn shape(segment: &Segment) -> String {
    match segment {
        Segment::Literal { name } => format!("l:{name}"),
        Segment::Param { .. } => "p".to_string(),
        Segment::Cast { type_name, .. } => format!("c:{type_name}"),
        Segment::Function { name, .. } => format!("f:{name}"),
        Segment::Dollar { name } => format!("d:{name}"),
        Segment::ItemPath { .. } => "i".to_string(),
    }
}

/// The words a segment contributes to a variant name (none for values).
fn word(segment: &Segment) -> Option<&str> {
    match segment {
        Segment::Literal { name } | Segment::Function { name, .. } | Segment::Dollar { name } => {
            Some(name)
        }
        Segment::Cast { type_name, .. } => Some(type_name),
        Segment::Param { .. } | Segment::ItemPath { .. } => None,
    }
}

/// Variant names from each path's distinguishing segments: what remains after
/// the prefix and suffix all paths share. A path with nothing left (the direct
/// one) is named after its last named segment. Collisions get `2`, `3`...
fn variant_names(paths: &[&OpPath]) -> Vec<String> {
    let shapes: Vec<Vec<String>> = paths
        .iter()
        .map(|p| p.segments.iter().map(shape).collect())
        .collect();
    let min_len = shapes.iter().map(Vec::len).min().unwrap_or(0);
    let first = shapes.first().cloned().unwrap_or_default();
    let prefix = (0..min_len)
        .take_while(|&i| shapes.iter().all(|s| s.get(i) == first.get(i)))
        .count();
    let suffix = (0..min_len - prefix)
        .take_while(|&i| {
            let at = |s: &Vec<String>| s.len().checked_sub(i + 1).and_then(|j| s.get(j).cloned());
            shapes.iter().all(|s| at(s) == at(&first))
        })
        .count();
    let wanted: Vec<String> = paths
        .iter()
        .map(|p| {
            let end = p.segments.len().saturating_sub(suffix);
            let middle = p.segments.get(prefix..end).unwrap_or(&[]);
            let mut words: Vec<&str> = middle.iter().filter_map(word).collect();
            if words.is_empty() {
                words.extend(p.segments.iter().rev().find_map(word));
            }
            if words.is_empty() {
                "Root".to_string()
            } else {
                naming::type_name(&words.join("_"))
            }
        })
        .collect();
    naming::uniquify(&wanted).0
}

/// `pub enum <Op>Path { Variant { id: String, .. }, .. }` with its builder.
pub(crate) fn path_enum(ident: &syn::Ident, alts: &[Alternative], fn_name: &str) -> TokenStream {
    let mut variants = Vec::new();
    let mut arms = Vec::new();
    for alt in alts {
        let variant = format_ident!("{}", alt.variant);
        let params = alt.plan.params();
        let wanted: Vec<String> = params.iter().map(|p| naming::snake_name(p)).collect();
        let fields: Vec<syn::Ident> = naming::uniquify(&wanted)
            .0
            .iter()
            .map(|n| super::syn_ident(&naming::escape_snake(n)))
            .collect();
        let doc = format!(" `{}`", docs::code_span_text(&alt.plan.template));
        let lookup = |name: &str| {
            params
                .iter()
                .position(|p| p == name)
                .and_then(|i| fields.get(i))
                .map(|f| quote!(#f))
        };
        let builder = alt.plan.builder_expr(&lookup);
        if fields.is_empty() {
            variants.push(quote!(#[doc = #doc] #variant));
            arms.push(quote!(Self::#variant => #builder));
        } else {
            variants.push(quote! {
                #[doc = #doc]
                #variant { #(#fields: ::std::string::String),* }
            });
            arms.push(quote!(Self::#variant { #(#fields),* } => #builder));
        }
    }
    let doc = format!(" The alternative paths of [`{fn_name}()`].");
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum #ident {
            #(#variants,)*
        }

        impl #ident {
            /// The encoded path of this alternative.
            pub fn builder(&self) -> crate::runtime::PathBuilder {
                match self {
                    #(#arms,)*
                }
            }
        }
    }
}
