//! Irregular word forms from the Hunspell dictionaries Debian packages (`hunspell-en-us`, `-ru`, `-tr`, `-it`,
//! `-es`, in `/usr/share/hunspell`). A query word is reduced to the dictionary words it can be a form of
//! (`кружек` → `кружка`, `lápices` → `lápiz`, `ремней` → `ремень`) and the query also looks for the forms the
//! dictionary makes of them (at most [`MAX_FORMS`], shared fairly between the lemmas), each through the Snowball
//! stemmer as the index was. This finds what Snowball alone cannot (it leaves `кружек` as it is and cuts
//! `кружка` to `кружк`) without writing lemmas into the index.
//!
//! Only suffix rules that inflect are used: a rule whose form takes further suffixes (`-ción/S`, `-illo/S`) is
//! a derivation, and in English only `-s`, `-es`, `-ed`, `-ing` and `'s` count (`box` must not find `boxer`).
//! Prefixes, compounds and twofold suffixes are not read. Words the dictionary lists on their own rather than
//! as a form (`knives`, `scarves`, Turkish `tabağı`) are not tied to their lemma by it. Without the
//! dictionaries search works as before (Snowball and typos only).

mod affixes;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use affixes::{Affixes, Flag, Suffix};

use crate::i18n::{lowercase, Locale};

/// At most this many forms are made of one query word (a Turkish noun has dozens).
pub const MAX_FORMS: usize = 48;
/// The endings of English inflection (plural, third person, past, gerund, possessive); en_US's other suffix
/// rules derive new words.
const ENGLISH_INFLECTIONS: [&str; 9] = ["s", "es", "ies", "d", "ed", "ied", "ing", "'s", "’s"];
/// A lemma other than the word itself must be this long and share this many first letters with it: Hunspell
/// also reads English `ring` as `re` + `ing` and Spanish `velas` as `ver` + `las`.
const MIN_LEMMA_CHARS: usize = 3;

/// One language's dictionary: its words with their flags, and its suffix rules.
pub struct Lexicon {
    lang: Locale,
    words: fst::Map<Vec<u8>>,
    flag_sets: Vec<Box<[Flag]>>,
    suffixes: Vec<Suffix>,
    by_flag: HashMap<Flag, Vec<usize>>,
    by_ending: HashMap<Box<str>, Vec<usize>>,
    longest_ending: usize,
}

