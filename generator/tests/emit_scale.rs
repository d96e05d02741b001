//! Scale test: the v1.0 service metadata (`../shared/truth/v1.0.csdl`, every
//! entity, complex and enum type) turned into an `ir::Api` (v1.0, and a
//! beta holding each type twice, ≈ 4,000 named types in all), generated as a
//! crate and built with `-D warnings`. Slow (minutes): run it with
//! `cargo test -p graph-docgen --release --test emit_scale -- --ignored --nocapture`.
//! Prints generation time, output size and build time.

mod emit_fixture;

use graph_docgen::config::Config;
use graph_docgen::ir::model::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn short(name: &str) -> String {
    let inner = name
        .strip_prefix("Collection(")
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(name);
    inner.rsplit('.').next().unwrap_or(inner).to_string()
}

fn property(node: roxmltree::Node<'_, '_>, navigation: bool, line: u32) -> Property {
    let raw = node.attribute("Type").unwrap_or("Edm.String");
    Property {
        name: node.attribute("Name").unwrap_or_default().to_string(),
        type_name: short(raw),
        raw_type: raw.to_string(),
        collection: raw.starts_with("Collection("),
        nullable: node.attribute("Nullable").map(|n| n != "false"),
        navigation,
        source: Source::new("truth/v1.0.csdl", line),
        ..Property::default()
    }
}

/// Every type and enum of a CSDL document, in `version`, names suffixed.
fn api_from_csdl(xml: &str, version: Version, suffix: &str, api: &mut Api) {
    let doc = roxmltree::Document::parse(xml).expect("CSDL parses");
    let rename = |n: &str| format!("{n}{suffix}");
    for node in doc.descendants().filter(|n| n.is_element()) {
        let line = doc.text_pos_at(node.range().start).row;
        let name = node.attribute("Name").unwrap_or_default();
        let source = Source::new("truth/v1.0.csdl", line);
        match node.tag_name().name() {
            tag @ ("EntityType" | "ComplexType") => {
                let properties = node
                    .children()
                    .filter(|c| c.is_element())
                    .filter_map(|c| match c.tag_name().name() {
                        "Property" => Some(property(c, false, line)),
                        "NavigationProperty" => Some(property(c, true, line)),
                        _ => None,
                    })
                    .map(|mut p| {
                        if primitive_free(&p.type_name) {
                            p.type_name = rename(&p.type_name);
                        }
                        p
                    })
                    .collect();
                api.types.push(TypeDef {
                    namespace: None,
                    name: rename(name),
                    version: Some(version),
                    kind: if tag == "EntityType" {
                        TypeKind::Entity
                    } else {
                        TypeKind::Complex
                    },
                    base: node.attribute("BaseType").map(|b| rename(&short(b))),
                    is_abstract: node.attribute("Abstract") == Some("true"),
                    open_type: node.attribute("OpenType") == Some("true"),
                    key: None,
                    description: Some(format!("The `{name}` type of the service metadata.")),
                    properties,
                    json_example: None,
                    source,
                    contributors: Vec::new(),
                    from_resource_page: true,
                });
            }
            "EnumType" => api.enums.push(EnumDef {
                namespace: None,
                implied: false,
                name: rename(name),
                version: Some(version),
                flags: node.attribute("IsFlags") == Some("true"),
                synthesized: false,
                description: None,
                members: node
                    .children()
                    .filter(|c| c.has_tag_name("Member"))
                    .map(|m| EnumMember {
                        name: m.attribute("Name").unwrap_or_default().to_string(),
                        value: m.attribute("Value").and_then(|v| v.parse().ok()),
                        description: None,
                        source: source.clone(),
                    })
                    .collect(),
                source,
            }),
            _ => {}
        }
    }
}

/// True for names of the model (not `Edm.` primitives), which get the suffix.
fn primitive_free(name: &str) -> bool {
    graph_docgen::emit::typeref::primitive(name).is_none()
}

fn count_lines(files: &std::collections::BTreeMap<PathBuf, String>) -> usize {
    files.values().map(|t| t.lines().count()).sum()
}

#[test]
#[ignore = "slow: builds a crate of ~4,000 generated types"]
fn csdl_scale_crate_builds_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let xml =
        std::fs::read_to_string(root.join("../shared/truth/v1.0.csdl")).expect("read the CSDL");
    let mut api = Api::default();
    api_from_csdl(&xml, Version::V1_0, "", &mut api);
    api_from_csdl(&xml, Version::Beta, "", &mut api);
    api_from_csdl(&xml, Version::Beta, "Preview", &mut api);
    let started = Instant::now();
    let generated = Config::new()
        .crate_name("graph-scale")
        .standalone(true)
        .generate_from_api(&api);
    let gen_time = started.elapsed();
    let dir = root.join("target/emit-tests/graph-scale");
    generated.write(&dir).expect("write");
    let bytes: usize = generated.files.values().map(String::len).sum();
    println!(
        "scale: {} types, {} enums -> {} files, {} lines, {} bytes, generated in {:.2?}; {} diagnostics",
        api.types.len(),
        api.enums.len(),
        generated.files.len(),
        count_lines(&generated.files),
        bytes,
        gen_time,
        generated.diagnostics.len()
    );
    for (profile, args) in [
        ("build", vec!["build", "--quiet"]),
        ("clippy", vec!["clippy", "--quiet", "--", "-D", "warnings"]),
    ] {
        let started = Instant::now();
        let out = Command::new(env!("CARGO"))
            .args(&args)
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", root.join("target/emit-tests/target"))
            .env("RUSTFLAGS", "-D warnings")
            .output()
            .expect("run cargo");
        println!("scale: cargo {profile} in {:.1?}", started.elapsed());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
