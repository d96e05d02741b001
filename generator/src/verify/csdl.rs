//! OData CSDL XML → the few facts `verify` scores against: structured types
//! (entity/complex, base type, declared properties) and enum types (members),
//! keyed by qualified name, across every `Schema` namespace.

use crate::ir::model::TypeKind;
use std::collections::BTreeMap;

/// The namespace preferred when a simple name exists in several.
pub use crate::ir::model::MAIN_NAMESPACE;

/// A property or navigation property as the metadata declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaProperty {
    pub name: String,
    /// Type name without namespace or `Edm.`: `String`, `entity`, `callRecord`.
    pub type_name: String,
    pub collection: bool,
    pub navigation: bool,
    /// `Nullable` attribute when present.
    pub nullable: Option<bool>,
}

/// An `EntityType` or `ComplexType`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaType {
    pub namespace: String,
    pub name: String,
    pub kind: TypeKind,
    /// Qualified base type name (aliases resolved): `microsoft.graph.entity`.
    pub base: Option<String>,
    pub is_abstract: bool,
    /// Declared properties, structural then navigation, in document order.
    pub properties: Vec<MetaProperty>,
}

/// An `EnumType`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaEnum {
    pub namespace: String,
    pub name: String,
    pub flags: bool,
    pub members: Vec<(String, Option<i64>)>,
}

/// The parsed metadata, keyed by qualified name (`namespace.name`).
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub types: BTreeMap<String, MetaType>,
    pub enums: BTreeMap<String, MetaEnum>,
}

/// A type reference split into its parts: `Collection(graph.x)` → (`microsoft.graph.x`, true).
fn split_type_ref(raw: &str, aliases: &BTreeMap<String, String>) -> (String, bool) {
    let raw = raw.trim();
    let (inner, collection) = match raw
        .strip_prefix("Collection(")
        .and_then(|r| r.strip_suffix(')'))
    {
        Some(inner) => (inner.trim(), true),
        None => (raw, false),
    };
    (qualify(inner, aliases), collection)
}

/// Replace a schema alias prefix (`graph.x`) by its namespace (`microsoft.graph.x`).
fn qualify(name: &str, aliases: &BTreeMap<String, String>) -> String {
    if let Some((prefix, rest)) = name.rsplit_once('.') {
        if let Some(ns) = aliases.get(prefix) {
            return format!("{ns}.{rest}");
        }
    }
    name.to_string()
}

/// The simple name of a qualified one: `microsoft.graph.x` → `x`, `Edm.String` → `String`.
pub fn simple_name(qualified: &str) -> &str {
    qualified.rsplit_once('.').map_or(qualified, |(_, n)| n)
}

fn attr_bool(node: roxmltree::Node, name: &str) -> Option<bool> {
    node.attribute(name)
        .map(|v| v.trim().eq_ignore_ascii_case("true"))
}

fn property(node: roxmltree::Node, aliases: &BTreeMap<String, String>) -> Option<MetaProperty> {
    let name = node.attribute("Name")?;
    let (qualified, collection) = split_type_ref(node.attribute("Type").unwrap_or(""), aliases);
    Some(MetaProperty {
        name: name.to_string(),
        type_name: simple_name(&qualified).to_string(),
        collection,
        navigation: node.tag_name().name() == "NavigationProperty",
        nullable: attr_bool(node, "Nullable"),
    })
}

fn structured(
    node: roxmltree::Node,
    namespace: &str,
    kind: TypeKind,
    aliases: &BTreeMap<String, String>,
) -> Option<MetaType> {
    let name = node.attribute("Name")?;
    let properties = node
        .children()
        .filter(|c| matches!(c.tag_name().name(), "Property" | "NavigationProperty"))
        .filter_map(|c| property(c, aliases))
        .collect();
    Some(MetaType {
        namespace: namespace.to_string(),
        name: name.to_string(),
        kind,
        base: node
            .attribute("BaseType")
            .map(|b| qualify(b.trim(), aliases)),
        is_abstract: attr_bool(node, "Abstract").unwrap_or(false),
        properties,
    })
}

