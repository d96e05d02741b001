//! Hand-built IR of the five seed pages (and four corpus pages that exercise
//! lists, deletes, actions and function paths), modelled on `ir::model` as the
//! parser will produce it. Example messages of the seeds are read from the seed
//! pages themselves (`docs-input/`), so requests and responses are the docs' own.

#![allow(dead_code)]

use graph_docgen::ir::model::*;
use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn src(file: &str, line: u32) -> Source {
    Source::new(file, line)
}

fn lit(name: &str) -> Segment {
    Segment::Literal {
        name: name.to_string(),
    }
}

fn param(name: &str, raw: &str) -> Segment {
    Segment::Param {
        name: name.to_string(),
        alternatives: Vec::new(),
        raw: raw.to_string(),
    }
}

fn cast(type_name: &str) -> Segment {
    Segment::Cast {
        namespace: "microsoft.graph".to_string(),
        type_name: type_name.to_string(),
    }
}

/// Segments → the normalised template (`{name}` params, casts with namespace).
fn template(segments: &[Segment]) -> String {
    let mut t = String::new();
    for s in segments {
        t.push('/');
        match s {
            Segment::Literal { name } => t.push_str(name),
            Segment::Param { name, .. } => t.push_str(&format!("{{{name}}}")),
            Segment::Cast {
                namespace,
                type_name,
            } => t.push_str(&format!("{namespace}.{type_name}")),
            Segment::Function { name, args } => {
                let args: Vec<String> = args
                    .iter()
                    .map(|a| {
                        let v = if a.is_param {
                            format!("'{{{}}}'", a.value)
                        } else {
                            a.value.clone()
                        };
                        match &a.name {
                            Some(n) => format!("{n}={v}"),
                            None => v,
                        }
                    })
                    .collect();
                t.push_str(&format!("{name}({})", args.join(",")));
            }
            Segment::Dollar { name } => t.push_str(&format!("${name}")),
            Segment::ItemPath { raw, .. } => t.push_str(raw),
        }
    }
    t
}

fn op_path(raw: &str, segments: Vec<Segment>, file: &str, line: u32) -> OpPath {
    OpPath {
        raw: raw.to_string(),
        template: template(&segments),
        segments,
        query: None,
        source: src(file, line),
    }
}

fn prop(name: &str, type_name: &str, file: &str, line: u32) -> Property {
    Property {
        name: name.to_string(),
        type_name: type_name.to_string(),
        raw_type: type_name.to_string(),
        source: src(file, line),
        ..Property::default()
    }
}

fn header(name: &str, value: &str, required: bool, file: &str, line: u32) -> Header {
    Header {
        name: name.to_string(),
        value: value.to_string(),
        required,
        source: src(file, line),
    }
}

fn permission(scope: &str, file: &str, line: u32) -> PermissionSet {
    PermissionSet {
        kind: PermissionKind::Unspecified,
        scopes: vec![scope.to_string()],
        supported: true,
        qualifier: None,
        source: src(file, line),
    }
}

/// The ```` ```http ```` blocks of a page as messages: start line, headers, body.
pub fn http_blocks(file: &str) -> Vec<HttpMessage> {
    let text = std::fs::read_to_string(repo_root().join(file)).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i].trim();
        if l.starts_with("```") && l.trim_start_matches('`').trim() == "http" {
            let start = i + 1;
            let mut end = start;
            while end < lines.len() && !lines[end].trim().starts_with("```") {
                end += 1;
            }
            out.push(message(file, start as u32 + 1, &lines[start..end]));
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}

