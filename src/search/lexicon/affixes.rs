//! The part of a Hunspell affix file (`.aff`) that word forms need: how flags are written (`FLAG`, `AF`
//! aliases) and the suffix rules (`SFX flag strip add[/flags] condition`), each with the condition a root must
//! meet. Prefixes, compounding and the suggestion tables are not read. Suffix rules also make derivations
//! (`-er`, `-illo`); [`Suffix::continues`] marks those that take further suffixes, most of which are.

use std::collections::HashMap;

/// A flag of the dictionary, whatever way the file writes it.
pub type Flag = u32;

/// How `.dic` and `.aff` write flags (`FLAG`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagMode {
    /// One character per flag (`FLAG UTF-8`, and without a `FLAG` line, where Hunspell reads one byte: the same
    /// for ASCII flags, and consistent for the few non-ASCII ones as `.aff` and `.dic` are read alike).
    Char,
    /// Two characters per flag (`FLAG long`).
    Long,
    /// Comma-separated numbers (`FLAG num`).
    Num,
}

/// One character position of a condition.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Class {
    Any,
    One(char),
    In(Vec<char>),
    NotIn(Vec<char>),
}

impl Class {
    fn accepts(&self, c: char) -> bool {
        match self {
            Class::Any => true,
            Class::One(x) => *x == c,
            Class::In(set) => set.contains(&c),
            Class::NotIn(set) => !set.contains(&c),
        }
    }
}

/// What the end of a root must look like for a suffix to attach (`[^aeiou]y`, `ка`, `.`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition(Vec<Class>);

impl Condition {
    pub fn parse(s: &str) -> Option<Self> {
        let mut classes = Vec::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            classes.push(match c {
                '.' => Class::Any,
                '[' => {
                    let mut set: Vec<char> = Vec::new();
                    let mut negated = false;
                    loop {
                        match chars.next()? {
                            ']' => break,
                            '^' if set.is_empty() && !negated => negated = true,
                            x => set.push(x),
                        }
                    }
                    if negated {
                        Class::NotIn(set)
                    } else {
                        Class::In(set)
                    }
                }
                x => Class::One(x),
            });
        }
        Some(Self(classes))
    }

    /// Whether `root` ends in what the condition asks.
    pub fn ends(&self, root: &str) -> bool {
        let mut tail = root.chars().rev();
        self.0
            .iter()
            .rev()
            .all(|class| tail.next().is_some_and(|c| class.accepts(c)))
    }
}

/// A suffix rule: remove `strip` from the root's end and append `add`, when the root meets `condition`.
#[derive(Clone, Debug)]
pub struct Suffix {
    pub flag: Flag,
    pub strip: Box<str>,
    pub add: Box<str>,
    pub condition: Condition,
    /// The rule's form takes further suffixes (`ción/S`): a derivation rather than an inflection, as a rule.
    pub continues: bool,
}

impl Suffix {
    /// The form this rule makes of `root`, if the rule applies to it.
    pub fn apply(&self, root: &str) -> Option<String> {
        let kept = root.strip_suffix(&*self.strip)?;
        (self.condition.ends(root) && !kept.is_empty()).then(|| format!("{kept}{}", self.add))
    }

    /// The root this rule would have made `form` from (not checked against the dictionary).
    pub fn root_of(&self, form: &str) -> Option<String> {
        let kept = form.strip_suffix(&*self.add)?;
        let root = format!("{kept}{}", self.strip);
        (!kept.is_empty() && self.condition.ends(&root)).then_some(root)
    }
}

/// The affix file as far as it is read.
#[derive(Debug)]
pub struct Affixes {
    pub mode: FlagMode,
    /// `AF` flag set aliases: a `.dic` entry writes the alias's number (from 1) instead of its flags.
    pub aliases: Vec<Vec<Flag>>,
    pub suffixes: Vec<Suffix>,
}

