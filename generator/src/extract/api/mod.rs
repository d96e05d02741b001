//! API pages → [`Operation`]s (one per HTTP method of the page) and the type
//! fragments their request bodies describe.
//!
//! The page's parts are read once, each by its own module:
//! - [`request_lines`]: `METHOD path` lines of the HTTP-request section;
//! - [`paths`]: each path → typed segments, template, query;
//! - [`permissions`]: every permissions form;
//! - [`request`]: request headers and body (type, rows, parameters or not);
//! - [`params`]: path, function, query and body parameters;
//! - [`examples`]: request/response pairs;
//! - [`response`]: status, type, collection.
//!
//! Then one [`Operation`] is assembled per method, in first-seen order (a
//! page with PATCH and PUT lines gives two operations).

pub mod examples;
pub mod params;
pub mod paths;
pub mod permissions;
pub mod request;
pub mod request_lines;
pub mod response;

use crate::diag::Diagnostic;
use crate::extract::common::primitive;
use crate::ir::model::{
    FunctionArg, OpPath, Operation, ParamLocation, Parameter, Segment, TypeDef, TypeKind, Version,
};
use crate::ir::naming;
use crate::source::static_regex;
use crate::source::text::{contains_ci, trim};
use crate::source::{Ctx, Page, SectionKind};
use std::borrow::Cow;

/// What the API extractor found on a page.
#[derive(Debug, Default)]
pub struct ApiPage {
    pub operations: Vec<Operation>,
    /// Type fragments from create/update request-body tables.
    pub types: Vec<TypeDef>,
    /// The page has at least one `METHOD path` line in an HTTP-request block.
    pub has_http: bool,
    /// Enums implied by the body table's "Possible values" prose (a row typed
    /// `complianceStatus` with its values; on historical pages a `String` row,
    /// as on resource pages: see `enums::enums_from_properties`).
    pub enums: Vec<crate::ir::model::EnumDef>,
}

/// The facts about an operation that decide how its body rows are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestShape {
    pub method: String,
    /// Every path ends in an action name (see [`request::is_action_path`]).
    pub all_paths_action: bool,
    /// The title says create/add/upload (a POST that creates).
    pub create_title: bool,
    /// The page documents a function (title, prose or a parameters section).
    pub function: bool,
}

/// Whether the page has a request line with a path (the extraction-rate
/// denominator). Generator-failure lines (`POST ** Collection URI for x not
/// found`, 15 HEAD pages and 1,181 stubs) name no path: they are reported
/// as errors but do not make a page an API page.
/// Every `METHOD ...` line of the page's HTTP request sections, garbage included.
pub fn request_lines_of(page: &Page) -> Vec<request_lines::RequestLine> {
    request_lines::request_lines(page)
}

pub fn has_http(page: &Page) -> bool {
    has_path_line(&request_lines::request_lines(page))
}

fn has_path_line(lines: &[request_lines::RequestLine]) -> bool {
    lines.iter().any(|l| !paths::is_garbage(&l.path))
}

/// Operation name from the title: `(deprecated)`-style notes and
/// `function`/`action` suffixes removed, `: ` joins words, snake_case.
/// Falls back to the file name.
pub fn operation_name(title: Option<&str>, file: &str) -> String {
    let from_title = title.map(|t| {
        // Each regex needs a literal most titles lack (`(`; the suffix words
        // in any case): checked first, as the regexes run on every page.
        let t = if t.contains('(') {
            static_regex!(r"\([^)]*\)").replace_all(t, " ")
        } else {
            Cow::Borrowed(t)
        };
        let t = t.trim();
        let suffix = !t.is_ascii()
            || ["function", "action", "method"]
                .iter()
                .any(|w| contains_ci(t, w));
        let t = if suffix {
            static_regex!(r"(?i)\s+(function|action|method)\s*$").replace(t, "")
        } else {
            Cow::Borrowed(t)
        };
        naming::snake_name(&t)
    });
    match from_title.filter(|n| n != "unnamed" && !n.is_empty()) {
        Some(n) => n,
        None => {
            let stem = file
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(file)
                .trim_end_matches(".md")
                .trim_end_matches(".txt");
            naming::snake_name(stem)
        }
    }
}

