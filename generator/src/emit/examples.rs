//! The documentation's JSON examples as round-trip cases: each example body
//! the IR attaches to a type (a resource page's JSON representation, an
//! operation's response body or each element of its `value` array, a create
//! or update request body), with the generated type it must deserialize into.
//! Written as `tests/examples.json` into a generated crate, whose `examples`
//! module runs them.
//!
//! Bodies with no property (`{}`, or annotations alone) test nothing and are
//! left out, and so are error responses (status 300 or more: an OData error
//! body, not the type). A single-entity response the docs write wrapped,
//! `{"value": {..}}` (or `{"value": [..]}`), is unwrapped unless the type's
//! own `value` property can hold that value: otherwise the whole entity
//! would land in `additional` and pass without testing anything.

use crate::emit::index::VersionModel;
use crate::emit::typeref::{lookup_key, NamedKind, ResolvedKind, TypeIndex};
use crate::ir::json::Json;
use crate::ir::model::{Api, HttpMessage, Operation, Source, Version};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which generated type an example is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// The model (its `Any` enum when the type has derived types).
    Model,
    /// The `<Type>Update` PATCH body.
    Update,
}

/// Where in the documentation an example comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// An operation's response example (or one element of its `value` array).
    Response,
    /// An operation's request body example (create, update or replace).
    Request,
    /// A resource page's JSON representation.
    Resource,
}

/// One example to round-trip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExampleCase {
    /// `v1.0` or `beta`.
    pub version: String,
    /// The Graph type name as defined (canonical spelling).
    #[serde(rename = "type")]
    pub type_name: String,
    pub shape: Shape,
    pub origin: Origin,
    /// `file:line` of the example.
    pub source: String,
    /// Schema-like placeholder values (`"String (timestamp)"`): skipped.
    pub placeholder: bool,
    pub json: Json,
}

/// Every example of `api` whose type is generated, in API order.
pub fn collect(
    api: &Api,
    index: &TypeIndex,
    models: &BTreeMap<Version, VersionModel<'_>>,
) -> Vec<ExampleCase> {
    let mut out = Vec::new();
    for t in &api.types {
        let (Some(version), Some(json)) = (t.version, t.json_example.as_ref()) else {
            continue;
        };
        let case = Case {
            version,
            type_name: &t.name,
            shape: Shape::Model,
            origin: Origin::Resource,
            source: &t.source,
            placeholder: false,
        };
        push_case(&mut out, index, &case, json);
    }
    for op in &api.operations {
        let Some(version) = op.version else { continue };
        for ex in &op.examples {
            if let Some(req) = &ex.request {
                request_case(&mut out, index, version, op, req);
            }
            if let Some(resp) = &ex.response {
                response_cases(&mut out, index, models, version, op, resp);
            }
        }
    }
    out
}

fn request_case(
    out: &mut Vec<ExampleCase>,
    index: &TypeIndex,
    version: Version,
    op: &Operation,
    msg: &HttpMessage,
) {
    let (Some(type_name), Some(json)) = (op.request.type_name.as_deref(), msg.json.as_ref()) else {
        return;
    };
    if op.request.is_parameters || op.request.collection {
        return;
    }
    let shape = match op.method.to_ascii_uppercase().as_str() {
        "PATCH" => Shape::Update,
        "POST" | "PUT" => Shape::Model,
        _ => return,
    };
    let case = Case {
        version,
        type_name,
        shape,
        origin: Origin::Request,
        source: &msg.source,
        placeholder: msg.placeholder,
    };
    push_case(out, index, &case, json);
}

