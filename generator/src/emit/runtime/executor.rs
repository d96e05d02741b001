//! The reqwest executor: sends [`ApiRequest`]s with a bearer token from a
//! [`TokenProvider`], retries throttled calls per [`RetryPolicy`] (waiting
//! through an injectable [`Sleeper`]) and follows `@odata.nextLink`.
//!
//! Emitted only when the crate was generated with the executor; without it the
//! crate has no reqwest or tokio dependency and callers use
//! [`ApiRequest::to_http`] / [`ApiRequest::parse`] with their own HTTP stack.

use super::error::{BoxError, Error};
use super::page::Page;
use super::request::ApiRequest;
use super::retry::{parse_retry_after, RetryPolicy};
use super::DEFAULT_BASE_URL;
use futures_util::stream::{self, Stream, StreamExt};
use http::header::HeaderValue;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

/// A boxed future, for the object-safe traits below.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Supplies the OAuth bearer token for each request (and each retry, so a
/// provider may refresh it).
pub trait TokenProvider: Send + Sync {
    fn token(&self) -> BoxFuture<'_, Result<String, BoxError>>;
}

/// A fixed token.
#[derive(Clone)]
pub struct StaticToken(String);

impl StaticToken {
    pub fn new(token: impl Into<String>) -> Self {
        StaticToken(token.into())
    }
}

impl ::std::fmt::Debug for StaticToken {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str("StaticToken(..)")
    }
}

impl TokenProvider for StaticToken {
    fn token(&self) -> BoxFuture<'_, Result<String, BoxError>> {
        let token = self.0.clone();
        Box::pin(async move { Ok(token) })
    }
}

/// Waits between retries. Replace it (tests, simulated time) with
/// [`GraphClientBuilder::sleeper`].
pub trait Sleeper: Send + Sync {
    fn sleep(&self, wait: Duration) -> BoxFuture<'_, ()>;
}

/// Waits with `tokio::time::sleep`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioSleeper;

impl Sleeper for TokioSleeper {
    fn sleep(&self, wait: Duration) -> BoxFuture<'_, ()> {
        Box::pin(tokio::time::sleep(wait))
    }
}

/// Sends requests to Microsoft Graph. Cheap to clone (shared connection pool).
#[derive(Clone)]
pub struct GraphClient {
    http: reqwest::Client,
    base_url: String,
    tokens: Arc<dyn TokenProvider>,
    sleeper: Arc<dyn Sleeper>,
    retry: RetryPolicy,
}

/// Options of a [`GraphClient`].
pub struct GraphClientBuilder {
    base_url: String,
    tokens: Arc<dyn TokenProvider>,
    sleeper: Arc<dyn Sleeper>,
    retry: RetryPolicy,
    timeout: Duration,
    connect_timeout: Duration,
    http: Option<reqwest::Client>,
}

impl GraphClientBuilder {
    /// Service root without version (default `https://graph.microsoft.com`).
    #[must_use]
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into().trim_end_matches('/').to_string();
        self
    }

    #[must_use]
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// How retry waits are spent (default: [`TokioSleeper`]).
    #[must_use]
    pub fn sleeper(mut self, sleeper: Arc<dyn Sleeper>) -> Self {
        self.sleeper = sleeper;
        self
    }

    /// Whole-request timeout (default 100 s, as the Graph SDKs).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Connection timeout (default 10 s).
    #[must_use]
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Use this reqwest client (its own timeouts and TLS settings apply).
    #[must_use]
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    pub fn build(self) -> Result<GraphClient, Error> {
        let http = match self.http {
            Some(client) => client,
            None => reqwest::Client::builder()
                .timeout(self.timeout)
                .connect_timeout(self.connect_timeout)
                .build()
                .map_err(|e| Error::Transport(Box::new(e)))?,
        };
        Ok(GraphClient {
            http,
            base_url: self.base_url,
            tokens: self.tokens,
            sleeper: self.sleeper,
            retry: self.retry,
        })
    }
}

impl GraphClient {
    pub fn builder(tokens: impl TokenProvider + 'static) -> GraphClientBuilder {
        GraphClientBuilder {
            base_url: DEFAULT_BASE_URL.to_string(),
            tokens: Arc::new(tokens),
            sleeper: Arc::new(TokioSleeper),
            retry: RetryPolicy::default(),
            timeout: Duration::from_secs(100),
            connect_timeout: Duration::from_secs(10),
            http: None,
        }
    }

