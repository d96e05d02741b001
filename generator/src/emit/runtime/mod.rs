//! Client runtime of the generated crate, written verbatim by graph-docgen.
//!
//! - A core that does no I/O: [`ApiRequest`] is what every generated operation
//!   function returns; it turns into an [`http::Request`] with
//!   [`ApiRequest::to_http`] and parses an [`http::Response`] with
//!   [`ApiRequest::parse`] into the operation's typed result or an [`Error`]
//!   (the OData error body, the status and the raw body).
//! - Path building ([`PathBuilder`]): every value is percent-encoded as one
//!   segment, so an id can never change the request's path.
//! - Collections ([`Page`]) with `@odata.nextLink` and the retry decision
//!   ([`RetryPolicy`]) as pure functions any HTTP stack can use.

// The parts (`encode`, `error`, `page`, `request`, `retry`, and `executor`
// with the executor) are declared by graph-docgen after this text, private:
// everything a caller needs is re-exported here.

pub use encode::PathBuilder;
pub use error::{ApiError, BoxError, Error, InnerError, ODataError, ODataErrorDetail};
pub use http::Method;
pub use page::Page;
pub use request::{
    decode_bytes, decode_count, decode_json, decode_json_or_null, decode_none, decode_value,
    ApiRequest, Decoder,
};
pub use retry::{parse_retry_after, RetryPolicy};

/// The Microsoft Graph service root; the version segment (`v1.0`, `beta`) is
/// added per operation.
pub const DEFAULT_BASE_URL: &str = "https://graph.microsoft.com";
