//! `verify`: scoring a hand-made merged API against small CSDL snippets, the
//! real v1.0 metadata scored against itself, and the command's exit codes.

use graph_docgen::ir::*;
use graph_docgen::verify::csdl::{self, Metadata};
use graph_docgen::verify::score::{score, Kind, Ratio};
use graph_docgen::verify::{render_text, Thresholds};
use std::path::{Path, PathBuf};

const CSDL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="complianceStatus">
        <Member Name="unknown" Value="0" />
        <Member Name="compliant" Value="1" />
        <Member Name="unknownFutureValue" Value="2" />
      </EnumType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="deviceComplianceUserStatus" BaseType="graph.entity">
        <Property Name="userDisplayName" Type="Edm.String" />
        <Property Name="devicesCount" Type="Edm.Int32" Nullable="false" />
        <Property Name="status" Type="graph.complianceStatus" Nullable="false" />
        <Property Name="tags" Type="Collection(Edm.String)" />
        <NavigationProperty Name="device" Type="microsoft.graph.callRecords.device" ContainsTarget="true" />
      </EntityType>
    </Schema>
    <Schema Namespace="microsoft.graph.callRecords" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="device" BaseType="graph.entity">
        <Property Name="name" Type="Edm.String" />
      </EntityType>
      <EntityType Name="deviceComplianceUserStatus" BaseType="graph.entity">
        <Property Name="other" Type="Edm.String" />
      </EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>"#;

fn prop(name: &str, ty: &str, collection: bool, line: u32) -> Property {
    Property {
        name: name.to_string(),
        type_name: ty.to_string(),
        collection,
        source: Source::new("v1.0/resources/status.md", line),
        ..Property::default()
    }
}

fn resource_type(name: &str, version: Version, props: Vec<Property>) -> TypeDef {
    TypeDef {
        name: name.to_string(),
        version: Some(version),
        namespace: None,
        kind: TypeKind::Entity,
        base: Some("entity".into()),
        is_abstract: false,
        open_type: false,
        key: None,
        description: None,
        properties: props,
        json_example: None,
        source: Source::new("v1.0/resources/status.md", 1),
        contributors: Vec::new(),
        from_resource_page: true,
    }
}

fn enum_def(name: &str, members: &[&str]) -> EnumDef {
    EnumDef {
        name: name.to_string(),
        version: Some(Version::V1_0),
        namespace: None,
        flags: false,
        synthesized: false,
        implied: false,
        description: None,
        members: members
            .iter()
            .enumerate()
            .map(|(i, m)| EnumMember {
                name: m.to_string(),
                value: None,
                description: None,
                source: Source::new("v1.0/resources/compliancestatus.md", 10 + i as u32),
            })
            .collect(),
        source: Source::new("v1.0/resources/compliancestatus.md", 1),
    }
}

fn sample_api() -> Api {
    let status = resource_type(
        "deviceComplianceUserStatus",
        Version::V1_0,
        vec![
            prop("id", "String", false, 10),
            prop("userDisplayName", "string", false, 11),
            prop("devicesCount", "Int64", false, 12),
            prop("status", "complianceStatus", false, 13),
            prop("tags", "String", false, 14),
            prop("UserPrincipalName", "String", false, 15),
            prop("device", "microsoft.graph.callRecords.device", false, 16),
        ],
    );
    let mut fragment = resource_type(
        "device",
        Version::V1_0,
        vec![prop("bogus", "String", false, 3)],
    );
    fragment.from_resource_page = false;
    let beta = resource_type(
        "deviceComplianceUserStatus",
        Version::Beta,
        vec![prop("betaOnly", "String", false, 2)],
    );
    let unknown = resource_type(
        "notInMetadata",
        Version::V1_0,
        vec![prop("x", "String", false, 2)],
    );
    Api {
        types: vec![status, fragment, beta, unknown],
        enums: vec![
            enum_def(
                "complianceStatus",
                &["unknown", "compliant", "inGracePeriod"],
            ),
            enum_def("notAnEnumThere", &["a"]),
        ],
        ..Api::default()
    }
}

fn meta() -> Metadata {
    csdl::parse(CSDL).expect("snippet parses")
}

#[test]
fn figures_count_names_types_and_members() {
    let r = score(&sample_api(), &meta());
    assert_eq!(
        r.types_scored, 1,
        "fragments and beta types are out of scope"
    );
    assert_eq!(r.types_not_in_metadata, 1);
    assert_eq!(r.enums_scored, 1);
    // 7 docs properties: `UserPrincipalName` is unknown; `id` is inherited from entity.
    assert_eq!(r.scores.precision, Ratio { hits: 6, total: 7 });
    // Declared: userDisplayName, devicesCount, status, tags, device (not inherited id).
    assert_eq!(r.scores.recall, Ratio { hits: 5, total: 5 });
    // Of the 6 matched: devicesCount Int64≠Int32, tags not a collection.
    assert_eq!(r.scores.type_agreement, Ratio { hits: 4, total: 6 });
    assert_eq!(r.scores.enum_precision, Ratio { hits: 2, total: 3 });
    assert_eq!(r.scores.enum_recall, Ratio { hits: 2, total: 3 });
}

