//! What the merge reads from documented paths, on hand-made pages:
//! navigation properties paths state (`nav_from_paths`) and the property
//! spelling most of the docs use (`property_spelling`).

use graph_docgen::ir::merge::merge;
use graph_docgen::ir::*;

mod common;
use common::*;

fn page(file: &str, kind: PageKind) -> PageIr {
    PageIr {
        has_http: kind == PageKind::Api,
        ..page_ir(file, kind, Some(Version::V1_0), PageEra::Current)
    }
}

/// A resource page `v1.0/resources/<name>.md` defining `name` with properties.
fn resource(name: &str, base: Option<&str>, props: &[(&str, &str)]) -> PageIr {
    let file = format!("v1.0/resources/{}.md", name.to_lowercase());
    let mut p = page(&file, PageKind::Resource);
    p.types.push(TypeDef {
        base: base.map(str::to_string),
        properties: props
            .iter()
            .enumerate()
            .map(|(i, (n, t))| prop(n, t, &file, 20 + i as u32))
            .collect(),
        from_resource_page: true,
        ..TypeDef::new(name, TypeKind::Entity, src(&file, 1))
    });
    p
}

/// `/users/{id}/joinedTeams` → segments (`{x}` a key, `f(...)` a function).
fn op_path(raw: &str, file: &str, line: u32) -> OpPath {
    let segments = raw
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            if let Some(inner) = s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Segment::Param {
                    name: inner.to_string(),
                    alternatives: Vec::new(),
                    raw: s.to_string(),
                }
            } else if let Some((name, _)) = s.split_once('(') {
                Segment::Function {
                    name: name.to_string(),
                    args: Vec::new(),
                }
            } else {
                Segment::Literal {
                    name: s.to_string(),
                }
            }
        })
        .collect();
    OpPath {
        raw: raw.to_string(),
        template: raw.to_string(),
        segments,
        query: None,
        source: src(file, line),
    }
}

/// An API page `v1.0/api/<stem>.md` with one operation on `paths`.
fn api(
    stem: &str,
    method: &str,
    title: &str,
    paths: &[&str],
    returns: Option<(&str, bool)>,
) -> PageIr {
    let file = format!("v1.0/api/{stem}.md");
    let mut p = page(&file, PageKind::Api);
    p.operations.push(Operation {
        bound_call: false,
        name: title.to_lowercase().replace(' ', "_"),
        title: title.to_string(),
        version: None,
        method: method.to_string(),
        paths: paths
            .iter()
            .enumerate()
            .map(|(i, raw)| op_path(raw, &file, 30 + i as u32))
            .collect(),
        parameters: Vec::new(),
        query_options: Vec::new(),
        permissions: Vec::new(),
        request: Request::default(),
        response: Response {
            status: Some(200),
            type_name: returns.map(|(t, _)| t.to_string()),
            collection: returns.is_some_and(|(_, c)| c),
            source: None,
        },
        examples: Vec::new(),
        description: None,
        source: src(&file, 1),
    });
    p
}

fn type_of<'a>(api: &'a Api, name: &str) -> &'a TypeDef {
    api.types
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("type {name}"))
}

/// The property names of type `ty`, in order.
fn property_names<'a>(api: &'a Api, ty: &str) -> Vec<&'a str> {
    type_of(api, ty)
        .properties
        .iter()
        .map(|p| p.name.as_str())
        .collect()
}

fn property<'a>(api: &'a Api, ty: &str, name: &str) -> Option<&'a Property> {
    type_of(api, ty).properties.iter().find(|p| p.name == name)
}

