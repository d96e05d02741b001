//! Request lines and paths: every variant of corpus-formats.md §5.2 that the
//! seeds and fixtures do not show.

use graph_docgen::extract::api::operation_name;
use graph_docgen::extract::api::paths::{is_garbage, parse_path, ParsedPath};
use graph_docgen::extract::api::request_lines::split_request_line;
use graph_docgen::ir::model::{FunctionArg, Segment, Source, Version};

fn parse(raw: &str) -> ParsedPath {
    parse_path(raw, Source::new("t.md", 1)).unwrap_or_else(|e| panic!("{raw}: {e:?}"))
}

fn template(raw: &str) -> String {
    parse(raw).path.template
}

#[test]
fn request_lines_with_and_without_a_blank() {
    assert_eq!(
        split_request_line(
            "DELETE/identity/b2xUserFlows/{userflow-id}/userflowIdentityProviders/{id}/$ref"
        ),
        Some((
            "DELETE".into(),
            "/identity/b2xUserFlows/{userflow-id}/userflowIdentityProviders/{id}/$ref".into()
        ))
    );
    assert_eq!(
        split_request_line("  GET /me "),
        Some(("GET".into(), "/me".into()))
    );
    assert_eq!(split_request_line("GETTER /me"), None);
    assert_eq!(split_request_line("Content-Type: application/json"), None);
    assert_eq!(split_request_line("GET"), None);
}

#[test]
fn garbage_lines_are_errors_not_paths() {
    let g = "** Collection URI for microsoft.management.services.api.appVulnerabilityManagedDevice not found";
    assert!(is_garbage(g));
    assert!(parse_path(g, Source::default()).is_err());
    assert!(parse_path(
        "https://graph.microsoft.com/beta** Collection URI for x not found",
        Source::default()
    )
    .is_err());
    assert!(!is_garbage("/me/events"));
}

#[test]
fn hosts_versions_prefixes_and_slashes() {
    let p = parse("https://graph.microsoft.com/beta/policies/authenticationFlowsPolicy");
    assert_eq!(p.path.template, "/policies/authenticationFlowsPolicy");
    assert_eq!(p.version, Some(Version::Beta));
    assert_eq!(
        template("/beta/teams/{id}/photo/$value"),
        "/teams/{teamId}/photo/$value"
    );
    assert_eq!(
        template("policies/activityBasedTimeoutPolicies"),
        "/policies/activityBasedTimeoutPolicies"
    );
    assert_eq!(
        template("~/onPremisesPublishingProfiles/{publishingType}/"),
        "/onPremisesPublishingProfiles/{publishingType}"
    );
    let p = parse("/deviceManagement/deviceConfigurations/{id}/rootCertificate//userStatuses/{id}");
    assert_eq!(p.path.template, "/deviceManagement/deviceConfigurations/{deviceConfigurationId}/rootCertificate/userStatuses/{userStatusId}");
    assert!(p.notes.iter().any(|(c, _)| *c == "path-double-slash"));
}

#[test]
fn placeholders_are_named_uniquely() {
    assert_eq!(
        template("/deviceManagement/deviceCompliancePolicies/<id>/userStatuses/<id>"),
        "/deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/userStatuses/{userStatusId}"
    );
    assert_eq!(
        template("/users/{id}/events/{id}/attachments/{id}"),
        "/users/{userId}/events/{eventId}/attachments/{attachmentId}"
    );
    assert_eq!(
        template("/teams/{team-id}/channels/{channel_id}"),
        "/teams/{teamId}/channels/{channelId}"
    );
    assert_eq!(
        template("/deviceConfigurations/{deviceConfigurationId}/networkAccessConfigurations/{deviceConfigurationId}"),
        "/deviceConfigurations/{deviceConfigurationId}/networkAccessConfigurations/{networkAccessConfigurationId}"
    );
    // The same collection twice: numbered.
    assert_eq!(template("/a/{id}/b/{x}/a/{id}"), "/a/{aId}/b/{x}/a/{aId2}");
    let p = parse("/worksheets/{id|name}/tables/{id | name}");
    match &p.path.segments[1] {
        Segment::Param {
            name,
            alternatives,
            raw,
        } => {
            assert_eq!(name, "worksheetId");
            assert_eq!(alternatives, &vec!["id".to_string(), "name".to_string()]);
            assert_eq!(raw, "{id|name}");
        }
        s => panic!("{s:?}"),
    }
}

