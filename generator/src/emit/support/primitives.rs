//! Support types shared by every generated model: OData primitive values that
//! round-trip exactly as the service writes them, the tri-state [`Patch`] used
//! by update (PATCH) bodies, [`Flags`] for flag enums, and the small generic
//! helpers the generated `@odata.type` dispatch and enum impls call (kept here
//! so per-type generated code stays small).
//!
//! Text forms are kept exactly: a [`DateTimeOffset`] parsed from
//! `2017-01-01T00:00:17.7769392-08:00` prints the same 7 fractional digits and
//! the same offset back; equality is structural (same text form), not "same
//! instant" (use [`DateTimeOffset::unix_nanos`] to compare instants).

use ::serde::de::Error as _;
use ::std::fmt;

/// Why a primitive value could not be parsed from its text form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The OData type that was expected (`DateTimeOffset`, `Guid`...).
    pub expected: &'static str,
    /// The text that was given.
    pub input: ::std::string::String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: {:?}", self.expected, self.input)
    }
}

impl ::std::error::Error for ParseError {}

fn parse_error(expected: &'static str, input: &str) -> ParseError {
    ParseError {
        expected,
        input: input.to_string(),
    }
}

/// A cursor over ASCII text for the small fixed-format parsers below.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Cursor {
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn done(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// Exactly `n` decimal digits.
    fn fixed(&mut self, n: usize) -> Option<u32> {
        let mut value = 0u32;
        for _ in 0..n {
            let d = self.peek().filter(u8::is_ascii_digit)?;
            value = value * 10 + u32::from(d - b'0');
            self.pos += 1;
        }
        Some(value)
    }

    /// One or more decimal digits (at most 18, so the value fits).
    fn number(&mut self) -> Option<u64> {
        let start = self.pos;
        let mut value = 0u64;
        while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
            if self.pos - start >= 18 {
                return None;
            }
            value = value * 10 + u64::from(d - b'0');
            self.pos += 1;
        }
        (self.pos > start).then_some(value)
    }

    /// A fraction after `.`: 1 to 9 digits → (nanoseconds, digit count).
    fn fraction(&mut self) -> Option<(u32, u8)> {
        let mut nanos = 0u32;
        let mut digits = 0u8;
        while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
            if digits == 9 {
                return None;
            }
            nanos = nanos * 10 + u32::from(d - b'0');
            digits += 1;
            self.pos += 1;
        }
        if digits == 0 {
            return None;
        }
        Some((nanos * 10u32.pow(9 - u32::from(digits)), digits))
    }
}

fn write_fraction(f: &mut fmt::Formatter<'_>, nanos: u32, digits: u8) -> fmt::Result {
    if digits == 0 {
        return Ok(());
    }
    let scaled = nanos / 10u32.pow(9 - u32::from(digits.min(9)));
    write!(f, ".{:0width$}", scaled, width = usize::from(digits))
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Implements `Display`, `FromStr`, `Serialize` and `Deserialize` for a type
/// with a text form (`parse` + `Display`), so each type writes it once.
macro_rules! text_form {
    ($ty:ident) => {
        impl ::std::str::FromStr for $ty {
            type Err = ParseError;
            fn from_str(s: &str) -> ::std::result::Result<Self, ParseError> {
                $ty::parse(s)
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(
                    deserializer,
                )?;
                $ty::parse(&text).map_err(D::Error::custom)
            }
        }
    };
}

/// A calendar date `YYYY-MM-DD` (OData `Edm.Date`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parse `YYYY-MM-DD`.
    pub fn parse(text: &str) -> ::std::result::Result<Self, ParseError> {
        let mut c = Cursor::new(text);
        let date = Self::read(&mut c).filter(|_| c.done());
        date.ok_or_else(|| parse_error("Date", text))
    }

    fn read(c: &mut Cursor<'_>) -> Option<Date> {
        let year = i32::try_from(c.fixed(4)?).ok()?;
        c.eat(b'-').then_some(())?;
        let month = u8::try_from(c.fixed(2)?).ok()?;
        c.eat(b'-').then_some(())?;
        let day = u8::try_from(c.fixed(2)?).ok()?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_unix_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

text_form!(Date);

/// A time of day `HH:MM:SS[.fffffff]` (OData `Edm.TimeOfDay`); the number of
/// fractional digits is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub nanosecond: u32,
    /// Fractional digits as written (0 = none).
    pub fraction_digits: u8,
}

impl TimeOfDay {
    /// Parse `HH:MM[:SS[.f]]`.
    pub fn parse(text: &str) -> ::std::result::Result<Self, ParseError> {
        let mut c = Cursor::new(text);
        let time = Self::read(&mut c).filter(|_| c.done());
        time.ok_or_else(|| parse_error("TimeOfDay", text))
    }

    fn read(c: &mut Cursor<'_>) -> Option<TimeOfDay> {
        let hour = u8::try_from(c.fixed(2)?).ok().filter(|h| *h < 24)?;
        c.eat(b':').then_some(())?;
        let minute = u8::try_from(c.fixed(2)?).ok().filter(|m| *m < 60)?;
        c.eat(b':').then_some(())?;
        // 60 allows a leap second.
        let second = u8::try_from(c.fixed(2)?).ok().filter(|s| *s <= 60)?;
        let (nanosecond, fraction_digits) = if c.eat(b'.') { c.fraction()? } else { (0, 0) };
        Some(TimeOfDay {
            hour,
            minute,
            second,
            nanosecond,
            fraction_digits,
        })
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}:{:02}", self.hour, self.minute, self.second)?;
        write_fraction(f, self.nanosecond, self.fraction_digits)
    }
}

