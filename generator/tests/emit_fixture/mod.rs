//! A hand-made `ir::Api` modelled on the seeds and on corpus pages
//! (deviceComplianceUserStatus + complianceStatus, the deviceConfiguration /
//! windows10GeneralConfiguration family, deviceManagement, mailTipsType
//! flags, an evolvable enum), plus naming torture types, used by the
//! `emit_*` tests until the parser produces real IR.
#![allow(dead_code)]

use graph_docgen::ir::model::*;
use serde_json::{json, Value};

pub fn src(file: &str, line: u32) -> Source {
    Source::new(file, line)
}

pub fn prop(name: &str, ty: &str, line: u32) -> Property {
    Property {
        name: name.to_string(),
        type_name: ty.to_string(),
        raw_type: ty.to_string(),
        description: Some(format!("The {name}.")),
        source: src("resources/fixture.md", line),
        ..Property::default()
    }
}

pub trait PropExt {
    fn collection(self) -> Self;
    fn read_only(self) -> Self;
    fn nullable(self, n: bool) -> Self;
    fn navigation(self) -> Self;
    fn doc(self, d: &str) -> Self;
}

impl PropExt for Property {
    fn collection(mut self) -> Self {
        self.collection = true;
        self
    }
    fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }
    fn nullable(mut self, n: bool) -> Self {
        self.nullable = Some(n);
        self
    }
    fn navigation(mut self) -> Self {
        self.navigation = true;
        self
    }
    fn doc(mut self, d: &str) -> Self {
        self.description = Some(d.to_string());
        self
    }
}

pub fn ty(
    version: Version,
    name: &str,
    kind: TypeKind,
    base: Option<&str>,
    props: Vec<Property>,
) -> TypeDef {
    TypeDef {
        namespace: None,
        name: name.to_string(),
        version: Some(version),
        kind,
        base: base.map(str::to_string),
        is_abstract: false,
        open_type: false,
        key: None,
        description: Some(format!("Describes a {name}. See [{name}](../resources/{name}.md) and https://learn.microsoft.com/graph.")),
        properties: props,
        json_example: None,
        source: src(&format!("resources/{}.md", name.to_lowercase()), 1),
        contributors: Vec::new(),
        from_resource_page: true,
    }
}

pub fn enumeration(version: Version, name: &str, members: &[&str], flags: bool) -> EnumDef {
    EnumDef {
        namespace: None,
        implied: false,
        name: name.to_string(),
        version: Some(version),
        flags,
        synthesized: false,
        description: Some(format!("The {name} values.")),
        members: members
            .iter()
            .enumerate()
            .map(|(i, m)| EnumMember {
                name: m.to_string(),
                value: Some(if flags { 1 << i } else { i as i64 }),
                description: Some(format!("Member {m}.")),
                source: src(
                    &format!("resources/{}.md", name.to_lowercase()),
                    20 + i as u32,
                ),
            })
            .collect(),
        source: src(&format!("resources/{}.md", name.to_lowercase()), 1),
    }
}

pub fn message(start: &str, json: Value, placeholder: bool, line: u32) -> HttpMessage {
    HttpMessage {
        start_line: start.to_string(),
        headers: Vec::new(),
        body_text: Some(json.to_string()),
        json: Some(json.into()),
        placeholder,
        truncated: false,
        source: src("api/fixture.md", line),
    }
}

pub fn operation(
    version: Version,
    name: &str,
    method: &str,
    request: Option<&str>,
    response: Option<(&str, bool)>,
    examples: Vec<Example>,
) -> Operation {
    Operation {
        bound_call: false,
        name: name.to_string(),
        title: name.to_string(),
        version: Some(version),
        method: method.to_string(),
        paths: Vec::new(),
        parameters: Vec::new(),
        query_options: Vec::new(),
        permissions: Vec::new(),
        request: Request {
            type_name: request.map(str::to_string),
            ..Request::default()
        },
        response: Response {
            status: Some(200),
            type_name: response.map(|r| r.0.to_string()),
            collection: response.is_some_and(|r| r.1),
            source: None,
        },
        examples,
        description: None,
        source: src("api/fixture.md", 1),
    }
}

