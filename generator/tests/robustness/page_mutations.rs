//! Mutations of a page's bytes and label: truncation inside structures,
//! line edits, hostile fragments, cells and request lines, byte flips,
//! concatenation, hostile file names.

use crate::hostile::{hostile_fragment, HOSTILE_NAMES};
use crate::rng::Rng;
use graph_docgen::load::InputPage;

/// `[start, end)` byte ranges of the lines of `bytes` (without the `\n`).
fn lines(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push((start, bytes.len()));
    }
    out
}

fn find(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from >= bytes.len() || needle.is_empty() {
        return None;
    }
    bytes[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Byte ranges strictly between each `open` and the following `close`.
fn regions(bytes: &[u8], open: &[u8], close: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(o) = find(bytes, open, at) {
        let inner = o + open.len();
        let end = find(bytes, close, inner).unwrap_or(bytes.len());
        if end > inner {
            out.push((inner, end));
        }
        at = end + close.len();
    }
    out
}

/// Table rows: lines with at least two `|`.
fn table_rows(bytes: &[u8]) -> Vec<(usize, usize)> {
    lines(bytes)
        .into_iter()
        .filter(|&(s, e)| bytes[s..e].iter().filter(|&&b| b == b'|').count() >= 2)
        .collect()
}

/// A random offset inside one of `ranges`, or anywhere when there are none.
fn offset_in(rng: &mut Rng, bytes: &[u8], ranges: &[(usize, usize)]) -> (usize, bool) {
    if ranges.is_empty() {
        return (rng.below(bytes.len() + 1), false);
    }
    let (s, e) = *rng.pick(ranges);
    (s + rng.below(e - s + 1), true)
}

/// A structure of the page to aim at, and its byte ranges.
fn region_of(rng: &mut Rng, page: &[u8]) -> (&'static str, Vec<(usize, usize)>) {
    match rng.below(6) {
        0 => {
            // Just after a lead byte, inside a multi-byte sequence.
            let inside: Vec<(usize, usize)> = page
                .iter()
                .enumerate()
                .filter(|(_, &b)| b >= 0xc0)
                .map(|(i, _)| (i + 1, i + 1))
                .collect();
            ("inside a UTF-8 sequence", inside)
        }
        1 => ("inside a table", table_rows(page)),
        2 => ("inside a JSON block", regions(page, b"```json", b"```")),
        3 => ("inside an HTML comment", regions(page, b"<!--", b"-->")),
        4 => (
            "inside the front matter",
            regions(page, b"---", b"---").into_iter().take(1).collect(),
        ),
        _ => ("inside an HTTP block", regions(page, b"```http", b"```")),
    }
}

fn truncate(rng: &mut Rng, page: &mut Vec<u8>) -> String {
    let (what, ranges) = if rng.chance(6) {
        ("at a random byte", Vec::new())
    } else {
        region_of(rng, page)
    };
    let (at, hit) = offset_in(rng, page, &ranges);
    page.truncate(at);
    let fallback = if hit { "" } else { " (none there: anywhere)" };
    format!("truncate {what}{fallback} at byte {at}")
}

fn line_edit(rng: &mut Rng, page: &mut Vec<u8>) -> String {
    let ls = lines(page);
    if ls.is_empty() {
        return "line edit on an empty page (no-op)".into();
    }
    let i = rng.below(ls.len());
    let (s, e) = ls[i];
    // Include the newline, when there is one, in the moved or cut text.
    let e_nl = (e + 1).min(page.len());
    match rng.below(3) {
        0 => {
            page.drain(s..e_nl);
            format!("delete line {}", i + 1)
        }
        1 => {
            let mut copy = page[s..e].to_vec();
            copy.push(b'\n');
            page.splice(s..s, copy);
            format!("duplicate line {}", i + 1)
        }
        _ => {
            let j = rng.below(ls.len());
            let (a, b) = if i <= j {
                (ls[i], ls[j])
            } else {
                (ls[j], ls[i])
            };
            if a == b {
                return format!("swap line {} with itself (no-op)", i + 1);
            }
            let first = page[a.0..a.1].to_vec();
            let second = page[b.0..b.1].to_vec();
            // Replace the later one first so earlier offsets stay valid.
            page.splice(b.0..b.1, first);
            page.splice(a.0..a.1, second);
            format!("swap lines {} and {}", i.min(j) + 1, i.max(j) + 1)
        }
    }
}

fn insert_fragment(rng: &mut Rng, page: &mut Vec<u8>) -> String {
    let (what, bytes) = hostile_fragment(rng);
    let ls = lines(page);
    let (at, place) = match rng.below(4) {
        0 | 1 if !ls.is_empty() => {
            let i = rng.below(ls.len());
            (ls[i].0, format!("at the start of line {}", i + 1))
        }
        2 => {
            let (region, ranges) = region_of(rng, page);
            let (at, hit) = offset_in(rng, page, &ranges);
            let fallback = if hit { "" } else { " (none there: anywhere)" };
            (at, format!("{region}{fallback} at byte {at}"))
        }
        _ => {
            let at = rng.below(page.len() + 1);
            (at, format!("at byte {at}"))
        }
    };
    page.splice(at..at, bytes);
    format!("insert {what} {place}")
}

/// Replace one cell of a table row by a hostile name (the property name,
/// type or member columns are where names come from).
fn hostile_cell(rng: &mut Rng, page: &mut Vec<u8>) -> String {
    let rows = table_rows(page);
    let name = *rng.pick(HOSTILE_NAMES);
    if rows.is_empty() {
        page.extend_from_slice(format!("\n| {name} | String | d |\n").as_bytes());
        return format!("append a table row named {name:?} (no table)");
    }
    let (s, e) = *rng.pick(&rows);
    let row = String::from_utf8_lossy(&page[s..e]).into_owned();
    let mut cells: Vec<String> = row.split('|').map(str::to_string).collect();
    // Skip the empty text before a leading pipe.
    let first = usize::from(cells.len() > 1 && cells[0].trim().is_empty());
    let k = first + rng.below((cells.len() - first).min(3));
    let cell = if rng.chance(3) {
        format!(" [{name}]({name}.md) collection ")
    } else {
        format!(" {name} ")
    };
    cells[k] = cell;
    page.splice(s..e, cells.join("|").into_bytes());
    format!("table cell {k} of the row at byte {s} := {name:?}")
}

/// Put a hostile request line right after a fence opening an HTTP block (or
/// any fence), where request lines are read.
fn hostile_request(rng: &mut Rng, page: &mut Vec<u8>) -> String {
    const REQUESTS: &[&str] = &[
        "PATCH /a/{b}/c(d='{e}')",
        "GET /x/<y>/$value",
        "GET /type/{self}/Self/crate/{1abc}",
        "POST /users/{id}/microsoft.graph.😀",
        "GET /ü/{ü}/a-b(x=@y,z='')",
        "DELETE /{}/{{}}/{|}",
        "GET /a/$ref/$count/$value/$batch",
        "PUT /a('{a}')/b(c='{c}',c='{c}')",
        "GET /x?$filter=a eq 'b'&$top=99999999999999999999",
        "GET https://graph.microsoft.com/v1.0/me/{",
        "OPTIONS *",
        "GET /",
    ];
    let line = *rng.pick(REQUESTS);
    let mut fences = regions(page, b"```http", b"\n");
    if fences.is_empty() {
        fences = regions(page, b"```", b"\n");
    }
    let at = match fences.first() {
        Some(_) => {
            let (_, end) = *rng.pick(&fences);
            (end + 1).min(page.len())
        }
        None => page.len(),
    };
    page.splice(at..at, format!("{line}\n").into_bytes());
    format!("insert request line {line:?} at byte {at}")
}

fn flip_bytes(rng: &mut Rng, page: &mut [u8]) -> String {
    if page.is_empty() {
        return "flip bytes of an empty page (no-op)".into();
    }
    let n = 1 + rng.below(8);
    let mut at = Vec::new();
    for _ in 0..n {
        let i = rng.below(page.len());
        page[i] ^= (1 + rng.below(255)) as u8;
        at.push(i);
    }
    format!("flip bytes at {at:?}")
}

fn concatenate(rng: &mut Rng, page: &mut Vec<u8>, pool: &[InputPage]) -> String {
    let other = rng.pick(pool);
    if rng.chance(2) {
        page.extend_from_slice(&other.bytes);
        format!("append {}", other.label)
    } else {
        let mut joined = other.bytes.clone();
        joined.append(page);
        *page = joined;
        format!("prepend {}", other.label)
    }
}

/// Give the page a hostile file name (its folders, which tell the version,
/// stay): the label reaches diagnostics, doc comments and examples.
fn rename(rng: &mut Rng, label: &mut String) -> String {
    const NAMES: &[&str] = &[
        "a\rb.md",
        "a\nb.md",
        "a\r\n.md",
        "`*/.md",
        "*/\\.md",
        "\"x\".md",
        "ü😀.md",
        "type.md",
        "Self.md",
        ".md",
        "",
        "a b.md",
        "$value.md",
        "\u{feff}x.md",
        "\0.md",
        "{x}.md",
        "#.md",
    ];
    let name = *rng.pick(NAMES);
    let folder = label.rfind('/').map(|i| &label[..=i]).unwrap_or("");
    *label = format!("{folder}{name}");
    format!("rename to {label:?}")
}

/// One mutation of `page`; returns what was done (for the report).
pub fn mutate(rng: &mut Rng, page: &mut InputPage, pool: &[InputPage]) -> String {
    let bytes = &mut page.bytes;
    match rng.below(13) {
        0 | 1 => truncate(rng, bytes),
        2 | 3 => line_edit(rng, bytes),
        4..=6 => insert_fragment(rng, bytes),
        7 | 8 => hostile_cell(rng, bytes),
        9 => hostile_request(rng, bytes),
        10 => flip_bytes(rng, bytes),
        11 => concatenate(rng, bytes, pool),
        _ => rename(rng, &mut page.label),
    }
}
