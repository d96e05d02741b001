//! Builders of hand-made page IR shared by the merge tests. Each test crate
//! uses a part of them.
#![allow(dead_code)]

use graph_docgen::diag::Diagnostic;
use graph_docgen::ir::*;

pub fn src(file: &str, line: u32) -> Source {
    Source::new(file, line)
}

/// An empty page of `kind` and `version`, of the `era` of its template.
pub fn page_ir(file: &str, kind: PageKind, version: Option<Version>, era: PageEra) -> PageIr {
    PageIr {
        file: file.to_string(),
        kind,
        version,
        title: None,
        era,
        has_http: false,
        http_garbage_only: false,
        namespace: None,
        types: Vec::new(),
        enums: Vec::new(),
        operations: Vec::new(),
        diagnostics: Vec::new(),
    }
}

pub fn prop(name: &str, ty: &str, file: &str, line: u32) -> Property {
    Property {
        name: name.to_string(),
        type_name: ty.to_string(),
        source: src(file, line),
        ..Property::default()
    }
}

/// An entity type defined at line 1 of `file` (a resource page's when
/// `resource`, else a request-body fragment).
pub fn typedef(name: &str, resource: bool, file: &str, props: Vec<Property>) -> TypeDef {
    TypeDef {
        name: name.to_string(),
        version: None,
        namespace: None,
        kind: TypeKind::Entity,
        base: None,
        is_abstract: false,
        open_type: false,
        key: None,
        description: None,
        properties: props,
        json_example: None,
        source: src(file, 1),
        contributors: Vec::new(),
        from_resource_page: resource,
    }
}

/// The diagnostics of one code.
pub fn codes<'a>(diags: &'a [Diagnostic], code: &str) -> Vec<&'a Diagnostic> {
    diags.iter().filter(|d| d.code == code).collect()
}
