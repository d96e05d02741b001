//! Path injection, OData errors, retries and paging against the local server,
//! and the sans-I/O core on its own, through operations generated from the
//! seed pages (seed 000's PATCH) and the fixtures (the widget list).

mod support;

use graph_client_check::runtime::{
    BlockingGraphClient, Error, GraphClient, RetryPolicy, StaticToken,
};
use graph_client_check::primitives::Patch;
use graph_client_check::{beta, v1_0};
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::*;

fn update_body() -> beta::models::DeviceComplianceUserStatusUpdate {
    beta::models::DeviceComplianceUserStatusUpdate {
        status: Patch::Value(beta::models::DeviceComplianceUserStatusStatus::Compliant),
        ..Default::default()
    }
}

fn user_status(id: &str) -> serde_json::Value {
    json!({"@odata.type": "#microsoft.graph.deviceComplianceUserStatus", "id": id, "status": "compliant"})
}

#[tokio::test]
async fn ids_cannot_change_the_path() {
    let server = TestServer::start().await;
    let client = beta::client::Client::new(graph(&server, Arc::default()));
    let cases = [
        (
            "../../users",
            "a/b?x=1#f",
            "..%2F..%2Fusers",
            "a%2Fb%3Fx%3D1%23f",
        ),
        ("%2F", "a b\\c", "%252F", "a%20b%5Cc"),
    ];
    for (i, (policy, status, enc_policy, enc_status)) in cases.iter().enumerate() {
        server.reply(Reply::json(200, &user_status("x")));
        client
            .update_device_compliance_user_status(policy, status, &update_body())
            .await
            .unwrap();
        let seen = &server.requests()[i];
        assert_eq!(
            seen.path_and_query,
            format!("/beta/deviceManagement/deviceCompliancePolicies/{enc_policy}/userStatuses/{enc_status}")
        );
    }
    // Dot segments: encoded by the core, and refused by the executor because
    // URL parsers remove even `%2E%2E`; empty ids would make `//`.
    for bad in ["..", ".", ""] {
        let request = beta::client::update_device_compliance_user_status(bad, "s", &update_body());
        let err = client.graph().send(&request).await.unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{bad:?}: {err}");
    }
    let http = beta::client::update_device_compliance_user_status("..", "s", &update_body())
        .to_http("https://graph.microsoft.com", "t")
        .unwrap();
    assert_eq!(
        http.uri().path(),
        "/beta/deviceManagement/deviceCompliancePolicies/%2E%2E/userStatuses/s"
    );
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn odata_errors_are_typed() {
    let server = TestServer::start().await;
    let body = json!({"error": {"code": "ResourceNotFound", "message": "Resource not found.",
        "innerError": {"request-id": "7a4e1c5a-0000", "date": "2021-07-16T10:00:00"}}});
    server.reply(Reply::json(404, &body));
    let client = beta::client::Client::new(graph(&server, Arc::default()));
    let err = client
        .update_device_compliance_user_status("p", "s", &update_body())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
    let odata = err.odata().unwrap();
    assert_eq!(odata.code, "ResourceNotFound");
    assert_eq!(odata.message, "Resource not found.");
    let inner = odata.inner_error.as_ref().unwrap();
    assert_eq!(inner.request_id.as_deref(), Some("7a4e1c5a-0000"));
    assert_eq!(inner.date.as_deref(), Some("2021-07-16T10:00:00"));
    match err {
        Error::Api(e) => assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&e.body).unwrap(),
            body
        ),
        other => panic!("{other}"),
    }
    // A success status with a body that is not the documented type.
    server.reply(Reply::json(200, &json!({"id": 5})));
    let err = client
        .update_device_compliance_user_status("p", "s", &update_body())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { status: 200, .. }), "{err}");
}

