//! Each seed page's example request, sent through the client generated from
//! the page, to a local server that asserts method, path, headers and body
//! and answers with the page's response example, which comes back as the
//! typed model value. The fixtures' list, delete, action and function pages
//! the same way.

mod support;

use graph_client_check::primitives::{DateTimeOffset, Patch};
use graph_client_check::{beta, v1_0};
use std::sync::Arc;
use support::*;

fn dt(s: &str) -> Patch<DateTimeOffset> {
    Patch::Value(DateTimeOffset::parse(s).unwrap())
}

/// The typed response equals the docs' example (and re-serializes to it).
fn assert_typed<T>(got: &T, ex: &DocExample)
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    let json = ex.response_json.clone().unwrap();
    let expected: T = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(got, &expected);
    assert_eq!(serde_json::to_value(got).unwrap(), json);
}

/// The page's example request body, read into the operation's body type.
fn documented_body<T: serde::de::DeserializeOwned>(ex: &DocExample) -> T {
    serde_json::from_value(ex.request_json.clone().unwrap()).unwrap()
}

fn assert_request(seen: &[Recorded], ex: &DocExample, method: &str, path: &str) {
    assert_eq!(seen.len(), 1, "{seen:?}");
    let r = &seen[0];
    assert_eq!(r.method, method);
    assert_eq!(ex.method(), method, "the page's example uses {method}");
    assert_eq!(r.path_and_query, path);
    assert_eq!(r.header("authorization"), Some("Bearer test-token"));
    assert_eq!(r.header("accept"), Some("application/json"));
    ex.assert_required_headers(r);
    match &ex.request_json {
        Some(body) => {
            assert_eq!(r.header("content-type"), Some("application/json"));
            assert_eq!(&r.json(), body);
        }
        None => assert!(r.body.is_empty()),
    }
}

/// A server that answers once with the example's response.
async fn server_for(ex: &DocExample) -> TestServer {
    let server = TestServer::start().await;
    match &ex.response_json {
        Some(json) => server.reply(Reply::json(ex.response_status, json)),
        None => server.reply(Reply::empty(ex.response_status)),
    }
    server
}

#[tokio::test]
async fn seed_000_update_device_compliance_user_status() {
    let ex = example("update_device_compliance_user_status");
    let server = server_for(&ex).await;
    let client = beta::client::Client::new(graph(&server, Arc::default()));
    // Built by hand, field by field: what a caller writes.
    let body = beta::models::DeviceComplianceUserStatusUpdate {
        status: Patch::Value(beta::models::DeviceComplianceUserStatusStatus::NotApplicable),
        last_reported_date_time: dt("2017-01-01T00:00:17.7769392-08:00"),
        ..Default::default()
    };
    let got = client
        .update_device_compliance_user_status("policy-1", "status-1", &body)
        .await
        .unwrap();
    let path = ex.path_with(&["policy-1", "status-1"]);
    assert_eq!(
        path,
        "/beta/deviceManagement/deviceCompliancePolicies/policy-1/userStatuses/status-1"
    );
    assert_request(&server.requests(), &ex, "PATCH", &path);
    assert_typed(&got, &ex);
    assert_eq!(
        got.id.as_deref(),
        Some("a0b566cd-66cd-a0b5-cd66-b5a0cd66b5a0")
    );
    // The date keeps its 7 fractional digits and its offset.
    assert_eq!(
        got.last_reported_date_time.map(|d| d.to_string()).as_deref(),
        Some("2017-01-01T00:00:17.7769392-08:00")
    );
}

