//! Each seed page's example request, sent through the generated client to a
//! local server that asserts method, path, headers and body and answers with
//! the page's response example, which comes back as the typed value.

mod support;

use graph_client_check::primitives::DateTimeOffset;
use graph_client_check::{beta, v1_0};
use std::sync::Arc;
use support::*;

fn dt(s: &str) -> Option<DateTimeOffset> {
    Some(DateTimeOffset::parse(s).unwrap())
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

fn assert_request(seen: &[Recorded], ex: &DocExample, method: &str, path: &str) {
    assert_eq!(seen.len(), 1, "{seen:?}");
    let r = &seen[0];
    assert_eq!(r.method, method);
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

#[tokio::test]
async fn seed_000_update_device_compliance_user_status() {
    let ex = example("update_device_compliance_user_status");
    let server = TestServer::start().await;
    server.reply(Reply::json(
        ex.response_status,
        ex.response_json.as_ref().unwrap(),
    ));
    let client = beta::client::Client::new(graph(&server, Arc::default()));
    let body = beta::models::DeviceComplianceUserStatusUpdate {
        status: Some("notApplicable".into()),
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
    assert_eq!(
        got.last_reported_date_time
            .as_ref()
            .map(DateTimeOffset::as_str),
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
    let body = beta::models::DeviceConfigurationUserStatusUpdate {
        status: Some("notApplicable".into()),
        last_reported_date_time: dt("2017-01-01T00:00:17.7769392-08:00"),
        ..Default::default()
    };
    for (path, expected) in &paths {
        let server = TestServer::start().await;
        server.reply(Reply::json(
            ex.response_status,
            ex.response_json.as_ref().unwrap(),
        ));
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
    let server = TestServer::start().await;
    server.reply(Reply::json(
        ex.response_status,
        ex.response_json.as_ref().unwrap(),
    ));
    let client = v1_0::client::Client::new(graph(&server, Arc::default()));
    let mut additional = v1_0::models::Additional::new();
    additional.insert(
        "@odata.type".into(),
        "#microsoft.graph.deviceComplianceUserStatus".into(),
    );
    // The page's example has placeholder values: "String" stays (an unknown
    // enum member round-trips), "Integer"/"String (timestamp)" become typed values.
    let body = v1_0::models::DeviceComplianceUserStatusUpdate {
        user_display_name: Some("String".into()),
        devices_count: Some(7),
        status: Some(v1_0::models::ComplianceStatus::Other("String".into())),
        last_reported_date_time: dt("2021-07-16T10:00:00Z"),
        user_principal_name: Some("String".into()),
        additional,
    };
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
}

#[tokio::test]
async fn seed_003_update_device_compliance_device_status() {
    let ex = example("update_device_compliance_device_status");
    let server = TestServer::start().await;
    server.reply(Reply::json(
        ex.response_status,
        ex.response_json.as_ref().unwrap(),
    ));
    let client = beta::client::Client::new(graph(&server, Arc::default()));
    let body = beta::models::DeviceComplianceDeviceStatusUpdate {
        device_display_name: Some("Device Display Name value".into()),
        user_name: Some("User Name value".into()),
        device_model: Some("Device Model value".into()),
        platform: Some(8),
        compliance_grace_period_expiration_date_time: dt("2016-12-31T23:56:44.951111-08:00"),
        status: Some("notApplicable".into()),
        last_reported_date_time: dt("2017-01-01T00:00:17.7769392-08:00"),
        user_principal_name: Some("User Principal Name value".into()),
        ..Default::default()
    };
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
    let server = TestServer::start().await;
    server.reply(Reply::json(
        ex.response_status,
        ex.response_json.as_ref().unwrap(),
    ));
    let client = v1_0::client::Client::new(graph(&server, Arc::default()));
    let mut additional = v1_0::models::Additional::new();
    additional.insert(
        "@odata.type".into(),
        "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus".into(),
    );
    let body = v1_0::models::ManagedDeviceMobileAppConfigurationUserStatusUpdate {
        user_display_name: Some("String".into()),
        devices_count: Some(7),
        status: Some(v1_0::models::ComplianceStatus::Other("String".into())),
        last_reported_date_time: dt("2021-07-16T10:00:00Z"),
        user_principal_name: Some("String".into()),
        additional,
    };
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
    let ex = example("list_device_compliance_user_statuses");
    let server = TestServer::start().await;
    server.reply(Reply::json(
        ex.response_status,
        ex.response_json.as_ref().unwrap(),
    ));
    let client = beta::client::Client::new(graph(&server, Arc::default()));
    let page = client
        .list_device_compliance_user_statuses("policy-1")
        .await
        .unwrap();
    assert_request(&server.requests(), &ex, "GET", &ex.path_with(&["policy-1"]));
    assert_eq!(page.value.len(), 1);
    assert_eq!(page.value[0].devices_count, Some(12));
    assert_eq!(page.next_link, None);
}

#[tokio::test]
async fn delete_returns_unit_on_204() {
    let server = TestServer::start().await;
    server.reply(Reply::empty(204));
    let client = beta::client::Client::new(graph(&server, Arc::default()));
    let () = client
        .delete_device_compliance_user_status("policy-1", "status-1")
        .await
        .unwrap();
    let seen = server.requests();
    assert_eq!(seen[0].method, "DELETE");
    assert_eq!(
        seen[0].path_and_query,
        "/beta/deviceManagement/deviceCompliancePolicies/policy-1/userStatuses/status-1"
    );
    assert_eq!(seen[0].header("content-type"), None);
}

#[tokio::test]
async fn action_sends_its_parameters_struct() {
    let ex = example("schedule_actions_for_rules");
    let server = TestServer::start().await;
    server.reply(Reply::empty(ex.response_status));
    let client = beta::client::Client::new(graph(&server, Arc::default()));
    let mut additional = beta::models::Additional::new();
    additional.insert(
        "@odata.type".into(),
        "#microsoft.graph.deviceComplianceScheduledActionForRule".into(),
    );
    let body = beta::client::ScheduleActionsForRulesBody {
        device_compliance_scheduled_action_for_rules: Some(vec![
            beta::models::DeviceComplianceScheduledActionForRule {
                id: Some("f0075d5e-5d5e-f007-5e5d-07f05e5d07f0".into()),
                rule_name: Some("Rule Name value".into()),
                additional,
            },
        ]),
    };
    let () = client
        .schedule_actions_for_rules("policy-1", &body)
        .await
        .unwrap();
    assert_request(
        &server.requests(),
        &ex,
        "POST",
        &ex.path_with(&["policy-1"]),
    );
}

#[tokio::test]
async fn function_paths_quote_arguments_and_send_query_options() {
    use v1_0::client::{SearchPath, SearchQuery};
    let ex = example("search");
    let server = TestServer::start().await;
    server.reply(Reply::json(
        ex.response_status,
        ex.response_json.as_ref().unwrap(),
    ));
    let graph = graph(&server, Arc::default());
    let client = v1_0::client::Client::new(graph.clone());
    let query = SearchQuery {
        select: vec!["id".into(), "name".into()],
        top: Some(2),
        ..Default::default()
    };
    let path = SearchPath::MeDrive {
        search_text: "Contoso Project".into(),
    };
    let page = client.search(&path, &query).await.unwrap();
    let seen = server.requests();
    // The example request line is `GET /me/drive/root/search(q='Contoso Project')`.
    let documented = format!("/v1.0{}", ex.path_with(&[]).replace(' ', "%20"));
    assert_eq!(
        documented,
        "/v1.0/me/drive/root/search(q='Contoso%20Project')"
    );
    assert_eq!(seen[0].method, "GET");
    assert_eq!(
        seen[0].path_and_query,
        format!("{documented}?$select=id,name&$top=2")
    );
    assert_eq!(page.value.len(), 2);
    assert_eq!(page.value[1].name.as_deref(), Some("Contoso Project 2016"));
    // The docs' nextLink points at graph.microsoft.com, not at this base URL:
    // the client refuses to send the token there.
    let next = v1_0::client::search(&path, &query)
        .next_page(&page)
        .unwrap();
    let err = graph.send(&next).await.unwrap_err();
    assert!(
        matches!(err, graph_client_check::runtime::Error::InvalidRequest(_)),
        "{err}"
    );
    assert_eq!(server.requests().len(), 1);
    // A quote in the argument is doubled, a slash stays inside the segment.
    server.reply(Reply::json(200, &serde_json::json!({"value": []})));
    let path = SearchPath::Drives {
        drive_id: "b!x/y".into(),
        search_text: "it's/../x".into(),
    };
    client.search(&path, &SearchQuery::default()).await.unwrap();
    assert_eq!(
        server.requests()[1].path_and_query,
        "/v1.0/drives/b%21x%2Fy/root/search(q='it''s%2F..%2Fx')"
    );
}
