//! Mutations of a page's IR after extraction.

use crate::hostile::HOSTILE_NAMES;
use crate::rng::Rng;
use graph_docgen::ir::model::{EnumMember, PageIr, Segment};

/// A hostile name, sometimes the name of another item of the page (a
/// self-reference or a duplicate), sometimes a qualified one.
fn ir_name(rng: &mut Rng, others: &[String]) -> String {
    match rng.below(4) {
        0 if !others.is_empty() => rng.pick(others).clone(),
        1 => format!("microsoft.graph.{}", rng.pick(HOSTILE_NAMES)),
        _ => rng.pick(HOSTILE_NAMES).to_string(),
    }
}

/// One change to a page's IR after extraction: names no extractor lets
/// through, self-references, extreme values. `merge` and `emit` take any
/// [`PageIr`] / `Api` (both are public), so they must survive these too.
pub fn mutate_ir(rng: &mut Rng, page: &mut PageIr) -> String {
    let mut names: Vec<String> = page.types.iter().map(|t| t.name.clone()).collect();
    names.extend(page.enums.iter().map(|e| e.name.clone()));
    let name = ir_name(rng, &names);
    let n_types = page.types.len();
    let n_enums = page.enums.len();
    let n_ops = page.operations.len();
    match rng.below(10) {
        0 if n_types > 0 => {
            let t = &mut page.types[rng.below(n_types)];
            t.name = name.clone();
            format!("ir: type name := {name:?}")
        }
        1 if n_types > 0 => {
            let t = &mut page.types[rng.below(n_types)];
            let base = if rng.chance(2) { t.name.clone() } else { name };
            t.base = Some(base.clone());
            format!("ir: base of {:?} := {base:?}", t.name)
        }
        2 | 3 if n_types > 0 => {
            let t = &mut page.types[rng.below(n_types)];
            let i = rng.below(t.properties.len());
            let Some(p) = t.properties.get_mut(i) else {
                return "ir: property of a type without properties (no-op)".into();
            };
            if rng.chance(2) {
                p.name = name.clone();
                format!("ir: property name := {name:?}")
            } else {
                p.type_name = name.clone();
                p.possible_values.push(rng.pick(HOSTILE_NAMES).to_string());
                format!("ir: property type := {name:?}, one more possible value")
            }
        }
        4 if n_types > 0 => {
            let t = &mut page.types[rng.below(n_types)];
            t.namespace = Some(name.clone());
            t.key = Some(rng.pick(HOSTILE_NAMES).to_string());
            format!("ir: namespace := {name:?}, key := hostile")
        }
        5 | 6 if n_enums > 0 => {
            let e = &mut page.enums[rng.below(n_enums)];
            if rng.chance(2) {
                e.name = name.clone();
                e.flags = rng.chance(2);
                format!("ir: enum name := {name:?}")
            } else {
                let mut m = e.members.first().cloned().unwrap_or_else(|| EnumMember {
                    name: String::new(),
                    value: None,
                    description: None,
                    source: e.source.clone(),
                });
                m.name = rng.pick(HOSTILE_NAMES).to_string();
                m.value = Some(*rng.pick(&[i64::MIN, i64::MAX, -1, 0]));
                e.members.push(m.clone());
                e.members.push(m);
                "ir: enum member twice := hostile, extreme value".to_string()
            }
        }
        7..=9 if n_ops > 0 => {
            let op = &mut page.operations[rng.below(n_ops)];
            match rng.below(5) {
                0 => {
                    op.name = name.clone();
                    format!("ir: operation name := {name:?}")
                }
                1 => {
                    op.method = rng.pick(HOSTILE_NAMES).to_string();
                    format!("ir: method := {:?}", op.method)
                }
                2 => {
                    op.request.type_name = Some(name.clone());
                    op.response.type_name = Some(name.clone());
                    op.response.status = Some(*rng.pick(&[0, 99, 999, u16::MAX]));
                    format!("ir: request and response type := {name:?}, odd status")
                }
                3 => {
                    for p in &mut op.parameters {
                        p.name = rng.pick(HOSTILE_NAMES).to_string();
                    }
                    "ir: every parameter renamed hostile".into()
                }
                _ => {
                    for path in &mut op.paths {
                        for seg in &mut path.segments {
                            let hostile = rng.pick(HOSTILE_NAMES).to_string();
                            match seg {
                                Segment::Literal { name }
                                | Segment::Dollar { name }
                                | Segment::Function { name, .. }
                                | Segment::ItemPath { name, .. }
                                | Segment::Param { name, .. } => *name = hostile,
                                Segment::Cast { type_name, .. } => *type_name = hostile,
                            }
                        }
                    }
                    "ir: every path segment renamed hostile".into()
                }
            }
        }
        _ => {
            // Two copies of everything: duplicates within one page.
            let types = page.types.clone();
            let enums = page.enums.clone();
            let ops = page.operations.clone();
            page.types.extend(types);
            page.enums.extend(enums);
            page.operations.extend(ops);
            "ir: everything of the page twice".into()
        }
    }
}