/// A user, a group and a team, with pages that get them by key.
fn directory_pages() -> Vec<PageIr> {
    vec![
        resource(
            "user",
            Some("entity"),
            &[("id", "String"), ("memberOf", "directoryObject")],
        ),
        resource("group", Some("entity"), &[("id", "String")]),
        resource("chat", Some("entity"), &[("id", "String")]),
        resource("entity", None, &[("id", "String")]),
        resource("directoryObject", Some("entity"), &[]),
        api(
            "user-get",
            "GET",
            "Get user",
            &["/users/{id}", "/me"],
            Some(("user", false)),
        ),
        api(
            "user-list",
            "GET",
            "List users",
            &["/users"],
            Some(("user", true)),
        ),
    ]
}

#[test]
fn get_paths_add_navigation_properties_their_owner_lacks() {
    let mut pages = directory_pages();
    pages.push(api(
        "user-list-joinedteams",
        "GET",
        "List joinedTeams",
        &["/me/joinedTeams", "/users/{id}/joinedTeams"],
        Some(("group", true)),
    ));
    // Single response, but `/me/chats/{chat-id}` indexes the segment.
    pages.push(api(
        "chat-get",
        "GET",
        "Get chat",
        &["/me/chats/{chat-id}"],
        Some(("chat", false)),
    ));
    let api = merge(pages);

    let teams = property(&api, "user", "joinedTeams").expect("joinedTeams added");
    assert_eq!(teams.type_name, "group");
    assert!(teams.collection && teams.navigation && teams.inferred_from_path);
    assert_eq!(teams.source, src("v1.0/api/user-list-joinedteams.md", 30));
    let chats = property(&api, "user", "chats").expect("chats added");
    assert_eq!((chats.type_name.as_str(), chats.collection), ("chat", true));

    let notes = codes(&api.diagnostics, "property-from-path");
    assert_eq!(notes.len(), 2, "{notes:#?}");
    assert!(
        notes[0].message.contains("`user.chats`"),
        "{}",
        notes[0].message
    );
    assert!(
        notes[1].message.contains("(and 1 other path)"),
        "{}",
        notes[1].message
    );
    assert!(type_of(&api, "user")
        .contributors
        .iter()
        .any(|c| &*c.file == "v1.0/api/user-list-joinedteams.md"));
    // The flag is in the IR's JSON only when set.
    let json = serde_json::to_string(type_of(&api, "group")).expect("serializes");
    assert!(!json.contains("inferred_from_path"));
}

#[test]
fn nothing_is_added_where_the_docs_do_not_say_it() {
    let mut pages = directory_pages();
    pages.push(resource(
        "adminUser",
        Some("user"),
        &[("managedThings", "group")],
    ));
    let cases: &[(&str, &str, &str, &str)] = &[
        // Already a property, in other case; and one a derived type has.
        (
            "user-list-memberof",
            "GET",
            "List memberOf",
            "/users/{id}/MemberOf",
        ),
        (
            "user-list-managed",
            "GET",
            "List managedThings",
            "/users/{id}/managedThings",
        ),
        // Functions written without parentheses.
        ("user-delta", "GET", "Get delta", "/users/{id}/delta"),
        (
            "user-perm",
            "GET",
            "List permissions",
            "/users/{id}/getEffectivePermissions",
        ),
        (
            "user-fn",
            "GET",
            "Get reminders",
            "/users/{id}/reminderView",
        ),
        (
            "user-fn2",
            "GET",
            "Get reminders",
            "/users/{id}/reminderView(a='1')",
        ),
        // Not a read of a path: other verbs and methods.
        ("user-post", "POST", "Create thing", "/users/{id}/things"),
        (
            "user-check",
            "GET",
            "Check things",
            "/users/{id}/checkedThings",
        ),
        // The parent is a collection, or unknown.
        ("users-things", "GET", "List things", "/users/things"),
        ("unknown", "GET", "List things", "/nowhere/{id}/things"),
    ];
    for (stem, method, title, path) in cases {
        pages.push(api(stem, method, title, &[path], Some(("group", true))));
    }
    let mut with_params = api(
        "user-fnp",
        "GET",
        "List stuff",
        &["/users/{id}/stuff"],
        Some(("group", true)),
    );
    with_params.operations[0].parameters.push(Parameter {
        name: "x".into(),
        location: ParamLocation::Function,
        type_name: "String".into(),
        collection: false,
        required: true,
        description: None,
        possible_values: Vec::new(),
        source: src("v1.0/api/user-fnp.md", 40),
    });
    pages.push(with_params);
    let api = merge(pages);
    let user = type_of(&api, "user");
    let names: Vec<&str> = user.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["id", "memberOf"],
        "{:#?}",
        codes(&api.diagnostics, "property-from-path")
    );
    assert!(codes(&api.diagnostics, "property-from-path").is_empty());
}

