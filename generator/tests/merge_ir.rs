//! The merge of page IRs, on hand-made pages.

use graph_docgen::diag::{Diagnostic, Severity};
use graph_docgen::ir::merge::merge;
use graph_docgen::ir::*;

mod common;
use common::*;

fn page(file: &str, kind: PageKind, version: Option<Version>) -> PageIr {
    page_ir(file, kind, version, PageEra::Current)
}

fn member(name: &str, value: Option<i64>, file: &str, line: u32) -> EnumMember {
    EnumMember {
        name: name.to_string(),
        value,
        description: None,
        source: src(file, line),
    }
}

fn operation(name: &str, file: &str) -> Operation {
    Operation {
        bound_call: false,
        name: name.to_string(),
        title: name.to_string(),
        version: None,
        method: "GET".to_string(),
        paths: Vec::new(),
        parameters: Vec::new(),
        query_options: Vec::new(),
        permissions: Vec::new(),
        request: Request::default(),
        response: Response::default(),
        examples: Vec::new(),
        description: None,
        source: src(file, 10),
    }
}

#[test]
fn page_without_version_takes_folder_majority() {
    let mut a = page("d/v1.0/api/a.md", PageKind::Api, Some(Version::V1_0));
    a.operations.push(operation("get_a", "d/v1.0/api/a.md"));
    let b = page("d/v1.0/api/b.md", PageKind::Api, Some(Version::V1_0));
    let c = page("d/v1.0/api/c.md", PageKind::Api, Some(Version::Beta));
    let mut d = page("d/v1.0/api/d.md", PageKind::Api, None);
    d.operations.push(operation("get_d", "d/v1.0/api/d.md"));
    let api = merge(vec![a, b, c, d]);
    let op = api
        .operations
        .iter()
        .find(|o| o.name == "get_d")
        .expect("get_d kept");
    assert_eq!(op.version, Some(Version::V1_0));
    let notes = codes(&api.diagnostics, "version-from-folder");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].file, "d/v1.0/api/d.md");
    assert_eq!(notes[0].severity, Severity::Note);
    assert!(api.operations.iter().all(|o| o.version.is_some()));
}

#[test]
fn folder_without_versions_falls_back_to_path() {
    let mut stub = page("history/2017-01/beta/api/x.md", PageKind::Resource, None);
    stub.types
        .push(typedef("x", true, "history/2017-01/beta/api/x.md", vec![]));
    let mut plain = page("stubs/resources/y.md", PageKind::Resource, None);
    plain
        .types
        .push(typedef("y", true, "stubs/resources/y.md", vec![]));
    let api = merge(vec![stub, plain]);
    let v = |n: &str| {
        api.types
            .iter()
            .find(|t| t.name == n)
            .and_then(|t| t.version)
    };
    assert_eq!(v("x"), Some(Version::Beta));
    assert_eq!(v("y"), Some(Version::V1_0));
    assert_eq!(codes(&api.diagnostics, "version-from-folder").len(), 2);
}

#[test]
fn folder_without_versions_asks_its_parent_before_the_path() {
    // The 2020-10 stubs: api pages show beta URLs, resource pages show nothing,
    // and no folder name says `beta`.
    let mut pages = Vec::new();
    for name in ["a", "b"] {
        pages.push(page(
            &format!("h/stubs/api/{name}.md"),
            PageKind::Api,
            Some(Version::Beta),
        ));
    }
    let mut res = page("h/stubs/resources/r.md", PageKind::Resource, None);
    res.types
        .push(typedef("r", true, "h/stubs/resources/r.md", vec![]));
    pages.push(res);
    let api = merge(pages);
    assert_eq!(api.types[0].version, Some(Version::Beta));
    let notes = codes(&api.diagnostics, "version-from-folder");
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0].message.contains("under `h/stubs`"),
        "{}",
        notes[0].message
    );
}

#[test]
fn item_version_is_kept_when_set() {
    let mut p = page(
        "v1.0/resources/x.md",
        PageKind::Resource,
        Some(Version::V1_0),
    );
    let mut t = typedef("x", true, "v1.0/resources/x.md", vec![]);
    t.version = Some(Version::Beta);
    p.types.push(t);
    let api = merge(vec![p]);
    assert_eq!(api.types[0].version, Some(Version::Beta));
}

