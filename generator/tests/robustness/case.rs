//! One case: a mutated page among unmutated ones, generation options, and
//! how to generate it through the public API.

use crate::ir_mutations::mutate_ir;
use crate::page_mutations::mutate;
use crate::rng::Rng;
use graph_docgen::config::{Config, Generated};
use graph_docgen::emit::layout::Layout;
use graph_docgen::ir::model::PageIr;
use graph_docgen::load::InputPage;
use std::path::Path;

/// One mutated page set and the options it is generated with.
pub struct Case {
    seed: u64,
    target: String,
    mutations: Vec<String>,
    layout: Layout,
    roundtrip: bool,
    executor: bool,
    pub pages: Vec<InputPage>,
    /// The mutated page's label, and the seed of its IR mutations (one case
    /// in three), applied after extraction.
    label: String,
    ir_mutations: Option<u64>,
}

impl Case {
    pub fn new(seed: u64, pool: &[InputPage], docs_input: usize) -> Case {
        let mut rng = Rng::new(seed);
        let t = rng.below(pool.len());
        let mut target = pool[t].clone();
        let n = 1 + rng.below(4);
        let mutations = (0..n)
            .map(|_| mutate(&mut rng, &mut target, pool))
            .collect();
        // The target with the docs-input pages and one other page, so
        // merge sees types, enums and operations of several pages.
        let mut pages: Vec<InputPage> = pool[..docs_input]
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != t)
            .map(|(_, p)| p.clone())
            .collect();
        let other = rng.below(pool.len());
        if other != t && other >= docs_input {
            pages.push(pool[other].clone());
        }
        let label = pool[t].label.clone();
        let mutated_label = target.label.clone();
        pages.push(target);
        let layout = if rng.chance(4) {
            Layout::SingleFile
        } else {
            Layout::Crate
        };
        Case {
            seed,
            target: label,
            mutations,
            layout,
            roundtrip: !rng.chance(3),
            executor: !rng.chance(3),
            pages,
            label: mutated_label,
            ir_mutations: rng.chance(3).then(|| rng.next()),
        }
    }

    pub fn describe(&self) -> String {
        let mut mutations = self.mutations.clone();
        if self.ir_mutations.is_some() {
            let mut irs: Vec<PageIr> = self
                .pages
                .iter()
                .filter(|p| p.label == self.label)
                .map(|p| graph_docgen::extract::extract_page(&p.label, &p.bytes))
                .collect();
            mutations.extend(self.mutate_ir(&mut irs));
        }
        format!(
            "seed 0x{:016x}: page {} ({} pages, {:?}, roundtrip {}, executor {}); mutations: {}",
            self.seed,
            self.target,
            self.pages.len(),
            self.layout,
            self.roundtrip,
            self.executor,
            mutations.join("; ")
        )
    }

    /// The IR mutations of the mutated page (none in two cases of three).
    fn mutate_ir(&self, irs: &mut [PageIr]) -> Vec<String> {
        let Some(seed) = self.ir_mutations else {
            return Vec::new();
        };
        let mut done = Vec::new();
        for ir in irs.iter_mut().filter(|ir| ir.file == self.label) {
            let mut rng = Rng::new(seed);
            for _ in 0..1 + rng.below(3) {
                done.push(mutate_ir(&mut rng, ir));
            }
        }
        done
    }

    /// extract → merge → emit → render, through the public API.
    pub fn generate(&self, pages: &[InputPage]) -> Generated {
        let mut irs = graph_docgen::extract_all(pages);
        self.mutate_ir(&mut irs);
        let api = graph_docgen::ir::merge::merge(irs);
        let mut config = Config::new();
        config
            .layout(self.layout)
            .roundtrip(self.roundtrip)
            .executor(self.executor);
        let mut generated = config.generate_from_api(&api);
        generated.diagnostics.extend(api.diagnostics);
        generated.diagnostics.sort();
        generated
    }

    /// Write the case's pages under `dir` for a look (replay).
    pub fn save(&self, dir: &Path) {
        for p in &self.pages {
            let rel = p.label.replace("../", "").replace(':', "_");
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let _ = std::fs::write(path, &p.bytes);
        }
    }
}