#[tokio::test]
async fn seed_001_update_device_configuration_user_status_every_path() {
    use beta::client::UpdateDeviceConfigurationUserStatusPath as P;
    let ex = example("update_device_configuration_user_status");
    let (c, u) = ("config-1".to_string(), "status-1".to_string());
    let paths = [
        (
            P::UserStatuses { device_configuration_id: c.clone(), user_status_id: u.clone() },
            "/beta/deviceManagement/deviceConfigurations/config-1/userStatuses/status-1",
        ),
        (
            P::RootCertificate { device_configuration_id: c.clone(), user_status_id: u.clone() },
            "/beta/deviceManagement/deviceConfigurations/config-1/rootCertificate/userStatuses/status-1",
        ),
        (
            P::IosScepCertificateProfileRootCertificate { device_configuration_id: c.clone(), user_status_id: u.clone() },
            "/beta/deviceManagement/deviceConfigurations/config-1/microsoft.graph.iosScepCertificateProfile/rootCertificate/userStatuses/status-1",
        ),
        (
            P::MacOsScepCertificateProfileRootCertificate { device_configuration_id: c.clone(), user_status_id: u.clone() },
            "/beta/deviceManagement/deviceConfigurations/config-1/microsoft.graph.macOSScepCertificateProfile/rootCertificate/userStatuses/status-1",
        ),
        (
            P::Windows10VpnConfigurationIdentityCertificate { device_configuration_id: c.clone(), user_status_id: u.clone() },
            "/beta/deviceManagement/deviceConfigurations/config-1/microsoft.graph.windows10VpnConfiguration/identityCertificate/userStatuses/status-1",
        ),
        (
            P::WindowsPhone81VpnConfigurationIdentityCertificate { device_configuration_id: c.clone(), user_status_id: u.clone() },
            "/beta/deviceManagement/deviceConfigurations/config-1/microsoft.graph.windowsPhone81VpnConfiguration/identityCertificate/userStatuses/status-1",
        ),
    ];
    // The example request uses the first path.
    assert_eq!(ex.path_with(&["config-1", "status-1"]), paths[0].1);
    let body: beta::models::DeviceConfigurationUserStatusUpdate = documented_body(&ex);
    assert_eq!(
        body.status,
        Patch::Value(beta::models::DeviceConfigurationUserStatusStatus::NotApplicable)
    );
    for (path, expected) in &paths {
        let server = server_for(&ex).await;
        let client = beta::client::Client::new(graph(&server, Arc::default()));
        let got = client
            .update_device_configuration_user_status(path, &body)
            .await
            .unwrap();
        assert_request(&server.requests(), &ex, "PATCH", expected);
        assert_typed(&got, &ex);
    }
}

#[tokio::test]
async fn seed_002_update_user_statuses_v1() {
    let ex = example("update_user_statuses");
    let server = server_for(&ex).await;
    let client = v1_0::client::Client::new(graph(&server, Arc::default()));
    // The page's example has placeholder values ("Integer", "String
    // (timestamp)"), made concrete by the support code; `status` is the
    // `complianceStatus` enum its "Possible values" imply, and the
    // placeholder "String" is kept as an unrecognized value.
    let body: v1_0::models::DeviceComplianceUserStatusUpdate = documented_body(&ex);
    assert_eq!(body.devices_count, Patch::Value(7));
    assert_eq!(
        body.status,
        Patch::Value(v1_0::models::ComplianceStatus::Unrecognized("String".to_string()))
    );
    assert_eq!(
        body.odata_type.as_deref(),
        Some("#microsoft.graph.deviceComplianceUserStatus")
    );
    let got = client
        .update_user_statuses("policy-1", &body)
        .await
        .unwrap();
    let path = ex.path_with(&["policy-1"]);
    assert_eq!(
        path,
        "/v1.0/deviceManagement/deviceCompliancePolicies/policy-1/userStatuses"
    );
    assert_request(&server.requests(), &ex, "PATCH", &path);
    assert_typed(&got, &ex);
    assert_eq!(
        got.id.as_deref(),
        Some("b10130ec-30ec-b101-ec30-01b1ec3001b1")
    );
    assert_eq!(got.devices_count, Some(7));
}

#[tokio::test]
async fn seed_003_update_device_compliance_device_status() {
    let ex = example("update_device_compliance_device_status");
    let server = server_for(&ex).await;
    let client = beta::client::Client::new(graph(&server, Arc::default()));
    let body = beta::models::DeviceComplianceDeviceStatusUpdate {
        device_display_name: Patch::Value("Device Display Name value".into()),
        user_name: Patch::Value("User Name value".into()),
        device_model: Patch::Value("Device Model value".into()),
        platform: Patch::Value(8),
        compliance_grace_period_expiration_date_time: dt("2016-12-31T23:56:44.951111-08:00"),
        status: Patch::Value(beta::models::DeviceComplianceDeviceStatusStatus::NotApplicable),
        last_reported_date_time: dt("2017-01-01T00:00:17.7769392-08:00"),
        user_principal_name: Patch::Value("User Principal Name value".into()),
        ..Default::default()
    };
    assert_eq!(body, documented_body(&ex));
    let got = client
        .update_device_compliance_device_status("policy-1", "device-1", &body)
        .await
        .unwrap();
    let path = ex.path_with(&["policy-1", "device-1"]);
    assert_request(&server.requests(), &ex, "PATCH", &path);
    assert_typed(&got, &ex);
    assert_eq!(got.platform, Some(8));
}

#[tokio::test]
async fn seed_004_update_user_statuses_of_app_configuration() {
    let ex = example("update_user_statuses2");
    let server = server_for(&ex).await;
    let client = v1_0::client::Client::new(graph(&server, Arc::default()));
    let body: v1_0::models::ManagedDeviceMobileAppConfigurationUserStatusUpdate =
        documented_body(&ex);
    let got = client
        .update_user_statuses2("config-1", &body)
        .await
        .unwrap();
    let path = ex.path_with(&["config-1"]);
    assert_eq!(
        path,
        "/v1.0/deviceAppManagement/mobileAppConfigurations/config-1/userStatuses"
    );
    assert_request(&server.requests(), &ex, "PATCH", &path);
    assert_typed(&got, &ex);
}

