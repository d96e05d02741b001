//! The sans-I/O core: a described request that turns into an `http::Request`
//! and parses the matching `http::Response`.

use super::encode::{encode_query, PathBuilder};
use super::error::{ApiError, BoxError, Error, ODataError};
use super::page::Page;
use super::retry::parse_retry_after;
use http::header::{HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use http::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Turns a success body into the operation's result.
pub type Decoder<T> = fn(&[u8]) -> Result<T, BoxError>;

/// Where the request goes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// `{base}/{version}{path}`; `path` is encoded and starts with `/`.
    Relative { version: &'static str, path: String },
    /// A link the service gave (`@odata.nextLink`), used as it is.
    Absolute(String),
}

/// One call of a documented operation, described without doing any I/O.
///
/// Generated operation functions return this; send it with the executor
/// (`GraphClient::send`) or with any HTTP stack via [`ApiRequest::to_http`]
/// and [`ApiRequest::parse`].
pub struct ApiRequest<T> {
    method: Method,
    target: Target,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    /// A problem found while describing the request (empty path parameter,
    /// body that does not serialize); reported by `to_http`.
    problem: Option<String>,
    decode: Decoder<T>,
}

impl<T> Clone for ApiRequest<T> {
    fn clone(&self) -> Self {
        ApiRequest {
            method: self.method.clone(),
            target: self.target.clone(),
            query: self.query.clone(),
            headers: self.headers.clone(),
            body: self.body.clone(),
            problem: self.problem.clone(),
            decode: self.decode,
        }
    }
}

impl<T> ::std::fmt::Debug for ApiRequest<T> {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("ApiRequest")
            .field("method", &self.method)
            .field("target", &self.target)
            .field("query", &self.query)
            .field("headers", &self.headers)
            .field("body_len", &self.body.as_ref().map(Vec::len))
            .field("problem", &self.problem)
            .finish()
    }
}

impl<T> ApiRequest<T> {
    /// A request to `{base}/{version}{path}` whose success body `decode` reads.
    pub fn new(
        method: Method,
        version: &'static str,
        path: PathBuilder,
        decode: Decoder<T>,
    ) -> Self {
        let (path, problem) = path.into_parts();
        ApiRequest {
            method,
            target: Target::Relative { version, path },
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            problem,
            decode,
        }
    }

    /// Send `body` as JSON.
    #[must_use]
    pub fn json_body<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some(bytes),
            Err(e) => self.note_problem(format!("the request body does not serialize: {e}")),
        }
        self
    }

    /// Add a request header (for headers the page marks as required).
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// Add a query parameter (not encoded yet).
    #[must_use]
    pub fn query(mut self, name: &str, value: impl Into<String>) -> Self {
        self.query.push((name.to_string(), value.into()));
        self
    }

    /// Add `name=a,b,c` unless `values` is empty (`$select`, `$expand`, `$orderby`).
    #[must_use]
    pub fn query_list(self, name: &str, values: &[String]) -> Self {
        if values.is_empty() {
            self
        } else {
            self.query(name, values.join(","))
        }
    }

    /// Add `name=value` when `value` is set.
    #[must_use]
    pub fn query_opt<V: ::std::fmt::Display>(self, name: &str, value: Option<V>) -> Self {
        match value {
            Some(v) => self.query(name, v.to_string()),
            None => self,
        }
    }

    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The service link this request follows (`@odata.nextLink`), if it is one.
    pub fn absolute_link(&self) -> Option<&str> {
        match &self.target {
            Target::Absolute(link) => Some(link),
            Target::Relative { .. } => None,
        }
    }

    /// The JSON body, if the request has one.
    pub fn body(&self) -> Option<&[u8]> {
        self.body.as_deref()
    }

    /// The absolute URL under `base_url` (`https://graph.microsoft.com`).
    pub fn url(&self, base_url: &str) -> Result<String, Error> {
        if let Some(problem) = &self.problem {
            return Err(Error::InvalidRequest(problem.clone()));
        }
        let base = base_url.trim_end_matches('/');
        let mut url = match &self.target {
            Target::Relative { version, path } => format!("{base}/{version}{path}"),
            Target::Absolute(link) => {
                // The bearer token goes with the request: never to another host.
                if !link.starts_with(&format!("{base}/")) {
                    return Err(Error::InvalidRequest(format!(
                        "link `{link}` is not under the base URL `{base}`"
                    )));
                }
                link.clone()
            }
        };
        for (i, (name, value)) in self.query.iter().enumerate() {
            let first = i == 0 && !url.contains('?');
            url.push(if first { '?' } else { '&' });
            encode_query(name, &mut url);
            url.push('=');
            encode_query(value, &mut url);
        }
        Ok(url)
    }

    /// Build the HTTP request: method, URL, `Authorization: Bearer`, `Accept`,
    /// `Content-Type: application/json` when a body is sent, required headers.
    pub fn to_http(
        &self,
        base_url: &str,
        bearer_token: &str,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        let url = self.url(base_url)?;
        let mut auth = header_value(&format!("Bearer {bearer_token}"), "Authorization")?;
        auth.set_sensitive(true);
        let mut builder = http::Request::builder()
            .method(self.method.clone())
            .uri(url.as_str())
            .header(AUTHORIZATION, auth)
            .header(ACCEPT, HeaderValue::from_static("application/json"));
        if self.body.is_some() {
            builder = builder.header(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        for (name, value) in &self.headers {
            let value = header_value(value, name)?;
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|e| Error::InvalidRequest(format!("header name `{name}`: {e}")))?;
            builder = builder.header(name, value);
        }
        builder
            .body(self.body.clone().unwrap_or_default())
            .map_err(|e| Error::InvalidRequest(format!("URL `{url}`: {e}")))
    }

    /// Parse the response: a success status gives the typed result, any other
    /// status an [`Error::Api`] with the OData error body when there is one.
    pub fn parse(&self, response: &http::Response<Vec<u8>>) -> Result<T, Error> {
        let status = response.status();
        let body = response.body();
        if !status.is_success() {
            return Err(Error::Api(Box::new(ApiError {
                status: status.as_u16(),
                error: ODataError::from_body(body),
                retry_after: parse_retry_after(response.headers()),
                body: body.clone(),
            })));
        }
        (self.decode)(body).map_err(|source| Error::Decode {
            status: status.as_u16(),
            body: body.clone(),
            source,
        })
    }

    fn note_problem(&mut self, problem: String) {
        if self.problem.is_none() {
            self.problem = Some(problem);
        }
    }
}

