//! Checks of a built site, after `render`: [`links`] follows every
//! internal link and anchor and lists the external ones, [`external`]
//! asks external hosts whether their pages still exist
//! (`vitrine check --links [--external]`).

pub mod external;
pub mod links;

use crate::config::Config;
use crate::{build_in_memory, Options, Report};

/// Builds the site of `opts` into memory and checks its links; `None`
/// when the build failed (the report says why).
pub fn build_and_check(opts: &Options) -> (Report, Option<Result<links::Links, String>>) {
    let (report, files) = build_in_memory(opts);
    let Some(files) = files else { return (report, None) };
    let mut ignored = Vec::new();
    let base = Config::load(&opts.root, opts.base_url.as_deref(), &mut ignored).map(|c| c.base_url);
    let checked = base.ok_or_else(|| "cannot read vitrine.toml".to_string()).and_then(|b| links::check(&files, &b));
    (report, Some(checked))
}