text_form!(TimeOfDay);

/// The offset part of a [`DateTimeOffset`], as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UtcOffset {
    /// `Z`.
    Utc,
    /// `+HH:MM` / `-HH:MM`, in minutes east of UTC (`-08:00` is `-480`).
    Minutes(i16),
    /// No offset written (some documentation examples omit it); read as UTC.
    Unspecified,
}

impl UtcOffset {
    /// Minutes east of UTC (0 for `Z` and unspecified).
    pub fn minutes(&self) -> i16 {
        match self {
            UtcOffset::Minutes(m) => *m,
            UtcOffset::Utc | UtcOffset::Unspecified => 0,
        }
    }
}

/// A date and time with offset (OData `Edm.DateTimeOffset`) that prints back
/// exactly as parsed: `2017-01-01T00:00:17.7769392-08:00` keeps its 7
/// fractional digits and its `-08:00` offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTimeOffset {
    pub date: Date,
    pub time: TimeOfDay,
    pub offset: UtcOffset,
}

impl DateTimeOffset {
    /// Parse `YYYY-MM-DDTHH:MM:SS[.f][Z|±HH:MM]`.
    pub fn parse(text: &str) -> ::std::result::Result<Self, ParseError> {
        let mut c = Cursor::new(text);
        let value = Self::read(&mut c).filter(|_| c.done());
        value.ok_or_else(|| parse_error("DateTimeOffset", text))
    }

    fn read(c: &mut Cursor<'_>) -> Option<DateTimeOffset> {
        let date = Date::read(c)?;
        c.eat(b'T').then_some(())?;
        let time = TimeOfDay::read(c)?;
        let offset = if c.eat(b'Z') {
            UtcOffset::Utc
        } else if c.done() {
            UtcOffset::Unspecified
        } else {
            let sign: i16 = if c.eat(b'+') {
                1
            } else if c.eat(b'-') {
                -1
            } else {
                return None;
            };
            let hours = i16::try_from(c.fixed(2)?).ok().filter(|h| *h <= 23)?;
            c.eat(b':').then_some(())?;
            let minutes = i16::try_from(c.fixed(2)?).ok().filter(|m| *m < 60)?;
            UtcOffset::Minutes(sign * (hours * 60 + minutes))
        };
        Some(DateTimeOffset { date, time, offset })
    }

    /// Nanoseconds since 1970-01-01T00:00:00Z of the instant this value names
    /// (an unspecified offset is read as UTC).
    pub fn unix_nanos(&self) -> i128 {
        let days = i128::from(self.date.days_since_unix_epoch());
        let seconds = days * 86_400
            + i128::from(self.time.hour) * 3_600
            + i128::from(self.time.minute) * 60
            + i128::from(self.time.second)
            - i128::from(self.offset.minutes()) * 60;
        seconds * 1_000_000_000 + i128::from(self.time.nanosecond)
    }
}

impl fmt::Display for DateTimeOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{}", self.date, self.time)?;
        match self.offset {
            UtcOffset::Utc => f.write_str("Z"),
            UtcOffset::Unspecified => Ok(()),
            UtcOffset::Minutes(m) => {
                let sign = if m < 0 { '-' } else { '+' };
                let m = m.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)
            }
        }
    }
}

