//! Usage tests of a crate generated from the hand-made API (copied into the
//! generated crate's tests/ by generator/tests/emit_compile.rs).

use graph_sample::primitives::{DateTimeOffset, Duration, Flags, Guid, Patch, UtcOffset};
use graph_sample::v1_0::models::*;
use serde_json::json;

#[test]
fn patch_sends_only_what_was_set() {
    let empty = DeviceConfigurationUpdate2::default();
    assert_eq!(serde_json::to_value(&empty).unwrap(), json!({}));

    let update = DeviceConfigurationUpdate2 {
        description: Patch::Null,
        display_name: Some("Renamed".to_string()),
        version: Patch::Value(3),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"description": null, "displayName": "Renamed", "version": 3})
    );

    // Absent, null and value read back as three different states.
    let back: DeviceConfigurationUpdate2 =
        serde_json::from_value(json!({"description": null, "version": 3})).unwrap();
    assert_eq!(back.description, Patch::Null);
    assert_eq!(back.version, Patch::Value(3));
    assert_eq!(back.display_name, None);
}

#[test]
fn update_type_leaves_out_read_only_properties() {
    let update: DeviceConfigurationUpdate2 =
        serde_json::from_value(json!({"createdDateTime": "2017-01-01T00:00:00Z"})).unwrap();
    // Not a field of the update type: kept in `additional` rather than typed.
    assert!(update.additional.contains_key("createdDateTime"));
}

#[test]
fn unknown_enum_values_round_trip() {
    let status: ComplianceStatus = serde_json::from_value(json!("notApplicable")).unwrap();
    assert_eq!(status, ComplianceStatus::NotApplicable);
    let future: ComplianceStatus = serde_json::from_value(json!("inGracePeriod")).unwrap();
    assert_eq!(future, ComplianceStatus::Unrecognized("inGracePeriod".to_string()));
    assert_eq!(serde_json::to_value(&future).unwrap(), json!("inGracePeriod"));
    assert_eq!(future.to_string(), "inGracePeriod");
    assert_eq!("compliant".parse::<ComplianceStatus>().unwrap(), ComplianceStatus::Compliant);
    assert_eq!(ComplianceStatus::Unknown.as_str(), "unknown");

    // Evolvable enum: members after the sentinel are ordinary variants.
    let hidden: RiskLevel = serde_json::from_value(json!("unrecognized")).unwrap();
    assert_eq!(hidden, RiskLevel::Unrecognized);
    let other: RiskLevel = serde_json::from_value(json!("brandNew")).unwrap();
    assert_eq!(other, RiskLevel::Unrecognized2("brandNew".to_string()));
    assert_eq!(RiskLevel::UnknownFutureValue.as_str(), "unknownFutureValue");
    assert_eq!(RiskLevel::Self_2.as_str(), "self");
}

#[test]
fn flag_enums_are_sets() {
    let tips: Flags<MailTipsType> = serde_json::from_value(json!("automaticReplies,customMailTip")).unwrap();
    assert_eq!(tips.0, vec![MailTipsType::AutomaticReplies, MailTipsType::CustomMailTip]);
    assert!(tips.contains(&MailTipsType::CustomMailTip));
    assert_eq!(serde_json::to_value(&tips).unwrap(), json!("automaticReplies,customMailTip"));
}