/// A resource page and two request-body fragments of the same type.
fn user_status_pages() -> Vec<PageIr> {
    let res_file = "beta/resources/intune-status.md";
    let mut res = page(res_file, PageKind::Resource, Some(Version::Beta));
    let mut t = typedef(
        "deviceComplianceUserStatus",
        true,
        res_file,
        vec![
            prop("id", "String", res_file, 20),
            prop("status", "complianceStatus", res_file, 21),
            prop("devicesCount", "Int32", res_file, 22),
        ],
    );
    t.description = Some("Status of a user.".into());
    t.base = Some("entity".into());
    res.types.push(t);

    let create = "beta/api/intune-create.md";
    let mut c = page(create, PageKind::Api, Some(Version::Beta));
    let mut status = prop("status", "complianceStatus", create, 40);
    status.description = Some("from create".into());
    status.nullable = Some(false);
    let mut count = prop("devicesCount", "Int64", create, 41);
    count.collection = true;
    c.types.push(typedef(
        "deviceComplianceUserStatus",
        false,
        create,
        vec![
            status,
            count,
            prop("userPrincipalName", "String", create, 42),
        ],
    ));

    let update = "beta/api/intune-update.md";
    let mut u = page(update, PageKind::Api, Some(Version::Beta));
    let mut upn = prop("userPrincipalName", "String", update, 50);
    upn.description = Some("The UPN.".into());
    u.types.push(typedef(
        "DeviceComplianceUserStatus",
        false,
        update,
        vec![
            upn,
            prop("lastReportedDateTime", "DateTimeOffset", update, 51),
        ],
    ));
    vec![res, c, u]
}

#[test]
fn type_properties_are_united_with_resource_page_authoritative() {
    let api = merge(user_status_pages());
    assert_eq!(api.types.len(), 1, "{:#?}", api.types);
    let t = &api.types[0];
    assert_eq!(t.name, "deviceComplianceUserStatus");
    assert_eq!(t.version, Some(Version::Beta));
    assert_eq!(t.source, src("beta/resources/intune-status.md", 1));
    assert_eq!(t.base.as_deref(), Some("entity"));
    assert_eq!(t.description.as_deref(), Some("Status of a user."));
    let names: Vec<&str> = t.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "id",
            "status",
            "devicesCount",
            "userPrincipalName",
            "lastReportedDateTime"
        ]
    );
    let status = &t.properties[1];
    assert_eq!(status.source.line, 21, "resource page's property kept");
    assert_eq!(
        status.description.as_deref(),
        Some("from create"),
        "gap filled"
    );
    assert_eq!(status.nullable, Some(false));
    let count = &t.properties[2];
    assert_eq!(
        (count.type_name.as_str(), count.collection),
        ("Int32", false)
    );
    let upn = &t.properties[3];
    assert_eq!(
        upn.description.as_deref(),
        Some("The UPN."),
        "filled from the update page"
    );
    assert_eq!(
        t.contributors,
        vec![
            src("beta/resources/intune-status.md", 1),
            src("beta/api/intune-create.md", 1),
            src("beta/api/intune-update.md", 1),
        ]
    );
}

#[test]
fn type_conflicts_and_case_variants_are_reported() {
    let api = merge(user_status_pages());
    let conflicts = codes(&api.diagnostics, "type-conflict");
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    let c = conflicts[0];
    assert_eq!((c.file.as_str(), c.line), ("beta/api/intune-create.md", 41));
    assert_eq!(c.severity, Severity::Warning);
    assert!(c.message.contains("Int64 collection"), "{}", c.message);
    assert!(
        c.message.contains("beta/resources/intune-status.md:22"),
        "{}",
        c.message
    );
    let case = codes(&api.diagnostics, "type-name-case");
    assert_eq!(case.len(), 1, "{case:#?}");
    assert_eq!(case[0].file, "beta/api/intune-update.md");
    assert!(case[0].message.contains("`DeviceComplianceUserStatus`"));
}

