//! Where rendered files go: a folder ([`super::DirSink`]), memory
//! ([`super::MemorySink`], `vitrine serve`), or nowhere ([`NullSink`],
//! `vitrine check`). Render hands each file to a sink as soon as it is made.

/// Where rendered files go: a folder, or nowhere for `vitrine check`.
pub trait Sink: Sync {
    /// `path` is relative to the output folder, with `/` separators.
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;

    /// Puts at `path` the file `path` of the site this one replaces, if
    /// the sink knows one and `whole` accepts the file's first 8 and last
    /// 12 bytes; `false` when it did not (then the caller makes the file).
    /// Files named by the hash of what they are made from (card images)
    /// are taken from there instead of being made again.
    fn reuse(&self, _path: &str, _whole: &dyn Fn(&[u8]) -> bool) -> bool {
        false
    }

    /// Puts at `path` the file of the current output that a page written
    /// by the last build, and not rendered again, made (`vitrine build`'s
    /// cache, [`super::reuse::ReuseSink`]). A sink that starts from the
    /// previous site (`vitrine serve`'s) has nothing to do.
    fn keep(&self, _path: &str) -> std::io::Result<()> {
        Ok(())
    }
}

/// Discards everything (`vitrine check`).
pub struct NullSink;

impl Sink for NullSink {
    fn put(&self, _: &str, _: &[u8]) -> std::io::Result<()> {
        Ok(())
    }
}
