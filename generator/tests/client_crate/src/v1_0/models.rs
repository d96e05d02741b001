//! Hand-written v1.0 models of the seed types (see `beta/models.rs`), with the
//! evolvable `complianceStatus` enum: known members plus `Other(String)`.

use crate::primitives::DateTimeOffset;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub type Additional = serde_json::Map<String, serde_json::Value>;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ComplianceStatus {
    Unknown,
    NotApplicable,
    Compliant,
    Remediated,
    NonCompliant,
    Error,
    Conflict,
    NotAssigned,
    /// A value this crate does not know yet; kept as sent.
    Other(String),
}

impl ComplianceStatus {
    pub fn as_str(&self) -> &str {
        match self {
            ComplianceStatus::Unknown => "unknown",
            ComplianceStatus::NotApplicable => "notApplicable",
            ComplianceStatus::Compliant => "compliant",
            ComplianceStatus::Remediated => "remediated",
            ComplianceStatus::NonCompliant => "nonCompliant",
            ComplianceStatus::Error => "error",
            ComplianceStatus::Conflict => "conflict",
            ComplianceStatus::NotAssigned => "notAssigned",
            ComplianceStatus::Other(s) => s,
        }
    }

    pub fn from_wire(s: &str) -> ComplianceStatus {
        match s {
            "unknown" => ComplianceStatus::Unknown,
            "notApplicable" => ComplianceStatus::NotApplicable,
            "compliant" => ComplianceStatus::Compliant,
            "remediated" => ComplianceStatus::Remediated,
            "nonCompliant" => ComplianceStatus::NonCompliant,
            "error" => ComplianceStatus::Error,
            "conflict" => ComplianceStatus::Conflict,
            "notAssigned" => ComplianceStatus::NotAssigned,
            other => ComplianceStatus::Other(other.to_string()),
        }
    }
}

impl Serialize for ComplianceStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ComplianceStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(ComplianceStatus::from_wire(&String::deserialize(d)?))
    }
}

macro_rules! user_status {
    ($name:ident, $update:ident) => {
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            #[serde(skip_serializing_if = "Option::is_none")]
            pub id: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub user_display_name: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub devices_count: Option<i32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub status: Option<ComplianceStatus>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub last_reported_date_time: Option<DateTimeOffset>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub user_principal_name: Option<String>,
            #[serde(flatten)]
            pub additional: Additional,
        }

        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $update {
            #[serde(skip_serializing_if = "Option::is_none")]
            pub user_display_name: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub devices_count: Option<i32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub status: Option<ComplianceStatus>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub last_reported_date_time: Option<DateTimeOffset>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub user_principal_name: Option<String>,
            #[serde(flatten)]
            pub additional: Additional,
        }
    };
}

user_status!(DeviceComplianceUserStatus, DeviceComplianceUserStatusUpdate);
user_status!(
    ManagedDeviceMobileAppConfigurationUserStatus,
    ManagedDeviceMobileAppConfigurationUserStatusUpdate
);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DriveItem {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(flatten)]
    pub additional: Additional,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DriveItemUpdate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(flatten)]
    pub additional: Additional,
}
