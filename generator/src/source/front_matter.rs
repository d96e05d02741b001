//! YAML-ish front matter: `key: value` lines between `---` fences at the top.
//!
//! Parsed tolerantly (no YAML library): fences with trailing spaces, quotes
//! stripped, unquoted values with colons (`title: driveItem: createUploadSession`),
//! blank lines inside, and pages without front matter (everything before 2018).

use std::borrow::Cow;

/// The front matter of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// Keys as written (lowercased), values with quotes stripped, in the
    /// order first written; a repeated key keeps its last value. Slices of
    /// the page where they can be (a page has a handful: a list beats a map).
    fields: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// Index of the first line after the front matter (0 when there is none).
    pub body_start: usize,
    /// True when the front matter opened but never closed (then it is ignored).
    pub unclosed: bool,
}

impl<'a> FrontMatter<'a> {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_ref())
    }

    /// Whether the page has any field.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Every field's value.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().map(|(_, v)| v.as_ref())
    }

    /// Set `key` to `value`: a later line with the same key wins.
    fn insert(&mut self, key: Cow<'a, str>, value: Cow<'a, str>) {
        match self.fields.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.fields.push((key, value)),
        }
    }
}

/// Read the front matter at the top of `lines`.
pub fn parse<'a>(lines: &super::Lines<'a>) -> FrontMatter<'a> {
    let mut fm = FrontMatter::default();
    // Skip leading blank lines: some pages start with one.
    let first = lines.iter().position(|l| !super::text::trim(l).is_empty());
    let Some(first) = first else { return fm };
    if super::text::trim(&lines[first]) != "---" {
        return fm;
    }
    let close = lines
        .iter()
        .enumerate()
        .skip(first + 1)
        .find(|(_, l)| matches!(super::text::trim(l), "---" | "..."))
        .map(|(i, _)| i);
    let Some(close) = close else {
        fm.unclosed = true;
        return fm;
    };
    for line in lines.range(first + 1..close) {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = super::text::trim(key);
        if key.is_empty() || key.contains(' ') {
            continue;
        }
        // Keys are nearly always lowercase already: then a slice.
        let key = if key.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(key.to_ascii_lowercase())
        } else {
            lines.keep(key)
        };
        fm.insert(key, lines.keep(unquote(super::text::trim(value))));
    }
    fm.body_start = close + 1;
    fm
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> crate::source::Lines<'static> {
        s.lines().collect()
    }

    #[test]
    fn quoted_values_trailing_space_fence_and_colons() {
        let fm = parse(&lines("--- \ntitle: driveItem: createUploadSession\ndoc_type: \"apiPageType\"\n\nauthor: 'x'\n---\n# T"));
        assert_eq!(fm.get("title"), Some("driveItem: createUploadSession"));
        assert_eq!(fm.get("doc_type"), Some("apiPageType"));
        assert_eq!(fm.get("author"), Some("x"));
        assert_eq!(fm.body_start, 6);
    }

    #[test]
    fn missing_and_unclosed_front_matter() {
        assert_eq!(parse(&lines("# Title\ntext")).body_start, 0);
        let fm = parse(&lines("---\ntitle: x\n# T"));
        assert!(fm.unclosed);
        assert_eq!(fm.body_start, 0);
    }
}