#[test]
fn parents_resolve_through_single_valued_properties() {
    let pages = vec![
        resource(
            "driveItem",
            None,
            &[("id", "String"), ("workbook", "workbook")],
        ),
        resource("workbook", None, &[("names", "String")]),
        resource(
            "workbookApplication",
            None,
            &[("calculationMode", "String")],
        ),
        resource("workbookComment", None, &[("content", "String")]),
        api(
            "driveitem-get",
            "GET",
            "Get driveItem",
            &["/me/drive/items/{item-id}"],
            Some(("driveItem", false)),
        ),
        api(
            "workbookapplication-get",
            "GET",
            "Get workbookApplication",
            &["/me/drive/items/{id}/workbook/application"],
            Some(("workbookApplication", false)),
        ),
        api(
            "workbookcomment-get",
            "GET",
            "Get workbookComment",
            &["/me/drive/items/{id}/workbook/comments/{comment-id}"],
            Some(("workbookComment", false)),
        ),
    ];
    let api = merge(pages);
    let app = property(&api, "workbook", "application").expect("application");
    assert_eq!(
        (app.type_name.as_str(), app.collection),
        ("workbookApplication", false)
    );
    let comments = property(&api, "workbook", "comments").expect("comments");
    assert_eq!(
        (comments.type_name.as_str(), comments.collection),
        ("workbookComment", true)
    );
}

#[test]
fn paths_of_derived_types_resolve_to_their_base_and_disagreement_to_nothing() {
    let mut pages = vec![
        resource("deviceConfiguration", None, &[("id", "String")]),
        resource("iosConfiguration", Some("deviceConfiguration"), &[]),
        resource("assignment", None, &[("id", "String")]),
        resource("thing", None, &[("id", "String")]),
        resource("other", None, &[("id", "String")]),
    ];
    for (stem, ty) in [
        ("dc-get", "deviceConfiguration"),
        ("ios-get", "iosConfiguration"),
    ] {
        pages.push(api(
            stem,
            "GET",
            "Get configuration",
            &["/dm/configs/{id}"],
            Some((ty, false)),
        ));
    }
    pages.push(api(
        "assignment-list",
        "GET",
        "List assignments",
        &["/dm/configs/{id}/assignments"],
        Some(("assignment", true)),
    ));
    // Two pages, two unrelated answers for one path: the path stays unknown.
    for (stem, ty) in [("a-get", "thing"), ("b-get", "other")] {
        pages.push(api(stem, "GET", "Get x", &["/x/{id}"], Some((ty, false))));
    }
    pages.push(api(
        "x-list",
        "GET",
        "List parts",
        &["/x/{id}/parts"],
        Some(("assignment", true)),
    ));
    let api = merge(pages);
    assert!(property(&api, "deviceConfiguration", "assignments").is_some());
    assert!(property(&api, "iosConfiguration", "assignments").is_none());
    assert!(property(&api, "thing", "parts").is_none());
    assert!(property(&api, "other", "parts").is_none());
}

