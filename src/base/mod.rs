//! The ground floor: helpers that several stages need and that need
//! nothing of vitrine's but diagnostics and dates, so that every stage can
//! use them without importing another stage (`docs/architecture.md`).
//!
//! - [`fields`]: typed, positioned reading of TOML tables (front matter and
//!   `vitrine.toml`), and TOML syntax errors placed in their file;
//! - [`slug`]: slugs, folded words, language codes;
//! - [`hash`]: short content hashes for file names.

pub mod fields;
pub mod hash;
pub mod slug;
