//! What a review is, the rating arithmetic (average, distribution, Bayesian score) and who may write one.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::reviews;

/// Longest review text, in characters.
pub const MAX_TEXT: usize = 5_000;
/// Longest title, in characters.
pub const MAX_TITLE: usize = 120;
/// Longest merchant reply or moderation reason, in characters.
pub const MAX_REPLY: usize = 2_000;
/// Photos per review.
pub const MAX_PHOTOS: usize = 4;
/// Reviews per page of a product's reviews.
pub const PER_PAGE: i64 = 10;
/// The Bayesian prior: a product's score counts [`PRIOR_WEIGHT`] imaginary reviews of [`PRIOR_MEAN_MILLI`]
/// thousandths of a star besides its own, so one 5★ review (3.75) ranks below two hundred of 4.8★ (4.77).
pub const PRIOR_WEIGHT: i64 = 5;
pub const PRIOR_MEAN_MILLI: i64 = 3_500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Visible,
    Hidden,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Visible => "visible",
            Status::Hidden => "hidden",
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = reviews)]
pub struct ReviewRow {
    pub id: i64,
    pub product_id: i64,
    pub merchant_id: i64,
    pub user_id: i64,
    pub order_line_id: Option<i64>,
    pub product_title: String,
    pub rating: i32,
    pub title: String,
    pub body: String,
    pub lang: String,
    pub country: String,
    pub author: String,
    pub variant_label: String,
    pub status: String,
    pub hidden_reason: String,
    pub reports: i32,
    pub reply: String,
    pub reply_lang: String,
    pub replied_at: Option<PrimitiveDateTime>,
    pub created_at: PrimitiveDateTime,
}

impl ReviewRow {
    pub fn hidden(&self) -> bool {
        self.status == Status::Hidden.as_str()
    }
}

/// A product's or shop's visible ratings: how many, their sum, and how many of each star (1 to 5).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stars {
    pub count: i32,
    pub sum: i32,
    pub bars: [i32; 5],
}

impl Stars {
    /// Counts `ratings` (values outside 1..=5 are ignored).
    pub fn of(ratings: &[i32]) -> Self {
        let mut s = Stars::default();
        for r in ratings {
            if let Some(slot) = usize::try_from(*r - 1).ok().and_then(|i| s.bars.get_mut(i)) {
                *slot += 1;
                s.count += 1;
                s.sum += r;
            }
        }
        s
    }

    /// The average in tenths of a star, rounded half up (4.65 → 47); 0 without ratings.
    pub fn average_tenths(&self) -> i64 {
        average_tenths(self.count, self.sum)
    }

    /// The Bayesian average in thousandths of a star (see [`PRIOR_WEIGHT`]), rounded half up.
    pub fn score(&self) -> i32 {
        let n = i64::from(self.count) + PRIOR_WEIGHT;
        let total = i64::from(self.sum) * 1_000 + PRIOR_WEIGHT * PRIOR_MEAN_MILLI;
        i32::try_from((2 * total + n) / (2 * n)).unwrap_or(0)
    }

    /// What listings filter and sort by, as stored on the product row: (average in tenths, Bayesian score),
    /// both 0 without ratings so unrated products come after every rated one under "best rated".
    pub fn rank(&self) -> (i32, i32) {
        if self.count <= 0 {
            return (0, 0);
        }
        (
            i32::try_from(self.average_tenths()).unwrap_or(0),
            self.score(),
        )
    }

    /// Each star's share of the ratings in whole percent (5★ first), for the distribution bars.
    pub fn percents(&self) -> Vec<(i32, i32, i64)> {
        (1..=5)
            .rev()
            .map(|star| {
                let n = self.bars[usize::try_from(star - 1).unwrap_or(0)];
                let pct = if self.count > 0 {
                    (i64::from(n) * 200 + i64::from(self.count)) / (2 * i64::from(self.count))
                } else {
                    0
                };
                (star, n, pct)
            })
            .collect()
    }
}

/// An average from a count and a sum, in tenths of a star, rounded half up; 0 without ratings.
pub fn average_tenths(count: i32, sum: i32) -> i64 {
    if count <= 0 {
        return 0;
    }
    let (c, s) = (i64::from(count), i64::from(sum));
    (20 * s + c) / (2 * c)
}

/// How a buyer is named under a review: the first name and the initial of the last ("Hans M.", "Айгерим К.").
pub fn author_of(full_name: &str) -> String {
    let mut words = full_name.split_whitespace();
    let first = words.next().unwrap_or_default();
    match words.last().and_then(|w| w.chars().next()) {
        Some(initial) => format!("{first} {}.", initial.to_uppercase()),
        None => first.to_string(),
    }
}

/// Why a review cannot be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The line is not the account's (or does not exist).
    NotBought,
    /// The order has not been delivered yet.
    NotDelivered,
    /// The account has reviewed this product already.
    AlreadyReviewed,
}

impl Refusal {
    pub fn message_id(self) -> &'static str {
        match self {
            Refusal::NotBought => "review-not-bought",
            Refusal::NotDelivered => "review-not-delivered",
            Refusal::AlreadyReviewed => "review-already",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_count_sum_and_round_half_up() {
        let s = Stars::of(&[5, 4, 4, 5, 0, 6]);
        assert_eq!((s.count, s.sum, s.bars), (4, 18, [0, 0, 0, 2, 2]));
        // 4.5 exactly
        assert_eq!(s.average_tenths(), 45);
        // 14 / 3 = 4.666… → 4.7
        assert_eq!(Stars::of(&[5, 5, 4]).average_tenths(), 47);
        assert_eq!(Stars::default().average_tenths(), 0);
        let p = s.percents();
        assert_eq!(p[0], (5, 2, 50));
        assert_eq!(p[4], (1, 0, 0));
    }

    #[test]
    fn one_five_star_review_does_not_beat_two_hundred_at_four_point_eight() {
        let one = Stars::of(&[5]);
        let mut many = vec![5; 160];
        many.extend(vec![4; 40]);
        let many = Stars::of(&many);
        assert_eq!(many.average_tenths(), 48);
        assert_eq!(one.score(), 3_750);
        assert_eq!(many.score(), 4_768);
        assert!(many.score() > one.score());
        // Nothing rated sits at the prior.
        assert_eq!(Stars::default().score(), 3_500);
    }

    #[test]
    fn authors_show_first_name_and_initial() {
        assert_eq!(author_of("Hans Müller"), "Hans M.");
        assert_eq!(author_of("  Айгерим   Калиева "), "Айгерим К.");
        assert_eq!(author_of("María José de la Fuente"), "María F.");
        assert_eq!(author_of("Madonna"), "Madonna");
    }
}