#[test]
fn odata_type_dispatch() {
    let list: Vec<AnyDeviceConfiguration> = serde_json::from_value(json!([
        {"@odata.type": "#microsoft.graph.windows10GeneralConfiguration", "id": "1", "enterpriseCloudPrintDiscoveryMaxLimit": 5},
        {"@odata.type": "#microsoft.graph.deviceConfiguration", "id": "2"},
        {"@odata.type": "#microsoft.graph.futureConfiguration", "id": "3", "futureProperty": 1},
        {"id": "4"},
        {"@odata.type": "microsoft.graph.IOSGENERALDEVICECONFIGURATION", "passcodeMinimumLength": 6}
    ]))
    .unwrap();
    match &list[0] {
        AnyDeviceConfiguration::Windows10GeneralConfiguration(w) => {
            assert_eq!(w.enterprise_cloud_print_discovery_max_limit, Some(5));
            assert_eq!(w.id.as_deref(), Some("1"));
        }
        other => panic!("expected the derived type, got {other:?}"),
    }
    assert!(matches!(&list[1], AnyDeviceConfiguration::DeviceConfiguration(_)));
    match &list[2] {
        AnyDeviceConfiguration::DeviceConfiguration(base) => {
            assert_eq!(base.additional.get("futureProperty"), Some(&json!(1)));
            assert_eq!(base.odata_type.as_deref(), Some("#microsoft.graph.futureConfiguration"));
        }
        other => panic!("expected the base type for an unknown derived type, got {other:?}"),
    }
    assert!(matches!(&list[3], AnyDeviceConfiguration::DeviceConfiguration(_)));
    assert!(matches!(&list[4], AnyDeviceConfiguration::IosGeneralDeviceConfiguration(_)));
    assert_eq!(list[4].type_name(), "iosGeneralDeviceConfiguration");

    // Nothing lost: serializing gives the input back.
    let back = serde_json::to_value(&list[2]).unwrap();
    assert_eq!(back, json!({"@odata.type": "#microsoft.graph.futureConfiguration", "id": "3", "futureProperty": 1}));

    // Polymorphic properties inside structs, and an abstract base with a
    // two-level hierarchy.
    let m: DeviceManagement = serde_json::from_value(json!({
        "deviceConfigurations": [{"@odata.type": "#microsoft.graph.iosGeneralDeviceConfiguration", "id": "9"}],
        "deviceCompliancePolicySetting": {"@odata.type": "#microsoft.graph.windows10GeneralConfiguration"}
    }))
    .unwrap();
    let configs = m.device_configurations.unwrap();
    assert!(matches!(&configs[0], AnyDeviceConfiguration::IosGeneralDeviceConfiguration(_)));
    assert!(matches!(m.device_compliance_policy_setting.as_deref(), Some(AnyDeviceConfiguration::Windows10GeneralConfiguration(_))));
    let target: AnyDeviceAndAppManagementAssignmentTarget =
        serde_json::from_value(json!({"@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", "groupId": "g"})).unwrap();
    assert!(matches!(target, AnyDeviceAndAppManagementAssignmentTarget::ExclusionGroupAssignmentTarget(_)));
}

#[test]
fn date_time_offset_round_trips_exactly() {
    for text in [
        "2017-01-01T00:00:17.7769392-08:00",
        "2017-01-01T00:00:00Z",
        "2020-02-29T23:59:59.1+05:30",
        "2017-01-01T00:00:00",
    ] {
        let parsed: DateTimeOffset = serde_json::from_value(json!(text)).unwrap();
        assert_eq!(serde_json::to_value(parsed).unwrap(), json!(text));
    }
    let t = DateTimeOffset::parse("2017-01-01T00:00:17.7769392-08:00").unwrap();
    assert_eq!(t.time.nanosecond, 776_939_200);
    assert_eq!(t.time.fraction_digits, 7);
    assert_eq!(t.offset, UtcOffset::Minutes(-480));
    let utc = DateTimeOffset::parse("2017-01-01T08:00:17.7769392Z").unwrap();
    assert_eq!(t.unix_nanos(), utc.unix_nanos());
    for bad in ["2017-13-01T00:00:00Z", "2017-02-30T00:00:00Z", "String (timestamp)", "2017-01-01T00:00:00+5"] {
        assert!(DateTimeOffset::parse(bad).is_err(), "{bad}");
    }
    let status: DeviceComplianceUserStatus =
        serde_json::from_value(json!({"lastReportedDateTime": "2017-01-01T00:00:17.7769392-08:00"})).unwrap();
    assert_eq!(
        serde_json::to_value(&status).unwrap(),
        json!({"lastReportedDateTime": "2017-01-01T00:00:17.7769392-08:00"})
    );
}

#[test]
fn other_primitives_round_trip() {
    for text in ["PT1H30M", "P1D", "-P1Y2M3W4DT5H6M7.5S", "PT0S"] {
        assert_eq!(Duration::parse(text).unwrap().to_string(), text);
    }
    assert_eq!(Duration::parse("PT1H30M").unwrap().to_std(), Some(std::time::Duration::from_secs(5400)));
    assert!(Duration::parse("P").is_err());
    let g = Guid::parse("A0B566CD-66CD-A0B5-CD66-B5A0CD66B5A0").unwrap();
    assert_eq!(g.to_string(), "A0B566CD-66CD-A0B5-CD66-B5A0CD66B5A0");
    assert_eq!(g, Guid::parse("a0b566cd-66cd-a0b5-cd66-b5a0cd66b5a0").unwrap());
    let bin: graph_sample::primitives::Base64 = serde_json::from_value(json!("AAECAwQ=")).unwrap();
    assert_eq!(bin.0, vec![0, 1, 2, 3, 4]);
    assert_eq!(serde_json::to_value(&bin).unwrap(), json!("AAECAwQ="));
}

