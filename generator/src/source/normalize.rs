//! Byte normalisation: the first thing done to a page.
//!
//! Pages come from many eras of the docs repository: UTF-8 BOMs (also in the
//! middle of files that were concatenated), CRLF files and January-2017 files
//! whose only line breaks are lone `\r`. Everything after this module sees
//! `\n`-separated lines of valid UTF-8, and every line remembers the line
//! number it had in the ORIGINAL bytes, counting `\r\n`, lone `\r` and `\n`
//! each as one break, so diagnostics point where an editor would.

/// The page text split into lines, each with its original 1-based line number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    /// Lines without their terminators.
    pub lines: Vec<String>,
    /// `orig_line[i]` is the 1-based line of `lines[i]` in the original bytes.
    pub orig_line: Vec<u32>,
    /// How many bytes were not valid UTF-8 (replaced by U+FFFD).
    pub invalid_utf8: bool,
    /// How many U+FEFF byte-order marks were removed.
    pub boms_removed: usize,
    /// Line-break styles seen in the original (`\r\n`, lone `\r`).
    pub crlf_breaks: usize,
    pub lone_cr_breaks: usize,
}

/// Decode `bytes` (lossily), drop every U+FEFF, and split into lines on
/// `\r\n`, lone `\r` and `\n`.
pub fn normalize(bytes: &[u8]) -> Normalized {
    let text = String::from_utf8_lossy(bytes);
    let invalid_utf8 = matches!(text, std::borrow::Cow::Owned(_));
    let mut out = Normalized {
        invalid_utf8,
        ..Normalized::default()
    };
    // Byte scanning is exact here: `\r` and `\n` never occur inside a
    // multi-byte UTF-8 sequence, so every cut falls on a char boundary.
    let mut rest: &str = &text;
    let mut line_no: u32 = 1;
    // Most pages have no `\r` at all: then a memchr for `\n` finds breaks.
    let has_cr = text.as_bytes().contains(&b'\r');
    let has_bom = text.contains(BOM);
    let next_break = |r: &str| {
        if has_cr {
            r.bytes().position(|b| b == b'\n' || b == b'\r')
        } else {
            r.find('\n')
        }
    };
    while let Some(pos) = next_break(rest) {
        let (line, after) = rest.split_at(pos);
        let after = match after.as_bytes() {
            [b'\r', b'\n', ..] => {
                out.crlf_breaks += 1;
                &after[2..]
            }
            [b'\r', ..] => {
                out.lone_cr_breaks += 1;
                &after[1..]
            }
            _ => &after[1..],
        };
        out.lines.push(if has_bom {
            without_boms(line, &mut out.boms_removed)
        } else {
            line.to_string()
        });
        out.orig_line.push(line_no);
        line_no = line_no.saturating_add(1);
        rest = after;
    }
    // The last line has no terminator (or the file ends with one: then the
    // empty remainder is not a line).
    let last = without_boms(rest, &mut out.boms_removed);
    if !last.is_empty() {
        out.lines.push(last);
        out.orig_line.push(line_no);
    }
    out
}

const BOM: char = '\u{feff}';

/// `line` with every U+FEFF removed (counted in `removed`).
fn without_boms(line: &str, removed: &mut usize) -> String {
    if !line.contains(BOM) {
        return line.to_string();
    }
    *removed += line.matches(BOM).count();
    line.replace(BOM, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_lone_cr_and_lf_each_count_as_one_line() {
        let n = normalize(b"a\r\nb\rc\nd");
        assert_eq!(n.lines, vec!["a", "b", "c", "d"]);
        assert_eq!(n.orig_line, vec![1, 2, 3, 4]);
        assert_eq!(n.crlf_breaks, 1);
        assert_eq!(n.lone_cr_breaks, 1);
    }

    #[test]
    fn double_lone_cr_keeps_the_blank_line() {
        // Seed 001's original: `# Title\r\r> **Note:**` is three lines.
        let n = normalize(b"# Title\r\r> **Note:** x\r");
        assert_eq!(n.lines, vec!["# Title", "", "> **Note:** x"]);
        assert_eq!(n.orig_line, vec![1, 2, 3]);
    }

    #[test]
    fn boms_anywhere_are_removed_and_bad_utf8_is_replaced() {
        let mut bytes = b"\xEF\xBB\xBFone\n".to_vec();
        bytes.extend_from_slice("t\u{feff}wo\n".as_bytes());
        bytes.extend_from_slice(b"\xFF\xFF");
        let n = normalize(&bytes);
        assert_eq!(n.lines[0], "one");
        assert_eq!(n.lines[1], "two");
        assert_eq!(n.boms_removed, 2);
        assert!(n.invalid_utf8);
        assert_eq!(n.lines[2], "\u{fffd}\u{fffd}");
    }
}