/// The page description: the first paragraph after the H1 that is not a
/// note, a namespace line or an include.
fn description(page: &Page) -> Option<String> {
    let start = page.title_line.map(|l| l + 1).unwrap_or(0);
    let end = page
        .sections
        .iter()
        .find(|s| s.heading.level > 1 && s.heading.line >= start)
        .map(|s| s.heading.line)
        .unwrap_or(page.lines.len());
    page.first_paragraph_in(start, end, |p| {
        !p.starts_with('>') && !p.starts_with("**Note") && !p.starts_with('`')
    })
}

/// Whether the page documents a function (`body_paragraphs`: those of the
/// Request body section).
fn is_function_page(page: &Page, body_paragraphs: &[(usize, String)]) -> bool {
    let title_fn = page
        .title
        .as_deref()
        .is_some_and(|t| static_regex!(r"(?i)\bfunction\s*$").is_match(t));
    let body_fn = body_paragraphs.iter().any(|(_, p)| {
        static_regex!(r"(?i)used with this function|query parameters with values").is_match(p)
    });
    title_fn || body_fn
}

/// `Create x`, `Add x`, `Upload x`, `Post x`: a POST that creates.
fn is_create_title(title: Option<&str>) -> bool {
    title.is_some_and(|t| {
        static_regex!(r"(?i)^\s*(create|add|upload|post|new|assign\s+a)\b").is_match(t)
    })
}