fn response_cases(
    out: &mut Vec<ExampleCase>,
    index: &TypeIndex,
    models: &BTreeMap<Version, VersionModel<'_>>,
    version: Version,
    op: &Operation,
    msg: &HttpMessage,
) {
    let (Some(type_name), Some(json)) = (op.response.type_name.as_deref(), msg.json.as_ref())
    else {
        return;
    };
    // An error response (`HTTP/1.1 400 Bad Request`) is an OData error, not the type.
    if is_error_status(&msg.start_line) {
        return;
    }
    let case = Case {
        version,
        type_name,
        shape: Shape::Model,
        origin: Origin::Response,
        source: &msg.source,
        placeholder: msg.placeholder,
    };
    let wrapped = if op.response.collection {
        None
    } else {
        value_wrapped(json).filter(|v| !fits_value_property(index, models, version, type_name, v))
    };
    match (json.get("value"), wrapped) {
        // Each element of a collection's `value` is a case of its own.
        (Some(Json::Array(items)), _) if op.response.collection => {
            for item in items {
                push_case(out, index, &case, item);
            }
        }
        (_, Some(Json::Array(items))) => {
            for item in items {
                push_case(out, index, &case, item);
            }
        }
        (_, Some(entity)) => push_case(out, index, &case, entity),
        _ if !op.response.collection => push_case(out, index, &case, json),
        _ => {}
    }
}

/// Whether a status line (`HTTP/1.1 404 Not Found`) has a status of 300 or more.
fn is_error_status(start_line: &str) -> bool {
    let mut words = start_line.split_whitespace();
    let http = words
        .next()
        .is_some_and(|w| w.to_ascii_uppercase().starts_with("HTTP"));
    http && words
        .next()
        .and_then(|code| code.parse::<u16>().ok())
        .is_some_and(|code| code >= 300)
}

/// Whether `wrapped` can be the type's own `value` property: an object
/// where it is a struct, an array where it is a collection, anything where
/// it is untyped. When it cannot, `{"value": wrapped}` is a wrapper.
fn fits_value_property(
    index: &TypeIndex,
    models: &BTreeMap<Version, VersionModel<'_>>,
    version: Version,
    type_name: &str,
    wrapped: &Json,
) -> bool {
    let Some(model) = models.get(&version) else {
        return false;
    };
    let props = model.properties(&lookup_key(type_name));
    let Some(p) = props.iter().find(|p| p.name == "value") else {
        return false;
    };
    let kind = index.resolve(version, &p.type_name).kind;
    let untyped = kind == ResolvedKind::Unknown
        || matches!(lookup_key(&p.type_name).as_str(), "json" | "untyped");
    untyped
        || match wrapped {
            Json::Array(_) => p.collection,
            Json::Object(_) => !p.collection && kind == ResolvedKind::Struct,
            _ => true,
        }
}

/// The `value` of a body whose only property is `value` (annotations aside).
fn value_wrapped(json: &Json) -> Option<&Json> {
    let map = json.as_object()?;
    let mut props = map.keys().filter(|k| !is_annotation(k));
    match (props.next(), props.next()) {
        (Some(k), None) if k == "value" => map.get("value"),
        _ => None,
    }
}

/// `@odata.context`, `@odata.type`, `@microsoft.graph.x`...: not a property.
fn is_annotation(key: &str) -> bool {
    key.starts_with('@')
}

/// Whether a body has a property (an annotation alone tests nothing).
fn has_property(json: &Json) -> bool {
    json.as_object()
        .is_some_and(|m| m.keys().any(|k| !is_annotation(k)))
}

/// What is known of an example before its body is looked at.
struct Case<'a> {
    version: Version,
    type_name: &'a str,
    shape: Shape,
    origin: Origin,
    source: &'a Source,
    placeholder: bool,
}