fn enumeration(node: roxmltree::Node, namespace: &str) -> Option<MetaEnum> {
    let name = node.attribute("Name")?;
    let members = node
        .children()
        .filter(|c| c.tag_name().name() == "Member")
        .filter_map(|m| {
            let n = m.attribute("Name")?;
            let v = m
                .attribute("Value")
                .and_then(|v| v.trim().parse::<i64>().ok());
            Some((n.to_string(), v))
        })
        .collect();
    Some(MetaEnum {
        namespace: namespace.to_string(),
        name: name.to_string(),
        flags: attr_bool(node, "IsFlags").unwrap_or(false),
        members,
    })
}

/// Parse CSDL XML. Element names are matched without their XML namespace so
/// EDMX wrappers of either OData version read the same.
pub fn parse(xml: &str) -> Result<Metadata, String> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| format!("not well-formed XML: {e}"))?;
    let schemas: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "Schema")
        .collect();
    if schemas.is_empty() {
        return Err("no <Schema> element: not CSDL".to_string());
    }
    // Aliases apply across schemas (a type in one namespace may name another's alias).
    let aliases: BTreeMap<String, String> = schemas
        .iter()
        .filter_map(|s| {
            Some((
                s.attribute("Alias")?.to_string(),
                s.attribute("Namespace")?.to_string(),
            ))
        })
        .collect();
    let mut meta = Metadata::default();
    for schema in schemas {
        let Some(ns) = schema.attribute("Namespace") else {
            continue;
        };
        for node in schema.children().filter(|n| n.is_element()) {
            let parsed = match node.tag_name().name() {
                "EntityType" => structured(node, ns, TypeKind::Entity, &aliases).map(Item::Type),
                "ComplexType" => structured(node, ns, TypeKind::Complex, &aliases).map(Item::Type),
                "EnumType" => enumeration(node, ns).map(Item::Enum),
                _ => None,
            };
            match parsed {
                Some(Item::Type(t)) => {
                    meta.types.insert(format!("{ns}.{}", t.name), t);
                }
                Some(Item::Enum(e)) => {
                    meta.enums.insert(format!("{ns}.{}", e.name), e);
                }
                None => {}
            }
        }
    }
    Ok(meta)
}

enum Item {
    Type(MetaType),
    Enum(MetaEnum),
}

/// Find the qualified key for a simple name: exact match first, then ignoring
/// case; among several namespaces prefer `microsoft.graph`, else the first.
fn lookup<'a, T>(map: &'a BTreeMap<String, T>, name: &str) -> Option<&'a T> {
    let exact: Vec<(&String, &T)> = map.iter().filter(|(k, _)| simple_name(k) == name).collect();
    let candidates = if exact.is_empty() {
        map.iter()
            .filter(|(k, _)| simple_name(k).eq_ignore_ascii_case(name))
            .collect()
    } else {
        exact
    };
    candidates
        .iter()
        .find(|(k, _)| k.rsplit_once('.').map(|(ns, _)| ns) == Some(MAIN_NAMESPACE))
        .or_else(|| candidates.first())
        .map(|(_, v)| *v)
}

/// Find `namespace.name` (exactly, else ignoring case in the name); with no
/// namespace, as [`lookup`].
fn lookup_in<'a, T>(
    map: &'a BTreeMap<String, T>,
    namespace: Option<&str>,
    name: &str,
) -> Option<&'a T> {
    let Some(ns) = namespace else {
        return lookup(map, name);
    };
    map.get(&format!("{ns}.{name}")).or_else(|| {
        map.iter()
            .find(|(k, _)| {
                k.rsplit_once('.')
                    .is_some_and(|(kns, kn)| kns == ns && kn.eq_ignore_ascii_case(name))
            })
            .map(|(_, v)| v)
    })
}

impl Metadata {
    /// The structured type a docs type name refers to.
    pub fn find_type(&self, name: &str) -> Option<&MetaType> {
        lookup(&self.types, name)
    }