#[tokio::test]
async fn throttling_is_retried_after_the_servers_wait() {
    let server = TestServer::start().await;
    let throttled = json!({"error": {"code": "TooManyRequests", "message": "Please retry later."}});
    server.reply(Reply::json(429, &throttled).with_header("Retry-After", "7"));
    server.reply(Reply::json(200, &user_status("after-retry")));
    let sleeper = Arc::new(RecordingSleeper::default());
    let client = beta::client::Client::new(graph(&server, sleeper.clone()));
    let started = Instant::now();
    let got = client
        .update_device_compliance_user_status("p", "s", &update_body())
        .await
        .unwrap();
    assert_eq!(got.id.as_deref(), Some("after-retry"));
    assert_eq!(*sleeper.waits.lock().unwrap(), vec![Duration::from_secs(7)]);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the test must not sleep for real"
    );
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].body, seen[1].body);
    assert_eq!(seen[0].header("retry-attempt"), None);
    assert_eq!(seen[1].header("retry-attempt"), Some("1"));
}

#[tokio::test]
async fn retries_stop_at_max_attempts_and_at_the_wait_cap() {
    let server = TestServer::start().await;
    for _ in 0..3 {
        server.reply(Reply::empty(503));
    }
    let sleeper = Arc::new(RecordingSleeper::default());
    let graph = GraphClient::builder(StaticToken::new(TOKEN))
        .base_url(&server.base_url)
        .sleeper(sleeper.clone())
        .retry(RetryPolicy {
            max_attempts: 3,
            max_wait: Duration::from_secs(60),
            base_delay: Duration::from_secs(2),
        })
        .build()
        .unwrap();
    let request = v1_0::client::delete_widget("d", "w");
    let err = graph.send(&request).await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert!(err.is_retryable());
    // No Retry-After: exponential back-off from the base delay.
    assert_eq!(
        *sleeper.waits.lock().unwrap(),
        vec![Duration::from_secs(2), Duration::from_secs(4)]
    );
    assert_eq!(server.requests().len(), 3);

    // A Retry-After beyond the cap is returned to the caller, not waited for.
    server.reply(Reply::empty(429).with_header("Retry-After", "3600"));
    let err = graph.send(&request).await.unwrap_err();
    match err {
        Error::Api(e) => assert_eq!(e.retry_after, Some(Duration::from_secs(3600))),
        other => panic!("{other}"),
    }
    assert_eq!(sleeper.waits.lock().unwrap().len(), 2);
    assert_eq!(server.requests().len(), 4);
}

fn widget(id: &str) -> serde_json::Value {
    json!({"id": id, "displayName": format!("Widget {id}"), "state": "active"})
}

fn three_pages(server: &TestServer) {
    let link = |n: u32| {
        format!(
            "{}/v1.0/dashboards/d/widgets?$skiptoken=page{n}",
            server.base_url
        )
    };
    server.reply(Reply::json(
        200,
        &json!({"value": [widget("a"), widget("b")], "@odata.nextLink": link(2)}),
    ));
    server.reply(Reply::json(
        200,
        &json!({"value": [widget("c"), null], "@odata.nextLink": link(3)}),
    ));
    server.reply(Reply::json(200, &json!({"value": [widget("d")]})));
}

fn list_widgets() -> graph_client_check::runtime::ApiRequest<
    graph_client_check::runtime::Page<v1_0::models::Widget>,
> {
    v1_0::client::list_widgets("d", &Default::default())
}

fn assert_three_page_requests(server: &TestServer) {
    let paths: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.path_and_query.clone())
        .collect();
    assert_eq!(
        paths,
        vec![
            "/v1.0/dashboards/d/widgets",
            "/v1.0/dashboards/d/widgets?$skiptoken=page2",
            "/v1.0/dashboards/d/widgets?$skiptoken=page3",
        ]
    );
    assert!(server
        .requests()
        .iter()
        .all(|r| r.header("authorization") == Some("Bearer test-token")));
}

