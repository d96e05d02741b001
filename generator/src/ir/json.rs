//! The JSON values the IR stores: annotations and example bodies.
//!
//! [`Json`] is `serde_json::Value` with `preserve_order`, minus its map: an
//! object is a [`JsonObject`], its members in a `Vec` in source order. The
//! docs' objects are small and are read far more often in order than by key,
//! so a vector scan serves every lookup; `Value`'s `IndexMap` hashed every key
//! with SipHash and allocated twice per object, which was most of the cost of
//! parsing the corpus's examples.
//!
//! Everything that reaches output behaves as `Value` did, and the tests check
//! it against `Value`: the text is parsed by serde_json (same accepted texts,
//! same [`Number`]s, same errors), a key repeated in one object keeps its
//! first position and takes its last value (`IndexMap::insert`), serializing
//! makes the same serde calls (so the same bytes), `Display` is the compact
//! text, and two objects are equal when they hold the same members in any
//! order (`IndexMap`'s equality).

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Number;
use std::fmt;

/// A JSON value: `serde_json::Value` with its members kept in a vector.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Json {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(JsonObject),
}

/// The members of a JSON object in source order, each key once.
#[derive(Debug, Clone, Default)]
pub struct JsonObject(Vec<(String, Json)>);

impl Json {
    /// The member `key` of an object (`None` for anything else).
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?.get(key)
    }

    pub fn as_object(&self) -> Option<&JsonObject> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    pub fn is_array(&self) -> bool {
        matches!(self, Json::Array(_))
    }
}

impl JsonObject {
    pub fn new() -> JsonObject {
        JsonObject(Vec::new())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value of `key` (a scan: objects are small).
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Set `key` to `value`: a key already present keeps its position and
    /// takes the new value (`IndexMap::insert`, what `Value` did).
    pub fn insert(&mut self, key: String, value: Json) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    /// The members in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.0.iter())
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator + '_ {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Json> + ExactSizeIterator + '_ {
        self.0.iter().map(|(_, v)| v)
    }

    /// The members as parsed, a key repeated keeping its first position and
    /// its last value. Repeats are rare: they are looked for without hashing
    /// and only merged (with a map) when there are some.
    fn from_parsed(entries: Vec<(String, Json)>) -> JsonObject {
        if !has_repeated_key(&entries) {
            return JsonObject(entries);
        }
        let mut out = JsonObject(Vec::with_capacity(entries.len()));
        let mut position: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        for (k, v) in entries {
            match position.get(&k) {
                Some(&i) => {
                    if let Some(slot) = out.0.get_mut(i) {
                        slot.1 = v;
                    }
                }
                None => {
                    position.insert(k.clone(), out.0.len());
                    out.0.push((k, v));
                }
            }
        }
        out
    }
}

/// Up to this many members, every pair is compared; beyond, the keys are
/// sorted (a pasted 100,000-member object must not take quadratic time).
const PAIRWISE_MAX: usize = 16;

fn has_repeated_key(entries: &[(String, Json)]) -> bool {
    if entries.len() <= PAIRWISE_MAX {
        return entries
            .iter()
            .enumerate()
            .any(|(i, (k, _))| entries.iter().take(i).any(|(earlier, _)| earlier == k));
    }
    let mut keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
    keys.sort_unstable();
    keys.windows(2).any(|w| w.first() == w.last())
}

/// Equal when both hold the same keys with equal values, in any order
/// (keys are unique): `IndexMap`'s equality, which `Value` used.
impl PartialEq for JsonObject {
    fn eq(&self, other: &JsonObject) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl Eq for JsonObject {}

/// The members of a [`JsonObject`], in order.
pub struct Iter<'a>(std::slice::Iter<'a, (String, Json)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a String, &'a Json);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a JsonObject {
    type Item = (&'a String, &'a Json);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The same serializer calls as `Value`'s, so the same bytes.
impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Number(n) => n.serialize(serializer),
            Json::String(s) => serializer.serialize_str(s),
            Json::Array(items) => items.serialize(serializer),
            Json::Object(o) => o.serialize(serializer),
        }
    }
}

