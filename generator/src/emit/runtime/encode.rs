//! Percent-encoding of path segments, function arguments and query values.
//!
//! The rule that matters: a caller-supplied value is encoded as ONE path
//! segment. Everything outside the RFC 3986 unreserved set is encoded (so `/`,
//! `?`, `#`, `%`, spaces and `\` cannot end the segment or start a query), and
//! a value made only of dots (`.`, `..`) has its dots encoded too, so it can
//! never be read as a dot segment by a server that does not decode first.

use std::fmt::Write as _;

/// `A-Z a-z 0-9 - . _ ~`: the only bytes left as they are in a value.
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// Characters kept in a query value besides the unreserved ones: they have no
/// meaning inside a query value and keep `$filter` expressions readable.
fn is_query_safe(b: u8) -> bool {
    is_unreserved(b)
        || matches!(
            b,
            b'\'' | b'(' | b')' | b'*' | b',' | b':' | b'@' | b'/' | b'$'
        )
}

fn encode_with(value: &str, keep: fn(u8) -> bool, out: &mut String) {
    for b in value.bytes() {
        if keep(b) {
            out.push(char::from(b));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{b:02X}");
        }
    }
}

/// Encode `value` as one path segment (see the module documentation).
pub(crate) fn encode_segment(value: &str, out: &mut String) {
    if !value.is_empty() && value.bytes().all(|b| b == b'.') {
        for _ in 0..value.len() {
            out.push_str("%2E");
        }
        return;
    }
    encode_with(value, is_unreserved, out);
}

/// Encode a query name or value (`&`, `=`, `+`, `#` and spaces are encoded).
pub(crate) fn encode_query(value: &str, out: &mut String) {
    encode_with(value, is_query_safe, out);
}

/// Builds the path of a request (after the version segment) from literal text
/// emitted by the generator and caller-supplied values encoded by the rules above.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathBuilder {
    path: String,
    problem: Option<String>,
}

impl PathBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Append text the generator produced from the docs (already encoded).
    #[must_use]
    pub fn literal(mut self, text: &str) -> Self {
        self.path.push_str(text);
        self
    }

    /// Append a key or other value as exactly one segment. An empty value would
    /// turn `a/{id}/b` into `a//b`: it is recorded as a problem and the request
    /// fails to build.
    #[must_use]
    pub fn param(mut self, value: &str) -> Self {
        if value.is_empty() {
            self.note_problem("a path parameter is empty");
        }
        encode_segment(value, &mut self.path);
        self
    }

    /// Append a function argument value as an OData string literal: quoted with
    /// `'` and inner quotes doubled (so no quote can end the literal early),
    /// everything else encoded like a segment.
    #[must_use]
    pub fn quoted_arg(mut self, value: &str) -> Self {
        let literal = format!("'{}'", value.replace('\'', "''"));
        encode_with(&literal, |b| is_unreserved(b) || b == b'\'', &mut self.path);
        self
    }

    /// Append a function argument value that the docs write without quotes
    /// (numbers, dates, GUIDs), encoded so it cannot end the argument list.
    #[must_use]
    pub fn unquoted_arg(mut self, value: &str) -> Self {
        if value.is_empty() {
            self.note_problem("a function argument is empty");
        }
        encode_with(value, is_unreserved, &mut self.path);
        self
    }

    /// Append a drive item path (`root:/{item-path}:`): `/` separates folders
    /// here, so each component is encoded as its own segment and dot-only
    /// components are refused.
    #[must_use]
    pub fn item_path(mut self, value: &str) -> Self {
        let trimmed = value.trim_matches('/');
        if trimmed.is_empty() {
            self.note_problem("an item path is empty");
        }
        for (i, part) in trimmed.split('/').enumerate() {
            if i > 0 {
                self.path.push('/');
            }
            if part.is_empty() || part.bytes().all(|b| b == b'.') {
                self.note_problem("an item path has an empty, `.` or `..` component");
            }
            encode_segment(part, &mut self.path);
        }
        self
    }

    /// The encoded path, starting with `/`.
    pub fn as_str(&self) -> &str {
        &self.path
    }

    /// Why this path cannot be sent, if it cannot.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    pub(crate) fn into_parts(self) -> (String, Option<String>) {
        (self.path, self.problem)
    }

    fn note_problem(&mut self, what: &str) {
        if self.problem.is_none() {
            self.problem = Some(what.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(v: &str) -> String {
        let mut s = String::new();
        encode_segment(v, &mut s);
        s
    }

    #[test]
    fn values_stay_one_segment() {
        assert_eq!(seg("../../users"), "..%2F..%2Fusers");
        assert_eq!(seg("a/b?x=1#f"), "a%2Fb%3Fx%3D1%23f");
        assert_eq!(seg("%2F"), "%252F");
        assert_eq!(seg(".."), "%2E%2E");
        assert_eq!(seg("."), "%2E");
        assert_eq!(seg("a b\\c"), "a%20b%5Cc");
        assert_eq!(seg("é"), "%C3%A9");
        assert_eq!(seg("a.b-c_d~e"), "a.b-c_d~e");
    }

    #[test]
    fn function_arguments_are_quoted_and_encoded() {
        let p = PathBuilder::new()
            .literal("/f(q=")
            .quoted_arg("it's/x")
            .literal(")");
        assert_eq!(p.as_str(), "/f(q='it''s%2Fx')");
    }

    #[test]
    fn empty_values_are_problems() {
        assert!(PathBuilder::new().param("").problem().is_some());
        assert!(PathBuilder::new().item_path("a/../b").problem().is_some());
        assert_eq!(
            PathBuilder::new().item_path("/a b/c.txt").as_str(),
            "a%20b/c.txt"
        );
    }
}