fn push_case(out: &mut Vec<ExampleCase>, index: &TypeIndex, case: &Case<'_>, json: &Json) {
    let Case {
        version,
        type_name,
        shape,
        origin,
        source,
        placeholder,
    } = *case;
    let Some(named) = index.get(version, type_name) else {
        return;
    };
    let NamedKind::Struct { update_ident, .. } = &named.kind else {
        return;
    };
    if !has_property(json) {
        return;
    }
    let shape = if shape == Shape::Update && update_ident.is_none() {
        Shape::Model
    } else {
        shape
    };
    out.push(ExampleCase {
        version: version.as_str().to_string(),
        type_name: named.graph_name.clone(),
        shape,
        origin,
        source: source.to_string(),
        placeholder: placeholder || looks_placeholder(json),
        json: json.clone(),
    });
}

/// Primitive type names the docs use as placeholder values.
const PLACEHOLDER_WORDS: &[&str] = &[
    "string",
    "int32",
    "int64",
    "int16",
    "integer",
    "boolean",
    "bool",
    "double",
    "single",
    "decimal",
    "guid",
    "datetimeoffset",
    "datetime",
    "date",
    "timeofday",
    "duration",
    "binary",
    "byte",
    "stream",
    "timestamp",
    "number",
];

/// True when a string somewhere in `v` is a schema-like placeholder:
/// `"String"`, `"String (timestamp)"`, `"Int32"`, `"Guid"`...
pub fn looks_placeholder(v: &Json) -> bool {
    match v {
        Json::String(s) => is_placeholder_text(s),
        Json::Array(items) => items.iter().any(looks_placeholder),
        Json::Object(map) => map
            .iter()
            .any(|(k, v)| k != "@odata.type" && looks_placeholder(v)),
        _ => false,
    }
}

fn is_placeholder_text(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    // Type names written where a value belongs by the docs' generator:
    // `"<Unknown Primitive Type Edm.Stream>"`, `"Collection(microsoft.graph.x)"`.
    if lower.starts_with("<unknown primitive type")
        || (lower.starts_with("collection(") && lower.ends_with(')'))
    {
        return true;
    }
    let head = lower.split(" (").next().unwrap_or_default();
    let head = head.strip_prefix("edm.").unwrap_or(head);
    PLACEHOLDER_WORDS.contains(&head) && (head.len() == lower.len() || lower.ends_with(')'))
}

#[cfg(test)]
mod tests {
    use super::{has_property, is_error_status, looks_placeholder, value_wrapped};

    /// `serde_json::json!`, as the IR's [`Json`](crate::ir::json::Json).
    macro_rules! json {
        ($($t:tt)+) => {
            crate::ir::json::Json::from(serde_json::json!($($t)+))
        };
    }

    #[test]
    fn wrapped_single_entities() {
        let entity = json!({"id": "1"});
        let body = json!({"@odata.context": "x", "value": entity});
        assert_eq!(value_wrapped(&body), Some(&entity));
        assert_eq!(
            value_wrapped(&json!({"value": [entity]})),
            Some(&json!([entity]))
        );
        assert_eq!(value_wrapped(&json!({"value": 1, "id": "1"})), None);
        assert!(!has_property(
            &json!({"@odata.type": "#microsoft.graph.user"})
        ));
        assert!(!has_property(&json!({})));
        assert!(has_property(&json!({"@odata.type": "#x", "id": null})));
        assert!(is_error_status("HTTP/1.1 400 Bad Request"));
        assert!(!is_error_status("HTTP/1.1 201 Created"));
        assert!(!is_error_status("HTTP/1.1"));
    }

    #[test]
    fn placeholders() {
        assert!(looks_placeholder(&json!({"id": "String (identifier)"})));
        assert!(looks_placeholder(&json!({"a": ["Int32"]})));
        assert!(!looks_placeholder(
            &json!({"@odata.type": "String", "status": "notApplicable"})
        ));
        assert!(!looks_placeholder(&json!({"name": "String theory"})));
        assert!(looks_placeholder(
            &json!({"payload": "<Unknown Primitive Type Edm.Stream>"})
        ));
        assert!(looks_placeholder(
            &json!({"certs": "Collection(microsoft.graph.pkcs12CertificateInformation)"})
        ));
    }
}
