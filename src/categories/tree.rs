//! The category tree with translated names and slugs, loaded whole (it is small) per request.

use std::collections::HashMap;

use super::model::{CategoryRow, CategoryTranslation};
use crate::i18n::Locale;

#[derive(Debug, Clone)]
pub struct CategoryNode {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub position: i32,
    pub key: String,
    pub hidden: bool,
    pub reduced_vat: bool,
    names: HashMap<Locale, (String, String)>,
}

impl CategoryNode {
    /// Name in `l`, else English, else the key.
    pub fn name(&self, l: Locale) -> String {
        self.names
            .get(&l)
            .or_else(|| self.names.get(&Locale::FALLBACK))
            .map(|(n, _)| n.clone())
            .unwrap_or_else(|| self.key.clone())
    }

    pub fn slug(&self, l: Locale) -> String {
        self.names
            .get(&l)
            .or_else(|| self.names.get(&Locale::FALLBACK))
            .map(|(_, s)| s.clone())
            .unwrap_or_else(|| self.key.clone())
    }
}

#[derive(Debug, Clone, Default)]
pub struct CategoryTree {
    nodes: Vec<CategoryNode>,
}

impl CategoryTree {
    pub fn build(rows: Vec<CategoryRow>, translations: Vec<CategoryTranslation>) -> Self {
        let mut names: HashMap<i64, HashMap<Locale, (String, String)>> = HashMap::new();
        for t in translations {
            if let Some(l) = Locale::parse(&t.locale) {
                names
                    .entry(t.category_id)
                    .or_default()
                    .insert(l, (t.name, t.slug));
            }
        }
        let mut nodes: Vec<CategoryNode> = rows
            .into_iter()
            .map(|r| CategoryNode {
                names: names.remove(&r.id).unwrap_or_default(),
                id: r.id,
                parent_id: r.parent_id,
                position: r.position,
                key: r.key,
                hidden: r.hidden,
                reduced_vat: r.reduced_vat,
            })
            .collect();
        nodes.sort_by_key(|n| (n.position, n.id));
        Self { nodes }
    }

    pub fn get(&self, id: i64) -> Option<&CategoryNode> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// Finds a visible category by slug in `l`; falls back to any locale's slug (the caller redirects).
    pub fn by_slug(&self, l: Locale, slug: &str) -> Option<&CategoryNode> {
        self.visible()
            .find(|n| n.names.get(&l).is_some_and(|(_, s)| s == slug))
            .or_else(|| {
                self.visible()
                    .find(|n| n.names.values().any(|(_, s)| s == slug) || n.key == slug)
            })
    }

    pub fn visible(&self) -> impl Iterator<Item = &CategoryNode> {
        self.nodes
            .iter()
            .filter(|n| !self.hidden_or_under_hidden(n))
    }

    fn hidden_or_under_hidden(&self, n: &CategoryNode) -> bool {
        let mut cur = Some(n);
        let mut guard = 0;
        while let Some(c) = cur {
            if c.hidden {
                return true;
            }
            guard += 1;
            if guard > 32 {
                return true;
            }
            cur = c.parent_id.and_then(|p| self.get(p));
        }
        false
    }

    pub fn roots(&self) -> Vec<&CategoryNode> {
        self.visible().filter(|n| n.parent_id.is_none()).collect()
    }

    pub fn children(&self, id: i64) -> Vec<&CategoryNode> {
        self.visible().filter(|n| n.parent_id == Some(id)).collect()
    }

    /// The category and all its visible descendants.
    pub fn subtree_ids(&self, id: i64) -> Vec<i64> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            let cur = out[i];
            out.extend(self.children(cur).iter().map(|c| c.id));
            i += 1;
            if out.len() > 10_000 {
                break;
            }
        }
        out
    }

    /// Whether goods of category `id` take the reduced VAT rate: it or a category above it says so.
    pub fn reduced_vat(&self, id: i64) -> bool {
        self.path(id).iter().any(|c| c.reduced_vat)
    }

    /// Root first, ending with the category itself.
    pub fn path(&self, id: i64) -> Vec<&CategoryNode> {
        let mut out = Vec::new();
        let mut cur = self.get(id);
        while let Some(c) = cur {
            out.push(c);
            if out.len() > 32 {
                break;
            }
            cur = c.parent_id.and_then(|p| self.get(p));
        }
        out.reverse();
        out
    }

    /// Among `candidates` (children of a category, or roots), the one whose subtree holds `leaf`.
    pub fn ancestor_among(&self, leaf: i64, candidates: &[i64]) -> Option<i64> {
        self.path(leaf)
            .iter()
            .map(|n| n.id)
            .find(|id| candidates.contains(id))
    }
}
