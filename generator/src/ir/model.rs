//! The IR: what the parser extracts from pages and what the emitter reads.
//!
//! Two levels share these types:
//! - [`PageIr`]: everything one page says (possibly partial: a request-body table
//!   describes only part of a type), with the page's version if the page shows it.
//! - [`Api`]: the merge of all pages of all versions: one [`TypeDef`] per
//!   (version, name), one [`EnumDef`] per (version, name), every operation.
//!
//! All names are Graph names without namespace (`deviceComplianceUserStatus`,
//! not `microsoft.graph.deviceComplianceUserStatus`); primitive types use their
//! EDM name without `Edm.` (`String`, `Int32`, `DateTimeOffset`...). Types and
//! enums carry their namespace in a field of their own; a type reference
//! (property type, base type) names a type of the referring item's namespace
//! if it has one of that name, else of `microsoft.graph`. Every item
//! carries the [`Source`] (file, line) it came from. This is the JSON schema of
//! `graph-docgen ir` (documented in README.md): change it only additively.

use crate::diag::Diagnostic;
pub use crate::ir::json::{Json, JsonObject};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// An API version of Microsoft Graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Version {
    #[serde(rename = "v1.0")]
    V1_0,
    #[serde(rename = "beta")]
    Beta,
}

impl Version {
    /// The URL segment: `v1.0` or `beta`.
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V1_0 => "v1.0",
            Version::Beta => "beta",
        }
    }

    /// The Rust module name of this version: `v1_0` or `beta`.
    pub fn module_name(self) -> &'static str {
        match self {
            Version::V1_0 => "v1_0",
            Version::Beta => "beta",
        }
    }

    pub fn parse(s: &str) -> Option<Version> {
        match s.trim().to_ascii_lowercase().as_str() {
            "v1.0" | "v1" | "1.0" => Some(Version::V1_0),
            "beta" => Some(Version::Beta),
            _ => None,
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where an item came from: the input file as given and the 1-based line in
/// the original bytes. The file name is shared (`Arc<str>`): every item of a
/// page points at it, and the merge copies sources around a lot; it
/// serialises as a plain string.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Source {
    pub file: Arc<str>,
    pub line: u32,
}

impl Source {
    pub fn new(file: &str, line: u32) -> Source {
        Source {
            file: Arc::from(file),
            line,
        }
    }

    /// A source in a file whose shared name the caller already holds.
    pub fn in_file(file: &Arc<str>, line: u32) -> Source {
        Source {
            file: Arc::clone(file),
            line,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// What a page is, decided from its directory, its front matter hint and,
/// above all, the sections it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// Has an HTTP request block: describes one operation.
    Api,
    /// `# x resource type` with Properties / Relationships / JSON representation.
    Resource,
    /// `## Members` enum page (or an `enums.md` page of `### x values` sections).
    Enum,
    /// Conceptual or unrecognised page: read for what it has, nothing required.
    Other,
}

/// Whether a structured type has identity (entity) or not (complex type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypeKind {
    Entity,
    Complex,
}

/// One property of a structured type (structural or navigation).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Property {
    /// The JSON (wire) name, exactly as the docs spell it.
    pub name: String,
    /// Graph type name without namespace: a primitive (`String`, `Int32`, ...),
    /// an enum or a structured type. `Json`/unknown spellings are kept as the docs
    /// give them after normalisation; the emitter maps what it cannot resolve to
    /// `serde_json::Value` with a diagnostic.
    #[serde(rename = "type")]
    pub type_name: String,
    /// The type cell as written, before normalisation (for diagnostics/traceability).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub raw_type: String,
    /// `x collection`, `Collection(x)`.
    pub collection: bool,
    /// `Some(true)` when the prose says "Nullable", `Some(false)` for "Not
    /// nullable" / "Required"; `None` when the docs do not say.
    pub nullable: Option<bool>,
    /// The prose says "Read-only".
    pub read_only: bool,
    /// The prose or a Required column says it is required (in a request body).
    #[serde(default)]
    pub required: bool,
    /// Listed under Relationships (a navigation property).
    #[serde(default)]
    pub navigation: bool,
    /// Description cell with markdown kept; TODO placeholders removed (None).
    pub description: Option<String>,
    /// Members named by "Possible values are: ..." prose, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub possible_values: Vec<String>,
    /// OData query options the prose says the property supports (`$filter`, `$orderby`, `$search`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<String>,
    /// "Returned only on `$select`".
    #[serde(default)]
    pub select_only: bool,
    /// Listed only in the resource page's JSON representation (no table row
    /// describes it); the type is read from the placeholder value. The merge
    /// drops such a property when a base type has it (JSON representations
    /// often show inherited properties).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_json: bool,
    /// Described by no property table or JSON representation: the merge
    /// inferred this navigation property from an API path that navigates
    /// through it (`GET /users/{id}/joinedTeams` returning a `group`
    /// collection gives `user.joinedTeams`); `source` is that path's line.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred_from_path: bool,
    pub source: Source,
}

/// An entity or complex type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypeDef {
    pub name: String,
    /// `None` only inside a [`PageIr`] whose version is not known yet.
    pub version: Option<Version>,
    /// The OData namespace (`microsoft.graph`, `microsoft.graph.callRecords`):
    /// from the page's `Namespace:` line, else the resource annotation's
    /// `@odata.type`. `None` in a [`PageIr`] when the page states none; the
    /// merge resolves it (the page's namespace, else `microsoft.graph`), so
    /// every merged type has one. Types of different namespaces may share a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    pub kind: TypeKind,
    /// Base type name without namespace (`entity`, `deviceConfiguration`).
    pub base: Option<String>,
    #[serde(default)]
    pub is_abstract: bool,
    #[serde(default)]
    pub open_type: bool,
    /// Key property name (`id` for entities that state it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub description: Option<String>,
    /// Structural properties then navigation properties, in page order.
    pub properties: Vec<Property>,
    /// The JSON representation block, leniently parsed (placeholder values kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json_example: Option<Json>,
    /// Where the defining page (resource page, else the first fragment) is.
    pub source: Source,
    /// Every page that contributed properties (the defining one first), after merge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributors: Vec<Source>,
    /// True when this definition comes from a resource page (vs. a request-body
    /// table fragment or a reference only).
    #[serde(default)]
    pub from_resource_page: bool,
}