#[tokio::test]
async fn paging_follows_next_links_over_three_pages() {
    use futures_util::StreamExt;
    let server = TestServer::start().await;
    three_pages(&server);
    let graph = graph(&server, Arc::default());
    let first = list_widgets();
    let pages: Vec<_> = graph.pages(first.clone()).collect().await;
    assert_eq!(pages.len(), 3);
    let ids: Vec<String> = pages
        .into_iter()
        .flat_map(|p| p.unwrap().value)
        .filter_map(|s| s.id)
        .collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    assert_three_page_requests(&server);

    // The same through `items` and `collect_all`.
    three_pages(&server);
    let items: Vec<_> = graph.items(first.clone()).collect().await;
    assert_eq!(items.len(), 4);
    three_pages(&server);
    assert_eq!(graph.collect_all(first).await.unwrap().len(), 4);
    assert_eq!(server.requests().len(), 9);
}

#[tokio::test]
async fn a_page_linking_to_itself_ends_paging() {
    use futures_util::StreamExt;
    let server = TestServer::start().await;
    let link = format!("{}/v1.0/x?$skiptoken=1", server.base_url);
    server.reply(Reply::json(
        200,
        &json!({"value": [], "@odata.nextLink": link}),
    ));
    server.reply(Reply::json(
        200,
        &json!({"value": [], "@odata.nextLink": link}),
    ));
    let graph = graph(&server, Arc::default());
    let pages: Vec<_> = graph
        .pages(list_widgets())
        .take(5)
        .collect()
        .await;
    assert_eq!(pages.len(), 2);
    assert!(matches!(pages[1], Err(Error::InvalidRequest(_))));
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn blocking_client_pages_with_an_iterator() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(TestServer::start());
    three_pages(&server);
    let graph = GraphClient::builder(StaticToken::new(TOKEN))
        .base_url(&server.base_url)
        .build()
        .unwrap();
    let blocking = BlockingGraphClient::new(graph).unwrap();
    let pages: Vec<_> = blocking
        .pages(list_widgets())
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(pages.len(), 3);
    assert_three_page_requests(&server);
    drop(server);
    drop(rt);
}

#[test]
fn the_core_builds_and_parses_without_io() {
    let body = v1_0::models::DeviceComplianceUserStatusUpdate {
        devices_count: Patch::Value(3),
        user_display_name: Patch::Null,
        ..Default::default()
    };
    let request = v1_0::client::update_user_statuses("p 1", &body);
    let http = request
        .to_http("https://graph.microsoft.com/", "tok")
        .unwrap();
    assert_eq!(http.method(), "PATCH");
    assert_eq!(
        http.uri().to_string(),
        "https://graph.microsoft.com/v1.0/deviceManagement/deviceCompliancePolicies/p%201/userStatuses"
    );
    assert_eq!(http.headers()["authorization"], "Bearer tok");
    assert_eq!(http.headers()["content-type"], "application/json");
    // Only what was set is sent; `Patch::Null` clears a value.
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(http.body()).unwrap(),
        json!({"userDisplayName": null, "devicesCount": 3})
    );
    let response = http::Response::builder()
        .status(200)
        .body(br#"{"id":"x","devicesCount":4}"#.to_vec())
        .unwrap();
    let typed = request.parse(&response).unwrap();
    assert_eq!(typed.devices_count, Some(4));
    // An enum member the docs do not list is kept, not an error (the
    // fixture's widgetState is a flag enum: `Flags<WidgetState>`).
    let list = list_widgets();
    let response = http::Response::builder()
        .status(200)
        .body(br#"{"value":[{"id":"w","state":"brandNewValue"}]}"#.to_vec())
        .unwrap();
    let page = list.parse(&response).unwrap();
    let state = page.value[0].state.clone().unwrap();
    assert_eq!(state.to_string(), "brandNewValue");
    assert!(!state.contains(&v1_0::models::WidgetState::Active));
    // No body, no content type.
    let delete = v1_0::client::delete_widget("d", "w")
        .to_http("https://graph.microsoft.com", "tok")
        .unwrap();
    assert!(delete.headers().get("content-type").is_none());
    assert!(delete.body().is_empty());
}
