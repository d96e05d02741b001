//! Errors of a Graph call: the OData error body the service sends with a
//! non-success status, plus what can go wrong before or after the exchange.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::time::Duration;

/// A boxed error from a token provider, an HTTP stack or a decoder.
pub type BoxError = ::std::boxed::Box<dyn ::std::error::Error + Send + Sync + 'static>;

/// `{"error": {...}}`: the body Graph sends with an error status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ODataErrorBody {
    error: ODataError,
}

/// The `error` object of an OData error body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ODataError {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<ODataErrorDetail>,
    /// Graph spells it `innerError` or `innererror`.
    #[serde(
        rename = "innerError",
        alias = "innererror",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inner_error: Option<InnerError>,
}

/// One entry of `error.details`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ODataErrorDetail {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

/// `error.innerError`: what support needs to trace the call.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InnerError {
    #[serde(
        rename = "request-id",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub request_id: Option<String>,
    #[serde(
        rename = "client-request-id",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_request_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Members this type does not name (`code`, nested `innerError`...).
    #[serde(flatten)]
    pub other: ::serde_json::Map<String, ::serde_json::Value>,
}

impl ODataError {
    /// Parse an error body; `None` when it is not an OData error body.
    pub fn from_body(body: &[u8]) -> Option<ODataError> {
        serde_json::from_slice::<ODataErrorBody>(body)
            .ok()
            .map(|b| b.error)
    }
}

/// A response with a non-success status.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: u16,
    /// The OData error body, when the body is one.
    pub error: Option<ODataError>,
    /// `Retry-After` in seconds, when the response carries one.
    pub retry_after: Option<Duration>,
    /// The body as received.
    pub body: Vec<u8>,
}

/// Everything a call can fail with.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The request cannot be built or sent safely (empty path parameter, base
    /// URL or header value that is not valid, a body that does not serialize,
    /// a next link outside the base URL).
    InvalidRequest(String),
    /// The service answered with a non-success status.
    Api(Box<ApiError>),
    /// A success status whose body is not what the operation documents.
    Decode {
        status: u16,
        body: Vec<u8>,
        source: BoxError,
    },
    /// The token provider failed.
    Token(BoxError),
    /// The HTTP stack failed (connection, timeout, ...).
    Transport(BoxError),
}

impl Error {
    /// The HTTP status, for errors that come with a response.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The OData error body, when the service sent one.
    pub fn odata(&self) -> Option<&ODataError> {
        match self {
            Error::Api(e) => e.error.as_ref(),
            _ => None,
        }
    }

    /// Throttling or a temporarily unavailable service: trying again later may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self.status(), Some(429 | 503 | 504)) && matches!(self, Error::Api(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidRequest(why) => write!(f, "invalid request: {why}"),
            Error::Api(e) => match &e.error {
                Some(o) => write!(f, "HTTP {}: {}: {}", e.status, o.code, o.message),
                None => write!(f, "HTTP {}", e.status),
            },
            Error::Decode { status, source, .. } => {
                write!(f, "HTTP {status}: unexpected response body: {source}")
            }
            Error::Token(e) => write!(f, "token provider failed: {e}"),
            Error::Transport(e) => write!(f, "transport failed: {e}"),
        }
    }
}

impl ::std::error::Error for Error {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            Error::Decode { source, .. } | Error::Token(source) | Error::Transport(source) => {
                Some(source.as_ref())
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_graph_error_bodies() {
        let body = br#"{"error":{"code":"Request_ResourceNotFound","message":"Not found.",
            "innerError":{"request-id":"r1","date":"2021-07-16T00:00:00","client-request-id":"c1"}}}"#;
        let e = ODataError::from_body(body).unwrap_or_default();
        assert_eq!(e.code, "Request_ResourceNotFound");
        let inner = e.inner_error.unwrap_or_default();
        assert_eq!(inner.request_id.as_deref(), Some("r1"));
        assert_eq!(inner.date.as_deref(), Some("2021-07-16T00:00:00"));
        let lower = br#"{"error":{"code":"x","message":"y","innererror":{"request-id":"r2"}}}"#;
        let e = ODataError::from_body(lower).unwrap_or_default();
        assert_eq!(
            e.inner_error.and_then(|i| i.request_id).as_deref(),
            Some("r2")
        );
        assert!(ODataError::from_body(b"<html>").is_none());
    }
}