/// Extract the operations of an API page.
pub fn extract_api(page: &Page, version: Option<Version>, ctx: &mut Ctx) -> ApiPage {
    let lines = request_lines::request_lines(page);
    let mut out = ApiPage {
        has_http: has_path_line(&lines),
        ..ApiPage::default()
    };
    if lines.is_empty() {
        return out;
    }
    // Parse every line; group the paths by method in first-seen order.
    let mut groups: Vec<(String, Vec<OpPath>)> = Vec::new();
    let mut path_versions: Vec<Version> = Vec::new();
    for rl in &lines {
        match paths::parse_path(&rl.path, page.source(rl.line)) {
            Ok(parsed) => {
                for (code, msg) in &parsed.notes {
                    if *code == "request-line-trailing-text" {
                        // The rest of the path may be lost: worth a look.
                        ctx.warning(rl.line, code, msg.clone());
                    } else {
                        ctx.note(rl.line, code, msg.clone());
                    }
                }
                path_versions.extend(parsed.version);
                let idx = match groups.iter().position(|(m, _)| *m == rl.method) {
                    Some(i) => i,
                    None => {
                        groups.push((rl.method.clone(), Vec::new()));
                        groups.len() - 1
                    }
                };
                if let Some((_, ps)) = groups.get_mut(idx) {
                    if !ps
                        .iter()
                        .any(|p| p.template == parsed.path.template && p.query == parsed.path.query)
                    {
                        ps.push(parsed.path);
                    }
                }
            }
            Err(paths::PathError(msg)) => {
                ctx.diags.push(Diagnostic::error(
                    "http-request-garbage",
                    &page.file,
                    page.orig_line(rl.line),
                    format!("{} {msg}; request line skipped", rl.method),
                ));
            }
        }
    }
    let version = version.or_else(|| path_versions.first().copied());
    let title = page.title.clone().unwrap_or_default();
    let base_name = operation_name(page.title.as_deref(), &page.file);
    let description = description(page);
    let mut perms = permissions::permissions(page, ctx);
    let mut headers = request::headers(page);
    let ex = examples::examples(page, ctx);
    let mut resp = response::response(page, &ex.examples, &ex.response_annotations);
    let mut examples = ex.examples;
    let (query_params, mut query_options) = params::query(page, ctx);
    let function_rows = params::function_params(page, ctx);
    let path_rows = params::path_param_rows(page, ctx);
    // Read once: the function test and every method's body read them.
    let body_paragraphs = page
        .section(SectionKind::RequestBody)
        .map(|s| page.paragraphs_in(s.start, s.end))
        .unwrap_or_default();
    let function = is_function_page(page, &body_paragraphs) || !function_rows.is_empty();
    let create_title = is_create_title(page.title.as_deref());
    let example_lines: Vec<String> = examples
        .iter()
        .filter_map(|e| e.request.as_ref().map(|r| r.start_line.clone()))
        .collect();
    let many = groups.len() > 1;
    let n_groups = groups.len();
    for (k, (method, mut op_paths)) in groups.into_iter().enumerate() {
        // The page-wide parts are copied into every operation but the last,
        // which takes them (most pages have one operation: no copies).
        let last = k + 1 == n_groups;
        let shape = RequestShape {
            all_paths_action: op_paths
                .iter()
                .all(|p| request::is_action_path(&p.segments)),
            method: method.clone(),
            create_title,
            function,
        };
        let mut req = request::body(page, &body_paragraphs, &shape, ctx);
        req.headers = take_or_clone(&mut headers, last);
        let owner = if req.is_parameters {
            String::new()
        } else {
            req.type_name.clone().unwrap_or_default()
        };
        super::enums::enums_from_properties(
            page,
            &owner,
            &mut req.properties,
            version,
            &mut out.enums,
        );
        // Function parameters: the Function parameters table, else (Intune)
        // the request-body table of a GET function.
        let mut fn_params: Vec<Parameter> = Vec::new();
        let fn_location = if method == "GET" || function && method != "POST" {
            ParamLocation::Function
        } else {
            ParamLocation::Body
        };
        for p in &function_rows {
            fn_params.push(params::from_property(p.clone(), fn_location));
        }
        if req.is_parameters {
            for p in &req.properties {
                if !fn_params.iter().any(|f| f.name == p.name) {
                    fn_params.push(params::from_property(p.clone(), fn_location));
                }
            }
            if method == "GET" {
                // A GET has no body: the rows are the function's arguments.
                req.properties.clear();
            }
        }
        if fn_location == ParamLocation::Function && !fn_params.is_empty() {
            for p in &mut op_paths {
                add_function_args(p, &fn_params, &example_lines, ctx);
            }
        }
        let mut parameters = params::path_params(&op_paths);
        // `Path parameters` rows describe the keys.
        for p in parameters.iter_mut() {
            if let Some(row) = path_rows
                .iter()
                .find(|r| r.name.eq_ignore_ascii_case(&p.name))
            {
                p.description = row.description.clone();
                if primitive(&row.type_name).is_some() {
                    p.type_name = row.type_name.clone();
                }
            }
        }
        for f in fn_params {
            match parameters
                .iter_mut()
                .find(|p| p.name.eq_ignore_ascii_case(&f.name))
            {
                // A function argument already in the path: the table types it.
                Some(p) => {
                    p.type_name = f.type_name;
                    p.collection = f.collection;
                    p.description = f.description;
                    p.possible_values = f.possible_values;
                }
                None => parameters.push(f),
            }
        }
        for q in &query_params {
            if !parameters.iter().any(|p| p.name == q.name) {
                parameters.push(q.clone());
            }
        }
        let name = if many && k > 0 {
            format!("{base_name}_{}", method.to_ascii_lowercase())
        } else {
            base_name.clone()
        };
        let source = op_paths
            .first()
            .map(|p| p.source.clone())
            .unwrap_or_else(|| page.source(0));
        if op_paths.is_empty() {
            continue;
        }
        if fragment_wanted(&method, &req) {
            if let Some(t) = body_fragment(page, &req, &examples, version, &source) {
                if !out.types.iter().any(|x| x.name == t.name) {
                    out.types.push(t);
                }
            }
        }
        out.operations.push(Operation {
            name,
            title: title.clone(),
            version,
            method,
            paths: op_paths,
            parameters,
            query_options: take_or_clone(&mut query_options, last),
            permissions: take_or_clone(&mut perms, last),
            request: req,
            response: take_or_clone(&mut resp, last),
            examples: take_or_clone(&mut examples, last),
            description: description.clone(),
            bound_call: request_targets_action(page),
            source,
        });
    }
    out
}

/// Whether a request annotation of the page says `"target": "action"`
/// (drive pages mark `GET /me/drive/recent` so: a function without parentheses).
fn request_targets_action(page: &Page) -> bool {
    page.annotations
        .iter()
        .any(|a| a.block_type.as_deref() == Some("request") && a.str("target") == Some("action"))
}

