//! Pages of one version that disagree, on hand-made pages: the newest
//! template era wins (`authority`), and enums the pre-2018 pages synthesized
//! fold into the enum newer pages name (`enum_fold`).

use graph_docgen::diag::Severity;
use graph_docgen::ir::merge::merge;
use graph_docgen::ir::*;

mod common;
use common::*;

fn page(file: &str, kind: PageKind, era: PageEra) -> PageIr {
    page_ir(file, kind, Some(Version::Beta), era)
}

const LEGACY: &str = "h/2016/beta/resources/windows81CompliancePolicy.md";
const LEGACY_API: &str = "h/2017/beta/api/intune_windows81compliancepolicy_update.md";
const CURRENT: &str = "beta/resources/intune-deviceconfig-windows81compliancepolicy.md";
const CURRENT_ENUM: &str = "beta/resources/intune-deviceconfig-requiredpasswordtype.md";
const OWNER: &str = "windows81CompliancePolicy";
const SYNTH: &str = "windows81CompliancePolicyPasswordRequiredType";

/// A type whose description names its page, to tell which page won.
fn described(name: &str, resource: bool, file: &str, props: Vec<Property>) -> TypeDef {
    TypeDef {
        description: Some(format!("from {file}")),
        ..typedef(name, resource, file, props)
    }
}

/// An enum at `file:line` whose members' descriptions name the page.
fn enum_at(name: &str, file: &str, line: u32, members: &[&str]) -> EnumDef {
    let members = members
        .iter()
        .map(|m| EnumMember {
            name: m.to_string(),
            value: None,
            description: Some(format!("{m} from {file}")),
            source: src(file, line),
        })
        .collect();
    EnumDef {
        source: src(file, line),
        ..enumdef(name, file, members)
    }
}

/// What the extractor makes of a pre-2018 `String` property with possible values.
fn synthesized(name: &str, file: &str, line: u32, members: &[&str]) -> EnumDef {
    EnumDef {
        synthesized: true,
        implied: true,
        ..enum_at(name, file, line, members)
    }
}

fn property<'a>(api: &'a Api, owner: &str, name: &str) -> &'a Property {
    let t = api
        .types
        .iter()
        .find(|t| t.name == owner)
        .unwrap_or_else(|| panic!("type {owner}"));
    t.properties
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{owner}.{name}"))
}

fn enum_names(api: &Api) -> Vec<&str> {
    api.enums.iter().map(|e| e.name.as_str()).collect()
}

/// The 2016 resource page (the type's own file name) typing the property
/// with a synthesized enum, a 2017 update page doing the same, and the
/// current resource page (a workload file name) typing it `requiredPasswordType`.
fn password_pages(synth_members: &[&str]) -> Vec<PageIr> {
    let mut legacy = page(LEGACY, PageKind::Resource, PageEra::Legacy);
    legacy.types.push(described(
        OWNER,
        true,
        LEGACY,
        vec![
            prop("passwordRequiredType", SYNTH, LEGACY, 31),
            prop("osMinimumVersion", "Int32", LEGACY, 32),
        ],
    ));
    legacy
        .enums
        .push(synthesized(SYNTH, LEGACY, 31, synth_members));

    let mut update = page(LEGACY_API, PageKind::Api, PageEra::Legacy);
    update.types.push(described(
        OWNER,
        false,
        LEGACY_API,
        vec![prop("passwordRequiredType", SYNTH, LEGACY_API, 40)],
    ));
    update
        .enums
        .push(synthesized(SYNTH, LEGACY_API, 40, synth_members));

    let mut current = page(CURRENT, PageKind::Resource, PageEra::Current);
    current.types.push(described(
        OWNER,
        true,
        CURRENT,
        vec![
            prop("passwordRequiredType", "requiredPasswordType", CURRENT, 50),
            prop("osMinimumVersion", "String", CURRENT, 51),
        ],
    ));
    let mut enum_page = page(CURRENT_ENUM, PageKind::Enum, PageEra::Current);
    enum_page.enums.push(enum_at(
        "requiredPasswordType",
        CURRENT_ENUM,
        20,
        &["deviceDefault", "alphanumeric", "numeric"],
    ));
    vec![legacy, update, current, enum_page]
}