#[test]
fn the_spelling_with_the_most_evidence_wins() {
    let mut pages = vec![
        resource("team", None, &[("id", "String"), ("schedule", "schedule")]),
        resource(
            "schedule",
            None,
            &[("openshifts", "openShift"), ("timeslots", "String")],
        ),
        resource("openShift", None, &[("id", "String")]),
        api(
            "team-get",
            "GET",
            "Get team",
            &["/teams/{id}"],
            Some(("team", false)),
        ),
    ];
    for stem in ["openshift-get", "openshift-list", "openshift-delete"] {
        pages.push(api(
            stem,
            "GET",
            "Get openShift",
            &["/teams/{id}/schedule/openShifts/{open-shift-id}"],
            Some(("openShift", false)),
        ));
    }
    // One example response against the table and the JSON representation:
    // the example, the wire format, wins.
    if let Some(t) = pages[1].types.first_mut() {
        t.json_example = Some(serde_json::json!({"timeslots": [], "@odata.type": "x"}).into());
    }
    let mut get = api(
        "schedule-get",
        "GET",
        "Get schedule",
        &["/teams/{id}/schedule"],
        Some(("schedule", false)),
    );
    get.operations[0].examples.push(response_example(
        "v1.0/api/schedule-get.md",
        serde_json::json!({"timeSlots": [], "openShifts": []}),
    ));
    pages.push(get);
    let api = merge(pages);
    let names = property_names(&api, "schedule");
    assert_eq!(names, ["openShifts", "timeSlots"]);
    let notes = codes(&api.diagnostics, "property-spelling-chosen");
    assert_eq!(notes.len(), 2, "{notes:#?}");
    assert_eq!(notes[0].file, "v1.0/resources/schedule.md");
    assert!(
        notes[0].message.contains("`openShifts` in 4 places")
            && notes[0]
                .message
                .contains("path v1.0/api/openshift-delete.md:30")
            && notes[0]
                .message
                .contains("`openshifts` in 1 place (property table v1.0/resources/schedule.md:20)"),
        "{}",
        notes[0].message
    );
    // The renamed property is found as is: no navigation property is added for it.
    assert!(codes(&api.diagnostics, "property-from-path").is_empty());
}

/// An example with only a response, `200 OK` with `json`, at line 80 of `file`.
fn response_example(file: &str, json: serde_json::Value) -> Example {
    Example {
        title: None,
        request: None,
        response: Some(message("HTTP/1.1 200 OK", file, json)),
    }
}

/// An example body message of `file` at line 80.
fn message(start_line: &str, file: &str, json: serde_json::Value) -> HttpMessage {
    HttpMessage {
        start_line: start_line.into(),
        headers: Vec::new(),
        body_text: None,
        json: Some(json.into()),
        placeholder: false,
        truncated: false,
        source: src(file, 80),
    }
}

#[test]
fn nested_objects_of_example_bodies_are_evidence_through_their_types() {
    let mut pages = vec![
        resource(
            "meeting",
            None,
            &[("id", "String"), ("constraint", "timeConstraint")],
        ),
        resource("timeConstraint", None, &[("timeslots", "timeSlot")]),
        resource("timeSlot", None, &[("start", "String")]),
    ];
    // A response nests `timeSlots` one property down...
    let mut get = api(
        "meeting-get",
        "GET",
        "Get meeting",
        &["/meetings/{id}"],
        Some(("meeting", false)),
    );
    get.operations[0].examples.push(response_example(
        "v1.0/api/meeting-get.md",
        serde_json::json!({"constraint": {"timeSlots": [{"Start": "x"}]}}),
    ));
    pages.push(get);
    // ...and an action's request holds it in a typed parameter.
    let mut find = api(
        "meeting-find",
        "POST",
        "Find times",
        &["/me/findTimes"],
        None,
    );
    find.operations[0].request = Request {
        is_parameters: true,
        properties: vec![prop(
            "timeConstraint",
            "timeConstraint",
            "v1.0/api/meeting-find.md",
            40,
        )],
        ..Request::default()
    };
    find.operations[0].examples.push(Example {
        title: None,
        request: Some(message(
            "POST https://graph.microsoft.com/v1.0/me/findTimes",
            "v1.0/api/meeting-find.md",
            serde_json::json!({"timeConstraint": {"timeSlots": []}}),
        )),
        response: None,
    });
    pages.push(find);
    let api = merge(pages);
    assert!(property(&api, "timeConstraint", "timeSlots").is_some());
    // `Start` breaks Graph's lowerCamelCase: no rival to the table's `start`.
    assert!(property(&api, "timeSlot", "start").is_some());
    let notes = codes(&api.diagnostics, "property-spelling-chosen");
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert!(
        notes[0]
            .message
            .contains("example request v1.0/api/meeting-find.md:80")
            && notes[0]
                .message
                .contains("example response v1.0/api/meeting-get.md:80"),
        "{}",
        notes[0].message
    );
}

