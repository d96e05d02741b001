//! Which page to believe when the pages of one version disagree about a type.
//!
//! The rules, in order (the first that separates two pages decides):
//! 1. The era of the page's template ([`PageEra`], read from the page's own
//!    front matter): current pages outrank the generated doc stubs, which
//!    outrank the pre-2018 templates. Each page describes the service as it
//!    was when written, so the newest describes it as it is: the 2016/2017
//!    templates type enum properties `String` (the extractor names their enum
//!    `<owner><Property>`) where the current pages name the shared enum the
//!    service declares.
//! 2. Within an era, a resource page (the type's definition) outranks a
//!    request-body fragment.
//! 3. Among resource pages, the type's own page (`user.md` for `user`)
//!    outranks a page that repeats the type for one workload.
//! 4. Then the source (file, line), so the choice never depends on the order
//!    the pages were read in.
//!
//! A property takes its facts from the most authoritative page that states
//! it, with one exception kept from before eras: a value read only from a
//! JSON representation (a placeholder, not a type cell) yields to any table
//! row. The type itself (kind, base, description) is defined by the most
//! authoritative resource page: request-body fragments describe properties
//! only. A contradiction across eras is the docs catching up with the
//! service (note `type-superseded`); within one era it is a real conflict
//! (warning `type-conflict`).

use crate::ir::model::{PageEra, PageIr, Source, TypeDef};
use crate::ir::naming::FastHash;
use std::collections::HashMap;

/// The era of every page, by file label (hashed: the merge asks for the
/// era of items by the ten thousand, and the labels share long prefixes).
#[derive(Debug, Default)]
pub struct Authority {
    eras: HashMap<String, PageEra, FastHash>,
}

/// A sort key: smaller is more authoritative.
pub type Rank<'a> = (PageEra, bool, bool, &'a Source);

impl Authority {
    pub fn of_pages(pages: &[PageIr]) -> Authority {
        Authority {
            eras: pages.iter().map(|p| (p.file.clone(), p.era)).collect(),
        }
    }

    /// The era of the page `file`; an item whose file is no input page (none
    /// should exist) counts as current, so it is never silently outranked.
    pub fn era(&self, file: &str) -> PageEra {
        self.eras.get(file).copied().unwrap_or_default()
    }

    /// The era of the page an item comes from.
    pub fn era_of(&self, source: &Source) -> PageEra {
        self.era(&source.file)
    }

    /// The rank of a type fragment (rules 1 to 4 of the module doc).
    pub fn type_rank<'a>(&self, t: &'a TypeDef) -> Rank<'a> {
        (
            self.era_of(&t.source),
            !t.from_resource_page,
            !is_home_page(t),
            &t.source,
        )
    }
}

/// Whether the type's source file is named after it (`.../user.md`).
fn is_home_page(t: &TypeDef) -> bool {
    let file = t.source.file.rsplit(['/', '\\']).next().unwrap_or("");
    file.strip_suffix(".md")
        .is_some_and(|stem| stem.eq_ignore_ascii_case(&t.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::model::{PageKind, TypeKind};

    fn page(file: &str, era: PageEra) -> PageIr {
        PageIr {
            era,
            ..PageIr::empty(file, PageKind::Resource)
        }
    }

    fn typedef(file: &str, resource: bool) -> TypeDef {
        TypeDef {
            from_resource_page: resource,
            ..TypeDef::new("user", TypeKind::Entity, Source::new(file, 1))
        }
    }

    #[test]
    fn era_outranks_resource_page_and_home_page() {
        let a = Authority::of_pages(&[
            page("old/user.md", PageEra::Legacy),
            page("new/intune-user.md", PageEra::Current),
            page("new/user-update.md", PageEra::Current),
            page("stub/user.md", PageEra::Stub),
        ]);
        let old_home = typedef("old/user.md", true);
        let new_repeat = typedef("new/intune-user.md", true);
        let new_fragment = typedef("new/user-update.md", false);
        let stub_home = typedef("stub/user.md", true);
        let mut all = [&old_home, &stub_home, &new_fragment, &new_repeat];
        all.sort_by(|x, y| a.type_rank(x).cmp(&a.type_rank(y)));
        let files: Vec<&str> = all.iter().map(|t| &*t.source.file).collect();
        assert_eq!(
            files,
            [
                "new/intune-user.md",
                "new/user-update.md",
                "stub/user.md",
                "old/user.md"
            ]
        );
        assert_eq!(a.era("unknown.md"), PageEra::Current);
    }
}