impl Lexicon {
    /// Reads a dictionary from its affix and word list files' contents; words are lowercased with `lang`'s rules.
    pub fn parse(lang: Locale, aff: &str, dic: &str) -> Result<Self, String> {
        let affixes = Affixes::parse(aff);
        let mut entries: BTreeMap<String, Vec<Flag>> = BTreeMap::new();
        for (i, line) in dic.lines().enumerate() {
            let entry = line.split_whitespace().next().unwrap_or_default();
            // The first line counts the words; some files open with `/`-comments.
            if entry.is_empty()
                || entry.starts_with('/')
                || (i == 0 && entry.parse::<u64>().is_ok())
            {
                continue;
            }
            let (word, flags) = entry.split_once('/').unwrap_or((entry, ""));
            let flags = affixes.entry_flags(flags);
            let known = entries.entry(lowercase(word, lang)).or_default();
            known.extend(flags);
            known.sort_unstable();
            known.dedup();
        }
        let mut interned: HashMap<Box<[Flag]>, u64> = HashMap::new();
        let mut flag_sets: Vec<Box<[Flag]>> = Vec::new();
        let mut builder = fst::MapBuilder::memory();
        for (word, flags) in entries {
            let set: Box<[Flag]> = flags.into();
            let id = *interned.entry(set.clone()).or_insert_with(|| {
                flag_sets.push(set);
                flag_sets.len() as u64 - 1
            });
            builder.insert(word, id).map_err(|e| e.to_string())?;
        }
        let words = fst::Map::new(builder.into_inner().map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
        let (by_flag, by_ending) = (affixes.by_flag(), affixes.by_ending());
        let longest_ending = by_ending
            .keys()
            .map(|e| e.chars().count())
            .max()
            .unwrap_or(0);
        Ok(Self {
            lang,
            words,
            flag_sets,
            suffixes: affixes.suffixes,
            by_flag,
            by_ending,
            longest_ending,
        })
    }

    /// How many words the dictionary lists.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Roughly how much memory the dictionary holds (its word set, flag sets and rules), in bytes.
    pub fn bytes(&self) -> usize {
        let sets: usize = self.flag_sets.iter().map(|s| s.len() * 4 + 16).sum();
        let rules = self.suffixes.len() * (std::mem::size_of::<Suffix>() + 16);
        self.words.as_fst().size() + sets + rules
    }

    fn flags(&self, word: &str) -> Option<&[Flag]> {
        let id = self.words.get(word)?;
        self.flag_sets
            .get(usize::try_from(id).ok()?)
            .map(|s| &s[..])
    }

    /// Whether a rule inflects rather than derives (see the module's notes).
    fn inflects(&self, rule: &Suffix) -> bool {
        !rule.continues && (self.lang != Locale::En || ENGLISH_INFLECTIONS.contains(&&*rule.add))
    }

    /// The dictionary words lowercased `word` can be an inflected form of (itself when listed), plausible ones
    /// only.
    pub fn lemmas(&self, word: &str) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        if self.flags(word).is_some() {
            found.push(word.to_string());
        }
        let ends = std::iter::once(word.len()).chain(word.char_indices().rev().map(|(i, _)| i));
        for at in ends.take(self.longest_ending + 1) {
            let Some(rules) = self.by_ending.get(&word[at..]) else {
                continue;
            };
            let rules = rules.iter().filter_map(|i| self.suffixes.get(*i));
            for rule in rules.filter(|r| self.inflects(r)) {
                let Some(root) = rule.root_of(word) else {
                    continue;
                };
                let allowed = self
                    .flags(&root)
                    .is_some_and(|f| f.binary_search(&rule.flag).is_ok());
                if allowed && plausible(word, &root) && !found.contains(&root) {
                    found.push(root);
                }
            }
        }
        found
    }

    /// `root` and the inflected forms its flags make of it, at most `limit`.
    pub fn forms(&self, root: &str, limit: usize) -> Vec<String> {
        let mut forms = vec![root.to_string()];
        let flags = self.flags(root).unwrap_or_default();
        let rules = flags.iter().filter_map(|f| self.by_flag.get(f)).flatten();
        let rules = rules.filter_map(|i| self.suffixes.get(*i));
        for rule in rules.filter(|r| self.inflects(r)) {
            if forms.len() >= limit {
                break;
            }
            if let Some(form) = rule.apply(root) {
                if !forms.contains(&form) {
                    forms.push(form);
                }
            }
        }
        forms
    }

    /// The word, its lemmas, then their forms taken in turn from each lemma (one verb's conjugations must not
    /// crowd out a noun's plural), at most [`MAX_FORMS`] in all.
    pub fn related(&self, word: &str) -> Vec<String> {
        let mut all = vec![word.to_string()];
        let per_lemma: Vec<Vec<String>> = self
            .lemmas(word)
            .iter()
            .map(|l| self.forms(l, MAX_FORMS))
            .collect();
        for round in 0..MAX_FORMS {
            let mut any = false;
            for form in per_lemma.iter().filter_map(|forms| forms.get(round)) {
                any = true;
                if all.len() < MAX_FORMS && !all.contains(form) {
                    all.push(form.clone());
                }
            }
            if !any || all.len() >= MAX_FORMS {
                break;
            }
        }
        all
    }
}

/// Whether `lemma` can really be the lemma of `word` (see [`MIN_LEMMA_CHARS`]).
fn plausible(word: &str, lemma: &str) -> bool {
    let shared = word
        .chars()
        .zip(lemma.chars())
        .take_while(|(a, b)| a == b)
        .count();
    lemma.chars().count() >= MIN_LEMMA_CHARS && shared >= MIN_LEMMA_CHARS
}

/// The file name (without extension) of `l`'s dictionary as Debian installs it.
fn file_stem(l: Locale) -> &'static str {
    match l {
        Locale::En => "en_US",
        Locale::Ru => "ru_RU",
        Locale::Tr => "tr_TR",
        Locale::It => "it_IT",
        Locale::Es => "es_ES",
    }
}

