//! Operation parameters: path keys (union over the alternative paths, in
//! first-seen order), function parameters (a Function parameters table, or
//! for Intune functions the Request body table "parameters that can be used
//! with this function"), documented query parameters, and the body
//! parameters of actions. Plus the OData system query options the page
//! documents (`$select`, `$filter`...).

use crate::extract::common::{properties_from_table, property_columns};
use crate::ir::model::{OpPath, ParamLocation, Parameter, Property, Source};
use crate::source::static_regex;
use crate::source::{Ctx, Page, SectionKind};

/// Path (and path-function) parameters of all paths, each once.
pub fn path_params(paths: &[OpPath]) -> Vec<Parameter> {
    let mut out: Vec<Parameter> = Vec::new();
    for p in paths {
        for (name, in_function) in super::paths::path_param_names(&p.segments) {
            if out.iter().any(|o| o.name == name) {
                continue;
            }
            out.push(Parameter {
                name: name.to_string(),
                location: if in_function {
                    ParamLocation::Function
                } else {
                    ParamLocation::Path
                },
                type_name: "String".to_string(),
                collection: false,
                required: true,
                description: None,
                possible_values: Vec::new(),
                source: p.source.clone(),
            });
        }
    }
    out
}

/// A table row property → a parameter of `location`.
pub fn from_property(p: Property, location: ParamLocation) -> Parameter {
    Parameter {
        name: p.name,
        location,
        type_name: p.type_name,
        collection: p.collection,
        required: p.required,
        description: p.description,
        possible_values: p.possible_values,
        source: p.source,
    }
}

/// Rows of the property-like tables of every section of kind `k`.
fn table_rows(page: &Page, k: SectionKind, ctx: &mut Ctx) -> Vec<Property> {
    let mut out = Vec::new();
    for s in page.sections_of(k) {
        for t in page.tables_in(s.start, s.end) {
            out.extend(properties_from_table(page, t, false, ctx));
        }
    }
    out
}

/// Function parameters of a `Function parameters` / `Parameters` section.
pub fn function_params(page: &Page, ctx: &mut Ctx) -> Vec<Property> {
    table_rows(page, SectionKind::Parameters, ctx)
}

/// Rows of the `Path parameters` section (descriptions and types for keys).
pub fn path_param_rows(page: &Page, ctx: &mut Ctx) -> Vec<Property> {
    table_rows(page, SectionKind::PathParameters, ctx)
}

/// Query parameters (tables of the query-parameters section whose names are
/// not `$` options) and the OData options the section and the request-line
/// query strings mention.
pub fn query(page: &Page, ctx: &mut Ctx) -> (Vec<Parameter>, Vec<String>) {
    let mut params = Vec::new();
    let mut options: Vec<String> = Vec::new();
    for s in page.sections_of(SectionKind::QueryParameters) {
        for t in page.tables_in(s.start, s.end) {
            if property_columns(t).is_none() {
                // `Name|Value|Description` tables: name column only.
                for row in &t.rows {
                    let name = crate::extract::common::clean_name(row.cell(0));
                    if let Some(n) = name {
                        push_query(
                            &mut params,
                            &mut options,
                            n,
                            page.source(row.line),
                            row.cells.last().map(|c| c.to_string()),
                        );
                    }
                }
                continue;
            }
            for p in properties_from_table(page, t, false, ctx) {
                if p.name.starts_with('$') {
                    push_option(&mut options, &p.name);
                } else {
                    params.push(from_property(p, ParamLocation::Query));
                }
            }
        }
        // Every option starts with `$`: lines without one skip the regex.
        for l in page.lines.range(s.start..s.end).filter(|l| l.contains('$')) {
            for m in static_regex!(r"\$(select|filter|expand|orderby|orderBy|top|skip|count|search|format|skiptoken|deltatoken)\b")
                .find_iter(l)
            {
                push_option(&mut options, m.as_str());
            }
        }
    }
    (params, options)
}

fn push_option(options: &mut Vec<String>, o: &str) {
    let o = o.to_ascii_lowercase();
    let known = matches!(
        o.as_str(),
        "$select"
            | "$filter"
            | "$expand"
            | "$orderby"
            | "$top"
            | "$skip"
            | "$count"
            | "$search"
            | "$format"
            | "$skiptoken"
            | "$deltatoken"
    );
    if known && !options.contains(&o) {
        options.push(o);
    }
}

fn push_query(
    params: &mut Vec<Parameter>,
    options: &mut Vec<String>,
    name: String,
    source: Source,
    description: Option<String>,
) {
    if name.starts_with('$') {
        push_option(options, &name);
        return;
    }
    if params.iter().any(|p| p.name == name) {
        return;
    }
    params.push(Parameter {
        name,
        location: ParamLocation::Query,
        type_name: "String".to_string(),
        collection: false,
        required: false,
        description: description.filter(|d| !d.is_empty()),
        possible_values: Vec::new(),
        source,
    });
}
