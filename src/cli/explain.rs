//! `vitrine explain E012`: the section of `docs/diagnostics.md` (or its
//! French version, `docs/diagnostics.fr.md`) about a code, printed as it is
//! written there: the page and the command say the same.

use std::process::ExitCode;

use vitrine::diagnostic::{cli, explain, severity_word, Locale, Severity};

pub fn explain(code: &str, locale: Locale) -> ExitCode {
    match explain::section(code, locale) {
        Some(text) => {
            println!("{}", text.trim_end());
            ExitCode::SUCCESS
        }
        None => {
            let error = severity_word(Severity::Error, locale);
            eprintln!("{error}: {}", cli::unknown_code(code).render(locale));
            eprintln!("{}", cli::codes_are(explain::codes().join(", ")).render(locale));
            ExitCode::from(2)
        }
    }
}