impl TypeDef {
    /// The type `name` of `kind` defined at `source`, nothing else known yet:
    /// no version, namespace, base, key, description or properties, not from
    /// a resource page. Callers set what they know with struct update syntax.
    pub fn new(name: impl Into<String>, kind: TypeKind, source: Source) -> TypeDef {
        TypeDef {
            name: name.into(),
            version: None,
            namespace: None,
            kind,
            base: None,
            is_abstract: false,
            open_type: false,
            key: None,
            description: None,
            properties: Vec::new(),
            json_example: None,
            source,
            contributors: Vec::new(),
            from_resource_page: false,
        }
    }
}

/// One member of an enum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnumMember {
    /// Wire value, exactly as documented (`notApplicable`).
    pub name: String,
    /// Numeric value where the docs give one (Members tables, `0 - x` prose).
    pub value: Option<i64>,
    pub description: Option<String>,
    pub source: Source,
}

/// An enumeration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnumDef {
    /// Enum type name. For enums known only from "Possible values" prose on a
    /// property typed `String` (historical pages) the name is synthesised as
    /// `<owningType><PropertyName>` and `synthesized` is true.
    pub name: String,
    pub version: Option<Version>,
    /// The OData namespace, as for [`TypeDef::namespace`]. `None` in a
    /// [`PageIr`] also for enums implied by a property's "Possible values"
    /// (a reference, resolved at merge like any type reference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// Flag enum: values combine as a comma-separated list.
    #[serde(default)]
    pub flags: bool,
    #[serde(default)]
    pub synthesized: bool,
    /// Known only from a property's "Possible values" prose, not declared by
    /// an enum page, `## Members` section or `### x values` table (always true
    /// when `synthesized`). The merge lets declarations speak first: their
    /// member order and spelling win.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub implied: bool,
    pub description: Option<String>,
    pub members: Vec<EnumMember>,
    pub source: Source,
}

/// One segment of a request path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Segment {
    /// A fixed name: `deviceManagement`, `userStatuses`, `delta`.
    Literal { name: String },
    /// A key placeholder `{x}`, `<x>`, `{a | b}`. `name` is unique within the
    /// path (generic `{id}`/`<id>` are named from the collection segment before
    /// them: `deviceCompliancePolicyId`); `alternatives` lists `a | b` forms;
    /// `raw` is the placeholder as written.
    Param {
        name: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        alternatives: Vec<String>,
        raw: String,
    },
    /// A type cast `microsoft.graph.iosScepCertificateProfile`.
    Cast {
        namespace: String,
        type_name: String,
    },
    /// A function call `getX(a='{a}',b=1)`; `()` gives no args.
    Function {
        name: String,
        args: Vec<FunctionArg>,
    },
    /// `$value`, `$ref`, `$count` (and other `$x` segments), without the `$`.
    Dollar { name: String },
    /// Drive path addressing `root:/{item-path}:` → a param in `:/...:` form.
    ItemPath { name: String, raw: String },
}