impl Serialize for JsonObject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (k, v) in self {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// `Value`'s visitor, building vectors instead of maps.
impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Number(n.into()))
    }

    fn visit_i128<E: serde::de::Error>(self, n: i128) -> Result<Json, E> {
        Number::deserialize(serde::de::value::I128Deserializer::new(n)).map(Json::Number)
    }

    fn visit_u128<E: serde::de::Error>(self, n: u128) -> Result<Json, E> {
        Number::deserialize(serde::de::value::U128Deserializer::new(n)).map(Json::Number)
    }

    /// A non-finite float is `null`, as in `Value`.
    fn visit_f64<E>(self, n: f64) -> Result<Json, E> {
        Ok(Number::from_f64(n).map_or(Json::Null, Json::Number))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        Json::deserialize(deserializer)
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        // Room for 8 from the start: most example objects outgrow the 4 a
        // first push makes room for (a guess; serde_json gives no size).
        let mut entries = Vec::with_capacity(8);
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Json::Object(JsonObject::from_parsed(entries)))
    }
}

impl<'de> Deserialize<'de> for JsonObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<JsonObject, D::Error> {
        match Json::deserialize(deserializer)? {
            Json::Object(o) => Ok(o),
            _ => Err(serde::de::Error::custom("expected a JSON object")),
        }
    }
}

/// The compact text (`Value`'s `Display`).
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = serde_json::to_string(self).map_err(|_| fmt::Error)?;
        f.write_str(&text)
    }
}