    /// The enum type a docs enum name refers to.
    pub fn find_enum(&self, name: &str) -> Option<&MetaEnum> {
        lookup(&self.enums, name)
    }

    /// The structured type `name` of `namespace` (any namespace, preferring
    /// `microsoft.graph`, when `None`).
    pub fn find_type_in(&self, namespace: Option<&str>, name: &str) -> Option<&MetaType> {
        lookup_in(&self.types, namespace, name)
    }

    /// The enum type `name` of `namespace` (as [`Metadata::find_type_in`]).
    pub fn find_enum_in(&self, namespace: Option<&str>, name: &str) -> Option<&MetaEnum> {
        lookup_in(&self.enums, namespace, name)
    }

    /// `t` and its base types, nearest first; stops at a cycle or an unknown base.
    pub fn chain<'a>(&'a self, t: &'a MetaType) -> Vec<&'a MetaType> {
        let mut out = vec![t];
        let mut next = t.base.as_deref();
        while let Some(q) = next {
            let Some(b) = self.types.get(q) else { break };
            if out.iter().any(|seen| std::ptr::eq(*seen, b)) {
                break;
            }
            out.push(b);
            next = b.base.as_deref();
        }
        out
    }

    /// A property declared on `t` or inherited from its bases.
    pub fn find_property<'a>(&'a self, t: &'a MetaType, name: &str) -> Option<&'a MetaProperty> {
        self.chain(t)
            .into_iter()
            .find_map(|c| c.properties.iter().find(|p| p.name == name))
    }

    /// A property of `t` (or a base) whose name equals `name` ignoring case.
    pub fn find_property_ignoring_case<'a>(
        &'a self,
        t: &'a MetaType,
        name: &str,
    ) -> Option<&'a MetaProperty> {
        self.chain(t).into_iter().find_map(|c| {
            c.properties
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(name))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="color" IsFlags="true"><Member Name="red" Value="1" /><Member Name="blue" Value="2" /></EnumType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="modality" BaseType="graph.entity">
        <Property Name="tags" Type="Collection(Edm.String)" />
        <NavigationProperty Name="kids" Type="Collection(microsoft.graph.callRecords.segment)" ContainsTarget="true" />
      </EntityType>
    </Schema>
    <Schema Namespace="microsoft.graph.callRecords" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="modality" BaseType="graph.entity" />
      <ComplexType Name="segment" />
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>"#;

    #[test]
    fn parses_types_bases_and_enums() {
        let m = parse(XML).expect("parses");
        assert_eq!(m.types.len(), 4);
        let modality = m.find_type("modality").expect("found");
        assert_eq!(
            modality.namespace, "microsoft.graph",
            "main namespace preferred"
        );
        assert_eq!(modality.base.as_deref(), Some("microsoft.graph.entity"));
        let kids = &modality.properties[1];
        assert_eq!(
            (kids.type_name.as_str(), kids.collection, kids.navigation),
            ("segment", true, true)
        );
        assert_eq!(
            m.find_property(modality, "id").map(|p| p.nullable),
            Some(Some(false))
        );
        assert_eq!(
            m.find_type("SEGMENT").map(|t| t.kind),
            Some(TypeKind::Complex)
        );
        let cr = Some("microsoft.graph.callRecords");
        assert_eq!(
            m.find_type_in(cr, "modality").map(|t| t.namespace.as_str()),
            cr
        );
        assert_eq!(
            m.find_type_in(cr, "Segment").map(|t| t.name.as_str()),
            Some("segment")
        );
        assert!(
            m.find_type_in(cr, "entity").is_none(),
            "namespace respected"
        );
        let color = m.find_enum("color").expect("enum");
        assert!(color.flags);
        assert_eq!(
            color.members,
            vec![("red".to_string(), Some(1)), ("blue".to_string(), Some(2))]
        );
    }

    #[test]
    fn rejects_non_csdl() {
        assert!(parse("<a/>").is_err());
        assert!(parse("not xml").is_err());
    }
}
