//! Transliteration of query words between Latin and Cyrillic letters, so `sumka`, `matreshka` or `kruzhka`
//! (Russian typed on a Latin keyboard) find `сумка`, `матрёшка`, `кружка`, and `самсунг` finds `samsung`.
//!
//! Latin → Cyrillic reads the spellings people type: the ICAO Doc 9303 scheme of Russian passports (`kh`,
//! `ts`, `shch`, `ia`, `iu`) and the common informal ones (`h`, `c`, `sch`, `ya`/`ja`, `yu`/`ju`, `yo`/`jo`,
//! `y` for `ы` or, after a vowel, `й`). Spellings are ambiguous (`ia` is `я` in ICAO, `ия` elsewhere), so a
//! word gives a few candidates; each is only an extra term to look up, never a replacement. Cyrillic → Latin
//! uses ICAO alone. The soft and hard signs are not typed in Latin and need not be: stemming drops them.

/// Latin spellings, longest first within each start, and their Cyrillic letters.
const LATIN: [(&str, &str); 40] = [
    ("shch", "щ"),
    ("sch", "щ"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("tz", "ц"),
    ("yo", "ё"),
    ("jo", "ё"),
    ("yu", "ю"),
    ("ju", "ю"),
    ("ya", "я"),
    ("ja", "я"),
    ("ye", "е"),
    ("je", "е"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("w", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("j", "й"),
    ("k", "к"),
    ("q", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("h", "х"),
    ("c", "ц"),
];

fn is_vowel(c: char) -> bool {
    "аеёиоуыэюя".contains(c)
}

/// Cyrillic readings of a lowercase ASCII word (none for anything else): the informal reading, and the ICAO
/// one where `ia`/`iu`/`ie` would read differently.
pub fn to_cyrillic(word: &str) -> Vec<String> {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let mut out = vec![latin_to_cyrillic(word, false)];
    if word.contains("ia") || word.contains("iu") || word.contains("ie") {
        let icao = latin_to_cyrillic(word, true);
        if !out.contains(&icao) {
            out.push(icao);
        }
    }
    out
}

fn latin_to_cyrillic(word: &str, icao: bool) -> String {
    let mut out = String::with_capacity(word.len() * 2);
    let mut rest = word;
    while !rest.is_empty() {
        if icao {
            if let Some((from, to)) = [("ia", "я"), ("iu", "ю"), ("ie", "ъе")]
                .iter()
                .find(|(from, _)| rest.starts_with(from))
            {
                out.push_str(to);
                rest = &rest[from.len()..];
                continue;
            }
        }
        // `y` is `й` after a vowel ("chay" → чай) and at the end of a word after a vowel, else `ы`.
        if rest.starts_with('y')
            && !LATIN
                .iter()
                .any(|(l, _)| l.len() > 1 && rest.starts_with(l))
        {
            let after_vowel = out.chars().last().is_some_and(is_vowel);
            out.push(if after_vowel { 'й' } else { 'ы' });
            rest = &rest[1..];
            continue;
        }
        match LATIN.iter().find(|(l, _)| rest.starts_with(l)) {
            Some((l, c)) => {
                out.push_str(c);
                rest = &rest[l.len()..];
            }
            None => {
                // "x" is two letters in Cyrillic.
                if rest.starts_with('x') {
                    out.push_str("кс");
                }
                rest = &rest[1..];
            }
        }
    }
    out
}

/// The ICAO (Doc 9303) Latin spelling of a lowercase Russian word; `None` when it has other letters.
pub fn to_latin(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let l = match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'й' => "i",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ы' => "y",
            'ъ' => "ie",
            'ь' => "",
            'ю' => "iu",
            'я' => "ia",
            _ => return None,
        };
        out.push_str(l);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_typed_in_latin_letters() {
        for (latin, cyrillic) in [
            ("sumka", "сумка"),
            ("platok", "платок"),
            ("kruzhka", "кружка"),
            ("matreshka", "матрешка"),
            ("matryoshka", "матрёшка"),
            ("chay", "чай"),
            ("shchetka", "щетка"),
            ("yantar", "янтар"),
            ("khokhloma", "хохлома"),
            ("hohloma", "хохлома"),
            ("varenye", "варене"),
        ] {
            let got = to_cyrillic(latin);
            assert!(got.iter().any(|g| g == cyrillic), "{latin}: {got:?}");
        }
        assert!(to_cyrillic("mariia").contains(&"мария".to_string()));
        assert!(to_cyrillic("çanta").is_empty());
        assert!(to_cyrillic("bag1").is_empty());
    }

    #[test]
    fn latin_names_typed_in_cyrillic() {
        assert_eq!(to_latin("самсунг").as_deref(), Some("samsung"));
        assert_eq!(to_latin("хохлома").as_deref(), Some("khokhloma"));
        assert_eq!(to_latin("çanta"), None);
    }
}
