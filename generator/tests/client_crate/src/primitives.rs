//! Hand-written stand-in for the generated primitives: a DateTimeOffset that
//! validates its text and keeps it exactly (7 fractional digits, offsets).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateTimeOffset(String);

impl DateTimeOffset {
    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    pub fn parse(text: &str) -> Result<DateTimeOffset, String> {
        let b = text.as_bytes();
        let digits =
            |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
        let ok_head = b.len() >= 20
            && digits(0..4)
            && b.get(4) == Some(&b'-')
            && digits(5..7)
            && b.get(7) == Some(&b'-')
            && digits(8..10)
            && b.get(10) == Some(&b'T')
            && digits(11..13)
            && b.get(13) == Some(&b':')
            && digits(14..16)
            && b.get(16) == Some(&b':')
            && digits(17..19);
        let mut i = 19;
        if b.get(i) == Some(&b'.') {
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        let rest = text.get(i..).unwrap_or("");
        let ok_tail = rest == "Z"
            || (rest.len() == 6
                && (rest.starts_with('+') || rest.starts_with('-'))
                && digits(i + 1..i + 3)
                && rest.as_bytes().get(3) == Some(&b':')
                && digits(i + 4..i + 6));
        if ok_head && ok_tail {
            Ok(DateTimeOffset(text.to_string()))
        } else {
            Err(format!("`{text}` is not a DateTimeOffset"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for DateTimeOffset {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for DateTimeOffset {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        DateTimeOffset::parse(&text).map_err(serde::de::Error::custom)
    }
}