#[test]
fn references_follow_the_canonical_spelling() {
    let mut pages = user_status_pages();
    let f = "beta/resources/intune-policy.md";
    let mut p = page(f, PageKind::Resource, Some(Version::Beta));
    let mut statuses = prop("userStatuses", "DeviceComplianceUserStatus", f, 30);
    statuses.collection = true;
    p.types.push(typedef(
        "policy",
        true,
        f,
        vec![statuses, prop("other", "devicecomplianceuserstatus", f, 31)],
    ));
    pages.push(p);
    let api = merge(pages);
    let policy = api
        .types
        .iter()
        .find(|t| t.name == "policy")
        .expect("policy");
    assert_eq!(policy.properties[0].type_name, "deviceComplianceUserStatus");
    assert_eq!(policy.properties[1].type_name, "deviceComplianceUserStatus");
    // Only the spelling no page defines gets its own note.
    let notes = codes(&api.diagnostics, "type-reference-case");
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert_eq!(notes[0].line, 31);
}

#[test]
fn fragment_properties_go_before_navigation_properties() {
    let r = "v1.0/resources/x.md";
    let mut res = page(r, PageKind::Resource, Some(Version::V1_0));
    let mut nav = prop("owner", "user", r, 9);
    nav.navigation = true;
    res.types
        .push(typedef("x", true, r, vec![prop("a", "String", r, 8), nav]));
    let f = "v1.0/api/x-create.md";
    let mut create = page(f, PageKind::Api, Some(Version::V1_0));
    create
        .types
        .push(typedef("x", false, f, vec![prop("b", "String", f, 20)]));
    let api = merge(vec![create, res]);
    let names: Vec<&str> = api.types[0]
        .properties
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["a", "b", "owner"]);
}

#[test]
fn two_resource_pages_for_one_type_warn() {
    let mut a = page(
        "v1.0/resources/a.md",
        PageKind::Resource,
        Some(Version::V1_0),
    );
    a.types.push(typedef(
        "x",
        true,
        "v1.0/resources/a.md",
        vec![prop("p", "String", "v1.0/resources/a.md", 5)],
    ));
    let mut b = page(
        "v1.0/resources/b.md",
        PageKind::Resource,
        Some(Version::V1_0),
    );
    b.types.push(typedef(
        "x",
        true,
        "v1.0/resources/b.md",
        vec![prop("q", "String", "v1.0/resources/b.md", 6)],
    ));
    let api = merge(vec![b, a]);
    assert_eq!(api.types.len(), 1);
    assert_eq!(&*api.types[0].source.file, "v1.0/resources/a.md");
    assert_eq!(api.types[0].properties.len(), 2);
    let dups = codes(&api.diagnostics, "type-duplicate-resource");
    assert_eq!(dups.len(), 1);
    assert_eq!(dups[0].file, "v1.0/resources/b.md");
}

#[test]
fn same_name_in_two_versions_stays_two_types() {
    let mut a = page(
        "v1.0/resources/x.md",
        PageKind::Resource,
        Some(Version::V1_0),
    );
    a.types
        .push(typedef("x", true, "v1.0/resources/x.md", vec![]));
    let mut b = page(
        "beta/resources/x.md",
        PageKind::Resource,
        Some(Version::Beta),
    );
    b.types
        .push(typedef("x", true, "beta/resources/x.md", vec![]));
    let api = merge(vec![b, a]);
    let versions: Vec<_> = api.types.iter().map(|t| t.version).collect();
    assert_eq!(versions, [Some(Version::V1_0), Some(Version::Beta)]);
    assert!(codes(&api.diagnostics, "type-duplicate-resource").is_empty());
}