text_form!(DateTimeOffset);

/// An ISO 8601 duration (OData `Edm.Duration`): `P1D`, `PT1H30M`,
/// `-P1DT0.5S`. Components keep whether they were written, so the text form
/// round-trips unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Duration {
    pub negative: bool,
    pub years: ::std::option::Option<u64>,
    pub months: ::std::option::Option<u64>,
    pub weeks: ::std::option::Option<u64>,
    pub days: ::std::option::Option<u64>,
    pub hours: ::std::option::Option<u64>,
    pub minutes: ::std::option::Option<u64>,
    /// Whole seconds, nanoseconds, fractional digits as written.
    pub seconds: ::std::option::Option<(u64, u32, u8)>,
}

impl Duration {
    /// Parse `[-]P[nY][nM][nW][nD][T[nH][nM][n[.f]S]]`.
    pub fn parse(text: &str) -> ::std::result::Result<Self, ParseError> {
        Self::read(text).ok_or_else(|| parse_error("Duration", text))
    }

    fn read(text: &str) -> ::std::option::Option<Duration> {
        let mut c = Cursor::new(text);
        let mut d = Duration {
            negative: c.eat(b'-'),
            ..Duration::default()
        };
        c.eat(b'P').then_some(())?;
        let mut in_time = false;
        let mut any = false;
        while !c.done() {
            if c.eat(b'T') {
                if in_time {
                    return None;
                }
                in_time = true;
                continue;
            }
            let n = c.number()?;
            let fraction = if c.eat(b'.') {
                Some(c.fraction()?)
            } else {
                None
            };
            let unit = c.peek()?;
            c.pos += 1;
            let slot = match (in_time, unit, fraction) {
                (false, b'Y', None) => &mut d.years,
                (false, b'M', None) => &mut d.months,
                (false, b'W', None) => &mut d.weeks,
                (false, b'D', None) => &mut d.days,
                (true, b'H', None) => &mut d.hours,
                (true, b'M', None) => &mut d.minutes,
                (true, b'S', f) => {
                    let (nanos, digits) = f.unwrap_or((0, 0));
                    d.seconds.is_none().then_some(())?;
                    d.seconds = Some((n, nanos, digits));
                    any = true;
                    continue;
                }
                _ => return None,
            };
            slot.is_none().then_some(())?;
            *slot = Some(n);
            any = true;
        }
        any.then_some(d)
    }

    /// The length as a [`std::time::Duration`], when it has no calendar
    /// components (years, months) and is not negative. A day counts 24 hours.
    pub fn to_std(&self) -> ::std::option::Option<::std::time::Duration> {
        if self.negative || self.years.is_some() || self.months.is_some() {
            return None;
        }
        let (secs, nanos, _) = self.seconds.unwrap_or((0, 0, 0));
        let total = self
            .weeks
            .unwrap_or(0)
            .checked_mul(604_800)?
            .checked_add(self.days.unwrap_or(0).checked_mul(86_400)?)?
            .checked_add(self.hours.unwrap_or(0).checked_mul(3_600)?)?
            .checked_add(self.minutes.unwrap_or(0).checked_mul(60)?)?
            .checked_add(secs)?;
        Some(::std::time::Duration::new(total, nanos))
    }

    /// `PT<seconds>[.fffffff]S` for a [`std::time::Duration`].
    pub fn from_std(d: ::std::time::Duration) -> Self {
        let nanos = d.subsec_nanos();
        Duration {
            seconds: Some((d.as_secs(), nanos, if nanos == 0 { 0 } else { 9 })),
            ..Duration::default()
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        f.write_str("P")?;
        for (value, unit) in [
            (self.years, 'Y'),
            (self.months, 'M'),
            (self.weeks, 'W'),
            (self.days, 'D'),
        ] {
            if let Some(v) = value {
                write!(f, "{v}{unit}")?;
            }
        }
        if self.hours.is_some() || self.minutes.is_some() || self.seconds.is_some() {
            f.write_str("T")?;
        }
        for (value, unit) in [(self.hours, 'H'), (self.minutes, 'M')] {
            if let Some(v) = value {
                write!(f, "{v}{unit}")?;
            }
        }
        if let Some((secs, nanos, digits)) = self.seconds {
            write!(f, "{secs}")?;
            write_fraction(f, nanos, digits)?;
            f.write_str("S")?;
        }
        Ok(())
    }
}

text_form!(Duration);

/// A GUID (OData `Edm.Guid`), `8-4-4-4-12` hex digits. Upper-case input is
/// printed back upper-case; equality ignores case.
#[derive(Debug, Clone, Copy, Default)]
pub struct Guid {
    bytes: [u8; 16],
    upper: bool,
}

impl Guid {
    /// A GUID from its 16 bytes (printed lower-case).
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        Guid {
            bytes,
            upper: false,
        }
    }

