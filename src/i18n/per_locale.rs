//! One value per supported language, indexed by [`Locale`] rather than by position in a tuple or array.

use super::Locale;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerLocale<T>([T; 5]);

impl<T: Default> Default for PerLocale<T> {
    fn default() -> Self {
        Self(Default::default())
    }
}

fn index(l: Locale) -> usize {
    Locale::ALL.iter().position(|x| *x == l).unwrap_or(0)
}

impl<T> PerLocale<T> {
    /// Each language's value from `f`.
    pub fn from_fn(mut f: impl FnMut(Locale) -> T) -> Self {
        Self(Locale::ALL.map(&mut f))
    }

    pub fn get(&self, l: Locale) -> &T {
        &self.0[index(l)]
    }

    pub fn get_mut(&mut self, l: Locale) -> &mut T {
        &mut self.0[index(l)]
    }

    /// The values given for some languages; the others have none.
    pub fn some(given: impl IntoIterator<Item = (Locale, T)>) -> PerLocale<Option<T>> {
        let mut out = PerLocale::from_fn(|_| None);
        for (l, v) in given {
            *out.get_mut(l) = Some(v);
        }
        out
    }

    /// (language, value) in the order of [`Locale::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = (Locale, &T)> {
        Locale::ALL.into_iter().zip(self.0.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_by_their_language() {
        let mut p: PerLocale<String> = PerLocale::default();
        *p.get_mut(Locale::Tr) = "Kırmızı".into();
        assert_eq!(p.get(Locale::Tr), "Kırmızı");
        assert_eq!(p.get(Locale::It), "");
        let codes = PerLocale::from_fn(|l| l.code());
        let listed: Vec<_> = codes.iter().map(|(l, c)| (l.code(), *c)).collect();
        assert!(listed.iter().all(|(a, b)| a == b));
        assert_eq!(listed.len(), 5);
    }
}
