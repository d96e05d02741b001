//! Page → page IR: operations, property tables, enum values, responses,
//! permissions, examples. Reads only what `source` produced.
//!
//! [`extract_page`] parses the page once, decides its kind and hands it to the
//! extractor of that kind. Enum declarations (`### x values`, `## Members`)
//! are read from every page whatever its kind.

pub mod api;
pub mod common;
pub mod enums;
pub mod era;
pub mod prose;
pub mod representation;
pub mod resource;
pub mod types;

use crate::ir::model::{PageIr, PageKind};
use crate::source::Page;

/// Extract everything one page says. Never panics; problems become diagnostics
/// in the returned IR.
pub fn extract_page(file: &str, bytes: &[u8]) -> PageIr {
    // Holds the cleaned text of a CRLF/BOM page for as long as the page.
    let mut store = String::new();
    let page = Page::parse_in(file, bytes, &mut store);
    extract_parsed(&page)
}

/// [`extract_page`], and should a bug in the extractor panic on some page,
/// that page alone becomes an error diagnostic (nothing extracted from it)
/// instead of taking down the other pages of its batch.
pub fn extract_page_guarded(file: &str, bytes: &[u8]) -> PageIr {
    guarded(file, || extract_page(file, bytes))
}

/// The page `read` gives, or, if it panics, the page of `file` with one
/// `extract-internal-error` diagnostic.
fn guarded(file: &str, read: impl FnOnce() -> PageIr + std::panic::UnwindSafe) -> PageIr {
    std::panic::catch_unwind(read).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        PageIr {
            diagnostics: vec![crate::diag::Diagnostic::error(
                "extract-internal-error",
                file,
                1,
                format!(
                    "the extractor failed on this page ({what}); nothing was read from it, the other pages are unaffected; please report it"
                ),
            )],
            ..PageIr::empty(file, PageKind::Other)
        }
    })
}

/// What kind of page this is: an HTTP request line in an HTTP-request section
/// makes an API page; an H1 `x resource type` a resource page; a Members
/// section, `enumPageType` or an `x enum type` H1 an enum page. `doc_type` is
/// only a hint (API pages under resources/ and the reverse exist).
pub fn page_kind(page: &Page) -> PageKind {
    let resource_title = page
        .title
        .as_deref()
        .and_then(resource::resource_title_name)
        .is_some();
    if resource_title {
        PageKind::Resource
    } else if common::has_http_request_line(page) {
        PageKind::Api
    } else if enums::is_enum_page(page) {
        PageKind::Enum
    } else if page.doc_type().as_deref() == Some("resourcepagetype")
        && resource::resource_annotation(page).is_some()
    {
        PageKind::Resource
    } else {
        PageKind::Other
    }
}

/// Extract from an already parsed page.
pub fn extract_parsed(page: &Page) -> PageIr {
    let mut ctx = page.ctx();
    let (version, _how) = common::page_version(page);
    let kind = page_kind(page);
    let (mut types, mut enums): (Vec<_>, _) = match kind {
        PageKind::Resource => {
            let (t, e) = resource::extract_resource(page, version, &mut ctx);
            (t.into_iter().collect(), e)
        }
        PageKind::Api | PageKind::Enum | PageKind::Other => {
            (Vec::new(), enums::declared_enums(page, version, &mut ctx))
        }
    };
    // Operations from every page with request lines that is not a resource
    // page (pages whose only request line is garbage are not `Api` pages but
    // still count, so their error is reported).
    let api = match kind {
        PageKind::Resource => api::ApiPage {
            has_http: api::has_http(page),
            ..api::ApiPage::default()
        },
        _ => api::extract_api(page, version, &mut ctx),
    };
    types.extend(api.types);
    for e in api.enums {
        enums::add_enum(&mut enums, e);
    }
    let has_http = api.has_http;
    let http_garbage_only = !has_http && !api::request_lines_of(page).is_empty();
    let mut diagnostics = page.diagnostics.clone();
    diagnostics.extend(ctx.diags);
    PageIr {
        file: page.file.clone(),
        kind,
        version,
        title: page.title.clone(),
        era: era::page_era(page),
        has_http,
        http_garbage_only,
        namespace: common::page_namespace(page),
        types,
        enums,
        operations: api.operations,
        diagnostics,
    }
}

#[cfg(test)]
mod guard_tests {
    use super::*;

    #[test]
    fn a_panic_on_one_page_becomes_an_error_on_that_page() {
        let page = guarded("a.md", || panic!("index out of bounds"));
        assert_eq!(page.file, "a.md");
        assert!(page.types.is_empty() && page.operations.is_empty());
        let d = &page.diagnostics[0];
        assert_eq!(d.code, "extract-internal-error");
        assert!(d.message.contains("index out of bounds"), "{}", d.message);
        // Without a panic the page is what the extractor read.
        let ok = guarded("b.md", || extract_page("b.md", b"# x resource type\n"));
        assert!(ok
            .diagnostics
            .iter()
            .all(|d| d.code != "extract-internal-error"));
    }
}
