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
        version,
        era,
        ..PageIr::empty(file, kind)
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
        properties: props,
        from_resource_page: resource,
        ..TypeDef::new(name, TypeKind::Entity, src(file, 1))
    }
}

/// An enum defined at line 1 of `file`.
pub fn enumdef(name: &str, file: &str, members: Vec<EnumMember>) -> EnumDef {
    EnumDef {
        name: name.to_string(),
        version: None,
        namespace: None,
        flags: false,
        synthesized: false,
        implied: false,
        description: None,
        members,
        source: src(file, 1),
    }
}

/// The diagnostics of one code.
pub fn codes<'a>(diags: &'a [Diagnostic], code: &str) -> Vec<&'a Diagnostic> {
    diags.iter().filter(|d| d.code == code).collect()
}
