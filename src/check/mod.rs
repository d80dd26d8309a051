//! Checks of a built site, after `render`: [`links`] follows every
//! internal link and anchor and lists the external ones, [`external`]
//! asks external hosts whether their pages still exist
//! (`vitrine check --links [--external]`).

pub mod external;
pub mod links;

use std::path::Path;

use crate::config::Config;
use crate::diagnostic::{problems, Diagnostic};
use crate::{build_in_memory, Options, Report};

/// Builds the site of `opts` into memory and checks its links; `None`
/// when the build failed (the report says why). The broken links are
/// problems of the report.
pub fn build_and_check(opts: &Options) -> (Report, Option<links::Links>) {
    let (mut report, files) = build_in_memory(opts);
    let Some(files) = files else { return (report, None) };
    let mut problems = Vec::new();
    let Some(config) = Config::load(&opts.root, opts.base_url.as_deref(), &mut problems) else {
        report.diagnostics.extend(problems);
        return (report, None);
    };
    match links::check(&files, &config.base_url) {
        Ok(links) => {
            for b in &links.broken {
                let problem = problems::broken_link(&b.href, b.reason.clone());
                report.diagnostics.push(Diagnostic::about(Path::new(&b.page), problem));
            }
            (report, Some(links))
        }
        Err(e) => {
            let problem = problems::bad_base_url(&config.base_url, e.to_string());
            report.diagnostics.push(Diagnostic::about(Path::new("vitrine.toml"), problem));
            (report, None)
        }
    }
}