/// `v` itself when `last` (it is not needed again), else a copy.
fn take_or_clone<T: Clone + Default>(v: &mut T, last: bool) -> T {
    if last {
        std::mem::take(v)
    } else {
        v.clone()
    }
}

/// Create/update bodies typed X whose rows are X's properties.
fn fragment_wanted(method: &str, req: &crate::ir::model::Request) -> bool {
    matches!(method, "PATCH" | "PUT" | "POST")
        && !req.is_parameters
        && req.type_name.is_some()
        && !req.properties.is_empty()
}

/// The request body table as a fragment of its type, for the merge.
fn body_fragment(
    page: &Page,
    req: &crate::ir::model::Request,
    examples: &[crate::ir::model::Example],
    version: Option<Version>,
    source: &crate::ir::Source,
) -> Option<TypeDef> {
    let name = req.type_name.clone()?;
    if primitive(&name).is_some() || !request::rows_are_properties_of(page, &name) {
        return None;
    }
    let nested = nested_only_keys(examples);
    let mut rows = req.properties.clone();
    rows.retain(|p| !nested.contains(&p.name));
    let at = req
        .properties
        .first()
        .map_or_else(|| source.clone(), |p| p.source.clone());
    Some(TypeDef {
        version,
        properties: rows,
        ..TypeDef::new(name, TypeKind::Entity, at)
    })
}

/// Keys that the page's request example shows only inside nested objects,
/// never at the top level. A body table that lists such keys beside the
/// type's own properties (agreement-post-agreements.md lists `fileName`,
/// `language` of the `files` it creates) describes the nested object there:
/// those rows are not properties of the body's type.
fn nested_only_keys(examples: &[crate::ir::model::Example]) -> std::collections::BTreeSet<String> {
    fn collect_nested(v: &crate::ir::json::Json, out: &mut std::collections::BTreeSet<String>) {
        match v {
            crate::ir::json::Json::Object(m) => {
                for (k, inner) in m {
                    out.insert(k.clone());
                    collect_nested(inner, out);
                }
            }
            crate::ir::json::Json::Array(items) => {
                items.iter().for_each(|i| collect_nested(i, out))
            }
            _ => {}
        }
    }
    let body = examples
        .iter()
        .filter_map(|e| e.request.as_ref())
        .filter(|r| !r.placeholder)
        .find_map(|r| r.json.as_ref().and_then(|j| j.as_object()));
    let Some(body) = body else {
        return Default::default();
    };
    let mut nested = std::collections::BTreeSet::new();
    for v in body.values() {
        collect_nested(v, &mut nested);
    }
    nested.retain(|k| !body.contains_key(k));
    nested
}

/// Intune functions list no arguments in the request line
/// (`GET .../getAuditActivityTypes`) but their example calls
/// `getAuditActivityTypes(category='parameterValue')`: then the last literal
/// becomes a function segment with the table's parameters, so the client
/// builds the real URL. Without such an example (`/root/delta` documents
/// `token` but calls `delta?token=`) the path is left alone.
fn add_function_args(
    p: &mut OpPath,
    fn_params: &[Parameter],
    example_lines: &[String],
    ctx: &mut Ctx,
) {
    if p.segments
        .iter()
        .any(|s| matches!(s, Segment::Function { .. }))
    {
        return;
    }
    let Some(Segment::Literal { name }) = p.segments.last().cloned() else {
        return;
    };
    let called = format!("/{name}(");
    if !example_lines.iter().any(|l| l.contains(&called)) {
        return;
    }
    let args = fn_params
        .iter()
        .map(|f| FunctionArg {
            name: Some(f.name.clone()),
            is_param: true,
            value: paths::ident_of(&f.name),
        })
        .collect();
    if let Some(last) = p.segments.last_mut() {
        *last = Segment::Function {
            name: name.clone(),
            args,
        };
    }
    p.template = paths::render_template(&p.segments);
    ctx.diags.push(Diagnostic::note(
        "function-args-from-table",
        &p.source.file,
        p.source.line,
        format!(
            "function `{}` has no arguments in the request line; arguments taken from the parameters table: {}",
            trim(&name),
            p.template
        ),
    ));
}