#[test]
fn enum_members_are_united_and_values_filled() {
    let old = "beta/resources/intune-old-enum.md";
    let new = "beta/resources/intune-new-enum.md";
    let mut a = page(old, PageKind::Enum, Some(Version::Beta));
    a.enums.push(enumdef(
        "complianceStatus",
        old,
        vec![
            member("unknown", Some(0), old, 5),
            member("compliant", None, old, 6),
        ],
    ));
    let mut b = page(new, PageKind::Enum, Some(Version::Beta));
    b.enums.push(enumdef(
        "complianceStatus",
        new,
        vec![
            member("unknown", Some(0), new, 5),
            member("compliant", Some(2), new, 6),
            member("notAssigned", Some(3), new, 7),
        ],
    ));
    let mut c = page(
        "beta/resources/intune-third.md",
        PageKind::Enum,
        Some(Version::Beta),
    );
    c.enums.push(enumdef(
        "complianceStatus",
        "beta/resources/intune-third.md",
        vec![member(
            "compliant",
            Some(9),
            "beta/resources/intune-third.md",
            4,
        )],
    ));
    let api = merge(vec![c, b, a]);
    assert_eq!(api.enums.len(), 1);
    let e = &api.enums[0];
    let got: Vec<(&str, Option<i64>)> = e
        .members
        .iter()
        .map(|m| (m.name.as_str(), m.value))
        .collect();
    // Sources sort `intune-new` < `intune-old` < `intune-third`.
    assert_eq!(
        got,
        [
            ("unknown", Some(0)),
            ("compliant", Some(2)),
            ("notAssigned", Some(3))
        ]
    );
    let conflicts = codes(&api.diagnostics, "enum-value-conflict");
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(conflicts[0].file, "beta/resources/intune-third.md");
}

#[test]
fn old_enum_page_first_then_newer_members_appended() {
    let a_file = "v1.0/resources/a-enum.md";
    let b_file = "v1.0/resources/b-enum.md";
    let mut a = page(a_file, PageKind::Enum, Some(Version::V1_0));
    a.enums.push(enumdef(
        "s",
        a_file,
        vec![member("x", None, a_file, 3), member("y", None, a_file, 4)],
    ));
    let mut b = page(b_file, PageKind::Enum, Some(Version::V1_0));
    b.enums.push(enumdef(
        "s",
        b_file,
        vec![
            member("y", Some(1), b_file, 3),
            member("x", Some(0), b_file, 4),
            member("notAssigned", Some(2), b_file, 5),
        ],
    ));
    let api = merge(vec![b, a]);
    let got: Vec<(&str, Option<i64>)> = api.enums[0]
        .members
        .iter()
        .map(|m| (m.name.as_str(), m.value))
        .collect();
    assert_eq!(
        got,
        [("x", Some(0)), ("y", Some(1)), ("notAssigned", Some(2))]
    );
}

#[test]
fn possible_values_extend_known_enums_only() {
    let f = "v1.0/resources/device.md";
    let mut p = page(f, PageKind::Resource, Some(Version::V1_0));
    let mut state = prop("state", "complianceStatus", f, 12);
    state.possible_values = vec!["unknown".into(), "inGracePeriod".into()];
    let mut plain = prop("kind", "String", f, 13);
    plain.possible_values = vec!["a".into(), "b".into()];
    p.types.push(typedef("device", true, f, vec![state, plain]));
    let e_file = "v1.0/resources/compliancestatus.md";
    let mut e = page(e_file, PageKind::Enum, Some(Version::V1_0));
    e.enums.push(enumdef(
        "complianceStatus",
        e_file,
        vec![member("unknown", Some(0), e_file, 5)],
    ));
    let api = merge(vec![p, e]);
    assert_eq!(api.enums.len(), 1);
    let names: Vec<&str> = api.enums[0]
        .members
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(names, ["unknown", "inGracePeriod"]);
    assert_eq!(api.enums[0].members[1].source, src(f, 12));
    let notes = codes(&api.diagnostics, "enum-member-from-prose");
    assert_eq!(notes.len(), 1);
    assert!(notes[0].message.contains("`inGracePeriod`"));
    let device = &api.types[0];
    assert_eq!(device.properties[1].type_name, "String");
}

