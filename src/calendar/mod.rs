//! Dates, planned periods and statuses: everything that depends on "today".

pub mod format;
pub mod grid;
pub mod ics;
pub mod period;
pub mod status;
pub mod today;