    /// The 16 bytes in text order.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.bytes
    }

    /// Parse `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (either case).
    pub fn parse(text: &str) -> ::std::result::Result<Self, ParseError> {
        let err = || parse_error("Guid", text);
        let raw = text.as_bytes();
        if raw.len() != 36 {
            return Err(err());
        }
        let mut bytes = [0u8; 16];
        let mut nibbles = 0usize;
        let mut upper = false;
        for (i, b) in raw.iter().enumerate() {
            if matches!(i, 8 | 13 | 18 | 23) {
                if *b != b'-' {
                    return Err(err());
                }
                continue;
            }
            let v = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => {
                    upper = true;
                    b - b'A' + 10
                }
                _ => return Err(err()),
            };
            let slot = bytes.get_mut(nibbles / 2).ok_or_else(err)?;
            *slot = (*slot << 4) | v;
            nibbles += 1;
        }
        Ok(Guid { bytes, upper })
    }
}

impl PartialEq for Guid {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}

impl Eq for Guid {}

impl ::std::hash::Hash for Guid {
    fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
        self.bytes.hash(state);
    }
}

impl fmt::Display for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, b) in self.bytes.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                f.write_str("-")?;
            }
            if self.upper {
                write!(f, "{b:02X}")?;
            } else {
                write!(f, "{b:02x}")?;
            }
        }
        Ok(())
    }
}

text_form!(Guid);

/// Binary data (OData `Edm.Binary`), base64 on the wire. Reads the standard
/// and URL-safe alphabets, padded or not; writes standard padded base64.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Base64(pub ::std::vec::Vec<u8>);

const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

impl Base64 {
    /// Decode base64 text.
    pub fn parse(text: &str) -> ::std::result::Result<Self, ParseError> {
        let trimmed = text.trim_end_matches('=');
        let mut out = ::std::vec::Vec::with_capacity(trimmed.len() * 3 / 4);
        let mut acc = 0u32;
        let mut bits = 0u32;
        for b in trimmed.bytes() {
            let v = match b {
                b'A'..=b'Z' => b - b'A',
                b'a'..=b'z' => b - b'a' + 26,
                b'0'..=b'9' => b - b'0' + 52,
                b'+' | b'-' => 62,
                b'/' | b'_' => 63,
                _ => return Err(parse_error("Binary (base64)", text)),
            };
            acc = (acc << 6) | u32::from(v);
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push(((acc >> bits) & 0xff) as u8);
            }
        }
        if bits >= 6 {
            return Err(parse_error("Binary (base64)", text));
        }
        Ok(Base64(out))
    }
}

impl fmt::Display for Base64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let symbol = |i: u32| char::from(BASE64_ALPHABET[(i & 63) as usize]);
        for chunk in self.0.chunks(3) {
            let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
            let n = (b(0) << 16) | (b(1) << 8) | b(2);
            let mut quad = [symbol(n >> 18), symbol(n >> 12), symbol(n >> 6), symbol(n)];
            for slot in quad.iter_mut().skip(chunk.len() + 1) {
                *slot = '=';
            }
            for c in quad {
                fmt::Write::write_char(f, c)?;
            }
        }
        Ok(())
    }
}

text_form!(Base64);

/// A field of an update (PATCH) body: absent (not sent, the service keeps
/// the current value), `null` (clears it) or a value.
///
/// Fields are declared `#[serde(default, skip_serializing_if = "Patch::is_absent")]`,
/// so serializing sends exactly what was set.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Patch<T> {
    /// Not sent.
    #[default]
    Absent,
    /// Sent as `null`.
    Null,
    /// Sent as the value.
    Value(T),
}

