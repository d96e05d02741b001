//! Rust names for Graph names: case conversion, sanitising, keyword escaping,
//! deterministic collision resolution. The one place that decides what an
//! emitted identifier looks like, so models and clients agree.
//!
//! Rules:
//! - types and enum variants: UpperCamelCase; a name that is a keyword or a
//!   std prelude name stays legal because emitted code fully qualifies std
//!   paths; `Self` becomes `Self_`.
//! - fields, functions, modules: snake_case; Rust keywords get `r#`, except the
//!   four that cannot be raw (`crate`, `self`, `super`, `Self`) which get a
//!   trailing `_`.
//! - any character outside `[A-Za-z0-9_]` separates words; a leading digit gets
//!   a `_` prefix (`3dSecure` → `_3d_secure`); an empty result becomes `unnamed`.

use heck::ToUpperCamelCase;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// Strict and reserved keywords of Rust 2021 (and 2024's `gen`).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield", "union",
];

/// Keywords that cannot be written as raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "super", "Self", "_"];

pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// Replace every character that cannot be in an identifier by a word break.
fn words_only(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

fn fix_leading_digit(mut s: String) -> String {
    if s.is_empty() {
        return "unnamed".to_string();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    s
}

/// The UpperCamelCase identifier text for a Graph type, enum or variant name.
pub fn type_name(graph: &str) -> String {
    let camel = words_only(graph).to_upper_camel_case();
    let camel = fix_leading_digit(camel);
    if camel == "Self" {
        "Self_".to_string()
    } else {
        camel
    }
}

/// The snake_case identifier text (before keyword escaping) for a field,
/// function or module.
pub fn snake_name(graph: &str) -> String {
    // Operation names are snake_case already (the merge names every
    // operation again): such a name is its own snake_case.
    if is_plain_snake(graph) {
        return graph.to_string();
    }
    fix_leading_digit(ascii_snake_case(graph))
}

/// What `words_only(s).to_snake_case()` (heck 0.5) gives, by hand: heck
/// walks chars with Unicode case tables and writes through `fmt`, which
/// cost ~8k instructions per name. After `words_only` every char is an
/// ASCII letter or digit or a break, so the same walk over bytes is exact
/// (a non-ASCII byte is never alphanumeric, so it breaks words as its char
/// would). Word boundaries as heck's `transform`: after a lowercase letter
/// (or digits after one) followed by an uppercase one, and before the last
/// capital of a run followed by a lowercase letter (`HTTPServer`).
fn ascii_snake_case(s: &str) -> String {
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Boundary,
        Lower,
        Upper,
    }
    let mut out = String::with_capacity(s.len() + 4);
    let mut first_word = true;
    let mut push_word = |out: &mut String, w: &[u8]| {
        if !first_word {
            out.push('_');
        }
        first_word = false;
        out.extend(w.iter().map(|b| char::from(b.to_ascii_lowercase())));
    };
    for word in s
        .as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut init = 0;
        let mut mode = Mode::Boundary;
        for (i, &c) in word.iter().enumerate() {
            let Some(&next) = word.get(i + 1) else {
                push_word(&mut out, word.get(init..).unwrap_or_default());
                break;
            };
            let next_mode = if c.is_ascii_lowercase() {
                Mode::Lower
            } else if c.is_ascii_uppercase() {
                Mode::Upper
            } else {
                mode
            };
            if next_mode == Mode::Lower && next.is_ascii_uppercase() {
                push_word(&mut out, word.get(init..=i).unwrap_or_default());
                init = i + 1;
                mode = Mode::Boundary;
            } else if mode == Mode::Upper && c.is_ascii_uppercase() && next.is_ascii_lowercase() {
                push_word(&mut out, word.get(init..i).unwrap_or_default());
                init = i;
                mode = Mode::Boundary;
            } else {
                mode = next_mode;
            }
        }
    }
    out
}

/// `a_b2_c`: lower-case ASCII words of letters and digits, joined by single
/// `_`, starting with a letter. [`snake_name`] gives such a name unchanged
/// (no character is replaced, no word boundary is added, no digit leads).
fn is_plain_snake(s: &str) -> bool {
    let b = s.as_bytes();
    b.first().is_some_and(u8::is_ascii_lowercase)
        && b.last() != Some(&b'_')
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_')
        && !s.contains("__")
}

