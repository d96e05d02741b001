//! Which version a page belongs to when it shows none: the majority version of
//! the other pages of its folder, else a guess from the path.

use crate::diag::Diagnostic;
use crate::ir::model::{PageIr, Version};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// The folder of a page label: everything before the last `/` (empty for a
/// bare file name). Pages of one docs folder share a version.
fn folder_of(file: &str) -> &str {
    file.rfind('/').map_or("", |i| &file[..i])
}

/// Per folder, how many pages show each version.
fn folder_votes(pages: &[PageIr]) -> BTreeMap<&str, BTreeMap<Version, usize>> {
    let mut votes: BTreeMap<&str, BTreeMap<Version, usize>> = BTreeMap::new();
    for p in pages {
        if let Some(v) = p.version {
            *votes
                .entry(folder_of(&p.file))
                .or_default()
                .entry(v)
                .or_default() += 1;
        }
    }
    votes
}

/// The version with strictly the most votes; `None` on a tie or no votes.
fn majority(votes: Option<&BTreeMap<Version, usize>>) -> Option<(Version, usize, usize)> {
    let votes = votes?;
    let total: usize = votes.values().sum();
    let best = votes.values().copied().max()?;
    let mut winners = votes.iter().filter(|(_, &n)| n == best);
    let (&v, _) = winners.next()?;
    if winners.next().is_some() {
        return None;
    }
    Some((v, best, total))
}

/// Votes per parent folder, summed over its subfolders: a snapshot's
/// `resources/` pages rarely show a version, its `api/` pages nearly always do.
/// Parents that are empty or only `.`/`..` are left out: they would mix
/// unrelated trees.
fn parent_votes<'a>(
    votes: &BTreeMap<&'a str, BTreeMap<Version, usize>>,
) -> BTreeMap<&'a str, BTreeMap<Version, usize>> {
    let mut out: BTreeMap<&str, BTreeMap<Version, usize>> = BTreeMap::new();
    for (folder, v) in votes {
        let parent = folder_of(folder);
        if parent.split('/').all(|seg| matches!(seg, "" | "." | "..")) {
            continue;
        }
        let entry = out.entry(parent).or_default();
        for (version, n) in v {
            *entry.entry(*version).or_default() += n;
        }
    }
    out
}

/// A page's version from, in order: its folder's majority, its parent
/// folder's majority, its path.
fn decide(
    file: &str,
    votes: &BTreeMap<&str, BTreeMap<Version, usize>>,
    parent_votes: &BTreeMap<&str, BTreeMap<Version, usize>>,
) -> (Version, String) {
    let folder = folder_of(file);
    if let Some((v, n, total)) = majority(votes.get(folder)) {
        return (
            v,
            format!("{n} of the {total} pages of folder `{folder}` that show a version show {v}"),
        );
    }
    let parent = folder_of(folder);
    if let Some((v, n, total)) = majority(parent_votes.get(parent)) {
        return (
            v,
            format!("no page of folder `{folder}` decides; {n} of the {total} pages under `{parent}` that show a version show {v}"),
        );
    }
    let v = version_from_path(file);
    let rule = if v == Version::Beta {
        "the path contains `beta`"
    } else {
        "the path does not contain `beta`"
    };
    (
        v,
        format!("no majority version in folder `{folder}` or its parent, and {rule}"),
    )
}

/// The fallback when the folder does not decide: the historical and beta
/// folders all have `beta` in their path; everything else is v1.0.
fn version_from_path(file: &str) -> Version {
    if file.to_ascii_lowercase().contains("beta") {
        Version::Beta
    } else {
        Version::V1_0
    }
}

/// The version of every page that shows none, with why: (page position,
/// version, reason). Reads the pages only, so it can run beside other
/// readers of them.
pub fn decide_versions(pages: &[PageIr]) -> Vec<(usize, Version, String)> {
    let votes = folder_votes(pages);
    let parent_votes = parent_votes(&votes);
    pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.version.is_none())
        .map(|(i, p)| {
            let (version, why) = decide(&p.file, &votes, &parent_votes);
            (i, version, why)
        })
        .collect()
}

/// Give every page without a version its decided one (with a
/// `version-from-folder` note), then stamp the page's version on every item
/// that has none. Returns the versions of each page's items (sorted,
/// distinct), read in the same pass: splitting the pages by version needs
/// them, and the items are read once.
pub fn assign_versions(
    pages: &mut [PageIr],
    decided: Vec<(usize, Version, String)>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Vec<Option<Version>>> {
    for (i, version, why) in decided {
        if let Some(page) = pages.get_mut(i) {
            page.version = Some(version);
            diags.push(Diagnostic::note(
                "version-from-folder",
                &page.file,
                0,
                format!("the page shows no API version; using {version}: {why}"),
            ));
        }
    }
    // Pages are independent: stamped on the pool, results in page order.
    pages
        .par_iter_mut()
        .map(|page| {
            stamp_items(page);
            item_versions(page)
        })
        .collect()
}

/// The versions of a page's items, sorted and distinct.
fn item_versions(page: &PageIr) -> Vec<Option<Version>> {
    let mut versions: Vec<Option<Version>> = Vec::new();
    let all = (page.types.iter().map(|t| t.version))
        .chain(page.enums.iter().map(|e| e.version))
        .chain(page.operations.iter().map(|o| o.version));
    for v in all {
        if !versions.contains(&v) {
            versions.push(v);
        }
    }
    versions.sort_unstable();
    versions
}

/// Items the extractor left without a version take their page's.
fn stamp_items(page: &mut PageIr) {
    let Some(version) = page.version else { return };
    for t in &mut page.types {
        t.version.get_or_insert(version);
    }
    for e in &mut page.enums {
        e.version.get_or_insert(version);
    }
    for o in &mut page.operations {
        o.version.get_or_insert(version);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_is_parent_dir() {
        assert_eq!(folder_of("a/b/c.md"), "a/b");
        assert_eq!(folder_of("c.md"), "");
    }

    #[test]
    fn tie_has_no_majority() {
        let mut votes = BTreeMap::new();
        votes.insert(Version::V1_0, 2);
        votes.insert(Version::Beta, 2);
        assert_eq!(majority(Some(&votes)), None);
        votes.insert(Version::Beta, 3);
        assert_eq!(majority(Some(&votes)), Some((Version::Beta, 3, 5)));
    }
}