#[tokio::test]
async fn list_returns_a_typed_page() {
    let ex = example("list_widgets");
    let server = server_for(&ex).await;
    let client = v1_0::client::Client::new(graph(&server, Arc::default()));
    let page = client
        .list_widgets("d-1", &Default::default())
        .await
        .unwrap();
    assert_request(&server.requests(), &ex, "GET", &ex.path_with(&["d-1"]));
    assert_eq!(page.value.len(), 2);
    assert_eq!(page.value[0].display_name.as_deref(), Some("Sales"));
    let state = page.value[1].state.as_ref().unwrap();
    assert!(state.contains(&v1_0::models::WidgetState::Retired));
    assert_eq!(
        page.next_link.as_deref(),
        Some("https://graph.microsoft.com/v1.0/dashboards/d-1/widgets?$skiptoken=page2")
    );
}

#[tokio::test]
async fn list_sends_its_query_options_and_keeps_the_token_home() {
    use v1_0::client::ListWidgetsQuery;
    let ex = example("list_widgets");
    let server = server_for(&ex).await;
    let graph = graph(&server, Arc::default());
    let query = ListWidgetsQuery {
        select: vec!["id".into(), "displayName".into()],
        top: Some(2),
        filter: Some("state eq 'active'".into()),
        ..Default::default()
    };
    let page = v1_0::client::Client::new(graph.clone())
        .list_widgets("d-1", &query)
        .await
        .unwrap();
    assert_eq!(
        server.requests()[0].path_and_query,
        "/v1.0/dashboards/d-1/widgets?$select=id,displayName&$filter=state%20eq%20%27active%27&$top=2"
    );
    // The docs' nextLink points at graph.microsoft.com, not at this base URL:
    // the client refuses to send the token there.
    let next = v1_0::client::list_widgets("d-1", &query)
        .next_page(&page)
        .unwrap();
    let err = graph.send(&next).await.unwrap_err();
    assert!(
        matches!(err, graph_client_check::runtime::Error::InvalidRequest(_)),
        "{err}"
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn delete_returns_unit_on_204() {
    let ex = example("delete_widget");
    let server = server_for(&ex).await;
    let client = v1_0::client::Client::new(graph(&server, Arc::default()));
    let () = client.delete_widget("d-1", "w-1").await.unwrap();
    assert_request(
        &server.requests(),
        &ex,
        "DELETE",
        &ex.path_with(&["d-1", "w-1"]),
    );
    assert_eq!(server.requests()[0].header("content-type"), None);
}

#[tokio::test]
async fn action_sends_its_parameters_struct() {
    let ex = example("message_forward");
    let server = server_for(&ex).await;
    let client = v1_0::client::Client::new(graph(&server, Arc::default()));
    let body: v1_0::client::MessageForwardBody = documented_body(&ex);
    assert_eq!(body.comment.as_deref(), Some("FYI"));
    assert_eq!(body.to_recipients.len(), 1);
    let path = v1_0::client::MessageForwardPath::Me {
        message_id: "AAMkADA1MTAAAH5JaLAAA=".into(),
    };
    let () = client.message_forward(&path, &body).await.unwrap();
    assert_request(
        &server.requests(),
        &ex,
        "POST",
        "/v1.0/me/messages/AAMkADA1MTAAAH5JaLAAA%3D/forward",
    );
    assert_eq!(
        ex.path_with(&[]),
        "/v1.0/me/messages/AAMkADA1MTAAAH5JaLAAA=/forward"
    );
}

#[tokio::test]
async fn function_paths_quote_their_arguments() {
    let ex = example("get_scopes_for_user");
    let server = server_for(&ex).await;
    let client = beta::client::Client::new(graph(&server, Arc::default()));
    let got = client
        .get_scopes_for_user("op-1", "parameterValue")
        .await
        .unwrap();
    assert_request(
        &server.requests(),
        &ex,
        "GET",
        &ex.path_with(&["op-1"]),
    );
    assert_eq!(got.value, vec!["Scope value".to_string()]);
    // A quote in the argument is doubled, a slash stays inside the segment.
    server.reply(Reply::json(200, &serde_json::json!({"value": []})));
    client
        .get_scopes_for_user("op-1", "it's/../x")
        .await
        .unwrap();
    assert_eq!(
        server.requests()[1].path_and_query,
        "/beta/deviceManagement/resourceOperations/op-1/getScopesForUser(userid='it''s%2F..%2Fx')"
    );
}