#[test]
fn navigation_properties_that_paths_index_are_collections() {
    let mut config = resource("flowConfig", None, &[("step", "String")]);
    config.types[0].kind = TypeKind::Complex;
    let mut pages = vec![
        resource(
            "message",
            None,
            &[
                ("id", "String"),
                ("replies", "message"),
                ("tags", "tag"),
                ("config", "flowConfig"),
            ],
        ),
        resource("tag", None, &[("id", "String")]),
        config,
        api(
            "message-get",
            "GET",
            "Get message",
            &["/messages/{id}"],
            Some(("message", false)),
        ),
        // A reply is addressed by key: `replies` is a collection.
        api(
            "reply-delete",
            "DELETE",
            "Delete reply",
            &["/messages/{id}/replies/{reply-id}/$ref"],
            None,
        ),
        // A placeholder after a complex-typed property names one of its
        // properties, not a key.
        api(
            "config-put",
            "PUT",
            "Put step",
            &["/messages/{id}/config/{step}/$ref"],
            None,
        ),
    ];
    // The doc stubs index every navigation property: not evidence.
    let mut stub = api(
        "tag-delete",
        "DELETE",
        "Delete tag",
        &["/messages/{id}/tags/{tag-id}"],
        None,
    );
    stub.era = PageEra::Stub;
    pages.push(stub);
    let api = merge(pages);
    let collection = |name: &str| property(&api, "message", name).map(|p| p.collection);
    assert_eq!(collection("replies"), Some(true));
    assert_eq!(collection("tags"), Some(false));
    assert_eq!(collection("config"), Some(false));
    let notes = codes(&api.diagnostics, "property-collection-from-path");
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert!(
        notes[0]
            .message
            .contains("the path at v1.0/api/reply-delete.md:30 indexes it with a key"),
        "{}",
        notes[0].message
    );
}

#[test]
fn inference_does_not_depend_on_page_order() {
    let mut pages = directory_pages();
    pages.push(api(
        "a",
        "GET",
        "List joinedTeams",
        &["/users/{id}/joinedTeams"],
        Some(("group", true)),
    ));
    pages.push(api(
        "b",
        "GET",
        "List joinedteams",
        &["/me/joinedteams"],
        Some(("group", true)),
    ));
    pages.push(api(
        "c",
        "GET",
        "List joinedTeams",
        &["/me/joinedTeams"],
        Some(("group", true)),
    ));
    let reference = serde_json::to_string(&merge(pages.clone())).expect("serializes");
    pages.reverse();
    assert_eq!(
        serde_json::to_string(&merge(pages.clone())).expect("serializes"),
        reference
    );
    let api = merge(pages);
    assert!(
        property(&api, "user", "joinedTeams").is_some(),
        "two pages against one"
    );
}