/// For tests and fixtures written with `serde_json::json!`.
impl From<serde_json::Value> for Json {
    fn from(v: serde_json::Value) -> Json {
        match v {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(b),
            serde_json::Value::Number(n) => Json::Number(n),
            serde_json::Value::String(s) => Json::String(s),
            serde_json::Value::Array(items) => {
                Json::Array(items.into_iter().map(Json::from).collect())
            }
            serde_json::Value::Object(map) => Json::Object(JsonObject(
                map.into_iter().map(|(k, v)| (k, Json::from(v))).collect(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// Parse `text` both ways; both must agree on acceptance and, when
    /// accepted, give the same bytes compact and pretty, and the same
    /// `Display`.
    fn same_as_value(text: &str) {
        let ours = serde_json::from_str::<Json>(text);
        let theirs = serde_json::from_str::<Value>(text);
        match (ours, theirs) {
            (Ok(o), Ok(t)) => {
                assert_eq!(
                    serde_json::to_string(&o).ok(),
                    serde_json::to_string(&t).ok(),
                    "{text}"
                );
                assert_eq!(
                    serde_json::to_string_pretty(&o).ok(),
                    serde_json::to_string_pretty(&t).ok(),
                    "{text}"
                );
                assert_eq!(o.to_string(), t.to_string(), "{text}");
                assert_eq!(o, Json::from(t), "{text}");
            }
            (Err(o), Err(t)) => assert_eq!(o.to_string(), t.to_string(), "{text}"),
            (o, t) => panic!("{text}: {o:?} vs {t:?}"),
        }
    }

    #[test]
    fn a_repeated_key_keeps_its_first_place_and_last_value() {
        let text = r#"{"a": 1, "b": 2, "a": 3, "c": {"x": 1, "x": [2]}, "b": null}"#;
        same_as_value(text);
        let j: Json = serde_json::from_str(text).unwrap_or_default();
        let keys: Vec<&String> = j
            .as_object()
            .map(|o| o.keys().collect())
            .unwrap_or_default();
        assert_eq!(keys, ["a", "b", "c"]);
        assert_eq!(j.get("a"), Some(&Json::Number(3.into())));
        assert_eq!(j.get("b"), Some(&Json::Null));
    }

    #[test]
    fn repeated_keys_in_large_objects_are_found() {
        for n in [15, 16, 17, 40, 200] {
            for dup in [0, 1, n / 2, n - 1] {
                let mut members: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {i}")).collect();
                members.push(format!("\"k{dup}\": \"again\""));
                same_as_value(&format!("{{{}}}", members.join(", ")));
                same_as_value(&format!("{{{}}}", members[..n].join(", ")));
            }
        }
    }

    #[test]
    fn order_is_the_source_order() {
        let text = r##"{"z": 1, "a": 2, "@odata.type": "#x", "M": {"b": 1, "a": 2}}"##;
        same_as_value(text);
        let j: Json = serde_json::from_str(text).unwrap_or_default();
        assert_eq!(
            serde_json::to_string(&j).unwrap_or_default(),
            r##"{"z":1,"a":2,"@odata.type":"#x","M":{"b":1,"a":2}}"##
        );
    }

    #[test]
    fn numbers_are_serde_json_numbers() {
        for text in [
            "0",
            "-0",
            "1",
            "-1",
            "1024",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "0.5",
            "-0.0",
            "1.0",
            "1e3",
            "1E-3",
            "-2.5e+10",
            "6.02214076e23",
            "1e308",
            "1e309",
            "-1e400",
            "1.7976931348623157e308",
            "5e-324",
            "1e-400",
            "[1, -1, 1.5, 2e2, 3E-2, 4.0e+1]",
            "01",
            "1.",
            ".5",
            "+1",
            "NaN",
        ] {
            same_as_value(text);
        }
    }

    #[test]
    fn strings_and_escapes() {
        for text in [
            r#""""#,
            r#""plain""#,
            r#""quote \" backslash \\ slash \/""#,
            r#""\b\f\n\r\t""#,
            r#""\u00e9\u4e2d\ud83d\ude00""#,
            r#""\ud800""#,
            "\"é 中 😀 \u{7f}\"",
            r#""control \u0001 \u001f""#,
            r#"{"k\"ey": "v\u0000", "\u0041": 1, "A": 2}"#,
            "\"raw\ttab\"",
            "\"raw\nnewline\"",
            r#""bad \x escape""#,
        ] {
            same_as_value(text);
        }
    }

    #[test]
    fn every_shape_and_error() {
        for text in [
            "null",
            "true",
            "false",
            "[]",
            "{}",
            "[[], {}, [null]]",
            r#"{"a": {"b": {"c": [1, {"d": null}]}}}"#,
            "",
            "   ",
            "[1,]",
            r#"{"a": 1,}"#,
            r#"{"a" 1}"#,
            r#"{a: 1}"#,
            "[1 2]",
            "{} {}",
            "[",
            "{\"a\":",
            &"[".repeat(200),
            &format!("{}{}", "[".repeat(100), "]".repeat(100)),
        ] {
            same_as_value(text);
        }
    }

    #[test]
    fn objects_are_equal_in_any_order() {
        let a: Json = json!({"a": 1, "b": [1, 2]}).into();
        let b: Json = serde_json::from_str(r#"{"b": [1, 2], "a": 1}"#).unwrap_or_default();
        assert_eq!(a, b);
        assert_ne!(a, Json::from(json!({"a": 1, "b": [2, 1]})));
        assert_ne!(a, Json::from(json!({"a": 1})));
        assert_ne!(a, Json::from(json!({"a": 1, "b": [1, 2], "c": null})));
    }

    #[test]
    fn lookups() {
        let j: Json = json!({"s": "x", "n": null, "a": [true], "o": {"k": 1}}).into();
        assert_eq!(j.get("s").and_then(Json::as_str), Some("x"));
        assert!(j.get("n").is_some_and(Json::is_null));
        assert_eq!(j.get("a").and_then(Json::as_array).map(Vec::len), Some(1));
        assert_eq!(
            j.get("a").and_then(|a| a.as_array()?.first()?.as_bool()),
            Some(true)
        );
        assert!(j.get("o").is_some_and(Json::is_object));
        assert!(j.get("missing").is_none());
        assert!(Json::from(json!([1])).get("s").is_none());
        let o = j.as_object().cloned().unwrap_or_default();
        assert_eq!(o.len(), 4);
        assert!(o.contains_key("o") && !o.contains_key("O"));
        assert_eq!(o.values().filter(|v| v.is_array()).count(), 1);
        let mut o2 = JsonObject::new();
        o2.insert("a".into(), Json::Null);
        o2.insert("b".into(), Json::Bool(true));
        o2.insert("a".into(), Json::Bool(false));
        assert_eq!(o2.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(o2.get("a"), Some(&Json::Bool(false)));
    }

    /// Every JSON block of the repository's docs-input pages (the ones a
    /// build reads) serializes as `Value` does.
    #[test]
    fn every_docs_input_block_is_as_value() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-input");
        let mut files = vec![root];
        let mut blocks = 0;
        while let Some(p) = files.pop() {
            if p.is_dir() {
                for e in std::fs::read_dir(&p).into_iter().flatten().flatten() {
                    files.push(e.path());
                }
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&p) else {
                continue;
            };
            for block in fenced_blocks(&text) {
                same_as_value(&block);
                blocks += 1;
            }
        }
        assert!(blocks > 50, "{blocks} blocks");
    }

    /// The text of each fenced block, and each block's text after its
    /// first `{` or `[` (an HTTP block's body).
    fn fenced_blocks(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.trim_start().starts_with("```") {
                match current.take() {
                    Some(b) => {
                        if let Some(i) = b.find(['{', '[']) {
                            out.push(b[i..].to_string());
                        }
                        out.push(b);
                    }
                    None => current = Some(String::new()),
                }
            } else if let Some(b) = current.as_mut() {
                b.push_str(line);
                b.push('\n');
            }
        }
        out
    }
}