#[test]
fn operation_names_are_unique_per_version() {
    let mut pages = Vec::new();
    for (file, v) in [
        ("v1.0/api/z-get.md", Version::V1_0),
        ("v1.0/api/a-get.md", Version::V1_0),
        ("beta/api/a-get.md", Version::Beta),
    ] {
        let mut p = page(file, PageKind::Api, Some(v));
        p.has_http = true;
        p.operations.push(operation("get_thing", file));
        pages.push(p);
    }
    let api = merge(pages);
    let got: Vec<(Option<Version>, &str, &str)> = api
        .operations
        .iter()
        .map(|o| (o.version, o.name.as_str(), &*o.source.file))
        .collect();
    assert_eq!(
        got,
        [
            (Some(Version::V1_0), "get_thing", "v1.0/api/a-get.md"),
            (Some(Version::V1_0), "get_thing2", "v1.0/api/z-get.md"),
            (Some(Version::Beta), "get_thing", "beta/api/a-get.md"),
        ]
    );
    let renamed = codes(&api.diagnostics, "operation-renamed");
    assert_eq!(renamed.len(), 1);
    assert_eq!(renamed[0].file, "v1.0/api/z-get.md");
    assert!(renamed[0].message.contains("v1.0/api/a-get.md:10"));
}

#[test]
fn summary_counts_pages_items_and_diagnostics() {
    let mut pages = user_status_pages();
    let mut with_http = page("beta/api/intune-get.md", PageKind::Api, Some(Version::Beta));
    with_http.has_http = true;
    with_http
        .operations
        .push(operation("get_x", "beta/api/intune-get.md"));
    let mut no_op = page(
        "beta/api/intune-list.md",
        PageKind::Api,
        Some(Version::Beta),
    );
    no_op.has_http = true;
    no_op.diagnostics.push(Diagnostic::error(
        "bad-request-line",
        "beta/api/intune-list.md",
        3,
        "garbage",
    ));
    let empty_resource = page(
        "beta/resources/intune-empty.md",
        PageKind::Resource,
        Some(Version::Beta),
    );
    let enum_page = page(
        "beta/resources/intune-enum.md",
        PageKind::Enum,
        Some(Version::Beta),
    );
    pages.extend([with_http, no_op, empty_resource, enum_page]);
    let api = merge(pages);
    let s = &api.summary;
    assert_eq!(s.pages, 7);
    assert_eq!(s.api_pages, 4);
    assert_eq!(s.api_pages_with_http, 2);
    assert_eq!(s.api_pages_with_operation, 1);
    assert_eq!(s.resource_pages, 2);
    assert_eq!(s.resource_pages_with_type, 1);
    assert_eq!(s.enum_pages, 1);
    assert_eq!((s.types, s.enums, s.operations), (1, 0, 1));
    assert_eq!(s.errors, 1);
    assert_eq!(s.warnings, 2, "{:#?}", api.diagnostics);
    assert_eq!(s.notes, 0);
    let mut sorted = api.diagnostics.clone();
    sorted.sort();
    assert_eq!(sorted, api.diagnostics);
}

#[test]
fn merging_shuffled_pages_gives_identical_api() {
    let mut pages = user_status_pages();
    for i in 0..12u32 {
        let folder = if i % 3 == 0 { "v1.0/api" } else { "beta/api" };
        let file = format!("{folder}/p{}.md", (i * 7) % 12);
        let mut p = page(
            &file,
            PageKind::Api,
            if i % 4 == 0 {
                None
            } else {
                Some(Version::Beta)
            },
        );
        p.has_http = true;
        p.operations.push(operation(
            if i % 2 == 0 {
                "list_things"
            } else {
                "get_thing"
            },
            &file,
        ));
        p.types.push(typedef(
            "thing",
            i % 5 == 0,
            &file,
            vec![prop(
                "p",
                if i % 2 == 0 { "String" } else { "Int32" },
                &file,
                i,
            )],
        ));
        p.enums.push(enumdef(
            "e",
            &file,
            vec![member(&format!("m{}", i % 3), Some(i64::from(i)), &file, i)],
        ));
        pages.push(p);
    }
    let reference = merge(pages.clone());
    let json = serde_json::to_string(&reference).expect("serializes");
    // Several distinct permutations: reversed and a few strides.
    let n = pages.len();
    let mut orders: Vec<Vec<usize>> = vec![(0..n).rev().collect()];
    for stride in [2usize, 7, 11] {
        orders.push((0..n).map(|i| (i * stride + 3) % n).collect());
    }
    for order in orders {
        let mut seen = order.clone();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), n, "a permutation");
        let shuffled: Vec<PageIr> = order.iter().map(|&i| pages[i].clone()).collect();
        let api = merge(shuffled);
        assert_eq!(serde_json::to_string(&api).expect("serializes"), json);
    }
    assert!(reference.operations.iter().any(|o| o.name == "get_thing2"));
}

