//! Which template generation a page is written in ([`PageEra`]), read from
//! the page itself: the three generations of the docs differ in their front
//! matter. Measured over the corpus, front matter alone separates them
//! without exception: every current v1.0 and beta page has front matter with
//! real values, every 2020 doc stub has front matter whose values are
//! `**TODO: ...**` placeholders, and no page of the 2016/2017 templates has
//! front matter (`enums::enums_from_properties` asks this module whether a
//! page is historical).

use crate::ir::model::PageEra;
use crate::source::Page;

/// The era of a parsed page.
pub fn page_era(page: &Page) -> PageEra {
    let fields = &page.front_matter;
    if fields.is_empty() {
        PageEra::Legacy
    } else if fields.values().any(is_todo_placeholder) {
        PageEra::Stub
    } else {
        PageEra::Current
    }
}

/// A doc-stub placeholder value: `**TODO: Add Description**`.
fn is_todo_placeholder(value: &str) -> bool {
    value.contains("TODO:")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn era_of(text: &str) -> PageEra {
        page_era(&Page::parse("x.md", text.as_bytes()))
    }

    #[test]
    fn front_matter_decides_the_era() {
        assert_eq!(
            era_of("---\ntitle: \"x resource type\"\ndoc_type: resourcePageType\n---\n# x resource type\n"),
            PageEra::Current
        );
        assert_eq!(
            era_of("---\r\ntitle: \"x\"\r\ndescription: \"**TODO: Add Description**\"\r\n---\r\n# x\r\n"),
            PageEra::Stub
        );
        assert_eq!(
            era_of("\u{feff}# x resource type\r\rInherits from y\r"),
            PageEra::Legacy
        );
    }
}
