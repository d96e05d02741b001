//! When to try a call again: throttling (429) and a busy or timed-out service
//! (503, 504), honouring `Retry-After`, as the Graph SDKs' retry handlers do.

use std::time::Duration;

/// How many times to try and how long to wait between tries.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Total tries, the first one included (1 = never retry).
    pub max_attempts: u32,
    /// The longest wait accepted. A `Retry-After` beyond it is not waited for:
    /// the throttling error is returned to the caller (some services throttle
    /// for an hour). Computed back-off waits are clamped to it.
    pub max_wait: Duration,
    /// The wait before the first retry when the response has no `Retry-After`;
    /// doubled on every further retry.
    pub base_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            max_wait: Duration::from_secs(180),
            base_delay: Duration::from_secs(3),
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// The wait before trying again after `attempts` tries ended with `status`,
    /// or `None` when the call must not be retried.
    pub fn wait_before_retry(
        &self,
        status: u16,
        retry_after: Option<Duration>,
        attempts: u32,
    ) -> Option<Duration> {
        if !matches!(status, 429 | 503 | 504) || attempts >= self.max_attempts {
            return None;
        }
        match retry_after {
            Some(wait) if wait > self.max_wait => None,
            Some(wait) => Some(wait),
            None => {
                let doublings = attempts.saturating_sub(1).min(16);
                let wait = self.base_delay.saturating_mul(1u32 << doublings);
                Some(wait.min(self.max_wait))
            }
        }
    }
}

/// `Retry-After` as a number of seconds (the form Graph sends); `None` when
/// absent or given as an HTTP date.
pub fn parse_retry_after(headers: &http::HeaderMap) -> Option<Duration> {
    let text = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?;
    text.trim().parse::<u64>().ok().map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decides_waits() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.wait_before_retry(429, Some(Duration::from_secs(5)), 1),
            Some(Duration::from_secs(5))
        );
        assert_eq!(
            p.wait_before_retry(429, Some(Duration::from_secs(3600)), 1),
            None
        );
        assert_eq!(
            p.wait_before_retry(503, None, 2),
            Some(Duration::from_secs(6))
        );
        assert_eq!(p.wait_before_retry(504, None, 4), None);
        assert_eq!(p.wait_before_retry(500, None, 1), None);
        assert_eq!(RetryPolicy::none().wait_before_retry(429, None, 1), None);
    }
}