/// How to write a snake_case name as an identifier: `r#type`, `self_`, `name`.
/// Returns the text of the identifier (with `r#` where needed).
pub fn escape_snake(snake: &str) -> String {
    if NOT_RAW.contains(&snake) {
        format!("{snake}_")
    } else if is_keyword(snake) {
        format!("r#{snake}")
    } else {
        snake.to_string()
    }
}

/// Field identifier for a JSON property name.
pub fn field_ident(wire: &str) -> String {
    escape_snake(&snake_name(wire))
}

/// Function identifier for an operation name.
pub fn fn_ident(name: &str) -> String {
    escape_snake(&snake_name(name))
}

/// Module identifier (no raw identifiers for modules: trailing `_` instead).
pub fn module_ident(name: &str) -> String {
    let s = snake_name(name);
    if is_keyword(&s) || NOT_RAW.contains(&s.as_str()) {
        format!("{s}_")
    } else {
        s
    }
}

/// `s.to_lowercase()`, with a quick path for the ASCII names that nearly
/// every name is (the merge lower-cases names for every comparison).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// `f` of `name` lower-cased (as `str::to_lowercase`), without allocating
/// for the ASCII names nearly every name is: a name with no capital is its
/// own lower case, others are lower-cased into a reused buffer of the
/// thread (a stack buffer needs a UTF-8 check to read as `str`, which cost
/// more than the lookups it served).
pub fn with_lower<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUF: RefCell<String> = const { RefCell::new(String::new()) };
    }
    if !name.is_ascii() {
        return f(&lower(name));
    }
    if !name.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(name);
    }
    // `f` may itself lower-case a name: the buffer is then in use, and
    // that call allocates.
    BUF.with(|buf| match buf.try_borrow_mut() {
        Ok(mut lowered) => {
            lowered.clear();
            lowered.push_str(name);
            lowered.make_ascii_lowercase();
            f(&lowered)
        }
        Err(_) => f(&lower(name)),
    })
}

/// A hash of `name` lower-cased (as [`lower`]): names equal ignoring case
/// hash the same, so a map keyed by it finds a name's case variants without
/// a lower-cased copy per entry. Different names can share a hash: confirm
/// with [`same_lower`]. (The [`FastHasher`] hash of the lower-cased bytes;
/// ASCII names are lower-cased a word at a time as they are hashed.)
#[inline]
pub fn lower_hash(name: &str) -> u64 {
    // Hashed as if ASCII (lower-casing each word) while the bytes are
    // checked: one pass for the ASCII names nearly every name is. Inlined
    // (the merge calls it per name it looks up), the rare non-ASCII name
    // hashed out of line.
    use std::hash::Hasher;
    let bytes = name.as_bytes();
    let mut h = FastHasher::default();
    let mut chunks = bytes.chunks_exact(8);
    let mut bits = 0;
    for c in &mut chunks {
        let word = le_word(c);
        bits |= word;
        h.mix(lower_ascii_word(word));
    }
    let rest = chunks.remainder().len();
    let tail = tail_word(bytes, rest);
    h.mix(lower_ascii_word(tail) ^ rest as u64);
    if (bits | tail) & HIGH_BITS == 0 {
        return h.finish();
    }
    lower_hash_non_ascii(name)
}

/// [`lower_hash`] of a name with a non-ASCII byte.
#[cold]
#[inline(never)]
fn lower_hash_non_ascii(name: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = FastHasher::default();
    h.write(lower(name).as_bytes());
    h.finish()
}

/// The last `rest` bytes of `bytes` (the remainder after its whole 8-byte
/// words) as [`le_word`] reads them: from a name of at least a word, the
/// word that ends it shifted down (one read, no branch per length).
#[inline]
fn tail_word(bytes: &[u8], rest: usize) -> u64 {
    match bytes.last_chunk::<8>() {
        Some(last) if rest > 0 => u64::from_le_bytes(*last) >> (8 * (8 - rest)),
        Some(_) => 0,
        None => le_word(bytes),
    }
}