impl<T> ApiRequest<Page<T>> {
    /// The request for the page after `page`: a GET of its `@odata.nextLink`
    /// with the same headers, or `None` on the last page.
    pub fn next_page(&self, page: &Page<T>) -> Option<ApiRequest<Page<T>>> {
        let link = page.next_link.as_ref()?;
        Some(ApiRequest {
            method: Method::GET,
            target: Target::Absolute(link.clone()),
            query: Vec::new(),
            headers: self.headers.clone(),
            body: None,
            problem: None,
            decode: self.decode,
        })
    }
}

fn header_value(value: &str, name: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(value).map_err(|_| {
        Error::InvalidRequest(format!(
            "the value of header `{name}` is not a valid header value"
        ))
    })
}

/// A JSON body of type `T`.
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, BoxError> {
    Ok(serde_json::from_slice(body)?)
}

/// Any JSON body, `null` when the body is empty (operations whose page names no type).
pub fn decode_json_or_null(body: &[u8]) -> Result<::serde_json::Value, BoxError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        Ok(::serde_json::Value::Null)
    } else {
        Ok(serde_json::from_slice(body)?)
    }
}

/// A primitive or enum result, which OData wraps as `{"value": ...}`.
pub fn decode_value<T: DeserializeOwned>(body: &[u8]) -> Result<T, BoxError> {
    #[derive(serde::Deserialize)]
    #[serde(bound(deserialize = "T: DeserializeOwned"))]
    struct Wrapped<T> {
        value: T,
    }
    Ok(serde_json::from_slice::<Wrapped<T>>(body)?.value)
}

/// No content (`204`): the body, if any, is ignored.
pub fn decode_none(_body: &[u8]) -> Result<(), BoxError> {
    Ok(())
}

/// Raw bytes (`$value` of a stream or a media entity).
pub fn decode_bytes(body: &[u8]) -> Result<Vec<u8>, BoxError> {
    Ok(body.to_vec())
}

/// A `$count` body: a plain-text integer.
pub fn decode_count(body: &[u8]) -> Result<i64, BoxError> {
    let text = ::std::str::from_utf8(body)?;
    Ok(text.trim().trim_start_matches('\u{feff}').parse::<i64>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req() -> ApiRequest<Page<i32>> {
        let path = PathBuilder::new().literal("/users/").param("a b");
        ApiRequest::new(Method::GET, "v1.0", path, decode_json::<Page<i32>>)
    }

    #[test]
    fn builds_url_with_encoded_query() {
        let r = req()
            .query("$filter", "name eq 'a&b'")
            .query_list("$select", &["id".into(), "x".into()]);
        assert_eq!(
            r.url("https://h/").ok().as_deref(),
            Some("https://h/v1.0/users/a%20b?$filter=name%20eq%20'a%26b'&$select=id,x")
        );
        let http = r.to_http("https://h", "t").ok();
        let auth = http
            .as_ref()
            .and_then(|h| h.headers().get(AUTHORIZATION))
            .cloned();
        assert_eq!(auth, HeaderValue::from_str("Bearer t").ok());
        assert!(req().to_http("https://h", "bad\ntoken").is_err());
    }

    #[test]
    fn next_links_must_stay_under_the_base_url() {
        let page = Page {
            next_link: Some("https://evil.example/v1.0/users?$skiptoken=1".to_string()),
            ..Page::default()
        };
        let next = req().next_page(&page);
        assert!(matches!(
            next.map(|n| n.url("https://h")),
            Some(Err(Error::InvalidRequest(_)))
        ));
        let page = Page {
            next_link: Some("https://h/v1.0/users?$skiptoken=1".to_string()),
            ..page
        };
        let next = req().next_page(&page).map(|n| n.url("https://h").ok());
        assert_eq!(
            next,
            Some(Some("https://h/v1.0/users?$skiptoken=1".to_string()))
        );
    }

    #[test]
    fn parses_errors_and_counts() {
        let resp = http::Response::builder()
            .status(429)
            .header("Retry-After", "7")
            .body(br#"{"error":{"code":"TooManyRequests","message":"slow down"}}"#.to_vec());
        let err = resp.ok().map(|r| req().parse(&r));
        match err {
            Some(Err(Error::Api(e))) => {
                assert_eq!(e.status, 429);
                assert_eq!(e.retry_after, Some(::std::time::Duration::from_secs(7)));
                assert_eq!(e.error.map(|o| o.code).as_deref(), Some("TooManyRequests"));
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(decode_count(b"\xef\xbb\xbf42\n").ok(), Some(42));
        assert_eq!(
            decode_value::<String>(br#"{"value":"x"}"#).ok().as_deref(),
            Some("x")
        );
    }
}
