//! Tax identifiers of the pilot countries, checked with their official check-digit rules.

use crate::geo::CountryCode;

/// Removes spaces, dots, dashes and a leading country prefix (`IT`, `ES`); uppercases.
pub fn normalize(input: &str, country: CountryCode) -> String {
    let s: String = input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_uppercase();
    s.strip_prefix(country.as_str())
        .map(str::to_string)
        .unwrap_or(s)
}

fn digits(s: &str) -> Option<Vec<u32>> {
    s.chars().map(|c| c.to_digit(10)).collect()
}

/// Russian INN: 10 digits (organisations) or 12 (individual entrepreneurs).
pub fn valid_inn(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    let check =
        |w: &[u32], n: usize| w.iter().zip(&d).map(|(a, b)| a * b).sum::<u32>() % 11 % 10 == d[n];
    match d.len() {
        10 => check(&[2, 4, 10, 3, 5, 9, 4, 6, 8], 9),
        12 => {
            check(&[7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 10)
                && check(&[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 11)
        }
        _ => false,
    }
}

/// Turkish VKN (10 digits, companies) or T.C. kimlik no (11 digits, sole traders).
pub fn valid_vkn(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    match d.len() {
        10 => {
            let mut sum = 0;
            for (i, x) in d.iter().take(9).enumerate() {
                let tmp = (x + 9 - i as u32) % 10;
                let mut v = (tmp * 2u32.pow(9 - i as u32)) % 9;
                if tmp != 0 && v == 0 {
                    v = 9;
                }
                sum += v;
            }
            (10 - sum % 10) % 10 == d[9]
        }
        11 => {
            let odd: u32 = [0, 2, 4, 6, 8].iter().map(|i| d[*i]).sum();
            let even: u32 = [1, 3, 5, 7].iter().map(|i| d[*i]).sum();
            d[0] != 0
                && (odd * 7 + 10 * 10 - even) % 10 == d[9]
                && d[..10].iter().sum::<u32>() % 10 == d[10]
        }
        _ => false,
    }
}

/// Italian Partita IVA: 11 digits, Luhn-style check digit.
pub fn valid_partita_iva(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    if d.len() != 11 {
        return false;
    }
    let sum: u32 = d
        .iter()
        .enumerate()
        .map(|(i, x)| {
            if i % 2 == 1 {
                (x * 2) / 10 + (x * 2) % 10
            } else {
                *x
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Spanish NIF (DNI), NIE or CIF.
pub fn valid_nif(s: &str) -> bool {
    const LETTERS: &[u8] = b"TRWAGMYFPDXBNJZSQVHLCKE";
    let b = s.as_bytes();
    if b.len() != 9 {
        return false;
    }
    let dni = |num: &str, letter: u8| {
        num.parse::<u32>()
            .ok()
            .is_some_and(|n| LETTERS[(n % 23) as usize] == letter)
    };
    match b[0] {
        b'0'..=b'9' => dni(&s[..8], b[8]),
        b'X' | b'Y' | b'Z' => {
            let lead = (b'0' + b[0] - b'X') as char;
            dni(&format!("{lead}{}", &s[1..8]), b[8])
        }
        b'A'..=b'H' | b'J' | b'N' | b'P' | b'Q' | b'R' | b'S' | b'U' | b'V' | b'W' => {
            let Some(d) = digits(&s[1..8]) else {
                return false;
            };
            let even: u32 = [1, 3, 5].iter().map(|i| d[*i]).sum();
            let odd: u32 = [0, 2, 4, 6]
                .iter()
                .map(|i| (d[*i] * 2) / 10 + (d[*i] * 2) % 10)
                .sum();
            let c = (10 - (even + odd) % 10) % 10;
            b[8] == b'0' + c as u8 || b[8] == b"JABCDEFGHI"[c as usize]
        }
        _ => false,
    }
}

/// Checks a tax id for a pilot country (other countries are not accepted for shops).
pub fn valid(country: CountryCode, normalized: &str) -> bool {
    match country.as_str() {
        "RU" => valid_inn(normalized),
        "TR" => valid_vkn(normalized),
        "IT" => valid_partita_iva(normalized),
        "ES" => valid_nif(normalized),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_inn() {
        assert!(valid_inn("7707083893"));
        assert!(valid_inn("500100732259"));
        assert!(!valid_inn("7707083894"));
        assert!(!valid_inn("12345"));
    }

    #[test]
    fn turkish_vkn_and_tckn() {
        assert!(valid_vkn("1234567890"));
        assert!(valid_vkn("0987654322"));
        assert!(!valid_vkn("1234567891"));
        assert!(valid_vkn("10000000146"));
        assert!(!valid_vkn("10000000147"));
    }

    #[test]
    fn italian_partita_iva() {
        assert!(valid_partita_iva("01234567897"));
        assert!(valid_partita_iva("00743110157"));
        assert!(!valid_partita_iva("01234567890"));
        assert_eq!(
            normalize("IT 007 431 101 57", CountryCode::IT),
            "00743110157"
        );
    }

    #[test]
    fn spanish_nif_nie_cif() {
        assert!(valid_nif("12345678Z"));
        assert!(!valid_nif("12345678A"));
        assert!(valid_nif("X1234567L"));
        assert!(valid_nif("B12345674"));
        assert!(valid_nif("B1234567D"));
        assert!(!valid_nif("B12345675"));
    }
}