/// A function argument in a path segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunctionArg {
    /// Argument name; `None` for positional forms like `range(<address>)`.
    pub name: Option<String>,
    /// `Param` when the value is a placeholder (then `value` is the param name),
    /// else a literal as written (quotes kept: `'reviewer'`).
    pub is_param: bool,
    pub value: String,
}

/// One alternative path of an operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpPath {
    /// The request line's path as written (after the method).
    pub raw: String,
    /// Normalised template: leading `/`, no host/version, `//` collapsed, params
    /// as `{name}`; e.g. `/deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/userStatuses/{userStatusId}`.
    pub template: String,
    pub segments: Vec<Segment>,
    /// The query string as written after `?`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    pub source: Source,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamLocation {
    Path,
    Query,
    Header,
    /// Function parameter (in the path's function segment).
    Function,
    /// A member of an action's JSON body (parameter table of a POST action).
    Body,
}

/// A parameter of an operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parameter {
    pub name: String,
    pub location: ParamLocation,
    /// Graph type name, as for [`Property::type_name`]; `String` when unknown.
    #[serde(rename = "type")]
    pub type_name: String,
    pub collection: bool,
    pub required: bool,
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub possible_values: Vec<String>,
    pub source: Source,
}

/// The kind of permission a row of the permissions table is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PermissionKind {
    DelegatedWork,
    DelegatedPersonal,
    Application,
    /// Historical italic scope lines give no type: they apply to all.
    Unspecified,
}

/// Permissions of one kind (optionally for one workflow/resource sub-row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermissionSet {
    pub kind: PermissionKind,
    /// Scopes, least to most privileged as far as the page orders them.
    pub scopes: Vec<String>,
    /// False when the page says "Not supported" (then `scopes` is empty).
    pub supported: bool,
    /// Workflow / resource qualifier from sub-rows or matrix tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    pub source: Source,
}

/// A request header the page documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub name: String,
    /// Value/description cell as written (entities decoded).
    pub value: String,
    pub required: bool,
    pub source: Source,
}

/// What the request carries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub headers: Vec<Header>,
    /// The body's type when the page says "supply a JSON representation of [x]".
    #[serde(rename = "type")]
    pub type_name: Option<String>,
    #[serde(default)]
    pub collection: bool,
    /// Rows of the request-body table: properties of `type_name` for create/update,
    /// or action parameters (then `is_parameters`).
    pub properties: Vec<Property>,
    /// The table lists action/function parameters, not the properties of a type.
    #[serde(default)]
    pub is_parameters: bool,
}

/// What a successful call returns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// Status code (`200`, `201`, `204`...), from the sentence or the example.
    pub status: Option<u16>,
    /// Graph type name of the body; `None` for no body.
    #[serde(rename = "type")]
    pub type_name: Option<String>,
    pub collection: bool,
    pub source: Option<Source>,
}

/// One HTTP message of an example.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HttpMessage {
    /// Request line (`PATCH https://...`) or status line (`HTTP/1.1 200 OK`).
    pub start_line: String,
    pub headers: Vec<(String, String)>,
    /// The body text as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_text: Option<String>,
    /// The body, leniently parsed as JSON (comments, trailing commas, `...` removed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json: Option<Json>,
    /// The body holds schema-like placeholder values (`"String (timestamp)"`, `"Integer"`).
    #[serde(default)]
    pub placeholder: bool,
    /// The annotation says the body is truncated.
    #[serde(default)]
    pub truncated: bool,
    pub source: Source,
}

/// A request/response pair of the Examples section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Example {
    pub title: Option<String>,
    pub request: Option<HttpMessage>,
    pub response: Option<HttpMessage>,
}