fn intune_types(v: Version) -> (Vec<TypeDef>, Vec<EnumDef>) {
    use TypeKind::*;
    let mut entity = ty(
        v,
        "entity",
        Entity,
        None,
        vec![prop("id", "String", 10)
            .doc("Key of the entity. Read-only.")
            .read_only()],
    );
    entity.is_abstract = true;
    let mut status = ty(v, "deviceComplianceUserStatus", Entity, Some("entity"), vec![
        prop("id", "String", 30).doc("Key of the entity."),
        prop("userDisplayName", "String", 31).doc("User name of the DevicePolicyStatus."),
        prop("devicesCount", "Int32", 32).doc("Devices count for that user."),
        prop("status", "complianceStatus", 33).doc("Compliance status of the policy report. Possible values are: `unknown`, `notApplicable`, `compliant`, `remediated`, `nonCompliant`, `error`, `conflict`, `notAssigned`."),
        prop("lastReportedDateTime", "DateTimeOffset", 34).doc("Last modified date time of the policy report."),
        prop("userPrincipalName", "String", 35).doc("UserPrincipalName."),
    ]);
    status.json_example = Some(Json::from(json!({
        "@odata.type": "#microsoft.graph.deviceComplianceUserStatus",
        "id": "String (identifier)",
        "userDisplayName": "String",
        "devicesCount": 1024,
        "status": "String",
        "lastReportedDateTime": "String (timestamp)",
        "userPrincipalName": "String"
    })));
    let compliance = enumeration(
        v,
        "complianceStatus",
        &[
            "unknown",
            "notApplicable",
            "compliant",
            "remediated",
            "nonCompliant",
            "error",
            "conflict",
            "notAssigned",
        ],
        false,
    );
    (vec![entity, status], vec![compliance])
}