fn message(file: &str, line: u32, lines: &[&str]) -> HttpMessage {
    let mut it = lines.iter().map(|l| l.trim()).skip_while(|l| l.is_empty());
    let start_line = it.next().unwrap_or_default().to_string();
    let mut headers = Vec::new();
    let mut body = Vec::new();
    let mut in_body = false;
    for l in it {
        if !in_body && (l.is_empty() || l.starts_with('{') || l.starts_with('[')) {
            in_body = true;
        }
        if in_body {
            body.push(l);
        } else if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let body_text = body.join("\n").trim().to_string();
    let json = serde_json::from_str::<serde_json::Value>(&body_text).ok();
    let placeholder = body_text.contains("\"Integer\"") || body_text.contains("String (timestamp)");
    HttpMessage {
        start_line,
        headers,
        body_text: (!body_text.is_empty()).then_some(body_text),
        json,
        placeholder,
        truncated: false,
        source: src(file, line),
    }
}

/// The Examples section of a seed: the 2nd and 3rd http blocks (the 1st is
/// the HTTP request syntax block).
fn seed_example(file: &str) -> Example {
    let blocks = http_blocks(file);
    Example {
        title: None,
        request: blocks.get(1).cloned(),
        response: blocks.get(2).cloned(),
    }
}

fn update_op(
    name: &str,
    title: &str,
    version: Version,
    file: &str,
    paths: Vec<OpPath>,
    body_type: &str,
    body_props: Vec<Property>,
) -> Operation {
    Operation {
        name: name.to_string(),
        title: title.to_string(),
        version: Some(version),
        method: "PATCH".to_string(),
        paths,
        parameters: Vec::new(),
        query_options: Vec::new(),
        permissions: vec![permission(
            "DeviceManagementConfiguration.ReadWrite.All",
            file,
            6,
        )],
        request: Request {
            headers: Vec::new(),
            type_name: Some(body_type.to_string()),
            collection: false,
            properties: body_props,
            is_parameters: false,
        },
        response: Response {
            status: Some(200),
            type_name: Some(body_type.to_string()),
            collection: false,
            source: Some(src(file, 36)),
        },
        examples: vec![seed_example(file)],
        description: Some(format!("Update the properties of a {body_type} object.")),
        source: src(file, 1),
    }
}

const S000: &str = "docs-input/000_a8ee8d45899e5296.txt";
const S001: &str = "docs-input/001_c57f4170632d784c.txt";
const S002: &str = "docs-input/002_b80fc6785e7d6cab.txt";
const S003: &str = "docs-input/003_c3d237070740f251.txt";
const S004: &str = "docs-input/004_513c3e2dd710452a.txt";

fn auth_accept(file: &str, line: u32) -> Vec<Header> {
    vec![
        header(
            "Authorization",
            "Bearer <token> Required.",
            true,
            file,
            line,
        ),
        header("Accept", "application/json", false, file, line + 1),
    ]
}

fn auth_content_type(file: &str, line: u32) -> Vec<Header> {
    vec![
        header(
            "Authorization",
            "Bearer {token}. Required.",
            true,
            file,
            line,
        ),
        header(
            "Content-Type",
            "application/json. Required.",
            true,
            file,
            line + 1,
        ),
    ]
}

/// Seed 000: `PATCH /deviceManagement/deviceCompliancePolicies/<id>/userStatuses/<id>` (beta).
fn seed_000() -> Operation {
    let f = S000;
    let segs = vec![
        lit("deviceManagement"),
        lit("deviceCompliancePolicies"),
        param("deviceCompliancePolicyId", "<id>"),
        lit("userStatuses"),
        param("userStatusId", "<id>"),
    ];
    let mut op = update_op(
        "update_device_compliance_user_status",
        "Update deviceComplianceUserStatus",
        Version::Beta,
        f,
        vec![op_path(
            "/deviceManagement/deviceCompliancePolicies/<id>/userStatuses/<id>",
            segs,
            f,
            13,
        )],
        "deviceComplianceUserStatus",
        vec![
            prop("id", "String", f, 28),
            prop("status", "String", f, 29),
            prop("lastReportedDateTime", "DateTimeOffset", f, 30),
        ],
    );
    op.request.headers = auth_accept(f, 19);
    op
}

/// Seed 001: six PATCH paths with casts and `//` (beta).
fn seed_001() -> Operation {
    let f = S001;
    let head = || {
        vec![
            lit("deviceManagement"),
            lit("deviceConfigurations"),
            param("deviceConfigurationId", "{id}"),
        ]
    };
    let tail = || vec![lit("userStatuses"), param("userStatusId", "{id}")];
    let mk = |middle: Vec<Segment>, raw: &str, line: u32| {
        let mut s = head();
        s.extend(middle);
        s.extend(tail());
        op_path(raw, s, f, line)
    };
    let paths = vec![
        mk(vec![], "/deviceManagement/deviceConfigurations/{id}/userStatuses/{id}", 13),
        mk(
            vec![lit("rootCertificate")],
            "/deviceManagement/deviceConfigurations/{id}/rootCertificate//userStatuses/{id}",
            14,
        ),
        mk(
            vec![cast("iosScepCertificateProfile"), lit("rootCertificate")],
            "/deviceManagement/deviceConfigurations/{id}/microsoft.graph.iosScepCertificateProfile/rootCertificate//userStatuses/{id}",
            15,
        ),
        mk(
            vec![cast("macOSScepCertificateProfile"), lit("rootCertificate")],
            "/deviceManagement/deviceConfigurations/{id}/microsoft.graph.macOSScepCertificateProfile/rootCertificate//userStatuses/{id}",
            16,
        ),
        mk(
            vec![cast("windows10VpnConfiguration"), lit("identityCertificate")],
            "/deviceManagement/deviceConfigurations/{id}/microsoft.graph.windows10VpnConfiguration/identityCertificate//userStatuses/{id}",
            17,
        ),
        mk(
            vec![cast("windowsPhone81VpnConfiguration"), lit("identityCertificate")],
            "/deviceManagement/deviceConfigurations/{id}/microsoft.graph.windowsPhone81VpnConfiguration/identityCertificate//userStatuses/{id}",
            18,
        ),
    ];
    let mut op = update_op(
        "update_device_configuration_user_status",
        "Update deviceConfigurationUserStatus",
        Version::Beta,
        f,
        paths,
        "deviceConfigurationUserStatus",
        vec![
            prop("id", "String", f, 33),
            prop("status", "String", f, 34),
            prop("lastReportedDateTime", "DateTimeOffset", f, 35),
        ],
    );
    op.request.headers = auth_accept(f, 24);
    op
}

/// Seed 002: `PATCH .../{deviceCompliancePolicyId}/userStatuses` (v1.0, placeholder examples).
fn seed_002() -> Operation {
    let f = S002;
    let segs = vec![
        lit("deviceManagement"),
        lit("deviceCompliancePolicies"),
        param("deviceCompliancePolicyId", "{deviceCompliancePolicyId}"),
        lit("userStatuses"),
    ];
    let mut op = update_op(
        "update_user_statuses",
        "Update userStatuses",
        Version::V1_0,
        f,
        vec![op_path(
            "/deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/userStatuses",
            segs,
            f,
            32,
        )],
        "deviceComplianceUserStatus",
        user_status_props(f, 48),
    );
    op.request.headers = auth_content_type(f, 38);
    op
}

fn user_status_props(f: &str, line: u32) -> Vec<Property> {
    vec![
        prop("id", "String", f, line),
        prop("userDisplayName", "String", f, line + 1),
        prop("devicesCount", "Int32", f, line + 2),
        prop("status", "complianceStatus", f, line + 3),
        prop("lastReportedDateTime", "DateTimeOffset", f, line + 4),
        prop("userPrincipalName", "String", f, line + 5),
    ]
}

/// Seed 003: `PATCH .../{deviceCompliancePolicyId}/deviceStatuses/{deviceComplianceDeviceStatusId}` (beta).
fn seed_003() -> Operation {
    let f = S003;
    let segs = vec![
        lit("deviceManagement"),
        lit("deviceCompliancePolicies"),
        param("deviceCompliancePolicyId", "{deviceCompliancePolicyId}"),
        lit("deviceStatuses"),
        param(
            "deviceComplianceDeviceStatusId",
            "{deviceComplianceDeviceStatusId}",
        ),
    ];
    let props = [
        ("id", "String"),
        ("deviceDisplayName", "String"),
        ("userName", "String"),
        ("deviceModel", "String"),
        ("platform", "Int32"),
        ("complianceGracePeriodExpirationDateTime", "DateTimeOffset"),
        ("status", "String"),
        ("lastReportedDateTime", "DateTimeOffset"),
        ("userPrincipalName", "String"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (n, t))| prop(n, t, f, 35 + i as u32))
    .collect();
    let mut op = update_op(
        "update_device_compliance_device_status",
        "Update deviceComplianceDeviceStatus",
        Version::Beta,
        f,
        vec![op_path(
            "/deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/deviceStatuses/{deviceComplianceDeviceStatusId}",
            segs,
            f,
            18,
        )],
        "deviceComplianceDeviceStatus",
        props,
    );
    op.request.headers = auth_accept(f, 24);
    op
}

/// Seed 004: `PATCH /deviceAppManagement/mobileAppConfigurations/{id}/userStatuses` (v1.0).
/// Merge makes names unique per version: seed 002 is `update_user_statuses`.
fn seed_004() -> Operation {
    let f = S004;
    let segs = vec![
        lit("deviceAppManagement"),
        lit("mobileAppConfigurations"),
        param(
            "managedDeviceMobileAppConfigurationId",
            "{managedDeviceMobileAppConfigurationId}",
        ),
        lit("userStatuses"),
    ];
    let mut op = update_op(
        "update_user_statuses2",
        "Update userStatuses",
        Version::V1_0,
        f,
        vec![op_path(
            "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses",
            segs,
            f,
            32,
        )],
        "managedDeviceMobileAppConfigurationUserStatus",
        user_status_props(f, 48),
    );
    op.request.headers = auth_content_type(f, 38);
    op
}

fn json_message(
    start_line: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    file: &str,
    line: u32,
) -> HttpMessage {
    HttpMessage {
        start_line: start_line.to_string(),
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        body_text: body.map(str::to_string),
        json: body.and_then(|b| serde_json::from_str(b).ok()),
        placeholder: false,
        truncated: false,
        source: src(file, line),
    }
}

const LIST: &str =
    "../shared/corpus/beta/api/intune-deviceconfig-devicecomplianceuserstatus-list.md";
const DELETE: &str =
    "../shared/corpus/beta/api/intune-deviceconfig-devicecomplianceuserstatus-delete.md";
const ACTION: &str =
    "../shared/corpus/beta/api/intune-shared-devicecompliancepolicy-scheduleactionsforrules.md";
const SEARCH: &str = "../shared/corpus/v1.0/api/driveitem-search.md";

fn base_op(name: &str, title: &str, version: Version, method: &str, file: &str) -> Operation {
    Operation {
        name: name.to_string(),
        title: title.to_string(),
        version: Some(version),
        method: method.to_string(),
        paths: Vec::new(),
        parameters: Vec::new(),
        query_options: Vec::new(),
        permissions: Vec::new(),
        request: Request::default(),
        response: Response::default(),
        examples: Vec::new(),
        description: None,
        source: src(file, 1),
    }
}

fn policy_user_statuses(file: &str, line: u32, with_id: bool) -> OpPath {
    let mut segs = vec![
        lit("deviceManagement"),
        lit("deviceCompliancePolicies"),
        param("deviceCompliancePolicyId", "{deviceCompliancePolicyId}"),
        lit("userStatuses"),
    ];
    let mut raw =
        "/deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/userStatuses"
            .to_string();
    if with_id {
        segs.push(param(
            "deviceComplianceUserStatusId",
            "{deviceComplianceUserStatusId}",
        ));
        raw.push_str("/{deviceComplianceUserStatusId}");
    }
    op_path(&raw, segs, file, line)
}

/// `GET .../userStatuses`: a collection of deviceComplianceUserStatus (beta list page).
fn list_user_statuses() -> Operation {
    let f = LIST;
    let mut op = base_op(
        "list_device_compliance_user_statuses",
        "List deviceComplianceUserStatuses",
        Version::Beta,
        "GET",
        f,
    );
    op.paths = vec![policy_user_statuses(f, 28, false)];
    op.request.headers = auth_accept(f, 34);
    op.response = Response {
        status: Some(200),
        type_name: Some("deviceComplianceUserStatus".to_string()),
        collection: true,
        source: Some(src(f, 42)),
    };
    op.examples = vec![Example {
        title: None,
        request: Some(json_message(
            "GET https://graph.microsoft.com/beta/deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/userStatuses",
            &[],
            None,
            f,
            50,
        )),
        response: Some(json_message(
            "HTTP/1.1 200 OK",
            &[("Content-Type", "application/json"), ("Content-Length", "397")],
            Some(r##"{
  "value": [
    {
      "@odata.type": "#microsoft.graph.deviceComplianceUserStatus",
      "id": "a0b566cd-66cd-a0b5-cd66-b5a0cd66b5a0",
      "userDisplayName": "User Display Name value",
      "devicesCount": 12,
      "status": "notApplicable",
      "lastReportedDateTime": "2017-01-01T00:00:17.7769392-08:00",
      "userPrincipalName": "User Principal Name value"
    }
  ]
}"##),
            f,
            56,
        )),
    }];
    op
}

/// `DELETE .../userStatuses/{id}`: 204 No Content (beta delete page).
fn delete_user_status() -> Operation {
    let f = DELETE;
    let mut op = base_op(
        "delete_device_compliance_user_status",
        "Delete deviceComplianceUserStatus",
        Version::Beta,
        "DELETE",
        f,
    );
    op.paths = vec![policy_user_statuses(f, 35, true)];
    op.request.headers = auth_accept(f, 41);
    op.response = Response {
        status: Some(204),
        type_name: None,
        collection: false,
        source: Some(src(f, 42)),
    };
    op
}

/// `POST .../scheduleActionsForRules`: an action with a parameters table, 204 (beta).
fn schedule_actions_for_rules() -> Operation {
    let f = ACTION;
    let mut op = base_op(
        "schedule_actions_for_rules",
        "scheduleActionsForRules action",
        Version::Beta,
        "POST",
        f,
    );
    op.paths = vec![op_path(
        "/deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/scheduleActionsForRules",
        vec![
            lit("deviceManagement"),
            lit("deviceCompliancePolicies"),
            param("deviceCompliancePolicyId", "{deviceCompliancePolicyId}"),
            lit("scheduleActionsForRules"),
        ],
        f,
        24,
    )];
    let mut p = prop(
        "deviceComplianceScheduledActionForRules",
        "deviceComplianceScheduledActionForRule",
        f,
        42,
    );
    p.collection = true;
    op.request = Request {
        headers: auth_accept(f, 30),
        type_name: None,
        collection: false,
        properties: vec![p],
        is_parameters: true,
    };
    op.response = Response {
        status: Some(204),
        type_name: None,
        collection: false,
        source: Some(src(f, 47)),
    };
    op.examples = vec![Example {
        title: None,
        request: Some(json_message(
            "POST https://graph.microsoft.com/beta/deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/scheduleActionsForRules",
            &[("Content-type", "application/json")],
            Some(r##"{
  "deviceComplianceScheduledActionForRules": [
    {
      "@odata.type": "#microsoft.graph.deviceComplianceScheduledActionForRule",
      "id": "f0075d5e-5d5e-f007-5e5d-07f05e5d07f0",
      "ruleName": "Rule Name value"
    }
  ]
}"##),
            f,
            55,
        )),
        response: Some(json_message("HTTP/1.1 204 No Content", &[], None, f, 75)),
    }];
    op
}

/// `GET .../root/search(q='{search-text}')`: five paths, a function segment,
/// documented query options, a collection of driveItem (v1.0).
fn search_drive_items() -> Operation {
    let f = SEARCH;
    let mut op = base_op("search", "Search for files", Version::V1_0, "GET", f);
    let search = || Segment::Function {
        name: "search".to_string(),
        args: vec![FunctionArg {
            name: Some("q".to_string()),
            is_param: true,
            value: "searchText".to_string(),
        }],
    };
    let mk = |head: Vec<Segment>, raw: &str, line: u32| {
        let mut s = head;
        s.push(lit("root"));
        s.push(search());
        op_path(raw, s, f, line)
    };
    op.paths = vec![
        mk(
            vec![lit("drives"), param("driveId", "{drive-id}")],
            "/drives/{drive-id}/root/search(q='{search-text}')",
            30,
        ),
        mk(
            vec![lit("groups"), param("groupId", "{group-id}"), lit("drive")],
            "/groups/{group-id}/drive/root/search(q='{search-text}')",
            31,
        ),
        mk(
            vec![lit("me"), lit("drive")],
            "/me/drive/root/search(q='{search-text}')",
            32,
        ),
        mk(
            vec![lit("sites"), param("siteId", "{site-id}"), lit("drive")],
            "/sites/{site-id}/drive/root/search(q='{search-text}')",
            33,
        ),
        mk(
            vec![lit("users"), param("userId", "{user-id}"), lit("drive")],
            "/users/{user-id}/drive/root/search(q='{search-text}')",
            34,
        ),
    ];
    op.query_options = ["$expand", "$select", "$skipToken", "$top", "$orderby"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    op.parameters = vec![Parameter {
        name: "q".to_string(),
        location: ParamLocation::Function,
        type_name: "String".to_string(),
        collection: false,
        required: true,
        description: Some("The query text used to search for items.".to_string()),
        possible_values: Vec::new(),
        source: src(f, 45),
    }];
    op.response = Response {
        status: Some(200),
        type_name: Some("driveItem".to_string()),
        collection: true,
        source: Some(src(f, 50)),
    };
    op.examples = vec![Example {
        title: None,
        request: Some(json_message(
            "GET /me/drive/root/search(q='Contoso Project')",
            &[],
            None,
            f,
            62,
        )),
        response: Some(json_message(
            "HTTP/1.1 200 OK",
            &[("Content-type", "application/json")],
            Some(
                r#"{
    "value": [
      {
        "id": "0123456789abc!123",
        "name": "Contoso Project",
        "folder": {},
        "searchResult": { "onClickTelemetryUrl": "https://bing.com/0123456789abc!123" }
      },
      {
        "id": "0123456789abc!456",
        "name": "Contoso Project 2016",
        "folder": {},
        "searchResult": { "onClickTelemetryUrl": "https://bing.com/0123456789abc!456" }
      }
    ],
    "@odata.nextLink": "https://graph.microsoft.com/v1.0/me/drive/root/search(query='contoso project')&skipToken=1asdlnjnkj1nalkm!asd"
}"#,
            ),
            f,
            96,
        )),
    }];
    op
}

fn type_def(name: &str, version: Version, props: Vec<Property>, file: &str) -> TypeDef {
    TypeDef {
        namespace: None,
        name: name.to_string(),
        version: Some(version),
        kind: TypeKind::Entity,
        base: Some("entity".to_string()),
        is_abstract: false,
        open_type: false,
        key: Some("id".to_string()),
        description: None,
        properties: props,
        json_example: None,
        source: src(file, 1),
        contributors: Vec::new(),
        from_resource_page: false,
    }
}

/// The merged API of the seeds and the four corpus operations.
pub fn seed_api() -> Api {
    let mut operations = vec![
        seed_000(),
        seed_001(),
        seed_002(),
        seed_003(),
        seed_004(),
        list_user_statuses(),
        delete_user_status(),
        schedule_actions_for_rules(),
        search_drive_items(),
    ];
    operations.sort_by(|a, b| (a.version, &a.name).cmp(&(b.version, &b.name)));
    let mut types = vec![
        type_def(
            "deviceComplianceUserStatus",
            Version::Beta,
            seed_000().request.properties,
            S000,
        ),
        type_def(
            "deviceConfigurationUserStatus",
            Version::Beta,
            seed_001().request.properties,
            S001,
        ),
        type_def(
            "deviceComplianceDeviceStatus",
            Version::Beta,
            seed_003().request.properties,
            S003,
        ),
        type_def(
            "deviceComplianceScheduledActionForRule",
            Version::Beta,
            vec![
                prop("id", "String", ACTION, 60),
                prop("ruleName", "String", ACTION, 61),
            ],
            ACTION,
        ),
        type_def(
            "deviceComplianceUserStatus",
            Version::V1_0,
            user_status_props(S002, 48),
            S002,
        ),
        type_def(
            "managedDeviceMobileAppConfigurationUserStatus",
            Version::V1_0,
            user_status_props(S004, 48),
            S004,
        ),
        type_def(
            "driveItem",
            Version::V1_0,
            vec![
                prop("id", "String", SEARCH, 90),
                prop("name", "String", SEARCH, 91),
            ],
            SEARCH,
        ),
    ];
    types.sort_by(|a, b| (a.version, &a.name).cmp(&(b.version, &b.name)));
    let member = |n: &str| EnumMember {
        name: n.to_string(),
        value: None,
        description: None,
        source: src(S002, 51),
    };
    let enums = vec![EnumDef {
        namespace: None,
        implied: false,
        name: "complianceStatus".to_string(),
        version: Some(Version::V1_0),
        flags: false,
        synthesized: false,
        description: None,
        members: [
            "unknown",
            "notApplicable",
            "compliant",
            "remediated",
            "nonCompliant",
            "error",
            "conflict",
            "notAssigned",
        ]
        .iter()
        .map(|n| member(n))
        .collect(),
        source: src(S002, 51),
    }];
    Api {
        types,
        enums,
        operations,
        diagnostics: Vec::new(),
        summary: Summary::default(),
    }
}