#[test]
fn the_current_page_outranks_the_legacy_home_page() {
    let api = merge(password_pages(&[
        "deviceDefault",
        "alphanumeric",
        "numeric",
    ]));
    let t = api.types.iter().find(|t| t.name == OWNER).expect("type");
    // Before eras the 2016 page won: it is a resource page named after the type.
    assert_eq!(&*t.source.file, CURRENT);
    assert_eq!(t.description.as_deref(), Some(&*format!("from {CURRENT}")));
    let os = property(&api, OWNER, "osMinimumVersion");
    assert_eq!(os.type_name, "String");
    assert_eq!(&*os.source.file, CURRENT);

    assert!(codes(&api.diagnostics, "type-conflict").is_empty());
    let superseded = codes(&api.diagnostics, "type-superseded");
    assert_eq!(superseded.len(), 1, "{superseded:#?}");
    let s = superseded[0];
    assert_eq!((s.file.as_str(), s.line), (LEGACY, 32));
    assert_eq!(s.severity, Severity::Note);
    assert!(
        s.message.contains("`Int32` on this pre-2018 page")
            && s.message.contains("`String` on the current page")
            && s.message.contains("newer template wins"),
        "{}",
        s.message
    );
    let defs = codes(&api.diagnostics, "type-definition-superseded");
    assert_eq!(defs.len(), 1, "{defs:#?}");
    assert_eq!(defs[0].file, LEGACY);
    assert!(codes(&api.diagnostics, "type-duplicate-resource").is_empty());
}

#[test]
fn within_one_era_a_conflict_stays_a_warning() {
    let a = "beta/resources/x.md";
    let b = "beta/api/x-update.md";
    let mut res = page(a, PageKind::Resource, PageEra::Current);
    res.types
        .push(described("x", true, a, vec![prop("n", "Int32", a, 5)]));
    let mut frag = page(b, PageKind::Api, PageEra::Current);
    frag.types
        .push(described("x", false, b, vec![prop("n", "Int64", b, 9)]));
    // A legacy page says a third thing: it is outranked by both.
    let c = "h/beta/resources/x.md";
    let mut old = page(c, PageKind::Resource, PageEra::Legacy);
    old.types
        .push(described("x", true, c, vec![prop("n", "String", c, 7)]));
    let api = merge(vec![old, frag, res]);
    assert_eq!(property(&api, "x", "n").type_name, "Int32");
    let conflicts = codes(&api.diagnostics, "type-conflict");
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(conflicts[0].file, b);
    assert_eq!(conflicts[0].severity, Severity::Warning);
    assert!(
        conflicts[0].message.contains("both are current pages"),
        "{}",
        conflicts[0].message
    );
    let superseded = codes(&api.diagnostics, "type-superseded");
    assert_eq!(superseded.len(), 1);
    assert_eq!(superseded[0].file, c);
}

#[test]
fn a_doc_stub_outranks_legacy_but_not_current_pages() {
    let stub = "h/stubs/resources/x.md";
    let legacy = "h/2017/beta/resources/intune_x.md";
    let mut s = page(stub, PageKind::Resource, PageEra::Stub);
    s.types.push(described(
        "x",
        true,
        stub,
        vec![prop("n", "Int64", stub, 5)],
    ));
    let mut l = page(legacy, PageKind::Resource, PageEra::Legacy);
    l.types.push(described(
        "x",
        true,
        legacy,
        vec![prop("n", "Int32", legacy, 6)],
    ));
    let api = merge(vec![l.clone(), s.clone()]);
    assert_eq!(property(&api, "x", "n").type_name, "Int64");

    let current = "beta/api/x-create.md";
    let mut c = page(current, PageKind::Api, PageEra::Current);
    c.types.push(described(
        "x",
        false,
        current,
        vec![prop("n", "Double", current, 9)],
    ));
    let api = merge(vec![l, s, c]);
    // A current request-body fragment outranks an older era's resource page
    // for the property; the type is still defined by the newest resource page.
    assert_eq!(property(&api, "x", "n").type_name, "Double");
    let x = &api.types[0];
    assert_eq!((&*x.source.file, x.from_resource_page), (stub, true));
    assert_eq!(
        x.contributors.iter().map(|s| &*s.file).collect::<Vec<_>>(),
        [stub, current, legacy]
    );
    assert_eq!(codes(&api.diagnostics, "type-superseded").len(), 2);
    assert!(codes(&api.diagnostics, "type-conflict").is_empty());
}

#[test]
fn a_synthesized_enum_with_the_same_members_is_folded() {
    let mut pages = password_pages(&["DeviceDefault", "alphanumeric", "numeric"]);
    // A legacy operation parameter typed with the synthesized enum.
    pages[1].operations.push(Operation {
        bound_call: false,
        name: "update".to_string(),
        title: "Update".to_string(),
        version: None,
        method: "PATCH".to_string(),
        paths: Vec::new(),
        parameters: vec![Parameter {
            name: "kind".to_string(),
            location: ParamLocation::Body,
            type_name: SYNTH.to_string(),
            collection: false,
            required: false,
            description: None,
            possible_values: Vec::new(),
            source: src(LEGACY_API, 60),
        }],
        query_options: Vec::new(),
        permissions: Vec::new(),
        request: Request::default(),
        response: Response::default(),
        examples: Vec::new(),
        description: None,
        source: src(LEGACY_API, 10),
    });
    let api = merge(pages);
    assert_eq!(enum_names(&api), ["requiredPasswordType"]);
    assert_eq!(api.summary.enums, 1);
    let e = &api.enums[0];
    let members: Vec<&str> = e.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(members, ["deviceDefault", "alphanumeric", "numeric"]);
    assert_eq!(
        property(&api, OWNER, "passwordRequiredType").type_name,
        "requiredPasswordType"
    );
    assert_eq!(
        api.operations[0].parameters[0].type_name,
        "requiredPasswordType"
    );
    // One enum under two names is no conflict once folded.
    assert!(codes(&api.diagnostics, "type-conflict").is_empty());
    assert_eq!(
        codes(&api.diagnostics, "type-superseded").len(),
        1,
        "Int32/String only"
    );
    let folded = codes(&api.diagnostics, "enum-folded");
    assert_eq!(folded.len(), 1, "{folded:#?}");
    let f = folded[0];
    assert_eq!(f.severity, Severity::Note);
    assert!(
        f.message
            .contains(&format!("`{SYNTH}` is `requiredPasswordType`"))
            && f.message.contains("the same members")
            && f.message.contains("`DeviceDefault` as `deviceDefault`")
            && f.message.contains("3 references re-pointed"),
        "{}",
        f.message
    );
}

