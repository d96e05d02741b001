//! GFM pipe tables, with the repairs the docs need.
//!
//! A table is a prose line holding a `|` followed by a separator row
//! (`|---|:---|`). Repairs, each reported as a note:
//! - cells split on unescaped `|` only (`\|` and `&#124;` are text);
//! - rows without leading or trailing pipes;
//! - a physical line that continues the previous row (the previous line did
//!   not end with `|`, and this one does not start a row) is joined to it;
//! - extra cells are joined back into the last column (an unescaped `|` in a
//!   description), short rows are padded with empty cells;
//! - entities decoded, `<br/>` turned into spaces, Unicode blanks trimmed.

use super::blocks::LineKind;
use super::text::{
    collapse_spaces, collapse_spaces_cow, decode_entities_cow, replace_br_cow, starts_with_ci, trim,
};
use super::{Ctx, Lines};
use std::borrow::Cow;

/// One table row: cleaned cells (exactly as many as the header) and the line
/// it starts on. A cell that cleaning left as written is a slice of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    pub cells: Vec<Cow<'a, str>>,
    pub line: usize,
}

impl Row<'_> {
    /// Cell `i`, or `""` when the column does not exist.
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map(|c| c.as_ref()).unwrap_or("")
    }
}

/// A parsed table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table<'a> {
    /// Header cells, cleaned (markdown kept).
    pub header: Vec<Cow<'a, str>>,
    pub rows: Vec<Row<'a>>,
    /// Line index of the header row.
    pub line: usize,
    /// Line index one past the table's last line.
    pub end: usize,
}

/// What a column holds, from its header (synonyms folded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Property / Property name / Name / Parameter / Relationship / Member...
    Name,
    Type,
    Description,
    Required,
    /// `Value` (enum tables: the numeric value or the member name).
    Value,
    Other,
}

/// Classify a header cell.
pub fn column_of(header: &str) -> Column {
    // Compared without a lowercased copy (this runs on every header cell
    // whenever a table's columns are asked for).
    let plain = super::text::plain_text_cow(header);
    let h = plain.trim_end_matches(['?', ':', '.']).trim();
    let is_one_of = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(h));
    if is_one_of(NAME_HEADERS) {
        Column::Name
    } else if is_one_of(&["type", "data type", "return type", "value type"]) {
        Column::Type
    } else if is_one_of(&["description", "descrition", "notes", "remarks"]) {
        Column::Description
    } else if is_one_of(&["value", "int value", "values"]) {
        Column::Value
    } else if starts_with_ci(h, "required") {
        Column::Required
    } else if starts_with_ci(h, "description") {
        Column::Description
    } else {
        Column::Other
    }
}

/// The headers (lowercase) of a name column.
const NAME_HEADERS: &[&str] = &[
    "property",
    "properties",
    "property name",
    "name",
    "parameter",
    "parameters",
    "parameter name",
    "relationship",
    "relationships",
    "relationship name",
    "member",
    "members",
    "required parameter",
    "optional parameter",
    "query parameter",
    "field",
    "enum member",
    "member name",
];

impl Table<'_> {
    /// Column roles, in header order.
    pub fn columns(&self) -> Vec<Column> {
        self.header.iter().map(|h| column_of(h)).collect()
    }

    /// The first column with role `c`.
    pub fn col(&self, c: Column) -> Option<usize> {
        self.header.iter().position(|h| column_of(h) == c)
    }

    /// The header cell `i` in lowercase plain text.
    pub fn header_text(&self, i: usize) -> String {
        self.header
            .get(i)
            .map(|h| super::text::plain_text(h).to_ascii_lowercase())
            .unwrap_or_default()
    }
}

fn is_separator(line: &str) -> bool {
    line.contains('|')
        && line.contains('-')
        && static_regex!(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-*:?\s*)*\|?\s*$").is_match(line)
}

/// Split a row on unescaped pipes. `\|` becomes a literal `|` in the cell;
/// `&#124;` is decoded only after the split so it never splits.
pub fn split_row(line: &str) -> Vec<Cow<'_, str>> {
    split_row_into(line, Vec::new())
}