    /// A client with default options.
    pub fn new(tokens: impl TokenProvider + 'static) -> Result<GraphClient, Error> {
        GraphClient::builder(tokens).build()
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Send `request` (retrying per the policy) and parse the typed result.
    pub async fn send<T>(&self, request: &ApiRequest<T>) -> Result<T, Error> {
        let response = self.execute(request).await?;
        request.parse(&response)
    }

    /// Send `request`, retrying throttled calls; the last response, whatever its status.
    pub async fn execute<T>(
        &self,
        request: &ApiRequest<T>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let mut attempts: u32 = 0;
        loop {
            let token = self.tokens.token().await.map_err(Error::Token)?;
            let mut http_request = request.to_http(&self.base_url, &token)?;
            if attempts > 0 {
                // The Graph SDKs' retry handler tells the service which retry this is.
                http_request
                    .headers_mut()
                    .insert("retry-attempt", HeaderValue::from(attempts));
            }
            attempts = attempts.saturating_add(1);
            let response = self.round_trip(http_request).await?;
            let retry_after = parse_retry_after(response.headers());
            match self
                .retry
                .wait_before_retry(response.status().as_u16(), retry_after, attempts)
            {
                Some(wait) => self.sleeper.sleep(wait).await,
                None => return Ok(response),
            }
        }
    }

    /// Every page of a collection, following `@odata.nextLink`.
    pub fn pages<'a, T: Send + 'a>(
        &'a self,
        first: ApiRequest<Page<T>>,
    ) -> impl Stream<Item = Result<Page<T>, Error>> + Send + 'a {
        stream::unfold(Some(first), move |state| async move {
            let request = state?;
            match self.send(&request).await {
                Ok(page) => {
                    let next = next_page(&request, &page);
                    match next {
                        Ok(next) => Some((Ok(page), next)),
                        Err(e) => Some((Err(e), None)),
                    }
                }
                Err(e) => Some((Err(e), None)),
            }
        })
    }

    /// Every item of a collection, page after page.
    pub fn items<'a, T: Send + 'a>(
        &'a self,
        first: ApiRequest<Page<T>>,
    ) -> impl Stream<Item = Result<T, Error>> + Send + 'a {
        self.pages(first).flat_map(|page| {
            let items: Vec<Result<T, Error>> = match page {
                Ok(page) => page.value.into_iter().map(Ok).collect(),
                Err(e) => vec![Err(e)],
            };
            stream::iter(items)
        })
    }

    /// All items of all pages.
    pub async fn collect_all<T>(&self, first: ApiRequest<Page<T>>) -> Result<Vec<T>, Error> {
        let mut items = Vec::new();
        let mut next = Some(first);
        while let Some(request) = next {
            let page = self.send(&request).await?;
            next = next_page(&request, &page)?;
            items.extend(page.value);
        }
        Ok(items)
    }

    async fn round_trip(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let built_path = request.uri().path().to_string();
        let request = reqwest::Request::try_from(request)
            .map_err(|e| Error::InvalidRequest(format!("URL not accepted: {e}")))?;
        // reqwest's URL parser removes dot segments, even percent-encoded ones
        // (`%2E%2E`): never send a request whose path is not the one built.
        if request.url().path() != built_path {
            return Err(Error::InvalidRequest(format!(
                "the path `{built_path}` would be sent as `{}`: a path parameter is a dot segment",
                request.url().path()
            )));
        }
        let response = self
            .http
            .execute(request)
            .await
            .map_err(|e| Error::Transport(Box::new(e)))?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .bytes()
            .await
            .map_err(|e| Error::Transport(Box::new(e)))?;
        let mut out = http::Response::new(body.to_vec());
        *out.status_mut() = status;
        *out.headers_mut() = headers;
        Ok(out)
    }
}

/// The next page's request; a service that links a page to itself would make
/// paging endless, so that is an error.
fn next_page<T>(
    request: &ApiRequest<Page<T>>,
    page: &Page<T>,
) -> Result<Option<ApiRequest<Page<T>>>, Error> {
    let next = request.next_page(page);
    if let (Some(link), Some(current)) = (&page.next_link, request.absolute_link()) {
        if link == current {
            return Err(Error::InvalidRequest(format!(
                "the service linked page `{link}` to itself"
            )));
        }
    }
    Ok(next)
}

/// A blocking form of [`GraphClient`]: runs it on its own single-thread tokio
/// runtime. Like `reqwest::blocking`, it must not be used inside an async context.
pub struct BlockingGraphClient {
    runtime: tokio::runtime::Runtime,
    inner: GraphClient,
}

impl BlockingGraphClient {
    pub fn new(inner: GraphClient) -> Result<BlockingGraphClient, Error> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::Transport(Box::new(e)))?;
        Ok(BlockingGraphClient { runtime, inner })
    }

    pub fn send<T>(&self, request: &ApiRequest<T>) -> Result<T, Error> {
        self.runtime.block_on(self.inner.send(request))
    }

    /// Every page of a collection, fetched as the iterator advances.
    pub fn pages<'a, T: 'a>(
        &'a self,
        first: ApiRequest<Page<T>>,
    ) -> impl Iterator<Item = Result<Page<T>, Error>> + 'a {
        let mut state = Some(first);
        ::std::iter::from_fn(move || {
            let request = state.take()?;
            let result = self
                .send(&request)
                .and_then(|page| next_page(&request, &page).map(|next| (page, next)));
            match result {
                Ok((page, next)) => {
                    state = next;
                    Some(Ok(page))
                }
                Err(e) => Some(Err(e)),
            }
        })
    }

    pub fn collect_all<T>(&self, first: ApiRequest<Page<T>>) -> Result<Vec<T>, Error> {
        self.runtime.block_on(self.inner.collect_all(first))
    }
}
