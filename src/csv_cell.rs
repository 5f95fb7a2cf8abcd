//! Cells of exported CSV files that a spreadsheet will not run (CSV injection, OWASP's guidance): a cell whose
//! text a spreadsheet would read as a formula gets a leading apostrophe, which spreadsheets show as plain text.
//! Import takes it off again, so a merchant's real text survives export, editing and import unchanged.

use std::borrow::Cow;

/// Characters that start a formula (or a DDE payload) in Excel, LibreOffice and Google Sheets.
const FORMULA_STARTS: [char; 4] = ['=', '+', '-', '@'];

/// Whether a spreadsheet would evaluate `text`: it starts with a tab or a carriage return (which some trim
/// away), or its first visible character starts a formula. A text that is one or more apostrophes followed by
/// such a text counts too, so that [`restore`] undoes exactly what [`neutralize`] did.
fn is_live(text: &str) -> bool {
    if text.starts_with(['\t', '\r']) {
        return true;
    }
    if text.trim_start().starts_with(FORMULA_STARTS) {
        return true;
    }
    text.strip_prefix('\'').is_some_and(is_live)
}

/// The cell as exported: `'` before a text a spreadsheet would evaluate, anything else as it is.
pub fn neutralize(text: &str) -> Cow<'_, str> {
    if is_live(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The cell as imported: the apostrophe that [`neutralize`] added is taken off.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if is_live(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralized_and_plain_text_is_left_alone() {
        for live in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "=cmd|' /C calc'!A0",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1+1",
            "\r=1+1",
            "  =1+1",
        ] {
            assert_eq!(neutralize(live), format!("'{live}"), "{live:?}");
        }
        for plain in ["Borsa in pelle", "1299.50", "", "a=b", "'quoted'", "café"] {
            assert_eq!(neutralize(plain), plain, "{plain:?}");
        }
    }

    #[test]
    fn every_text_survives_export_and_import() {
        for text in [
            "=1+1", "'=1+1", "''=1+1", "'hello", "-20% off", "@home", "plain", "'", "",
        ] {
            assert_eq!(restore(&neutralize(text)), text, "{text:?}");
        }
    }
}
