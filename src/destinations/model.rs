use std::collections::HashMap;

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::destination_restrictions;
use crate::geo::CountryCode;

/// Why staff closed a destination, as shoppers are told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Trade sanctions forbid selling or delivering there.
    Sanctions,
    /// Carriers do not deliver there at the moment.
    Carriers,
    /// The destination's customs rules do not allow such parcels.
    Customs,
}

impl Reason {
    pub const ALL: [Reason; 3] = [Reason::Sanctions, Reason::Carriers, Reason::Customs];

    pub fn code(self) -> &'static str {
        match self {
            Reason::Sanctions => "sanctions",
            Reason::Carriers => "carriers",
            Reason::Customs => "customs",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == s)
    }

    /// What shoppers read, with `$country` ("We cannot deliver to Iran: …").
    pub fn shopper_message_id(self) -> String {
        format!("destination-closed-{}", self.code())
    }

    /// The message for a destination `reason` closed, else `otherwise` (a shop's own "does not ship there").
    pub fn message_or(reason: Option<Self>, otherwise: &str) -> String {
        reason.map_or_else(|| otherwise.to_string(), Self::shopper_message_id)
    }

    /// The reason's name on the staff page.
    pub fn label_id(self) -> String {
        format!("destination-reason-{}", self.code())
    }
}

/// A closed destination as stored.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = destination_restrictions)]
pub struct RestrictionRow {
    pub country: String,
    pub reason: String,
    /// For staff only: the regulation, the carrier's notice.
    pub note: String,
    pub closed_by: Option<i64>,
    pub closed_at: PrimitiveDateTime,
}

/// Every closed destination with its reason (what shoppers' pages consult).
#[derive(Debug, Clone, Default)]
pub struct Closed(HashMap<CountryCode, Reason>);

impl Closed {
    pub fn from_rows(rows: &[RestrictionRow]) -> Self {
        Self(
            rows.iter()
                .filter_map(|r| Some((CountryCode::parse(&r.country)?, Reason::parse(&r.reason)?)))
                .collect(),
        )
    }

    /// Why `cc` is closed; `None` while shops may ship there.
    pub fn reason(&self, cc: CountryCode) -> Option<Reason> {
        self.0.get(&cc).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_with_unknown_reasons_or_codes_close_nothing() {
        let row = |c: &str, r: &str| RestrictionRow {
            country: c.into(),
            reason: r.into(),
            note: String::new(),
            closed_by: None,
            closed_at: time::macros::datetime!(2026-12-07 10:00),
        };
        let closed = Closed::from_rows(&[
            row("IR", "sanctions"),
            row("YE", "later"),
            row("?", "customs"),
        ]);
        let ir = CountryCode::parse("IR").expect("code");
        assert_eq!(closed.reason(ir), Some(Reason::Sanctions));
        assert_eq!(closed.reason(CountryCode::parse("YE").expect("code")), None);
        assert_eq!(Reason::parse("carriers"), Some(Reason::Carriers));
    }
}
