//! Hostile text: names that are no Rust identifiers, fragments that open
//! structures and never close them, sizes that find recursion and
//! superlinear loops.

use crate::rng::Rng;

/// Names that are not Rust identifiers as they stand, or collide with
/// what emitted code uses.
pub const HOSTILE_NAMES: &[&str] = &[
    "type",
    "self",
    "Self",
    "crate",
    "super",
    "r#x",
    "1abc",
    "a-b",
    "ü",
    "日本",
    "😀",
    "",
    "_",
    "__",
    "a b",
    "a.b",
    "@odata.type",
    "$value",
    "Option",
    "Result",
    "String",
    "Vec",
    "Box",
    "None",
    "Some",
    "Ok",
    "Err",
    "std",
    "core",
    "async",
    "fn",
    "mod",
    "unknownFutureValue",
    "Unknown",
    "additional",
    "`code`",
    "**bold**",
    "[link](x.md)",
    "<br/>",
    "\\",
    "\"",
    "99999999999999999999",
    "-1",
    "0x",
    "Collection()",
    "Edm.",
    "microsoft.graph.",
];

/// Two long runs of structural characters: a scan back over the first at
/// each unit of the second is quadratic (100,000 blanks then commas took
/// 13 s; 50,000 `[` in a description 3 s).
fn long_runs(rng: &mut Rng) -> (String, Vec<u8>) {
    const UNITS: &[&str] = &[
        " ", ",", "\\", "\"", "[", "]", "{", "}", "|", "`", "-", "#", "<", ">", "*", "a", "\n",
        "\r", ":", "'", "(", "/", "{x}", "<!--", "&#124;", "\\|", "a.", "é", "\n|",
    ];
    let (a, b) = (*rng.pick(UNITS), *rng.pick(UNITS));
    let runs = format!("{}{}", a.repeat(100_000), b.repeat(100_000));
    (
        format!("100,000 {a:?} then 100,000 {b:?}"),
        runs.into_bytes(),
    )
}

