//! One page of a collection response: `{"value": [...], "@odata.nextLink": "..."}`.

use serde::de::{Deserialize, DeserializeOwned, Deserializer};

/// A page of a collection. `value` skips `null` elements (some services send them).
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub value: Vec<T>,
    /// `@odata.nextLink`: the absolute URL of the next page.
    pub next_link: Option<String>,
    /// `@odata.deltaLink`: where to ask for changes after the last page of a delta query.
    pub delta_link: Option<String>,
    /// `@odata.count`, when `$count=true` was asked.
    pub count: Option<i64>,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Page {
            value: Vec::new(),
            next_link: None,
            delta_link: None,
            count: None,
        }
    }
}

/// The wire form, before `null` elements are dropped.
#[derive(serde::Deserialize)]
#[serde(bound(deserialize = "T: DeserializeOwned"))]
struct WirePage<T> {
    #[serde(default = "Vec::new")]
    value: Vec<Option<T>>,
    #[serde(rename = "@odata.nextLink", default)]
    next_link: Option<String>,
    #[serde(rename = "@odata.deltaLink", default)]
    delta_link: Option<String>,
    #[serde(rename = "@odata.count", default)]
    count: Option<i64>,
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Page<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = WirePage::<T>::deserialize(deserializer)?;
        Ok(Page {
            value: wire.value.into_iter().flatten().collect(),
            next_link: wire.next_link,
            delta_link: wire.delta_link,
            count: wire.count,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_links_and_skips_nulls() {
        let page: Page<i32> = serde_json::from_str(
            r#"{"@odata.context":"x","value":[1,null,2],"@odata.nextLink":"https://n","@odata.count":2}"#,
        )
        .unwrap_or_default();
        assert_eq!(page.value, vec![1, 2]);
        assert_eq!(page.next_link.as_deref(), Some("https://n"));
        assert_eq!(page.count, Some(2));
    }
}