impl<T> Patch<T> {
    /// True when the field is not sent.
    pub fn is_absent(&self) -> bool {
        matches!(self, Patch::Absent)
    }

    /// The value, if one is set.
    pub fn as_value(&self) -> ::std::option::Option<&T> {
        match self {
            Patch::Value(v) => Some(v),
            Patch::Absent | Patch::Null => None,
        }
    }
}

impl<T> From<T> for Patch<T> {
    fn from(value: T) -> Self {
        Patch::Value(value)
    }
}

impl<T: ::serde::Serialize> ::serde::Serialize for Patch<T> {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        match self {
            Patch::Value(v) => v.serialize(serializer),
            // Absent is skipped by the field attribute; if serialized anyway, as null.
            Patch::Null | Patch::Absent => serializer.serialize_none(),
        }
    }
}

impl<'de, T: ::serde::Deserialize<'de>> ::serde::Deserialize<'de> for Patch<T> {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        // A present key: null or a value (absent keys come from `#[serde(default)]`).
        let value = <::std::option::Option<T> as ::serde::Deserialize>::deserialize(deserializer)?;
        Ok(value.map_or(Patch::Null, Patch::Value))
    }
}

/// A generated enum: a wire text per member, and any other text kept.
pub trait GraphEnum: Sized {
    /// The wire text.
    fn wire(&self) -> &str;
    /// The member for a wire text (an unrecognized text is kept as is).
    fn from_wire(text: &str) -> Self;
}

/// Deserialize a [`GraphEnum`] from a JSON string (generated enums call this).
pub fn deserialize_enum<'de, E: GraphEnum, D: ::serde::Deserializer<'de>>(
    deserializer: D,
) -> ::std::result::Result<E, D::Error> {
    let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
    Ok(E::from_wire(&text))
}

/// The value of a flag enum: members combined, written `a,b` on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Flags<E>(pub ::std::vec::Vec<E>);

impl<E: GraphEnum> Flags<E> {
    /// True when `member` is one of the set members.
    pub fn contains(&self, member: &E) -> bool {
        self.0.iter().any(|m| m.wire() == member.wire())
    }
}

impl<E: GraphEnum> fmt::Display for Flags<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, m) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(m.wire())?;
        }
        Ok(())
    }
}

impl<E: GraphEnum> ::serde::Serialize for Flags<E> {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de, E: GraphEnum> ::serde::Deserialize<'de> for Flags<E> {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        let text =
            <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
        let members = text
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(E::from_wire)
            .collect();
        Ok(Flags(members))
    }
}

/// The type name an `@odata.type` annotation names, lower-cased, without the
/// leading `#` and the `microsoft.graph.` namespace: `#microsoft.graph.user`
/// → `user`. `None` when the object has no `@odata.type` string.
pub fn odata_type_key(value: &::serde_json::Value) -> ::std::option::Option<::std::string::String> {
    let text = value.get("@odata.type")?.as_str()?;
    let text = text.strip_prefix('#').unwrap_or(text);
    let lower = text.to_ascii_lowercase();
    Some(match lower.strip_prefix("microsoft.graph.") {
        Some(rest) => rest.to_string(),
        None => lower,
    })
}

/// Deserialize one variant of an `@odata.type` dispatch enum from the
/// buffered JSON value, boxing it.
pub fn dispatch_variant<T, E>(
    value: ::serde_json::Value,
) -> ::std::result::Result<::std::boxed::Box<T>, E>
where
    T: ::serde::de::DeserializeOwned,
    E: ::serde::de::Error,
{
    ::serde_json::from_value(value)
        .map(::std::boxed::Box::new)
        .map_err(E::custom)
}

/// Deserialize `json` as `T` and serialize it back to a JSON value (used by
/// the examples round trip).
pub fn roundtrip_as<T>(
    json: &str,
) -> ::std::result::Result<::serde_json::Value, ::std::string::String>
where
    T: ::serde::de::DeserializeOwned + ::serde::Serialize,
{
    let value: T = ::serde_json::from_str(json).map_err(|e| format!("deserialize: {e}"))?;
    // Through the text, as on the wire: `to_value` would widen an `f32` to
    // an `f64` with digits the JSON text never has (4.6666665 becomes
    // 4.666666507720947).
    let text = ::serde_json::to_string(&value).map_err(|e| format!("serialize: {e}"))?;
    ::serde_json::from_str(&text).map_err(|e| format!("serialize: {e}"))
}
