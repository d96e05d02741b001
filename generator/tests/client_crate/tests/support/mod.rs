//! A scripted HTTP server on 127.0.0.1 that records every request, the
//! documented examples (from `fixtures/operations.json`: the operations of
//! the merged IR of `docs-input/`, written by the generator's test) and a
//! sleeper that records retry waits instead of sleeping.

#![allow(dead_code)]

use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;
use graph_client_check::runtime::{BoxFuture, GraphClient, Sleeper, StaticToken};
use serde_json::Value;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub const TOKEN: &str = "test-token";

/// One request as the server saw it (raw path, not decoded).
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path_and_query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
}

/// A scripted reply.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(status: u16, body: &Value) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: serde_json::to_vec(body).unwrap_or_default(),
        }
    }

    pub fn empty(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

#[derive(Default)]
struct Script {
    replies: Mutex<VecDeque<Reply>>,
    log: Mutex<Vec<Recorded>>,
}

/// The server; stops when dropped.
pub struct TestServer {
    pub base_url: String,
    script: Arc<Script>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn handle(State(script): State<Arc<Script>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, 1 << 20)
        .await
        .unwrap_or_default();
    let recorded = Recorded {
        method: parts.method.to_string(),
        path_and_query: parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default(),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
            .collect(),
        body: body.to_vec(),
    };
    script.log.lock().unwrap().push(recorded);
    let reply = script.replies.lock().unwrap().pop_front();
    let reply = reply.unwrap_or_else(|| Reply {
        status: 500,
        headers: Vec::new(),
        body: b"no scripted reply".to_vec(),
    });
    let mut response = Response::builder().status(reply.status);
    for (k, v) in &reply.headers {
        response = response.header(k, v);
    }
    response.body(Body::from(reply.body)).unwrap()
}

impl TestServer {
    pub async fn start() -> TestServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let script = Arc::new(Script::default());
        let app = axum::Router::new()
            .fallback(handle)
            .with_state(script.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        TestServer {
            base_url: format!("http://{addr}"),
            script,
            task,
        }
    }

    pub fn reply(&self, reply: Reply) {
        self.script.replies.lock().unwrap().push_back(reply);
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.script.log.lock().unwrap().clone()
    }
}

/// Records each wait and returns at once, so retry tests take no real time.
#[derive(Default)]
pub struct RecordingSleeper {
    pub waits: Mutex<Vec<Duration>>,
}

impl Sleeper for RecordingSleeper {
    fn sleep(&self, wait: Duration) -> BoxFuture<'_, ()> {
        self.waits.lock().unwrap().push(wait);
        Box::pin(async {})
    }
}

pub fn graph(server: &TestServer, sleeper: Arc<RecordingSleeper>) -> GraphClient {
    GraphClient::builder(StaticToken::new(TOKEN))
        .base_url(&server.base_url)
        .sleeper(sleeper)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

/// The first example of an operation, from the IR fixture.
pub struct DocExample {
    pub request_line: String,
    pub request_json: Option<Value>,
    pub response_status: u16,
    pub response_json: Option<Value>,
    /// Required headers of the page.
    pub required_headers: Vec<(String, String)>,
}

pub fn example(operation: &str) -> DocExample {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/operations.json"
    ))
    .unwrap();
    let ops: Vec<Value> = serde_json::from_str(&text).unwrap();
    let op = ops
        .iter()
        .find(|o| o["name"] == operation)
        .unwrap_or_else(|| panic!("no operation `{operation}` in the IR of docs-input"));
    let ex = &op["examples"][0];
    let concrete = |m: &Value| {
        let json = m.get("json").cloned();
        if m["placeholder"] == true {
            json.map(|j| concretise(&j))
        } else {
            json
        }
    };
    let status_line = ex["response"]["start_line"].as_str().unwrap();
    DocExample {
        request_line: ex["request"]["start_line"].as_str().unwrap().to_string(),
        request_json: concrete(&ex["request"]),
        response_status: status_line
            .split_whitespace()
            .nth(1)
            .unwrap()
            .parse()
            .unwrap(),
        response_json: concrete(&ex["response"]),
        required_headers: op["request"]["headers"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["required"] == true)
            .map(|h| {
                (
                    h["name"].as_str().unwrap().to_string(),
                    h["value"].as_str().unwrap().to_string(),
                )
            })
            .collect(),
    }
}

/// Placeholder examples (`"Integer"`, `"String (timestamp)"`) get values of
/// their documented types; `"String"` stays (it is a valid string and an
/// unknown enum value).
pub fn concretise(v: &Value) -> Value {
    match v {
        Value::String(s) if s == "Integer" => Value::from(7),
        Value::String(s) if s == "String (timestamp)" => Value::from("2021-07-16T10:00:00Z"),
        Value::Array(a) => Value::Array(a.iter().map(concretise).collect()),
        Value::Object(o) => {
            Value::Object(o.iter().map(|(k, v)| (k.clone(), concretise(v))).collect())
        }
        other => other.clone(),
    }
}

impl DocExample {
    /// The method of the example request line.
    pub fn method(&self) -> &str {
        self.request_line.split_whitespace().next().unwrap_or_default()
    }

    /// The example request's path under the version, placeholders (`{x}`,
    /// `<x>`) replaced in order by `ids`.
    pub fn path_with(&self, ids: &[&str]) -> String {
        let url = self.request_line.split_once(' ').unwrap().1.trim();
        let path = url.trim_start_matches("https://graph.microsoft.com");
        let mut out = String::new();
        let mut ids = ids.iter();
        let mut chars = path.chars();
        while let Some(c) = chars.next() {
            if c == '{' || c == '<' {
                let close = if c == '{' { '}' } else { '>' };
                for d in chars.by_ref() {
                    if d == close {
                        break;
                    }
                }
                out.push_str(ids.next().unwrap());
            } else {
                out.push(c);
            }
        }
        out
    }

    /// The page's required headers (other than the bearer token) are sent.
    pub fn assert_required_headers(&self, seen: &Recorded) {
        for (name, value) in &self.required_headers {
            let got = seen.header(name);
            match name.to_ascii_lowercase().as_str() {
                "authorization" => assert_eq!(got, Some(format!("Bearer {TOKEN}").as_str())),
                "content-type" => {
                    assert!(value.starts_with("application/json"));
                    assert_eq!(got, Some("application/json"));
                }
                _ => assert!(got.is_some(), "required header {name} missing"),
            }
        }
    }
}