/// Fragments inserted at a line start or inside a line.
pub fn hostile_fragment(rng: &mut Rng) -> (String, Vec<u8>) {
    const SHORT: &[&str] = &[
        "|",
        "||||",
        "```",
        "```json\n",
        "```http\n",
        "<!--",
        "-->",
        "{",
        "}",
        "\"",
        "\\",
        "`",
        "# ",
        "## Properties\n",
        "## Relationships\n",
        "## HTTP request\n",
        "## Request body\n",
        "## Response\n",
        "### x values\n",
        "## Members\n",
        "---\n",
        "<br/>",
        "&#124;",
        "&#x0;",
        "&amp;&lt;&gt;&quot;",
        "\0",
        "\r",
        "\u{feff}",
        "\u{2028}",
        "\t",
        "*/",
        "/*",
        "#[",
        "\"#",
        "PATCH /a/{b}/c(d='{e}')\n",
        "GET /x/<y>/$value\n",
        "GET https://graph.microsoft.com/v1.0/\n",
        "DELETE /{a|b}/{}/{{c}}\n",
        "POST /users/{id}/microsoft.graph.\n",
        "99999999999999999999",
        "-99999999999999999999.5e999",
        "Possible values are: ",
        "Possible values are: `type`, `Self`, `1abc`, `a-b`, `ü`, `😀`, ``, `unknownFutureValue`.",
        "| type | String | x |\n",
        "| Self | [Self](self.md) collection | y |\n",
        "| 1abc | Collection(Edm.😀) | z |\n",
        "|  |  |  |\n",
        "<!-- { \"blockType\": \"request\", \"name\": \"type\" } -->\n",
        "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.Self\", \"isCollection\": true } -->\n",
        "<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.😀\", \"baseType\": \"microsoft.graph.type\" } -->\n",
        "# `type` resource type\n",
        "# Self resource type\n",
        "# ü resource type\n",
        "# 1abc enum type\n",
    ];
    if rng.chance(5) {
        return long_runs(rng);
    }
    // Generated fragments (after the short ones): sizes that find
    // recursion, quadratic loops and unbounded allocation.
    match rng.below(SHORT.len() + 13) {
        i if i < SHORT.len() => {
            let s = SHORT[i];
            (format!("{s:?}"), s.as_bytes().to_vec())
        }
        i if i == SHORT.len() => {
            let line = "x".repeat(100 * 1024);
            ("a 100 KB line".into(), line.into_bytes())
        }
        i if i == SHORT.len() + 1 => ("10,000 `[`".into(), vec![b'['; 10_000]),
        i if i == SHORT.len() + 2 => ("10,000 `{`".into(), vec![b'{'; 10_000]),
        i if i == SHORT.len() + 3 => {
            let mut s = "Possible values are: ".to_string();
            for v in 0..5_000 {
                s.push_str(&format!("`v{v}`, "));
            }
            s.push_str("`unknownFutureValue`.");
            ("Possible values with 5,000 values".into(), s.into_bytes())
        }
        i if i == SHORT.len() + 4 => {
            let name = *rng.pick(HOSTILE_NAMES);
            let s = format!("### {name} values\n\n| Member | Value |\n|---|---|\n| type | 1 |\n| Self | 99999999999999999999 |\n| 1abc | -1 |\n| ü | x |\n| 😀 | 2 |\n|  | 3 |\n| {name} | 4 |\n");
            (format!("an enum table named {name:?}"), s.into_bytes())
        }
        i if i == SHORT.len() + 5 => {
            let line = "|".repeat(100 * 1024);
            ("a 100 KB line of `|`".into(), line.into_bytes())
        }
        i if i == SHORT.len() + 6 => {
            let line = "`".repeat(100 * 1024);
            ("a 100 KB line of backticks".into(), line.into_bytes())
        }
        i if i == SHORT.len() + 7 => ("10,000 `>`".into(), vec![b'>'; 10_000]),
        i if i == SHORT.len() + 8 => {
            let list: String = (0..2_000)
                .map(|d| format!("{}- x\n", " ".repeat(d)))
                .collect();
            ("a list nested 2,000 deep".into(), list.into_bytes())
        }
        i if i == SHORT.len() + 9 => {
            let mut rows = "\n|Property|Type|Description|\n|:--|:--|:--|\n".to_string();
            for r in 0..5_000 {
                rows.push_str(&format!("|p{r}|[t{r}](t{r}.md)|d|\n"));
            }
            ("a table of 5,000 rows".into(), rows.into_bytes())
        }
        i if i == SHORT.len() + 10 => {
            let tags = "<a><b><!-- <div>".repeat(2_500);
            ("10,000 HTML tags".into(), tags.into_bytes())
        }
        i if i == SHORT.len() + 11 => {
            // 3,125 property names with one snake_case form (`a-b.c#d$e_f`).
            let mut rows = "\n|Property|Type|Description|\n|:--|:--|:--|\n".to_string();
            for k in 0..3_125usize {
                let mut name = "a".to_string();
                for (pos, letter) in ['b', 'c', 'd', 'e', 'f'].into_iter().enumerate() {
                    name.push(['-', '.', '#', '$', '_'][(k / 5usize.pow(pos as u32)) % 5]);
                    name.push(letter);
                }
                rows.push_str(&format!("|{name}|String|d|\n"));
            }
            ("3,125 colliding property names".into(), rows.into_bytes())
        }
        _ => {
            let body =
                format!(
                "```json\n{{\"{}\": {}, \"@odata.type\": \"#microsoft.graph.{}\", \"\": [}}\n```\n",
                rng.pick(HOSTILE_NAMES).replace('"', "'"),
                rng.pick(&["99999999999999999999", "1e999", "null", "\"\\ud800\"", "[[[["]),
                rng.pick(HOSTILE_NAMES).replace('"', "'"),
            );
            ("a hostile JSON example".into(), body.into_bytes())
        }
    }
}