/// The dictionaries of the five languages, read from one directory the first time one is asked for (or when
/// [`Lexicons::load`] warms them at start-up). A language whose files are missing has none.
pub struct Lexicons {
    dir: Option<PathBuf>,
    loaded: OnceLock<Vec<(Locale, Lexicon)>>,
}

impl Lexicons {
    /// Dictionaries to be read from `dir` (`None`: search without them).
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            loaded: OnceLock::new(),
        }
    }

    /// The dictionary of `l`, reading every language's on first use.
    pub fn get(&self, l: Locale) -> Option<&Lexicon> {
        self.load()
            .iter()
            .find(|(x, _)| *x == l)
            .map(|(_, lex)| lex)
    }

    /// Reads the dictionaries now, once; logs what was found and how long it took.
    pub fn load(&self) -> &[(Locale, Lexicon)] {
        self.loaded.get_or_init(|| {
            let Some(dir) = &self.dir else {
                return Vec::new();
            };
            let started = std::time::Instant::now();
            if !dir.is_dir() {
                tracing::warn!(dir = %dir.display(), "no search dictionaries: not a directory");
            }
            let found: Vec<(Locale, Lexicon)> = Locale::ALL
                .into_iter()
                .filter_map(|l| read(dir, l).map(|lex| (l, lex)))
                .collect();
            let words: usize = found.iter().map(|(_, x)| x.len()).sum();
            let bytes: usize = found.iter().map(|(_, x)| x.bytes()).sum();
            let languages: Vec<&str> = found.iter().map(|(l, _)| l.code()).collect();
            tracing::info!(
                dir = %dir.display(),
                languages = %languages.join(","),
                words,
                bytes,
                ms = started.elapsed().as_millis() as u64,
                "search dictionaries read"
            );
            found
        })
    }
}