/// The high bit of each byte of a word (all clear for ASCII).
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Up to 8 bytes as a little-endian word, padded with zeros (two
/// overlapping 4-byte reads for 4 to 7 bytes: no copy to a buffer).
fn le_word(b: &[u8]) -> u64 {
    if let Some(w) = b.first_chunk::<8>() {
        return u64::from_le_bytes(*w);
    }
    match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        (Some(lo), Some(hi)) => {
            let hi = u64::from(u32::from_le_bytes(*hi)) << (8 * (b.len() - 4));
            u64::from(u32::from_le_bytes(*lo)) | hi
        }
        // 1 to 3 bytes: the first, middle and last (some the same byte).
        _ => match (b.first(), b.get(b.len() / 2), b.last()) {
            (Some(&x), Some(&y), Some(&z)) => {
                u64::from(x)
                    | u64::from(y) << (8 * (b.len() / 2))
                    | u64::from(z) << (8 * (b.len() - 1))
            }
            _ => 0,
        },
    }
}

/// Each byte of `word` as [`u8::to_ascii_lowercase`]: on the bytes' low
/// seven bits (no sum carries into the next byte), the high bit of each
/// byte marks whether it is at least `A` and whether it is past `Z`;
/// `A`..=`Z` (high bit clear) gain 0x20.
fn lower_ascii_word(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low = word & !HIGH_BITS;
    let from_a = low + (0x80 - u64::from(b'A')) * ONES;
    let past_z = low + (0x7f - u64::from(b'Z')) * ONES;
    let upper = from_a & !past_z & !word & HIGH_BITS;
    word | (upper >> 2)
}

/// Whether `a` and `b` are equal lower-cased (as [`lower`]).
pub fn same_lower(a: &str, b: &str) -> bool {
    // Equal but for ASCII case is equal lower-cased, non-ASCII or not
    // (`to_lowercase` maps the same chars alike); unequal ASCII is unequal.
    if eq_ignore_ascii_case(a, b) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return false;
    }
    lower(a) == lower(b)
}

/// `a.eq_ignore_ascii_case(b)`, a word at a time (that compares byte by
/// byte; the merge compares names with it in its busiest loops). A name of
/// a word or more ends with the word that ends it (overlapping the last
/// whole one: comparing bytes twice changes nothing).
#[inline]
pub fn eq_ignore_ascii_case(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let same = |x: u64, y: u64| x == y || lower_ascii_word(x) == lower_ascii_word(y);
    match (a.last_chunk::<8>(), b.last_chunk::<8>()) {
        (Some(x), Some(y)) => {
            let words = a.chunks_exact(8).zip(b.chunks_exact(8));
            words.into_iter().all(|(x, y)| same(le_word(x), le_word(y)))
                && same(u64::from_le_bytes(*x), u64::from_le_bytes(*y))
        }
        _ => same(le_word(a), le_word(b)),
    }
}

/// Values keyed by name ignoring case (as [`lower`]), found without
/// lower-casing the name looked up: by its [`lower_hash`], confirmed with
/// [`same_lower`] on the lower-cased key kept with each value (a list per
/// hash, for the rare names that share one).
#[derive(Debug)]
pub struct LowerMap<V> {
    by_hash: HashMap<u64, Vec<(String, V)>, FastHash>,
}

impl<V> Default for LowerMap<V> {
    fn default() -> Self {
        LowerMap {
            by_hash: HashMap::default(),
        }
    }
}

impl<V> LowerMap<V> {
    /// The value of `name` (`h`: its [`lower_hash`]).
    pub fn get_hashed(&self, h: u64, name: &str) -> Option<&V> {
        let list = self.by_hash.get(&h)?;
        list.iter()
            .find(|(k, _)| same_lower(k, name))
            .map(|(_, v)| v)
    }

    /// The value of `name`.
    pub fn get(&self, name: &str) -> Option<&V> {
        self.get_hashed(lower_hash(name), name)
    }

    /// The value of `name`, to change (`h`: its [`lower_hash`]).
    pub fn get_mut_hashed(&mut self, h: u64, name: &str) -> Option<&mut V> {
        let list = self.by_hash.get_mut(&h)?;
        list.iter_mut()
            .find(|(k, _)| same_lower(k, name))
            .map(|(_, v)| v)
    }