#[test]
fn types_of_two_namespaces_stay_apart_and_unqualified_items_resolve_to_their_page() {
    let cr = "microsoft.graph.callRecords";
    let f_main = "v1.0/resources/endpoint.md";
    let f_cr = "v1.0/resources/callrecords-endpoint.md";
    let f_frag = "v1.0/api/callrecords-x.md";
    let mut main = page(f_main, PageKind::Resource, Some(Version::V1_0));
    let mut t = typedef(
        "endpoint",
        true,
        f_main,
        vec![prop("a", "String", f_main, 5)],
    );
    t.namespace = Some(MAIN_NAMESPACE.to_string());
    main.types.push(t);
    let mut calls = page(f_cr, PageKind::Resource, Some(Version::V1_0));
    calls.namespace = Some(cr.to_string());
    let mut t = typedef(
        "endpoint",
        true,
        f_cr,
        vec![prop("userAgent", "userAgent", f_cr, 5)],
    );
    t.namespace = Some(cr.to_string());
    calls.types.push(t);
    // A fragment without a namespace of its own, on a callRecords page.
    let mut frag = page(f_frag, PageKind::Api, Some(Version::V1_0));
    frag.namespace = Some(cr.to_string());
    frag.types.push(typedef(
        "endpoint",
        false,
        f_frag,
        vec![prop("b", "String", f_frag, 9)],
    ));
    // Nor on a page that states none: microsoft.graph.
    let f_other = "v1.0/api/other.md";
    let mut other = page(f_other, PageKind::Api, Some(Version::V1_0));
    other.types.push(typedef(
        "endpoint",
        false,
        f_other,
        vec![prop("c", "String", f_other, 9)],
    ));
    let api = merge(vec![main, calls, frag, other]);
    assert_eq!(api.types.len(), 2, "{:#?}", api.types);
    let names = |ns: &str| -> Vec<String> {
        api.types
            .iter()
            .find(|t| t.namespace.as_deref() == Some(ns))
            .map(|t| t.properties.iter().map(|p| p.name.clone()).collect())
            .unwrap_or_default()
    };
    assert_eq!(names(MAIN_NAMESPACE), vec!["a", "c"]);
    assert_eq!(names(cr), vec!["userAgent", "b"]);
}

#[test]
fn json_only_properties_a_base_has_are_dropped_and_tables_win() {
    let f_base = "v1.0/resources/base.md";
    let f_kid = "v1.0/resources/kid.md";
    let mut base = page(f_base, PageKind::Resource, Some(Version::V1_0));
    base.types.push(typedef(
        "base",
        true,
        f_base,
        vec![prop("shared", "Int64", f_base, 5)],
    ));
    let mut kid_page = page(f_kid, PageKind::Resource, Some(Version::V1_0));
    let json = |name: &str, ty: &str| Property {
        from_json: true,
        ..prop(name, ty, f_kid, 30)
    };
    let mut kid = typedef(
        "kid",
        true,
        f_kid,
        vec![
            json("shared", "Int32"),
            json("own", "String"),
            json("fixed", "Int32"),
        ],
    );
    kid.base = Some("base".to_string());
    kid_page.types.push(kid);
    // A request-body table elsewhere types `fixed`: the table wins.
    let f_api = "v1.0/api/kid-update.md";
    let mut api_page = page(f_api, PageKind::Api, Some(Version::V1_0));
    api_page.types.push(typedef(
        "kid",
        false,
        f_api,
        vec![prop("fixed", "Double", f_api, 12)],
    ));
    let api = merge(vec![base, kid_page, api_page]);
    let kid = api.types.iter().find(|t| t.name == "kid").expect("kid");
    let got: Vec<(&str, &str, bool)> = kid
        .properties
        .iter()
        .map(|p| (p.name.as_str(), p.type_name.as_str(), p.from_json))
        .collect();
    assert_eq!(
        got,
        vec![("own", "String", true), ("fixed", "Double", false)]
    );
    assert_eq!(
        codes(&api.diagnostics, "property-from-json-inherited").len(),
        1
    );
    assert!(codes(&api.diagnostics, "type-conflict").is_empty());
}