impl Affixes {
    pub fn parse(aff: &str) -> Self {
        let mut mode = FlagMode::Char;
        let mut aliases = Vec::new();
        let mut suffixes = Vec::new();
        // Rule lines come after a header line that names the flag; flags are read once the mode is known.
        let mut raw: Vec<[&str; 4]> = Vec::new();
        let mut raw_aliases: Vec<&str> = Vec::new();
        let mut alias_header = false;
        for line in aff.lines() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields.as_slice() {
                ["FLAG", m, ..] => {
                    mode = match *m {
                        "long" => FlagMode::Long,
                        "num" => FlagMode::Num,
                        _ => FlagMode::Char,
                    }
                }
                ["AF", n] if n.parse::<usize>().is_ok() && !alias_header => alias_header = true,
                ["AF", flags, ..] => raw_aliases.push(flags),
                // A rule group's header (`SFX A Y 81`, maybe with a comment after it).
                ["SFX", _, "Y" | "N", n, ..] if n.parse::<usize>().is_ok() => {}
                ["SFX", flag, strip, add, condition, ..] => raw.push([flag, strip, add, condition]),
                _ => {}
            }
        }
        for flags in raw_aliases {
            aliases.push(parse_flags(mode, flags));
        }
        for [flag, strip, add, condition] in raw {
            let (Some(&flag), Some(condition)) =
                (parse_flags(mode, flag).first(), Condition::parse(condition))
            else {
                continue;
            };
            let (add, continues) = match add.split_once('/') {
                Some((add, more)) => (add, !more.is_empty()),
                None => (add, false),
            };
            let zero = |s: &str| -> Box<str> {
                if s == "0" {
                    "".into()
                } else {
                    s.into()
                }
            };
            suffixes.push(Suffix {
                flag,
                strip: zero(strip),
                add: zero(add),
                condition,
                continues,
            });
        }
        Self {
            mode,
            aliases,
            suffixes,
        }
    }

    /// The flags of a `.dic` entry as written after its `/`.
    pub fn entry_flags(&self, written: &str) -> Vec<Flag> {
        if !self.aliases.is_empty() {
            if let Ok(n) = written.parse::<usize>() {
                return n
                    .checked_sub(1)
                    .and_then(|i| self.aliases.get(i))
                    .cloned()
                    .unwrap_or_default();
            }
        }
        parse_flags(self.mode, written)
    }

    /// Suffix rules grouped by the flag that allows them (for making forms).
    pub fn by_flag(&self) -> HashMap<Flag, Vec<usize>> {
        let mut map: HashMap<Flag, Vec<usize>> = HashMap::new();
        for (i, s) in self.suffixes.iter().enumerate() {
            map.entry(s.flag).or_default().push(i);
        }
        map
    }

    /// Suffix rules grouped by what they append (for finding a form's root).
    pub fn by_ending(&self) -> HashMap<Box<str>, Vec<usize>> {
        let mut map: HashMap<Box<str>, Vec<usize>> = HashMap::new();
        for (i, s) in self.suffixes.iter().enumerate() {
            map.entry(s.add.clone()).or_default().push(i);
        }
        map
    }
}

fn parse_flags(mode: FlagMode, s: &str) -> Vec<Flag> {
    match mode {
        FlagMode::Char => s.chars().map(|c| c as Flag).collect(),
        FlagMode::Long => {
            let chars: Vec<char> = s.chars().collect();
            chars
                .chunks(2)
                .map(|p| {
                    p.iter().fold(0u32, |acc, c| {
                        acc.wrapping_mul(0x11_0000).wrapping_add(*c as u32)
                    })
                })
                .collect()
        }
        FlagMode::Num => s.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_match_the_end_of_a_root() {
        let c = Condition::parse("[^aeiou]y").expect("parses");
        assert!(c.ends("fly") && c.ends("sky"));
        assert!(!c.ends("day") && !c.ends("y"));
        let c = Condition::parse("[цжшч]ка").expect("parses");
        assert!(c.ends("кружка") && !c.ends("сумка"));
        assert!(Condition::parse(".").expect("parses").ends("a"));
        assert!(Condition::parse("[ab").is_none());
    }

    #[test]
    fn rules_flags_and_aliases() {
        let aff = "FLAG num\nAF 2\nAF 3,4\nAF 5\nSFX 3 N 1 # plural\nSFX 3 0 lar .\nSFX 4 Y 1\n\
                   SFX 4 k ğı k\nSFX 5 Y 1\nSFX 5 0 lık/3 .\n";
        let a = Affixes::parse(aff);
        assert_eq!(a.mode, FlagMode::Num);
        assert_eq!(a.entry_flags("1"), vec![3, 4]);
        assert_eq!(
            a.suffixes.len(),
            3,
            "headers, even with a comment, are no rules"
        );
        assert!(!a.suffixes[0].continues && a.suffixes[2].continues);
        let soft = &a.suffixes[1];
        assert_eq!(soft.apply("tabak").as_deref(), Some("tabağı"));
        assert_eq!(soft.root_of("tabağı").as_deref(), Some("tabak"));
        assert_eq!(soft.apply("kupa"), None);
        let long = Affixes::parse("FLAG long\nSFX Ab Y 1\nSFX Ab 0 s .\n");
        assert_eq!(long.entry_flags("AbCd").len(), 2);
        assert_eq!(long.entry_flags("AbCd")[0], long.suffixes[0].flag);
    }
}