/// [`split_row`] into `cells` (empty; its capacity is the caller's guess).
fn split_row_into<'l>(line: &'l str, mut cells: Vec<Cow<'l, str>>) -> Vec<Cow<'l, str>> {
    let t = trim(line);
    let b = t.as_bytes();
    // A leading pipe opens the first cell (an empty cell before it is none).
    let lead = usize::from(t.starts_with('|'));
    let (mut start, mut escaped, mut skip_to) = (lead, false, lead);
    // Byte scanning is exact: `\\` and `|` are ASCII, never inside a char.
    // Only those two bytes matter: jump from one to the next.
    for i in memchr::memchr2_iter(b'\\', b'|', b) {
        if i < skip_to {
            continue; // the `|` of a `\|` already read
        }
        match b.get(i) {
            Some(b'\\') if b.get(i + 1) == Some(&b'|') => {
                escaped = true;
                skip_to = i + 2;
            }
            Some(b'|') => {
                cells.push(cell_text(t.get(start..i).unwrap_or(""), escaped));
                (start, escaped) = (i + 1, false);
            }
            _ => {}
        }
    }
    cells.push(cell_text(t.get(start..).unwrap_or(""), escaped));
    if t.ends_with('|') && !t.ends_with("\\|") && cells.len() > 1 {
        cells.pop();
    }
    cells
}

/// A cell's text: `\|` read as `|`.
fn cell_text(raw: &str, escaped: bool) -> Cow<'_, str> {
    if escaped {
        Cow::Owned(raw.replace("\\|", "|"))
    } else {
        Cow::Borrowed(raw)
    }
}

/// Decode and tidy one cell (entities, `<br>`, blanks), borrowing when
/// there is nothing to change but blanks at either end (most cells: ` text `).
pub fn clean_cell_cow(cell: &str) -> Cow<'_, str> {
    // Only a `<` can start a `<br>`, only a `&` an entity (a byte search:
    // `contains([..])` decodes every char of every cell).
    if memchr::memchr2(b'<', b'&', cell.as_bytes()).is_none() {
        return collapse_spaces_cow(cell);
    }
    Cow::Owned(collapse_spaces(&decode_entities_cow(&replace_br_cow(cell))))
}

/// The raw cells of a row. Cells of a row that is a slice of the page are
/// slices of it too; those of a joined or repaired row are copies.
/// `capacity`: the caller's guess at the cell count.
fn cells_of(row: Cow<'_, str>, capacity: usize) -> Vec<Cow<'_, str>> {
    match row {
        Cow::Borrowed(r) => split_row_into(r, Vec::with_capacity(capacity)),
        Cow::Owned(ref o) => split_row(o)
            .into_iter()
            .map(|c| Cow::Owned(c.into_owned()))
            .collect(),
    }
}

/// [`clean_cell_cow`] on each cell, in place: a cleaned slice is a slice of
/// the same text.
fn clean_cells(cells: &mut [Cow<'_, str>]) {
    for c in cells.iter_mut() {
        *c = match *c {
            Cow::Borrowed(b) => clean_cell_cow(b),
            Cow::Owned(ref o) => Cow::Owned(clean_cell_cow(o).into_owned()),
        };
    }
}

/// Find and parse every table among prose lines.
pub fn find_tables<'a>(lines: &Lines<'a>, kinds: &[LineKind], ctx: &mut Ctx) -> Vec<Table<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < lines.len() {
        let is_text = |k: usize| kinds.get(k) == Some(&LineKind::Text);
        if is_text(i)
            && is_text(i + 1)
            && memchr::memchr(b'|', lines[i].as_bytes()).is_some()
            && is_separator(&lines[i + 1])
        {
            let (table, end) = parse_table(lines, kinds, i, ctx);
            out.push(table);
            i = end.max(i + 2);
        } else {
            i += 1;
        }
    }
    out
}

fn starts_with_pipe(l: &str) -> bool {
    trim(l).starts_with('|')
}

fn ends_with_pipe(l: &str) -> bool {
    let t = trim(l);
    t.ends_with('|') && !t.ends_with("\\|")
}