#[test]
fn every_disagreement_is_listed_with_its_location() {
    let r = score(&sample_api(), &meta());
    let lines: Vec<String> = r.disagreements.iter().map(|d| d.to_string()).collect();
    let expected = [
        "v1.0/resources/status.md:15: deviceComplianceUserStatus.UserPrincipalName: missing in metadata (no such name)",
        "v1.0/resources/status.md:12: deviceComplianceUserStatus.devicesCount: type docs Int64 vs metadata Int32",
        "v1.0/resources/status.md:14: deviceComplianceUserStatus.tags: type docs String vs metadata Collection(String)",
        "v1.0/resources/compliancestatus.md:12: complianceStatus.inGracePeriod: missing in metadata",
        "v1.0/resources/compliancestatus.md:1: complianceStatus.unknownFutureValue: missing in docs (value 2)",
        "v1.0/resources/status.md:1: notInMetadata: not in metadata",
    ];
    assert_eq!(lines, expected);
    let text = render_text(&r);
    assert!(
        text.contains("property precision     85.71% (6/7)"),
        "{text}"
    );
    assert!(
        text.contains("type agreement         66.67% (4/6)"),
        "{text}"
    );
    assert!(text.contains("property type mismatches (2):"), "{text}");
    assert!(
        text.contains(
            "property type mismatches (2):\n  by class: 1 numeric width, 1 collection flag\n"
        ),
        "{text}"
    );
    for line in expected {
        assert!(text.contains(line), "{line} not in\n{text}");
    }
}

#[test]
fn missing_docs_properties_lower_recall() {
    let mut api = sample_api();
    api.types[0]
        .properties
        .retain(|p| p.name != "status" && p.name != "device");
    let r = score(&api, &meta());
    assert_eq!(r.scores.recall, Ratio { hits: 3, total: 5 });
    let missing: Vec<&str> = r
        .disagreements
        .iter()
        .filter(|d| d.kind == Kind::MissingInDocs)
        .map(|d| d.detail.as_str())
        .collect();
    assert_eq!(
        missing,
        [
            "missing in docs (navigation property of type device)",
            "missing in docs (property of type complianceStatus)"
        ]
    );
}

#[test]
fn names_match_ignoring_case_when_exact_fails() {
    let mut api = sample_api();
    api.types[0].name = "DeviceComplianceUserStatus".into();
    let r = score(&api, &meta());
    assert_eq!(r.types_scored, 1);
    assert_eq!(
        r.scores.recall.total, 5,
        "microsoft.graph preferred over callRecords"
    );
}

#[test]
fn namespaced_types_score_against_their_own_namespace() {
    let mut api = sample_api();
    let mut other = resource_type(
        "deviceComplianceUserStatus",
        Version::V1_0,
        vec![
            prop("other", "String", false, 4),
            prop("userDisplayName", "String", false, 5),
        ],
    );
    other.namespace = Some("microsoft.graph.callRecords".into());
    api.types.push(other);
    let r = score(&api, &meta());
    assert_eq!(r.types_scored, 2);
    let lines: Vec<String> = r
        .disagreements
        .iter()
        .filter(|d| d.kind == Kind::MissingInMetadata)
        .map(|d| d.item.clone())
        .collect();
    assert_eq!(
        lines,
        [
            "callRecords.deviceComplianceUserStatus.userDisplayName",
            "deviceComplianceUserStatus.UserPrincipalName"
        ]
    );
}

#[test]
fn enum_figures_per_enum_and_enums_ahead_of_the_metadata() {
    let mut api = sample_api();
    // A second enum, all members right: the mean weighs both enums alike.
    api.enums.push(enum_def("color", &["red", "Blue"]));
    let xml = CSDL.replace(
        "<EntityType Name=\"entity\"",
        "<EnumType Name=\"color\"><Member Name=\"red\" Value=\"0\" /><Member Name=\"blue\" Value=\"1\" /></EnumType>\n      <EntityType Name=\"entity\"",
    );
    let meta = csdl::parse(&xml).expect("parses");
    let r = score(&api, &meta);
    assert_eq!(r.scores.enum_precision, Ratio { hits: 3, total: 5 });
    // complianceStatus 2/3, color 1/2 → mean 58.33%.
    let p = r.macro_scores.enum_precision.expect("measured");
    assert!((p - (200.0 / 3.0 + 50.0) / 2.0).abs() < 1e-9, "{p}");
    let ahead: Vec<(&str, usize)> = r
        .enums_docs_ahead
        .iter()
        .map(|a| (a.item.as_str(), a.docs_only))
        .collect();
    assert_eq!(ahead, [("color", 1), ("complianceStatus", 1)]);
    let text = render_text(&r);
    assert!(
        text.contains("per-enum mean (each enum once): member precision 58.33%"),
        "{text}"
    );
    assert!(
        text.contains("enums where the docs list members the metadata lacks (2):"),
        "{text}"
    );
    assert!(
        text.contains("color.Blue: missing in metadata (metadata spells it `blue`)"),
        "{text}"
    );
}