#[test]
fn keyword_and_collision_names() {
    let o = Option {
        r#type: Some("t".into()),
        self_: Some("s".into()),
        crate_: Some("c".into()),
        super_: Some("p".into()),
        self2: Some("S".into()),
        display_name: Some("lower".into()),
        display_name2: Some("upper".into()),
        _3d_secure: Some(true),
        additional: Some("a property named additional".into()),
        i_os_version: Some("17".into()),
        some: Some(Box::new(Result { ok: Some(true), ..Default::default() })),
        ..Default::default()
    };
    let v = serde_json::to_value(&o).unwrap();
    assert_eq!(
        v,
        json!({
            "type": "t", "self": "s", "crate": "c", "super": "p", "Self": "S",
            "displayName": "lower", "DisplayName": "upper", "3dSecure": true,
            "additional": "a property named additional", "iOSVersion": "17", "some": {"ok": true}
        })
    );
    let back: Option = serde_json::from_value(v).unwrap();
    assert_eq!(back, o);
    let _ = Self_ { value: Some(Box::new(o)), ..Default::default() };
    let _ = DeviceConfigurationUpdate { note: Some("a type of the docs keeps its name".into()), ..Default::default() };
}

#[test]
fn beta_is_its_own_module() {
    let s: graph_sample::beta::models::DeviceComplianceUserStatus =
        serde_json::from_value(json!({"status": "compliant"})).unwrap();
    assert_eq!(s.status, Some(graph_sample::beta::models::ComplianceStatus::Compliant));
}

/// The examples report: counts by version and origin, each failure located
/// by a JSON pointer, and the pass criterion (all, or a minimum share of the
/// v1.0 response examples).
#[cfg(feature = "roundtrip")]
#[test]
fn examples_report_counts_and_locates_failures() {
    use graph_sample::examples::{run_examples, Criterion};
    let case = |origin: &str, type_name: &str, placeholder: bool, body: serde_json::Value| {
        json!({"version": "v1.0", "type": type_name, "shape": "model", "origin": origin,
               "source": "page.md:7", "placeholder": placeholder, "json": body})
    };
    let config = "#microsoft.graph.windows10GeneralConfiguration";
    let fixture = json!([
        case("response", "deviceComplianceUserStatus", false, json!({"devicesCount": 2, "userPrincipalName": null})),
        case("response", "deviceComplianceUserStatus", false, json!({"id": "1", "devicesCount": "many"})),
        case("response", "deviceConfiguration", false, json!({"@odata.type": config, "id": "2", "bluetoothAllowedServices": ["a", 3]})),
        case("response", "deviceConfiguration", false, json!({"@odata.type": config, "lockScreenImage": "AAECAwR="})),
        case("request", "deviceComplianceUserStatus", true, json!({"id": "String (identifier)"})),
        case("resource", "deviceComplianceUserStatus", false, json!({"unknownProperty": [null, 1]})),
    ])
    .to_string();
    let report = run_examples(&fixture).unwrap();
    let response = report.tally("v1.0", "response");
    assert_eq!((response.tried, response.passed, response.failed), (4, 1, 3));
    assert_eq!(report.tally("v1.0", "request").skipped_placeholder, 1);
    assert_eq!(report.tally("v1.0", "resource").passed, 1);
    let total = report.total();
    assert_eq!((total.tried, total.passed, total.skipped_placeholder), (5, 2, 1));

    let reasons: Vec<&str> = report.failed.iter().map(|f| f.reason.as_str()).collect();
    assert!(reasons[0].starts_with("at /devicesCount: deserialize: invalid type: string \"many\""), "{reasons:?}");
    assert!(!reasons[0].contains("column"), "{reasons:?}");
    assert!(reasons[1].starts_with("at /bluetoothAllowedServices/1: deserialize: invalid type: integer `3`"), "{reasons:?}");
    assert_eq!(reasons[2], "at /lockScreenImage: expected \"AAECAwR=\", got \"AAECAwQ=\"");
    let printed = report.to_string();
    assert!(printed.contains("v1.0     response        4       1       3        0   25.00%"), "{printed}");
    assert!(printed.contains("v1.0 response page.md:7 deviceConfiguration: at /lockScreenImage"), "{printed}");

    assert!(report.check(&Criterion::NoFailure).is_err());
    assert!(report.check(&Criterion::min_v1_response("25").unwrap()).is_ok());
    assert!(report.check(&Criterion::min_v1_response("25.1").unwrap()).is_err());
    assert!(Criterion::min_v1_response("95%").is_err());
    assert!(Criterion::min_v1_response("101").is_err());
}
