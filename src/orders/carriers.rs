//! The carriers a shop can hand a parcel to: the national posts of the pilot countries and the major couriers,
//! each with the public tracking page a shopper follows (`{}` is the tracking number, percent-encoded).

/// A carrier and its tracking page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Carrier {
    /// Stored on the order (`order_shipments.carrier`).
    pub code: &'static str,
    /// Its own name (brand names are not translated).
    pub name: &'static str,
    /// The country whose post it is ("" for an international courier): listed first for shops there.
    pub home: &'static str,
    pub url: &'static str,
}

/// A carrier not listed: the number is shown, without a link.
pub const OTHER: &str = "other";

pub const CARRIERS: [Carrier; 14] = [
    Carrier { code: "russian_post", name: "Почта России", home: "RU", url: "https://www.pochta.ru/tracking?barcode={}" },
    Carrier { code: "cdek", name: "СДЭК", home: "RU", url: "https://www.cdek.ru/ru/tracking?order_id={}" },
    Carrier { code: "ptt", name: "PTT Kargo", home: "TR", url: "https://gonderitakip.ptt.gov.tr/Track/Verify?q={}" },
    Carrier { code: "yurtici", name: "Yurtiçi Kargo", home: "TR", url: "https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code={}" },
    Carrier { code: "poste_italiane", name: "Poste Italiane", home: "IT", url: "https://www.poste.it/cerca/index.html#/risultati-spedizioni/{}" },
    Carrier { code: "brt", name: "BRT", home: "IT", url: "https://vas.brt.it/vas/sped_det_show.hsm?referer=sped_numspe_par.htm&Nspediz={}" },
    Carrier { code: "correos", name: "Correos", home: "ES", url: "https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number={}" },
    Carrier { code: "seur", name: "SEUR", home: "ES", url: "https://www.seur.com/livetracking/?segOnlineIdentificador={}" },
    Carrier { code: "kazpost", name: "Kazpost", home: "KZ", url: "https://post.kz/mail-app/track/{}" },
    Carrier { code: "dhl", name: "DHL", home: "", url: "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={}" },
    Carrier { code: "ups", name: "UPS", home: "", url: "https://www.ups.com/track?tracknum={}" },
    Carrier { code: "fedex", name: "FedEx", home: "", url: "https://www.fedex.com/fedextrack/?trknbr={}" },
    Carrier { code: "dpd", name: "DPD", home: "", url: "https://tracking.dpd.de/status/en_US/parcel/{}" },
    Carrier { code: "gls", name: "GLS", home: "", url: "https://gls-group.com/track/{}" },
];

pub fn find(code: &str) -> Option<&'static Carrier> {
    CARRIERS.iter().find(|c| c.code == code)
}

/// Whether `code` may be stored: a listed carrier or [`OTHER`].
pub fn known(code: &str) -> bool {
    code == OTHER || find(code).is_some()
}

/// The carriers in the order a shop in `country` picks from: its country's posts first, then the couriers,
/// then the other countries' posts.
pub fn for_shop(country: &str) -> Vec<&'static Carrier> {
    let rank = |c: &Carrier| match c.home {
        h if h == country => 0,
        "" => 1,
        _ => 2,
    };
    let mut all: Vec<&Carrier> = CARRIERS.iter().collect();
    all.sort_by_key(|c| rank(c));
    all
}

/// The tracking page of `number` at carrier `code` (`None` for a carrier not listed, or no number).
pub fn tracking_url(code: &str, number: &str) -> Option<String> {
    let carrier = find(code)?;
    let number = number.trim();
    if number.is_empty() {
        return None;
    }
    let encoded: String = form_urlencoded::byte_serialize(number.as_bytes()).collect();
    Some(carrier.url.replace("{}", &encoded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_links_are_built_from_each_carriers_template_with_the_number_encoded() {
        assert_eq!(
            tracking_url("russian_post", " RA123456785RU "),
            Some("https://www.pochta.ru/tracking?barcode=RA123456785RU".into())
        );
        assert_eq!(
            tracking_url("ups", "1Z 999&x=1"),
            Some("https://www.ups.com/track?tracknum=1Z+999%26x%3D1".into())
        );
        assert_eq!(tracking_url("other", "X1"), None);
        assert_eq!(tracking_url("dhl", ""), None);
        assert!(known("other") && known("ptt") && !known("pigeon"));
        assert_eq!(for_shop("TR")[0].code, "ptt");
        assert_eq!(for_shop("RU")[1].code, "cdek");
        assert_eq!(for_shop("IT")[2].code, "dhl");
        // Every template has one slot and is https.
        for c in CARRIERS {
            assert_eq!(c.url.matches("{}").count(), 1, "{}", c.code);
            assert!(c.url.starts_with("https://"), "{}", c.code);
        }
    }
}