#[test]
fn functions_casts_dollars_and_drive_paths() {
    let p = parse("/reports/getEmailActivityUserDetail(date={date_value})");
    assert_eq!(
        p.path.segments[1],
        Segment::Function {
            name: "getEmailActivityUserDetail".into(),
            args: vec![FunctionArg {
                name: Some("date".into()),
                is_param: true,
                value: "date".into()
            }]
        }
    );
    assert_eq!(
        template("/instances/filterByCurrentUser(on='reviewer')"),
        "/instances/filterByCurrentUser(on='reviewer')"
    );
    assert_eq!(
        template("/worksheets/{id|name}/range(<address>)/format/protection"),
        "/worksheets/{worksheetId}/range({address})/format/protection"
    );
    assert_eq!(
        template("/charts/{name}/Image(width=0,height=0,fittingMode='fit')"),
        "/charts/{name}/Image(width=0,height=0,fittingMode='fit')"
    );
    assert_eq!(
        template("/historyDefinitions/{definition-id}/generateDownloadUri()"),
        "/historyDefinitions/{definitionId}/generateDownloadUri()"
    );
    assert_eq!(
        template("/range/columnsAfter(count=n)"),
        "/range/columnsAfter(count={count})"
    );
    assert_eq!(
        template("/workbook/tables(<id|name>)/rows"),
        "/workbook/tables({tableId})/rows"
    );
    assert_eq!(
        template("/directory/deleteditems/microsoft.graph.group"),
        "/directory/deleteditems/microsoft.graph.group"
    );
    assert_eq!(
        template("/tokenLifetimePolicies/{id}$ref"),
        "/tokenLifetimePolicies/{tokenLifetimePolicyId}/$ref"
    );
    assert_eq!(
        template("/managedDevices/{managedDeviceId}rebootNow"),
        "/managedDevices/{managedDeviceId}/rebootNow"
    );
    assert_eq!(
        template("/users/{id}/transitiveReports/$count"),
        "/users/{userId}/transitiveReports/$count"
    );
    assert_eq!(
        template("/me/drive/root:/{item-path}:/workbook/worksheets/{id|name}/charts/{name}"),
        "/me/drive/root:/{itemPath}:/workbook/worksheets/{worksheetId}/charts/{name}"
    );
    assert_eq!(
        template("/drive/items/{parent-id}:/{filename}:/content"),
        "/drive/items/{parentId}:/{filename}:/content"
    );
    let p = parse("range(address='<address>'/entireRow");
    assert_eq!(p.path.template, "/range(address={address})/entireRow");
    assert!(p.notes.iter().any(|(c, _)| *c == "path-unbalanced-paren"));
}

#[test]
fn query_strings_are_kept() {
    let p = parse("/security/alerts?$filter={property} eq '{property-value}'&$top=5");
    assert_eq!(p.path.template, "/security/alerts");
    assert_eq!(
        p.path.query.as_deref(),
        Some("$filter={property} eq '{property-value}'&$top=5")
    );
    let p =
        parse("/me/contacts?$filter=singleValueExtendedProperties/Any(ep: ep/id eq '{id_value}')");
    assert_eq!(p.path.template, "/me/contacts");
    let p = parse("/users/{user-id} | user-principal-name/chats");
    assert!(p
        .notes
        .iter()
        .any(|(c, _)| *c == "request-line-trailing-text"));
}

#[test]
fn operation_names_from_titles_and_files() {
    assert_eq!(
        operation_name(Some("Update deviceComplianceUserStatus"), "x.md"),
        "update_device_compliance_user_status"
    );
    assert_eq!(
        operation_name(Some("Get profilePhoto (deprecated)"), "x.md"),
        "get_profile_photo"
    );
    assert_eq!(
        operation_name(Some("appConsentRequest: filterByCurrentUser"), "x.md"),
        "app_consent_request_filter_by_current_user"
    );
    assert_eq!(
        operation_name(Some("getAuditActivityTypes function"), "x.md"),
        "get_audit_activity_types"
    );
    assert_eq!(
        operation_name(None, "a/b/user-list-events.md"),
        "user_list_events"
    );
}
