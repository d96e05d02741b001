//! Doc comments of emitted client items. Text from the docs is reduced to one
//! plain line (no markdown that rustdoc could read as broken links, HTML or
//! doctests).

use super::query::RequiredHeader;
use crate::ir::model::Operation;
use proc_macro2::TokenStream;
use quote::quote;

/// One line of prose, sanitised by the model emitter's rules
/// ([`crate::emit::docs::sanitize`]: page links keep their text, stray
/// brackets and HTML are escaped), so models and clients document alike.
pub(crate) fn plain_text(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::emit::docs::sanitize(&one_line)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text that goes inside a code span: backticks cannot close it early.
pub(crate) fn code_span_text(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('`', "'")
}

fn doc_lines(lines: &[String]) -> TokenStream {
    let attrs = lines.iter().map(|l| {
        let text = if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        };
        quote!(#[doc = #text])
    });
    quote!(#(#attrs)*)
}

/// Title, first description line, request lines, required headers, source.
pub(crate) fn operation_doc(op: &Operation, headers: &[RequiredHeader]) -> TokenStream {
    let mut lines = vec![plain_text(&op.title)];
    if let Some(first) = op
        .description
        .as_deref()
        .and_then(|d| d.lines().map(str::trim).find(|l| !l.is_empty()))
    {
        let first = plain_text(first);
        if first != lines[0] {
            lines.push(String::new());
            lines.push(first);
        }
    }
    if !op.paths.is_empty() {
        lines.push(String::new());
    }
    for path in &op.paths {
        lines.push(format!(
            "- `{} {}`",
            code_span_text(&op.method),
            code_span_text(&path.template)
        ));
    }
    for h in headers {
        lines.push(String::new());
        lines.push(format!(
            "Required header `{}`: {}",
            code_span_text(&h.name),
            plain_text(&h.documented)
        ));
    }
    lines.push(String::new());
    lines.push(format!("Source: {}", plain_text(&op.source.to_string())));
    doc_lines(&lines)
}