/// The hand-made API: v1.0 with the device configuration family, naming
/// torture and operations with examples; beta with the seed's types.
pub fn sample_api() -> Api {
    use TypeKind::*;
    let v = Version::V1_0;
    let (mut types, mut enums) = intune_types(v);
    let (beta_types, beta_enums) = intune_types(Version::Beta);

    types.push(ty(
        v,
        "deviceConfiguration",
        Entity,
        Some("entity"),
        vec![
            prop("id", "String", 40).doc("Key of the entity."),
            prop("lastModifiedDateTime", "DateTimeOffset", 41)
                .doc("DateTime the object was last modified. Read-only.")
                .read_only(),
            prop("createdDateTime", "DateTimeOffset", 42)
                .doc("DateTime the object was created. Read-only.")
                .read_only(),
            prop("description", "String", 43)
                .doc("Admin provided description of the Device Configuration.")
                .nullable(true),
            prop("displayName", "String", 44)
                .doc("Admin provided name of the device configuration.")
                .nullable(false),
            prop("version", "Int32", 45).doc("Version of the device configuration."),
            prop("assignments", "deviceConfigurationAssignment", 46)
                .collection()
                .navigation()
                .doc("The list of assignments for the device configuration profile."),
        ],
    ));
    types.push(ty(
        v,
        "deviceConfigurationAssignment",
        Entity,
        Some("entity"),
        vec![
            prop("id", "String", 50),
            prop("target", "deviceAndAppManagementAssignmentTarget", 51)
                .doc("The assignment target for the device configuration."),
        ],
    ));
    let mut target = ty(
        v,
        "deviceAndAppManagementAssignmentTarget",
        Complex,
        None,
        vec![],
    );
    target.is_abstract = true;
    types.push(target);
    types.push(ty(
        v,
        "groupAssignmentTarget",
        Complex,
        Some("deviceAndAppManagementAssignmentTarget"),
        vec![prop("groupId", "String", 60)],
    ));
    types.push(ty(
        v,
        "exclusionGroupAssignmentTarget",
        Complex,
        Some("groupAssignmentTarget"),
        vec![],
    ));
    types.push(ty(
        v,
        "allDevicesAssignmentTarget",
        Complex,
        Some("deviceAndAppManagementAssignmentTarget"),
        vec![],
    ));
    types.push(ty(v, "windows10GeneralConfiguration", Entity, Some("deviceConfiguration"), vec![
        prop("id", "String", 70).doc("Key of the entity. Inherited from [deviceConfiguration](../resources/intune-deviceconfig-deviceconfiguration.md)"),
        prop("enterpriseCloudPrintDiscoveryMaxLimit", "Int32", 71).doc("Maximum number of printers that should be queried from a discovery endpoint. Valid values 1 to 65535"),
        prop("bluetoothAllowedServices", "String", 72).collection().doc("Specify a list of allowed Bluetooth services and profiles in hex formatted strings."),
        prop("diagnosticsDataSubmissionMode", "diagnosticDataSubmissionMode", 73).doc("Possible values are: `userDefined`, `none`, `basic`, `enhanced`, `full`."),
        prop("defenderScanMaxCpu", "Int32", 74).nullable(true),
        prop("defenderScheduledScanTime", "TimeOfDay", 75),
        prop("defenderSignatureUpdateInterval", "Duration", 76),
        prop("azureAdTenantId", "Guid", 77),
        prop("lockScreenImage", "Binary", 78),
        prop("passwordExpirationDate", "Date", 79),
        prop("storageSizeInBytes", "Int64", 80),
        prop("defenderCloudBlockRatio", "Double", 81),
        prop("edgeSearchEngine", "edgeSearchEngineBase", 82).doc("Allows IT admins to set a default search engine.<br>See ```json\n{\"a\": 1}\n``` for an example."),
        prop("mailTips", "mailTipsType", 83),
        prop("futureSetting", "Collection(microsoft.graph.notDefinedAnywhere)", 84).doc("A type the docs never define."),
    ]));
    types.push(ty(
        v,
        "iosGeneralDeviceConfiguration",
        Entity,
        Some("deviceConfiguration"),
        vec![prop("passcodeMinimumLength", "Int32", 90)],
    ));
    let mut search = ty(v, "edgeSearchEngineBase", Complex, None, vec![]);
    search.is_abstract = true;
    types.push(search);
    types.push(ty(
        v,
        "edgeSearchEngine",
        Complex,
        Some("edgeSearchEngineBase"),
        vec![prop("edgeSearchEngineType", "edgeSearchEngineType", 100)],
    ));
    types.push(ty(
        v,
        "edgeSearchEngineCustom",
        Complex,
        Some("edgeSearchEngineBase"),
        vec![prop("edgeSearchEngineOpenSearchXmlUrl", "String", 101)],
    ));
    types.push(ty(
        v,
        "deviceManagement",
        Entity,
        Some("entity"),
        vec![
            prop("deviceConfigurations", "deviceConfiguration", 110)
                .collection()
                .navigation()
                .doc("The device configurations."),
            prop("deviceCompliancePolicySetting", "deviceConfiguration", 111)
                .doc("A single polymorphic value."),
            prop("settings", "deviceManagementSettings", 112).doc("Account level settings."),
        ],
    ));
    types.push(ty(
        v,
        "deviceManagementSettings",
        Complex,
        None,
        vec![
            prop("deviceComplianceCheckinThresholdDays", "Int32", 120),
            prop("isScheduledActionEnabled", "Boolean", 121),
            prop("parent", "deviceManagementSettings", 122).doc("A recursive reference, boxed."),
        ],
    ));
    // Naming torture.
    types.push(ty(
        v,
        "Option",
        Complex,
        None,
        vec![
            prop("type", "String", 130),
            prop("self", "String", 131),
            prop("crate", "String", 132),
            prop("super", "String", 133),
            prop("Self", "String", 134),
            prop("displayName", "String", 135),
            prop("DisplayName", "String", 136),
            prop("3dSecure", "Boolean", 137),
            prop("additional", "String", 138),
            prop("iOSVersion", "String", 139),
            prop("some", "Result", 140),
        ],
    ));
    types.push(ty(
        v,
        "Result",
        Complex,
        None,
        vec![prop("ok", "Boolean", 150), prop("err", "String", 151)],
    ));
    types.push(ty(
        v,
        "Self",
        Complex,
        None,
        vec![prop("value", "Option", 160)],
    ));
    types.push(ty(
        v,
        "deviceConfigurationUpdate",
        Complex,
        None,
        vec![prop("note", "String", 170)],
    ));

    enums.push(enumeration(
        v,
        "diagnosticDataSubmissionMode",
        &["userDefined", "none", "basic", "enhanced", "full"],
        false,
    ));
    enums.push(enumeration(
        v,
        "edgeSearchEngineType",
        &["default", "bing"],
        false,
    ));
    enums.push(enumeration(
        v,
        "mailTipsType",
        &["automaticReplies", "mailboxFullStatus", "customMailTip"],
        true,
    ));
    enums.push(enumeration(
        v,
        "riskLevel",
        &[
            "low",
            "medium",
            "high",
            "hidden",
            "none",
            "unknownFutureValue",
            "unrecognized",
            "Self",
            "self",
        ],
        false,
    ));

    types.extend(beta_types);
    enums.extend(beta_enums);
    types.sort_by(|a, b| (a.version, &a.name).cmp(&(b.version, &b.name)));
    enums.sort_by(|a, b| (a.version, &a.name).cmp(&(b.version, &b.name)));

    let patch = operation(v, "update_device_compliance_user_status", "PATCH", Some("deviceComplianceUserStatus"), Some(("deviceComplianceUserStatus", false)), vec![Example {
        title: None,
        request: Some(message("PATCH https://graph.microsoft.com/v1.0/deviceManagement/deviceCompliancePolicies/{id}/userStatuses/{id}", json!({
            "status": "notApplicable",
            "lastReportedDateTime": "2017-01-01T00:00:17.7769392-08:00"
        }), false, 40)),
        response: Some(message("HTTP/1.1 200 OK", json!({
            "@odata.type": "#microsoft.graph.deviceComplianceUserStatus",
            "id": "a0b566cd-66cd-a0b5-cd66-b5a0cd66b5a0",
            "userDisplayName": "User Display Name value",
            "devicesCount": 12,
            "status": "notApplicable",
            "lastReportedDateTime": "2017-01-01T00:00:17.7769392-08:00",
            "userPrincipalName": null
        }), false, 52)),
    }]);
    let list = operation(
        v,
        "list_device_configurations",
        "GET",
        None,
        Some(("deviceConfiguration", true)),
        vec![
            Example {
                title: None,
                request: None,
                response: Some(message(
                    "HTTP/1.1 200 OK",
                    json!({
                        "value": [
                            {
                                "@odata.type": "#microsoft.graph.windows10GeneralConfiguration",
                                "id": "1",
                                "displayName": "Win",
                                "version": 7,
                                "bluetoothAllowedServices": ["a", "b"],
                                "diagnosticsDataSubmissionMode": "enhanced",
                                "defenderScheduledScanTime": "11:59:10.9990000",
                                "defenderSignatureUpdateInterval": "PT1H30M",
                                "azureAdTenantId": "A0B566CD-66CD-A0B5-CD66-B5A0CD66B5A0",
                                "lockScreenImage": "AAECAwQ=",
                                "passwordExpirationDate": "2016-12-31",
                                "storageSizeInBytes": 9223372036854775807i64,
                                "defenderCloudBlockRatio": 1,
                                "edgeSearchEngine": {"@odata.type": "microsoft.graph.edgeSearchEngineCustom", "edgeSearchEngineOpenSearchXmlUrl": "https://x"},
                                "mailTips": "automaticReplies,customMailTip",
                                "futureSetting": [{"anything": true}]
                            },
                            {"@odata.type": "#microsoft.graph.iosGeneralDeviceConfiguration", "id": "2", "passcodeMinimumLength": 6},
                            {"@odata.type": "#microsoft.graph.futureConfiguration", "id": "3", "futureProperty": {"x": [1, 2]}},
                            {"id": "4", "lastModifiedDateTime": "2017-01-01T00:00:00Z"}
                        ]
                    }),
                    false,
                    80,
                )),
            },
            Example {
                title: Some("schema-like".to_string()),
                request: None,
                response: Some(message(
                    "HTTP/1.1 200 OK",
                    json!({"value": [{"id": "String (identifier)", "version": 1024}]}),
                    true,
                    120,
                )),
            },
        ],
    );
    let patch_config = operation(
        v,
        "update_device_configuration",
        "PATCH",
        Some("deviceConfiguration"),
        None,
        vec![Example {
            title: None,
            request: Some(message(
                "PATCH https://graph.microsoft.com/v1.0/deviceManagement/deviceConfigurations/{id}",
                json!({
                    "@odata.type": "#microsoft.graph.deviceConfiguration",
                    "description": null,
                    "displayName": "Renamed"
                }),
                false,
                140,
            )),
            response: None,
        }],
    );
    Api {
        types,
        enums,
        operations: vec![patch, list, patch_config],
        diagnostics: Vec::new(),
        summary: Summary::default(),
    }
}
