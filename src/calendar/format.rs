//! Human labels for dates, periods and prices, in the page's language.
//!
//! The words come from the theme's i18n tables (`months`, `day_one`,
//! `quarter_format`, `price_format`), so adding a language needs no code.

use jiff::civil::Date;

use crate::calendar::period::Period;

/// The language-dependent words a label needs.
#[derive(Debug, Clone)]
pub struct Words {
    pub months: Vec<String>,
    pub day_one: String,
    pub quarter_format: String,
    pub price_format: String,
    /// Between the units and the decimals of a number ("," in French).
    pub decimal_sep: String,
}

impl Words {
    /// "8 avril 2024", "1er avril 2024", "8 April 2024".
    pub fn date(&self, d: Date) -> String {
        let month = self
            .months
            .get(usize::try_from(d.month() - 1).unwrap_or(0))
            .cloned()
            .unwrap_or_else(|| format!("{:02}", d.month()));
        let day = if d.day() == 1 { self.day_one.clone() } else { d.day().to_string() };
        format!("{day} {month} {}", d.year())
    }

    /// "T3 2026" / "Q3 2026", or "septembre 2026" for a month.
    pub fn period(&self, p: Period) -> String {
        match p {
            Period::Quarter { year, quarter } => {
                self.quarter_format.replace("{quarter}", &quarter.to_string()).replace("{year}", &year.to_string())
            }
            Period::Month { year, month } => {
                let name = self.months.get(usize::try_from(month - 1).unwrap_or(0)).cloned().unwrap_or_default();
                format!("{name} {year}")
            }
        }
    }

    /// "2,5" / "2.5", "3" for 3.0: as the theme's `num` component writes
    /// a number.
    pub fn decimal(&self, x: f64) -> String {
        let s = x.to_string();
        let s = s.strip_suffix(".0").unwrap_or(&s);
        s.replace('.', &self.decimal_sep)
    }

    /// "150 €", "99 $US": the amount without useless decimals.
    pub fn price(&self, amount: f64, currency: &str) -> String {
        let amount = if amount.fract() == 0.0 { format!("{amount:.0}") } else { format!("{amount:.2}") };
        let symbol = match currency {
            "EUR" => "€",
            "USD" => "$",
            "GBP" => "£",
            other => other,
        };
        self.price_format.replace("{amount}", &amount).replace("{currency}", symbol)
    }
}

/// "2 000 000" with a narrow no-break space, or "2,000,000" (`sep`).
pub fn group_thousands(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn fr() -> Words {
        Words {
            months: [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ]
            .map(String::from)
            .to_vec(),
            day_one: "1er".into(),
            quarter_format: "T{quarter} {year}".into(),
            price_format: "{amount} {currency}".into(),
            decimal_sep: ",".into(),
        }
    }

    #[test]
    fn numbers_lose_a_useless_decimal_and_take_the_language_separator() {
        let fr = fr();
        assert_eq!(fr.decimal(2.5), "2,5");
        assert_eq!(fr.decimal(3.0), "3");
        assert_eq!(fr.decimal(10.0), "10");
        let en = Words { decimal_sep: ".".into(), ..fr };
        assert_eq!(en.decimal(2.5), "2.5");
    }

    #[test]
    fn french_dates() {
        assert_eq!(fr().date(date(2024, 4, 8)), "8 avril 2024");
        assert_eq!(fr().date(date(2024, 4, 1)), "1er avril 2024");
        assert_eq!(fr().period(Period::Quarter { year: 2027, quarter: 1 }), "T1 2027");
        assert_eq!(fr().price(150.0, "EUR"), "150 €");
        assert_eq!(group_thousands(2_000_000, " "), "2 000 000");
    }
}