fn read(dir: &Path, l: Locale) -> Option<Lexicon> {
    let path = |ext: &str| dir.join(format!("{}.{ext}", file_stem(l)));
    let text = |p: PathBuf| {
        std::fs::read_to_string(&p).map_err(|e| {
            // A missing language is expected; a file that cannot be read (permissions, not UTF-8) is not.
            if e.kind() == std::io::ErrorKind::NotFound {
                tracing::debug!(lang = l.code(), file = %p.display(), "no search dictionary");
            } else {
                tracing::warn!(lang = l.code(), file = %p.display(), error = %e, "search dictionary unreadable");
            }
        })
    };
    let (aff, dic) = (text(path("aff")).ok()?, text(path("dic")).ok()?);
    Lexicon::parse(l, &aff, &dic)
        .map_err(|error| tracing::warn!(lang = l.code(), %error, "search dictionary unreadable"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const AFF: &str = "SET UTF-8\nSFX I Y 2\nSFX I ка ек [цжшч]ка\nSFX I а и а\n\
                       SFX O Y 2\nSFX O ень ня ень\nSFX O ень ней ень\n";
    const DIC: &str = "3\nкружка/I\nремень/O\nКазань\n";

    #[test]
    fn forms_find_their_lemma_and_lemmas_make_their_forms() {
        let lex = Lexicon::parse(Locale::Ru, AFF, DIC).expect("parses");
        assert_eq!(lex.len(), 3);
        assert_eq!(lex.lemmas("кружек"), vec!["кружка"]);
        assert_eq!(lex.lemmas("ремней"), vec!["ремень"]);
        assert_eq!(
            lex.lemmas("казань"),
            vec!["казань"],
            "listed words are lowercased"
        );
        assert!(lex.lemmas("сумок").is_empty());
        assert_eq!(lex.forms("кружка", 10), vec!["кружка", "кружек", "кружки"]);
        assert_eq!(lex.related("ремней"), vec!["ремней", "ремень", "ремня"]);
        assert_eq!(lex.related("ремней").len(), 3, "no form twice");
    }

    #[test]
    fn a_lemma_must_share_the_start_of_the_word() {
        let lex = Lexicon::parse(
            Locale::En,
            "SFX G Y 1\nSFX G e ing e\n",
            "2\nre/G\nrange/G\n",
        )
        .expect("parses");
        assert!(
            lex.lemmas("ring").is_empty(),
            "`re` is too short to be its lemma"
        );
        assert_eq!(lex.lemmas("ranging"), vec!["range"]);
    }

    /// Debian's dictionaries, where installed (`CARAVAN_HUNSPELL_DIR` or `/usr/share/hunspell`); CI installs
    /// them and sets `CARAVAN_LEXICON_TESTS=require`.
    #[test]
    fn debian_dictionaries_relate_irregular_forms() {
        let dir = match std::env::var("CARAVAN_HUNSPELL_DIR").as_deref() {
            Ok("off") => None,
            Ok(dir) => Some(PathBuf::from(dir)),
            Err(_) => Some(PathBuf::from("/usr/share/hunspell")),
        };
        let lexicons = Lexicons::new(dir);
        let started = std::time::Instant::now();
        let found = lexicons.load().len();
        if found < Locale::ALL.len() {
            assert_ne!(
                std::env::var("CARAVAN_LEXICON_TESTS").as_deref(),
                Ok("require"),
                "CARAVAN_LEXICON_TESTS=require but only {found} of the five dictionaries are installed"
            );
            eprintln!("skipped: the Hunspell dictionaries are not installed");
            return;
        }
        let bytes: usize = lexicons.load().iter().map(|(_, x)| x.bytes()).sum();
        let words: usize = lexicons.load().iter().map(|(_, x)| x.len()).sum();
        eprintln!(
            "five dictionaries read in {} ms: {words} words, {bytes} bytes",
            started.elapsed().as_millis()
        );
        let lemma = |l: Locale, w: &str| lexicons.get(l).map(|x| x.lemmas(w)).unwrap_or_default();
        for (l, form, lemma_of) in [
            (Locale::Ru, "кружек", "кружка"),
            (Locale::Ru, "чашек", "чашка"),
            (Locale::Ru, "ремней", "ремень"),
            (Locale::Ru, "платков", "платок"),
            (Locale::Ru, "кошельков", "кошелёк"),
            (Locale::Es, "lápices", "lápiz"),
            (Locale::Es, "nueces", "nuez"),
            (Locale::It, "tazze", "tazza"),
            (Locale::En, "candles", "candle"),
        ] {
            assert!(
                lemma(l, form).iter().any(|x| x == lemma_of),
                "{form}: {:?}",
                lemma(l, form)
            );
        }
        assert!(
            lemma(Locale::En, "ring").iter().all(|x| x == "ring"),
            "{:?}",
            lemma(Locale::En, "ring")
        );
        let forms = lexicons
            .get(Locale::Ru)
            .map(|x| x.related("кружек"))
            .unwrap_or_default();
        assert!(forms.iter().any(|f| f == "кружки"), "{forms:?}");
        // Derivations are not forms: `box` does not make `boxer`, `bolsos` not `bolsillo`.
        let related =
            |l: Locale, w: &str| lexicons.get(l).map(|x| x.related(w)).unwrap_or_default();
        let boxes = related(Locale::En, "box");
        assert!(boxes.iter().any(|f| f == "boxes"), "{boxes:?}");
        assert!(!boxes.iter().any(|f| f.starts_with("boxer")), "{boxes:?}");
        let bags = related(Locale::Es, "bolsos");
        assert!(!bags.iter().any(|f| f.starts_with("bolsill")), "{bags:?}");
        // Each lemma gets its turn: `cruces` brings `cruz` though `cruzar`'s conjugations are many.
        let crosses = related(Locale::Es, "cruces");
        assert!(crosses.iter().any(|f| f == "cruz"), "{crosses:?}");
    }

    #[test]
    fn missing_dictionaries_leave_search_without_them() {
        let none = Lexicons::new(None);
        assert!(none.get(Locale::Ru).is_none());
        let empty = tempfile::tempdir().expect("dir");
        assert!(Lexicons::new(Some(empty.path().to_path_buf()))
            .get(Locale::En)
            .is_none());
    }
}