#[test]
fn a_subset_is_folded_and_fills_gaps() {
    let mut pages = password_pages(&["numeric", "alphanumeric"]);
    for e in &mut pages[3].enums {
        for m in &mut e.members {
            m.description = None;
        }
    }
    let api = merge(pages);
    assert_eq!(enum_names(&api), ["requiredPasswordType"]);
    let e = &api.enums[0];
    assert_eq!(e.members.len(), 3);
    let numeric = e
        .members
        .iter()
        .find(|m| m.name == "numeric")
        .expect("numeric");
    assert_eq!(
        numeric.description.as_deref(),
        Some(&*format!("numeric from {LEGACY}"))
    );
    let folded = codes(&api.diagnostics, "enum-folded");
    assert_eq!(folded.len(), 1);
    assert!(folded[0].message.contains("a subset of its members"));
}

#[test]
fn different_members_keep_both_enums_and_warn() {
    let api = merge(password_pages(&["deviceDefault", "alphanumeric", "none"]));
    assert_eq!(enum_names(&api), ["requiredPasswordType", SYNTH]);
    // The property still follows the newest page.
    assert_eq!(
        property(&api, OWNER, "passwordRequiredType").type_name,
        "requiredPasswordType"
    );
    assert!(codes(&api.diagnostics, "enum-folded").is_empty());
    let mismatch = codes(&api.diagnostics, "enum-fold-mismatch");
    assert_eq!(mismatch.len(), 1, "{mismatch:#?}");
    assert_eq!(mismatch[0].severity, Severity::Warning);
    assert!(
        mismatch[0].message.contains("lacks: `none`; kept both"),
        "{}",
        mismatch[0].message
    );
    let superseded = codes(&api.diagnostics, "type-superseded");
    assert!(
        superseded.iter().any(|d| d
            .message
            .contains(&format!("`{SYNTH}` on this pre-2018 page"))),
        "{superseded:#?}"
    );
}

#[test]
fn two_different_replacements_keep_the_synthesized_enum() {
    let mut pages = password_pages(&["numeric", "alphanumeric"]);
    // A second owner, whose current page names another enum, uses the same
    // synthesized name on a legacy page.
    let other = "beta/resources/intune-other.md";
    let mut cur = page(other, PageKind::Resource, PageEra::Current);
    cur.types.push(described(
        "other",
        true,
        other,
        vec![prop("kind", "passwordKind", other, 5)],
    ));
    cur.enums.push(enum_at(
        "passwordKind",
        other,
        9,
        &["numeric", "alphanumeric"],
    ));
    let old = "h/2016/beta/resources/other.md";
    let mut leg = page(old, PageKind::Resource, PageEra::Legacy);
    leg.types.push(described(
        "other",
        true,
        old,
        vec![prop("kind", SYNTH, old, 5)],
    ));
    pages.push(cur);
    pages.push(leg);
    let api = merge(pages);
    assert!(enum_names(&api).contains(&SYNTH));
    let ambiguous = codes(&api.diagnostics, "enum-fold-ambiguous");
    assert_eq!(ambiguous.len(), 1, "{ambiguous:#?}");
    assert!(ambiguous[0].message.contains("`passwordKind`"));
    assert!(ambiguous[0].message.contains("`requiredPasswordType`"));
}

#[test]
fn an_enum_only_legacy_pages_use_is_kept() {
    // No newer page describes the property: nothing replaces the enum.
    let mut pages = password_pages(&["numeric", "alphanumeric"]);
    pages.truncate(2);
    let api = merge(pages);
    assert_eq!(enum_names(&api), [SYNTH]);
    assert_eq!(
        property(&api, OWNER, "passwordRequiredType").type_name,
        SYNTH
    );
    assert!(codes(&api.diagnostics, "enum-folded").is_empty());
    assert!(codes(&api.diagnostics, "enum-fold-mismatch").is_empty());
}
