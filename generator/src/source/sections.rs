//! Sections by heading name. A section runs from its heading to the next
//! non-tab heading of the same or a higher level. Names are matched with a
//! synonym table, case-insensitively, whatever the heading level (historical
//! pages use `### HTTP Request` where newer ones use `## HTTP request`).

use super::blocks::Heading;
use super::text::trim;

/// The section names the extractors look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SectionKind {
    /// `Permissions`, `Prerequisites`.
    Permissions,
    /// `HTTP request(s)`.
    HttpRequest,
    /// `Path parameters`.
    PathParameters,
    /// `(Optional) query parameters`.
    QueryParameters,
    /// `(Optional) request headers`.
    RequestHeaders,
    RequestBody,
    Response,
    /// `Example`, `Examples`, `Example 1: ...`.
    Examples,
    /// `Request` (inside an example).
    Request,
    /// `Function parameters`, `Parameters`.
    Parameters,
    Properties,
    Relationships,
    /// `JSON representation`.
    JsonRepresentation,
    Methods,
    Members,
    /// `x values` (an enum's member table); see [`enum_values_name`].
    Values,
    Errors,
}

/// Which kind a heading's plain text names, if any.
pub fn kind_of(text: &str) -> Option<SectionKind> {
    let t = trim(text).trim_end_matches([':', '.']);
    with_ascii_lower(t, |t| kind_of_lower(text, t))
}

/// `f` of `s` ASCII-lowercased (`to_ascii_lowercase`), in a stack buffer
/// when `s` is short (every heading but a few): no copy on the heap.
fn with_ascii_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    match buf.get_mut(..s.len()) {
        Some(dst) => {
            dst.copy_from_slice(s.as_bytes());
            dst.make_ascii_lowercase();
            // ASCII case changes keep UTF-8 valid.
            f(std::str::from_utf8(dst).unwrap_or_default())
        }
        None => f(&s.to_ascii_lowercase()),
    }
}

/// [`kind_of`] of a heading `text` whose trimmed text lowercased is `t`.
fn kind_of_lower(text: &str, t: &str) -> Option<SectionKind> {
    use SectionKind::*;
    let k = match t {
        "permissions" | "prerequisites" | "permission" => Permissions,
        "http request" | "http requests" | "http request url" => HttpRequest,
        "path parameters" | "path parameter" => PathParameters,
        "query parameters"
        | "optional query parameters"
        | "query parameter"
        | "optional query parameter" => QueryParameters,
        "request headers"
        | "optional request headers"
        | "request header"
        | "optional request header" => RequestHeaders,
        "request body" => RequestBody,
        "response" | "responses" => Response,
        "example" | "examples" => Examples,
        "request" => Request,
        "parameters" | "function parameters" | "action parameters" => Parameters,
        "properties" | "property" => Properties,
        "relationships" | "relationship" | "navigation properties" => Relationships,
        "json representation" => JsonRepresentation,
        "methods" => Methods,
        "members" | "enum members" => Members,
        "errors" | "error codes" => Errors,
        _ if t.starts_with("example ") && !t.contains("request") && !t.contains("response") => {
            Examples
        }
        _ if enum_values_name(text).is_some() => Values,
        _ => return None,
    };
    Some(k)
}

/// `complianceStatus values` → `complianceStatus` (also `` `x` values ``,
/// `x enum values`, `Values for x`).
pub fn enum_values_name(text: &str) -> Option<String> {
    name_of_values_stem(values_stem(trim(text))?)
}

/// `t` without its ` values` end, in any ASCII case; `None` when it ends
/// otherwise. Compared in place: this runs for every heading no kind names,
/// and most end otherwise.
fn values_stem(t: &str) -> Option<&str> {
    let cut = t.len().checked_sub(" values".len())?;
    let end = t.as_bytes().get(cut..)?;
    // The suffix is ASCII, so `cut` is a char boundary.
    end.eq_ignore_ascii_case(b" values")
        .then(|| t.get(..cut))
        .flatten()
}

/// The enum a `<stem> values` heading names: its last dotted part, unless
/// the stem is a generic word or no identifier.
fn name_of_values_stem(name: &str) -> Option<String> {
    let name = name.trim().trim_matches('`').trim();
    let name = name.strip_suffix(" enum").unwrap_or(name).trim();
    let name = name.strip_suffix(" enumeration").unwrap_or(name).trim();
    // Generic words before "values" are prose headings, not enum names.
    const GENERIC: &[&str] = &[
        "possible",
        "property",
        "properties",
        "supported",
        "allowed",
        "valid",
        "default",
        "return",
        "returned",
        "enum",
        "member",
        "members",
        "header",
        "parameter",
        "parameters",
        "the",
        "other",
    ];
    if GENERIC.iter().any(|g| g.eq_ignore_ascii_case(name)) {
        return None;
    }
    // A type name: one identifier (dots allowed for namespaces).
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
        && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    ok.then(|| name.rsplit('.').next().unwrap_or(name).to_string())
}