fn parse_table<'a>(
    lines: &Lines<'a>,
    kinds: &[LineKind],
    head: usize,
    ctx: &mut Ctx,
) -> (Table<'a>, usize) {
    let mut header = cells_of(lines.keep(&lines[head]), 4);
    clean_cells(&mut header);
    let ncols = header.len().max(1);
    let sep_cols = split_row(&lines[head + 1]).len();
    if sep_cols != header.len() {
        ctx.note(
            head,
            "table-separator-mismatch",
            format!(
                "table header has {} columns but its separator {}; the header wins",
                header.len(),
                sep_cols
            ),
        );
    }
    let leading_pipes = starts_with_pipe(&lines[head]);
    // Physical rows: (start line, joined text).
    let mut raw_rows: Vec<(usize, Cow<'a, str>)> = Vec::new();
    let mut j = head + 2;
    while j < lines.len() && kinds.get(j) == Some(&LineKind::Text) {
        let line = &lines[j];
        let t = trim(line);
        let heading = line.trim_start_matches(' ').starts_with('#')
            && static_regex!(r"^ {0,3}#{1,6}(\s|$)").is_match(line);
        if t.is_empty() || heading {
            break;
        }
        let prev_open = raw_rows.last().is_some_and(|(_, r)| !ends_with_pipe(r));
        let new_row = starts_with_pipe(line) || (!leading_pipes && line.contains('|'));
        if new_row || raw_rows.is_empty() {
            if !line.contains('|') {
                break;
            }
            // A slice of the page's text when it can be (then so are its cells).
            raw_rows.push((j, lines.keep(line)));
        } else if prev_open {
            ctx.note(
                j,
                "table-continuation-line",
                "table row continues on this line; joined to the previous row",
            );
            if let Some((_, r)) = raw_rows.last_mut() {
                let r = r.to_mut();
                r.push(' ');
                r.push_str(t);
            }
        } else if line.contains('|') {
            // A row that lost its leading pipe.
            ctx.note(
                j,
                "table-row-no-leading-pipe",
                "table row without a leading pipe",
            );
            raw_rows.push((j, Cow::Owned(format!("|{t}"))));
        } else {
            break;
        }
        j += 1;
    }
    let mut rows = Vec::with_capacity(raw_rows.len());
    for (line, raw) in raw_rows {
        // Room for the header's columns and a stray one or two.
        let mut cells = cells_of(raw, ncols + 2);
        if cells.len() > ncols {
            // Extra cells came from unescaped pipes in the last column's text.
            let extra = cells.split_off(ncols - 1);
            let joined = extra.join("|");
            let joined = joined
                .trim_end_matches(|c: char| c == '|' || super::text::is_blank_char(c))
                .to_string();
            if !extra.iter().skip(1).all(|c| trim(c).is_empty()) {
                ctx.note(
                    line,
                    "table-long-row",
                    format!(
                        "row has {} cells for {} columns; extra cells joined into the last column",
                        ncols + extra.len() - 1,
                        ncols
                    ),
                );
            }
            cells.push(Cow::Owned(joined));
        } else if cells.len() < ncols {
            ctx.note(
                line,
                "table-short-row",
                format!(
                    "row has {} cells for {} columns; padded with empty cells",
                    cells.len(),
                    ncols
                ),
            );
            cells.resize(ncols, Cow::Borrowed(""));
        }
        clean_cells(&mut cells);
        rows.push(Row { cells, line });
    }
    (
        Table {
            header,
            rows,
            line: head,
            end: j,
        },
        j,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lowercased-copy reading [`column_of`] replaced, as the reference.
    fn column_by_copy(header: &str) -> Column {
        let h = super::super::text::plain_text(header).to_ascii_lowercase();
        let h = h.trim_end_matches(['?', ':', '.']).trim();
        match h {
            "property" | "properties" | "property name" | "name" | "parameter" | "parameters"
            | "parameter name" | "relationship" | "relationships" | "relationship name"
            | "member" | "members" | "required parameter" | "optional parameter"
            | "query parameter" | "field" | "enum member" | "member name" => Column::Name,
            "type" | "data type" | "return type" | "value type" => Column::Type,
            "description" | "descrition" | "notes" | "remarks" => Column::Description,
            "value" | "int value" | "values" => Column::Value,
            _ if h.starts_with("required") => Column::Required,
            _ if h.starts_with("description") => Column::Description,
            _ => Column::Other,
        }
    }

    #[test]
    fn columns_read_as_the_lowercased_copy_reads_them() {
        for h in [
            "Property",
            "**Name**",
            "Parameter Name",
            " Type ",
            "Data type",
            "Description:",
            "DESCRIPTION?",
            "Descrition",
            "Required?",
            "Required (Y/N)",
            "requiredness",
            "Descriptions",
            "Value",
            "Int value",
            "Values.",
            "Notes",
            "Remarks",
            "Field",
            "Enum Member",
            "`member name`",
            "Relationship",
            "Other",
            "",
            "Typ\u{e9}",
            "\u{e9}",
            "Property\u{a0}",
            "Name..",
            "Query Parameter",
            "Return Type",
            "Value Type",
            "[Name](x.md)",
            "Members",
            "Optional parameter",
            "required parameter",
            "Optional",
        ] {
            assert_eq!(column_of(h), column_by_copy(h), "{h:?}");
        }
    }

    fn tables(s: &str) -> (Vec<Table<'static>>, Vec<crate::diag::Diagnostic>) {
        let lines: Lines<'static> = s.lines().collect();
        let kinds = vec![LineKind::Text; lines.len()];
        let mut ctx = Ctx::new("t.md", lines.len());
        let t = find_tables(&lines, &kinds, &mut ctx);
        (t, ctx.diags)
    }

    fn cells<'t>(t: &'t Table) -> Vec<Vec<&'t str>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.as_ref()).collect())
            .collect()
    }

    #[test]
    fn escaped_and_entity_pipes_do_not_split() {
        let (t, _) =
            tables("|Property|Type|Description|\n|---|---|---|\n|a|String|x \\| y &#124; z|\n");
        assert_eq!(cells(&t[0]), vec![vec!["a", "String", "x | y | z"]]);
    }

    #[test]
    fn extra_cells_join_into_last_column_and_short_rows_pad() {
        let (t, d) = tables(
            "|P|T|D|\n|---|---|---|\n|payload|String|name (*.mobileconfig | *.xml).|\n|b|Int32|\n",
        );
        assert_eq!(
            cells(&t[0]),
            vec![
                vec!["payload", "String", "name (*.mobileconfig | *.xml)."],
                vec!["b", "Int32", ""]
            ]
        );
        let codes: Vec<_> = d.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, vec!["table-long-row", "table-short-row"]);
    }

    #[test]
    fn continuation_lines_merge_into_previous_row() {
        let (t, _) = tables("|P|T|D|\n|:---|:---|:---|\n|r|[x](x.md)|Specifies it.\nOption 1 applies. Possible values are: `a`, `b`.|\n|s|String|ok|\n\nprose");
        assert_eq!(t[0].rows.len(), 2);
        assert_eq!(
            t[0].rows[0].cells[2],
            "Specifies it. Option 1 applies. Possible values are: `a`, `b`."
        );
        assert_eq!(t[0].rows[1].line, 4);
    }

    #[test]
    fn one_column_tables_without_trailing_pipes() {
        let (t, _) = tables("|Member\n|:----------------------\n| signUp\n| signIn\n");
        assert_eq!(t[0].header, vec!["Member"]);
        assert_eq!(cells(&t[0]), vec![vec!["signUp"], vec!["signIn"]]);
    }

    #[test]
    fn rows_without_outer_pipes_and_entities() {
        let (t, _) = tables("Value | Description\n--- | ---\na | x&nbsp;&lt;b&gt;<br/>c\n");
        assert_eq!(cells(&t[0]), vec![vec!["a", "x <b> c"]]);
    }

    #[test]
    fn header_synonyms() {
        for h in [
            "Property",
            "**Property name**",
            "Name",
            "Parameter",
            "Relationship",
            "Member",
        ] {
            assert_eq!(column_of(h), Column::Name, "{h}");
        }
        assert_eq!(column_of("Required?"), Column::Required);
        assert_eq!(column_of("Required (Y/N)"), Column::Required);
        assert_eq!(column_of("Descrition"), Column::Description);
        assert_eq!(column_of("Type"), Column::Type);
    }
}
