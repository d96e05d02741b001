//! The `graph-docgen` binary on a folder of hostile pages: it reports
//! diagnostics and exits normally, never with a panic (exit code 101), and
//! what it writes is Rust. Hostile here: empty, BOM-only, binary and
//! invalid-UTF-8 pages, deep nesting, a 100 KB line, truncated structures,
//! hostile names in tables and request lines, file names with CR, newline and
//! non-UTF-8 bytes, a folder named like a page, a dangling symlink and a
//! symlink loop. Also: a missing input and an invalid `--crate-name`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_graph-docgen"))
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create the fixture folder");
    }
    std::fs::write(path, bytes).expect("write a fixture page");
}

/// A fresh folder under the test target dir for `name`.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the scratch folder");
    dir
}

/// The hostile pages, under `dir`.
fn hostile_pages(dir: &Path) {
    let widget = std::fs::read(repo_root().join("docs-input/fixtures/v1.0/widget.md"))
        .expect("the widget fixture");
    let text = String::from_utf8_lossy(&widget).into_owned();
    let res = dir.join("v1.0/resources");
    let api = dir.join("v1.0/api");
    write(&res.join("empty.md"), "");
    write(&res.join("bom-only.md"), "\u{feff}");
    write(
        &res.join("binary.md"),
        (0..=255u8).cycle().take(4096).collect::<Vec<u8>>(),
    );
    write(&res.join("lone-cr.md"), text.replace('\n', "\r"));
    let utf8 = "# ü resource type\n\n|Property|Type|Description|\n|--|--|--|\n|ü|String|ö";
    // Cut after the first byte of the last `ö`.
    write(
        &res.join("truncated-in-utf8.md"),
        &utf8.as_bytes()[..utf8.len() - 1],
    );
    let mut cut = widget.clone();
    cut.truncate(text.find("\"displayName\"").unwrap_or(widget.len()));
    write(&res.join("truncated-in-json.md"), cut);
    write(
        &res.join("hostile-names.md"),
        text.replace("|id|", "|type|")
            .replace("|displayName|", "|Self|")
            .replace("|tags|", "|1abc|")
            .replace("|notes|", "|😀|")
            .replace("[widgetState](widgetstate.md)", "[crate](crate.md)")
            .replace("`active`", "`type`, `Self`, `a-b`, `ü`, ``"),
    );
    write(
        &res.join("huge-line.md"),
        format!("{text}\n|x|String|{}|\n", "y".repeat(100 * 1024)),
    );
    write(
        &api.join("nested.md"),
        format!(
            "# Get x\n\n## HTTP request\n\n```http\nGET /x/{}\nPATCH /a/{{b}}/c(d='{{e}}')\nGET /x/<y>/$value\n```\n\n## Response\n\n```json\n{}\n```\n",
            "[".repeat(10_000),
            "{".repeat(10_000)
        ),
    );
    std::fs::create_dir_all(dir.join("beta/api/folder.md")).expect("a folder named like a page");
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        write(&res.join("a\rb\nc`.md"), &widget);
        let name = std::ffi::OsStr::from_bytes(b"bad-\xff\xfe.md");
        write(&res.join(name), &widget);
        std::os::unix::fs::symlink("nowhere.md", res.join("dangling.md")).expect("symlink");
        std::os::unix::fs::symlink("..", res.join("loop")).expect("symlink");
    }
}

fn run(cmd: &mut Command) -> (Output, String) {
    let out = cmd.output().expect("run graph-docgen");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "graph-docgen panicked:\n{stderr}"
    );
    assert_ne!(out.status.code(), Some(101), "a panic exit:\n{stderr}");
    (out, stderr)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn cli_reports_hostile_pages_as_diagnostics_and_writes_rust() {
    let dir = scratch("cli-hostile");
    let pages = dir.join("pages");
    hostile_pages(&pages);
    let crate_dir = dir.join("out");

    let (out, stderr) = run(bin()
        .arg("generate")
        .arg(&pages)
        .arg("--out")
        .arg(&crate_dir)
        .arg("--standalone"));
    assert!(out.status.success(), "generate failed:\n{stderr}");
    for code in ["input-unreadable", "input-folder-repeated", "warning["] {
        assert!(stderr.contains(code), "no {code} diagnostic:\n{stderr}");
    }
    assert!(stderr.contains("generate: "), "no summary:\n{stderr}");
    let mut files = Vec::new();
    rust_files(&crate_dir, &mut files);
    assert!(files.len() > 5, "too few files written: {files:?}");
    for f in &files {
        let text = std::fs::read_to_string(f).expect("a written file");
        if let Err(e) = syn::parse_file(&text) {
            panic!("{} does not parse: {e}", f.display());
        }
    }

    let (out, stderr) = run(bin().arg("ir").arg("--summary-only").arg(&pages));
    assert!(out.status.success(), "ir failed:\n{stderr}");
    assert!(stderr.contains("summary: "), "no summary:\n{stderr}");
}

#[test]
fn cli_reports_a_missing_input_and_refuses_an_invalid_crate_name() {
    let dir = scratch("cli-bad-args");
    let (out, stderr) = run(bin()
        .arg("ir")
        .arg("--summary-only")
        .arg("--deny-warnings")
        .arg(dir.join("no-such-folder")));
    assert!(!out.status.success());
    assert!(stderr.contains("input-missing"), "{stderr}");

    let (out, stderr) = run(bin()
        .arg("generate")
        .arg(repo_root().join("docs-input"))
        .arg("--out")
        .arg(dir.join("out"))
        .arg("--crate-name")
        .arg("1 x"));
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("crate name `1 x`"), "{stderr}");
    assert!(!dir.join("out").exists(), "nothing is written");
}