    /// Add `value` for `name`, which has none yet (`h`: its [`lower_hash`]).
    pub fn insert_new_hashed(&mut self, h: u64, name: &str, value: V) {
        self.by_hash
            .entry(h)
            .or_default()
            .push((lower(name), value));
    }

    /// Every (lower-cased name, value), in no particular order.
    pub fn into_entries(self) -> impl Iterator<Item = (String, V)> {
        self.by_hash.into_values().flatten()
    }
}

/// A fast hasher for the merge's string-keyed maps (the keys are names
/// from the docs, not adversarial input; SipHash's strength buys nothing
/// there and costs a large share of each lookup). The Fx hash of rustc:
/// multiply-rotate over 8-byte words.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

/// A `HashMap`/`HashSet` hasher builder for [`FastHasher`].
pub type FastHash = std::hash::BuildHasherDefault<FastHasher>;

impl FastHasher {
    /// Mix one word into the hash.
    fn mix(&mut self, word: u64) {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.mix(le_word(c));
        }
        let rest = chunks.remainder();
        self.mix(le_word(rest) ^ rest.len() as u64);
    }

    fn finish(&self) -> u64 {
        // The last multiply leaves the low bits depending on the low bits
        // of the last word only, and hash tables pick buckets by the low
        // bits: names that end alike crowded a few buckets. The rotation
        // brings well-mixed middle bits down (as rustc-hash 2 does).
        self.0.rotate_left(26)
    }
}

/// Make `names` unique deterministically: the first occurrence (in the given
/// order, which callers keep sorted) keeps its name, later ones get `2`, `3`...
/// Returns the resolved names and, for each renamed entry, `(index, old, new)`
/// so the caller can report a diagnostic.
pub fn uniquify(names: &[String]) -> (Vec<String>, Vec<(usize, String, String)>) {
    // Borrowed and hashed: operation names are made unique per version
    // (ten thousand names). A name made up here is never one of `names`
    // (every one of those is taken), so the two kinds are kept apart.
    let taken: HashSet<&str, FastHash> = names.iter().map(String::as_str).collect();
    let mut seen: HashSet<&str, FastHash> = HashSet::default();
    let mut made: HashSet<String, FastHash> = HashSet::default();
    // Per name, the suffix to try first: every smaller one was taken or
    // given out already (`taken` is fixed and `made` only grows), so
    // starting there gives the same names without retrying them all (a
    // name used a thousand times would otherwise cost a million tries).
    let mut next_suffix: HashMap<&str, usize, FastHash> = HashMap::default();
    let mut out = Vec::with_capacity(names.len());
    let mut renamed = Vec::new();
    for (i, n) in names.iter().enumerate() {
        if seen.insert(n.as_str()) {
            out.push(n.clone());
            continue;
        }
        let k = next_suffix.entry(n.as_str()).or_insert(2);
        let new = loop {
            let cand = format!("{n}{k}");
            *k += 1;
            if !taken.contains(cand.as_str()) && !made.contains(&cand) {
                break cand;
            }
        };
        made.insert(new.clone());
        renamed.push((i, n.clone(), new.clone()));
        out.push(new);
    }
    (out, renamed)
}

