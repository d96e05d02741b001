//! Behaviour of the resource/enum extraction on the fixture pages, stated
//! field by field (the snapshots in parse_seeds.rs hold the whole IR).

use graph_docgen::extract::extract_page;
use graph_docgen::ir::{PageKind, TypeKind, Version};
use std::path::Path;

fn fixture(name: &str) -> graph_docgen::ir::PageIr {
    let rel = format!("docs-input/fixtures/v1.0/{name}");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(&rel);
    extract_page(&rel, &std::fs::read(path).unwrap_or_default())
}

#[test]
fn widget_resource_page() {
    let ir = fixture("widget.md");
    assert_eq!(ir.kind, PageKind::Resource);
    assert_eq!(ir.version, Some(Version::V1_0));
    let t = &ir.types[0];
    assert_eq!(t.name, "widget");
    assert_eq!(t.kind, TypeKind::Entity);
    assert_eq!(t.base.as_deref(), Some("entity"));
    assert_eq!(t.key.as_deref(), Some("id"));
    assert!(!t.open_type);
    assert!(t.from_resource_page);
    let names: Vec<&str> = t.properties.iter().map(|p| p.name.as_str()).collect();
    // Both property tables, the relationship; not the `values` member table,
    // not the instance annotation, not the Methods table.
    assert_eq!(
        names,
        [
            "id",
            "displayName",
            "tags",
            "state",
            "size",
            "owner",
            "notes",
            "weight",
            "created",
            "layout",
            "children"
        ]
    );
    let p = |n: &str| {
        t.properties
            .iter()
            .find(|p| p.name == n)
            .cloned()
            .unwrap_or_default()
    };
    assert!(p("id").read_only && p("id").nullable == Some(false));
    assert_eq!(
        (
            p("displayName").type_name.as_str(),
            p("displayName").required
        ),
        ("String", true)
    );
    assert_eq!(p("displayName").supports, ["$filter", "$orderby"]);
    assert!(p("tags").collection && p("tags").nullable == Some(true));
    assert_eq!(
        p("state").possible_values,
        ["active", "retired", "unknownFutureValue"]
    );
    assert_eq!(p("size").type_name, "Int32");
    assert_eq!(
        p("size").description.as_deref(),
        Some("Size in pixels (1 | 2 | 4).")
    );
    assert_eq!(p("owner").type_name, "identitySet");
    assert!(p("owner").select_only);
    assert_eq!(
        p("notes").description.as_deref(),
        Some("A description that continues on a second line. Optional.")
    );
    assert_eq!(
        p("weight").description.as_deref(),
        Some("Weight (kg | lb). Read-only.")
    );
    assert_eq!(p("created").type_name, "DateTimeOffset");
    assert_eq!(p("created").description, None);
    assert!(p("layout").collection && p("layout").type_name == "widgetLayout");
    assert!(p("children").navigation && p("children").collection);
    assert_eq!(p("children").source.line, 55);
    let json = t.json_example.as_ref().and_then(|j| j.get("size")).cloned();
    assert_eq!(json, Some(serde_json::json!(1024).into()));
    let kinds: Vec<&str> = ir.enums.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(kinds, ["widgetKind", "widgetState"]);
    assert_eq!(ir.enums[0].members.len(), 2);
}

#[test]
fn widget_state_enum_page() {
    let ir = fixture("widgetstate.md");
    assert_eq!(ir.kind, PageKind::Enum);
    let e = &ir.enums[0];
    assert_eq!(e.name, "widgetState");
    assert!(e.flags);
    assert_eq!(e.members.len(), 5);
    assert_eq!(e.members[3].value, Some(4));
    assert_eq!(e.members[2].description, None);
    assert_eq!(
        e.members[3].description.as_deref(),
        Some("Not yet documented")
    );
}

#[test]
fn historical_string_with_possible_values_gets_a_synthesised_enum() {
    let ir = fixture("widgetlayout.md");
    let t = &ir.types[0];
    assert_eq!(t.kind, TypeKind::Complex);
    let anchor = t.properties.iter().find(|p| p.name == "anchor");
    assert_eq!(
        anchor.map(|p| p.type_name.as_str()),
        Some("widgetLayoutAnchor")
    );
    let sizes = t.properties.iter().find(|p| p.name == "sizes");
    assert_eq!(
        sizes.map(|p| (p.type_name.as_str(), p.collection)),
        Some(("widgetSize", true))
    );
    let e = &ir.enums[0];
    assert_eq!(
        (e.name.as_str(), e.synthesized, e.members.len()),
        ("widgetLayoutAnchor", true, 3)
    );
}