/// One documented operation (one API page; one HTTP method).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    /// Operation name in snake_case, from the page title (`Update
    /// deviceComplianceUserStatus` → `update_device_compliance_user_status`),
    /// made unique per version at merge time.
    pub name: String,
    /// The page title as written (H1, cleaned).
    pub title: String,
    pub version: Option<Version>,
    /// `GET`, `POST`, `PATCH`, `PUT`, `DELETE`.
    pub method: String,
    pub paths: Vec<OpPath>,
    /// Path parameters (union over paths, in first-seen order), function
    /// parameters, documented query parameters, body parameters of actions.
    pub parameters: Vec<Parameter>,
    /// OData system query options the page documents (`$select`, `$filter`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub query_options: Vec<String>,
    pub permissions: Vec<PermissionSet>,
    pub request: Request,
    pub response: Response,
    pub examples: Vec<Example>,
    pub description: Option<String>,
    /// The page's request annotation says `"target": "action"`: the last
    /// segment calls a bound action or function even when written without
    /// parentheses (`GET /me/drive/recent`), so it is no navigation property.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bound_call: bool,
    pub source: Source,
}

/// The template generation a page is written in, most authoritative first:
/// where pages of one version disagree, the merge believes the newer
/// template (see `ir::merge::authority`). Decided from the page's own
/// content (its front matter), never from its path.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PageEra {
    /// Front matter with real values: the curated docs (2018 on).
    #[default]
    Current,
    /// Front matter whose values are `**TODO: ...**` placeholders: pages
    /// generated from the service metadata and never edited (the doc stubs
    /// of 2020).
    Stub,
    /// No front matter: the templates of 2015 to early 2018.
    Legacy,
}

impl PageEra {
    pub fn is_current(&self) -> bool {
        *self == PageEra::Current
    }

    /// How a diagnostic names the era.
    pub fn describe(self) -> &'static str {
        match self {
            PageEra::Current => "current page",
            PageEra::Stub => "generated doc stub",
            PageEra::Legacy => "pre-2018 page",
        }
    }
}

/// Everything one page says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageIr {
    pub file: String,
    pub kind: PageKind,
    /// The version the page shows (example URLs, folder, beta notice); `None`
    /// when it shows none (merge then uses its folder's majority).
    pub version: Option<Version>,
    pub title: Option<String>,
    /// The template generation of the page (absent in JSON: current).
    #[serde(default, skip_serializing_if = "PageEra::is_current")]
    pub era: PageEra,
    /// The page has at least one `METHOD path` line in an HTTP request block
    /// (the denominator of the operation-extraction rate).
    #[serde(default)]
    pub has_http: bool,
    /// The page's HTTP request block holds `METHOD` lines but none with a
    /// path (generator failures such as `POST ** Collection URI for x not
    /// found`): not counted in `has_http`, counted apart in the summary.
    #[serde(default)]
    pub http_garbage_only: bool,
    /// The namespace the page states (`Namespace: microsoft.graph.callRecords`,
    /// else its resource annotation's `@odata.type`): the context in which the
    /// merge resolves the page's items that have no namespace of their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    pub types: Vec<TypeDef>,
    pub enums: Vec<EnumDef>,
    pub operations: Vec<Operation>,
    pub diagnostics: Vec<Diagnostic>,
}

impl PageIr {
    /// The page `file` of `kind` with nothing read from it: no version,
    /// title, namespace, items or diagnostics, of the current template era.
    pub fn empty(file: impl Into<String>, kind: PageKind) -> PageIr {
        PageIr {
            file: file.into(),
            kind,
            version: None,
            title: None,
            era: PageEra::default(),
            has_http: false,
            http_garbage_only: false,
            namespace: None,
            types: Vec::new(),
            enums: Vec::new(),
            operations: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

/// The OData namespace of most of Graph, and of every item whose page states none.
pub const MAIN_NAMESPACE: &str = "microsoft.graph";

/// The merged API of all input pages (all versions), sorted by (version, name,
/// namespace).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Api {
    pub types: Vec<TypeDef>,
    pub enums: Vec<EnumDef>,
    pub operations: Vec<Operation>,
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
}

/// Counts printed by `graph-docgen ir` and checked by the corpus test.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub pages: usize,
    pub api_pages: usize,
    /// API pages that have at least one HTTP request line in a request block.
    pub api_pages_with_http: usize,
    /// Of those, pages that produced an operation.
    pub api_pages_with_operation: usize,
    /// Pages whose HTTP block has request lines but none with a usable path
    /// (reported as `http-request-garbage` errors; not in `api_pages_with_http`).
    #[serde(default)]
    pub api_pages_http_garbage_only: usize,
    /// Pages whose H1 is `# x resource type`.
    pub resource_pages: usize,
    /// Of those, pages that produced a type.
    pub resource_pages_with_type: usize,
    pub enum_pages: usize,
    pub types: usize,
    pub enums: usize,
    pub operations: usize,
    pub notes: usize,
    pub warnings: usize,
    pub errors: usize,
}