/// Naive English singular of a collection segment, used to name generic path
/// parameters (`userStatuses/{id}` → `userStatus`). Only for names.
pub fn singular(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    if lower.ends_with("ies") && word.len() > 3 {
        format!("{}y", &word[..word.len() - 3])
    } else if lower.ends_with("sses")
        || lower.ends_with("uses")
        || lower.ends_with("xes")
        || lower.ends_with("ches")
        || lower.ends_with("shes")
    {
        word[..word.len() - 2].to_string()
    } else if lower.ends_with('s') && !lower.ends_with("ss") && word.len() > 1 {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use heck::ToSnakeCase;

    /// Names that differ in one place and end alike still spread over a
    /// table's buckets (chosen by the hash's low bits): before the final
    /// rotation, `windows0000`..`windows4095` took 320 of 4,096 buckets.
    #[test]
    fn names_alike_spread_over_buckets() {
        use std::collections::BTreeSet;
        use std::hash::Hasher;
        let bucket = |s: &str| {
            let mut h = FastHasher::default();
            h.write(s.as_bytes());
            h.finish() & 0xfff
        };
        for shape in [
            |i: usize| format!("deviceManagement{i}ConfigurationSettingDefinition"),
            |i: usize| format!("windows{i:04}"),
            |i: usize| format!("{i}"),
        ] {
            let names: Vec<String> = (0..4096).map(shape).collect();
            let buckets: BTreeSet<u64> = names.iter().map(|n| bucket(n)).collect();
            // A random hash fills about 63% (1 - 1/e) of them.
            assert!(
                buckets.len() > 2300,
                "{}: {} buckets",
                names[0],
                buckets.len()
            );
            let lower: BTreeSet<u64> = names.iter().map(|n| lower_hash(n) & 0xfff).collect();
            assert!(lower.len() > 2300, "{}: {} buckets", names[0], lower.len());
        }
    }

    #[test]
    fn plain_snake_names_are_their_own_snake_case() {
        for s in [
            "list_users",
            "get_x2_y",
            "a",
            "update_device_compliance_user_status",
            "_x",
            "x_",
            "a__b",
            "2fa_get",
            "getUser",
            "list users",
            "é_a",
        ] {
            let slow = fix_leading_digit(words_only(s).to_snake_case());
            assert_eq!(snake_name(s), slow, "{s}");
            if is_plain_snake(s) {
                assert_eq!(slow, s);
            }
        }
        assert!(is_plain_snake("get_x2_y"));
        assert!(!is_plain_snake("x_") && !is_plain_snake("a__b") && !is_plain_snake("2fa"));
    }

    /// The hand-written snake case is heck's on ASCII, odd and non-ASCII
    /// names (after `words_only`, as `snake_name` used it).
    #[test]
    fn ascii_snake_case_is_heck_snake_case() {
        let mut names: Vec<String> = [
            "",
            "a",
            "A",
            "AB",
            "ABc",
            "HTTPServer",
            "getHTTPResponse2Code",
            "x2Y",
            "2x",
            "_a_",
            "a__b",
            "list-items",
            "Get user",
            "3dSecure",
            "deltaV2",
            "ABC123def",
            "aB1C",
            "é",
            "aéB",
            "naïveBayes",
            "ΣΑΣ",
            "iOSDevice",
            "userId_ByUPN",
            "$value",
            "a.b.c",
            "  ",
            "X",
            "xX",
            "Xx",
            "XXx",
            "x1",
            "1X",
            "A1b",
            "a1B",
            "AB1C",
            "ÀB",
            "😀aB",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every short string over a small alphabet of cases, digits, breaks.
        let alphabet = ['a', 'B', '1', '-', 'é', 'C'];
        let mut frontier = vec![String::new()];
        for _ in 0..5 {
            let mut next = Vec::new();
            for p in &frontier {
                for c in alphabet {
                    let mut q = p.clone();
                    q.push(c);
                    next.push(q);
                }
            }
            names.extend(next.iter().cloned());
            frontier = next;
        }
        for n in &names {
            assert_eq!(ascii_snake_case(n), words_only(n).to_snake_case(), "{n:?}");
        }
    }

    /// The word-at-a-time lower-case hash is the hash of `lower`, the
    /// buffered `with_lower` is `lower`, `same_lower` compares `lower`s, on
    /// names of every length around a word, capitals at word edges, the
    /// characters next to `A` and `Z`, non-ASCII and empty names.
    #[test]
    fn lower_case_helpers_agree_with_lower() {
        use std::hash::Hasher;
        let mut names: Vec<String> = [
            "",
            "a",
            "A",
            "@[`{",
            "AZaz09",
            "ΣΑΣ",
            "Σa",
            "İstanbul",
            "naïveBayes",
            "ÀB",
            "😀aB",
            "userId_ByUPN",
            "\u{7f}A",
            "{ID}",
            "deviceComplianceUserStatus",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for n in 0..20 {
            names.push("aZ".repeat(n));
            names.push(format!("{}Q", "x".repeat(n)));
            names.push(format!("{}é", "Y".repeat(n)));
        }
        for n in &names {
            let mut h = FastHasher::default();
            h.write(lower(n).as_bytes());
            assert_eq!(lower_hash(n), h.finish(), "{n:?}");
            assert_eq!(with_lower(n, str::to_string), lower(n), "{n:?}");
            let nested = with_lower(n, |outer| with_lower(n, |inner| outer == inner));
            assert!(nested, "{n:?}");
            for m in &names {
                assert_eq!(same_lower(n, m), lower(n) == lower(m), "{n:?} {m:?}");
            }
            assert!(same_lower(n, &n.to_uppercase()) == (lower(n) == lower(&n.to_uppercase())));
        }
    }

    /// The word-at-a-time helpers are their byte-at-a-time originals on
    /// every byte (`@`, `[` around the capitals, non-ASCII bytes whose low
    /// bits are capitals) and on names of every length around a word.
    #[test]
    fn word_helpers_agree_with_bytes() {
        for b in 0..=255u8 {
            let word = u64::from_le_bytes([b, b'A', 0xc1, b'z', b'Z', b'@', b'[', 0xda]);
            let lowered = word.to_le_bytes().map(|x| x.to_ascii_lowercase());
            assert_eq!(lower_ascii_word(word), u64::from_le_bytes(lowered), "{b}");
        }
        let mut names: Vec<String> = [
            "", "é", "éA", "éa", "ÉA", "Á", "á", "a@", "A`", "z{", "Z[", "q", "pQr", "pqrStuv",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for n in 0..20 {
            names.push("aZ".repeat(n));
            names.push("Az".repeat(n));
            names.push(format!("{}é", "Y".repeat(n)));
            names.push(format!("{}é", "y".repeat(n)));
            names.push(format!("{}Á", "y".repeat(n)));
        }
        for a in &names {
            let mut padded = [0u8; 8];
            if let Some(dst) = padded.get_mut(..a.len()) {
                dst.copy_from_slice(a.as_bytes());
                assert_eq!(le_word(a.as_bytes()), u64::from_le_bytes(padded), "{a:?}");
            }
            for b in &names {
                let bytewise = a.eq_ignore_ascii_case(b);
                assert_eq!(eq_ignore_ascii_case(a, b), bytewise, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn names() {
        assert_eq!(
            type_name("deviceComplianceUserStatus"),
            "DeviceComplianceUserStatus"
        );
        assert_eq!(type_name("Self"), "Self_");
        assert_eq!(type_name("3dSecure"), "_3dSecure");
        assert_eq!(type_name("@odata.type"), "OdataType");
        assert_eq!(field_ident("type"), "r#type");
        assert_eq!(field_ident("self"), "self_");
        assert_eq!(
            field_ident("lastReportedDateTime"),
            "last_reported_date_time"
        );
        assert_eq!(field_ident("@odata.nextLink"), "odata_next_link");
        assert_eq!(field_ident(""), "unnamed");
        assert_eq!(module_ident("v1.0"), "v1_0");
        assert_eq!(module_ident("crate"), "crate_");
        assert_eq!(singular("userStatuses"), "userStatus");
        assert_eq!(
            singular("deviceCompliancePolicies"),
            "deviceCompliancePolicy"
        );
        assert_eq!(
            singular("mobileAppConfigurations"),
            "mobileAppConfiguration"
        );
    }

    #[test]
    fn uniquify_is_deterministic() {
        let (out, renamed) =
            uniquify(&["a".into(), "b".into(), "a".into(), "a2".into(), "a".into()]);
        assert_eq!(out, vec!["a", "b", "a3", "a2", "a4"]);
        assert_eq!(renamed.len(), 2);
    }

    /// Many names with one snake_case form (found by tests/robustness.rs:
    /// `a-b`, `a.b`, `a#b`... 15,625 of them took 100 s): linear, and the
    /// same names as counting up from 2 each time.
    #[test]
    fn uniquify_many_collisions_quickly() {
        let mut names: Vec<String> = vec!["x".into(); 50_000];
        names.extend(["x3".to_string(), "y".to_string(), "x".to_string()]);
        let started = std::time::Instant::now();
        let (out, renamed) = uniquify(&names);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        assert_eq!(out[..4], ["x", "x2", "x4", "x5"]);
        assert_eq!(out[50_000..], ["x3", "y", "x50002"]);
        assert_eq!(renamed.len(), 50_000);
        let unique: std::collections::BTreeSet<&String> = out.iter().collect();
        assert_eq!(unique.len(), out.len());
    }
}