#[test]
fn string_properties_take_the_one_declared_enum_their_values_name() {
    let f = "v1.0/resources/attendee.md";
    let f_enums = "v1.0/resources/enums.md";
    let mut p = page(f, PageKind::Resource, Some(Version::V1_0));
    let with_values = |name: &str, values: &[&str], line: u32| Property {
        possible_values: values.iter().map(|v| v.to_string()).collect(),
        ..prop(name, "String", f, line)
    };
    p.types.push(typedef(
        "attendee",
        true,
        f,
        vec![
            with_values("type", &["Required", "optional", "resource"], 5),
            with_values("state", &["a", "b"], 6),
            with_values("free", &["x", "y"], 7),
            with_values("mode", &["on", "unknownFutureValue"], 8),
        ],
    ));
    let mut e = page(f_enums, PageKind::Enum, Some(Version::V1_0));
    let members = |names: &[&str]| -> Vec<EnumMember> {
        names.iter().map(|n| member(n, None, f_enums, 3)).collect()
    };
    e.enums.push(enumdef(
        "attendeeType",
        f_enums,
        members(&["required", "optional", "resource", "unknownFutureValue"]),
    ));
    e.enums
        .push(enumdef("oneAb", f_enums, members(&["a", "b"])));
    e.enums
        .push(enumdef("twoAb", f_enums, members(&["b", "a"])));
    e.enums.push(enumdef(
        "switch",
        f_enums,
        members(&["on", "unknownFutureValue"]),
    ));
    let api = merge(vec![p, e]);
    let t = api
        .types
        .iter()
        .find(|t| t.name == "attendee")
        .expect("attendee");
    let ty = |n: &str| {
        t.properties
            .iter()
            .find(|p| p.name == n)
            .map(|p| p.type_name.clone())
            .unwrap_or_default()
    };
    assert_eq!(ty("type"), "attendeeType", "case and the sentinel ignored");
    assert_eq!(ty("state"), "String", "ambiguous: two enums");
    assert_eq!(ty("free"), "String", "no enum");
    assert_eq!(ty("mode"), "switch", "one value and the sentinel");
    assert_eq!(codes(&api.diagnostics, "property-retyped-enum").len(), 2);
    assert_eq!(codes(&api.diagnostics, "property-enum-ambiguous").len(), 1);
    // The prose spelling `Required` is the declared `required`, not a new member.
    let e = api
        .enums
        .iter()
        .find(|e| e.name == "attendeeType")
        .expect("enum");
    assert_eq!(e.members.len(), 4);
}

#[test]
fn declared_members_win_over_prose_spellings_in_any_file_order() {
    let f_prose = "v1.0/resources/a-prose.md";
    let f_decl = "v1.0/resources/z-enums.md";
    let mut prose = page(f_prose, PageKind::Resource, Some(Version::V1_0));
    let mut implied = enumdef(
        "status",
        f_prose,
        vec![member("NotStarted", None, f_prose, 4)],
    );
    implied.implied = true;
    prose.enums.push(implied);
    let mut decl = page(f_decl, PageKind::Enum, Some(Version::V1_0));
    decl.enums.push(enumdef(
        "status",
        f_decl,
        vec![member("notStarted", Some(0), f_decl, 9)],
    ));
    let api = merge(vec![prose, decl]);
    let e = &api.enums[0];
    let names: Vec<&str> = e.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, vec!["notStarted"]);
    assert!(!e.implied);
    assert_eq!(codes(&api.diagnostics, "enum-member-case").len(), 1);
}