#[test]
fn a_table_row_misspelling_the_navigation_paths_state_takes_their_spelling() {
    let mut pages = vec![
        resource("team", None, &[("id", "String"), ("schedule", "schedule")]),
        resource(
            "schedule",
            None,
            &[
                ("timeoffrequest", "timeOffRequest"),
                ("transitiveMemberOf", "timeOffRequest"),
            ],
        ),
        resource("timeOffRequest", None, &[("id", "String")]),
        api(
            "team-get",
            "GET",
            "Get team",
            &["/teams/{id}"],
            Some(("team", false)),
        ),
        api(
            "timeoffrequest-list",
            "GET",
            "List timeOffRequests",
            &["/teams/{id}/schedule/timeOffRequests"],
            Some(("timeOffRequest", true)),
        ),
        // Two letters from `transitiveMemberOf`: another property, added.
        api(
            "schedule-list-transitivemembers",
            "GET",
            "List transitiveMembers",
            &["/teams/{id}/schedule/transitiveMembers"],
            Some(("timeOffRequest", true)),
        ),
    ];
    if let Some(row) = pages[1].types[0].properties.first_mut() {
        row.collection = true;
        row.description = Some("The time off requests.".into());
    }
    if let Some(row) = pages[1].types[0].properties.get_mut(1) {
        row.collection = true;
    }
    let api = merge(pages);
    let names = property_names(&api, "schedule");
    assert_eq!(
        names,
        ["timeOffRequests", "transitiveMemberOf", "transitiveMembers"]
    );
    let row = property(&api, "schedule", "timeOffRequests").expect("renamed");
    assert!(!row.inferred_from_path, "the table row, renamed");
    assert_eq!(row.description.as_deref(), Some("The time off requests."));
    let notes = codes(&api.diagnostics, "property-spelling-from-paths");
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert!(
        notes[0].message.contains("`schedule.timeoffrequest`")
            && notes[0]
                .message
                .contains("v1.0/api/timeoffrequest-list.md:30"),
        "{}",
        notes[0].message
    );
}

#[test]
fn an_example_key_misspelling_a_property_of_the_same_shape_is_its_spelling() {
    let mut pages = vec![
        resource(
            "signIn",
            None,
            &[
                ("id", "String"),
                ("appliedConditionalAccessPolicy", "appliedPolicy"),
                ("site", "site"),
            ],
        ),
        resource("appliedPolicy", None, &[("id", "String")]),
        resource("site", None, &[("id", "String")]),
    ];
    if let Some(row) = pages[0].types[0].properties.get_mut(1) {
        row.collection = true;
    }
    let mut list = api(
        "signin-list",
        "GET",
        "List signIns",
        &["/auditLogs/signIns"],
        Some(("signIn", true)),
    );
    // `size` is one letter from `site` but a number, not a site: no evidence.
    list.operations[0].examples.push(response_example(
        "v1.0/api/signin-list.md",
        serde_json::json!({"value": [{
            "id": "1",
            "appliedConditionalAccessPolicies": [{"id": "p"}],
            "size": 12
        }]}),
    ));
    pages.push(list);
    let api = merge(pages);
    let names = property_names(&api, "signIn");
    assert_eq!(names, ["id", "appliedConditionalAccessPolicies", "site"]);
    let notes = codes(&api.diagnostics, "property-spelling-chosen");
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert!(
        notes[0]
            .message
            .contains("`appliedConditionalAccessPolicies` in 1 place (example response"),
        "{}",
        notes[0].message
    );
}

#[test]
fn an_example_key_near_two_properties_is_evidence_for_neither() {
    let mut pages = vec![
        resource(
            "signIn",
            None,
            &[("appliedPolicies", "String"), ("appliedPolicys", "String")],
        ),
        api(
            "signin-list",
            "GET",
            "List signIns",
            &["/auditLogs/signIns"],
            Some(("signIn", true)),
        ),
    ];
    for row in &mut pages[0].types[0].properties {
        row.collection = true;
    }
    pages[1].operations[0].examples.push(response_example(
        "v1.0/api/signin-list.md",
        serde_json::json!({"value": [{"appliedPolicy": ["a"]}]}),
    ));
    let api = merge(pages);
    let names = property_names(&api, "signIn");
    assert_eq!(names, ["appliedPolicies", "appliedPolicys"]);
    assert!(codes(&api.diagnostics, "property-spelling-chosen").is_empty());
}
