//! The API fixtures (`docs-input/fixtures/api-*.md`): variants the seeds do
//! not show. Snapshots pin the whole view; the asserts name what matters.

use graph_docgen::extract::extract_page;
use graph_docgen::ir::model::{PageIr, ParamLocation, PermissionKind, Segment};
use std::path::Path;

fn fixture(name: &str) -> PageIr {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs-input/fixtures")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_default();
    assert!(!bytes.is_empty(), "{name} is missing");
    extract_page(&format!("docs-input/fixtures/{name}"), &bytes)
}

fn view(p: &PageIr) -> serde_json::Value {
    serde_json::json!({
        "has_http": p.has_http,
        "operations": p.operations,
        "body_fragments": p.types,
        "diagnostics": p.diagnostics.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
    })
}

#[test]
fn photo_variants_paths_permissions_examples() {
    let p = fixture("api-get-photo-variants.md");
    insta::assert_json_snapshot!("photo_variants", view(&p));
    assert_eq!(p.operations.len(), 2, "GET and PUT");
    let get = &p.operations[0];
    assert_eq!(get.name, "get_profile_photo");
    assert_eq!(p.operations[1].name, "get_profile_photo_put");
    let templates: Vec<&str> = get.paths.iter().map(|p| p.template.as_str()).collect();
    assert_eq!(
        templates,
        vec![
            "/me/photo",
            "/users/{userId}/photo",
            "/groups/{groupId}/photos/{photoId}",
            "/me/photos/{size}/$value",
            "/drives/{driveId}/root:/{itemPath}:/thumbnails/{thumbId}/{size}/content",
            "/directory/deletedItems/microsoft.graph.ediscovery.caseExportOperation/getDownloadUrl",
        ]
    );
    assert!(matches!(
        &get.paths[1].segments[1],
        Segment::Param { alternatives, .. } if alternatives == &vec!["id".to_string(), "userPrincipalName".to_string()]
    ));
    assert_eq!(get.paths[4].query.as_deref(), Some("format=jpg"));
    assert!(matches!(
        &get.paths[5].segments[2],
        Segment::Cast { namespace, type_name } if namespace == "microsoft.graph.ediscovery" && type_name == "caseExportOperation"
    ));
    // Matrix permissions: qualifier per resource, `<br/>`, `and`, `*`, Not supported spellings.
    let user_work = get
        .permissions
        .iter()
        .find(|s| s.kind == PermissionKind::DelegatedWork && s.qualifier.as_deref() == Some("user"))
        .expect("user row");
    assert_eq!(
        user_work.scopes,
        vec!["User.Read", "User.ReadBasic.All", "User.Read.All"]
    );
    let group_app = get
        .permissions
        .iter()
        .find(|s| s.kind == PermissionKind::Application && s.qualifier.as_deref() == Some("group"))
        .expect("group row");
    assert!(!group_app.supported && group_app.scopes.is_empty());
    assert!(get
        .permissions
        .iter()
        .any(|s| s.scopes == vec!["Group.Read.All"]));
    // Response: the annotation's Collection(...) wins.
    assert_eq!(get.response.type_name.as_deref(), Some("profilePhoto"));
    assert!(get.response.collection);
    assert_eq!(get.query_options, vec!["$select"]);
    assert!(get
        .parameters
        .iter()
        .any(|p| p.name == "format" && p.location == ParamLocation::Query));
    // Examples: two groups, titles, truncated string flag, lenient JSON.
    assert_eq!(get.examples.len(), 2);
    assert_eq!(
        get.examples[0].title.as_deref(),
        Some("Example 1: Get the photo metadata")
    );
    let r = get.examples[0].response.as_ref().expect("response 1");
    assert!(r.truncated && r.json.is_some());
    let r2 = get.examples[1].response.as_ref().expect("response 2");
    assert!(r2.json.is_none() && r2.body_text.is_some());
    assert!(get
        .request
        .headers
        .iter()
        .any(|h| h.name == "If-None-Match" && !h.required));
}

#[test]
fn intune_function_arguments_come_from_the_body_table() {
    let p = fixture("api-intune-function.md");
    insta::assert_json_snapshot!("intune_function", view(&p));
    let op = &p.operations[0];
    assert_eq!(op.name, "get_scopes_for_user");
    assert_eq!(
        op.paths[0].template,
        "/deviceManagement/resourceOperations/{resourceOperationId}/getScopesForUser(userid={userid})"
    );
    let userid = op
        .parameters
        .iter()
        .find(|p| p.name == "userid")
        .expect("userid");
    assert_eq!(userid.location, ParamLocation::Function);
    assert!(userid.required);
    assert!(op.request.properties.is_empty(), "a GET has no body");
    assert_eq!(op.response.type_name.as_deref(), Some("String"));
    assert!(op.response.collection);
    // Workflow sub-rows, "most to least" reversed, TODO cell gives nothing.
    assert_eq!(op.permissions.len(), 3);
    assert_eq!(
        op.permissions[0].qualifier.as_deref(),
        Some("Role-based access control")
    );
    assert_eq!(
        op.permissions[0].scopes,
        vec![
            "DeviceManagementRBAC.Read.All",
            "DeviceManagementRBAC.ReadWrite.All"
        ]
    );
    assert!(!op
        .permissions
        .iter()
        .any(|s| s.kind == PermissionKind::Application));
    assert!(p.types.is_empty());
}

#[test]
fn post_action_parameters_and_no_content() {
    let p = fixture("api-post-action.md");
    insta::assert_json_snapshot!("post_action", view(&p));
    let op = &p.operations[0];
    assert_eq!(op.name, "message_forward");
    assert!(op.request.is_parameters);
    assert_eq!(op.request.properties.len(), 2);
    let body: Vec<&str> = op
        .parameters
        .iter()
        .filter(|p| p.location == ParamLocation::Body)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(body, vec!["comment", "toRecipients"]);
    assert_eq!(
        op.paths[2].template,
        "/me/mailFolders/{mailFolderId}/messages/{messageId}/forward"
    );
    assert_eq!(op.response.status, Some(202));
    assert_eq!(op.response.type_name, None);
    assert_eq!(op.permissions.len(), 2);
    assert_eq!(op.permissions[1].kind, PermissionKind::Application);
    assert_eq!(
        op.permissions[1].scopes,
        vec!["Mail.Send", "Mail.ReadWrite"]
    );
    let req = op.examples[0].request.as_ref().expect("request");
    assert!(req.json.is_some(), "comment and trailing comma repaired");
    assert!(p.types.is_empty(), "action parameters are not a type");
}

#[test]
fn history_2016_inline_italic_scopes_and_repeated_angle_ids() {
    let p = fixture("api-history-2016.md");
    insta::assert_json_snapshot!("history_2016", view(&p));
    let op = &p.operations[0];
    assert_eq!(op.permissions.len(), 1);
    assert_eq!(op.permissions[0].kind, PermissionKind::Unspecified);
    assert_eq!(
        op.permissions[0].scopes,
        vec!["Directory.ReadWrite.All", "Directory.AccessAsUser.All"]
    );
    assert_eq!(
        op.paths[1].template,
        "/administrativeUnits/{administrativeUnitId}/members/{memberId}/$ref"
    );
    assert_eq!(op.response.status, Some(204));
    assert_eq!(op.response.type_name, None);
    assert!(op.request.headers[0].required);
    assert_eq!(op.request.type_name, None);
    assert!(p.types.is_empty(), "no body type named: no fragment");
}