/// A section: a heading and the lines it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section<'a> {
    pub heading: Heading<'a>,
    pub kind: Option<SectionKind>,
    /// Line index of the first line after the heading.
    pub start: usize,
    /// Line index one past the section's last line.
    pub end: usize,
}

impl Section<'_> {
    pub fn contains(&self, line: usize) -> bool {
        line >= self.start && line < self.end
    }
}

/// Build the sections from the headings (tab headings are not sections and
/// do not end one).
pub fn build<'a>(headings: &[Heading<'a>], n_lines: usize) -> Vec<Section<'a>> {
    let real: Vec<&Heading> = headings.iter().filter(|h| !h.is_tab).collect();
    real.iter()
        .enumerate()
        .map(|(i, h)| {
            let end = real[i + 1..]
                .iter()
                .find(|n| n.level <= h.level)
                .map(|n| n.line)
                .unwrap_or(n_lines);
            Section {
                heading: (*h).clone(),
                kind: kind_of(&h.text),
                start: h.line + 1,
                end,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The copy-lowercasing readings [`kind_of`] and [`enum_values_name`]
    /// replaced, as the reference.
    fn kind_by_copy(text: &str) -> Option<SectionKind> {
        let t = trim(text).trim_end_matches([':', '.']).to_ascii_lowercase();
        kind_of_lower(text, &t)
    }

    fn values_stem_by_copy(t: &str) -> Option<&str> {
        let lower = t.to_ascii_lowercase();
        let stem = lower.strip_suffix(" values")?;
        t.get(..stem.len())
    }

    #[test]
    fn headings_read_as_the_lowercased_copy_reads_them() {
        let long = format!("Example 1: {} request", "a".repeat(80));
        let long_values = format!("{} values", "b".repeat(70));
        for h in [
            "Permissions:",
            "  HTTP REQUEST. ",
            "Request body",
            "REQUEST BODY",
            "Example",
            "Example 3: list users",
            "example 3: create response",
            long.as_str(),
            long_values.as_str(),
            "complianceStatus values",
            "`status` VALUES",
            "microsoft.graph.x enum Values",
            "Possible values",
            "PROPERTY values",
            "Members values",
            " values",
            "values",
            "",
            "Ünïcode values",
            "Exämple 2",
            "résumé Values",
            "x\u{200b} values",
            "a.b_c values",
            "1abc values",
        ] {
            assert_eq!(kind_of(h), kind_by_copy(h), "{h:?}");
            assert_eq!(values_stem(trim(h)), values_stem_by_copy(trim(h)), "{h:?}");
        }
        assert_eq!(enum_values_name("PROPERTY values"), None);
        assert_eq!(
            enum_values_name("`status` VALUES").as_deref(),
            Some("status")
        );
    }

    #[test]
    fn synonyms_and_levels() {
        assert_eq!(kind_of("Prerequisites"), Some(SectionKind::Permissions));
        assert_eq!(kind_of("HTTP Request"), Some(SectionKind::HttpRequest));
        assert_eq!(
            kind_of("Optional request headers"),
            Some(SectionKind::RequestHeaders)
        );
        assert_eq!(
            kind_of("Example 2: get a user"),
            Some(SectionKind::Examples)
        );
        assert_eq!(
            kind_of("JSON Representation"),
            Some(SectionKind::JsonRepresentation)
        );
        assert_eq!(kind_of("Properties "), Some(SectionKind::Properties));
        assert_eq!(kind_of("userFlowType values"), Some(SectionKind::Values));
        assert_eq!(kind_of("Something else"), None);
    }

    #[test]
    fn values_heading_names() {
        assert_eq!(
            enum_values_name("complianceStatus values").as_deref(),
            Some("complianceStatus")
        );
        assert_eq!(
            enum_values_name("`ageGroup` values").as_deref(),
            Some("ageGroup")
        );
        assert_eq!(
            enum_values_name("microsoft.graph.x.sourceType values").as_deref(),
            Some("sourceType")
        );
        assert_eq!(enum_values_name("Possible values"), None);
        assert_eq!(enum_values_name("Property values"), None);
    }
}
