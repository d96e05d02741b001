//! Snapshots of the operations the API extractor reads from the five seed
//! pages (`docs-input/*.txt`) and from the API fixtures
//! (`docs-input/fixtures/api-*.md`), plus the facts each seed must show.

use graph_docgen::extract::extract_page;
use graph_docgen::ir::model::{PageIr, PermissionKind, Segment, Version};
use std::path::{Path, PathBuf};

fn docs_input() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-input")
}

/// Extract a page with a stable label (the path under docs-input/).
fn page(rel: &str) -> PageIr {
    let bytes = std::fs::read(docs_input().join(rel)).unwrap_or_default();
    assert!(!bytes.is_empty(), "{rel} is missing");
    extract_page(&format!("docs-input/{rel}"), &bytes)
}

/// What the snapshots pin: operations, body type fragments, has_http and
/// this extractor's diagnostics.
fn snapshot_view(p: &PageIr) -> serde_json::Value {
    serde_json::json!({
        "has_http": p.has_http,
        "operations": p.operations,
        "body_fragments": p.types.iter().filter(|t| !t.from_resource_page).collect::<Vec<_>>(),
        "diagnostics": p.diagnostics.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
    })
}

fn seed(prefix: &str) -> PageIr {
    let name = std::fs::read_dir(docs_input())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .unwrap_or_default();
    page(&name)
}

#[test]
fn seed_000_generic_angle_ids() {
    let p = seed("000_");
    insta::assert_json_snapshot!("seed_000", snapshot_view(&p));
    let op = &p.operations[0];
    assert_eq!(op.name, "update_device_compliance_user_status");
    assert_eq!(
        op.paths[0].template,
        "/deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/userStatuses/{userStatusId}"
    );
    assert_eq!(op.permissions[0].kind, PermissionKind::Unspecified);
    assert_eq!(op.response.status, Some(200));
    assert_eq!(
        op.response.type_name.as_deref(),
        Some("deviceComplianceUserStatus")
    );
    assert_eq!(op.version, Some(Version::Beta));
}

#[test]
fn seed_001_six_paths_with_casts_and_double_slashes() {
    let p = seed("001_");
    insta::assert_json_snapshot!("seed_001", snapshot_view(&p));
    let op = &p.operations[0];
    assert_eq!(op.title, "Update deviceConfigurationUserStatus");
    assert_eq!(op.paths.len(), 6);
    let casts = op
        .paths
        .iter()
        .filter(|p| p.segments.iter().any(|s| matches!(s, Segment::Cast { .. })))
        .count();
    assert_eq!(casts, 4);
    assert!(op.paths.iter().all(|p| !p.template.contains("//")));
    let names: Vec<&str> = op.parameters.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["deviceConfigurationId", "userStatusId"]);
    assert!(p.diagnostics.iter().any(|d| d.code == "path-double-slash"));
}

#[test]
fn seed_002_stub_collection_patch_with_placeholders() {
    let p = seed("002_");
    insta::assert_json_snapshot!("seed_002", snapshot_view(&p));
    let op = &p.operations[0];
    assert_eq!(op.version, Some(Version::V1_0));
    assert!(op.permissions.is_empty(), "TODO cells give no scopes");
    assert_eq!(
        op.request.type_name.as_deref(),
        Some("deviceComplianceUserStatus")
    );
    assert_eq!(op.request.properties.len(), 6);
    let ex = &op.examples[0];
    assert!(ex.request.as_ref().is_some_and(|r| r.placeholder));
    let resp = ex.response.as_ref().expect("response");
    assert!(
        resp.truncated && resp.json.is_some(),
        "body right after headers"
    );
    assert_eq!(p.types.len(), 1);
    assert_eq!(p.types[0].name, "deviceComplianceUserStatus");
}

#[test]
fn seed_003_permission_scopes_link_template() {
    let p = seed("003_");
    insta::assert_json_snapshot!("seed_003", snapshot_view(&p));
    let op = &p.operations[0];
    assert_eq!(op.permissions.len(), 1);
    assert_eq!(
        op.permissions[0].scopes,
        vec!["DeviceManagementConfiguration.ReadWrite.All"]
    );
    assert_eq!(
        op.parameters
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        vec!["deviceCompliancePolicyId", "deviceComplianceDeviceStatusId"]
    );
}

#[test]
fn seed_004_mobile_app_configuration_user_statuses() {
    let p = seed("004_");
    insta::assert_json_snapshot!("seed_004", snapshot_view(&p));
    let op = &p.operations[0];
    assert_eq!(
        op.request.type_name.as_deref(),
        Some("managedDeviceMobileAppConfigurationUserStatus")
    );
    assert_eq!(op.paths[0].template, "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses");
}