#[test]
fn thresholds_report_figures_below() {
    let r = score(&sample_api(), &meta());
    let t = Thresholds {
        precision: Some(80.0),
        type_agreement: Some(70.0),
        enum_recall: Some(66.0),
        ..Thresholds::default()
    };
    let failures = t.failures(&r.scores);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].contains("--min-type-agreement"));
}

/// Build the API the v1.0 metadata describes, as if the docs were perfect.
fn api_from_metadata(meta: &Metadata) -> Api {
    let mut api = Api::default();
    for t in meta.types.values() {
        let props = t
            .properties
            .iter()
            .map(|p| Property {
                name: p.name.clone(),
                type_name: p.type_name.clone(),
                collection: p.collection,
                navigation: p.navigation,
                source: Source::new(&format!("{}.md", t.name), 1),
                ..Property::default()
            })
            .collect();
        let mut td = resource_type(&t.name, Version::V1_0, props);
        td.namespace = Some(t.namespace.clone());
        td.source = Source::new(&format!("{}.md", t.name), 1);
        api.types.push(td);
    }
    for e in meta.enums.values() {
        let names: Vec<&str> = e.members.iter().map(|(n, _)| n.as_str()).collect();
        let mut ed = enum_def(&e.name, &names);
        ed.namespace = Some(e.namespace.clone());
        ed.source = Source::new(&format!("{}.md", e.name), 1);
        for m in &mut ed.members {
            m.source = ed.source.clone();
        }
        api.enums.push(ed);
    }
    api
}

fn truth() -> Option<Metadata> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/truth/v1.0.csdl");
    let xml = std::fs::read_to_string(path).ok()?;
    Some(csdl::parse(&xml).expect("the real metadata parses"))
}

#[test]
fn real_metadata_parses_and_scores_itself_perfectly() {
    let Some(meta) = truth() else {
        eprintln!("skipped: ../shared/truth/v1.0.csdl not present");
        return;
    };
    assert_eq!(meta.types.len(), 507 + 515);
    assert_eq!(meta.enums.len(), 322);
    let user = meta.find_type("user").expect("user");
    assert!(
        meta.chain(user).len() >= 3,
        "user → directoryObject → entity"
    );
    let mut api = api_from_metadata(&meta);
    let r = score(&api, &meta);
    // Names in two namespaces (modality, endpoint, mediaStream) score
    // against the type of their own namespace: everything is perfect.
    let off: Vec<String> = r.disagreements.iter().map(|d| d.to_string()).collect();
    assert!(off.is_empty(), "{off:#?}");
    assert_eq!((r.types_scored, r.enums_scored), (1022, 322));
    assert!(r.scores.precision.total > 5000, "{:?}", r.scores);
    // Drop one property: recall and precision move by exactly one.
    let before = r.scores;
    let i = api
        .types
        .iter()
        .position(|t| t.name == "user")
        .expect("user");
    api.types[i].properties.retain(|p| p.name != "mail");
    let r = score(&api, &meta);
    assert_eq!(r.scores.recall.hits + 1, before.recall.hits);
    assert_eq!(r.scores.precision.total + 1, before.precision.total);
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_graph-docgen"))
}

#[test]
fn command_prints_json_and_fails_below_thresholds() {
    let dir = std::env::temp_dir().join(format!("verify-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let csdl_file = dir.join("m.csdl");
    std::fs::write(&csdl_file, CSDL).expect("write csdl");
    let page = dir.join("page.md");
    std::fs::write(&page, "# nothing\n").expect("write page");
    let run = |extra: &[&str]| {
        std::process::Command::new(bin())
            .arg("verify")
            .arg("--csdl")
            .arg(&csdl_file)
            .args(extra)
            .arg(&page)
            .output()
            .expect("runs")
    };
    let ok = run(&["--json"]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&ok.stdout).expect("json report");
    assert_eq!(json["version"], "v1.0");
    assert!(json["scores"]["precision"]["total"].is_u64());
    let fail = run(&["--min-recall", "10"]);
    assert!(!fail.status.success());
    assert!(String::from_utf8_lossy(&fail.stderr).contains("--min-recall"));
    let bad = std::process::Command::new(bin())
        .args(["verify", "--csdl"])
        .arg(dir.join("missing.csdl"))
        .arg(&page)
        .output()
        .expect("runs");
    assert!(!bad.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
